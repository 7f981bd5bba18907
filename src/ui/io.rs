//! File work off the UI thread: native dialogs (rfd), loading and atomic saving. Each request
//! runs on its own thread and hands its result back through a channel; the window polls it
//! every frame and is woken when a result arrives.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use thiserror::Error;

use crate::analysis::monte_carlo::DEFAULT_TRIALS;
use crate::files::{self, SaveError};
use crate::model::{Lang, MonthActuals, Problem, Scenario};
use crate::report::{self, Case, Deliverable, Output, ReportError};
use crate::ui::autosave::{self, Recovered};

/// What a dialog is for.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    /// Open a scenario.
    Open,
    /// Save the document with this id under a new name.
    SaveAs(u64),
    /// Export.
    Export(Box<ExportJob>),
    /// Import actuals into the document with this id.
    ImportActuals(u64),
}

/// An export, with everything it needs: it runs off the UI thread on copies of the scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportJob {
    /// The report, the spreadsheet or a chart.
    pub what: Deliverable,
    /// The scenarios, the base first.
    pub scenarios: Vec<Scenario>,
    /// Their colours in the window (none: in the order given).
    pub colours: Vec<usize>,
    /// The language of the text and the figures.
    pub lang: Lang,
    /// A chart's variant (the report and the spreadsheet show both).
    pub risk_adjusted: bool,
    /// The file name offered.
    pub suggested: String,
}

/// Why an export wrote nothing. Each names the file or the scenario, and keeps its source.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The name's extension is not one this export writes.
    #[error("{}: expected a name ending in {allowed}", path.display())]
    WrongName {
        /// The name asked for.
        path: PathBuf,
        /// The extensions allowed, e.g. ".pdf or .html".
        allowed: String,
    },
    /// A scenario does not pass the checks.
    #[error("{name}: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid {
        /// The scenario's name.
        name: String,
        /// What is wrong with it.
        problems: Vec<Problem>,
    },
    /// The figures, the analysis or the document could not be made.
    #[error("{}: {source}", path.display())]
    Report {
        /// The file that was to be written.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: ReportError,
    },
    /// The file could not be written (nothing is then written).
    #[error("{}: cannot write the file: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        #[source]
        source: std::io::Error,
    },
}

/// The file to write and its kind: adds the first allowed extension to a name without one;
/// refuses one that does not fit.
pub fn export_path(path: PathBuf, what: Deliverable) -> Result<(PathBuf, Output), ExportError> {
    let allowed = what.outputs();
    match (Output::of(&path), allowed.first()) {
        (Some(kind), _) if allowed.contains(&kind) => Ok((path, kind)),
        (_, Some(&first)) if path.extension().is_none() => {
            Ok((path.with_extension(first.extension()), first))
        }
        _ => Err(ExportError::WrongName {
            path,
            allowed: allowed
                .iter()
                .map(|o| format!(".{}", o.extension()))
                .collect::<Vec<_>>()
                .join(" or "),
        }),
    }
}

/// Runs an export and writes the file atomically.
fn export(job: &ExportJob, path: &Path, kind: Output) -> Result<(), ExportError> {
    let report_error = |source| ExportError::Report {
        path: path.to_owned(),
        source,
    };
    let mut cases = Vec::new();
    for (i, scenario) in job.scenarios.iter().enumerate() {
        let valid = scenario
            .clone()
            .validate()
            .map_err(|problems| ExportError::Invalid {
                name: scenario.name.clone(),
                problems,
            })?;
        let mut case = Case::prepare_variant(valid, DEFAULT_TRIALS, job.risk_adjusted)
            .map_err(report_error)?;
        case.colour = job.colours.get(i).copied();
        cases.push(case);
    }
    let today = chrono::Local::now().date_naive();
    let bytes = report::render(
        &cases,
        job.what,
        kind,
        job.lang,
        today,
        job.risk_adjusted,
        None,
    )
    .map_err(report_error)?;
    files::write_atomic(path, &bytes).map_err(|source| ExportError::Write {
        path: path.to_owned(),
        source,
    })
}

/// A result handed back to the window.
#[derive(Debug)]
pub enum IoResult {
    /// A file was read: the scenario, or the engine's messages.
    Opened {
        /// The file.
        path: PathBuf,
        /// The scenario, or each problem on its own line.
        result: Result<Scenario, Vec<String>>,
    },
    /// A save finished.
    Saved {
        /// The document.
        doc: u64,
        /// Where.
        path: PathBuf,
        /// What was written.
        scenario: Scenario,
        /// The error, if it failed (the old file is then unchanged).
        result: Result<(), SaveError>,
    },
    /// No native dialog could be shown; the window offers a path field instead.
    NoDialog(Purpose),
    /// Unsaved work from an earlier session was found.
    Recoverable(Vec<Recovered>),
    /// A CSV of actuals was read for a document.
    ActualsRead {
        /// The document.
        doc: u64,
        /// The file.
        path: PathBuf,
        /// The months, or every problem (each naming the file).
        result: Result<Vec<MonthActuals>, Vec<String>>,
    },
    /// An export finished.
    Exported {
        /// Where.
        path: PathBuf,
        /// The error, if it failed (nothing is then written).
        result: Result<(), ExportError>,
    },
}

/// Sends file work to background threads and collects the results.
pub struct Io {
    tx: Sender<IoResult>,
    rx: Receiver<IoResult>,
    repaint: Option<egui::Context>,
}

/// A dialog that answers faster than this was not shown to anyone.
const DIALOG_MIN_TIME: Duration = Duration::from_millis(150);

impl Io {
    /// A worker that wakes `repaint` when a result is ready.
    pub fn new(repaint: Option<egui::Context>) -> Self {
        let (tx, rx) = channel();
        Io { tx, rx, repaint }
    }

    fn spawn(&self, job: impl FnOnce() -> Option<IoResult> + Send + 'static) {
        let tx = self.tx.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            if let Some(result) = job() {
                let _ = tx.send(result);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            }
        });
    }

    /// The results that arrived since the last call.
    pub fn poll(&self) -> Vec<IoResult> {
        self.rx.try_iter().collect()
    }

    /// Shows the open dialog, then reads the chosen file.
    pub fn open_dialog(&self, folder: Option<PathBuf>) {
        if !dialogs_available() {
            let _ = self.tx.send(IoResult::NoDialog(Purpose::Open));
            return;
        }
        self.spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new().add_filter("roi-planner scenario", &["ron"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            match dialog.pick_file() {
                Some(path) => Some(read(&path)),
                None if started.elapsed() < DIALOG_MIN_TIME => {
                    Some(IoResult::NoDialog(Purpose::Open))
                }
                None => None,
            }
        });
    }

    /// Reads a file.
    pub fn open_path(&self, path: PathBuf) {
        self.spawn(move || Some(read(&path)));
    }

    /// Shows the save dialog, then saves there.
    pub fn save_as_dialog(
        &self,
        doc: u64,
        scenario: Scenario,
        suggested: String,
        folder: Option<PathBuf>,
    ) {
        if !dialogs_available() {
            let _ = self.tx.send(IoResult::NoDialog(Purpose::SaveAs(doc)));
            return;
        }
        self.spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new()
                .add_filter("roi-planner scenario", &["ron"])
                .set_file_name(suggested);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            match dialog.save_file() {
                Some(path) => Some(save(doc, with_extension(path), scenario)),
                None if started.elapsed() < DIALOG_MIN_TIME => {
                    Some(IoResult::NoDialog(Purpose::SaveAs(doc)))
                }
                None => None,
            }
        });
    }

    /// Saves atomically to `path`.
    pub fn save(&self, doc: u64, path: PathBuf, scenario: Scenario) {
        self.spawn(move || Some(save(doc, path, scenario)));
    }

    /// Shows the save dialog for an export, then exports there.
    pub fn export_dialog(&self, job: ExportJob, first: Output, folder: Option<PathBuf>) {
        if !dialogs_available() {
            let _ = self
                .tx
                .send(IoResult::NoDialog(Purpose::Export(Box::new(job))));
            return;
        }
        self.spawn(move || {
            let started = Instant::now();
            let mut outputs: Vec<Output> = job.what.outputs().to_vec();
            outputs.sort_by_key(|o| *o != first);
            let mut dialog = rfd::FileDialog::new().set_file_name(job.suggested.clone());
            for o in outputs {
                dialog = dialog.add_filter(o.description(), &[o.extension()]);
            }
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            match dialog.save_file() {
                Some(path) => Some(run_export(&job, path)),
                None if started.elapsed() < DIALOG_MIN_TIME => {
                    Some(IoResult::NoDialog(Purpose::Export(Box::new(job))))
                }
                None => None,
            }
        });
    }

    /// Shows the open dialog for a CSV of actuals, then reads it for a plan of `horizon`
    /// months, its problems worded in `lang`.
    pub fn import_actuals_dialog(
        &self,
        doc: u64,
        (horizon, lang): (u32, crate::i18n::Lang),
        folder: Option<PathBuf>,
    ) {
        if !dialogs_available() {
            let _ = self
                .tx
                .send(IoResult::NoDialog(Purpose::ImportActuals(doc)));
            return;
        }
        self.spawn(move || {
            let started = Instant::now();
            let mut dialog = rfd::FileDialog::new().add_filter("CSV", &["csv", "txt"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            match dialog.pick_file() {
                Some(path) => Some(read_actuals(doc, path, horizon, lang)),
                None if started.elapsed() < DIALOG_MIN_TIME => {
                    Some(IoResult::NoDialog(Purpose::ImportActuals(doc)))
                }
                None => None,
            }
        });
    }

    /// Reads a CSV of actuals, its problems worded in `lang`.
    pub fn import_actuals(
        &self,
        doc: u64,
        path: PathBuf,
        (horizon, lang): (u32, crate::i18n::Lang),
    ) {
        self.spawn(move || Some(read_actuals(doc, path, horizon, lang)));
    }

    /// Exports to `path`.
    pub fn export(&self, job: ExportJob, path: PathBuf) {
        self.spawn(move || Some(run_export(&job, path)));
    }

    /// Looks for unsaved work left by an earlier session.
    pub fn scan_autosaves(&self, dir: PathBuf) {
        self.spawn(move || {
            let found = autosave::scan(&dir);
            (!found.is_empty()).then_some(IoResult::Recoverable(found))
        });
    }

    /// Removes files, ignoring failures.
    pub fn remove_all(&self, files: Vec<PathBuf>) {
        self.spawn(move || {
            for f in files {
                let _ = std::fs::remove_file(f);
            }
            None
        });
    }

    /// Writes texts atomically, each to its path, ignoring failures (autosave is best effort).
    pub fn write_all(&self, files: Vec<(PathBuf, String)>) {
        self.spawn(move || {
            for (path, text) in files {
                if let Some(dir) = path.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let _ = files::write_atomic(&path, text.as_bytes());
            }
            None
        });
    }
}

/// Whether a native file dialog can be shown here. On Linux the dialogs go through the desktop
/// portal on the session bus; without a session bus there is no one to show them.
pub fn dialogs_available() -> bool {
    if cfg!(target_os = "linux") {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
    } else {
        true
    }
}

fn read_actuals(doc: u64, path: PathBuf, horizon: u32, lang: crate::i18n::Lang) -> IoResult {
    let result = files::read_actuals(&path, horizon, lang);
    IoResult::ActualsRead { doc, path, result }
}

fn run_export(job: &ExportJob, path: PathBuf) -> IoResult {
    match export_path(path.clone(), job.what) {
        Ok((path, kind)) => {
            let result = export(job, &path, kind);
            IoResult::Exported { path, result }
        }
        Err(e) => IoResult::Exported {
            path,
            result: Err(e),
        },
    }
}

fn read(path: &Path) -> IoResult {
    let result = files::load(path)
        .map(|v| v.into_inner())
        .map_err(|e| e.lines());
    IoResult::Opened {
        path: path.to_owned(),
        result,
    }
}

fn save(doc: u64, path: PathBuf, scenario: Scenario) -> IoResult {
    let result = files::save(&path, &scenario);
    IoResult::Saved {
        doc,
        path,
        scenario,
        result,
    }
}

/// Adds `.ron` when the name has no extension.
pub fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path
    }
}
