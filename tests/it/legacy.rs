//! Files written before an input existed open and compute exactly what they computed then.
//!
//! `tests/fixtures/legacy/` holds scenario files in the first file format (none of the inputs
//! added later) and, beside each, the `simulate --format json` output (risk-adjusted and
//! unadjusted) that the program printed for it before those inputs existed. They are:
//! - `bundled-*.ron`: a copy of every bundled scenario with every later input left out;
//! - the bundled scenarios as they were first shipped (`chatbot.ron`, …) and edited variants of
//!   them (other horizons, ramps, risks, custom lines, a longer course).
//!
//! The JSON kept there leaves out ledger lines of 0.00 to stay small; the comparison leaves
//! them out of the new output too. The new output adds `warnings`, `baseline_kpis`,
//! `months[].kpis`, each line's `key` and the summary's `roi_pv_pct` and `mirr_annual_pct`;
//! everything else must be the same to the cent. One deliberate change: a case whose monthly
//! net changes sign more than once gives an IRR only where one rate alone makes the NPV zero
//! (by Norström's criterion or a scan of the NPV), else none with a warning naming the rates,
//! as the conventions say.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy")
}

fn simulate(path: &Path, unadjusted: bool) -> Value {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roi-planner"));
    command.arg("simulate").arg(path).args(["--format", "json"]);
    if unadjusted {
        command.arg("--unadjusted");
    }
    let out = command.output().expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The new output in the old shape: no KPIs, no warnings, no zero lines.
fn old_shape(mut v: Value) -> (Value, Vec<String>) {
    let object = v.as_object_mut().expect("an object");
    object.remove("baseline_kpis");
    object.remove("years");
    object.remove("longer_view");
    object.remove("verdicts");
    if let Some(summary) = object.get_mut("summary").and_then(Value::as_object_mut) {
        summary.remove("roi_pv_pct");
        summary.remove("mirr_annual_pct");
    }
    if let Some(initiatives) = object.get_mut("initiatives").and_then(Value::as_array_mut) {
        for i in initiatives {
            if let Some(standalone) = i.get_mut("standalone").and_then(Value::as_object_mut) {
                standalone.remove("roi_pv_pct");
                standalone.remove("mirr_annual_pct");
            }
        }
    }
    let warnings = object
        .remove("warnings")
        .and_then(|w| {
            w.as_array().map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
        })
        .unwrap_or_default();
    for m in object["months"].as_array_mut().expect("months") {
        let m = m.as_object_mut().expect("a month");
        m.remove("kpis");
        let lines = m["lines"].as_array_mut().expect("lines");
        lines.retain(|l| l["amount"] != "0.00");
        // Each line names its stable key beside its title since the key was added.
        for l in lines.iter_mut() {
            l.as_object_mut().expect("a line").remove("key");
        }
    }
    (v, warnings)
}

fn sign_changes(v: &Value) -> usize {
    let nets: Vec<f64> = v["months"]
        .as_array()
        .expect("months")
        .iter()
        .map(|m| m["net"].as_str().and_then(|n| n.parse().ok()).expect("net"))
        .filter(|n: &f64| *n != 0.0)
        .collect();
    nets.windows(2)
        .filter(|w| (w[0] < 0.0) != (w[1] < 0.0))
        .count()
}

#[test]
fn older_files_compute_exactly_what_they_did() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "the fixtures are there: {files:?}");
    assert!(
        files
            .iter()
            .filter(|f| f
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("bundled-")))
            .count()
            == roi_planner::bundled::BUNDLED.len(),
        "a copy of every bundled scenario"
    );
    let mut irr_changes = 0;
    for file in &files {
        for (unadjusted, variant) in [(false, "adjusted"), (true, "unadjusted")] {
            let expected_path = file.with_extension(format!("{variant}.json"));
            let text = std::fs::read_to_string(&expected_path).expect("expected output");
            let mut expected: Value = serde_json::from_str(&text).expect("JSON");
            let (actual, warnings) = old_shape(simulate(file, unadjusted));
            let what = format!("{} ({variant})", file.display());
            if sign_changes(&actual) > 1 {
                // The one deliberate change: for flows that change sign more than once, the
                // IRR where one rate alone makes the NPV zero, which is then the rate the
                // first program found, or none with a warning.
                irr_changes += 1;
                let irr = &actual["summary"]["irr_annual_pct"];
                if irr.is_null() {
                    assert!(
                        warnings.iter().any(|w| w.starts_with("IRR:")),
                        "{what}: says why there is no IRR: {warnings:?}"
                    );
                    expected["summary"]["irr_annual_pct"] = Value::Null;
                }
            }
            assert_eq!(actual, expected, "{what}");
        }
    }
    assert_eq!(
        irr_changes, 1,
        "exactly one fixture (combined-cautious, risk-adjusted) changes sign more than once"
    );
}

#[test]
fn leaving_the_new_inputs_out_equals_setting_their_legacy_values() {
    // The same scenario, once without the new inputs and once with each set to the value a
    // file without it gets, computes the same projection to the last digit.
    use roi_planner::model::file::parse;
    use roi_planner::sim;
    for b in &roi_planner::bundled::BUNDLED {
        let path = fixtures().join(format!("bundled-{}.ron", b.name));
        let text = std::fs::read_to_string(&path).expect("fixture");
        let legacy = parse(&text).expect("a legacy file is valid").into_inner();
        let mut explicit = b.load().expect("bundled").into_inner();
        explicit.baseline.contact_growth_yearly_pct = 0.into();
        explicit.baseline.hours_per_fte_monthly = legacy.baseline.hours_per_fte_monthly;
        // A section the file leaves out is switched off and keeps a new scenario's values.
        if explicit.chatbot.enabled {
            explicit.chatbot.handle_time_saved_minutes = explicit.baseline.handle_time_minutes;
            explicit.chatbot.failure_pct = 0.into();
        }
        if explicit.training.enabled {
            explicit.training.no_benefit_while_training = false;
        }
        explicit.finance.retention_delay_months = 0;
        explicit.finance.revenue_risk_pct = explicit.finance.benefit_risk_pct;
        explicit.finance.cost_indexation_yearly_pct = 0.into();
        for line in &mut explicit.custom.lines {
            line.revenue = false;
        }
        explicit.notes = legacy.notes.clone();
        // The bundled scenarios moved to staffing by service level, with the headcount their
        // workload needs; a file without a staffing section keeps the simplified staffing.
        explicit.staffing = legacy.staffing.clone();
        explicit.baseline.agents_fte = legacy.baseline.agents_fte;
        // The ranges and correlations (added later too) change no headline figure; the client
        // sliders (later still) only choose what presentation mode shows.
        explicit.ranges.clear();
        explicit.sources.clear();
        explicit.correlations.clear();
        explicit.client_sliders.clear();
        assert_eq!(explicit, legacy, "{}: the legacy values", b.name);
        let a = sim::simulate(&explicit.validate().expect("valid")).expect("simulates");
        let l = sim::simulate(&parse(&text).expect("valid")).expect("simulates");
        assert_eq!(a, l, "{}", b.name);
    }
}
