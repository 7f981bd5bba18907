//! How often the P10-P90 band follows a slider drag with four scenarios compared: the real app
//! (headless, through egui_kittest) with the pointer held down, the resolution rate moved every
//! frame at about 60 frames a second for three seconds, counting the Monte Carlo results that
//! arrive for the dragged scenario. Prints the updates per second (a measurement for the notes,
//! not a pass/fail test). Run: `cargo bench --bench drag`.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use roi_planner::model::{Lang, input_by_path};
use roi_planner::ui::app::{PlannerApp, Settings, Startup};
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

fn main() {
    let mut app = PlannerApp::new(Startup {
        settings: Some(Settings {
            lang: Some(Lang::En),
            ..Settings::default()
        }),
        ..Startup::default()
    });
    // A first start opens nothing (the start view): the combined example, as a user opens it.
    app.open_example("combined");
    for _ in 0..3 {
        app.commands.push(Command::DuplicateAs {
            name: "what-if".to_owned(),
            notes: String::new(),
        });
    }
    app.handle_commands();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut PlannerApp| app.show(ui), app);
    // Let the first full runs of the four scenarios finish.
    let settle = Instant::now();
    while settle.elapsed() < Duration::from_secs(20)
        && h.state()
            .docs
            .iter()
            .any(|d| d.analysis.monte_carlo.is_none())
    {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    let containment = input_by_path("chatbot.containment_pct").expect("an input");
    // Hold the pointer down over the window, as during a drag.
    h.event(egui::Event::PointerMoved(egui::pos2(450.0, 630.0)));
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(450.0, 630.0),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    let start = Instant::now();
    let (mut frames, mut updates, mut last) = (0u32, 0u32, None);
    let mut value = 20u32;
    while start.elapsed() < Duration::from_secs(3) {
        value = if value >= 55 { 20 } else { value + 1 };
        h.state_mut()
            .commands
            .push(Command::SetInput(containment, Decimal::from(value)));
        h.step();
        frames += 1;
        let selected = h
            .state()
            .current()
            .and_then(|d| d.analysis.monte_carlo.as_ref());
        let revision = selected.map(|(r, _)| *r);
        if revision != last {
            updates += 1;
            last = revision;
        }
        std::thread::sleep(Duration::from_millis(16));
    }
    let seconds = start.elapsed().as_secs_f64();
    let trials = h
        .state()
        .current()
        .and_then(|d| d.analysis.monte_carlo.as_ref())
        .map_or(0, |(_, mc)| mc.trials);
    println!(
        "drag with four scenarios compared: {frames} frames in {seconds:.1} s ({:.0} a second), {updates} band updates ({:.1} a second), the last of {trials} trials",
        f64::from(frames) / seconds,
        f64::from(updates) / seconds
    );
}
