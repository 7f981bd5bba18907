//! Where each input's value comes from: the user's own source (who gave it, when) and note,
//! by input path, saved in the scenario file (`sources: {"chatbot.containment_pct": (source:
//! "Vendor pilot, J. de Vries, March 2026", note: "…")}`). An input without one falls back on
//! the source its default cites (the descriptor table).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Lang, Problem, Scenario, input_by_path};

/// The most characters a source or a note holds.
pub const TEXT_MAX_CHARS: usize = 500;

/// One input's source and note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputSource {
    /// Who gave the value and when, or where it was read.
    #[serde(default)]
    pub source: String,
    /// The user's own note on it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl InputSource {
    /// Whether it says nothing.
    pub fn is_empty(&self) -> bool {
        self.source.trim().is_empty() && self.note.trim().is_empty()
    }
}

/// Reads the `sources` map, refusing a path given twice (as `ranges` is read).
pub(crate) fn unique_sources<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, InputSource>, D::Error> {
    crate::model::uncertainty::unique_map(d, "sources")
}

/// What is wrong with a scenario's sources: a path that is no input, a text too long.
pub fn check(s: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    for (path, source) in &s.sources {
        let at = format!("sources.{path}");
        if input_by_path(path).is_none() {
            out.push(Problem::new(
                at.clone(),
                "is no input; expected an input's path, as check names them (chatbot.containment_pct)"
                    .to_owned(),
            ));
        }
        for (field, text) in [("source", &source.source), ("note", &source.note)] {
            let n = text.chars().count();
            if n > TEXT_MAX_CHARS {
                out.push(Problem::new(
                    format!("{at}.{field}"),
                    format!("is {n} characters long, expected at most {TEXT_MAX_CHARS}"),
                ));
            }
        }
    }
    out
}

/// Where an input's value comes from, as the report prints it: the user's source (with the
/// note), else the source its default cites, marked so; empty when neither says anything.
pub fn source_text(s: &Scenario, path: &str, lang: Lang) -> String {
    if let Some(own) = s.sources.get(path).filter(|x| !x.is_empty()) {
        return match (own.source.trim(), own.note.trim()) {
            (source, "") => source.to_owned(),
            ("", note) => note.to_owned(),
            (source, note) => format!("{source}. {note}"),
        };
    }
    match input_by_path(path).and_then(|d| d.source) {
        Some(text) => crate::tr!(
            lang,
            "Default's source: {}",
            "Bron van de standaardwaarde: {}",
            text.get(lang)
        ),
        None => String::new(),
    }
}
