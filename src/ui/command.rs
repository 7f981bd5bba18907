//! What the window's widgets ask for. Widgets push commands; [`crate::ui::app::PlannerApp`]
//! handles them all in one place, once per frame.

use std::path::PathBuf;

use rust_decimal::Decimal;

use crate::model::actuals::Field;
use crate::model::{CustomLine, Initiative, InputDescriptor, InputRange, Lang, RampShape};
use crate::report::{Deliverable, Output};
use crate::ui::io::ExportJob;

/// What to export from the window, and as what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    /// The report, the spreadsheet or a chart.
    pub what: Deliverable,
    /// Every scenario shown in the comparison (the selected one first), not just the selected.
    pub several: bool,
    /// The file kind offered first.
    pub output: Output,
}

/// One request from the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Open a copy of a bundled scenario.
    NewFromExample(&'static str),
    /// Open the guided form for a scenario from the user's own numbers.
    StartOwnNumbers,
    /// Open the scenario the guided form describes.
    CreateFromForm(Box<crate::ui::start::StartForm>),
    /// Show the open dialog.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Save the selected scenario (Save as when it has no file yet).
    Save,
    /// Save the selected scenario under a new name.
    SaveAs,
    /// Save document `id` to this path (from the path field).
    SaveTo(u64, PathBuf),
    /// Close a scenario, asking first when it has unsaved changes.
    Close(u64),
    /// Close a scenario without asking.
    CloseNow(u64),
    /// Close the selected scenario, asking first when it has unsaved changes.
    CloseSelected,
    /// Show "How the numbers are computed".
    ShowHelp,
    /// Quit, asking first when anything is unsaved.
    Quit,
    /// Quit without saving.
    QuitNow,
    /// Undo in the selected scenario.
    Undo,
    /// Redo in the selected scenario.
    Redo,
    /// Ask for a name, then copy the selected scenario into a new what-if.
    Duplicate,
    /// Copy the selected scenario into a new what-if with this name.
    DuplicateAs {
        /// Its name.
        name: String,
        /// Its description.
        notes: String,
    },
    /// Put the last edited input back to its saved value.
    ResetInput,
    /// Select a scenario for editing.
    Select(u64),
    /// Show or hide a scenario in the comparison.
    SetShown(u64, bool),
    /// Give a scenario the next colour.
    NextColour(u64),
    /// Rename the selected scenario.
    Rename(String),
    /// Set the selected scenario's description (what the report prints under its name).
    SetNotes(String),
    /// Set an input of the selected scenario (clamped to its range).
    SetInput(&'static InputDescriptor, Decimal),
    /// Switch an initiative of the selected scenario on or off.
    SetEnabled(Initiative, bool),
    /// Switch "no training benefit in the course month" on or off.
    SetNoBenefitWhileTraining(bool),
    /// Set an initiative's ramp-up shape.
    SetRamp(Initiative, RampShape),
    /// Staff by service level, or the simplified way of older files.
    SetStaffingModel(crate::model::StaffingModel),
    /// How the headcount may follow the workload.
    SetHeadcountPolicy(crate::model::HeadcountPolicy),
    /// Train new hires too (at the course fee), or not.
    SetTrainNewHires(bool),
    /// Set (or clear) when the case starts on the calendar and its financial year.
    SetCalendar(Option<crate::model::finance::Calendar>),
    /// Show the initial investment as year 0 in the table of years, or not.
    SetYearZero(bool),
    /// Make a scenario the comparison's base (or, given the base again, go back to comparing
    /// against the selected one).
    SetBase(u64),
    /// Set (or clear) the user's source and note of the input at a path.
    SetSource(String, Option<crate::model::sources::InputSource>),
    /// Add a custom line.
    AddCustomLine,
    /// Change a custom line.
    EditCustomLine(usize, CustomLine),
    /// Remove a custom line (and its range).
    RemoveCustomLine(usize),
    /// Swap two custom lines (their ranges go with them).
    SwapCustomLines(usize, usize),
    /// Give an input a range (`Some`) or take its range away (`None`).
    SetRange(String, Option<InputRange>),
    /// Set an input (or a custom line's amount) by its path, e.g. from goal seek's "Apply".
    SetByPath(String, Decimal),
    /// Start the goal seek the uncertainty tab describes.
    RunGoalSeek,
    /// Bring an input into view in the editor and mark it.
    FocusInput(String),
    /// Switch the language.
    SetLang(Lang),
    /// Switch between light and dark.
    SetDark(bool),
    /// Take the autosaved work back (true) or throw it away (false).
    Recover(bool),
    /// Ask where, then export.
    Export(ExportRequest),
    /// Export to this path (from the path field).
    ExportTo(Box<ExportJob>, PathBuf),
    /// Enter or leave presentation mode.
    TogglePresent,
    /// Leave presentation mode.
    LeavePresent,
    /// Pin an input as a client slider (shown in presentation mode), or unpin it.
    SetClientSlider(&'static InputDescriptor, bool),
    /// Ask for a CSV of actuals, then import it into the selected scenario.
    ImportActuals,
    /// Import the actuals in this CSV into document `id` (from the path field).
    ImportActualsFrom(u64, PathBuf),
    /// Set (or clear) one observed figure of a month.
    SetActual(u32, &'static Field, Option<Decimal>),
    /// Add the next month to the actuals.
    AddActualMonth,
    /// Remove a month's actuals.
    RemoveActualMonth(u32),
    /// Say in the status bar why a typed value was not taken.
    Refuse(String),
}
