//! The command line, run as the built binary: `simulate` in its three formats, `check`,
//! `example`, and the exit statuses (0 fine, 1 a file has problems, 2 a usage error).
//! Running without a subcommand opens the window, so it is not tested here.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use roi_planner::bundled::BUNDLED;
use roi_planner::files;
use roi_planner::format::number;
use roi_planner::model::Lang;
use rust_decimal::Decimal;

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roi-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 errors")
}

/// Runs and checks the exit status, returning stdout and stderr.
fn check(args: &[&str], status: i32) -> (String, String) {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(status),
        "roi-planner {args:?}\nstdout: {}\nstderr: {}",
        stdout(&o),
        stderr(&o)
    );
    (stdout(&o), stderr(&o))
}

fn simulate_json(name: &str, extra: &[&str]) -> Value {
    let path = scenario(name);
    simulate_json_at(&path, extra)
}

/// Simulates the file at `path` as JSON; the warnings printed are exactly those in the JSON,
/// each naming the file.
fn simulate_json_at(path: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["simulate", path.to_str().expect("path"), "--format", "json"];
    args.extend(extra);
    let (out, err) = check(&args, 0);
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let printed: Vec<String> = err.lines().map(str::to_owned).collect();
    let listed: Vec<String> = v["warnings"]
        .as_array()
        .expect("warnings is a list")
        .iter()
        .map(|w| {
            format!(
                "{}: warning: {}",
                path.display(),
                w.as_str().expect("a warning is a string")
            )
        })
        .collect();
    assert_eq!(printed, listed, "stderr says what the JSON lists");
    v
}

// ---------------------------------------------------------------------------------------
// simulate --format json: the contract
// ---------------------------------------------------------------------------------------

const SUMMARY_KEYS: [&str; 12] = [
    "total_costs",
    "total_benefits",
    "net_benefit",
    "roi_pct",
    "npv",
    "roi_pv_pct",
    "irr_annual_pct",
    "mirr_annual_pct",
    "break_even_month",
    "payback_months",
    "discounted_payback_months",
    "discount_rate_annual_pct",
];

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn assert_keys(what: &str, v: &Value, expected: &[&str]) {
    let mut actual = keys(v);
    let mut expected = expected.to_vec();
    actual.sort_unstable();
    expected.sort_unstable();
    assert_eq!(actual, expected, "the names in {what}");
}

/// An amount: a decimal string with exactly 2 decimals, e.g. `-1234.50`.
fn assert_amount(what: &str, v: &Value) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is a string, got {v}"));
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits
        .split_once('.')
        .unwrap_or_else(|| panic!("{what} = {s:?} has a decimal point"));
    assert!(
        !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()),
        "{what} = {s:?}"
    );
    assert!(
        frac.len() == 2 && frac.bytes().all(|b| b.is_ascii_digit()),
        "{what} = {s:?} has 2 decimals"
    );
}

/// An amount or `null`.
fn assert_opt_amount(what: &str, v: &Value) {
    if !v.is_null() {
        assert_amount(what, v);
    }
}

fn assert_summary(what: &str, s: &Value) {
    assert_keys(what, s, &SUMMARY_KEYS);
    for key in [
        "total_costs",
        "total_benefits",
        "net_benefit",
        "npv",
        "discount_rate_annual_pct",
    ] {
        assert_amount(&format!("{what}.{key}"), &s[key]);
    }
    for key in [
        "roi_pct",
        "irr_annual_pct",
        "payback_months",
        "discounted_payback_months",
    ] {
        assert_opt_amount(&format!("{what}.{key}"), &s[key]);
    }
    let m = &s["break_even_month"];
    assert!(
        m.is_null() || m.is_u64(),
        "{what}.break_even_month is an integer or null, got {m}"
    );
}

/// The operational figures: exactly these names, each an amount (a string with 2 decimals).
fn assert_kpis(what: &str, k: &Value) {
    let names = [
        "contacts",
        "bot_resolved_contacts",
        "agent_contacts",
        "fcr_pct",
        "handle_time_minutes",
        "cost_per_contact",
        "agent_hours",
        "agent_fte",
        "customers",
        "churn_monthly_pct",
    ];
    // With staffing by service level, the headcount path's figures too (README).
    let staffing = [
        "service_level_pct",
        "asa_seconds",
        "occupancy_pct",
        "agents_required_fte",
        "agents_paid_fte",
        "leavers_fte",
        "hires_fte",
        "payroll",
    ];
    let mut names = names.to_vec();
    if k.get("payroll").is_some() {
        names.extend(staffing);
    }
    assert_keys(what, k, &names);
    for name in names {
        assert_amount(&format!("{what}.{name}"), &k[name]);
    }
}

fn assert_contract(v: &Value, horizon: u64) {
    assert_keys(
        "the document",
        v,
        &[
            "scenario",
            "currency",
            "horizon_months",
            "risk_adjusted",
            "months",
            "summary",
            "initiatives",
            "baseline_kpis",
            "years",
            "longer_view",
            "verdicts",
            "warnings",
        ],
    );
    assert_kpis("baseline_kpis", &v["baseline_kpis"]);
    // The years: months 1 to the horizon once each, every money field an amount, and the
    // present values adding up to the NPV within a cent a year.
    let years = v["years"].as_array().expect("years is a list");
    let mut next = 1;
    let mut pv = 0.0;
    for y in years {
        assert_keys(
            "a year",
            y,
            &[
                "year", "label", "months", "costs", "benefits", "net", "pv", "lines",
            ],
        );
        for key in ["costs", "benefits", "net", "pv"] {
            assert_amount(&format!("years[].{key}"), &y[key]);
        }
        assert_eq!(y["months"][0].as_u64(), Some(next), "years run on");
        next = y["months"][1].as_u64().expect("last month") + 1;
        pv += y["pv"]
            .as_str()
            .and_then(|s| s.parse::<f64>().ok())
            .expect("pv");
        for l in y["lines"].as_array().expect("lines") {
            assert_keys(
                "a year's line",
                l,
                &["key", "initiative", "name", "kind", "amount", "pv"],
            );
        }
    }
    assert_eq!(next, horizon + 1, "the years cover the horizon");
    let npv: f64 = v["summary"]["npv"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("npv");
    assert!(
        (pv - npv).abs() <= 0.01 * years.len() as f64,
        "PV {pv} against NPV {npv}"
    );
    assert!(
        v["verdicts"]
            .as_array()
            .expect("a list")
            .iter()
            .all(Value::is_string)
    );
    if !v["longer_view"].is_null() {
        assert_keys(
            "longer_view",
            &v["longer_view"],
            &["horizon_months", "summary", "initiatives"],
        );
    }
    assert!(
        v["warnings"]
            .as_array()
            .expect("a list")
            .iter()
            .all(Value::is_string),
        "warnings are strings"
    );
    assert!(v["scenario"].is_string());
    assert_eq!(v["currency"], "EUR");
    assert_eq!(v["horizon_months"].as_u64(), Some(horizon));
    assert!(v["risk_adjusted"].is_boolean());
    let months = v["months"].as_array().expect("months is a list");
    assert_eq!(months.len() as u64, horizon);
    for (i, m) in months.iter().enumerate() {
        let what = format!("months[{i}]");
        assert_keys(
            &what,
            m,
            &[
                "month",
                "costs",
                "benefits",
                "net",
                "cumulative_net",
                "discounted_net",
                "roi_to_date_pct",
                "lines",
                "kpis",
            ],
        );
        assert_kpis(&format!("{what}.kpis"), &m["kpis"]);
        assert_eq!(
            m["month"].as_u64(),
            Some(i as u64 + 1),
            "{what}.month is an integer"
        );
        for key in [
            "costs",
            "benefits",
            "net",
            "cumulative_net",
            "discounted_net",
        ] {
            assert_amount(&format!("{what}.{key}"), &m[key]);
        }
        assert_opt_amount(&format!("{what}.roi_to_date_pct"), &m["roi_to_date_pct"]);
        let lines = m["lines"].as_array().expect("lines is a list");
        assert!(!lines.is_empty());
        for (j, l) in lines.iter().enumerate() {
            let what = format!("{what}.lines[{j}]");
            assert_keys(&what, l, &["initiative", "key", "name", "kind", "amount"]);
            assert!(
                ["chatbot", "omnichannel", "training", "custom"]
                    .contains(&l["initiative"].as_str().expect("str"))
            );
            assert!(
                l["name"].as_str().is_some_and(|n| !n.is_empty()),
                "{what}.name"
            );
            assert!(
                l["kind"] == "cost" || l["kind"] == "benefit",
                "{what}.kind is {}",
                l["kind"]
            );
            assert_amount(&format!("{what}.amount"), &l["amount"]);
        }
    }
    assert_summary("summary", &v["summary"]);
    for (i, init) in v["initiatives"]
        .as_array()
        .expect("initiatives is a list")
        .iter()
        .enumerate()
    {
        let what = format!("initiatives[{i}]");
        assert_keys(&what, init, &["name", "standalone", "marginal_net_benefit"]);
        assert!(init["name"].is_string());
        assert_summary(&format!("{what}.standalone"), &init["standalone"]);
        assert_amount(
            &format!("{what}.marginal_net_benefit"),
            &init["marginal_net_benefit"],
        );
    }
}

#[test]
fn simulate_json_has_exactly_the_documented_names() {
    for b in &BUNDLED {
        let horizon = if b.name == "worked-example" { 12 } else { 18 };
        for extra in [&[][..], &["--unadjusted"][..]] {
            let v = simulate_json(b.name, extra);
            assert_contract(&v, horizon);
            assert_eq!(v["risk_adjusted"], extra.is_empty());
        }
    }
}

#[test]
fn simulate_json_figures() {
    // The worked example (the source articles): ROI 100.00%, break-even month 6, figures as decimal strings.
    let v = simulate_json("worked-example", &[]);
    assert_eq!(v["scenario"], "Worked example");
    assert_eq!(v["summary"]["total_costs"], "100000.00");
    assert_eq!(v["summary"]["total_benefits"], "200000.00");
    assert_eq!(v["summary"]["roi_pct"], "100.00");
    assert_eq!(v["summary"]["break_even_month"], 6);
    assert_eq!(v["summary"]["discount_rate_annual_pct"], "10.00");
    assert_eq!(v["initiatives"][0]["name"], "custom");
    // Month 1: the investment and a twelfth of each benefit (150,000 / 12 = 12,500.00;
    // 50,000 / 12 = 4,166.67).
    let m1 = &v["months"][0];
    assert_eq!(m1["costs"], "100000.00");
    assert_eq!(m1["benefits"], "16666.67");
    let amounts: Vec<(&str, &str, &str)> = m1["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| {
            (
                l["name"].as_str().expect("name"),
                l["kind"].as_str().expect("kind"),
                l["amount"].as_str().expect("amount"),
            )
        })
        .collect();
    assert_eq!(
        amounts,
        [
            ("chatbot investment", "cost", "100000.00"),
            ("staff savings", "benefit", "12500.00"),
            ("extra revenue", "benefit", "4166.67"),
        ]
    );
    // A missing metric is null: this case never goes negative, so there is no IRR.
    let dir = tempfile::tempdir().expect("temporary directory");
    let text =
        include_str!("../../scenarios/worked-example.ron").replace("amount: 100000", "amount: 0");
    let path = dir.path().join("free.ron");
    std::fs::write(&path, text).expect("writes");
    let (out, _) = check(
        &["simulate", path.to_str().expect("path"), "--format", "json"],
        0,
    );
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert!(v["summary"]["irr_annual_pct"].is_null());
    assert!(
        v["months"][0]["roi_to_date_pct"].is_null(),
        "nothing spent: no ROI to date"
    );
    assert_eq!(v["summary"]["break_even_month"], 1);
    // And one that never breaks even has null break-even and payback.
    let text = include_str!("../../scenarios/worked-example.ron")
        .replace("amount: 100000", "amount: 900000");
    std::fs::write(&path, text).expect("writes");
    let (out, _) = check(
        &["simulate", path.to_str().expect("path"), "--format", "json"],
        0,
    );
    let v: Value = serde_json::from_str(&out).expect("JSON");
    assert!(v["summary"]["break_even_month"].is_null());
    assert!(v["summary"]["payback_months"].is_null());
    assert!(v["summary"]["discounted_payback_months"].is_null());
}

#[test]
fn unadjusted_changes_the_figures() {
    let adjusted = simulate_json("chatbot", &[]);
    let unadjusted = simulate_json("chatbot", &["--unadjusted"]);
    assert_eq!(adjusted["risk_adjusted"], true);
    assert_eq!(unadjusted["risk_adjusted"], false);
    for key in ["total_costs", "total_benefits", "npv", "roi_pct"] {
        assert_ne!(
            adjusted["summary"][key], unadjusted["summary"][key],
            "{key}"
        );
    }
    // Risk adjustment raises costs by 10%: month 1 costs 36,500.00 unadjusted become 40,150.00.
    let cost = |v: &Value| {
        v["months"][0]["costs"]
            .as_str()
            .expect("str")
            .parse::<Decimal>()
            .expect("number")
    };
    assert_eq!(cost(&adjusted), cost(&unadjusted) * Decimal::new(11, 1));
    // The worked example has no risk, so nothing changes but the flag.
    let mut a = simulate_json("worked-example", &[]);
    let mut u = simulate_json("worked-example", &["--unadjusted"]);
    a["risk_adjusted"] = Value::Null;
    u["risk_adjusted"] = Value::Null;
    assert_eq!(a, u);
}

// ---------------------------------------------------------------------------------------
// simulate: CSV and table
// ---------------------------------------------------------------------------------------

#[test]
fn simulate_csv_has_one_row_per_month_with_both_variants_named() {
    let path = scenario("combined");
    let (out, _) = check(
        &["simulate", path.to_str().expect("path"), "--format", "csv"],
        0,
    );
    let rows: Vec<&str> = out.lines().collect();
    let fields = [
        "costs",
        "benefits",
        "net",
        "cumulative_net",
        "discounted_net",
        "roi_to_date_pct",
    ];
    let header = |first: &str, second: &str| {
        let mut h = vec!["month".to_owned()];
        for prefix in [first, second] {
            h.extend(fields.iter().map(|f| format!("{prefix}_{f}")));
        }
        h.join(",")
    };
    assert_eq!(rows[0], header("risk_adjusted", "unadjusted"));
    assert_eq!(rows.len(), 1 + 18);
    let adjusted = simulate_json("combined", &[]);
    let unadjusted = simulate_json("combined", &["--unadjusted"]);
    for (i, row) in rows[1..].iter().enumerate() {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells.len(), 13, "row {row}");
        assert_eq!(cells[0], (i + 1).to_string());
        for (offset, json) in [(1, &adjusted), (7, &unadjusted)] {
            let m = &json["months"][i];
            assert_eq!(
                cells[offset..offset + 5],
                [
                    &m["costs"],
                    &m["benefits"],
                    &m["net"],
                    &m["cumulative_net"],
                    &m["discounted_net"]
                ]
                .map(|v| v.as_str().expect("str"))
            );
        }
    }
    // --unadjusted puts the unadjusted figures first, and says so.
    let (swapped, _) = check(
        &[
            "simulate",
            path.to_str().expect("path"),
            "--format",
            "csv",
            "--unadjusted",
        ],
        0,
    );
    assert_eq!(
        swapped.lines().next(),
        Some(header("unadjusted", "risk_adjusted").as_str())
    );
    assert_eq!(swapped.lines().count(), 19);
}

#[test]
fn simulate_table_groups_thousands() {
    let path = scenario("combined");
    let (table, _) = check(&["simulate", path.to_str().expect("path")], 0);
    let json = simulate_json("combined", &[]);
    let amount = |v: &Value| {
        number(
            v.as_str().expect("str").parse::<Decimal>().expect("number"),
            2,
            Lang::En,
        )
    };
    let total_costs = amount(&json["summary"]["total_costs"]);
    assert!(
        total_costs.contains(','),
        "six figures get a separator: {total_costs}"
    );
    let row = table
        .lines()
        .find(|l| l.starts_with("Total costs"))
        .expect("a total costs row");
    assert!(row.contains(&total_costs), "{row:?} shows {total_costs}");
    // Risk-adjusted and unadjusted side by side, named.
    let unadjusted_json = simulate_json("combined", &["--unadjusted"]);
    let unadjusted_costs = amount(&unadjusted_json["summary"]["total_costs"]);
    assert!(
        row.ends_with(&unadjusted_costs),
        "{row:?} shows the unadjusted {unadjusted_costs} beside"
    );
    assert!(table.contains("Risk-adjusted") && table.contains("Unadjusted"));
    assert!(table.contains(&amount(&json["summary"]["npv"])));
    assert!(table.contains("risk-adjusted"));
    for name in ["Chatbot", "Omnichannel", "Training"] {
        assert!(
            table.lines().any(|l| l.starts_with(name)),
            "a row for {name}"
        );
    }
    let (unadjusted, _) = check(
        &["simulate", path.to_str().expect("path"), "--unadjusted"],
        0,
    );
    assert!(unadjusted.contains("unadjusted"));
    assert_ne!(unadjusted, table);
}

#[test]
fn simulate_a_bad_file_exits_1_naming_it() {
    let (out, err) = check(&["simulate", "no-such-file.ron"], 1);
    assert!(out.is_empty());
    assert!(
        err.starts_with("no-such-file.ron: cannot read the file"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------

#[test]
fn check_prints_each_problem_on_its_own_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let bad = dir.path().join("bad.ron");
    let text = include_str!("../../scenarios/chatbot.ron")
        .replace("churn_monthly_pct: 1.5", "churn_monthly_pct: 60")
        .replace("horizon_months: 18", "horizon_months: 0");
    std::fs::write(&bad, text).expect("writes");
    let bad = bad.to_str().expect("path");
    let (out, err) = check(&["check", bad], 1);
    assert!(out.is_empty(), "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{bad}: baseline.churn_monthly_pct is 60, expected 0 to 50 (%/month)"),
            format!("{bad}: finance.horizon_months is 0, expected 1 to 120 (months)"),
        ]
    );
}

#[test]
fn check_exits_0_when_every_file_is_fine() {
    let paths: Vec<PathBuf> = BUNDLED.iter().map(|b| scenario(b.name)).collect();
    let mut args = vec!["check"];
    args.extend(paths.iter().map(|p| p.to_str().expect("path")));
    let (out, err) = check(&args, 0);
    // Warnings (the combined case's IRR is not unique) name the file; they do not fail.
    assert!(
        err.lines().all(|l| l.contains(": warning: ")),
        "only warnings: {err}"
    );
    let expected: Vec<String> = paths
        .iter()
        .map(|p| format!("{}: ok", p.display()))
        .collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn check_exits_1_when_any_file_has_problems() {
    let good = scenario("chatbot");
    let good = good.to_str().expect("path");
    let (out, err) = check(&["check", good, "missing.ron", good], 1);
    assert_eq!(
        out.lines().count(),
        2,
        "the good files are still reported: {out}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("missing.ron: "), "{err}");
}

#[test]
fn check_without_files_is_a_usage_error() {
    let (_, err) = check(&["check"], 2);
    assert!(err.to_lowercase().contains("usage"), "{err}");
}

// ---------------------------------------------------------------------------------------
// example
// ---------------------------------------------------------------------------------------

#[test]
fn example_lists_the_bundled_scenarios() {
    let (out, _) = check(&["example"], 0);
    for b in &BUNDLED {
        assert!(
            out.lines()
                .any(|l| l.trim_start().starts_with(b.name) && l.contains(b.description.en)),
            "lists {}",
            b.name
        );
    }
}

#[test]
fn example_prints_a_file_that_loads_as_the_bundled_one() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for b in &BUNDLED {
        let (out, _) = check(&["example", b.name], 0);
        assert_eq!(out, b.text);
        let path = dir.path().join(format!("{}.ron", b.name));
        std::fs::write(&path, &out).expect("writes");
        assert_eq!(
            files::load(&path).expect("loads"),
            b.load().expect("valid"),
            "{}",
            b.name
        );
    }
}

#[test]
fn unknown_example_or_bad_flag_exits_2() {
    let (out, err) = check(&["example", "spaceship"], 2);
    assert!(out.is_empty());
    assert!(err.contains("\"spaceship\""), "{err}");
    for b in &BUNDLED {
        assert!(err.contains(b.name), "suggests {}: {err}", b.name);
    }
    let path = scenario("chatbot");
    let path = path.to_str().expect("path");
    check(&["simulate", path, "--bogus"], 2);
    check(&["simulate", path, "--format", "xml"], 2);
    check(&["simulate"], 2);
}

#[test]
fn help_and_version_exit_0() {
    let (out, _) = check(&["--help"], 0);
    for command in ["simulate", "check", "example"] {
        assert!(out.contains(command), "help mentions {command}");
    }
    let (out, _) = check(&["--version"], 0);
    assert!(out.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn trials_outside_100_to_a_million_are_refused_with_the_range() {
    let chatbot = scenario("chatbot");
    let path = chatbot.to_str().expect("path");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("r.pdf");
    let xlsx = dir.path().join("r.xlsx");
    // 0 used to become 1 silently ("100% (1 trials)"); 2^64-1 panicked; 10^12 aborted.
    for trials in [
        "0",
        "99",
        "1000001",
        "1000000000000",
        "18446744073709551615",
        "-5",
        "many",
    ] {
        for args in [
            vec!["analyze", path, "--trials", trials],
            vec![
                "report",
                path,
                "-o",
                pdf.to_str().expect("path"),
                "--trials",
                trials,
            ],
            vec![
                "export",
                path,
                "-o",
                xlsx.to_str().expect("path"),
                "--trials",
                trials,
            ],
        ] {
            let (_, err) = check(&args, 2);
            assert!(err.contains("from 100 to 1,000,000"), "{args:?}: {err}");
        }
    }
    assert!(!pdf.exists() && !xlsx.exists(), "nothing is written");
    let (out, _) = check(&["analyze", path, "--trials", "100", "--format", "json"], 0);
    let json: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["trials"], 100);
}

#[test]
fn an_unknown_command_is_a_usage_error_that_lists_the_commands() {
    let (_, err) = check(&["bogus"], 2);
    for command in roi_planner::cli::COMMANDS {
        assert!(err.contains(command), "{command} in {err}");
    }
    assert!(
        err.contains("\"bogus\" is neither a command nor a scenario file"),
        "{err}"
    );
}

#[test]
fn check_writing_to_a_full_disk_fails_like_the_other_commands() {
    if !Path::new("/dev/full").exists() {
        panic!("this test needs /dev/full (a Linux device that is always full)");
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    let chatbot = scenario("chatbot");
    let path = chatbot.to_str().expect("path");
    for args in [vec!["check", path], vec!["simulate", path]] {
        let o = Command::new(env!("CARGO_BIN_EXE_roi-planner"))
            .args(&args)
            .stdout(full.try_clone().expect("a second handle"))
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("cannot write the output"), "{args:?}");
    }
}

/// The partial files a write left in `dir`.
fn partial_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("lists")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".roi-planner-partial"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_symlink_is_written_through_and_its_target_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("figures.csv");
    std::fs::write(&target, "old").expect("writes");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = dir.path().join("latest.csv");
    std::os::unix::fs::symlink("figures.csv", &link).expect("links");
    let chatbot = scenario("chatbot");
    check(
        &[
            "export",
            chatbot.to_str().expect("path"),
            "-o",
            link.to_str().expect("path"),
            "--lang",
            "en",
        ],
        0,
    );
    let meta = std::fs::symlink_metadata(&link).expect("the link");
    assert!(meta.file_type().is_symlink(), "the link stays a link");
    let written = std::fs::read_to_string(&target).expect("the target");
    assert!(
        written.contains("Month,"),
        "the target holds the CSV: {written}"
    );
    let mode = std::fs::metadata(&target)
        .expect("target")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o640, "the target keeps its permissions");
    assert!(partial_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.html");
    std::fs::write(&out, "keep me").expect("writes");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let chatbot = scenario("chatbot");
    let (_, err) = check(
        &[
            "report",
            chatbot.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
        ],
        1,
    );
    assert!(
        err.contains("report.html") && err.contains("read-only"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&out).expect("reads"), "keep me");
    assert!(partial_files(dir.path()).is_empty());
}

#[test]
fn a_partial_file_left_by_a_killed_write_is_removed_by_the_next() {
    let dir = tempfile::tempdir().expect("temp dir");
    // What a write killed with kill -9 leaves: its hidden partial file, named with its
    // process id (one that no longer runs).
    let gone = (100_000..4_000_000u32)
        .find(|pid| !Path::new(&format!("/proc/{pid}")).exists())
        .expect("a free process id");
    let leftover = dir
        .path()
        .join(format!(".months.csv.{gone}.roi-planner-partial"));
    std::fs::write(&leftover, "half a fi").expect("writes");
    let out = dir.path().join("months.csv");
    let chatbot = scenario("chatbot");
    check(
        &[
            "export",
            chatbot.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
        ],
        0,
    );
    assert!(out.exists());
    assert!(
        partial_files(dir.path()).is_empty(),
        "{:?}",
        partial_files(dir.path())
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_write_leaves_no_partial_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.pdf");
    let combined = scenario("combined");
    // Whenever the interrupt lands (before, during or after the write), no partial file stays.
    for delay_ms in [0u64, 50, 150, 300, 600, 1200] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_roi-planner"))
            .args([
                "report",
                combined.to_str().expect("path"),
                "-o",
                out.to_str().expect("path"),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starts");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let status = child.wait().expect("ends");
        assert!(
            matches!(status.code(), Some(0) | Some(130) | None),
            "after {delay_ms} ms: {status:?}"
        );
        assert!(
            partial_files(dir.path()).is_empty(),
            "after {delay_ms} ms: {:?}",
            partial_files(dir.path())
        );
    }
}
