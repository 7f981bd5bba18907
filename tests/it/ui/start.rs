//! The first start: the start view, the guided form, and names that tell new scenarios apart.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use roi_planner::bundled::{self, BUNDLED};
use roi_planner::model::{Initiative, Lang, input_by_path};
use roi_planner::ui::app::{PlannerApp, Settings, Startup};
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

use super::support::*;

/// The window as a first start leaves it: no last session, no files.
fn first_start(lang: Lang) -> Harness<'static, PlannerApp> {
    let app = PlannerApp::new(Startup {
        settings: Some(Settings {
            lang: Some(lang),
            ..Settings::default()
        }),
        ..Startup::default()
    });
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut PlannerApp| app.show(ui), app);
    h.run_steps(3);
    h
}

/// Types `text` into the form's field for the figure `label`.
fn fill(h: &mut Harness<'static, PlannerApp>, label: &str, text: &str) {
    let field = format!("{label} (your figure)");
    h.get_by_label(&field).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(&field).type_text(text);
    h.run_steps(2);
}

#[test]
fn a_first_start_offers_own_numbers_an_example_or_a_file() {
    let mut h = first_start(Lang::En);
    assert!(h.state().docs.is_empty(), "nothing is opened for the user");
    h.get_by_label("Start from my own numbers…");
    h.get_by_label("Open…");
    for b in &BUNDLED {
        h.get_by_label(b.description.en);
    }
    // No warning is the first thing to read.
    assert_eq!(h.query_all_by_label_contains("Warning").count(), 0);
    // An example opens in the normal window.
    h.get_by_label(bundled::find("chatbot").unwrap().description.en)
        .click();
    h.run_steps(3);
    assert_eq!(h.state().docs.len(), 1);
    h.get_by_label("Cumulative net cash flow");

    let h = first_start(Lang::Nl);
    h.get_by_label("Begin met mijn eigen cijfers…");
    h.get_by_label("Open een voorbeeld");
}

#[test]
fn the_guided_form_ends_in_the_window_with_the_users_numbers() {
    let mut h = first_start(Lang::En);
    // Ctrl+N opens the same form as the start view's button.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    h.get_by_label("Your contact centre today (1 of 2)");
    // The walk-through's manager: 35,000 contacts, 7 minutes, 60 agents at €32 an hour.
    fill(&mut h, "Contacts per month", "35.000");
    fill(&mut h, "Average handle time", "7");
    fill(&mut h, "Agents", "60");
    fill(&mut h, "Agent cost per paid hour", "32");
    // Beside the headcount, what that workload needs by service level, with the example's
    // service figures (220 opening hours, 80% in 20 s, 30% shrinkage, 165 paid hours), worked
    // by hand: 35,000 × 7 / 60 / 220 = 18.56 Erlangs; Erlang C gives 80.4% in 20 s with 23
    // agents on the line (22 fall short); 23 × 220 / (165 × 0.7) = 43.8 paid FTE. Far from
    // the 60 entered, so the form says to check it.
    h.get_by_label_contains("Workload today needs 43.8 FTE; 60 entered");
    h.get_by_label_contains("More than 15% apart: check the headcount");
    // Each figure says where to find it, or its typical range from its source.
    h.get_by_label_contains("Where to find it: the payroll or roster");
    h.get_by_label_contains("Typical 30 to 45 %/year");
    // A value the model does not allow is refused, naming the figure, and keeps the form.
    fill(&mut h, "First-contact resolution", "140");
    h.get_by_label("First-contact resolution: 140 % is outside the allowed 0 to 100 %.");
    assert!(h.get_by_label("Next").accesskit_node().is_disabled());
    fill(&mut h, "First-contact resolution", "65");
    h.get_by_label("Next").click();
    h.run_steps(3);
    h.get_by_label("Which initiatives to consider (2 of 2)");
    h.get_by_label("Omnichannel").click();
    h.run_steps(2);
    h.get_by_label("Create the scenario").click();
    h.run_steps(4);

    let doc = h
        .state()
        .current()
        .expect("the new scenario is open and selected");
    let s = &doc.scenario;
    let get = |path: &str| s.get(input_by_path(path).unwrap());
    assert_eq!(get("baseline.contacts_per_month"), Decimal::from(35_000));
    assert_eq!(get("baseline.handle_time_minutes"), Decimal::from(7));
    assert_eq!(get("baseline.agents_fte"), Decimal::from(60));
    assert_eq!(get("baseline.agent_cost_per_paid_hour"), Decimal::from(32));
    assert_eq!(get("baseline.fcr_pct"), Decimal::from(65));
    // A figure left empty keeps the example's value (and its source).
    let example = bundled::find("combined")
        .unwrap()
        .load()
        .unwrap()
        .into_inner();
    assert_eq!(
        get("baseline.active_customers"),
        example.baseline.active_customers
    );
    assert_eq!(
        s.sources.get("baseline.attrition_yearly_pct"),
        example.sources.get("baseline.attrition_yearly_pct")
    );
    // A typed figure is the user's own, and its source says so.
    assert!(
        s.sources["baseline.agents_fte"]
            .source
            .starts_with("Own figure")
    );
    assert!(s.is_enabled(Initiative::Chatbot));
    assert!(s.is_enabled(Initiative::Omnichannel));
    assert!(!s.is_enabled(Initiative::Training));
    assert!(
        s.client_sliders.iter().all(|p| !p.starts_with("training.")),
        "no client slider for an initiative left out: {:?}",
        s.client_sliders
    );
    assert_eq!(s.name, "Chatbot and omnichannel");
    assert!(doc.path.is_none(), "new and not yet saved");
    // The normal window, with the cards worked out from these figures.
    h.get_by_label("Cumulative net cash flow");
    h.get_by_label("Contacts per month (exact value)");
}

#[test]
fn the_form_can_be_left_without_a_trace() {
    let mut h = first_start(Lang::En);
    h.get_by_label("Start from my own numbers…").click();
    h.run_steps(3);
    fill(&mut h, "Contacts per month", "12000");
    // Esc leaves it, as Cancel does (clicked in the real window: see the note).
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().docs.is_empty());
    assert!(h.state().dialogs.start_form.is_none());
    h.get_by_label("Start from my own numbers…");
}

#[test]
fn new_scenarios_and_copies_have_names_of_their_own() {
    let mut h = harness();
    let original = h.state().current().unwrap().scenario.name.clone();
    h.state_mut()
        .commands
        .push(Command::NewFromExample("combined"));
    h.run_steps(3);
    let first = h.state().current().unwrap().scenario.name.clone();
    assert_eq!(first, format!("{original} (2)"));
    // A what-if is numbered while it is the same, then says what was changed in it; undo
    // gives the numbered name back with the value; a name typed by the user is kept.
    h.state_mut().commands.push(Command::Duplicate);
    h.run_steps(3);
    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    let copy = h.state().current().unwrap().title().to_owned();
    assert_eq!(copy, format!("{first} – what-if 2"));
    type_into(&mut h, "Resolution rate", "40");
    assert_eq!(
        h.state().current().unwrap().title(),
        format!("{first} – resolution rate 40 %")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().current().unwrap().title(), copy);
    assert_eq!(value_of(&h, "chatbot.containment_pct"), Decimal::from(35));
    h.state_mut()
        .commands
        .push(Command::Rename("Bot at 40%".to_owned()));
    h.run_steps(2);
    type_into(&mut h, "Resolution rate", "40");
    assert_eq!(h.state().current().unwrap().title(), "Bot at 40%");
}

#[test]
fn the_status_bar_follows_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    let mut h = harness();
    let id = h.state().selected.unwrap();
    h.state_mut().commands.push(Command::SaveTo(id, path));
    wait_for(&mut h, |app| app.status.is_some());
    h.get_by_label_contains("Saved ");
    h.state_mut().commands.push(Command::SetLang(Lang::Nl));
    h.run_steps(3);
    h.get_by_label_contains("Opgeslagen: ");
    assert_eq!(h.query_all_by_label_contains("Saved ").count(), 0);
}
