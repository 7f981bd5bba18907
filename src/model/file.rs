//! Reading and writing the scenario file format (RON), from and to text.
//!
//! Pure: the caller reads and writes the bytes (see [`crate::files`]). Every error names the
//! place it was found: line and column for the file's syntax and types, the field path for
//! values out of range.

use std::fmt;

use ron::extensions::Extensions;
use thiserror::Error;

use crate::model::{Problem, Scenario, ValidScenario};

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

/// Reads a scenario from RON text without checking ranges.
pub fn parse_unchecked(text: &str) -> Result<Scenario, ParseError> {
    options().from_str::<Scenario>(text).map_err(|e| ParseError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message: friendly(e.code.to_string()),
    })
}

/// Reads and validates a scenario from RON text.
pub fn parse(text: &str) -> Result<ValidScenario, ParseError> {
    parse_unchecked(text)?.validate().map_err(ParseError::Invalid)
}

/// Writes a scenario as readable RON text, ending in a newline.
pub fn to_ron(scenario: &Scenario) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("    ")
        .struct_names(true)
        .extensions(Extensions::empty());
    let mut text = options().to_string_pretty(scenario, pretty)?;
    text.push('\n');
    Ok(text)
}

/// Replaces the decimal library's wording with what a user can act on.
fn friendly(message: String) -> String {
    message.replace(
        "a Decimal type representing a fixed-point number",
        "a number of at most 28 digits",
    )
}
