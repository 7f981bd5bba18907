//! CPU time of one window frame while a slider is dragged with four scenarios compared: the
//! selected scenario is recomputed every frame, as during a real drag. Runs the real app
//! headless through egui_kittest (layout, widgets, plots; no GPU work).

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use roi_planner::model::{Lang, input_by_path};
use roi_planner::ui::app::{PlannerApp, Settings, Startup};
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

fn four_scenarios() -> Harness<'static, PlannerApp> {
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
    assert_eq!(app.docs.iter().filter(|d| d.shown).count(), 4);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut PlannerApp| app.show(ui), app);
    h.run_steps(3);
    h
}

fn frame(c: &mut Criterion) {
    let containment =
        input_by_path("chatbot.containment_pct").expect("the chatbot's resolution rate");
    let mut h = four_scenarios();
    let mut value = 20u32;
    c.bench_function("frame while dragging, 4 scenarios", |b| {
        b.iter(|| {
            value = if value >= 60 { 20 } else { value + 1 };
            h.state_mut()
                .commands
                .push(Command::SetInput(containment, Decimal::from(value)));
            h.step();
        })
    });
    let mut h = four_scenarios();
    c.bench_function("frame without changes, 4 scenarios", |b| {
        b.iter(|| h.step())
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
