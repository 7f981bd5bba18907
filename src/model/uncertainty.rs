//! Ranges and correlations: how sure a scenario's author is of its inputs.
//!
//! Any numeric input (a path `check` names, such as `chatbot.containment_pct`, or a custom
//! line's amount, `custom.lines[INDEX].amount`) can carry a low / likely / high estimate and a
//! shape in the optional `ranges` section; `correlations` declares rank correlations between
//! ranged inputs. The likely value is always the input's own value: a file may repeat it as
//! `likely` (then it must equal the input), and files written by the program do, except for
//! `Uniform`, which has no likely value. Files without these sections are as before.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{CUSTOM_AMOUNT_MAX, InputDescriptor, Scenario, Slot, SlotRef, input_by_path};

/// The shape of a range's distribution.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Shape {
    /// Triangular: low, likely, high.
    #[default]
    Triangular,
    /// PERT (a smooth beta curve through low, likely, high; weights the likely value more).
    Pert,
    /// Uniform between low and high: no value more likely than another.
    Uniform,
}

impl Shape {
    /// Every shape, in the order the window offers them.
    pub const ALL: [Shape; 3] = [Shape::Triangular, Shape::Pert, Shape::Uniform];

    fn is_default(&self) -> bool {
        *self == Shape::Triangular
    }
}

/// A low / likely / high estimate of one input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputRange {
    /// The lowest value thought possible.
    pub low: Decimal,
    /// The most likely value: the input's own value (see the module docs). Written as a plain
    /// number (`likely: 30`), not `Some(30)`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub likely: Option<Decimal>,
    /// The highest value thought possible.
    pub high: Decimal,
    /// The distribution between them.
    #[serde(default, skip_serializing_if = "Shape::is_default")]
    pub shape: Shape,
}

/// Reads a plain number into `Some`.
pub(crate) fn plain_some<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Decimal>, D::Error> {
    <Decimal as Deserialize>::deserialize(d).map(Some)
}

/// Writes `Some(x)` as the plain number `x` (`None` is never written).
pub(crate) fn plain_option<S: serde::Serializer>(
    v: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => Serialize::serialize(d, s),
        None => s.serialize_none(),
    }
}

/// What a range's path names: an input of the descriptor table or a custom line's amount.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// An input of the descriptor table.
    Input(&'static InputDescriptor),
    /// The amount of the custom line with this index.
    CustomAmount(usize),
}

impl Target {
    /// The target a path names in `scenario`, if any.
    pub fn parse<N>(path: &str, scenario: &Scenario<N>) -> Option<Target> {
        if let Some(d) = input_by_path(path) {
            return Some(Target::Input(d));
        }
        let index = path
            .strip_prefix("custom.lines[")?
            .strip_suffix("].amount")?
            .parse::<usize>()
            .ok()?;
        (index < scenario.custom.lines.len()).then_some(Target::CustomAmount(index))
    }

    /// The path as files and `check` name it.
    pub fn path(&self) -> String {
        match self {
            Target::Input(d) => d.path.to_owned(),
            Target::CustomAmount(i) => custom_amount_path(*i),
        }
    }

    /// The smallest and largest value the input allows.
    pub fn bounds(&self) -> (Decimal, Decimal) {
        match self {
            Target::Input(d) => (d.min, d.max),
            Target::CustomAmount(_) => (Decimal::ZERO, CUSTOM_AMOUNT_MAX),
        }
    }

    /// Whether only whole numbers are allowed.
    pub fn whole(&self) -> bool {
        matches!(self, Target::Input(d) if d.whole)
    }

    /// The input's value in `scenario`.
    pub fn get(&self, scenario: &Scenario) -> Decimal {
        match self {
            Target::Input(d) => scenario.get(d),
            Target::CustomAmount(i) => scenario
                .custom
                .lines
                .get(*i)
                .map_or(Decimal::ZERO, |l| l.amount),
        }
    }

    /// Sets the input's value in a scenario of any number type (months are rounded).
    pub fn set<N>(&self, scenario: &mut Scenario<N>, value: N, months: u32) {
        match self {
            Target::Input(d) => match scenario.slot(d) {
                Some(Slot::Value(v)) => *v = value,
                Some(Slot::Months(m)) => *m = months,
                None => {}
            },
            Target::CustomAmount(i) => {
                if let Some(line) = scenario.custom.lines.get_mut(*i) {
                    line.amount = value;
                }
            }
        }
    }

    /// The input's value in a scenario of any number type, with months as `f64`.
    pub fn get_f64(&self, scenario: &Scenario<f64>) -> f64 {
        match self {
            Target::Input(d) => match scenario.slot_ref(d) {
                Some(SlotRef::Value(v)) => *v,
                Some(SlotRef::Months(m)) => f64::from(m),
                None => 0.0,
            },
            Target::CustomAmount(i) => scenario.custom.lines.get(*i).map_or(0.0, |l| l.amount),
        }
    }
}

/// The path of custom line `index`'s amount.
pub fn custom_amount_path(index: usize) -> String {
    format!("custom.lines[{index}].amount")
}

/// The index of the custom line a path names, if it names one.
pub fn custom_line_of(path: &str) -> Option<usize> {
    path.strip_prefix("custom.lines[")?
        .split_once(']')?
        .0
        .parse()
        .ok()
}

/// A rank correlation between two ranged inputs: (path, path, coefficient from −1 to 1).
pub type Correlation = (String, String, Decimal);

/// One thing wrong with the ranges or correlations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeProblem {
    /// Where, e.g. `ranges["chatbot.containment_pct"].low`.
    pub path: String,
    /// What was found and what is allowed.
    pub message: String,
}

impl fmt::Display for RangeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.path, self.message)
    }
}

fn shown(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Checks the ranges and correlations of `scenario` against its inputs.
pub fn check(scenario: &Scenario) -> Vec<RangeProblem> {
    let mut problems = Vec::new();
    let mut push = |path: String, message: String| problems.push(RangeProblem { path, message });
    for (path, range) in &scenario.ranges {
        let at = |field: &str| format!("ranges[{path:?}]{field}");
        let Some(target) = Target::parse(path, scenario) else {
            push(
                at(""),
                "names no input; expected an input path as `check` names it (e.g. \"chatbot.containment_pct\") or \"custom.lines[N].amount\" for an existing line".to_owned(),
            );
            continue;
        };
        let (min, max) = target.bounds();
        for (field, value) in [(".low", range.low), (".high", range.high)] {
            if value < min || value > max {
                push(
                    at(field),
                    format!(
                        "is {}, expected {} to {} (the input's allowed range)",
                        shown(value),
                        shown(min),
                        shown(max)
                    ),
                );
            }
        }
        let value = target.get(scenario);
        if range.low > range.high {
            push(
                at(""),
                format!(
                    "runs from {} down to {}; expected low ≤ high",
                    shown(range.low),
                    shown(range.high)
                ),
            );
        } else if range.shape != Shape::Uniform && (value < range.low || value > range.high) {
            push(
                at(""),
                format!(
                    "is {} to {}, but {path} (the likely value) is {}; expected low ≤ likely ≤ high",
                    shown(range.low),
                    shown(range.high),
                    shown(value)
                ),
            );
        }
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (i, (a, b, rho)) in scenario.correlations.iter().enumerate() {
        let at = format!("correlations[{i}]");
        if *rho < Decimal::NEGATIVE_ONE || *rho > Decimal::ONE {
            push(
                at.clone(),
                format!("has coefficient {}, expected -1 to 1", shown(*rho)),
            );
        }
        for p in [a, b] {
            if !scenario.ranges.contains_key(p) {
                push(
                    at.clone(),
                    format!(
                        "names {p:?}, which has no range; a correlation needs both inputs ranged"
                    ),
                );
            }
        }
        if a == b {
            push(at.clone(), format!("correlates {a:?} with itself"));
        }
        let key = if a <= b {
            (a.as_str(), b.as_str())
        } else {
            (b.as_str(), a.as_str())
        };
        if seen.contains(&key) {
            push(at, format!("repeats the pair {a:?}, {b:?}"));
        }
        seen.push(key);
    }
    problems
}

/// Checks the `likely` values a file gives: each must equal its input's value, and a `Uniform`
/// range has none. (In memory the likely value is always the input's own, so only files are
/// checked.)
pub fn check_likely(scenario: &Scenario) -> Vec<RangeProblem> {
    let mut problems = Vec::new();
    for (path, range) in &scenario.ranges {
        let (Some(likely), Some(target)) = (range.likely, Target::parse(path, scenario)) else {
            continue;
        };
        let value = target.get(scenario);
        let message = if range.shape == Shape::Uniform {
            format!(
                "is {}, but a Uniform range has no likely value; leave it out",
                shown(likely)
            )
        } else if likely != value {
            format!(
                "is {}, but {path} is {}; the likely value is the input's own value: make them equal or leave likely out",
                shown(likely),
                shown(value)
            )
        } else {
            continue;
        };
        problems.push(RangeProblem {
            path: format!("ranges[{path:?}].likely"),
            message,
        });
    }
    problems
}

/// The ranges with `likely` set to each input's value (left out for `Uniform`), as files
/// written by the program carry them.
pub fn with_likely(scenario: &Scenario) -> BTreeMap<String, InputRange> {
    scenario
        .ranges
        .iter()
        .map(|(path, r)| {
            let likely = match (r.shape, Target::parse(path, scenario)) {
                (Shape::Uniform, _) | (_, None) => None,
                (_, Some(t)) => Some(t.get(scenario)),
            };
            (
                path.clone(),
                InputRange {
                    likely,
                    ..r.clone()
                },
            )
        })
        .collect()
}
