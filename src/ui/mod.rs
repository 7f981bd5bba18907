//! The window: eframe/egui on top of the engine. It edits scenarios and draws what the engine
//! computes; it computes nothing itself.

pub mod analysis_worker;
pub mod app;
pub mod autosave;
pub mod cards_ui;
pub mod charts_ui;
pub mod command;
pub mod compare_ui;
pub mod dialogs_ui;
pub mod document;
pub mod editor_ui;
pub mod figure_ui;
pub mod frame_ui;
pub mod help;
pub mod io;
pub mod kpi_ui;
pub mod palette;
pub mod scenarios_ui;
pub mod shortcuts;
pub mod start;
pub mod start_ui;
pub mod state;
pub mod table_ui;
pub mod tracking_ui;
pub mod uncertainty_ui;

use std::path::PathBuf;
use std::time::Instant;

use app::{PlannerApp, Settings, Startup};

/// The key under which the settings are remembered.
const SETTINGS_KEY: &str = "roi-planner";

/// Measurements asked for with `ROI_PLANNER_TIMINGS=1`: time to the first frame and the CPU
/// time of each frame, printed to standard error.
struct Timings {
    started: Instant,
    first_frame: bool,
    /// eframe's measure: the whole frame, painting and buffer swap included.
    frame_cpu_seconds: Vec<f32>,
    /// The planner's own part: building the ui, handling commands, recomputing.
    ui_seconds: Vec<f32>,
}

/// Prints the mean, 95th percentile and maximum of `seconds` to standard error.
fn report(what: &str, seconds: &mut [f32]) {
    seconds.sort_by(f32::total_cmp);
    let Some(&max) = seconds.last() else { return };
    let mean = seconds.iter().sum::<f32>() / seconds.len() as f32;
    let p95 = seconds
        .get(seconds.len() * 95 / 100)
        .copied()
        .unwrap_or(max);
    eprintln!(
        "roi-planner: {what}: {} frames, mean {:.2} ms, 95th percentile {:.2} ms, max {:.2} ms",
        seconds.len(),
        mean * 1000.0,
        p95 * 1000.0,
        max * 1000.0
    );
}

/// The planner inside eframe.
struct Window {
    app: PlannerApp,
    timings: Option<Timings>,
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ui_started = Instant::now();
        self.app.show(ui);
        if let Some(t) = &mut self.timings {
            t.ui_seconds.push(ui_started.elapsed().as_secs_f32());
            if !t.first_frame {
                t.first_frame = true;
                eprintln!(
                    "roi-planner: first frame {} ms after start",
                    t.started.elapsed().as_millis()
                );
            }
            if let Some(cpu) = frame.info().cpu_usage {
                t.frame_cpu_seconds.push(cpu);
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.app.settings());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: whatever was unsaved, the user chose not to keep it.
        self.app.remove_autosaves_now();
        if let Some(t) = &mut self.timings {
            report("frame CPU (painting included)", &mut t.frame_cpu_seconds);
            report("planner ui and recompute", &mut t.ui_seconds);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        // Panel sizes and open groups are worth keeping; nothing in egui's memory is large here.
        true
    }
}

/// Opens the window with `files` (none: the last session's scenarios, or the combined
/// example); returns the exit status. `started` is when the process started, for the timings.
pub fn run(files: Vec<PathBuf>, started: Instant) -> u8 {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("roi-planner")
            .with_app_id("roi-planner")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0]),
        persistence_path: std::env::var_os("ROI_PLANNER_DATA_DIR")
            .map(|d| PathBuf::from(d).join("settings.ron")),
        ..Default::default()
    };
    let result = eframe::run_native(
        "roi-planner",
        options,
        Box::new(move |cc| {
            let settings: Option<Settings> =
                cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY));
            let app = PlannerApp::new(Startup {
                files,
                settings,
                autosave_dir: autosave::dir(),
                repaint: Some(cc.egui_ctx.clone()),
            });
            let timings = std::env::var_os("ROI_PLANNER_TIMINGS").map(|_| Timings {
                started,
                first_frame: false,
                frame_cpu_seconds: Vec::new(),
                ui_seconds: Vec::new(),
            });
            Ok(Box::new(Window { app, timings }))
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("roi-planner: cannot open the window: {e}");
            eprintln!("(the command line works without one: roi-planner --help)");
            1
        }
    }
}
