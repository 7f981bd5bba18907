//! The window: eframe/egui on top of the engine. It edits scenarios and draws what the engine
//! computes; it computes nothing itself.

pub mod app;
pub mod autosave;
pub mod cards_ui;
pub mod charts_ui;
pub mod command;
pub mod compare_ui;
pub mod document;
pub mod editor_ui;
pub mod frame_ui;
pub mod help;
pub mod i18n;
pub mod io;
pub mod palette;
pub mod scenarios_ui;
pub mod table_ui;
pub mod view;

use std::path::PathBuf;

use app::{PlannerApp, Settings, Startup};

/// The key under which the settings are remembered.
const SETTINGS_KEY: &str = "roi-planner";

impl eframe::App for PlannerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings());
    }

    fn persist_egui_memory(&self) -> bool {
        // Panel sizes and open groups are worth keeping; nothing in egui's memory is large here.
        true
    }
}

/// Opens the window with `files` (none: the last session's scenarios, or the combined
/// example); returns the exit status.
pub fn run(files: Vec<PathBuf>) -> u8 {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("roi-planner")
            .with_app_id("roi-planner")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0]),
        persistence_path: std::env::var_os("ROI_PLANNER_DATA_DIR").map(|d| PathBuf::from(d).join("settings.ron")),
        ..Default::default()
    };
    let result = eframe::run_native(
        "roi-planner",
        options,
        Box::new(move |cc| {
            let settings: Option<Settings> = cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY));
            Ok(Box::new(PlannerApp::new(Startup {
                files,
                settings,
                autosave_dir: autosave::dir(),
                repaint: Some(cc.egui_ctx.clone()),
            })))
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
