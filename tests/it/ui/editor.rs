//! The editor: sliders, typed numbers and their notes, ranges, undo, language.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use roi_planner::format;
use roi_planner::model::{Lang, input_by_path};
use roi_planner::sim;
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

use super::support::*;

#[test]
fn moving_the_resolution_slider_moves_break_even_to_what_the_engine_computes() {
    let mut h = harness();
    let before = engine_break_even(Decimal::from(35));
    let after = engine_break_even(Decimal::from(60));
    assert_ne!(
        before, after,
        "the test needs a slider move that changes break-even"
    );
    h.get_by_label(&month_label(before));
    slider(&h, "Resolution rate").set_value_accesskit(60.0);
    h.run_steps(3);
    h.get_by_label(&month_label(after));
    assert!(h.query_by_label(&month_label(before)).is_none());
    assert!(h.state().current().unwrap().is_dirty());
}

#[test]
fn switching_an_initiative_off_changes_the_figures() {
    let mut h = harness();
    h.get_by_label("Chatbot: Included in this scenario").click();
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    assert!(!doc.scenario.chatbot.enabled);
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    assert!(
        p.initiatives
            .iter()
            .all(|i| i.initiative != roi_planner::model::Initiative::Chatbot)
    );
    h.get_by_label(&format::money_whole(
        p.adjusted.summary.net_benefit,
        Lang::En,
    ));
}

#[test]
fn undo_restores_and_redo_reapplies_a_whole_slider_change() {
    let mut h = harness();
    let containment = input_by_path("chatbot.containment_pct").unwrap();
    slider(&h, "Resolution rate").set_value_accesskit(45.0);
    h.run_steps(3);
    assert_eq!(
        h.state().current().unwrap().scenario.get(containment),
        Decimal::from(45)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        h.state().current().unwrap().scenario.get(containment),
        Decimal::from(35)
    );
    assert!(!h.state().current().unwrap().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(3);
    assert_eq!(
        h.state().current().unwrap().scenario.get(containment),
        Decimal::from(45)
    );
}

#[test]
fn a_typed_value_out_of_range_is_refused_with_the_range_and_the_old_value_stays() {
    let mut h = harness();
    type_into(&mut h, "Resolution rate", "500");
    assert_eq!(value_of(&h, "chatbot.containment_pct"), Decimal::from(35));
    h.get_by_label("500 % is outside the allowed 0 to 100 %; the value stays 35 %.");
}

#[test]
fn typed_numbers_are_read_as_meant_with_a_note() {
    let mut h = harness();
    // "7,5" in the English window is 7.5 minutes, not 75.
    type_into(&mut h, "Average handle time", "7,5");
    assert_eq!(
        value_of(&h, "baseline.handle_time_minutes"),
        Decimal::new(75, 1)
    );
    h.get_by_label("Read as 7.5 min");
    // "80.000" customers is 80,000, not 80.
    type_into(&mut h, "Active customers", "80.000");
    assert_eq!(
        value_of(&h, "baseline.active_customers"),
        Decimal::from(80000)
    );
    h.get_by_label("Read as 80,000 customers");
    // A plain number in the window's own way needs no note.
    type_into(&mut h, "Agents", "42");
    assert_eq!(value_of(&h, "baseline.agents_fte"), Decimal::from(42));
    assert!(h.query_by_label_contains("Read as 42").is_none());
}

#[test]
fn a_value_ten_times_away_asks_for_a_second_look() {
    let mut h = harness();
    // 95 minutes instead of 9: not taken until confirmed.
    type_into(&mut h, "Average handle time", "95");
    assert_eq!(
        value_of(&h, "baseline.handle_time_minutes"),
        Decimal::from(9)
    );
    h.get_by_label("95 min is more than ten times away from 9 min. Is that meant?");
    h.get_by_label("Keep 9 min").click();
    h.run_steps(3);
    assert_eq!(
        value_of(&h, "baseline.handle_time_minutes"),
        Decimal::from(9)
    );
    type_into(&mut h, "Average handle time", "95");
    h.get_by_label("Use 95 min").click();
    h.run_steps(3);
    assert_eq!(
        value_of(&h, "baseline.handle_time_minutes"),
        Decimal::from(95)
    );
}

#[test]
fn the_dutch_window_reads_both_marks_too() {
    let mut h = harness();
    h.state_mut().commands.push(Command::SetLang(Lang::Nl));
    h.run_steps(3);
    // "1.2" churn in the Dutch window is 1,2%, not 12%.
    let entry = "Klantverloop (exacte waarde)";
    let field = h.get_by_label(entry);
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label(entry).type_text("1.2");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(
        value_of(&h, "baseline.churn_monthly_pct"),
        Decimal::new(12, 1)
    );
    h.get_by_label("Gelezen als 1,2 %/maand");
}

#[test]
fn the_language_switch_changes_labels_and_money() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Nederlands").click();
    h.run_steps(3);
    h.get_by_label("Invoer");
    h.get_by_label("Klantcontact vandaag");
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    let net = p.adjusted.summary.net_benefit;
    let dutch = format::money_whole(net, Lang::Nl);
    assert!(dutch.starts_with("€ ") && dutch.contains('.'), "{dutch}");
    h.get_by_label(&dutch);
    assert!(
        h.query_by_label(&format::money_whole(net, Lang::En))
            .is_none()
    );
}

#[test]
fn the_assumptions_line_opens_the_finance_section() {
    let mut h = harness();
    assert!(
        h.query_by_label("Discount rate").is_none(),
        "collapsed at start"
    );
    h.get_by_label_contains("Assumptions: risk on savings −10%")
        .click();
    h.run_steps(4);
    // Its label and its slider.
    assert!(h.query_all_by_label("Discount rate").count() >= 1);
    // The initiatives' sections say whether they are on without opening them.
    h.get_by_label("Omnichannel · on");
    h.get_by_label("Training · on");
}

#[test]
fn every_combo_box_value_is_translated() {
    let mut h = harness();
    h.state_mut().commands.push(Command::SetLang(Lang::Nl));
    h.run_steps(3);
    assert!(h.query_all_by_value("S-kromme").count() >= 1);
    assert!(h.query_by_value("S-curve").is_none());
}

#[test]
fn the_range_toggle_gives_an_input_a_range_to_edit() {
    let mut h = harness();
    let path = "baseline.agents_fte";
    assert!(
        !h.state()
            .current()
            .unwrap()
            .scenario
            .ranges
            .contains_key(path)
    );
    h.get_by_label("Agents (range)").click();
    h.run_steps(3);
    // A range 20% either way around the value (35 FTE), triangular.
    let range = h.state().current().unwrap().scenario.ranges[path].clone();
    assert_eq!(
        (range.low, range.high),
        (Decimal::from(28), Decimal::from(42))
    );
    assert_eq!(range.shape, roi_planner::model::Shape::Triangular);
    // Its editor is open: move the high estimate.
    h.get_by_label("Agents: high").set_value_accesskit(55.0);
    h.run_steps(3);
    assert_eq!(
        h.state().current().unwrap().scenario.ranges[path].high,
        Decimal::from(55)
    );
    // The scenario stays valid and its Monte Carlo run sees the new range.
    assert!(h.state().current().unwrap().valid().is_some());
    h.get_by_label("Agents: remove range").click();
    h.run_steps(3);
    assert!(
        !h.state()
            .current()
            .unwrap()
            .scenario
            .ranges
            .contains_key(path)
    );
}

#[test]
fn a_read_as_note_goes_when_its_value_does() {
    let mut h = harness();
    type_into(&mut h, "Average handle time", "7,5");
    h.get_by_label("Read as 7.5 min");
    // Undo: the field shows 9 again, and the note about 7.5 is gone.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        value_of(&h, "baseline.handle_time_minutes"),
        Decimal::from(9)
    );
    assert!(h.query_by_label_contains("Read as 7.5").is_none());
    // A slider move takes it away too; and a field never has two notes.
    type_into(&mut h, "Average handle time", "8,5");
    h.get_by_label("Read as 8.5 min");
    type_into(&mut h, "Average handle time", "8,25");
    assert!(h.query_by_label_contains("Read as 8.5").is_none());
    h.get_by_label("Read as 8.3 min");
    slider(&h, "Average handle time").set_value_accesskit(10.0);
    h.run_steps(3);
    assert!(h.query_by_label_contains("Read as").is_none());
    assert!(h.state().editing.notes.is_empty());
}

#[test]
fn an_input_carries_the_users_own_source_and_note_as_one_undo_step() {
    // Right-click an input's label: a source and a note, saved with the scenario; the hover
    // then gives the user's source instead of the default's; one undo takes it back.
    let mut h = harness();
    let path = "baseline.contact_growth_yearly_pct";
    let before = h
        .state()
        .current()
        .unwrap()
        .scenario
        .sources
        .get(path)
        .cloned();
    h.get_by_role_and_label(egui::accesskit::Role::Label, "Contact growth")
        .click_secondary();
    h.run_steps(3);
    h.get_by_label("Source of Contact growth").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Source of Contact growth")
        .type_text("Telephony report, Q3 2026, M. Jansen");
    h.run_steps(1);
    h.get_by_label("Note on Contact growth").focus();
    h.run_steps(1);
    h.get_by_label("Note on Contact growth")
        .type_text("Excludes e-mail");
    h.run_steps(1);
    h.get_by_label("Save").click();
    h.run_steps(3);
    let saved = h
        .state()
        .current()
        .unwrap()
        .scenario
        .sources
        .get(path)
        .cloned();
    let saved = saved.expect("a source");
    assert_eq!(saved.source, "Telephony report, Q3 2026, M. Jansen");
    assert_eq!(saved.note, "Excludes e-mail");
    // The label marks an input with the user's own source.
    h.get_by_role_and_label(egui::accesskit::Role::Label, "Contact growth ·");
    // Written to the file and read back.
    let text = roi_planner::model::file::to_ron(&h.state().current().unwrap().scenario).unwrap();
    let read = roi_planner::model::file::parse(&text).unwrap().into_inner();
    assert_eq!(read.sources.get(path), Some(&saved));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(
        h.state()
            .current()
            .unwrap()
            .scenario
            .sources
            .get(path)
            .cloned(),
        before
    );
}

#[test]
fn a_calendar_names_the_months_and_the_years_and_year_zero_is_one_switch() {
    // Finance settings: "Dates" gives month 1 a calendar month (January 2027 first); the table
    // by year then shows financial years, and "Initial investment as year 0" adds year 0.
    let mut h = harness();
    h.state_mut().editing.focus_input = Some("finance.horizon_months".to_owned());
    h.state_mut().editing.focus_pending = true;
    h.run_steps(3);
    h.get_by_label("Dates: month 1 is a calendar month").click();
    h.run_steps(3);
    let calendar = h.state().current().unwrap().scenario.finance.calendar;
    assert_eq!(
        calendar.map(|c| (c.start_year, c.start_month)),
        Some((2027, 1))
    );
    h.get_by_label("Initial investment as year 0").click();
    h.run_steps(3);
    assert!(h.state().current().unwrap().scenario.finance.year_zero);
    h.get_by_label("Monthly table").click();
    h.run_steps(2);
    h.get_by_label("By year").click();
    h.run_steps(3);
    h.get_by_label("Initial");
    h.get_by_label("2027");
    h.get_by_label("2028");
    // One undo step each.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    let f = &h.state().current().unwrap().scenario.finance;
    assert!(f.calendar.is_none() && !f.year_zero);
}

#[test]
fn tab_goes_from_number_field_to_number_field_and_alt_keys_reach_the_rest() {
    // In the contact centre's inputs: Tab from "Contacts per month" lands in "Contact growth"'s
    // number field, passing its pin, slider and range button; Alt+Up steps the value as the
    // slider would, Alt+R opens its range, Alt+P pins it.
    let mut h = harness();
    h.get_by_label("Contacts per month (exact value)").focus();
    h.run_steps(2);
    h.key_press(Key::Tab);
    h.run_steps(3);
    assert!(
        h.get_by_label("Contact growth (exact value)").is_focused(),
        "Tab lands in the next number field"
    );
    let before = value_of(&h, "baseline.contact_growth_yearly_pct");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run_steps(3);
    let after = value_of(&h, "baseline.contact_growth_yearly_pct");
    assert!(after > before, "Alt+Up steps it: {before} → {after}");
    h.key_press_modifiers(Modifiers::ALT, Key::R);
    h.run_steps(3);
    assert!(
        h.state()
            .current()
            .unwrap()
            .scenario
            .ranges
            .contains_key("baseline.contact_growth_yearly_pct"),
        "Alt+R gives it a range"
    );
    h.get_by_label("Contact growth (exact value)").focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::ALT, Key::P);
    h.run_steps(3);
    assert!(
        h.state()
            .current()
            .unwrap()
            .scenario
            .client_sliders
            .iter()
            .any(|p| p == "baseline.contact_growth_yearly_pct"),
        "Alt+P pins it"
    );
}

#[test]
fn a_sliders_hover_text_stands_beside_its_row_never_over_the_next_slider() {
    let mut h = harness();
    let row = slider(&h, "Contact growth").rect();
    let next = slider(&h, "Average handle time").rect();
    slider(&h, "Contact growth").hover();
    // egui waits for the pointer to rest (half a second) before a hover text shows.
    h.run_steps(90);
    let tip = h
        .get_by_label_contains("Yearly growth of the contact volume")
        .rect();
    assert!(
        !tip.intersects(next),
        "{tip:?} covers the next slider {next:?}"
    );
    assert!(
        tip.left() >= row.right(),
        "{tip:?} stands beside the row {row:?}"
    );
}

#[test]
fn shift_tab_goes_back_from_number_field_to_number_field() {
    let mut h = harness();
    h.get_by_label("Average handle time (exact value)").focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run_steps(3);
    assert!(
        h.get_by_label("Contact growth (exact value)").is_focused(),
        "Shift+Tab lands in the number field before"
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run_steps(3);
    assert!(
        h.get_by_label("Contacts per month (exact value)")
            .is_focused(),
        "and once more in the one before it"
    );
}
