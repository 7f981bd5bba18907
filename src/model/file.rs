//! Reading and writing the scenario file format (RON), from and to text.
//!
//! Pure: the caller reads and writes the bytes (see [`crate::files`]). Every error names the
//! place it was found: line and column for the file's syntax and types, the field path for
//! values out of range.

use std::fmt;

use ron::extensions::Extensions;
use rust_decimal::Decimal;
use serde::Deserialize;
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
/// [`crate::model::legacy`]); each range is anchored where the file set it (see
/// [`crate::model::uncertainty`]).
pub fn parse_unchecked(text: &str) -> Result<Scenario, ParseError> {
    let text = normalize(text);
    let mut scenario = options()
        .from_str::<Scenario>(&text)
        .map_err(|e| syntax(&text, &e))?;
    // A left-out field reads as zero; only then must the text say whether it was there.
    let given = if scenario.chatbot.handle_time_saved_minutes.is_zero()
        || scenario.finance.revenue_risk_pct.is_zero()
    {
        options()
            .from_str::<Given>(&text)
            .map_err(|e| syntax(&text, &e))?
            .into()
    } else {
        crate::model::legacy::Given {
            chatbot_handle_time_saved: true,
            revenue_risk: true,
        }
    };
    scenario.fill_legacy(given);
    scenario.anchor_ranges();
    Ok(scenario)
}

/// The text as the RON reader takes it: without a byte order mark, with `\n` ending every
/// line (Windows' `\r\n` and old Macs' lone `\r` too, so a `//` comment ends where the
/// editor shows it ending and line numbers in messages match the editor's).
fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn syntax(text: &str, e: &ron::error::SpannedError) -> ParseError {
    let (line, column, message) = explain(text, e);
    ParseError::Syntax {
        line,
        column,
        message,
    }
}

/// Reads and validates a scenario from RON text.
pub fn parse(text: &str) -> Result<ValidScenario, ParseError> {
    parse_unchecked(text)?
        .validate()
        .map_err(ParseError::Invalid)
}

/// Which of the inputs whose older-file value depends on another input the file gives (see
/// [`crate::model::legacy::Given`]), read from the same text as the scenario; everything
/// else in it is skipped.
#[derive(serde::Deserialize, Default)]
#[serde(rename = "Scenario", default)]
struct Given {
    #[serde(deserialize_with = "section")]
    chatbot: Option<GivenChatbot>,
    finance: GivenFinance,
}

#[derive(serde::Deserialize, Default)]
#[serde(rename = "Chatbot", default)]
struct GivenChatbot {
    #[serde(deserialize_with = "present")]
    handle_time_saved_minutes: bool,
}

#[derive(serde::Deserialize, Default)]
#[serde(rename = "Finance", default)]
struct GivenFinance {
    #[serde(deserialize_with = "present")]
    revenue_risk_pct: bool,
}

/// A section that is there (RON would otherwise expect `Some(…)` around it).
fn section<'de, D: serde::Deserializer<'de>, T: serde::Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Any value: the field is there.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

impl From<Given> for crate::model::legacy::Given {
    fn from(g: Given) -> Self {
        crate::model::legacy::Given {
            // A file without a chatbot section has it switched off with its defaults.
            chatbot_handle_time_saved: g.chatbot.is_none_or(|c| c.handle_time_saved_minutes),
            revenue_risk: g.finance.revenue_risk_pct,
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
    // Each range as it stands for its input's value now, with that value as `likely`.
    let synced;
    let scenario = if scenario.ranges.is_empty() {
        scenario
    } else {
        synced = Scenario {
            ranges: crate::model::uncertainty::written_ranges(scenario),
            ..scenario.clone()
        };
        &synced
    };
    let mut text = options().to_string_pretty(scenario, pretty)?;
    text.push('\n');
    Ok(text)
}

/// Says what is wrong in words a user can act on, and where: the line and column (1-based).
/// The RON reader names neither the field nor the value for some errors (`Integer is out of
/// bounds`, `Expected boolean`), so the line the error is on supplies them.
fn explain(text: &str, e: &ron::error::SpannedError) -> (usize, usize, String) {
    let start = e.span.start;
    let here = |message: String| (start.line, start.col, message);
    if let ron::Error::Message(m) = &e.code
        && let Some(rest) = m.strip_prefix(crate::model::uncertainty::REPEATED_KEY)
        && let Some((section, path)) = rest.split_once(' ')
    {
        let places = key_places_in(text, section, path);
        return match places.as_slice() {
            [(l1, c1), (l2, c2), ..] => (
                *l2,
                *c2,
                format!(
                    "{section} gives {path} a second time (first at {l1}:{c1}); expected each input at most once"
                ),
            ),
            _ => here(format!(
                "{section} gives {path} a second time; expected each input at most once"
            )),
        };
    }
    if let ron::Error::DuplicateStructField { field, outer } = &e.code {
        let part = outer.as_deref().map_or("the scenario", section_name);
        return here(format!(
            "{part} gives {field} a second time; expected each field once"
        ));
    }
    let source = text.lines().nth(start.line.saturating_sub(1)).unwrap_or("");
    let entry = field_at(source, start.col).map(|(field, value)| (field, shorten(value)));
    if let Some((field, value)) = &entry {
        if let Some((min, max)) = whole_range(field)
            && value.parse::<u32>().is_err()
        {
            return here(if min == max {
                format!("{field} is {value}, expected {min}")
            } else {
                format!("{field} is {value}, expected a whole number from {min} to {max}")
            });
        }
        if let ron::Error::InvalidValueForType { expected, found } = &e.code
            && expected.contains("Decimal")
        {
            let numeric = found.contains("floating point") || found.contains("integer");
            return here(if numeric {
                format!(
                    "{field} is {value}, which is not a number this program can hold; expected a number of at most 28 digits"
                )
            } else {
                format!("{field} is {value}, expected a number (at most 28 digits)")
            });
        }
        if e.code == ron::Error::ExpectedComma {
            return here(format!(
                "{field} is `{value}`: expected one value, then a comma before the next field"
            ));
        }
        if e.code == ron::Error::ExpectedBoolean {
            return here(format!("{field} is {value}, expected true or false"));
        }
        if let Some(allowed) = choices(field) {
            let known = matches!(&e.code, ron::Error::NoSuchEnumVariant { .. })
                || matches!(
                    &e.code,
                    ron::Error::ExpectedIdentifier
                        | ron::Error::InvalidIdentifier(_)
                        | ron::Error::SuggestRawIdentifier(_)
                        | ron::Error::ExpectedStructLike
                        | ron::Error::ExpectedNamedStructLike(_)
                        | ron::Error::ExpectedUnit
                );
            if known {
                return here(format!("{field} is {value}, expected {allowed}"));
            }
        }
        if matches!(
            e.code,
            ron::Error::ExpectedFloat
                | ron::Error::ExpectedInteger
                | ron::Error::FloatUnderscore
                | ron::Error::IntegerOutOfBounds
                | ron::Error::InvalidIntegerDigit { .. }
                | ron::Error::UnderscoreAtBeginning
        ) {
            return here(format!(
                "{field} is {value}, expected a number such as 12 or 12.5 (a point as the decimal mark, no thousands separators)"
            ));
        }
    }
    let message = friendly(e.code.to_string());
    here(match entry {
        Some((field, value)) if !message.contains("found") && !message.contains("named") => {
            format!("{message} in `{field}: {value}`")
        }
        _ => message,
    })
}

/// Where the map key `quoted` (a path in quotes, as the error names it) stands in `text`, as
/// (line, column): each place it is followed by a colon.
/// [`key_places`] inside the scenario's `section` map only (another map, `sources`, names the
/// same paths).
fn key_places_in(text: &str, section: &str, quoted: &str) -> Vec<(usize, usize)> {
    let mut inside = Vec::new();
    let mut depth: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match depth {
            None if trimmed.starts_with(&format!("{section}:")) => depth = Some(indent),
            Some(d) if indent == d && trimmed.starts_with('}') => depth = None,
            Some(_) => inside.push(i + 1),
            None => {}
        }
    }
    key_places(text, quoted)
        .into_iter()
        .filter(|(line, _)| inside.contains(line))
        .collect()
}

fn key_places(text: &str, quoted: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(found) = line.get(from..).and_then(|rest| rest.find(quoted)) {
            let at = from + found;
            let after = line.get(at + quoted.len()..).unwrap_or_default();
            if after.trim_start().starts_with(':') {
                out.push((i + 1, line[..at].chars().count() + 1));
            }
            from = at + quoted.len();
        }
    }
    out
}

/// A part of the scenario as a message names it, from its type's name.
fn section_name(outer: &str) -> &str {
    match outer {
        "Scenario" => "the scenario",
        "MonthActuals" => "a month of actuals",
        "InputRange" => "a range",
        "CustomLine" => "a custom line",
        "Baseline" => "baseline",
        "Chatbot" => "chatbot",
        "Omnichannel" => "omnichannel",
        "Training" => "training",
        "Finance" => "finance",
        "Custom" => "custom",
        other => other,
    }
}

/// What a field that takes one of a few words allows, in words.
fn choices(field: &str) -> Option<&'static str> {
    Some(match field {
        "ramp_shape" => "Linear or SCurve",
        "shape" => "Triangular, Pert or Uniform",
        "kind" => "Cost or Benefit",
        "timing" => "OneOff(month: M), Monthly(from: A, to: B) or Spread(from: A, to: B)",
        _ => return None,
    })
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

/// The allowed range of a whole-number field called `field`: an input (a month or a count of
/// months) when every input of that name shares it, a month of the actuals or of a custom
/// line, or the schema version.
fn whole_range(field: &str) -> Option<(Decimal, Decimal)> {
    let month_max = crate::model::FINANCE_INPUTS[0].max;
    match field {
        "month" | "from" | "to" => return Some((Decimal::ONE, month_max)),
        "schema_version" => {
            return Some((Decimal::ONE, Decimal::from(crate::model::SCHEMA_VERSION)));
        }
        _ => {}
    }
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
