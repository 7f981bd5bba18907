//! Scenario files on disk: reading with a size limit, and saving atomically (a temporary
//! file beside the target, then a rename and a sync of the folder), so a crash during a save
//! leaves the old file whole.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::actuals::{self, MonthActuals};
use crate::model::file::{self, MAX_FILE_BYTES, ParseError};
use crate::model::{Scenario, ValidScenario};

/// Why a scenario file could not be opened.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is larger than a scenario can be.
    #[error("{}: the file is larger than 10 MiB; a scenario file is a few kilobytes", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// The file is not text.
    #[error(
        "{}:{line}:{column}: the byte 0x{byte:02X} is not UTF-8 text; expected a RON scenario file",
        .path.display()
    )]
    NotText {
        /// The file.
        path: PathBuf,
        /// Line of the first byte that is not text, 1-based.
        line: usize,
        /// Column of that byte, 1-based, counting characters.
        column: usize,
        /// The byte.
        byte: u8,
    },
    /// The text is not a valid scenario.
    #[error("{}", .error.lines(&.path.display().to_string()).join("\n"))]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line and column or field path.
        error: ParseError,
    },
}

impl LoadError {
    /// Each problem on its own line, each naming the file.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Parse { path, error } => error.lines(&path.display().to_string()),
            other => vec![other.to_string()],
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as text.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid_up_to = e.utf8_error().valid_up_to();
        let text =
            std::str::from_utf8(bytes.get(..valid_up_to).unwrap_or_default()).unwrap_or_default();
        let last_line = text.rsplit('\n').next().unwrap_or_default();
        LoadError::NotText {
            path: path.to_owned(),
            line: text.matches('\n').count() + 1,
            column: last_line.chars().count() + 1,
            byte: bytes.get(valid_up_to).copied().unwrap_or_default(),
        }
    })
}

/// Reads the actuals in a CSV file (at most [`actuals::CSV_MAX_BYTES`], UTF-8, a byte order
/// mark allowed) for a plan of `horizon` months. Every problem comes back as a line naming the
/// file.
pub fn read_actuals(path: &Path, horizon: u32) -> Result<Vec<MonthActuals>, Vec<String>> {
    let name = path.display().to_string();
    let fail = |message: String| vec![format!("{name}: {message}")];
    let file = fs::File::open(path).map_err(|e| fail(format!("cannot be read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(actuals::CSV_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > actuals::CSV_MAX_BYTES {
        return Err(fail(format!(
            "is larger than {} MB; expected a CSV of monthly figures (a few kilobytes)",
            actuals::CSV_MAX_BYTES / (1024 * 1024)
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "is not UTF-8 text (byte {} is not); save it as CSV UTF-8",
            e.utf8_error().valid_up_to() + 1
        ))
    })?;
    actuals::read_csv(&text, horizon).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| format!("{name}: {p}"))
            .collect()
    })
}

/// Reads and validates a scenario file.
pub fn load(path: &Path) -> Result<ValidScenario, LoadError> {
    let text = read_text(path)?;
    file::parse(&text).map_err(|error| LoadError::Parse {
        path: path.to_owned(),
        error,
    })
}

/// Why a scenario could not be saved.
#[derive(Debug, Error)]
pub enum SaveError {
    /// The scenario could not be written as RON.
    #[error("{}: cannot write the scenario as RON: {source}", .path.display())]
    Encode {
        /// The file.
        path: PathBuf,
        /// What the encoder said.
        source: ron::Error,
    },
    /// The file could not be written; the old file, if any, is unchanged.
    #[error("{}: cannot save: {source}; the file on disk is unchanged", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// Saves a scenario atomically.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), SaveError> {
    let text = file::to_ron(scenario).map_err(|source| SaveError::Encode {
        path: path.to_owned(),
        source,
    })?;
    write_atomic(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes `bytes` to `path` atomically: to a temporary file beside it, flushed to disk, then
/// renamed over `path`, and the folder synced so the rename survives a power cut. The file
/// keeps its permissions. On failure the temporary file is removed and `path` is untouched.
/// The `atomic-write-file` crate does the work.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // A folder in the way would fail only at the rename, after the temporary file is written.
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "a folder has that name",
        ));
    }
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    // Dropping the file without `commit` discards the temporary file.
    file.commit()
}
