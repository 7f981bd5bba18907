//! The window's plain state that the panels read and write besides the scenario: how figures
//! are shown, the tabs, the editor's notes and typing, and what the analysis and tracking views
//! show. The app owns it and hands the panels what they need; nothing here draws or computes.

use rust_decimal::Decimal;

use crate::analysis::Metric;
use crate::i18n::t;
use crate::model::{InputDescriptor, Lang, RampShape};

/// The most scenarios drawn together in the comparison.
pub const COMPARE_MAX: usize = 4;

/// How much bigger everything is drawn in presentation mode.
pub const PRESENT_ZOOM: f32 = 1.3;

/// The central area's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The charts.
    Charts,
    /// The operational figures before and after.
    Kpis,
    /// The monthly table.
    Table,
    /// How sure the figures are: percentiles, histogram, tornado, goal seek.
    Uncertainty,
    /// The difference view.
    Compare,
    /// The plan against the actuals.
    Tracking,
}

/// A question the window is waiting on.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Unsaved changes in the document with this id: save before closing?
    Close(u64),
    /// Unsaved changes somewhere: save before quitting?
    Quit,
}

/// How figures are shown: language, theme, and which variant is the main figure. Panels take
/// this instead of the whole app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Display {
    /// The language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// Show risk-adjusted figures (the default).
    pub risk_adjusted: bool,
}

impl Display {
    /// A text in the current language.
    pub fn t(&self, en: &'static str, nl: &'static str) -> &'static str {
        t(self.lang, en, nl)
    }
}

/// What kind of note an input shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// How a typed text was read ("Read as 7.5 min").
    Read,
    /// Why a typed text was not used; the value stayed.
    Refused,
}

/// A note under an input. It belongs to one value of the input: once the input holds another
/// (a slider, undo, another file), the note no longer says anything true and goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The input's path.
    pub path: &'static str,
    /// What it says.
    pub text: String,
    /// Read or refused.
    pub kind: NoteKind,
    /// The value it is about: what was read (and set), or the value that stayed.
    pub value: Decimal,
}

/// A typed value far from the previous one, waiting for a second look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Confirm {
    /// The input's path.
    pub path: &'static str,
    /// The value typed.
    pub value: Decimal,
    /// The value before.
    pub previous: Decimal,
}

/// What the editor keeps between frames besides the scenario.
#[derive(Default)]
pub struct Editing {
    /// Notes under inputs: how a typed value was read, or why it was refused.
    pub notes: Vec<Note>,
    /// A typed value waiting for a second look.
    pub confirm: Option<Confirm>,
    /// Open the finance section and bring it into view on the next frame.
    pub open_finance: bool,
    /// The input marked after a click on the tornado.
    pub focus_input: Option<String>,
    /// Bring the marked input into view on the next frame.
    pub focus_pending: bool,
    /// The inputs whose range editor is open.
    pub open_ranges: Vec<String>,
    /// The input edited last, for "Reset input to saved value".
    pub last_input: Option<&'static InputDescriptor>,
    /// The text being typed into an input's exact-value field: (input path, text).
    pub entry: Option<(&'static str, String)>,
}

/// What the uncertainty views show and what goal seek aims at.
#[derive(Clone, Debug, PartialEq)]
pub struct UncertaintyOptions {
    /// The month of "chance of breaking even by month M".
    pub by_month: u32,
    /// The result the tornado ranks inputs by.
    pub tornado_metric: Metric,
    /// Goal seek: the input to change.
    pub goal_input: &'static str,
    /// Goal seek: the result to aim at.
    pub goal_metric: Metric,
    /// Goal seek: the target as typed.
    pub goal_target: String,
}

impl Default for UncertaintyOptions {
    fn default() -> Self {
        UncertaintyOptions {
            by_month: 12,
            tornado_metric: Metric::NetBenefit,
            goal_input: "chatbot.containment_pct",
            goal_metric: Metric::BreakEvenMonth,
            goal_target: "12".to_owned(),
        }
    }
}

/// Trials of the Monte Carlo run while a slider is dragged: enough for a steady band, quick
/// enough for many updates a second.
pub const QUICK_TRIALS: usize = 1_000;

/// A ramp shape's name.
pub fn ramp_name(shape: RampShape, lang: Lang) -> &'static str {
    match shape {
        RampShape::Linear => t(lang, "Linear", "Lineair"),
        RampShape::SCurve => t(lang, "S-curve", "S-kromme"),
    }
}

/// What the tab remembers between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrackingOptions {
    /// Show the forecast re-based on the last observed month.
    pub rebased: bool,
    /// The text being typed into a cell: (month, field key, text).
    pub entry: Option<(u32, &'static str, String)>,
}

/// A line for the status bar, kept in both languages so it follows a change of language.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    /// The English text.
    pub en: String,
    /// The Dutch text.
    pub nl: String,
    /// Whether it reports something that went wrong.
    pub error: bool,
}

impl Status {
    /// A message in both languages.
    pub fn new(en: impl Into<String>, nl: impl Into<String>, error: bool) -> Self {
        Status {
            en: en.into(),
            nl: nl.into(),
            error,
        }
    }

    /// A message that reads the same in both languages (a system's error, a text already
    /// worded in the window's language).
    pub fn same(text: impl Into<String>, error: bool) -> Self {
        let text = text.into();
        Status::new(text.clone(), text, error)
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }
}
