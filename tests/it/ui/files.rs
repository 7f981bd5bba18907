//! Files and the side panel: open, save, close, quit, autosave, duplicate, name and description, export, help.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roi_planner::bundled;
use roi_planner::model::{Lang, input_by_path};
use roi_planner::ui::app::{PlannerApp, Settings, Startup};
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;
use std::time::Duration;

use super::support::*;

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
    // With nothing open, the start view offers the way back in.
    h.get_by_label("Start from my own numbers…");
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
    // A colour other than the first free one, to see it come back.
    first.docs[0].colour = 3;
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
    // The second start opened nothing else (no last session): the start view, then the
    // recovered work.
    assert_eq!(h.state().docs.len(), 1);
    let recovered = h.state().current().unwrap();
    assert_eq!(recovered.scenario.get(input), Decimal::from(55));
    assert_eq!(recovered.colour, 3, "recovered work keeps its colour");
    assert!(recovered.is_dirty());
    // Told apart from the scenario it came from: "(recovered, date time)" under the name.
    assert!(recovered.list_label().starts_with("• "));
    let label = recovered.recovered_label(Lang::En).unwrap();
    assert!(label.starts_with("(recovered, 20"), "{label}");
    h.get_by_label(&label);
}

#[test]
fn duplicate_takes_a_typed_name_and_the_unsaved_marker_comes_first() {
    let mut h = harness();
    h.get_by_label("Duplicate as what-if…").click();
    h.run_steps(3);
    let field = h.get_by_label("Name of the copy");
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label("Name of the copy").type_text("Bot at 45%");
    h.run_steps(1);
    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    assert_eq!(h.state().current().unwrap().scenario.name, "Bot at 45%");
    // A copy is unsaved: the marker stands before its name in the list.
    h.get_by_label("• Bot at 45%");
}

#[test]
fn a_name_listing_a_switched_off_initiative_is_offered_a_rename() {
    let mut h = harness();
    h.state_mut().commands.push(Command::SetEnabled(
        roi_planner::model::Initiative::Omnichannel,
        false,
    ));
    h.run_steps(3);
    h.get_by_label_contains("The name mentions Omnichannel");
    h.get_by_label("Rename to “Chatbot and training”").click();
    h.run_steps(3);
    assert_eq!(
        h.state().current().unwrap().scenario.name,
        "Chatbot and training"
    );
    assert!(h.query_by_label_contains("The name mentions").is_none());
}

#[test]
fn help_starts_with_a_summary_for_managers() {
    let mut h = harness();
    h.get_by_label("Help").click();
    h.run_steps(2);
    // The item carries its key (F1) in its name.
    h.get_by_label_contains("How the numbers are computed")
        .click();
    h.run_steps(3);
    h.get_by_label("In short, for managers");
    h.get_by_label("The formulas, for finance reviewers");
    h.get_by_label("NPV and IRR");
}

#[test]
fn exporting_from_the_window_writes_the_report_spreadsheet_and_chart() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let (scenarios, colours): (Vec<_>, Vec<_>) =
        h.state().export_scenarios(false).into_iter().unzip();
    for (what, name) in [
        (roi_planner::report::Deliverable::Report, "case.pdf"),
        (roi_planner::report::Deliverable::Spreadsheet, "case.xlsx"),
        (
            roi_planner::report::Deliverable::Chart(roi_planner::report::build::Chart::BreakEven),
            "case.png",
        ),
    ] {
        let job = roi_planner::ui::io::ExportJob {
            what,
            scenarios: scenarios.clone(),
            colours: colours.clone(),
            lang: Lang::En,
            risk_adjusted: true,
            suggested: name.to_owned(),
        };
        let path = dir.path().join(name);
        h.state_mut()
            .commands
            .push(Command::ExportTo(Box::new(job), path.clone()));
        wait_for(&mut h, |app| {
            app.status
                .as_ref()
                .is_some_and(|status| status.en.contains(name))
        });
        let status = h.state().status.clone().unwrap();
        assert!(!status.error, "{}", status.en);
        assert!(path.exists(), "{name} written");
    }
    // A name the export does not write is refused with the kinds it does.
    let job = roi_planner::ui::io::ExportJob {
        what: roi_planner::report::Deliverable::Report,
        scenarios,
        colours,
        lang: Lang::En,
        risk_adjusted: true,
        suggested: "case.pdf".to_owned(),
    };
    let wrong = dir.path().join("case.docx");
    h.state_mut()
        .commands
        .push(Command::ExportTo(Box::new(job), wrong.clone()));
    wait_for(&mut h, |app| app.dialogs.load_error.is_some());
    let (_, lines) = h.state().dialogs.load_error.clone().unwrap();
    assert!(lines[0].contains(".pdf or .html"), "{lines:?}");
    assert!(!wrong.exists());
}

#[test]
fn the_description_is_edited_beside_the_name_saved_and_reported() {
    let mut h = harness();
    let description = h.get_by_label("Description");
    description.focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label("Description")
        .type_text("Chatbot only, for the board in March.");
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    assert_eq!(doc.scenario.notes, "Chatbot only, for the board in March.");
    assert!(doc.is_dirty());
    let text = roi_planner::model::file::to_ron(&doc.scenario).unwrap();
    assert!(text.contains("Chatbot only, for the board in March."));
    // The report prints the user's description, not the example's.
    let case =
        roi_planner::report::Case::prepare(doc.scenario.clone().validate().unwrap(), 100).unwrap();
    let html = roi_planner::report::render(
        &[case],
        roi_planner::report::Deliverable::Report,
        roi_planner::report::Output::Html,
        Lang::En,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        true,
        None,
    )
    .unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("Chatbot only, for the board in March."));
    assert!(!html.contains("All three initiatives together"));
    // A duplicate gets a description of its own.
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run_steps(3);
    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    let copy = h.state().current().unwrap();
    assert_eq!(h.state().docs.len(), 2);
    assert!(
        copy.scenario.notes.starts_with("What-if of “"),
        "{}",
        copy.scenario.notes
    );
}

#[test]
fn the_window_refuses_what_check_refuses_and_opens_what_editors_write() {
    let dir = tempfile::tempdir().unwrap();
    let combined = bundled::find("combined").unwrap().text;
    let mut h = harness();
    // A correlation of exactly 1 and a range given twice: refused on opening, as `check` does.
    let cases = [
        (
            "one.ron",
            combined.replace(
                "\"omnichannel.hidden_cost_pct\", 0.5)",
                "\"omnichannel.hidden_cost_pct\", 1)",
            ),
            "correlations[0] has coefficient 1",
        ),
        (
            "twice.ron",
            combined.replace(
                "\"chatbot.hidden_cost_pct\": (low: 30, likely: 40, high: 50),",
                "\"chatbot.hidden_cost_pct\": (low: 30, likely: 40, high: 50),\n        \"chatbot.containment_pct\": (low: 25, likely: 35, high: 45),",
            ),
            "ranges gives \"chatbot.containment_pct\" a second time",
        ),
    ];
    for (name, text, expected) in cases {
        assert_ne!(text, combined, "{name}: the edit applies");
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        h.state_mut().dialogs.load_error = None;
        h.state_mut().commands.push(Command::OpenPath(path));
        wait_for(&mut h, |app| app.dialogs.load_error.is_some());
        let (_, lines) = h.state().dialogs.load_error.clone().unwrap();
        assert!(
            lines.iter().any(|l| l.contains(expected)),
            "{name}: {lines:?}"
        );
        assert_eq!(h.state().docs.len(), 1);
    }
    // A byte order mark and old Mac line endings open.
    let path = dir.path().join("mac.ron");
    std::fs::write(&path, format!("\u{feff}{}", combined.replace('\n', "\r"))).unwrap();
    h.state_mut().dialogs.load_error = None;
    h.state_mut().commands.push(Command::OpenPath(path));
    wait_for(&mut h, |app| {
        app.docs.len() == 2 || app.dialogs.load_error.is_some()
    });
    assert!(
        h.state().dialogs.load_error.is_none(),
        "{:?}",
        h.state().dialogs.load_error
    );
}

#[test]
fn suggested_file_names_read_well() {
    use roi_planner::ui::app::file_stem;
    // Runs of spaces and signs are one dash; letters keep their accents, in lower case.
    assert_eq!(
        file_stem("Chatbot 25% — Klantenservice BV"),
        "chatbot-25-klantenservice-bv"
    );
    assert_eq!(file_stem("  Café: what-if (2)  "), "café-what-if-2");
    assert_eq!(file_stem("—"), "scenario");
    assert!(file_stem(&"a b ".repeat(100)).chars().count() <= 80);
}

#[test]
fn the_menus_show_each_actions_key_from_the_one_table_and_the_keys_act() {
    use roi_planner::ui::shortcuts::{FIELD_KEYS, SHORTCUTS};
    let mut h = harness();
    // Every action's key in the table, and every number-field key, is shown beside its menu
    // item.
    let mut shown = Vec::new();
    for menu in ["File", "Edit", "View", "Help"] {
        h.get_by_label(menu).click();
        h.run_steps(3);
        let ctx = h.ctx.clone();
        for (keys, _) in SHORTCUTS.iter() {
            let text = ctx.format_shortcut(keys);
            // The item's name ends with its key ("Save Ctrl+S"; "Ctrl+S" alone would also
            // be found in "Ctrl+Shift+S").
            if h.query_all_by(|n| n.label().is_some_and(|l| l.ends_with(&format!(" {text}"))))
                .next()
                .is_some()
            {
                shown.push(text);
            }
        }
        for (keys, _, words) in FIELD_KEYS.iter() {
            if h.query_by_label_contains(words.en).is_some() {
                shown.push(ctx.format_shortcut(keys));
            }
        }
        h.key_press(Key::Escape);
        h.run_steps(2);
    }
    // (A command with two keys, Redo, shows its first.)
    for (keys, command) in SHORTCUTS.iter() {
        if roi_planner::ui::shortcuts::shortcut_of(command) != Some(*keys) {
            continue;
        }
        let text = h.ctx.format_shortcut(keys);
        assert!(shown.contains(&text), "{text} ({command:?}) is in no menu");
    }
    for (keys, _, words) in FIELD_KEYS.iter() {
        let text = h.ctx.format_shortcut(keys);
        assert!(shown.contains(&text), "{text} ({}) is in no menu", words.en);
    }
    // F1 opens the help; Ctrl+W closes the selected scenario (unchanged: without asking).
    h.key_press(Key::F1);
    h.run_steps(3);
    assert!(h.state().dialogs.show_help);
    h.state_mut().dialogs.show_help = false;
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run_steps(3);
    assert!(h.state().docs.is_empty());
}
