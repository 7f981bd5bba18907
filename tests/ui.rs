//! The window, driven like a user would through egui_kittest: by accessible labels, no GPU.

use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roi_planner::bundled;
use roi_planner::format;
use roi_planner::model::{Lang, input_by_path};
use roi_planner::sim;
use roi_planner::ui::app::{PlannerApp, Settings, Startup};
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

fn app() -> PlannerApp {
    PlannerApp::new(Startup {
        settings: Some(Settings {
            lang: Some(Lang::En),
            ..Settings::default()
        }),
        ..Startup::default()
    })
}

fn harness() -> Harness<'static, PlannerApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut PlannerApp| app.show(ui), app());
    h.run_steps(3);
    h
}

/// Steps until `done` holds, for work that finishes on a background thread.
fn wait_for(h: &mut Harness<'static, PlannerApp>, done: impl Fn(&PlannerApp) -> bool) {
    for _ in 0..200 {
        h.run_steps(1);
        if done(h.state()) {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the window did not get there within 2 seconds");
}

/// The risk-adjusted break-even month the engine computes for the combined example with
/// `containment` as the chatbot's resolution rate.
fn engine_break_even(containment: Decimal) -> Option<u32> {
    let mut s = bundled::find("combined")
        .unwrap()
        .load()
        .unwrap()
        .into_inner();
    s.set(
        input_by_path("chatbot.containment_pct").unwrap(),
        containment,
    );
    let p = sim::simulate(&s.validate().unwrap()).unwrap();
    p.adjusted.summary.break_even_month
}

/// The slider with this label (the row's text label has the same name).
fn slider<'h>(h: &'h Harness<'static, PlannerApp>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(egui::accesskit::Role::Slider, label)
}

fn month_label(m: Option<u32>) -> String {
    format!("Month {}", m.unwrap())
}

#[test]
fn opens_with_the_bundled_combined_scenario() {
    let h = harness();
    assert_eq!(h.state().docs.len(), 1);
    assert_eq!(
        h.state().current().unwrap().scenario.name,
        "Chatbot, omnichannel and training"
    );
    h.get_by_label(&month_label(engine_break_even(Decimal::from(35))));
    h.check_accessibility();
}

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
fn a_typed_value_out_of_range_is_clamped_with_a_note() {
    let mut h = harness();
    let entry = h.get_by_label("Resolution rate (exact value)");
    entry.focus();
    entry.type_text("0");
    h.run_steps(1);
    // "35" became "350"; Enter commits it.
    h.key_press(Key::Enter);
    h.run_steps(3);
    let containment = input_by_path("chatbot.containment_pct").unwrap();
    assert_eq!(
        h.state().current().unwrap().scenario.get(containment),
        Decimal::from(100)
    );
    h.get_by_label_contains("Set to 100 %");
}

#[test]
fn duplicate_and_compare_shows_both_scenarios_and_the_differences() {
    let mut h = harness();
    h.get_by_label("Duplicate as what-if").click();
    h.run_steps(3);
    assert_eq!(h.state().docs.len(), 2);
    let copy = h.state().current().unwrap().title().to_owned();
    assert!(copy.ends_with("what-if"), "{copy}");
    slider(&h, "Resolution rate").set_value_accesskit(20.0);
    h.run_steps(2);
    h.get_by_label("Compare").click();
    h.run_steps(3);
    h.get_by_label("Headline figures");
    // Each initiative's own figures and what it adds, from the engine's projection.
    h.get_by_label("What each initiative adds");
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    let chatbot = p
        .initiatives
        .iter()
        .find(|i| i.initiative == roi_planner::model::Initiative::Chatbot)
        .unwrap();
    h.get_by_label(&format::money_whole(
        chatbot.marginal_net_benefit_adjusted,
        Lang::En,
    ));
    h.get_by_label("Chatbot – Resolution rate");
    assert!(h.query_all_by_label_contains(&copy).count() >= 1);
    // The comparison's columns shorten long names (the full name is on hover).
    let short = roi_planner::ui::compare_ui::short_name(&copy);
    assert!(short.chars().count() <= 22, "{short}");
    assert!(
        h.query_all_by_label(&short).count() >= 2,
        "the what-if heads its columns in the comparison: {short}"
    );
    h.get_by_label("20 %");
    h.get_by_label("35 %");
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
fn a_broken_file_shows_the_error_and_keeps_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(\n    schema_version: 1,\n    name: \"Broken\",\n    baseline: (contacts_per_month: \"many\"),\n)\n").unwrap();
    let mut h = harness();
    let before = h.state().current().unwrap().scenario.clone();
    h.state_mut().commands.push(Command::OpenPath(path.clone()));
    wait_for(&mut h, |app| app.dialogs.load_error.is_some());
    let (shown_path, lines) = h.state().dialogs.load_error.clone().unwrap();
    assert_eq!(shown_path, path);
    assert!(lines[0].contains("broken.ron:4:"), "{lines:?}");
    h.get_by_label(&lines[0]);
    h.get_by_label("The file could not be used");
    assert_eq!(h.state().docs.len(), 1);
    assert_eq!(h.state().current().unwrap().scenario, before);
    h.get_by_label("OK").click();
    h.run_steps(2);
    assert!(h.state().dialogs.load_error.is_none());
}

#[test]
fn closing_a_changed_scenario_asks_first() {
    let mut h = harness();
    slider(&h, "Resolution rate").set_value_accesskit(40.0);
    h.run_steps(2);
    h.get_by_label("Close").click();
    h.run_steps(3);
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(h.state().docs.len(), 1);
    h.get_by_label("Close").click();
    h.run_steps(3);
    h.get_by_label("Don't save").click();
    h.run_steps(3);
    assert!(h.state().docs.is_empty());
    h.get_by_label("No scenario open");
}

#[test]
fn quitting_with_unsaved_work_asks_first() {
    let mut h = harness();
    slider(&h, "Resolution rate").set_value_accesskit(40.0);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(3);
    h.get_by_label("These scenarios have changes that are not saved:");
    assert!(!h.state().quit_confirmed);
    h.get_by_label("Quit without saving").click();
    h.run_steps(2);
    assert!(h.state().quit_confirmed);
}

#[test]
fn the_projection_is_computed_only_when_an_input_changed() {
    let mut h = harness();
    let computed = h.state().current().unwrap().computations();
    h.run_steps(10);
    assert_eq!(h.state().current().unwrap().computations(), computed);
    slider(&h, "Resolution rate").set_value_accesskit(40.0);
    h.run_steps(5);
    assert_eq!(h.state().current().unwrap().computations(), computed + 1);
}

#[test]
fn saving_writes_the_file_and_clears_the_unsaved_marker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    let mut h = harness();
    slider(&h, "Resolution rate").set_value_accesskit(42.0);
    h.run_steps(2);
    assert!(h.state().window_title().contains('•'));
    let id = h.state().selected.unwrap();
    h.state_mut()
        .commands
        .push(Command::SaveTo(id, path.clone()));
    wait_for(&mut h, |app| !app.current().unwrap().is_dirty());
    assert!(!h.state().window_title().contains('•'));
    let saved = roi_planner::files::load(&path).unwrap().into_inner();
    assert_eq!(&saved, &h.state().current().unwrap().scenario);
}

#[test]
fn autosave_is_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = app();
    let input = input_by_path("chatbot.containment_pct").unwrap();
    first
        .commands
        .push(Command::SetInput(input, Decimal::from(55)));
    first.handle_commands();
    first.autosave_now(dir.path());
    // The first session "crashes": it is dropped without a clean exit, once its background
    // write is done.
    for _ in 0..200 {
        if std::fs::read_dir(dir.path()).is_ok_and(|mut d| {
            d.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ron")))
        }) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    drop(first);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut PlannerApp| app.show(ui),
            PlannerApp::new(Startup {
                settings: Some(Settings {
                    lang: Some(Lang::En),
                    ..Settings::default()
                }),
                autosave_dir: Some(dir.path().to_owned()),
                ..Startup::default()
            }),
        );
    // The autosave is written on a background thread; so is the scan.
    wait_for(&mut h, |app| !app.dialogs.recoverable.is_empty());
    h.get_by_label("Recover unsaved work?");
    h.get_by_label("Recover").click();
    h.run_steps(3);
    assert_eq!(h.state().docs.len(), 2);
    let recovered = h.state().current().unwrap();
    assert_eq!(recovered.scenario.get(input), Decimal::from(55));
    assert!(recovered.is_dirty());
}

/// The harness with the scenario `text` opened from a file and selected.
fn harness_with(text: &str) -> (Harness<'static, PlannerApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    std::fs::write(&path, text).unwrap();
    let mut h = harness();
    h.state_mut().commands.push(Command::OpenPath(path));
    wait_for(&mut h, |app| app.docs.len() == 2);
    (h, dir)
}

/// The worked example with these custom lines (RON) and horizon.
fn custom_lines(lines: &str, horizon: u32) -> String {
    let text = bundled::find("worked-example").unwrap().text;
    let start = text.find("        lines: [").unwrap();
    let end = text[start..].find("],").unwrap() + start + 2;
    format!(
        "{}        lines: [{lines}],{}",
        &text[..start],
        &text[end..]
    )
    .replace("horizon_months: 12", &format!("horizon_months: {horizon}"))
}

#[test]
fn with_nothing_happening_break_even_and_payback_show_a_dash() {
    let mut h = harness();
    h.get_by_label("Chatbot: Included in this scenario").click();
    h.run_steps(2);
    // The other two sections are collapsed; switch them off as their checkboxes would.
    for initiative in [
        roi_planner::model::Initiative::Omnichannel,
        roi_planner::model::Initiative::Training,
    ] {
        h.state_mut()
            .commands
            .push(Command::SetEnabled(initiative, false));
    }
    h.run_steps(3);
    let p = sim::simulate(
        &h.state()
            .current()
            .unwrap()
            .scenario
            .clone()
            .validate()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(p.adjusted.summary.break_even_month, None);
    assert_eq!(p.adjusted.summary.payback_months, None);
    // ROI, break-even, payback and IRR all have nothing to show.
    assert!(h.query_all_by_label("–").count() >= 4);
    assert!(h.query_by_label_contains("Month ").is_none());
    assert!(h.query_by_label_contains("Not within").is_none());
}

#[test]
fn warnings_show_under_the_cards() {
    let (h, _dir) = harness_with(&custom_lines(
        r#"(name: "renewal", kind: cost, amount: 5000, timing: OneOff(month: 40)),
           (name: "savings", kind: benefit, amount: 1000, timing: Monthly(from: 1, to: 12))"#,
        12,
    ));
    h.get_by_label_contains("custom.lines[0].timing: “renewal” falls in month 40");
}

#[test]
fn an_irr_above_1000_percent_shows_as_more_than_1000_with_a_note() {
    // Net −100 then +2000: a monthly IRR of 1900% (see tests/edge_cases.rs).
    let (h, _dir) = harness_with(&custom_lines(
        r#"(name: "build", kind: cost, amount: 100, timing: OneOff(month: 1)),
           (name: "win", kind: benefit, amount: 2000, timing: OneOff(month: 2))"#,
        2,
    ));
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    assert!(p.adjusted.summary.irr_annual_pct.unwrap() > Decimal::from(1000));
    assert!(h.query_all_by_label("> 1000%").count() >= 1);
}

#[test]
fn the_kpi_tab_shows_before_and_after_from_the_engine() {
    let mut h = harness();
    h.get_by_label("KPIs").click();
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    let (after, before) = p.final_kpis().unwrap();
    // The table's row and the chart's title.
    assert_eq!(h.query_all_by_label("Cost per contact (€)").count(), 2);
    h.get_by_label(&format::number(before.cost_per_contact, 2, Lang::En));
    h.get_by_label(&format::number(after.cost_per_contact, 2, Lang::En));
    h.get_by_label(&format::number(after.agent_fte, 1, Lang::En));
    // Beside the agents in the editor, and under the KPI table.
    assert_eq!(
        h.query_all_by_label_contains("Workload today needs")
            .count(),
        2
    );
}

#[test]
fn what_each_initiative_adds_sums_to_the_whole_with_the_interaction() {
    let mut h = harness();
    h.get_by_label("Compare").click();
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    let interaction = p.interaction_net_benefit(true);
    let sum: Decimal = p
        .initiatives
        .iter()
        .map(|i| i.marginal_net_benefit_adjusted)
        .sum::<Decimal>()
        + interaction;
    assert_eq!(sum, p.adjusted.summary.net_benefit);
    h.get_by_label("Interaction");
    h.get_by_label(&format::money_whole(interaction, Lang::En));
    h.get_by_label("Whole case");
}

#[test]
fn starting_later_moves_break_even_but_not_payback() {
    let mut h = harness();
    h.state_mut()
        .commands
        .push(Command::NewFromExample("chatbot"));
    h.run_steps(3);
    let payback = |h: &Harness<'static, PlannerApp>| {
        let doc = h.state().current().unwrap();
        let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
        let s = p.adjusted.summary;
        (s.payback_months.unwrap(), s.break_even_month.unwrap())
    };
    let (before, month) = payback(&h);
    let shown = format!("{} months", format::months(before, Lang::En));
    h.get_by_label(&shown);
    h.get_by_label(&format!("Month {month}"));
    let start = input_by_path("chatbot.start_month").unwrap();
    h.state_mut()
        .commands
        .push(Command::SetInput(start, Decimal::from(4)));
    h.run_steps(3);
    let (after, later) = payback(&h);
    assert_eq!(after, before);
    assert_eq!(later, month + 3);
    h.get_by_label(&shown);
    h.get_by_label(&format!("Month {later}"));
}
