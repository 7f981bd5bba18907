//! Files on disk: reading a scenario or an actuals CSV with a size limit, and writing any
//! file atomically (a temporary file beside the target, then a rename and a sync of the
//! folder), so a crash during a save leaves the old file whole and no partial file behind.
//! Symbolic links are written through; read-only files are refused.

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
/// file, in `lang`.
pub fn read_actuals(
    path: &Path,
    horizon: u32,
    lang: crate::model::Lang,
) -> Result<Vec<MonthActuals>, Vec<String>> {
    let name = path.display().to_string();
    let fail = |message: String| vec![format!("{name}: {message}")];
    let unreadable = |e: std::io::Error| {
        fail(crate::tr!(
            lang,
            "cannot be read: {}",
            "is niet te lezen: {}",
            e
        ))
    };
    let file = fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(actuals::CSV_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > actuals::CSV_MAX_BYTES {
        return Err(fail(crate::tr!(
            lang,
            "is larger than {} MB; expected a CSV of monthly figures (a few kilobytes)",
            "is groter dan {} MB; verwacht een CSV met maandcijfers (een paar kilobyte)",
            actuals::CSV_MAX_BYTES / (1024 * 1024)
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(crate::tr!(
            lang,
            "is not UTF-8 text (byte {} is not); save it as CSV UTF-8",
            "is geen UTF-8-tekst (byte {} niet); sla het op als CSV UTF-8",
            e.utf8_error().valid_up_to() + 1
        ))
    })?;
    actuals::read_csv(&text, horizon, lang).map_err(|problems| {
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
/// renamed over `path`, and the folder synced so the rename survives a power cut.
///
/// - A symbolic link is followed: its target is written (and keeps its permissions); the link
///   stays a link.
/// - An existing file keeps its permissions; a read-only one is refused and left as it is.
/// - On failure the temporary file is removed and `path` is untouched. A temporary file left
///   by a program that was killed mid-write (`kill -9`, a power cut) is removed by the next
///   write to the same file; Ctrl+C removes it at once (see [`remove_in_flight`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = follow_links(path)?;
    if target.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "a folder has that name",
        ));
    }
    let existing = match fs::metadata(&target) {
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if existing.as_ref().is_some_and(fs::Permissions::readonly) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; nothing was written (make it writable, or choose another name)",
        ));
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "expected a file name",
        ));
    };
    remove_stale_temporaries(&dir, &name);
    let temp = dir.join(temporary_name(&name, std::process::id()));
    in_flight(|files| files.push(temp.clone()));
    let result = write_then_rename(&temp, &target, bytes, existing);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    in_flight(|files| files.retain(|f| f != &temp));
    result?;
    // The rename is only durable once the folder is on disk too (not possible on Windows).
    if let Ok(folder) = fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn write_then_rename(
    temp: &Path,
    target: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    if let Some(p) = permissions {
        fs::set_permissions(temp, p)?;
    }
    fs::rename(temp, target)
}

/// `path`, or where its chain of symbolic links ends (each link read relative to its folder).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many symbolic links in a row"))
}

/// The hidden temporary file a write of `name` by process `pid` goes through.
fn temporary_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}{TEMPORARY_SUFFIX}")
}

/// How temporary files end, so a later write can recognise what an earlier one left.
const TEMPORARY_SUFFIX: &str = ".roi-planner-partial";

/// Removes the temporary files of `name` in `dir` that no running write owns: left by a
/// process that was killed mid-write.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let ours: Vec<PathBuf> = in_flight(|files| files.clone());
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(TEMPORARY_SUFFIX))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let path = entry.path();
        let alive = if pid == std::process::id() {
            ours.contains(&path)
        } else {
            process_running(pid, &path)
        };
        if !alive {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Whether process `pid` still runs (Linux: it has a `/proc` entry); elsewhere a temporary
/// file untouched for an hour counts as left behind.
fn process_running(pid: u32, temp: &Path) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        fs::metadata(temp)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age < std::time::Duration::from_secs(3600))
    }
}

/// The temporary files of the writes under way in this process.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn in_flight<R>(f: impl FnOnce(&mut Vec<PathBuf>) -> R) -> R {
    let mut files = IN_FLIGHT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f(&mut files)
}

/// Removes the temporary files of the writes under way: for an interrupt (Ctrl+C), just before
/// the program ends, so nothing half-written stays behind.
pub fn remove_in_flight() {
    in_flight(|files| {
        for f in files.drain(..) {
            let _ = fs::remove_file(f);
        }
    });
}
