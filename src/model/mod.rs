//! The scenario: one business case as the user writes it in a RON file.
//!
//! A [`Scenario`] is plain data, generic over the number type: `Decimal` as read from a file
//! and shown in the ledger, `f64` for sampling. [`Scenario::validate`] turns it into a
//! [`ValidScenario`] once; the simulation accepts only that, so it never re-checks ranges.
//! Nothing here does I/O or panics.

pub mod actuals;
pub mod baseline;
pub mod chatbot;
pub mod custom;
pub mod edit;
pub mod file;
pub mod finance;
pub mod input;
pub mod legacy;
pub mod omnichannel;
pub mod ramp;
pub mod reading;
pub mod sources;
pub mod staffing;
pub mod training;
pub mod uncertainty;

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

pub use actuals::MonthActuals;
pub use baseline::{BASELINE_INPUTS, Baseline};
pub use chatbot::{CHATBOT_INPUTS, Chatbot};
pub use custom::{Custom, CustomLine, LineKind, Timing};
pub use finance::{FINANCE_INPUTS, Finance};
pub use input::{FromDecimal, Group, InputDescriptor, Lang, Slot, SlotRef, Text, Unit};
pub use omnichannel::{OMNICHANNEL_INPUTS, Omnichannel};
pub use ramp::RampShape;
pub use staffing::{HeadcountPolicy, STAFFING_INPUTS, Staffing, StaffingModel};
pub use training::{TRAINING_INPUTS, Training};
pub use uncertainty::{Correlation, InputRange, Shape, Target};

/// The schema version this program writes. Files of this and every earlier version open;
/// fields added later get defaults so older files stay valid.
pub const SCHEMA_VERSION: u32 = 1;

/// The largest amount a custom line may have, in euro.
pub const CUSTOM_AMOUNT_MAX: Decimal = dec!(1000000000);

/// The most custom lines one scenario may hold.
pub const CUSTOM_LINES_MAX: usize = 500;

/// The longest scenario or line name, in characters.
pub const NAME_MAX_CHARS: usize = 200;

/// The most inputs pinned as client sliders: what fits beside the chart in presentation mode.
pub const CLIENT_SLIDERS_MAX: usize = 12;

/// One business case: today's contact centre, the initiatives and the finance settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "N: Deserialize<'de> + FromDecimal")
)]
pub struct Scenario<N = Decimal> {
    /// The version of the file format; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The scenario's name, e.g. "Chatbot – conservative".
    pub name: String,
    /// The currency of every amount; only `EUR` for now.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Free notes for whoever reads the file.
    #[serde(default)]
    pub notes: String,
    /// Today's contact centre.
    pub baseline: Baseline<N>,
    /// The AI chatbot; a file without this section has it switched off.
    #[serde(default = "switched_off")]
    pub chatbot: Chatbot<N>,
    /// The omnichannel platform; a file without this section has it switched off.
    #[serde(default = "switched_off")]
    pub omnichannel: Omnichannel<N>,
    /// Agent training; a file without this section has it switched off.
    #[serde(default = "switched_off")]
    pub training: Training<N>,
    /// Named custom lines.
    #[serde(default)]
    pub custom: Custom<N>,
    /// Horizon, discounting, risk and realisation.
    pub finance: Finance<N>,
    /// The headcount path; a file without this section has the simplified staffing it was
    /// computed with.
    #[serde(default = "legacy::simplified_staffing")]
    pub staffing: Staffing<N>,
    /// Low / likely / high estimates of inputs, by input path (optional).
    #[serde(
        default,
        skip_serializing_if = "std::collections::BTreeMap::is_empty",
        deserialize_with = "uncertainty::unique_ranges"
    )]
    pub ranges: std::collections::BTreeMap<String, InputRange>,
    /// Where each input's value comes from, by input path: the user's source and note
    /// (optional).
    #[serde(
        default,
        skip_serializing_if = "std::collections::BTreeMap::is_empty",
        deserialize_with = "sources::unique_sources"
    )]
    pub sources: std::collections::BTreeMap<String, sources::InputSource>,
    /// Rank correlations between ranged inputs (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlations: Vec<Correlation>,
    /// The inputs pinned as "client sliders": the ones presentation mode shows, by input path
    /// (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub client_sliders: Vec<String>,
    /// What was observed in the months that passed (optional), for tracking the case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<MonthActuals>,
}

/// An initiative with default figures, switched off: what a file that leaves it out means.
fn switched_off<T: Default + SwitchOff>() -> T {
    let mut t = T::default();
    t.switch_off();
    t
}

/// An initiative section that can be switched off.
trait SwitchOff {
    fn switch_off(&mut self);
}

macro_rules! switch_off {
    ($($t:ident),*) => {$(
        impl<N> SwitchOff for $t<N> {
            fn switch_off(&mut self) {
                self.enabled = false;
            }
        }
    )*};
}
switch_off!(Chatbot, Omnichannel, Training);

fn default_currency() -> String {
    "EUR".to_owned()
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            schema_version: SCHEMA_VERSION,
            name: "New scenario".to_owned(),
            currency: default_currency(),
            notes: String::new(),
            baseline: Baseline::default(),
            chatbot: Chatbot::default(),
            omnichannel: Omnichannel::default(),
            training: Training::default(),
            custom: Custom::default(),
            finance: Finance::default(),
            staffing: Staffing::default(),
            ranges: Default::default(),
            sources: Default::default(),
            correlations: Vec::new(),
            client_sliders: Vec::new(),
            actuals: Vec::new(),
        }
    }
}

/// The four initiatives a scenario can switch on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Initiative {
    /// AI chatbot / self-service.
    Chatbot,
    /// Omnichannel platform.
    Omnichannel,
    /// Agent training.
    Training,
    /// The custom lines.
    Custom,
}

impl Initiative {
    /// All initiatives, in the order the ledger lists them.
    pub const ALL: [Initiative; 4] = [
        Initiative::Chatbot,
        Initiative::Omnichannel,
        Initiative::Training,
        Initiative::Custom,
    ];

    /// The three initiatives the model computes (every one but the custom lines).
    pub const MODELLED: [Initiative; 3] = [
        Initiative::Chatbot,
        Initiative::Omnichannel,
        Initiative::Training,
    ];

    /// The initiative's place in [`Initiative::ALL`], for [`PerInitiative`].
    pub const fn index(self) -> usize {
        match self {
            Initiative::Chatbot => 0,
            Initiative::Omnichannel => 1,
            Initiative::Training => 2,
            Initiative::Custom => 3,
        }
    }

    /// The key used in files and exports.
    pub fn key(self) -> &'static str {
        match self {
            Initiative::Chatbot => "chatbot",
            Initiative::Omnichannel => "omnichannel",
            Initiative::Training => "training",
            Initiative::Custom => "custom",
        }
    }

    /// The name shown to people: its editor group's heading, or "Custom lines".
    pub fn title(self) -> Text {
        match self.group() {
            Some(group) => group.title(),
            None => Text {
                en: "Custom lines",
                nl: "Eigen posten",
            },
        }
    }

    /// The editor group of the initiative's inputs (none for custom lines).
    pub fn group(self) -> Option<Group> {
        match self {
            Initiative::Chatbot => Some(Group::Chatbot),
            Initiative::Omnichannel => Some(Group::Omnichannel),
            Initiative::Training => Some(Group::Training),
            Initiative::Custom => None,
        }
    }
}

/// One value per initiative, indexed by [`Initiative`] (not by position).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerInitiative<T>(pub [T; 4]);

impl<T: Copy> PerInitiative<T> {
    /// Every initiative at `value`.
    pub const fn splat(value: T) -> Self {
        PerInitiative([value; 4])
    }

    /// The value `f` gives each initiative.
    pub fn from_fn(f: impl Fn(Initiative) -> T) -> Self {
        PerInitiative(Initiative::ALL.map(f))
    }
}

impl<T> std::ops::Index<Initiative> for PerInitiative<T> {
    type Output = T;
    fn index(&self, i: Initiative) -> &T {
        &self.0[i.index()]
    }
}

impl<T> std::ops::IndexMut<Initiative> for PerInitiative<T> {
    fn index_mut(&mut self, i: Initiative) -> &mut T {
        &mut self.0[i.index()]
    }
}

/// The descriptors of one group's inputs.
pub fn group_inputs(group: Group) -> &'static [InputDescriptor] {
    match group {
        Group::Baseline => BASELINE_INPUTS,
        Group::Chatbot => CHATBOT_INPUTS,
        Group::Omnichannel => OMNICHANNEL_INPUTS,
        Group::Training => TRAINING_INPUTS,
        Group::Finance => FINANCE_INPUTS,
        Group::Staffing => STAFFING_INPUTS,
    }
}

/// Every input descriptor, group by group in editor order.
pub fn all_inputs() -> impl Iterator<Item = &'static InputDescriptor> {
    Group::ALL.into_iter().flat_map(group_inputs)
}

/// The descriptor with this path, e.g. `chatbot.containment_pct`.
pub fn input_by_path(path: &str) -> Option<&'static InputDescriptor> {
    static BY_PATH: std::sync::LazyLock<
        std::collections::HashMap<&'static str, &'static InputDescriptor>,
    > = std::sync::LazyLock::new(|| all_inputs().map(|d| (d.path, d)).collect());
    BY_PATH.get(path).copied()
}

impl<N> Scenario<N> {
    /// The input a descriptor names, to read or change.
    pub fn slot(&mut self, input: &InputDescriptor) -> Option<Slot<'_, N>> {
        match input.group {
            Group::Baseline => self.baseline.slot(input.index),
            Group::Chatbot => self.chatbot.slot(input.index),
            Group::Omnichannel => self.omnichannel.slot(input.index),
            Group::Training => self.training.slot(input.index),
            Group::Finance => self.finance.slot(input.index),
            Group::Staffing => self.staffing.slot(input.index),
        }
    }

    /// The input a descriptor names, to read.
    pub fn slot_ref(&self, input: &InputDescriptor) -> Option<SlotRef<'_, N>> {
        match input.group {
            Group::Baseline => self.baseline.slot_ref(input.index),
            Group::Chatbot => self.chatbot.slot_ref(input.index),
            Group::Omnichannel => self.omnichannel.slot_ref(input.index),
            Group::Training => self.training.slot_ref(input.index),
            Group::Finance => self.finance.slot_ref(input.index),
            Group::Staffing => self.staffing.slot_ref(input.index),
        }
    }

    /// Whether an initiative is switched on.
    pub fn is_enabled(&self, initiative: Initiative) -> bool {
        match initiative {
            Initiative::Chatbot => self.chatbot.enabled,
            Initiative::Omnichannel => self.omnichannel.enabled,
            Initiative::Training => self.training.enabled,
            Initiative::Custom => self.custom.enabled,
        }
    }

    /// An initiative's ramp-up shape (none for custom lines).
    pub fn ramp_shape(&self, initiative: Initiative) -> Option<RampShape> {
        match initiative {
            Initiative::Chatbot => Some(self.chatbot.ramp_shape),
            Initiative::Omnichannel => Some(self.omnichannel.ramp_shape),
            Initiative::Training => Some(self.training.ramp_shape),
            Initiative::Custom => None,
        }
    }

    /// Sets an initiative's ramp-up shape (custom lines have none).
    pub fn set_ramp_shape(&mut self, initiative: Initiative, shape: RampShape) {
        match initiative {
            Initiative::Chatbot => self.chatbot.ramp_shape = shape,
            Initiative::Omnichannel => self.omnichannel.ramp_shape = shape,
            Initiative::Training => self.training.ramp_shape = shape,
            Initiative::Custom => {}
        }
    }

    /// An initiative's start month and its go-live month, from which its effects count (none
    /// for custom lines). Training goes live after its course; with
    /// `no_benefit_while_training` a course shorter than a month still takes its start month.
    pub fn initiative_months(&self, initiative: Initiative) -> Option<(u32, u32)> {
        let (start, implementation) = match initiative {
            Initiative::Chatbot => (self.chatbot.start_month, self.chatbot.implementation_months),
            Initiative::Omnichannel => (
                self.omnichannel.start_month,
                self.omnichannel.implementation_months,
            ),
            Initiative::Training => {
                let t = &self.training;
                let course = if t.no_benefit_while_training {
                    t.implementation_months.max(1)
                } else {
                    t.implementation_months
                };
                (t.start_month, course)
            }
            Initiative::Custom => return None,
        };
        Some((start, start.saturating_add(implementation)))
    }

    /// Switches an initiative on or off.
    pub fn set_enabled(&mut self, initiative: Initiative, on: bool) {
        match initiative {
            Initiative::Chatbot => self.chatbot.enabled = on,
            Initiative::Omnichannel => self.omnichannel.enabled = on,
            Initiative::Training => self.training.enabled = on,
            Initiative::Custom => self.custom.enabled = on,
        }
    }

    /// Converts every number with `f`, e.g. to `f64` for sampling.
    pub fn map<M>(&self, f: impl Fn(&N) -> M) -> Scenario<M> {
        Scenario {
            schema_version: self.schema_version,
            name: self.name.clone(),
            currency: self.currency.clone(),
            notes: self.notes.clone(),
            baseline: self.baseline.map(&f),
            chatbot: self.chatbot.map(&f),
            omnichannel: self.omnichannel.map(&f),
            training: self.training.map(&f),
            custom: self.custom.map(&f),
            finance: self.finance.map(&f),
            staffing: self.staffing.map(&f),
            ranges: self.ranges.clone(),
            sources: self.sources.clone(),
            correlations: self.correlations.clone(),
            client_sliders: self.client_sliders.clone(),
            actuals: self.actuals.clone(),
        }
    }

    /// Removes custom line `index`, and its range; the ranges of the lines after it move with
    /// their lines.
    pub fn remove_custom_line(&mut self, index: usize) {
        if index >= self.custom.lines.len() {
            return;
        }
        self.custom.lines.remove(index);
        self.renumber_custom_ranges(|i| match i.cmp(&index) {
            std::cmp::Ordering::Less => Some(i),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(i - 1),
        });
    }

    /// Swaps custom lines `a` and `b`, their ranges with them.
    pub fn swap_custom_lines(&mut self, a: usize, b: usize) {
        let len = self.custom.lines.len();
        if a >= len || b >= len || a == b {
            return;
        }
        self.custom.lines.swap(a, b);
        self.renumber_custom_ranges(|i| {
            Some(if i == a {
                b
            } else if i == b {
                a
            } else {
                i
            })
        });
    }

    /// Moves the ranges and correlations of custom lines to their lines' new indices (`None`:
    /// the line is gone, and so is its range).
    fn renumber_custom_ranges(&mut self, new_index: impl Fn(usize) -> Option<usize>) {
        let rename = |path: &str| -> Option<String> {
            match uncertainty::custom_line_of(path) {
                Some(i) => new_index(i).map(uncertainty::custom_amount_path),
                None => Some(path.to_owned()),
            }
        };
        self.ranges = std::mem::take(&mut self.ranges)
            .into_iter()
            .filter_map(|(path, r)| rename(&path).map(|p| (p, r)))
            .collect();
        self.correlations = std::mem::take(&mut self.correlations)
            .into_iter()
            .filter_map(|(a, b, rho)| Some((rename(&a)?, rename(&b)?, rho)))
            .collect();
    }
}

impl Scenario {
    /// Gives the inputs a file left out because it was written before they existed the value
    /// that makes it compute what it did then, where that value depends on another input
    /// (see [`legacy`]); `given` says which of them the file has. Called once, right after a
    /// file is read.
    pub fn fill_legacy(&mut self, given: legacy::Given) {
        if !given.chatbot_handle_time_saved {
            self.chatbot.handle_time_saved_minutes = self.baseline.handle_time_minutes;
        }
        if !given.revenue_risk {
            self.finance.revenue_risk_pct = self.finance.benefit_risk_pct;
        }
    }

    /// The value of an input, as a decimal (month fields too).
    pub fn get(&self, input: &InputDescriptor) -> Decimal {
        match self.slot_ref(input) {
            Some(SlotRef::Value(v)) => *v,
            Some(SlotRef::Months(m)) => Decimal::from(m),
            None => Decimal::ZERO,
        }
    }

    /// Sets an input, rounding month fields to whole months and keeping the value within
    /// the descriptor's range. Returns the value actually stored.
    pub fn set(&mut self, input: &InputDescriptor, value: Decimal) -> Decimal {
        let clamped = value.clamp(input.min, input.max);
        match self.slot(input) {
            Some(Slot::Value(v)) => {
                *v = clamped;
                clamped
            }
            Some(Slot::Months(m)) => {
                *m = clamped.round().to_u32().unwrap_or(0);
                Decimal::from(*m)
            }
            None => Decimal::ZERO,
        }
    }

    /// Checks every input against its descriptor and every custom line, and returns the
    /// scenario as valid, or every problem found.
    pub fn validate(self) -> Result<ValidScenario, Vec<Problem>> {
        let mut problems = Vec::new();
        if self.schema_version == 0 || self.schema_version > SCHEMA_VERSION {
            problems.push(Problem::new(
                "schema_version",
                format!(
                    "is {}, expected 1 to {SCHEMA_VERSION} (a newer roi-planner may have written this file)",
                    self.schema_version
                ),
            ));
        }
        if self.name.chars().count() > NAME_MAX_CHARS {
            problems.push(Problem::new(
                "name",
                format!(
                    "is {} characters long, expected at most {NAME_MAX_CHARS}",
                    self.name.chars().count()
                ),
            ));
        }
        if self.currency != "EUR" {
            problems.push(Problem::new(
                "currency",
                format!(
                    "is {:?}, expected \"EUR\" (the only currency supported)",
                    self.currency
                ),
            ));
        }
        for input in all_inputs() {
            let value = self.get(input);
            if value < input.min || value > input.max {
                problems.push(Problem::new(
                    input.path,
                    format!(
                        "is {value}, expected {} to {} ({})",
                        input.min,
                        input.max,
                        input.unit.symbol().en
                    ),
                ));
            }
        }
        problems.extend(sources::check(&self));
        if let Some(c) = &self.finance.calendar {
            if !(2000..=2100).contains(&c.start_year) {
                problems.push(Problem::new(
                    "finance.calendar.start_year",
                    format!("is {}, expected 2000 to 2100", c.start_year),
                ));
            }
            for (field, value) in [
                ("start_month", c.start_month),
                ("fiscal_year_start_month", c.fiscal_year_start_month),
            ] {
                if !(1..=12).contains(&value) {
                    problems.push(Problem::new(
                        format!("finance.calendar.{field}"),
                        format!("is {value}, expected a month from 1 (January) to 12"),
                    ));
                }
            }
        }
        // Staffing's own limit, on inputs that are each within their range.
        if problems.is_empty() {
            problems.extend(staffing::problems(&self));
        }
        if self.custom.lines.len() > CUSTOM_LINES_MAX {
            problems.push(Problem::new(
                "custom.lines",
                format!(
                    "has {} lines, expected at most {CUSTOM_LINES_MAX}",
                    self.custom.lines.len()
                ),
            ));
        }
        let horizon_max = FINANCE_INPUTS[0].max;
        // A section over its limit is refused for its size alone: one message, not one for
        // each of its (possibly hundreds of thousands of) entries.
        let lines = if self.custom.lines.len() > CUSTOM_LINES_MAX {
            &[][..]
        } else {
            &self.custom.lines[..]
        };
        for (i, line) in lines.iter().enumerate() {
            let at = |field: &str| format!("custom.lines[{i}].{field}");
            if line.name.trim().is_empty() || line.name.chars().count() > NAME_MAX_CHARS {
                problems.push(Problem::new(
                    at("name"),
                    format!(
                        "is {:?}, expected 1 to {NAME_MAX_CHARS} characters",
                        line.name
                    ),
                ));
            }
            if line.amount < Decimal::ZERO || line.amount > CUSTOM_AMOUNT_MAX {
                problems.push(Problem::new(
                    at("amount"),
                    format!("is {}, expected 0 to {CUSTOM_AMOUNT_MAX} (€)", line.amount),
                ));
            }
            let (from, to) = line.timing.months();
            for (field, month) in [("timing.from", from), ("timing.to", to)] {
                if month == 0 || Decimal::from(month) > horizon_max {
                    let field = if from == to { "timing.month" } else { field };
                    problems.push(Problem::new(
                        at(field),
                        format!("is {month}, expected a month from 1 to {horizon_max}"),
                    ));
                }
            }
            if from > to {
                problems.push(Problem::new(
                    at("timing"),
                    format!("runs from month {from} to month {to}, expected the first month not after the last"),
                ));
            }
        }
        for p in uncertainty::check(&self) {
            problems.push(Problem::new(p.path, p.message));
        }
        let month_max = FINANCE_INPUTS[0]
            .max
            .to_string()
            .parse::<u32>()
            .unwrap_or(120);
        problems.extend(actuals::check(&self.actuals, month_max));
        if self.client_sliders.len() > CLIENT_SLIDERS_MAX {
            problems.push(Problem::new(
                "client_sliders",
                format!(
                    "has {} inputs, expected at most {CLIENT_SLIDERS_MAX}",
                    self.client_sliders.len()
                ),
            ));
        }
        let mut pinned = std::collections::HashSet::new();
        let pinned_paths = if self.client_sliders.len() > CLIENT_SLIDERS_MAX {
            &[][..]
        } else {
            &self.client_sliders[..]
        };
        for (i, path) in pinned_paths.iter().enumerate() {
            if input_by_path(path).is_none() {
                problems.push(Problem::new(
                    format!("client_sliders[{i}]"),
                    format!(
                        "is {path:?}, which names no input; expected a path as `check` names it, e.g. \"chatbot.containment_pct\""
                    ),
                ));
            } else if !pinned.insert(path) {
                problems.push(Problem::new(
                    format!("client_sliders[{i}]"),
                    format!("is {path:?} a second time; expected each input once"),
                ));
            }
        }
        problems.dedup();
        if problems.is_empty() {
            Ok(ValidScenario(self))
        } else {
            Err(problems)
        }
    }
}

/// A scenario whose every input is within its allowed range. Only [`Scenario::validate`]
/// makes one, so the simulation can rely on it.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidScenario(Scenario);

impl ValidScenario {
    /// The scenario inside.
    pub fn scenario(&self) -> &Scenario {
        &self.0
    }

    /// Gives the scenario back, e.g. to edit it.
    pub fn into_inner(self) -> Scenario {
        self.0
    }
}

/// One thing wrong with a scenario: where, and what was found against what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field path, e.g. `chatbot.containment_pct` or `custom.lines[2].amount`.
    pub path: String,
    /// What was found and what is allowed, e.g. `is 140, expected 0 to 100 (%)`.
    pub message: String,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, message: String) -> Self {
        Problem {
            path: path.into(),
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.path, self.message)
    }
}
