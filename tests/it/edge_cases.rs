//! Edge cases that must tell the truth, through the command line (the window's side is in
//! tests/ui.rs): payback counted from the first active month, nothing happening, money after
//! the horizon, flows that change sign more than once, and a very large IRR.
//!
//! Expected figures are worked out in the comments from the conventions in the README
//! ("Money and time conventions").

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roi-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

struct Case {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Case {
    fn path(&self) -> &str {
        self.path.to_str().expect("a UTF-8 path")
    }
}

/// A scenario file made from the bundled `name` with each `(from, to)` replaced once.
fn case(name: &str, edits: &[(&str, &str)]) -> Case {
    let mut text = roi_planner::bundled::find(name)
        .expect("bundled")
        .text
        .to_owned();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in {name}");
        text = text.replacen(from, to, 1);
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("case.ron");
    std::fs::write(&path, text).expect("writes");
    Case { _dir: dir, path }
}

/// The worked example with its custom lines replaced by `lines` (RON) and the horizon set.
fn custom_case(lines: &str, horizon: u32) -> Case {
    let text = roi_planner::bundled::find("worked-example")
        .expect("bundled")
        .text;
    let start = text.find("        lines: [").expect("lines");
    let end = text[start..].find("],").expect("end of lines") + start + 2;
    let text = format!(
        "{}        lines: [{lines}],{}",
        &text[..start],
        &text[end..]
    )
    .replace("horizon_months: 12", &format!("horizon_months: {horizon}"));
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("custom.ron");
    std::fs::write(&path, text).expect("writes");
    Case { _dir: dir, path }
}

fn json(case: &Case) -> (Value, Vec<String>) {
    let out = run(&["simulate", case.path(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    (
        serde_json::from_slice(&out.stdout).expect("JSON"),
        stderr.lines().map(str::to_owned).collect(),
    )
}

fn warnings(v: &Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|w| w.as_str().expect("a string").to_owned())
        .collect()
}

#[test]
fn payback_counts_from_the_first_active_month() {
    // The bundled chatbot started in month 4 instead of 1: every flow moves three months later,
    // nothing grows or is indexed, so payback (counted from the first month with any cost or
    // benefit) is the same, and break-even, a calendar month, is three months later.
    let early = json(&case("chatbot", &[])).0;
    let late = json(&case(
        "chatbot",
        &[(
            "start_month: 1,\n        implementation_months: 1",
            "start_month: 4,\n        implementation_months: 1",
        )],
    ))
    .0;
    for key in ["payback_months", "discounted_payback_months"] {
        assert_eq!(late["summary"][key], early["summary"][key], "{key}");
    }
    let month = |v: &Value| v["summary"]["break_even_month"].as_u64().expect("a month");
    assert_eq!(month(&late), month(&early) + 3);
    // A stand-alone initiative follows the same rule.
    assert_eq!(
        late["initiatives"][0]["standalone"]["payback_months"],
        early["initiatives"][0]["standalone"]["payback_months"]
    );
}

#[test]
fn nothing_happening_has_no_break_even_and_no_payback() {
    // Every initiative off: no cost, no benefit, so nothing to break even.
    let off = case("chatbot", &[("enabled: true", "enabled: false")]);
    let (v, _) = json(&off);
    for key in [
        "break_even_month",
        "payback_months",
        "discounted_payback_months",
        "irr_annual_pct",
        "roi_pct",
    ] {
        assert!(v["summary"][key].is_null(), "{key}: {}", v["summary"][key]);
    }
    // Everything starting after the horizon: the same, and a warning says why.
    let late = case("chatbot", &[("start_month: 1", "start_month: 30")]);
    let (v, stderr) = json(&late);
    assert!(v["summary"]["break_even_month"].is_null());
    assert!(v["summary"]["payback_months"].is_null());
    let w = warnings(&v);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with("chatbot.start_month: ")
            && w[0].contains("month 30")
            && w[0].contains("18-month horizon"),
        "{w:?}"
    );
    assert_eq!(stderr, [format!("{}: warning: {}", late.path(), w[0])]);
}

#[test]
fn money_after_the_horizon_is_warned_about_not_dropped_silently() {
    // A custom line in month 40 of a 12-month horizon.
    let c = custom_case(
        r#"(name: "licence renewal", kind: cost, amount: 5000, timing: OneOff(month: 40)),
           (name: "savings", kind: benefit, amount: 1000, timing: Monthly(from: 1, to: 12))"#,
        12,
    );
    let (v, stderr) = json(&c);
    let w = warnings(&v);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with("custom.lines[0].timing: ")
            && w[0].contains("month 40")
            && w[0].contains("12-month horizon"),
        "{w:?}"
    );
    assert_eq!(stderr, [format!("{}: warning: {}", c.path(), w[0])]);
    // `check` says it too, and still exits 0.
    let out = run(&["check", c.path()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{}: ok", c.path())
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!("{}: warning: {}", c.path(), w[0])
    );
    // A line that runs past the horizon: the months after it are named.
    let c = custom_case(
        r#"(name: "support contract", kind: cost, amount: 200, timing: Monthly(from: 6, to: 24))"#,
        12,
    );
    let w = warnings(&json(&c).0);
    assert!(w[0].contains("months 13 to 24"), "{w:?}");
    // An initiative that goes live after the horizon: its costs count, its benefits do not.
    let c = case(
        "chatbot",
        &[("implementation_months: 1", "implementation_months: 20")],
    );
    let w = warnings(&json(&c).0);
    assert!(
        w[0].starts_with("chatbot.implementation_months: ") && w[0].contains("month 21"),
        "{w:?}"
    );
}

#[test]
fn flows_that_change_sign_more_than_once_have_an_irr_only_where_one_rate_makes_the_npv_zero() {
    // Net −1000, +1500, −800, +200: the sign changes three times, the cumulative (−1000, +500,
    // −300, −100) twice, so neither rule of signs settles it; a scan of the NPV finds one rate
    // only (bisection in Python over −99.99% to 2000% a month: −17.658% a month, −90.285% a
    // year), which is the IRR. Break-even is month 2 (the first crossing), and it falls back
    // below zero in month 3.
    let c = custom_case(
        r#"(name: "build", kind: cost, amount: 1000, timing: OneOff(month: 1)),
           (name: "win", kind: benefit, amount: 1500, timing: OneOff(month: 2)),
           (name: "rebuild", kind: cost, amount: 800, timing: OneOff(month: 3)),
           (name: "win again", kind: benefit, amount: 200, timing: OneOff(month: 4))"#,
        4,
    );
    let (v, _) = json(&c);
    assert_eq!(v["summary"]["irr_annual_pct"], "-90.29");
    assert_eq!(v["summary"]["break_even_month"], 2);
    let w = warnings(&v);
    assert!(!w.iter().any(|w| w.starts_with("IRR:")), "{w:?}");
    assert!(
        w.iter()
            .any(|w| w.contains("month 2") && w.contains("again in month 3")),
        "{w:?}"
    );
    // −500, +1050, +100, −800, +100 (numpy-financial's −5, 10.5, 1, −8, 1 × 100): the NPV is
    // zero at three rates, so there is no IRR, and the warning names them.
    let c = custom_case(
        r#"(name: "build", kind: cost, amount: 500, timing: OneOff(month: 1)),
           (name: "win", kind: benefit, amount: 1050, timing: OneOff(month: 2)),
           (name: "more", kind: benefit, amount: 100, timing: OneOff(month: 3)),
           (name: "rebuild", kind: cost, amount: 800, timing: OneOff(month: 4)),
           (name: "last", kind: benefit, amount: 100, timing: OneOff(month: 5))"#,
        5,
    );
    let (v, _) = json(&c);
    assert!(v["summary"]["irr_annual_pct"].is_null());
    let w = warnings(&v);
    assert!(
        w.iter()
            .any(|w| w.starts_with("IRR: the NPV is zero at 3 rates (") && w.contains("a year)")),
        "{w:?}"
    );
}

#[test]
fn a_very_large_irr_is_a_number_not_no_irr() {
    // Net −100 in month 1, +2000 in month 2: the monthly IRR r solves −100/(1+r) +
    // 2000/(1+r)² = 0, so 1 + r = 20 and r = 1900% a month, above the 1000% a month the search
    // used to stop at. A year: (1 + r)^12 − 1 = 20^12 − 1 = 4,095,999,999,999,999 → in percent
    // 409,599,999,999,999,900.
    let c = custom_case(
        r#"(name: "build", kind: cost, amount: 100, timing: OneOff(month: 1)),
           (name: "win", kind: benefit, amount: 2000, timing: OneOff(month: 2))"#,
        2,
    );
    let (v, _) = json(&c);
    let irr: f64 = v["summary"]["irr_annual_pct"]
        .as_str()
        .expect("a number, kept in the JSON")
        .parse()
        .expect("a number");
    let expected = (20f64.powi(12) - 1.0) * 100.0;
    assert!(
        ((irr - expected) / expected).abs() < 1e-9,
        "{irr} vs {expected}"
    );
    assert!(warnings(&v).is_empty(), "a number, no warning");
}

#[test]
fn the_table_shows_both_variants_and_says_when_there_is_no_risk_adjustment() {
    let out = run(&[
        "simulate",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/worked-example.ron")
            .to_str()
            .expect("path"),
    ]);
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(table.contains("No risk adjustment"), "{table}");
    let out = run(&[
        "simulate",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/combined.ron")
            .to_str()
            .expect("path"),
    ]);
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(table.contains("Risk-adjusted") && table.contains("Unadjusted"));
    // What each initiative adds, with the interaction, sums to the whole.
    assert!(table.contains("Interaction") && table.contains("Whole case"));
    // The operational figures before and after.
    for kpi in [
        "Cost per contact (EUR)",
        "Agents needed (FTE)",
        "Churn a month (%)",
    ] {
        assert!(
            table.lines().any(|l| l.starts_with(kpi)),
            "{kpi} in\n{table}"
        );
    }
}

#[test]
fn a_comparison_says_so_where_a_figure_is_missing_or_above_what_is_shown() {
    // The issue's case: two scenarios whose IRR is "> 1000%" printed a change of −3,754.1 pp.
    // −100 then +2000 (IRR 20^12 − 1 a year) against −100 then +3000: both above 1000%, so
    // the change says that instead of subtracting; against a cost alone (no IRR, no MIRR: the
    // net never changes sign) it says the figure is missing.
    use roi_planner::view::compare::{CompareView, Compared};
    let load = |win: u32| {
        let c = custom_case(
            &format!(
                r#"(name: "build", kind: cost, amount: 100, timing: OneOff(month: 1)),
                   (name: "win", kind: benefit, amount: {win}, timing: OneOff(month: 2))"#
            ),
            2,
        );
        let text = std::fs::read_to_string(c.path()).expect("read");
        let valid = roi_planner::model::file::parse(&text).expect("valid");
        let p = roi_planner::sim::simulate(&valid).expect("computes");
        (valid.into_inner(), p)
    };
    let (a, pa) = load(2000);
    let (b, pb) = load(3000);
    let only_costs = custom_case(
        r#"(name: "build", kind: cost, amount: 100, timing: OneOff(month: 1))"#,
        2,
    );
    let text = std::fs::read_to_string(only_costs.path()).expect("read");
    let valid = roi_planner::model::file::parse(&text).expect("valid");
    let pc = roi_planner::sim::simulate(&valid).expect("computes");
    let c = valid.into_inner();
    let view = CompareView::build(
        &[
            Compared {
                name: "a",
                scenario: &a,
                projection: Some(&pa),
            },
            Compared {
                name: "b",
                scenario: &b,
                projection: Some(&pb),
            },
            Compared {
                name: "c",
                scenario: &c,
                projection: Some(&pc),
            },
        ],
        true,
        roi_planner::model::Lang::En,
    );
    let irr = view
        .figures
        .iter()
        .find(|f| f.label == "IRR (a year)")
        .expect("an IRR row");
    assert_eq!(irr.values[0], "> 1000%");
    assert_eq!(irr.changes[0].text, "both above 1000%");
    assert_eq!(irr.changes[0].better, None);
    assert_eq!(irr.changes[1].text, "none here");
    let mirr = view
        .figures
        .iter()
        .find(|f| f.label == "MIRR (a year)")
        .expect("a MIRR row");
    assert_eq!(mirr.changes[1].text, "none here");
}
