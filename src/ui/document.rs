//! One open scenario in the window: its current and saved state, undo history and the
//! cached projection.

use std::path::PathBuf;

use crate::model::Scenario;
use crate::view::ScenarioView;

/// The latest results of the analyses of one scenario.
#[derive(Clone, Debug, Default)]
pub struct Analyses {
    /// Monte Carlo: the revision it ran for and its result.
    pub monte_carlo: Option<(u64, crate::analysis::monte_carlo::McResult)>,
    /// The tornado: the revision, whether risk-adjusted, and the result.
    pub tornado: Option<(u64, bool, crate::analysis::tornado::Tornado)>,
    /// The last goal seek: the revision, what was asked, and what came back.
    pub goal_seek: Option<(
        u64,
        crate::ui::analysis_worker::Request,
        crate::analysis::goal_seek::GoalSeekResult,
    )>,
    /// Why the last analysis failed, if it did.
    pub error: Option<String>,
}

/// The most undo steps kept per scenario.
const UNDO_LIMIT: usize = 200;

/// One open scenario.
pub struct Document {
    /// A number that stays with the document while it is open (for ids and autosave names).
    pub id: u64,
    /// The scenario as edited.
    pub scenario: Scenario,
    /// The scenario as last saved or opened; `None` for one that was never saved.
    pub saved: Option<Scenario>,
    /// Where it is saved, if anywhere.
    pub path: Option<PathBuf>,
    /// Index into the scenario palette.
    pub colour: usize,
    /// Whether it is drawn in the comparison chart.
    pub shown: bool,
    /// The latest uncertainty results of this scenario (each for the revision it was computed
    /// for).
    pub analysis: Analyses,
    /// When the work was recovered from an autosave, the time it was written (shown with the
    /// name until it is saved).
    pub recovered_at: Option<String>,
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    /// The state before the gesture under way (a slider drag, typing), if one is.
    gesture_start: Option<Scenario>,
    /// Bumped on every change; the projection is recomputed only when it moved.
    revision: u64,
    cache_revision: u64,
    cache: Option<ScenarioView>,
    /// The longer view (the scenario at its second horizon), for the revision it was worked
    /// out for: only the comparison shows it, so only it asks.
    longer: Option<(u64, Option<crate::sim::Projection>)>,
    computations: u64,
    /// For a copy whose suggested name was kept: the scenario it was copied from and the
    /// names given so far; its name follows what the copy changes until the user renames or
    /// saves it.
    pub follows: Option<NameFollow>,
}

/// A copy's name that says what differs from the scenario it was copied from.
#[derive(Clone, Debug)]
pub struct NameFollow {
    /// The scenario as it was copied.
    pub origin: Scenario,
    /// Every name it gave the copy: while the copy holds one of them (undo included), the
    /// name is still the program's to change.
    pub given: Vec<String>,
    /// The revision the name was last worked out for.
    pub revision: u64,
}

impl Document {
    /// A document for `scenario`, saved at `path` (or as shipped, when `saved` is given).
    pub fn new(
        id: u64,
        scenario: Scenario,
        saved: Option<Scenario>,
        path: Option<PathBuf>,
        colour: usize,
    ) -> Self {
        Document {
            id,
            scenario,
            saved,
            path,
            colour,
            shown: true,
            recovered_at: None,
            analysis: Analyses::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            gesture_start: None,
            revision: 0,
            cache_revision: 0,
            cache: None,
            longer: None,
            computations: 0,
            follows: None,
        }
    }

    /// A number that changes whenever the scenario does: analyses are keyed by it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether an edit gesture (a slider drag, typing) is under way.
    pub fn in_gesture(&self) -> bool {
        self.gesture_start.is_some()
    }

    /// The scenario as a valid one, when it is (from the cached view's check).
    pub fn valid(&self) -> Option<crate::model::ValidScenario> {
        self.scenario.clone().validate().ok()
    }

    /// Whether there are changes not saved to a file.
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.scenario)
    }

    /// The name shown in lists and the title.
    pub fn title(&self) -> &str {
        if self.scenario.name.trim().is_empty() {
            "–"
        } else {
            &self.scenario.name
        }
    }

    /// Changes the scenario with `f` as one undoable step, or as part of the gesture under
    /// way. Returns whether anything changed.
    pub fn edit(&mut self, f: impl FnOnce(&mut Scenario)) -> bool {
        let before = self.scenario.clone();
        f(&mut self.scenario);
        if self.scenario == before {
            return false;
        }
        if self.gesture_start.is_none() {
            self.gesture_start = Some(before);
        }
        self.revision += 1;
        true
    }

    /// Ends the gesture under way: its changes become one undo step.
    pub fn end_gesture(&mut self) {
        if let Some(start) = self.gesture_start.take()
            && start != self.scenario
        {
            self.undo.push(start);
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.gesture_start.is_some()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Goes back one step.
    pub fn undo(&mut self) {
        self.end_gesture();
        if let Some(previous) = self.undo.pop() {
            self.redo
                .push(std::mem::replace(&mut self.scenario, previous));
            self.revision += 1;
        }
    }

    /// Goes forward one step.
    pub fn redo(&mut self) {
        self.end_gesture();
        if let Some(next) = self.redo.pop() {
            self.undo.push(std::mem::replace(&mut self.scenario, next));
            self.revision += 1;
        }
    }

    /// Marks the current state as saved at `path`.
    pub fn mark_saved(&mut self, path: PathBuf, saved: Scenario) {
        self.path = Some(path);
        self.saved = Some(saved);
        self.recovered_at = None;
        self.follows = None;
    }

    /// The name as the list shows it: the unsaved marker first, so a long name never hides it.
    pub fn list_label(&self) -> String {
        if self.is_dirty() {
            format!("• {}", self.title())
        } else {
            self.title().to_owned()
        }
    }

    /// "(recovered, date time)" for work recovered from an autosave, until it is saved.
    pub fn recovered_label(&self, lang: crate::model::Lang) -> Option<String> {
        let when = self.recovered_at.as_ref()?;
        let word = crate::i18n::t(lang, "recovered", "hersteld");
        Some(if when.is_empty() {
            format!("({word})")
        } else {
            format!("({word}, {when})")
        })
    }

    /// The projection and what the window shows of it, computed again only after a change.
    pub fn view(&mut self) -> &ScenarioView {
        if self.cache_revision != self.revision {
            self.cache = None;
            self.cache_revision = self.revision;
        }
        let scenario = &self.scenario;
        let computations = &mut self.computations;
        self.cache.get_or_insert_with(|| {
            *computations += 1;
            ScenarioView::build(scenario)
        })
    }

    /// The scenario at its second horizon, worked out once per revision when first asked for
    /// (none when it is the horizon itself or the scenario does not compute).
    pub fn longer_view(&mut self) -> Option<&crate::sim::Projection> {
        if self
            .longer
            .as_ref()
            .is_none_or(|(r, _)| *r != self.revision)
        {
            let projection = self
                .scenario
                .clone()
                .validate()
                .ok()
                .and_then(|v| crate::sim::simulate_longer(&v).ok().flatten());
            self.longer = Some((self.revision, projection));
        }
        self.longer.as_ref().and_then(|(_, p)| p.as_ref())
    }

    /// The longer view as last worked out by [`Self::longer_view`], if it is current.
    pub fn cached_longer_view(&self) -> Option<&crate::sim::Projection> {
        self.longer
            .as_ref()
            .filter(|(r, _)| *r == self.revision)
            .and_then(|(_, p)| p.as_ref())
    }

    /// The projection as last computed by [`Self::view`], if it is current.
    pub fn cached_view(&self) -> Option<&ScenarioView> {
        if self.cache_revision == self.revision {
            self.cache.as_ref()
        } else {
            None
        }
    }

    /// How many times the projection was computed since the document opened.
    pub fn computations(&self) -> u64 {
        self.computations
    }
}
