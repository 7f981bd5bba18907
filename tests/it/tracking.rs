//! Tracking a case against what happened: actuals valued with the plan's formulas, the
//! variance per line and per observed figure, the forecast and the re-based forecast.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{bundled_scenario, plan};
use roi_planner::format;
use roi_planner::model::{Initiative, LineKind, MonthActuals, Scenario};
use roi_planner::sim::{Projection, tracking};

/// A bundled scenario with the simplified staffing of older files.
fn simplified_scenario(name: &str) -> Scenario {
    let mut s = bundled_scenario(name);
    s.staffing.model = roi_planner::model::StaffingModel::Simplified;
    s
}

/// Actuals that say exactly what the plan says: its own KPIs and its own costs.
fn plan_as_actuals(s: &Scenario, p: &Projection, months: u32) -> Vec<MonthActuals> {
    (1..=months)
        .map(|m| {
            let k = &p.kpis[m as usize - 1];
            let spent = |i: Initiative| -> Option<Decimal> {
                s.is_enabled(i).then(|| {
                    p.lines
                        .iter()
                        .filter(|l| l.initiative == i && l.kind == LineKind::Cost)
                        .map(|l| l.amounts[m as usize - 1])
                        .sum()
                })
            };
            MonthActuals {
                month: m,
                contacts: Some(k.contacts),
                bot_resolved_contacts: Some(k.bot_resolved_contacts),
                agent_contacts: Some(k.agent_contacts),
                handle_time_minutes: Some(k.handle_time_minutes),
                fcr_pct: Some(k.fcr_pct),
                churn_monthly_pct: Some(k.churn_monthly_pct),
                agent_fte: Some(p.paid[m as usize - 1].fte),
                payroll: None,
                customers: Some(k.customers),
                spent_chatbot: spent(Initiative::Chatbot),
                spent_omnichannel: spent(Initiative::Omnichannel),
                spent_training: spent(Initiative::Training),
                spent_custom: spent(Initiative::Custom),
            }
        })
        .collect()
}

#[test]
fn actuals_equal_to_the_plan_give_zero_variance_on_every_line() {
    for name in [
        "chatbot",
        "omnichannel",
        "training",
        "combined",
        "worked-example",
    ] {
        let mut s = bundled_scenario(name);
        let p = plan(&s);
        let months = 9.min(s.finance.horizon_months);
        s.actuals = plan_as_actuals(&s, &p, months);
        let valid = s.clone().validate().expect("actuals valid");
        let t = tracking::track(&valid, &p)
            .expect("computes")
            .expect("has actuals");
        assert_eq!(t.last_month, months, "{name}");
        let cent = |d: Decimal| format::round(d, 2);
        for m in &t.months {
            for (i, l) in m.lines.iter().enumerate() {
                assert_eq!(
                    cent(l.actual - l.planned),
                    Decimal::ZERO,
                    "{name} month {}: {}",
                    m.month,
                    roi_planner::text::line_name(&p.lines[i], roi_planner::model::Lang::En)
                );
            }
            assert_eq!(cent(m.actual.net - m.planned.net), Decimal::ZERO, "{name}");
            assert_eq!(
                cent(m.actual.cumulative_net - m.planned.cumulative_net),
                Decimal::ZERO,
                "{name}"
            );
        }
        // Nothing of the gap is volume or performance.
        assert_eq!(cent(t.variance.volume), Decimal::ZERO, "{name}");
        for d in &t.variance.by_driver {
            assert_eq!(cent(d.effect), Decimal::ZERO, "{name}: {:?}", d.driver);
        }
        for (i, e) in &t.variance.by_initiative {
            assert_eq!(cent(*e), Decimal::ZERO, "{name}: {i:?}");
        }
        // The forecast is the plan.
        assert_eq!(
            cent(t.forecast.adjusted.summary.net_benefit),
            cent(p.adjusted.summary.net_benefit),
            "{name}"
        );
        assert_eq!(
            t.forecast.adjusted.summary.break_even_month, p.adjusted.summary.break_even_month,
            "{name}"
        );
    }
}

#[test]
fn a_longer_handle_time_costs_what_the_formula_says() {
    // The bundled chatbot scenario (chatbot only), month 6, after the three-month ramp-up
    // from go-live in month 2: the bot resolves 20,000 × 35% × (1 − 10% failures) = 6,300
    // contacts, agents handle 20,000 − 6,300 = 13,700. A saved agent minute is worth
    // €35 / (60 × 80%) × 80% realised = €0.583333… Agents taking half a minute longer than
    // planned frees 13,700 × 0.5 = 6,850 fewer minutes: 6,850 × 0.583333… = €3,995.83 less
    // agent time saved, €3,596.25 after the 10% risk on savings. (That is the simplified
    // staffing, which books freed minutes at once; with a headcount path a slip that moves no
    // payroll costs nothing until it does, see tests/it/staffing.rs.)
    let mut s = simplified_scenario("chatbot");
    let p = plan(&s);
    let k = &p.kpis[5];
    assert_eq!(format::round(k.agent_contacts, 6), dec!(13700));
    s.actuals = vec![MonthActuals {
        month: 6,
        handle_time_minutes: Some(k.handle_time_minutes + dec!(0.5)),
        ..MonthActuals::new(6)
    }];
    let valid = s.validate().expect("valid");
    let t = tracking::track(&valid, &p)
        .expect("computes")
        .expect("actuals");
    let june = &t.months[5];
    let agent_time = p
        .lines
        .iter()
        .position(|l| {
            l.id == roi_planner::sim::LineRef::Model(roi_planner::sim::LineId::ChatbotAgentTime)
        })
        .expect("the chatbot's agent-time line");
    let line = june.lines[agent_time];
    assert_eq!(format::round(line.actual - line.planned, 2), dec!(-3596.25));
    assert_eq!(
        format::round(june.actual.net - june.planned.net, 2),
        dec!(-3596.25)
    );
    // Every other line is as planned.
    for (i, l) in june.lines.iter().enumerate() {
        if i != agent_time {
            assert_eq!(
                format::round(l.actual - l.planned, 2),
                Decimal::ZERO,
                "{}",
                roi_planner::text::line_name(&p.lines[i], roi_planner::model::Lang::En)
            );
        }
    }
    // The split puts all of it on handle time, a performance driver, and on the chatbot
    // (the only initiative, live since month 2); none of it is volume.
    let v = &t.variance;
    assert_eq!(v.volume, Decimal::ZERO);
    let handle_time = v
        .by_driver
        .iter()
        .find(|d| d.driver == roi_planner::model::actuals::Driver::HandleTime)
        .expect("a handle-time driver");
    assert_eq!(format::round(handle_time.effect, 2), dec!(-3596.25));
    assert_eq!(handle_time.seen[0].field.key, "handle_time_minutes");
    assert_eq!(
        v.by_initiative
            .iter()
            .map(|(i, e)| (*i, format::round(*e, 2)))
            .collect::<Vec<_>>(),
        vec![(Initiative::Chatbot, dec!(-3596.25))]
    );
    // Months before are as planned; the gap to date is the same amount.
    assert_eq!(format::round(t.gap(), 2), dec!(-3596.25));
}

#[test]
fn the_rebased_forecast_carries_the_last_observed_ratio_forward() {
    // Handle time 5% above plan in month 6: re-based, every later month's handle time is 5%
    // above its plan too, so the re-based forecast ends lower than the forecast, which goes
    // back to the plan after month 6. (With the simplified staffing, where handle time is
    // money every month.)
    let mut s = simplified_scenario("chatbot");
    let p = plan(&s);
    let k = &p.kpis[5];
    s.actuals = vec![MonthActuals {
        month: 6,
        handle_time_minutes: Some(k.handle_time_minutes * dec!(1.05)),
        ..MonthActuals::new(6)
    }];
    let t = tracking::track(&s.validate().expect("valid"), &p)
        .expect("computes")
        .expect("actuals");
    for m in 7..=18usize {
        let planned = p.kpis[m - 1].handle_time_minutes;
        assert_eq!(t.forecast.kpis[m - 1].handle_time_minutes, planned);
        assert_eq!(
            format::round(t.rebased.kpis[m - 1].handle_time_minutes, 10),
            format::round(planned * dec!(1.05), 10)
        );
    }
    let (f, r) = (
        t.forecast.adjusted.summary.net_benefit,
        t.rebased.adjusted.summary.net_benefit,
    );
    assert!(r < f && f < p.adjusted.summary.net_benefit, "{r} < {f}");
}

/// Writes `text` to a file in `dir` and reads it as actuals for an 18-month plan.
fn import(
    dir: &std::path::Path,
    name: &str,
    text: &[u8],
) -> Result<Vec<MonthActuals>, Vec<String>> {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    roi_planner::files::read_actuals(&path, 18, roi_planner::model::Lang::En)
}

#[test]
fn the_same_actuals_as_a_dutch_and_an_english_csv_give_the_same_tracking() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Dutch: semicolons, decimal commas, thousands points, Dutch headers, a byte order mark.
    let nl = "\u{feff}maand;contacten;afhandeltijd_minuten;door_bot_opgelost;klantverloop_pct;besteed_chatbot\n\
              1;20.150;9;0;1,5;37.500\n\
              2;19.980;9,9;1.500;1,48;4.000,50\n\
              3;20.020;10,3;4.100;1,5;7.300\n";
    // English: commas, decimal points, the file names of the fields.
    let en = "month,contacts,handle_time_minutes,bot_resolved_contacts,churn_monthly_pct,spent_chatbot\n\
              1,20150,9,0,1.5,37500\n\
              2,19980,9.9,1500,1.48,4000.50\n\
              3,20020,10.3,4100,1.5,7300\n";
    let a = import(dir.path(), "nl.csv", nl.as_bytes()).expect("Dutch CSV");
    let b = import(dir.path(), "en.csv", en.as_bytes()).expect("English CSV");
    assert_eq!(a, b);
    assert_eq!(a.len(), 3);
    assert_eq!(a[1].spent_chatbot, Some(dec!(4000.50)));
    // With freed minutes booked at once (the simplified staffing): a headcount path that has
    // not moved yet would show no cost of the longer handle times in three months.
    let mut s = simplified_scenario("chatbot");
    let p = plan(&s);
    s.actuals = a;
    let t = tracking::track(&s.validate().expect("valid"), &p)
        .expect("computes")
        .expect("actuals");
    assert_eq!(t.last_month, 3);
    assert!(
        t.gap() < Decimal::ZERO,
        "longer handle times and fewer bot resolutions put it behind"
    );
}

#[test]
fn the_separator_decides_how_numbers_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A comma-separated file writes decimals with a point: 38.125 FTE is 38.125, not 38,125,
    // and a quoted "1,234.5" groups its thousands with the comma.
    let en = import(
        dir.path(),
        "en.csv",
        b"month,agent_fte,spent_chatbot\n1,38.125,\"1,234.5\"\n",
    )
    .expect("English CSV");
    assert_eq!(en[0].agent_fte, Some(dec!(38.125)));
    assert_eq!(en[0].spent_chatbot, Some(dec!(1234.5)));
    // A semicolon-separated file writes decimals with a comma: 38,125 FTE is 38.125, and
    // 38.125 euros is 38,125 as Dutch exports group thousands.
    let nl = import(
        dir.path(),
        "nl.csv",
        b"maand;agents_fte;besteed_chatbot\n1;38,125;38.125\n",
    )
    .expect("Dutch CSV");
    assert_eq!(nl[0].agent_fte, Some(dec!(38.125)));
    assert_eq!(nl[0].spent_chatbot, Some(dec!(38125)));
    // A point in a semicolon file is no decimal mark: 8.5 is refused, naming the column as
    // the file wrote it.
    let problems = import(
        dir.path(),
        "nl-point.csv",
        b"maand;afhandeltijd_minuten\n1;8.5\n",
    )
    .expect_err("a decimal point in a Dutch file");
    assert!(
        problems[0].contains("line 2, afhandeltijd_minuten: \"8.5\" is not a number"),
        "{problems:?}"
    );
}

#[test]
fn bad_csvs_get_clear_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &[u8], &[&str]); 12] = [
        (
            // An unclosed quote would swallow the next row (month 1's contacts became
            // 200002.21 before this was refused).
            "unclosed-quote.csv",
            b"month,contacts,handle_time_minutes\n1,\"20000,9\n2,20002.21,9\n",
            &["line 2", "a quote", "not closed"],
        ),
        (
            "ragged.csv",
            b"month,contacts,handle_time_minutes\n1,20000,9\n2,20100\n",
            &["line 3", "has 2 fields, the header has 3"],
        ),
        (
            "joined.csv",
            b"month,contacts\n1,20000\nmonth,contacts\n2,20100\n",
            &["line 3 repeats the header row"],
        ),
        (
            // A tab-separated file whose numbers show both marks.
            "mixed.tsv",
            b"month\thandle_time_minutes\tagent_fte\n1\t8,5\t38.5\n",
            &["with a comma (line 2) and with a point (line 2)"],
        ),
        (
            "no-month.csv",
            b"contacts,handle_time_minutes\n20000,9\n",
            &["no month column"],
        ),
        (
            "text.csv",
            b"month,handle_time_minutes\n1,9\n2,about nine\n",
            &[
                "line 3",
                "handle_time_minutes",
                "\"about nine\" is not a number",
            ],
        ),
        (
            "twice.csv",
            b"month,contacts\n1,20000\n1,20100\n",
            &["line 3", "month 1 a second time"],
        ),
        (
            "late.csv",
            b"month,contacts\n1,20000\n19,20000\n",
            &["line 3", "month 19 is after the 18-month horizon"],
        ),
        ("empty.csv", b"", &["is empty", "header row"]),
        (
            "unknown.csv",
            b"month,contacts,satisfaction\n1,20000,7.5\n",
            &[
                "unknown column",
                "\"satisfaction\"",
                "expected month and any of",
            ],
        ),
        (
            "missing-month.csv",
            b"month,contacts\n,20000\n",
            &["line 2", "the month is missing"],
        ),
        (
            "out-of-range.csv",
            b"month,fcr_pct\n1,140\n",
            &["line 2", "fcr_pct", "140 is outside 0 to 100"],
        ),
    ];
    for (name, text, expected) in cases {
        let problems = import(dir.path(), name, text).expect_err(name);
        let all = problems.join("\n");
        assert!(
            all.contains(name),
            "{name}: the message names the file: {all}"
        );
        for e in expected {
            assert!(all.contains(e), "{name}: {e:?} in {all}");
        }
    }
    // A file of 10 MB is refused before it is read into memory.
    let big = vec![b'1'; 10 * 1024 * 1024];
    let problems = import(dir.path(), "big.csv", &big).expect_err("10 MB");
    assert!(
        problems[0].contains("big.csv") && problems[0].contains("larger than 1 MB"),
        "{problems:?}"
    );
    // Not UTF-8.
    let problems =
        import(dir.path(), "latin1.csv", b"month,contacts\n1,2\xe9\n").expect_err("latin-1");
    assert!(problems[0].contains("not UTF-8"), "{problems:?}");
}

#[test]
fn check_names_a_bad_actuals_month_and_warns_after_the_horizon() {
    let mut s = bundled_scenario("chatbot");
    s.actuals = vec![
        MonthActuals {
            handle_time_minutes: Some(dec!(-1)),
            ..MonthActuals::new(2)
        },
        MonthActuals::new(2),
    ];
    let problems: Vec<String> = s
        .clone()
        .validate()
        .expect_err("invalid")
        .iter()
        .map(ToString::to_string)
        .collect();
    let all = problems.join("\n");
    assert!(
        all.contains("actuals[0].handle_time_minutes is -1 in month 2, expected 0 to 600 (min)"),
        "{all}"
    );
    assert!(all.contains("actuals[1].month is 2 a second time"), "{all}");
    s.actuals = vec![MonthActuals {
        contacts: Some(dec!(20000)),
        ..MonthActuals::new(20)
    }];
    let p = plan(&s);
    let warnings: Vec<String> = p
        .warnings(true)
        .iter()
        .map(|w| roi_planner::text::warning(w, roi_planner::model::Lang::En))
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("month 20 falls after the 18-month horizon")),
        "{warnings:?}"
    );
}

#[test]
fn track_on_the_command_line_gives_the_json_contract() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("actuals.csv");
    std::fs::write(&csv, "month,handle_time_minutes\n6,10.42\n").expect("write");
    let scenario = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/chatbot.ron");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roi-planner"))
        .args(["track", scenario.to_str().expect("path"), "--actuals"])
        .arg(&csv)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["last_month"], 6);
    let months = v["months"].as_array().expect("months");
    assert_eq!(months.len(), 6);
    for key in ["costs", "benefits", "net", "cumulative_net", "kpis"] {
        assert!(!months[5]["planned"][key].is_null(), "planned {key}");
        assert!(!months[5]["actual"][key].is_null(), "actual {key}");
    }
    assert_eq!(months[5]["actual"]["kpis"]["handle_time_minutes"], "10.42");
    for key in ["net_benefit", "roi_pct", "npv", "break_even_month"] {
        assert!(v["forecast"].get(key).is_some(), "forecast {key}");
        assert!(v["plan"].get(key).is_some(), "plan {key}");
    }
    // The split: no volume observed, so the whole gap is performance, all of it handle time
    // and all of it the chatbot's (the only initiative); the parts add up to the gap.
    let split = &v["variance"];
    assert_eq!(split["volume"], "0.00");
    assert_eq!(split["total"], v["gap_to_plan"]);
    assert_eq!(split["performance"]["total"], split["total"]);
    assert_eq!(
        split["performance"]["by_driver"]["handle_time"],
        split["total"]
    );
    assert_eq!(split["performance"]["by_driver"]["containment"], "0.00");
    assert_eq!(
        split["performance"]["by_initiative"]["chatbot"],
        split["total"]
    );
    assert_eq!(split["observed"][0]["input"], "handle_time_minutes");
    assert_eq!(split["observed"][0]["driver"], "handle_time");
    // The assumptions behind it, of the initiatives switched on (chatbot only here).
    assert_eq!(
        split["observed"][0]["assumptions"],
        serde_json::json!(["chatbot.handle_time_saved_minutes"])
    );
    assert!(
        v["forecast_assumes"]
            .as_str()
            .is_some_and(|s| s.contains("the plan as approved from month 7")),
        "{}",
        v["forecast_assumes"]
    );
    // The file itself is not changed by --actuals.
    let text = std::fs::read_to_string(&scenario).expect("read");
    assert!(!text.contains("actuals:"));
    // Without actuals anywhere: a clear message and status 1.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roi-planner"))
        .args(["track", scenario.to_str().expect("path")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no actuals within the horizon"));
}

#[test]
fn the_report_and_the_spreadsheet_include_the_tracking() {
    use roi_planner::report::{self, Case, Deliverable, Output};
    let mut s = bundled_scenario("chatbot");
    s.actuals = vec![
        MonthActuals {
            handle_time_minutes: Some(dec!(9.4)),
            ..MonthActuals::new(1)
        },
        MonthActuals {
            handle_time_minutes: Some(dec!(10.5)),
            spent_chatbot: Some(dec!(4500)),
            ..MonthActuals::new(2)
        },
    ];
    let valid = s.validate().expect("valid");
    let case = Case::prepare(valid, 200).expect("computes");
    let t = case.view.tracking.clone().expect("tracking");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let html = String::from_utf8(
        report::render(
            std::slice::from_ref(&case),
            Deliverable::Report,
            Output::Html,
            roi_planner::model::Lang::En,
            date,
            true,
            None,
        )
        .expect("report"),
    )
    .expect("UTF-8");
    assert!(html.contains("Against the plan"));
    let gap = format::money_whole(t.gap().abs(), roi_planner::model::Lang::En);
    assert!(
        html.contains(&format!("behind plan by {gap}")),
        "the gap {gap}"
    );
    let xlsx = report::xlsx::xlsx(&case, roi_planner::model::Lang::En).expect("workbook");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut book = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/workbook.xml").expect("workbook.xml"),
        &mut book,
    )
    .expect("read");
    assert!(
        book.contains("name=\"Actuals\""),
        "an Actuals sheet: {book}"
    );
    // The split, in the report and on the Actuals sheet: no volume observed, so the gap is
    // performance, by the chatbot and by the handle-time and spend drivers.
    let v = &t.variance;
    assert_eq!(v.volume, Decimal::ZERO);
    assert!(html.contains("The gap split: volume and performance"));
    for row in
        roi_planner::view::tracking::split_rows(&t, case.scenario(), roi_planner::model::Lang::En)
    {
        assert!(html.contains(&row.label), "report row {}", row.label);
        if let Some(effect) = row.effect {
            let money = format::money_whole(effect, roi_planner::model::Lang::En);
            assert!(html.contains(&money), "{}: {money}", row.label);
        }
    }
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip
            .by_name("xl/sharedStrings.xml")
            .expect("sharedStrings.xml"),
        &mut strings,
    )
    .expect("read");
    for label in [
        "The gap split: volume and performance",
        "Performance by driver",
        "Handle time",
        "Spend",
        "Gap to plan",
        "Flexed cumulative",
    ] {
        assert!(strings.contains(label), "Actuals sheet: {label}");
    }
}
