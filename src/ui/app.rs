//! The application state and the one place commands are handled.

use std::path::PathBuf;
use std::time::Instant;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::analysis::monte_carlo::{DEFAULT_SEED, DEFAULT_TRIALS, Settings as McSettings};
use crate::bundled;
use crate::i18n::system_lang;
use crate::model::file;
use crate::model::{CustomLine, Lang, LineKind, Scenario, Timing};
use crate::ui::analysis_worker::{AnalysisWorker, Kind, Outcome, Request};
use crate::ui::autosave::{self, Recovered};
use crate::ui::command::Command;
use crate::ui::document::Document;
use crate::ui::io::{Io, IoResult, Purpose};
pub use crate::ui::state::{
    COMPARE_MAX, Confirm, Display, Editing, Note, NoteKind, PRESENT_ZOOM, Prompt, QUICK_TRIALS,
    Status, Tab, UncertaintyOptions, ramp_name,
};
use crate::view::palette::SCENARIO_COLOURS;

/// The most recent files remembered.
const RECENT_MAX: usize = 8;

/// What is remembered between sessions (eframe persistence).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The chosen language; none: the system's.
    pub lang: Option<Lang>,
    /// Dark theme.
    pub dark: bool,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The scenarios open at the end of the last session.
    pub open: Vec<OpenDoc>,
    /// Which of them was selected.
    pub selected: usize,
    /// Whether the figures were shown risk-adjusted (the default) or not.
    pub unadjusted: bool,
}

/// An open scenario as remembered: its file, or its saved text when it has none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenDoc {
    /// Its file.
    pub path: Option<PathBuf>,
    /// Its saved state as RON, for scenarios without a file (e.g. a bundled example).
    pub saved_ron: Option<String>,
    /// Its colour index.
    pub colour: usize,
    /// Whether it was shown in the comparison.
    pub shown: bool,
    /// Whether it was the comparison's base.
    #[serde(default)]
    pub base: bool,
}

/// How the window starts.
#[derive(Default)]
pub struct Startup {
    /// Files from the command line.
    pub files: Vec<PathBuf>,
    /// What the last session left.
    pub settings: Option<Settings>,
    /// Where autosaves go; none: no autosave.
    pub autosave_dir: Option<PathBuf>,
    /// Woken when background work finishes.
    pub repaint: Option<egui::Context>,
}

/// The questions and windows over the main window.
#[derive(Default)]
pub struct Dialogs {
    /// A file that failed to open, with the engine's messages.
    pub load_error: Option<(PathBuf, Vec<String>)>,
    /// The question being asked, if any.
    pub prompt: Option<Prompt>,
    /// The path field shown when no dialog can be: what for, and the text typed.
    pub path_prompt: Option<(Purpose, String)>,
    /// Put the keyboard in the path field on its next frame.
    pub focus_path_field: bool,
    /// "How the numbers are computed".
    pub show_help: bool,
    /// The About window.
    pub show_about: bool,
    /// Work found from a session that did not end cleanly.
    pub recoverable: Vec<Recovered>,
    /// The name and description typed for a duplicate, while its dialog is open.
    pub duplicate: Option<(String, String)>,
    /// The name the duplicate dialog suggested: kept unchanged, the copy's name follows what
    /// it changes.
    pub duplicate_suggested: String,
    /// Put the keyboard in the duplicate's name field on its next frame.
    pub focus_name_field: bool,
    /// The guided form for a scenario from the user's own numbers, while it is open.
    pub start_form: Option<crate::ui::start::StartForm>,
}

/// Autosave's bookkeeping.
struct Autosave {
    dir: Option<PathBuf>,
    last: Instant,
    written: Vec<(u64, PathBuf)>,
}

/// The whole window's state.
pub struct PlannerApp {
    /// Open scenarios.
    pub docs: Vec<Document>,
    /// The id of the scenario being edited.
    pub selected: Option<u64>,
    next_id: u64,
    /// Language, theme, variant.
    pub display: Display,
    /// The central tab.
    pub tab: Tab,
    /// Commands pushed this frame.
    pub commands: Vec<Command>,
    pub(crate) io: Io,
    /// Recent files, newest first.
    pub recent: Vec<PathBuf>,
    /// The status bar's line, in both languages.
    pub status: Option<Status>,
    /// Questions and windows.
    pub dialogs: Dialogs,
    /// The editor's notes and typing.
    pub editing: Editing,
    autosave: Autosave,
    /// Close this document once its save succeeds.
    close_after_save: Option<u64>,
    /// Set when the window may close.
    pub quit_confirmed: bool,
    /// The analyses under way and their results.
    pub analysis: AnalysisWorker,
    /// What the uncertainty views show.
    pub uncertainty: UncertaintyOptions,
    title: String,
    /// Files from the command line, in the order given: they are listed in that order and the
    /// first is selected, whatever order the background loads finish in.
    open_order: Vec<PathBuf>,
    /// Presentation mode: the chart, the cards and the client sliders fill the screen.
    pub presenting: bool,
    /// The zoom and window size before presentation mode made everything bigger and the
    /// window fill the screen, to go back to.
    zoom_before: Option<(f32, Option<egui::Vec2>)>,
    /// The window size to set again on the frame after leaving presentation mode (once the
    /// zoom is back, so the size means what it meant).
    restore_size: Option<egui::Vec2>,
    /// Exports under way, to say so in the status bar.
    pub exporting: usize,
    /// Frames since presentation mode began, until its zoom is set for the screen.
    present_frames: u32,
    /// What the Tracking tab shows and the cell being typed in.
    pub tracking: crate::ui::state::TrackingOptions,
    /// The scenario the comparison measures the others against, chosen by the user; none:
    /// the selected one.
    pub base: Option<u64>,
    /// The last session's scenarios still being read from their files: each gets its colour,
    /// its place in the comparison and its base mark back when it arrives.
    restoring: Vec<OpenDoc>,
    /// The file of the scenario selected in the last session, while it is being read.
    restoring_selected: Option<PathBuf>,
    /// Whether the files being opened are the last session's (they keep their colours) or the
    /// command line's (coloured in the order given).
    from_session: bool,
}

impl PlannerApp {
    /// A window state as `startup` says: the files given, or the last session's scenarios,
    /// or none (the start view).
    pub fn new(startup: Startup) -> Self {
        let settings = startup.settings.unwrap_or_default();
        let mut app = PlannerApp {
            docs: Vec::new(),
            selected: None,
            next_id: 1,
            display: Display {
                lang: settings.lang.unwrap_or_else(system_lang),
                dark: settings.dark,
                risk_adjusted: !settings.unadjusted,
            },
            tab: Tab::Charts,
            commands: Vec::new(),
            analysis: AnalysisWorker::new(startup.repaint.clone()),
            uncertainty: UncertaintyOptions::default(),
            io: Io::new(startup.repaint),
            recent: settings.recent.clone(),
            presenting: false,
            zoom_before: None,
            restore_size: None,
            exporting: 0,
            present_frames: 0,
            tracking: Default::default(),
            status: None,
            dialogs: Dialogs::default(),
            editing: Editing::default(),
            autosave: Autosave {
                dir: startup.autosave_dir,
                last: Instant::now(),
                written: Vec::new(),
            },
            close_after_save: None,
            quit_confirmed: false,
            title: String::new(),
            open_order: Vec::new(),
            base: None,
            restoring: Vec::new(),
            restoring_selected: None,
            from_session: false,
        };
        if !startup.files.is_empty() {
            for path in &startup.files {
                app.io.open_path(path.clone());
            }
            app.open_order = startup.files;
        } else if !settings.open.is_empty() {
            app.open_order = settings
                .open
                .iter()
                .filter_map(|o| o.path.clone())
                .collect();
            app.from_session = true;
            for (i, open) in settings.open.iter().enumerate() {
                match (&open.path, &open.saved_ron) {
                    (Some(path), _) => {
                        app.restoring.push(open.clone());
                        if i == settings.selected {
                            app.restoring_selected = Some(path.clone());
                        }
                        app.io.open_path(path.clone());
                    }
                    (None, Some(ron)) => {
                        if let Ok(s) = file::parse_unchecked(ron) {
                            let id = app.add_doc(s.clone(), Some(s), None);
                            app.restore(id, open);
                            if i == settings.selected {
                                app.selected = Some(id);
                            }
                        }
                    }
                    (None, None) => {}
                }
            }
        }
        // With nothing to reopen the start view offers own numbers, an example or a file.
        if let Some(dir) = &app.autosave.dir {
            app.io.scan_autosaves(dir.clone());
        }
        app
    }

    /// Once every file of the last session has arrived (or failed), files opened later are
    /// handled as any: selected when they arrive, their colours left alone.
    fn end_restoring_when_done(&mut self) {
        if self.from_session && self.restoring.is_empty() {
            self.from_session = false;
            self.restoring_selected = None;
            self.open_order.clear();
        }
    }

    /// Gives the scenario `id` what the last session remembered of it: its colour, whether it
    /// was compared, whether it was the base.
    fn restore(&mut self, id: u64, open: &OpenDoc) {
        if let Some(doc) = self.doc_mut(id) {
            doc.colour = open.colour;
            doc.shown = open.shown;
        }
        if open.base {
            self.base = Some(id);
        }
    }

    /// The scenario the comparison is measured against: the chosen base while it is open,
    /// else the selected one.
    pub fn comparison_base(&self) -> Option<u64> {
        self.base
            .filter(|b| self.docs.iter().any(|d| d.id == *b))
            .or(self.selected)
    }

    /// The settings to remember for the next session.
    pub fn settings(&self) -> Settings {
        let selected = self
            .selected
            .and_then(|id| self.docs.iter().position(|d| d.id == id))
            .unwrap_or(0);
        Settings {
            lang: Some(self.display.lang),
            dark: self.display.dark,
            recent: self.recent.clone(),
            open: self
                .docs
                .iter()
                .map(|d| OpenDoc {
                    path: d.path.clone(),
                    saved_ron: if d.path.is_none() {
                        d.saved.as_ref().and_then(|s| file::to_ron(s).ok())
                    } else {
                        None
                    },
                    colour: d.colour,
                    shown: d.shown,
                    base: self.base == Some(d.id),
                })
                .collect(),
            selected,
            unadjusted: !self.display.risk_adjusted,
        }
    }

    /// A short way to a text in the current language.
    pub fn t(&self, en: &'static str, nl: &'static str) -> &'static str {
        self.display.t(en, nl)
    }

    /// The document with this id.
    pub fn doc(&self, id: u64) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// The document with this id, to change.
    pub fn doc_mut(&mut self, id: u64) -> Option<&mut Document> {
        self.docs.iter_mut().find(|d| d.id == id)
    }

    /// The scenario being edited.
    pub fn current(&self) -> Option<&Document> {
        self.selected.and_then(|id| self.doc(id))
    }

    fn current_mut(&mut self) -> Option<&mut Document> {
        let id = self.selected?;
        self.doc_mut(id)
    }

    /// Whether any scenario has unsaved changes.
    pub fn any_dirty(&self) -> bool {
        self.docs.iter().any(Document::is_dirty)
    }

    fn add_doc(
        &mut self,
        scenario: Scenario,
        saved: Option<Scenario>,
        path: Option<PathBuf>,
    ) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let used: Vec<usize> = self
            .docs
            .iter()
            .map(|d| d.colour % SCENARIO_COLOURS.len())
            .collect();
        let colour = (0..SCENARIO_COLOURS.len())
            .find(|c| !used.contains(c))
            .unwrap_or(self.docs.len());
        let mut doc = Document::new(id, scenario, saved, path, colour);
        doc.shown = self.docs.iter().filter(|d| d.shown).count() < COMPARE_MAX;
        self.docs.push(doc);
        self.selected = Some(id);
        id
    }

    /// Opens the scenario the guided form describes, new and not yet saved.
    fn create_from_form(&mut self, form: &crate::ui::start::StartForm) {
        let taken: Vec<&str> = self.docs.iter().map(|d| d.scenario.name.as_str()).collect();
        let scenario = form.scenario(&taken, self.display.lang);
        self.dialogs.start_form = None;
        self.tab = Tab::Charts;
        self.add_doc(scenario, None, None);
    }

    /// Whether the last session's files are still being read.
    pub fn is_restoring(&self) -> bool {
        !self.restoring.is_empty()
    }

    /// Opens a copy of a bundled example under a name no open scenario has.
    pub fn open_example(&mut self, name: &str) {
        let Some(b) = bundled::find(name) else { return };
        match b.load() {
            Ok(v) => {
                let mut s = v.into_inner();
                // A second copy of the same example is told apart from the first.
                let taken: Vec<&str> = self.docs.iter().map(|d| d.scenario.name.as_str()).collect();
                s.name = crate::view::names::unique_name(&s.name, &taken);
                self.add_doc(s.clone(), Some(s), None);
            }
            Err(e) => self.dialogs.load_error = Some((PathBuf::from(name), e.lines(name))),
        }
    }

    fn remember_recent(&mut self, path: &PathBuf) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(RECENT_MAX);
    }

    fn folder(&self) -> Option<PathBuf> {
        self.current()
            .and_then(|d| d.path.as_ref())
            .or(self.recent.first())
            .and_then(|p| p.parent().map(PathBuf::from))
            // Nothing saved or opened yet: the user's documents folder, where a first save
            // belongs (the dialog's own default is often the program's working folder).
            .or_else(|| {
                directories::UserDirs::new()
                    .and_then(|u| u.document_dir().map(PathBuf::from))
                    .filter(|d| d.is_dir())
            })
    }

    /// Takes in what background file work has finished.
    pub fn poll_io(&mut self) {
        for result in self.io.poll() {
            match result {
                IoResult::Opened { path, result } => self.opened(path, result),
                IoResult::Saved {
                    doc,
                    path,
                    scenario,
                    result,
                } => self.saved(doc, path, scenario, result),
                IoResult::NoDialog(purpose) => self.ask_for_path(purpose),
                IoResult::Recoverable(found) => self.dialogs.recoverable = found,
                IoResult::ActualsRead { doc, path, result } => {
                    self.actuals_read(doc, path, result);
                }
                IoResult::Exported { path, result } => self.exported(path, result),
            }
        }
    }

    /// Shows a file that was read (or selects it when it is open already), or why not.
    fn opened(&mut self, path: PathBuf, result: Result<Scenario, Vec<String>>) {
        match result {
            Ok(s) => {
                self.remember_recent(&path);
                if let Some(existing) = self.docs.iter().find(|d| d.path.as_ref() == Some(&path)) {
                    self.selected = Some(existing.id);
                } else {
                    let id = self.add_doc(s.clone(), Some(s), Some(path.clone()));
                    self.keep_open_order();
                    // A scenario of the last session gets its colour, comparison and base
                    // back, and the selection stays where it was.
                    if let Some(at) = self
                        .restoring
                        .iter()
                        .position(|o| o.path.as_ref() == Some(&path))
                    {
                        let open = self.restoring.remove(at);
                        self.restore(id, &open);
                    }
                    if let Some(selected) = &self.restoring_selected
                        && let Some(d) =
                            self.docs.iter().find(|d| d.path.as_ref() == Some(selected))
                    {
                        self.selected = Some(d.id);
                    }
                    self.end_restoring_when_done();
                }
                let shown = path.display();
                self.status = Some(Status::new(
                    format!("Opened {shown}"),
                    format!("Geopend: {shown}"),
                    false,
                ));
            }
            Err(lines) => {
                // A file of the last session that cannot be read is not waited for.
                self.restoring.retain(|o| o.path.as_ref() != Some(&path));
                self.end_restoring_when_done();
                let shown = path.display();
                self.status = Some(Status::new(
                    format!("Could not open {shown}"),
                    format!("Kon niet openen: {shown}"),
                    true,
                ));
                self.dialogs.load_error = Some((path, lines));
            }
        }
    }

    /// Marks a save done (and closes the scenario if the save was asked for by closing), or
    /// shows why it failed.
    fn saved(
        &mut self,
        doc: u64,
        path: PathBuf,
        scenario: Scenario,
        result: Result<(), crate::files::SaveError>,
    ) {
        match result {
            Ok(()) => {
                self.remember_recent(&path);
                if let Some(d) = self.doc_mut(doc) {
                    d.mark_saved(path.clone(), scenario);
                }
                let shown = path.display();
                self.status = Some(Status::new(
                    format!("Saved {shown}"),
                    format!("Opgeslagen: {shown}"),
                    false,
                ));
                if self.close_after_save == Some(doc) {
                    self.close_after_save = None;
                    self.commands.push(Command::CloseNow(doc));
                }
            }
            Err(e) => {
                self.close_after_save = None;
                self.show_error(path, e.to_string());
            }
        }
    }

    fn show_error(&mut self, path: PathBuf, error: String) {
        self.status = Some(Status::same(error.clone(), true));
        self.dialogs.load_error = Some((path, vec![error]));
    }

    /// No native dialog could be shown: a path field instead, filled with the folder and the
    /// name the dialog would have offered.
    fn ask_for_path(&mut self, purpose: Purpose) {
        let folder = self
            .folder()
            .map(|f| f.display().to_string() + "/")
            .unwrap_or_default();
        let start = match &purpose {
            Purpose::Open | Purpose::ImportActuals(_) => folder,
            Purpose::SaveAs(id) => self
                .doc(*id)
                .map(|d| format!("{folder}{}.ron", file_stem(&d.scenario.name)))
                .unwrap_or_default(),
            Purpose::Export(job) => {
                self.exporting = self.exporting.saturating_sub(1);
                format!("{folder}{}", job.suggested)
            }
        };
        self.dialogs.path_prompt = Some((purpose, start));
        self.dialogs.focus_path_field = true;
    }

    /// Merges the months read into the scenario's actuals as one undo step, or shows the
    /// file's problems (nothing is then imported).
    fn actuals_read(
        &mut self,
        doc: u64,
        path: PathBuf,
        result: Result<Vec<crate::model::MonthActuals>, Vec<String>>,
    ) {
        match result {
            Ok(months) => {
                let count = months.len();
                if let Some(d) = self.doc_mut(doc) {
                    d.edit(|s| crate::model::actuals::merge(&mut s.actuals, months));
                    d.end_gesture();
                }
                self.tab = Tab::Tracking;
                let shown = path.display();
                self.status = Some(Status::new(
                    format!("Imported {count} months from {shown}"),
                    format!("Geïmporteerd: {count} maanden uit {shown}"),
                    false,
                ));
            }
            Err(lines) => {
                let shown = path.display();
                self.status = Some(Status::new(
                    format!("Nothing imported: problems in {shown}"),
                    format!("Niets geïmporteerd: problemen in {shown}"),
                    true,
                ));
                self.dialogs.load_error = Some((path, lines));
            }
        }
    }

    fn exported(&mut self, path: PathBuf, result: Result<(), crate::ui::io::ExportError>) {
        self.exporting = self.exporting.saturating_sub(1);
        match result {
            Ok(()) => {
                let shown = path.display();
                self.status = Some(Status::new(
                    format!("Exported: {shown}"),
                    format!("Geëxporteerd: {shown}"),
                    false,
                ));
            }
            Err(e) => self.show_error(path, e.to_string()),
        }
    }

    /// Lists the command line's files in the order given, colours by that order, the first
    /// selected.
    fn keep_open_order(&mut self) {
        let order = std::mem::take(&mut self.open_order);
        let rank = |d: &Document| {
            d.path
                .as_ref()
                .and_then(|p| order.iter().position(|o| o == p))
                .unwrap_or(usize::MAX)
        };
        let mut ranked: Vec<(usize, Document)> =
            self.docs.drain(..).map(|d| (rank(&d), d)).collect();
        ranked.sort_by_key(|(r, _)| *r);
        for (i, (r, mut d)) in ranked.into_iter().enumerate() {
            if r != usize::MAX && !self.from_session {
                d.colour = i % SCENARIO_COLOURS.len();
                if r == 0 {
                    self.selected = Some(d.id);
                }
            }
            self.docs.push(d);
        }
        self.open_order = order;
    }

    /// Handles every command pushed since the last call.
    pub fn handle_commands(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        let any = !commands.is_empty();
        for command in commands {
            self.handle(command);
        }
        if any {
            self.follow_names();
        }
    }

    fn handle(&mut self, command: Command) {
        match command {
            Command::Export(request) => self.export(request),
            Command::ExportTo(job, path) => {
                self.exporting += 1;
                self.io.export(*job, path);
            }
            Command::ImportActuals => self.import_actuals(),
            Command::ImportActualsFrom(id, path) => self.import_actuals_from(id, path),
            Command::SetActual(month, field, value) => {
                self.edit(|s| s.set_actual(month, field, value))
            }
            Command::AddActualMonth => {
                self.tab = Tab::Tracking;
                self.edit(|s| {
                    s.add_actual_month();
                });
            }
            Command::RemoveActualMonth(month) => self.edit(|s| s.remove_actual_month(month)),
            Command::Refuse(text) => self.status = Some(Status::same(text, true)),
            Command::TogglePresent => self.presenting = !self.presenting,
            Command::LeavePresent => self.presenting = false,
            Command::SetClientSlider(input, on) => {
                self.edit(|s| s.set_client_slider(input.path, on))
            }
            Command::NewFromExample(name) => self.open_example(name),
            Command::StartOwnNumbers => {
                self.dialogs.start_form = Some(crate::ui::start::StartForm::default());
            }
            Command::CreateFromForm(form) => self.create_from_form(&form),
            Command::Open => self.io.open_dialog(self.folder()),
            Command::OpenPath(path) => self.io.open_path(path),
            Command::Save => self.save(),
            Command::SaveAs => self.save_as(),
            Command::SaveTo(id, path) => self.save_to(id, path),
            Command::Close(id) => self.close(id),
            Command::CloseSelected => {
                if let Some(id) = self.selected {
                    self.close(id);
                }
            }
            Command::ShowHelp => self.dialogs.show_help = true,
            Command::CloseNow(id) => self.close_now(id),
            Command::Quit => self.quit(),
            Command::QuitNow => {
                self.dialogs.prompt = None;
                self.quit_confirmed = true;
            }
            Command::Undo => self.current_mut().map_or((), Document::undo),
            Command::Redo => self.current_mut().map_or((), Document::redo),
            Command::Duplicate => self.offer_duplicate(),
            Command::DuplicateAs { name, notes } => self.duplicate_as(name, notes),
            Command::ResetInput => self.reset_input(),
            Command::Select(id) => self.select(id),
            Command::SetShown(id, shown) => self.set_shown(id, shown),
            Command::NextColour(id) => {
                if let Some(d) = self.doc_mut(id) {
                    d.colour = (d.colour + 1) % SCENARIO_COLOURS.len();
                }
            }
            Command::Rename(name) => self.edit(|s| s.name = name),
            Command::SetNotes(notes) => self.edit(|s| s.notes = notes),
            Command::SetInput(input, value) => {
                self.editing.last_input = Some(input);
                // A range moves with its input (see `model::uncertainty`).
                self.edit(|s| {
                    s.set(input, value);
                });
            }
            Command::SetEnabled(initiative, on) => self.edit(|s| s.set_enabled(initiative, on)),
            Command::SetNoBenefitWhileTraining(on) => {
                self.edit(|s| s.training.no_benefit_while_training = on)
            }
            Command::SetRamp(initiative, shape) => {
                self.edit(|s| s.set_ramp_shape(initiative, shape))
            }
            Command::SetStaffingModel(model) => self.edit(|s| s.staffing.model = model),
            Command::SetHeadcountPolicy(policy) => self.edit(|s| s.staffing.policy = policy),
            Command::SetTrainNewHires(on) => self.edit(|s| s.staffing.train_new_hires = on),
            Command::SetCalendar(calendar) => self.edit(|s| s.finance.calendar = calendar),
            Command::SetBase(id) => {
                self.base = if self.base == Some(id) {
                    None
                } else {
                    Some(id)
                };
            }
            Command::SetYearZero(on) => self.edit(|s| s.finance.year_zero = on),
            Command::SetSource(path, source) => self.edit(|s| match source {
                Some(source) if !source.is_empty() => {
                    s.sources.insert(path, source);
                }
                _ => {
                    s.sources.remove(&path);
                }
            }),
            Command::AddCustomLine => self.add_custom_line(),
            Command::EditCustomLine(i, line) => self.edit(|s| s.replace_custom_line(i, line)),
            Command::RemoveCustomLine(i) => self.edit(|s| s.remove_custom_line(i)),
            Command::SwapCustomLines(a, b) => self.edit(|s| s.swap_custom_lines(a, b)),
            Command::SetRange(path, range) => self.edit(|s| s.set_range(&path, range)),
            Command::SetByPath(path, value) => self.edit(|s| s.set_by_path(&path, value)),
            Command::RunGoalSeek => self.run_goal_seek(),
            Command::FocusInput(path) => {
                self.editing.focus_input = Some(path);
                self.editing.focus_pending = true;
            }
            Command::SetLang(lang) => self.display.lang = lang,
            Command::SetDark(dark) => self.display.dark = dark,
            Command::Recover(take) => self.recover(take),
        }
    }

    /// Asks for a CSV of actuals for the current scenario.
    fn import_actuals(&mut self) {
        let folder = self.folder();
        if let Some(d) = self.current() {
            self.io.import_actuals_dialog(
                d.id,
                (d.scenario.finance.horizon_months, self.display.lang),
                folder,
            );
        }
    }

    /// Reads a CSV of actuals for a scenario.
    fn import_actuals_from(&mut self, id: u64, path: PathBuf) {
        if let Some(d) = self.doc(id) {
            self.io.import_actuals(
                id,
                path,
                (d.scenario.finance.horizon_months, self.display.lang),
            );
        }
    }

    /// Asks where to save the current scenario.
    fn save_as(&mut self) {
        let folder = self.folder();
        let Some(doc) = self.current() else { return };
        let name = format!("{}.ron", file_stem(&doc.scenario.name));
        self.io
            .save_as_dialog(doc.id, doc.scenario.clone(), name, folder);
    }

    /// Saves a scenario to a path typed in the path field.
    fn save_to(&mut self, id: u64, path: PathBuf) {
        if let Some(doc) = self.doc(id) {
            self.io.save(
                id,
                crate::ui::io::with_extension(path),
                doc.scenario.clone(),
            );
        }
    }

    /// Closes a scenario, asking first when it has unsaved changes.
    fn close(&mut self, id: u64) {
        if self.doc(id).is_some_and(Document::is_dirty) {
            self.dialogs.prompt = Some(Prompt::Close(id));
        } else {
            self.handle(Command::CloseNow(id));
        }
    }

    /// Quits, asking first when any scenario has unsaved changes.
    fn quit(&mut self) {
        if self.any_dirty() {
            self.dialogs.prompt = Some(Prompt::Quit);
        } else {
            self.quit_confirmed = true;
        }
    }

    /// Opens a copy of the current scenario under a new name and description.
    fn duplicate_as(&mut self, name: String, notes: String) {
        let Some(doc) = self.current() else { return };
        let origin = doc.scenario.clone();
        let mut copy = origin.clone();
        let follows = name == self.dialogs.duplicate_suggested;
        copy.name = name.clone();
        copy.notes = notes;
        self.dialogs.duplicate = None;
        let id = self.add_doc(copy, None, None);
        if follows && let Some(doc) = self.doc_mut(id) {
            doc.follows = Some(crate::ui::document::NameFollow {
                origin,
                given: vec![name],
                revision: doc.revision(),
            });
        }
    }

    /// Renames every copy whose name still follows its changes (see
    /// [`crate::view::names::variant_name`]), as part of the edit that changed it.
    fn follow_names(&mut self) {
        let lang = self.display.lang;
        for i in 0..self.docs.len() {
            let doc = &self.docs[i];
            let Some(follow) = &doc.follows else { continue };
            if follow.revision == doc.revision() {
                continue;
            }
            if !follow.given.contains(&doc.scenario.name) {
                // Renamed by the user: the name is theirs from now on.
                self.docs[i].follows = None;
                continue;
            }
            let taken: Vec<&str> = self
                .docs
                .iter()
                .filter(|d| d.id != doc.id)
                .map(|d| d.scenario.name.as_str())
                .collect();
            let name =
                crate::view::names::variant_name(&follow.origin, &doc.scenario, &taken, lang);
            let doc = &mut self.docs[i];
            if name != doc.scenario.name {
                doc.edit(|s| s.name = name.clone());
            }
            let revision = doc.revision();
            if let Some(follow) = &mut doc.follows {
                if !follow.given.contains(&name) {
                    follow.given.push(name);
                }
                follow.revision = revision;
            }
        }
    }

    /// Makes a scenario the one edited; notes and prompts of the last one go.
    fn select(&mut self, id: u64) {
        if self.doc(id).is_some() {
            self.selected = Some(id);
            self.editing.notes.clear();
            self.editing.confirm = None;
            self.editing.entry = None;
        }
    }
    /// Saves the current scenario where it was opened from, or asks where.
    fn save(&mut self) {
        let Some(doc) = self.current() else { return };
        match &doc.path {
            Some(path) => self.io.save(doc.id, path.clone(), doc.scenario.clone()),
            None => self.handle(Command::SaveAs),
        }
    }

    /// Closes a scenario without asking.
    fn close_now(&mut self, id: u64) {
        let Some(at) = self.docs.iter().position(|d| d.id == id) else {
            return;
        };
        self.docs.remove(at);
        if self.base == Some(id) {
            self.base = None;
        }
        self.forget_autosave(id);
        self.analysis.cancel_all(id);
        if self.selected == Some(id) {
            self.selected = self
                .docs
                .get(at.min(self.docs.len().saturating_sub(1)))
                .map(|d| d.id);
        }
        if self.dialogs.prompt == Some(Prompt::Close(id)) {
            self.dialogs.prompt = None;
        }
    }

    /// Offers a copy of the current scenario, with a suggested name and description.
    fn offer_duplicate(&mut self) {
        let Some(doc) = self.current() else { return };
        let taken: Vec<&str> = self.docs.iter().map(|d| d.scenario.name.as_str()).collect();
        let name = crate::view::names::duplicate_name(&doc.scenario, &taken, self.display.lang);
        let notes = match self.display.lang {
            Lang::En => format!("What-if of “{}”.", doc.scenario.name),
            Lang::Nl => format!("Wat-als van “{}”.", doc.scenario.name),
        };
        self.dialogs.duplicate_suggested = name.clone();
        self.dialogs.duplicate = Some((name, notes));
        self.dialogs.focus_name_field = true;
    }

    /// Puts the input last edited back to its saved value, as one undo step.
    fn reset_input(&mut self) {
        let Some(input) = self.editing.last_input else {
            return;
        };
        let Some(doc) = self.current_mut() else {
            return;
        };
        let Some(saved) = doc.saved.as_ref().map(|s| s.get(input)) else {
            return;
        };
        doc.edit(|s| {
            s.set(input, saved);
        });
        doc.end_gesture();
    }

    /// Shows a scenario in the comparison, at most four at once.
    fn set_shown(&mut self, id: u64, shown: bool) {
        let count = self.docs.iter().filter(|d| d.shown && d.id != id).count();
        if shown && count >= COMPARE_MAX {
            self.status = Some(Status::new(
                "At most four scenarios can be compared at once.",
                "Er kunnen hooguit vier scenario's tegelijk worden vergeleken.",
                true,
            ));
        } else if let Some(d) = self.doc_mut(id) {
            d.shown = shown;
        }
    }

    /// Adds a custom line of €1,000 one-off cost in month 1, for the user to edit.
    fn add_custom_line(&mut self) {
        let name = self.t("New line", "Nieuwe post").to_owned();
        self.edit(|s| {
            s.custom.lines.push(CustomLine {
                name,
                kind: LineKind::Cost,
                amount: Decimal::from(1000),
                timing: Timing::OneOff { month: 1 },
                revenue: false,
            });
        });
    }

    /// Starts the goal seek the Uncertainty tab asks for.
    fn run_goal_seek(&mut self) {
        let Some(doc) = self.current() else { return };
        let o = &self.uncertainty;
        let Some(goal) = crate::model::reading::read_number(&o.goal_target, self.display.lang)
        else {
            self.status = Some(Status::new(
                "The goal seek's target is not a number.",
                "Het doel van de doelzoeker is geen getal.",
                true,
            ));
            return;
        };
        let request = Request::GoalSeek {
            input: o.goal_input.to_owned(),
            metric: o.goal_metric,
            goal: goal.value,
            risk_adjusted: self.display.risk_adjusted,
        };
        let (id, rev) = (doc.id, doc.revision());
        if let Some(valid) = doc.valid() {
            self.analysis.submit(id, rev, valid, request);
        }
    }

    /// Opens the unsaved work of an earlier session (or not), then forgets it.
    fn recover(&mut self, take: bool) {
        let found = std::mem::take(&mut self.dialogs.recoverable);
        let files: Vec<PathBuf> = found.iter().map(|r| r.file.clone()).collect();
        if take {
            for r in found {
                let when = r.written.map(|t| {
                    chrono::DateTime::<chrono::Local>::from(t)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                });
                let id = self.add_doc(r.scenario, None, r.original);
                // Recovered work is unsaved by definition; keep it visible as such.
                if let Some(d) = self.doc_mut(id) {
                    d.saved = None;
                    d.recovered_at = Some(when.unwrap_or_default());
                    if let Some(colour) = r.colour {
                        d.colour = colour;
                    }
                }
            }
        }
        self.io.remove_all(files);
    }

    /// The scenarios an export covers: the selected one; for `several` (a comparison) the
    /// comparison's base first, then the selected one and the others shown.
    pub fn export_scenarios(&self, several: bool) -> Vec<(Scenario, usize)> {
        let Some(current) = self.current() else {
            return Vec::new();
        };
        if !several {
            return vec![(current.scenario.clone(), current.colour)];
        }
        let base = self
            .comparison_base()
            .and_then(|b| self.doc(b))
            .unwrap_or(current);
        let mut ids = vec![base.id];
        if current.id != base.id {
            ids.push(current.id);
        }
        ids.extend(
            self.docs
                .iter()
                .filter(|d| d.shown && !ids.contains(&d.id))
                .map(|d| d.id)
                .collect::<Vec<_>>(),
        );
        ids.truncate(COMPARE_MAX);
        ids.iter()
            .filter_map(|id| self.doc(*id))
            .map(|d| (d.scenario.clone(), d.colour))
            .collect()
    }

    fn export(&mut self, request: crate::ui::command::ExportRequest) {
        use crate::report::{Deliverable, build::Chart};
        let (scenarios, colours): (Vec<Scenario>, Vec<usize>) =
            self.export_scenarios(request.several).into_iter().unzip();
        let Some(first) = scenarios.first() else {
            return;
        };
        let stem = file_stem(&first.name);
        let part = match request.what {
            Deliverable::Report if scenarios.len() > 1 => "-comparison",
            Deliverable::Report | Deliverable::Spreadsheet => "",
            Deliverable::Chart(Chart::BreakEven) => "-break-even",
            Deliverable::Chart(Chart::Monthly) => "-monthly",
            Deliverable::Chart(Chart::Roi) => "-roi",
            Deliverable::Chart(Chart::CostPerContact) => "-cost-per-contact",
            Deliverable::Chart(Chart::Agents) => "-agents",
            Deliverable::Chart(Chart::Tornado(_)) => "-tornado",
            Deliverable::Chart(Chart::Histogram) => "-break-even-histogram",
            Deliverable::Chart(Chart::Tracking(_)) => "-tracking",
        };
        let job = crate::ui::io::ExportJob {
            what: request.what,
            suggested: format!("{stem}{part}.{}", request.output.extension()),
            scenarios,
            colours,
            lang: self.display.lang,
            risk_adjusted: self.display.risk_adjusted,
        };
        self.exporting += 1;
        self.status = Some(Status::new(
            "Choose where to export…",
            "Kies waar te exporteren…",
            false,
        ));
        self.io.export_dialog(job, request.output, self.folder());
    }

    /// Enters or leaves presentation mode's look: everything bigger and the whole screen.
    pub fn apply_presenting(&mut self, ctx: &egui::Context) {
        match (self.presenting, self.zoom_before) {
            (true, None) => {
                let zoom = ctx.zoom_factor();
                let size = ctx.input(|i| i.viewport().inner_rect.map(|r| r.size()));
                self.zoom_before = Some((zoom, size));
                ctx.set_zoom_factor(zoom * PRESENT_ZOOM);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            (true, Some((zoom, _))) => {
                // Once the window fills the screen (a few frames after entering), the larger
                // the screen, the larger everything; measured once, at the entering zoom, as
                // egui reports the window in points of the zoom it was drawn at.
                if self.present_frames < PRESENT_SETTLE_FRAMES {
                    self.present_frames += 1;
                    ctx.request_repaint();
                    if self.present_frames == PRESENT_SETTLE_FRAMES
                        && let Some(height) = ctx.input(|i| {
                            let rect = i.viewport().inner_rect.unwrap_or(i.viewport_rect());
                            Some(rect.height() * i.pixels_per_point())
                        })
                    {
                        let native = ctx.native_pixels_per_point().unwrap_or(1.0);
                        ctx.set_zoom_factor(zoom * present_zoom(height, native));
                    }
                }
            }
            (false, Some((zoom, size))) => {
                self.zoom_before = None;
                self.present_frames = 0;
                ctx.set_zoom_factor(zoom);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                // Some window managers leave the window at the screen's size: set it back
                // next frame, when the zoom is back.
                self.restore_size = size;
                ctx.request_repaint();
            }
            (false, None) => {
                if let Some(size) = self.restore_size.take() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
                }
            }
        }
    }

    /// Starts the analyses the shown scenarios need: a Monte Carlo run for each one with
    /// ranges whose last result is for an older revision (fewer trials while a slider is
    /// dragged), and the tornado of the selected one when `tornado` asks for it.
    pub fn schedule_analyses(&mut self, dragging: bool, tornado: bool) {
        let risk_adjusted = self.display.risk_adjusted;
        let tornado_metric = self.uncertainty.tornado_metric;
        let selected = self.selected;
        let mut jobs = Vec::new();
        for doc in self
            .docs
            .iter()
            .filter(|d| d.shown || Some(d.id) == selected)
        {
            let rev = doc.revision();
            let has_ranges = !doc.scenario.ranges.is_empty();
            let quick = dragging && doc.in_gesture();
            let trials = if quick { QUICK_TRIALS } else { DEFAULT_TRIALS };
            let settings = McSettings {
                trials,
                seed: DEFAULT_SEED,
                risk_adjusted,
            };
            let done = doc.analysis.monte_carlo.as_ref().is_some_and(|(r, mc)| {
                *r == rev && mc.trials >= trials && mc.risk_adjusted == risk_adjusted
            });
            let running = self.analysis.running(doc.id, Kind::MonteCarlo);
            let already = running
                .is_some_and(|r| r.revision == rev && r.request == Request::MonteCarlo(settings));
            // While dragging, let a run finish before the next starts, so results keep coming.
            let busy = quick && running.is_some();
            if has_ranges && !done && !already && !busy {
                jobs.push((doc.id, rev, Request::MonteCarlo(settings)));
            }
            if tornado && Some(doc.id) == selected && !quick {
                let done = doc.analysis.tornado.as_ref().is_some_and(|(r, adj, t)| {
                    *r == rev && *adj == risk_adjusted && t.metric == tornado_metric
                });
                let request = Request::Tornado {
                    metric: tornado_metric,
                    risk_adjusted,
                };
                let already = self
                    .analysis
                    .running(doc.id, Kind::Tornado)
                    .is_some_and(|r| r.revision == rev && r.request == request);
                if !done && !already {
                    jobs.push((doc.id, rev, request));
                }
            }
        }
        for (id, rev, request) in jobs {
            if let Some(valid) = self.doc(id).and_then(|d| d.valid()) {
                self.analysis.submit(id, rev, valid, request);
            }
        }
    }

    /// Takes in the analyses that finished.
    pub fn poll_analyses(&mut self) {
        for f in self.analysis.poll() {
            let Some(doc) = self.doc_mut(f.doc) else {
                continue;
            };
            match f.outcome {
                Ok(Outcome::MonteCarlo(mc)) => {
                    let newer = doc
                        .analysis
                        .monte_carlo
                        .as_ref()
                        .is_some_and(|(r, _)| *r > f.revision);
                    if !newer {
                        doc.analysis.monte_carlo = Some((f.revision, *mc));
                        doc.analysis.error = None;
                    }
                }
                Ok(Outcome::Tornado(t)) => {
                    let adjusted = matches!(
                        f.request,
                        Request::Tornado {
                            risk_adjusted: true,
                            ..
                        }
                    );
                    doc.analysis.tornado = Some((f.revision, adjusted, t));
                }
                Ok(Outcome::GoalSeek(g)) => {
                    doc.analysis.goal_seek = Some((f.revision, f.request, g));
                }
                Err(e) => doc.analysis.error = Some(e.to_string()),
            }
        }
    }

    /// Applies an edit to the selected scenario.
    fn edit(&mut self, f: impl FnOnce(&mut Scenario)) {
        if let Some(doc) = self.current_mut() {
            doc.edit(f);
        }
    }

    /// Ends every gesture under way (called when no pointer button is down).
    pub fn end_gestures(&mut self) {
        for d in &mut self.docs {
            d.end_gesture();
        }
    }

    /// Writes unsaved scenarios to the autosave folder when the interval has passed, and
    /// removes the autosaves of scenarios saved since.
    pub fn autosave_if_due(&mut self) {
        let Some(dir) = self.autosave.dir.clone() else {
            return;
        };
        if self.autosave.last.elapsed() < autosave::INTERVAL {
            return;
        }
        self.autosave.last = Instant::now();
        self.autosave_now(&dir);
    }

    /// Writes unsaved scenarios to `dir` now.
    pub fn autosave_now(&mut self, dir: &std::path::Path) {
        let mut writes = Vec::new();
        let mut stale = Vec::new();
        for d in &self.docs {
            let file = autosave::file_for(dir, d.id);
            if d.is_dirty() {
                if let Some(text) = autosave::text(&d.scenario, d.path.as_deref(), d.colour) {
                    writes.push((file.clone(), text));
                    if !self.autosave.written.iter().any(|(id, _)| *id == d.id) {
                        self.autosave.written.push((d.id, file));
                    }
                }
            } else if self.autosave.written.iter().any(|(id, _)| *id == d.id) {
                stale.push(file);
            }
        }
        self.autosave.written.retain(|(_, f)| !stale.contains(f));
        if !writes.is_empty() {
            self.io.write_all(writes);
        }
        if !stale.is_empty() {
            self.io.remove_all(stale);
        }
    }

    fn forget_autosave(&mut self, id: u64) {
        let files: Vec<PathBuf> = self
            .autosave
            .written
            .iter()
            .filter(|(d, _)| *d == id)
            .map(|(_, f)| f.clone())
            .collect();
        self.autosave.written.retain(|(d, _)| *d != id);
        if !files.is_empty() {
            self.io.remove_all(files);
        }
    }

    /// Removes this session's autosaves: called on a clean exit, after the user decided.
    pub fn remove_autosaves_now(&mut self) {
        for (_, f) in self.autosave.written.drain(..) {
            let _ = std::fs::remove_file(f);
        }
    }

    /// Closes document `id` once its next save succeeds.
    pub fn set_close_after_save(&mut self, id: u64) {
        self.close_after_save = Some(id);
    }

    /// The window title: the scenario, and a marker when it has unsaved changes.
    pub fn window_title(&self) -> String {
        match self.current() {
            Some(d) => format!(
                "{}{} – roi-planner",
                d.title(),
                if d.is_dirty() { " •" } else { "" }
            ),
            None => "roi-planner".to_owned(),
        }
    }

    /// Sends the title to the window when it changed.
    pub fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// Frames presentation mode waits for the window to fill the screen before it sizes its zoom.
const PRESENT_SETTLE_FRAMES: u32 = 10;

/// How much bigger presentation mode draws on a window `height` physical pixels high, the
/// display's own scale being `native`: [`PRESENT_ZOOM`] up to 800 pixels (at scale 1), in
/// proportion above that (up to 1.7 times as much), so a 1920 × 1080 projector shows what a
/// 1280 × 800 screen shows, as large, and text stays legible from the back of the room.
fn present_zoom(height: f32, native: f32) -> f32 {
    PRESENT_ZOOM * (height / (800.0 * native.max(0.5))).clamp(1.0, 1.7)
}

/// A file name made from a scenario name that reads well: letters and digits in lower case,
/// `_` kept, every run of anything else one `-` ("Chatbot 25% — Klantenservice BV" is
/// `chatbot-25-klantenservice-bv`), at most 80 characters.
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() || c == '_' {
            stem.extend(c.to_lowercase());
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_matches('-').chars().take(80).collect();
    let stem = stem.trim_end_matches('-').to_owned();
    if stem.is_empty() {
        "scenario".to_owned()
    } else {
        stem
    }
}
