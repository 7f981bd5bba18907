//! The Tracking tab and importing actuals.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use roi_planner::format;
use roi_planner::model::Lang;
use roi_planner::sim;
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

use super::support::*;

#[test]
fn importing_actuals_shows_where_the_case_stands_and_is_one_undo_step() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("actuals.csv");
    // Handle time above plan in the first three months.
    std::fs::write(&csv, "maand;afhandeltijd_minuten\n1;9,4\n2;9,6\n3;9,5\n").unwrap();
    let id = h.state().current().unwrap().id;
    h.state_mut()
        .commands
        .push(Command::ImportActualsFrom(id, csv.clone()));
    wait_for(&mut h, |app| {
        !app.current().unwrap().scenario.actuals.is_empty()
    });
    assert_eq!(h.state().tab, roi_planner::ui::app::Tab::Tracking);
    let doc = h.state().current().unwrap();
    assert_eq!(doc.scenario.actuals.len(), 3);
    // The card says what the engine's tracking says.
    let valid = doc.scenario.clone().validate().unwrap();
    let plan = sim::simulate(&valid).unwrap();
    let t = sim::tracking::track(&valid, &plan).unwrap().unwrap();
    assert!(t.gap() < Decimal::ZERO);
    let behind = format!("Behind by {}", format::money_whole(-t.gap(), Lang::En));
    h.get_by_label(&behind);
    let forecast_month = t.forecast.adjusted.summary.break_even_month.unwrap();
    h.get_by_label(&format!("month {forecast_month}"));
    // The split names handle time as the driver, and the chatbot (live) as whose it is.
    h.get_by_label("Handle time");
    h.get_by_label("The gap split: volume and performance");
    // A cell of the grid: month 2's handle time typed over.
    h.get_by_label("Handle time month 2").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label("Handle time month 2").type_text("9.65");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(
        h.state().current().unwrap().scenario.actuals[1].handle_time_minutes,
        Some(Decimal::new(965, 2))
    );
    // A bad file changes nothing and says why.
    let before = h.state().current().unwrap().scenario.actuals.clone();
    let lines = refused_import(
        &mut h,
        &dir.path().join("bad.csv"),
        "month,handle_time\n1,9\n",
    );
    assert!(
        lines[0].contains("unknown column \"handle_time\""),
        "{lines:?}"
    );
    assert_eq!(h.state().current().unwrap().scenario.actuals, before);
    h.state_mut().dialogs.load_error = None;
    // Undo: first the typed cell, then the whole import.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(h.state().current().unwrap().scenario.actuals.is_empty());
}

#[test]
fn the_window_reads_a_csv_by_its_separator_and_refuses_an_unclosed_quote() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let id = h.state().current().unwrap().id;
    // A comma-separated export: 38.125 FTE is 38.125, not 38,125.
    let csv = dir.path().join("en.csv");
    std::fs::write(&csv, "month,agent_fte\n1,38.125\n").unwrap();
    h.state_mut()
        .commands
        .push(Command::ImportActualsFrom(id, csv));
    wait_for(&mut h, |app| {
        !app.current().unwrap().scenario.actuals.is_empty()
    });
    assert_eq!(
        h.state().current().unwrap().scenario.actuals[0].agent_fte,
        Some(Decimal::new(38125, 3))
    );
    // An unclosed quote is refused with its line; nothing changes.
    let bad = dir.path().join("quote.csv");
    std::fs::write(&bad, "month,contacts\n1,\"20000\n2,20002.21\n").unwrap();
    let before = h.state().current().unwrap().scenario.actuals.clone();
    h.state_mut()
        .commands
        .push(Command::ImportActualsFrom(id, bad));
    wait_for(&mut h, |app| app.dialogs.load_error.is_some());
    let (_, lines) = h.state().dialogs.load_error.clone().unwrap();
    assert!(lines[0].contains("line 2: a quote"), "{lines:?}");
    assert_eq!(h.state().current().unwrap().scenario.actuals, before);
}

/// The bundled combined case with six months of actuals: 5% more contacts than planned, the
/// chatbot's third month over budget, and the 35 agents of today still paid (nobody left).
fn tracked_combined() -> (String, roi_planner::model::Scenario) {
    let mut s = roi_planner::bundled::find("combined")
        .unwrap()
        .load()
        .unwrap()
        .into_inner();
    let plan = sim::simulate(&s.clone().validate().unwrap()).unwrap();
    s.actuals = (1..=6)
        .map(|m| roi_planner::model::MonthActuals {
            contacts: Some(format::round(
                plan.kpis[m as usize - 1].contacts * Decimal::new(105, 2),
                0,
            )),
            agent_fte: Some(Decimal::from(35)),
            spent_chatbot: (m == 3).then(|| Decimal::from(14000)),
            ..roi_planner::model::MonthActuals::new(m)
        })
        .collect();
    (roi_planner::model::file::to_ron(&s).unwrap(), s)
}

#[test]
fn the_tab_shows_the_split_and_which_forecast_the_cards_use() {
    let (text, s) = tracked_combined();
    let (mut h, _dir) = harness_with(&text);
    h.state_mut().tab = roi_planner::ui::app::Tab::Tracking;
    h.run_steps(3);
    let valid = s.clone().validate().unwrap();
    let plan = sim::simulate(&valid).unwrap();
    let t = sim::tracking::track(&valid, &plan).unwrap().unwrap();
    // The card says where the case stands, worded by the one rule.
    let standing = roi_planner::view::tracking::standing(&t);
    h.get_by_label(&roi_planner::view::tracking::standing_text(
        standing,
        Lang::En,
    ));
    // Every row of the split with its money, as the engine splits it.
    let rows = roi_planner::view::tracking::split_rows(&t, &s, Lang::En);
    assert!(
        rows.len() >= 7,
        "volume, performance, three initiatives, drivers, gap"
    );
    for row in &rows {
        assert!(
            h.query_by_label(&row.label).is_some(),
            "the split's row {}",
            row.label
        );
        if let Some(effect) = row.effect {
            let money = format::money_whole(effect, Lang::En).replace(' ', "\u{a0}");
            assert!(
                h.query_all_by_label(&money).next().is_some(),
                "{}: {money}",
                row.label
            );
        }
    }
    // Both forecasts say what they assume; the cards use the plain one until the re-based
    // one is chosen, and their titles say which.
    let plain = roi_planner::view::tracking::forecast_sentence(&t, false, 18, Lang::En);
    let rebased = roi_planner::view::tracking::forecast_sentence(&t, true, 18, Lang::En);
    h.get_by_label("Forecast ROI");
    h.get_by_label(&plain);
    h.get_by_label(&rebased).click();
    h.run_steps(3);
    h.get_by_label("Re-based ROI");
    assert!(h.query_by_label("Forecast ROI").is_none());
    // In Dutch too.
    h.state_mut().commands.push(Command::SetLang(Lang::Nl));
    h.run_steps(3);
    h.get_by_label("Het verschil gesplitst: volume en prestatie");
    h.get_by_label("Prestatie per oorzaak");
    h.get_by_label("Bezetting en loonkosten");
}

#[test]
fn the_grid_has_columns_only_for_what_the_scenario_has_and_refuses_in_the_window_language() {
    // The bundled chatbot case: no omnichannel or training, so no spend columns for them.
    let mut h = harness();
    let chatbot = roi_planner::bundled::find("chatbot")
        .unwrap()
        .load()
        .unwrap()
        .into_inner();
    let mut s = chatbot.clone();
    s.actuals = vec![roi_planner::model::MonthActuals {
        contacts: Some(Decimal::from(20500)),
        ..roi_planner::model::MonthActuals::new(1)
    }];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chatbot.ron");
    std::fs::write(&path, roi_planner::model::file::to_ron(&s).unwrap()).unwrap();
    h.state_mut().commands.push(Command::OpenPath(path));
    wait_for(&mut h, |app| app.docs.len() == 2);
    h.state_mut().tab = roi_planner::ui::app::Tab::Tracking;
    h.run_steps(3);
    h.get_by_label("Spent on the chatbot (€)");
    h.get_by_label("Agent payroll (€)");
    assert!(h.query_by_label("Spent on omnichannel (€)").is_none());
    assert!(h.query_by_label("Spent on training (€)").is_none());
    // A count shows whole: 20,500 contacts, not 20,500.00.
    h.get_by_label("Contacts 20,500 against 20,000 planned (month 1)");
    // A Dutch file refused in a Dutch window: the message in Dutch, the column as written.
    h.state_mut().commands.push(Command::SetLang(Lang::Nl));
    h.run_steps(2);
    let lines = refused_import(
        &mut h,
        &dir.path().join("slecht.csv"),
        "maand;afhandeltijd\n1;9\n",
    );
    assert!(
        lines[0].contains(
            "heeft onbekende kolom \"afhandeltijd\"; verwacht maand en een van: contacten"
        ),
        "{lines:?}"
    );
}

/// Imports `csv`, written at `path`, into the selected scenario and gives the lines of the
/// refusal the window shows.
fn refused_import(
    h: &mut egui_kittest::Harness<'static, roi_planner::ui::app::PlannerApp>,
    path: &std::path::Path,
    csv: &str,
) -> Vec<String> {
    std::fs::write(path, csv).unwrap();
    let id = h.state().current().unwrap().id;
    h.state_mut()
        .commands
        .push(Command::ImportActualsFrom(id, path.to_owned()));
    wait_for(h, |app| app.dialogs.load_error.is_some());
    h.state().dialogs.load_error.clone().unwrap().1
}
