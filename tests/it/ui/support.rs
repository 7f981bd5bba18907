//! What every window test shares: the app as a user starts it, a harness to drive it by
//! accessible labels, and the waits and engine figures the tests compare with.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roi_planner::bundled;
use roi_planner::model::{Lang, input_by_path};
use roi_planner::sim;
use roi_planner::ui::app::{PlannerApp, Settings, Startup};
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;
use std::time::Duration;

/// The window as a user has it once the combined example is open (a first start shows the
/// start view; `tests/it/ui/start.rs` covers it).
pub fn app() -> PlannerApp {
    let mut app = PlannerApp::new(Startup {
        settings: Some(Settings {
            lang: Some(Lang::En),
            ..Settings::default()
        }),
        ..Startup::default()
    });
    app.open_example("combined");
    app
}

pub fn harness() -> Harness<'static, PlannerApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut PlannerApp| app.show(ui), app());
    h.run_steps(3);
    h
}

/// Steps until `done` holds, for work that finishes on a background thread (a file, or a
/// Monte Carlo run of 10,000 trials in an unoptimised build beside other tests): up to 60
/// seconds, a limit far above the need, not a measurement.
pub fn wait_for(h: &mut Harness<'static, PlannerApp>, done: impl Fn(&PlannerApp) -> bool) {
    for _ in 0..6000 {
        h.run_steps(1);
        if done(h.state()) {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the window did not get there within 60 seconds");
}

/// The risk-adjusted break-even month the engine computes for the combined example with
/// `containment` as the chatbot's resolution rate.
pub fn engine_break_even(containment: Decimal) -> Option<u32> {
    let mut s = bundled::find("combined")
        .unwrap()
        .load()
        .unwrap()
        .into_inner();
    let input = input_by_path("chatbot.containment_pct").unwrap();
    s.set(input, containment);
    let p = sim::simulate(&s.validate().unwrap()).unwrap();
    p.adjusted.summary.break_even_month
}

/// The slider with this label (the row's text label has the same name).
pub fn slider<'h>(h: &'h Harness<'static, PlannerApp>, label: &'h str) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(egui::accesskit::Role::Slider, label)
}

pub fn month_label(m: Option<u32>) -> String {
    format!("Month {}", m.unwrap())
}

/// Replaces the text of the exact-value field of `label` with `text` and presses Enter.
pub fn type_into(h: &mut Harness<'static, PlannerApp>, label: &str, text: &str) {
    let name = format!("{label} (exact value)");
    h.get_by_label(&name).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label(&name).type_text(text);
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
}

pub fn value_of(h: &Harness<'static, PlannerApp>, path: &str) -> Decimal {
    h.state()
        .current()
        .unwrap()
        .scenario
        .get(input_by_path(path).unwrap())
}

/// The harness with the scenario `text` opened from a file and selected.
pub fn harness_with(text: &str) -> (Harness<'static, PlannerApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.ron");
    std::fs::write(&path, text).unwrap();
    let mut h = harness();
    h.state_mut().commands.push(Command::OpenPath(path));
    wait_for(&mut h, |app| app.docs.len() == 2);
    (h, dir)
}

/// The worked example with these custom lines (RON) and horizon.
pub fn custom_lines(lines: &str, horizon: u32) -> String {
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

/// The chance on the card "Chance of break-even by month 12" as the window writes it.
pub fn chance_by_12(app: &PlannerApp) -> Option<String> {
    let (_, mc) = app.current()?.analysis.monte_carlo.as_ref()?;
    Some(roi_planner::view::uncertainty::share(
        mc.chance_by(12),
        Lang::En,
    ))
}

/// A harness of the given size.
pub fn harness_sized(width: f32, height: f32) -> Harness<'static, PlannerApp> {
    let mut h = Harness::builder()
        .with_size([width, height])
        .build_ui_state(|ui, app: &mut PlannerApp| app.show(ui), app());
    h.run_steps(3);
    h
}

/// The Monte Carlo result of the selected scenario for its current revision, waited for.
pub fn settled_band(
    h: &mut Harness<'static, PlannerApp>,
) -> roi_planner::analysis::monte_carlo::McResult {
    wait_for(h, |app| {
        let doc = app.current().unwrap();
        doc.analysis
            .monte_carlo
            .as_ref()
            .is_some_and(|(r, mc)| *r == doc.revision() && mc.trials == 10_000)
    });
    h.state()
        .current()
        .unwrap()
        .analysis
        .monte_carlo
        .clone()
        .unwrap()
        .1
}

/// The cards' figures of the selected scenario, as the engine and the view give them.
pub fn card_values(app: &PlannerApp) -> Vec<String> {
    let doc = app.current().unwrap();
    let p = doc.cached_view().unwrap().projection.as_ref().unwrap();
    roi_planner::view::cards::cards(p, true, app.display.lang)
        .into_iter()
        .map(|c| c.value)
        .collect()
}
