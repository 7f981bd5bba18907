//! Ranges and correlations: how sure a scenario's author is of its inputs.
//!
//! Any numeric input (a path `check` names, such as `chatbot.containment_pct`, or a custom
//! line's amount, `custom.lines[INDEX].amount`) can carry a low / likely / high estimate and a
//! shape in the optional `ranges` section; `correlations` declares rank correlations between
//! ranged inputs. Files without these sections are as before.
//!
//! **One source of truth.** The input's own value is the likely value. A range is kept as it
//! was set around a value (`likely` in the file, [`InputRange::at`] in memory) and moves with
//! the input: when the value moves by d (a slider, typing, goal seek, undo, or a text editor
//! that changed the value but not the range), low and high move by d too, within what the
//! input allows ([`Scenario::estimate`]). So a file stays valid whichever way its value
//! changes, and the band always lies around the headline. Files the program writes give every
//! range as low, likely (= the value) and high.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
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

/// A low / likely / high estimate of one input, as it was set around a value. Two ranges are
/// equal when they lie the same way around the value they were set around (the same distance
/// below and above it, the same shape): in a scenario, where the input's value is compared
/// too, that is the same range.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputRange {
    /// The lowest value thought possible, when the input was at [`InputRange::at`].
    pub low: Decimal,
    /// The value the range was set around: `likely` in files (written as a plain number,
    /// `likely: 30`). When the input has moved since, the range moves with it (see the module
    /// docs). `None` only before a file's ranges are anchored on reading: then the input's
    /// value is meant.
    #[serde(
        rename = "likely",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub at: Option<Decimal>,
    /// The highest value thought possible, when the input was at [`InputRange::at`].
    pub high: Decimal,
    /// The distribution between them.
    #[serde(default, skip_serializing_if = "Shape::is_default")]
    pub shape: Shape,
}

impl PartialEq for InputRange {
    fn eq(&self, other: &Self) -> bool {
        self.shape == other.shape
            && match (self.at, other.at) {
                (Some(a), Some(b)) => {
                    self.low - a == other.low - b && self.high - a == other.high - b
                }
                (None, None) => self.low == other.low && self.high == other.high,
                _ => false,
            }
    }
}

impl InputRange {
    /// A range from `low` to `high` set around `value`.
    pub fn around(value: Decimal, low: Decimal, high: Decimal, shape: Shape) -> Self {
        InputRange {
            low,
            at: Some(value),
            high,
            shape,
        }
    }

    /// Low and high for the input at `value`: moved by how far the value is from where the
    /// range was set, and kept within `bounds` (what the input allows).
    pub fn moved_to(&self, value: Decimal, (min, max): (Decimal, Decimal)) -> (Decimal, Decimal) {
        let shift = self.at.map_or(Decimal::ZERO, |at| value - at);
        (
            (self.low + shift).clamp(min, max),
            (self.high + shift).clamp(min, max),
        )
    }
}

/// What a range means for the input now: low, likely (the input's value) and high, and the
/// shape. Built by [`Scenario::estimate`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// The input the range is on.
    pub target: Target,
    /// The lowest value thought possible.
    pub low: Decimal,
    /// The input's value.
    pub likely: Decimal,
    /// The highest value thought possible.
    pub high: Decimal,
    /// The distribution between low and high.
    pub shape: Shape,
}

impl Estimate {
    /// Whether `value` lies from low to high.
    pub fn holds(&self, value: Decimal) -> bool {
        self.low <= value && value <= self.high
    }
}

impl Scenario {
    /// The range of the input at `path` as it stands for the input's value now (see the
    /// module docs), if the input has one.
    pub fn estimate(&self, path: &str) -> Option<Estimate> {
        let range = self.ranges.get(path)?;
        let target = Target::parse(path, self)?;
        let likely = target.get(self);
        let (low, high) = range.moved_to(likely, target.bounds());
        Some(Estimate {
            target,
            low,
            likely,
            high,
            shape: range.shape,
        })
    }

    /// Every range as it stands now, in the order of the paths (ranges that name no input are
    /// left out; `check` reports them).
    pub fn estimates(&self) -> impl Iterator<Item = (&str, Estimate)> {
        self.ranges
            .keys()
            .filter_map(|path| Some((path.as_str(), self.estimate(path)?)))
    }

    /// Sets where each range of a file was set around: its `likely`, or, where the file gives
    /// none, the input's value as read. Called once, right after a file is read.
    pub fn anchor_ranges(&mut self) {
        if self.ranges.len() > ranges_max() {
            // Refused by `check` for its size; nothing to anchor.
            return;
        }
        let values: Vec<(String, Decimal)> = self
            .ranges
            .iter()
            .filter(|(_, r)| r.at.is_none())
            .filter_map(|(path, _)| Some((path.clone(), Target::parse(path, self)?.get(self))))
            .collect();
        for (path, value) in values {
            if let Some(r) = self.ranges.get_mut(&path) {
                r.at = Some(value);
            }
        }
    }
}

/// The start of the message a repeated key of `ranges` or `sources` is refused with, followed
/// by the section and the key; the file reader words it with both places (see
/// [`crate::model::file`]).
pub const REPEATED_KEY: &str = "a second entry in ";

/// Reads a map from input paths (`section` names it), refusing a path given twice: a plain map
/// would keep the last one silently.
pub(crate) fn unique_map<'de, D, V>(
    d: D,
    section: &'static str,
) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Visitor<V>(&'static str, std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a map from input paths to {}", self.0)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((path, value)) = map.next_entry::<String, V>()? {
                if out.contains_key(&path) {
                    return Err(serde::de::Error::custom(format!(
                        "{REPEATED_KEY}{} {path:?}",
                        self.0
                    )));
                }
                out.insert(path, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visitor(section, std::marker::PhantomData))
}

/// Reads the `ranges` map, refusing a path given twice.
pub(crate) fn unique_ranges<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, InputRange>, D::Error> {
    unique_map(d, "ranges")
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

/// The most correlations a scenario may declare: far more than anyone writes by hand, few
/// enough that checking them stays instant.
pub const CORRELATIONS_MAX: usize = 100;

/// The most ranges a scenario may hold: one per input and custom line.
pub fn ranges_max() -> usize {
    crate::model::all_inputs().count() + crate::model::CUSTOM_LINES_MAX
}

/// Checks the ranges and correlations of `scenario` against its inputs, with every rule the
/// analysis applies: a scenario that passes can be analysed.
pub fn check(scenario: &Scenario) -> Vec<RangeProblem> {
    let mut problems = Vec::new();
    let mut push = |path: String, message: String| problems.push(RangeProblem { path, message });
    if scenario.ranges.len() > ranges_max() {
        push(
            "ranges".to_owned(),
            format!(
                "has {} ranges, expected at most {} (one per input and custom line)",
                scenario.ranges.len(),
                ranges_max()
            ),
        );
        // Refused for its size alone, not range by range.
        return problems;
    }
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
        let likely = range.at.unwrap_or_else(|| target.get(scenario));
        if range.low > range.high {
            push(
                at(""),
                format!(
                    "runs from {} down to {}; expected low ≤ high",
                    shown(range.low),
                    shown(range.high)
                ),
            );
        } else if range.shape != Shape::Uniform && (likely < range.low || likely > range.high) {
            push(
                at(""),
                format!(
                    "runs from {} to {} around {} (the likely value); expected low ≤ likely ≤ high",
                    shown(range.low),
                    shown(range.high),
                    shown(likely)
                ),
            );
        }
    }
    if scenario.correlations.len() > CORRELATIONS_MAX {
        push(
            "correlations".to_owned(),
            format!(
                "has {} entries, expected at most {CORRELATIONS_MAX}",
                scenario.correlations.len()
            ),
        );
        return problems;
    }
    let mut seen: std::collections::HashSet<(&str, &str)> = Default::default();
    let mut usable = Vec::new();
    for (i, (a, b, rho)) in scenario.correlations.iter().enumerate() {
        let at = format!("correlations[{i}]");
        let mut ok = true;
        if *rho < Decimal::NEGATIVE_ONE || *rho > Decimal::ONE {
            push(
                at.clone(),
                format!("has coefficient {}, expected -1 to 1", shown(*rho)),
            );
            ok = false;
        } else if rho.abs() == Decimal::ONE {
            push(
                at.clone(),
                format!(
                    "has coefficient {}: inputs that always move exactly together cannot be drawn apart; expected a coefficient strictly between -1 and 1 (e.g. {} for inputs that move together)",
                    shown(*rho),
                    if rho.is_sign_negative() {
                        "-0.99"
                    } else {
                        "0.99"
                    }
                ),
            );
            ok = false;
        }
        for p in [a, b] {
            if !scenario.ranges.contains_key(p) {
                push(
                    at.clone(),
                    format!(
                        "names {p:?}, which has no range; a correlation needs both inputs ranged"
                    ),
                );
                ok = false;
            }
        }
        if a == b {
            push(at.clone(), format!("correlates {a:?} with itself"));
            ok = false;
        }
        let key = if a <= b {
            (a.as_str(), b.as_str())
        } else {
            (b.as_str(), a.as_str())
        };
        if !seen.insert(key) {
            push(at, format!("repeats the pair {a:?}, {b:?}"));
            ok = false;
        }
        if ok {
            usable.push(i);
        }
    }
    if let Some((culprit, others)) = conflicting(&scenario.correlations, &usable) {
        let describe = |i: usize| {
            let (a, b, rho) = &scenario.correlations[i];
            format!("correlations[{i}] ({a}, {b}, {})", shown(*rho))
        };
        let with: Vec<String> = others.iter().map(|&i| describe(i)).collect();
        let (a, b, rho) = &scenario.correlations[culprit];
        push(
            format!("correlations[{culprit}]"),
            format!(
                "({a}, {b}, {}) cannot hold together with {}: no set of draws has all these rank correlations at once (their matrix is not positive definite); weaken or remove one of them",
                shown(*rho),
                with.join(" and ")
            ),
        );
    }
    problems
}

/// The first correlation (in file order, among `usable`) that cannot hold together with the
/// ones before it that share inputs with it, and those ones; none when all can hold.
fn conflicting(correlations: &[Correlation], usable: &[usize]) -> Option<(usize, Vec<usize>)> {
    let entry = |i: usize| {
        let (a, b, rho) = &correlations[i];
        (a.as_str(), b.as_str(), rho.to_f64().unwrap_or(0.0))
    };
    let all: Vec<(&str, &str, f64)> = usable.iter().map(|&i| entry(i)).collect();
    if feasible(&all) {
        return None;
    }
    // Add them one at a time; the first that breaks its connected group is named, with the
    // group's earlier members.
    let mut added: Vec<usize> = Vec::new();
    for &i in usable {
        let (a, b, _) = entry(i);
        // The earlier correlations connected to this one through shared inputs.
        let mut nodes: Vec<&str> = vec![a, b];
        let mut group: Vec<usize> = Vec::new();
        let mut grew = true;
        while grew {
            grew = false;
            for &j in &added {
                let (x, y, _) = entry(j);
                if !group.contains(&j) && (nodes.contains(&x) || nodes.contains(&y)) {
                    group.push(j);
                    for n in [x, y] {
                        if !nodes.contains(&n) {
                            nodes.push(n);
                        }
                    }
                    grew = true;
                }
            }
        }
        let mut test: Vec<(&str, &str, f64)> = group.iter().map(|&j| entry(j)).collect();
        test.push(entry(i));
        if !feasible(&test) {
            group.sort_unstable();
            return Some((i, group));
        }
        added.push(i);
    }
    None
}

/// Whether rank correlations between named inputs (every other pair uncorrelated) can hold at
/// once: the matrix of their normal scores' correlations must be positive definite, which is
/// what the Iman-Conover method needs.
fn feasible(entries: &[(&str, &str, f64)]) -> bool {
    let mut names: Vec<&str> = Vec::new();
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    for &(a, b, rho) in entries {
        let mut index = |n| match names.iter().position(|m| *m == n) {
            Some(i) => i,
            None => {
                names.push(n);
                names.len() - 1
            }
        };
        let (i, j) = (index(a), index(b));
        pairs.push((i, j, rho));
    }
    cholesky(&score_correlation(names.len(), &pairs)).is_some()
}

/// The lower Cholesky factor of a symmetric matrix; none when it is not positive definite.
pub fn cholesky(m: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let k = m.len();
    let mut l = vec![vec![0.0; k]; k];
    for i in 0..k {
        for j in 0..=i {
            let sum: f64 = (0..j).map(|p| l[i][p] * l[j][p]).sum();
            if i == j {
                let d = m[i][i] - sum;
                if d <= 1e-12 {
                    return None;
                }
                l[i][j] = d.sqrt();
            } else {
                l[i][j] = (m[i][j] - sum) / l[j][j];
            }
        }
    }
    Some(l)
}

/// The target correlation matrix of the normal scores: 2·sin(π·ρs/6) for each declared rank
/// correlation ρs, one on the diagonal.
pub fn score_correlation(k: usize, correlations: &[(usize, usize, f64)]) -> Vec<Vec<f64>> {
    let mut c = vec![vec![0.0; k]; k];
    for (i, row) in c.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for &(a, b, rho) in correlations {
        let pearson = 2.0 * (std::f64::consts::PI * rho / 6.0).sin();
        c[a][b] = pearson;
        c[b][a] = pearson;
    }
    c
}

/// The ranges as files carry them: low, likely and high for the input's value now (see the
/// module docs), so a reader of the file sees all three and they agree with the value.
pub fn written_ranges(scenario: &Scenario) -> BTreeMap<String, InputRange> {
    scenario
        .ranges
        .iter()
        .map(|(path, r)| {
            let range = match scenario.estimate(path) {
                Some(e) => InputRange::around(e.likely, e.low, e.high, e.shape),
                None => r.clone(),
            };
            (path.clone(), range)
        })
        .collect()
}
