//! Presentation mode and the client sliders.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

use super::support::*;

#[test]
fn presentation_mode_shows_the_client_sliders_and_the_chance_follows_them() {
    let mut h = harness();
    wait_for(&mut h, |app| {
        app.current().unwrap().analysis.monte_carlo.is_some()
    });
    let before = chance_by_12(h.state()).unwrap();
    h.key_press(Key::F11);
    h.run_steps(3);
    assert!(h.state().presenting);
    // The editor is gone; the pinned inputs of the bundled file are there, the others not.
    assert!(h.query_by_label("Inputs").is_none());
    h.get_by_label("Client sliders");
    let pinned = &h.state().current().unwrap().scenario.client_sliders;
    assert!(pinned.iter().any(|p| p == "chatbot.containment_pct"));
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Slider, "Shrinkage")
            .is_none()
    );
    h.get_by_label(&before);
    // The client moves a slider: the figures and the chance follow.
    let revision = h.state().current().unwrap().revision();
    slider(&h, "Resolution rate").set_value_accesskit(60.0);
    h.run_steps(3);
    assert_eq!(value_of(&h, "chatbot.containment_pct"), Decimal::from(60));
    wait_for(&mut h, |app| {
        let doc = app.current().unwrap();
        doc.revision() > revision
            && doc
                .analysis
                .monte_carlo
                .as_ref()
                .is_some_and(|(r, mc)| *r == doc.revision() && mc.trials == 10_000)
    });
    let after = chance_by_12(h.state()).unwrap();
    assert_ne!(before, after, "a better resolution rate changes the chance");
    h.get_by_label(&after);
    h.get_by_label(&month_label(engine_break_even(Decimal::from(60))));
    // Esc leaves; the editor is back.
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().presenting);
    h.get_by_label("Inputs");
    h.check_accessibility();
}

#[test]
fn a_pin_beside_a_slider_makes_it_a_client_slider_saved_with_the_scenario() {
    let mut h = harness();
    assert!(
        !h.state()
            .current()
            .unwrap()
            .scenario
            .client_sliders
            .iter()
            .any(|p| p == "baseline.shrinkage_pct")
    );
    h.get_by_label("Shrinkage (client slider)").click();
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    assert!(
        doc.scenario
            .client_sliders
            .iter()
            .any(|p| p == "baseline.shrinkage_pct")
    );
    assert!(doc.is_dirty(), "a pin is part of the scenario");
    let text = roi_planner::model::file::to_ron(&doc.scenario).unwrap();
    assert!(
        text.contains("\"baseline.shrinkage_pct\""),
        "the file keeps the pin"
    );
    // Presentation mode now shows it.
    h.key_press(Key::F11);
    h.run_steps(3);
    slider(&h, "Shrinkage");
    h.key_press(Key::Escape);
    h.run_steps(3);
    // Unpinning is one undo away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(
        !h.state()
            .current()
            .unwrap()
            .scenario
            .client_sliders
            .iter()
            .any(|p| p == "baseline.shrinkage_pct")
    );
}

#[test]
fn presentation_shows_only_the_client_sliders_that_move_something() {
    let mut h = harness();
    // The bundled combined case pins the chatbot's resolution rate; switch the chatbot off.
    h.get_by_label("Chatbot: Included in this scenario").click();
    h.run_steps(3);
    h.key_press(Key::F11);
    h.run_steps(3);
    assert!(h.state().presenting);
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Slider, "Resolution rate")
            .is_none(),
        "a switched-off initiative's pin is hidden, not dead"
    );
    slider(&h, "Agent cost per paid hour");
    h.key_press(Key::Escape);
    h.run_steps(3);
    // Back on, back in presentation mode.
    h.get_by_label("Chatbot: Included in this scenario").click();
    h.run_steps(3);
    h.key_press(Key::F11);
    h.run_steps(3);
    slider(&h, "Resolution rate");
}

#[test]
fn presentation_draws_larger_on_a_larger_screen() {
    // 1.3 times on a window 800 pixels high; on 1080 pixels in proportion, 1.3 × 1080 / 800
    // = 1.755, so a projector shows what a laptop shows, as large.
    for (size, zoom) in [([1280.0, 800.0], 1.3f32), ([1920.0, 1080.0], 1.755)] {
        let mut h = harness_sized(size[0], size[1]);
        h.state_mut()
            .commands
            .push(roi_planner::ui::command::Command::TogglePresent);
        h.run_steps(20);
        let got = h.ctx.zoom_factor();
        assert!(
            (got - zoom).abs() < 0.01,
            "{size:?}: zoom {got}, expected {zoom}"
        );
        // Leaving gives the zoom back.
        h.state_mut()
            .commands
            .push(roi_planner::ui::command::Command::TogglePresent);
        h.run_steps(3);
        assert!((h.ctx.zoom_factor() - 1.0).abs() < 0.01);
    }
}
