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
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "month,handle_time\n1,9\n").unwrap();
    let before = h.state().current().unwrap().scenario.actuals.clone();
    h.state_mut()
        .commands
        .push(Command::ImportActualsFrom(id, bad));
    wait_for(&mut h, |app| app.dialogs.load_error.is_some());
    let (_, lines) = h.state().dialogs.load_error.clone().unwrap();
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
