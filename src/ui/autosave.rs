//! Autosave: every 30 seconds the unsaved scenarios are written into the app's data folder;
//! after a crash or kill the next start offers them back. A clean exit removes them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::model::Scenario;
use crate::model::file;

/// How often unsaved work is written.
pub const INTERVAL: Duration = Duration::from_secs(30);

const HEADER_SAVED: &str = "// roi-planner autosave; original file: ";
const HEADER_NEW: &str = "// roi-planner autosave; never saved";
/// The second line: the scenario's colour in the window, so recovered work keeps it.
const HEADER_COLOUR: &str = "// colour: ";

/// Work found in the autosave folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// The autosave file.
    pub file: PathBuf,
    /// The file the scenario was last saved to, if any.
    pub original: Option<PathBuf>,
    /// The scenario as it was.
    pub scenario: Scenario,
    /// When the autosave was written.
    pub written: Option<std::time::SystemTime>,
    /// Its colour in the window (none in autosaves written before colours were kept).
    pub colour: Option<usize>,
}

/// The autosave folder: `$ROI_PLANNER_DATA_DIR/autosave`, or the platform's data folder.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ROI_PLANNER_DATA_DIR") {
        return Some(PathBuf::from(d).join("autosave"));
    }
    directories::ProjectDirs::from("", "", "roi-planner").map(|p| p.data_dir().join("autosave"))
}

/// The autosave file of document `id` of this process.
pub fn file_for(dir: &Path, id: u64) -> PathBuf {
    dir.join(format!("unsaved-{}-{id}.ron", std::process::id()))
}

/// The text written for a scenario: a header naming its file and its colour, then the
/// scenario.
pub fn text(scenario: &Scenario, original: Option<&Path>, colour: usize) -> Option<String> {
    let body = file::to_ron(scenario).ok()?;
    let header = match original {
        Some(p) => format!("{HEADER_SAVED}{}", p.display()),
        None => HEADER_NEW.to_owned(),
    };
    Some(format!("{header}\n{HEADER_COLOUR}{colour}\n{body}"))
}

/// Reads every autosave file in `dir`; files that do not read are skipped.
pub fn scan(dir: &Path) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recovered> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|path| {
            let text = crate::files::read_text(&path).ok()?;
            let first = text.lines().next()?;
            let original = first.strip_prefix(HEADER_SAVED).map(PathBuf::from);
            if original.is_none() && first != HEADER_NEW {
                return None;
            }
            let colour = text
                .lines()
                .nth(1)
                .and_then(|l| l.strip_prefix(HEADER_COLOUR))
                .and_then(|n| n.trim().parse().ok());
            let scenario = file::parse_unchecked(&text).ok()?;
            let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            Some(Recovered {
                file: path,
                original,
                scenario,
                written,
                colour,
            })
        })
        .collect();
    found.sort_by(|a, b| a.file.cmp(&b.file));
    found
}
