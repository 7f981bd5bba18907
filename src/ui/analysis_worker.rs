//! Analyses off the window's thread: one worker thread takes jobs (a Monte Carlo run, a
//! tornado, a goal seek) keyed by (document, revision), runs them (Monte Carlo in parallel
//! through rayon) and hands the results back through a channel, waking the window. A newer job
//! for the same document and kind cancels the older one; the frame shows the last finished
//! result and a progress indicator, and never waits.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use rust_decimal::Decimal;

use crate::analysis::goal_seek::{self, GoalSeekResult};
use crate::analysis::monte_carlo::{self, McResult, Settings};
use crate::analysis::tornado::{self, Tornado};
use crate::analysis::{AnalysisError, Metric};
use crate::model::{Target, ValidScenario};
use crate::sim;

/// What to compute.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Monte Carlo with these settings.
    MonteCarlo(Settings),
    /// The tornado of a result.
    Tornado {
        /// The result the inputs are ranked by.
        metric: Metric,
        /// Risk-adjusted or not.
        risk_adjusted: bool,
    },
    /// Goal seek.
    GoalSeek {
        /// The input to change.
        input: String,
        /// The result to aim at.
        metric: Metric,
        /// The target.
        goal: Decimal,
        /// Risk-adjusted or not.
        risk_adjusted: bool,
    },
}

impl Request {
    /// The kind of request: a newer request of the same kind for a document replaces an older.
    pub fn kind(&self) -> Kind {
        match self {
            Request::MonteCarlo(_) => Kind::MonteCarlo,
            Request::Tornado { .. } => Kind::Tornado,
            Request::GoalSeek { .. } => Kind::GoalSeek,
        }
    }
}

/// The kinds of analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Monte Carlo.
    MonteCarlo,
    /// Tornado.
    Tornado,
    /// Goal seek.
    GoalSeek,
}

/// What came back.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A Monte Carlo run.
    MonteCarlo(Box<McResult>),
    /// A tornado.
    Tornado(Tornado),
    /// A goal seek.
    GoalSeek(GoalSeekResult),
}

/// A finished job.
#[derive(Debug)]
pub struct Finished {
    /// The document.
    pub doc: u64,
    /// The document's revision the job was started for.
    pub revision: u64,
    /// What was asked.
    pub request: Request,
    /// What came back, or why not.
    pub outcome: Result<Outcome, AnalysisError>,
    /// How long it took.
    pub elapsed: Duration,
}

struct Job {
    doc: u64,
    revision: u64,
    scenario: ValidScenario,
    request: Request,
    cancel: Arc<AtomicBool>,
    progress: Arc<AtomicUsize>,
}

/// A job under way, as the window sees it.
#[derive(Clone, Debug)]
pub struct Running {
    /// The revision it was started for.
    pub revision: u64,
    /// What was asked.
    pub request: Request,
    cancel: Arc<AtomicBool>,
    progress: Arc<AtomicUsize>,
    /// When it was asked for.
    pub started: Instant,
}

impl Running {
    /// The share done, from 0 to 1 (Monte Carlo counts trials; others are quick).
    pub fn done(&self) -> f32 {
        match &self.request {
            Request::MonteCarlo(s) => {
                self.progress.load(Ordering::Relaxed) as f32 / s.trials.max(1) as f32
            }
            _ => 0.0,
        }
    }
}

/// The worker and the jobs under way.
pub struct AnalysisWorker {
    jobs: Sender<Job>,
    results: Receiver<Finished>,
    running: HashMap<(u64, Kind), Running>,
}

impl AnalysisWorker {
    /// Starts the worker thread; it wakes `repaint` when a result is ready.
    pub fn new(repaint: Option<egui::Context>) -> Self {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, results) = channel();
        std::thread::Builder::new()
            .name("roi-planner analysis".to_owned())
            .spawn(move || work(&inbox, &outbox, repaint.as_ref()))
            .ok();
        AnalysisWorker {
            jobs,
            results,
            running: HashMap::new(),
        }
    }

    /// Asks for `request` on document `doc` at `revision`; an older job of the same kind for
    /// the same document is cancelled.
    pub fn submit(&mut self, doc: u64, revision: u64, scenario: ValidScenario, request: Request) {
        let kind = request.kind();
        if let Some(old) = self.running.remove(&(doc, kind)) {
            old.cancel.store(true, Ordering::Relaxed);
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(AtomicUsize::new(0));
        self.running.insert(
            (doc, kind),
            Running {
                revision,
                request: request.clone(),
                cancel: cancel.clone(),
                progress: progress.clone(),
                started: Instant::now(),
            },
        );
        let _ = self.jobs.send(Job {
            doc,
            revision,
            scenario,
            request,
            cancel,
            progress,
        });
    }

    /// The job of `kind` under way for `doc`, if any.
    pub fn running(&self, doc: u64, kind: Kind) -> Option<&Running> {
        self.running.get(&(doc, kind))
    }

    /// Cancels every job of document `doc` (it was closed).
    pub fn cancel_all(&mut self, doc: u64) {
        self.running.retain(|(d, _), r| {
            if *d == doc {
                r.cancel.store(true, Ordering::Relaxed);
                false
            } else {
                true
            }
        });
    }

    /// The jobs that finished since the last call (cancelled ones are dropped).
    pub fn poll(&mut self) -> Vec<Finished> {
        let mut out = Vec::new();
        for f in self.results.try_iter() {
            if matches!(f.outcome, Err(AnalysisError::Cancelled)) {
                continue;
            }
            let key = (f.doc, f.request.kind());
            if self
                .running
                .get(&key)
                .is_some_and(|r| r.revision == f.revision && r.request == f.request)
            {
                self.running.remove(&key);
            }
            out.push(f);
        }
        out
    }

    /// Runs a request on this thread, waiting for it (for tests and the command line's way).
    pub fn run_now(scenario: &ValidScenario, request: &Request) -> Result<Outcome, AnalysisError> {
        run(
            scenario,
            request,
            &AtomicBool::new(false),
            &AtomicUsize::new(0),
        )
    }
}

fn work(inbox: &Receiver<Job>, outbox: &Sender<Finished>, repaint: Option<&egui::Context>) {
    while let Ok(job) = inbox.recv() {
        if job.cancel.load(Ordering::Relaxed) {
            continue;
        }
        let started = Instant::now();
        let outcome = run(&job.scenario, &job.request, &job.cancel, &job.progress);
        let finished = Finished {
            doc: job.doc,
            revision: job.revision,
            request: job.request,
            outcome,
            elapsed: started.elapsed(),
        };
        if outbox.send(finished).is_err() {
            return;
        }
        if let Some(ctx) = repaint {
            ctx.request_repaint();
        }
    }
}

fn run(
    scenario: &ValidScenario,
    request: &Request,
    cancel: &AtomicBool,
    progress: &AtomicUsize,
) -> Result<Outcome, AnalysisError> {
    match request {
        Request::MonteCarlo(settings) => monte_carlo::run(scenario, *settings, cancel, progress)
            .map(|mc| Outcome::MonteCarlo(Box::new(mc))),
        Request::Tornado {
            metric,
            risk_adjusted,
        } => {
            let p = sim::simulate_ledger(scenario)?;
            Ok(Outcome::Tornado(tornado::tornado(
                scenario,
                &p,
                *metric,
                *risk_adjusted,
            )?))
        }
        Request::GoalSeek {
            input,
            metric,
            goal,
            risk_adjusted,
        } => {
            let Some(target) = Target::parse(input, scenario.scenario()) else {
                return Err(AnalysisError::Cancelled);
            };
            goal_seek::goal_seek(scenario, target, *metric, *goal, *risk_adjusted)
                .map(Outcome::GoalSeek)
        }
    }
}
