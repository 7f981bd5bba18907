//! Reading and writing the scenario file format (RON), from and to text.
//!
//! Pure: the caller reads and writes the bytes (see [`crate::files`]). Every error names the
//! place it was found: line and column for the file's syntax and types, the field path for
//! values out of range.

use std::fmt;

use ron::extensions::Extensions;
use rust_decimal::Decimal;
use thiserror::Error;

use crate::model::{Problem, Scenario, ValidScenario, all_inputs};

/// The largest scenario file read, in bytes (10 MiB).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// How deep structures may nest before the file is refused.
const RECURSION_LIMIT: usize = 64;

/// Why a scenario text could not be turned into a valid scenario.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ParseError {
    /// The text is not RON, or not the shape of a scenario; line and column are 1-based.
    #[error("{line}:{column}: {message}")]
    Syntax {
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// What is wrong and what was expected.
        message: String,
    },
    /// The scenario reads, but some values are not allowed.
    #[error("{}", ProblemList(.0))]
    Invalid(Vec<Problem>),
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl ParseError {
    /// Each problem on its own line, prefixed with `prefix` (usually the file name).
    pub fn lines(&self, prefix: &str) -> Vec<String> {
        match self {
            ParseError::Syntax { .. } => vec![format!("{prefix}:{self}")],
            ParseError::Invalid(problems) => {
                problems.iter().map(|p| format!("{prefix}: {p}")).collect()
            }
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Reads a scenario from RON text without checking ranges. Inputs the file leaves out
/// because it is older than they are get the values that keep its results (see
/// [`crate::model::legacy`]).
pub fn parse_unchecked(text: &str) -> Result<Scenario, ParseError> {
    read(text).map(|(scenario, _)| scenario)
}

/// Reads a scenario and what is wrong with the `likely` values of its ranges, which are then
/// dropped: in memory the likely value is always the input's own.
fn read(text: &str) -> Result<(Scenario, Vec<Problem>), ParseError> {
    let mut scenario = options()
        .from_str::<Scenario>(text)
        .map_err(|e| ParseError::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: explain(text, &e),
        })?;
    scenario.fill_legacy();
    let likely = crate::model::uncertainty::check_likely(&scenario)
        .into_iter()
        .map(|p| Problem {
            path: p.path,
            message: p.message,
        })
        .collect();
    for range in scenario.ranges.values_mut() {
        range.likely = None;
    }
    Ok((scenario, likely))
}

/// Reads and validates a scenario from RON text.
pub fn parse(text: &str) -> Result<ValidScenario, ParseError> {
    let (scenario, mut problems) = read(text)?;
    match scenario.validate() {
        Ok(valid) if problems.is_empty() => Ok(valid),
        Ok(_) => Err(ParseError::Invalid(problems)),
        Err(found) => {
            problems.extend(found);
            Err(ParseError::Invalid(problems))
        }
    }
}

/// Writes a scenario as readable RON text, ending in a newline.
pub fn to_ron(scenario: &Scenario) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("    ")
        .struct_names(true)
        .extensions(Extensions::empty());
    // The likely value of each range is the input's own value: written out so a reader of the
    // file sees all three.
    let synced;
    let scenario = if scenario.ranges.is_empty() {
        scenario
    } else {
        synced = Scenario {
            ranges: crate::model::uncertainty::with_likely(scenario),
            ..scenario.clone()
        };
        &synced
    };
    let mut text = options().to_string_pretty(scenario, pretty)?;
    text.push('\n');
    Ok(text)
}

/// Says what is wrong in words a user can act on. The RON reader names neither the field nor
/// the value for some errors (`Integer is out of bounds`, `Expected boolean`), so the line
/// the error is on supplies them.
fn explain(text: &str, e: &ron::error::SpannedError) -> String {
    let start = e.span.start;
    let source = text.lines().nth(start.line.saturating_sub(1)).unwrap_or("");
    let entry = field_at(source, start.col).map(|(field, value)| (field, shorten(value)));
    if let Some((field, value)) = &entry {
        if let Some((min, max)) = whole_range(field)
            && value.parse::<u32>().is_err()
        {
            return format!("{field} is {value}, expected a whole number from {min} to {max}");
        }
        if e.code == ron::Error::ExpectedBoolean {
            return format!("{field} is {value}, expected true or false");
        }
    }
    let message = friendly(e.code.to_string());
    match entry {
        Some((field, value)) if !message.contains("found") && !message.contains("named") => {
            format!("{message} in `{field}: {value}`")
        }
        _ => message,
    }
}

/// At most 40 characters of `value`, so a long or deeply nested value fits in a message.
fn shorten(value: &str) -> String {
    const MAX_CHARS: usize = 40;
    match value.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    }
}

/// The field and the value around column `column` (1-based, in characters) of a line such
/// as `horizon_months: -1, // comment`: the name before the nearest colon to the left, and
/// what follows that colon up to a comma, a closing bracket or a comment.
fn field_at(line: &str, column: usize) -> Option<(&str, &str)> {
    let at = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let colon = line.get(..at)?.rfind(':')?;
    let before = line.get(..colon)?.trim_end();
    let name_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let field = before.get(name_start..)?;
    let rest = line.get(colon + 1..)?;
    let rest = rest.split("//").next().unwrap_or_default();
    let value = rest
        .split([',', ')', ']'])
        .next()
        .unwrap_or_default()
        .trim();
    (!field.is_empty() && !value.is_empty()).then_some((field, value))
}

/// The allowed range of a whole-number input (a month or a count of months) called `field`,
/// when every input of that name shares it.
fn whole_range(field: &str) -> Option<(Decimal, Decimal)> {
    let mut ranges = all_inputs()
        .filter(|d| d.whole && d.field() == field)
        .map(|d| (d.min, d.max));
    let first = ranges.next()?;
    ranges.all(|r| r == first).then_some(first)
}

/// Replaces the decimal library's wording with what a user can act on.
fn friendly(message: String) -> String {
    message.replace(
        "a Decimal type representing a fixed-point number",
        "a number of at most 28 digits",
    )
}
