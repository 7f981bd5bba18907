//! How sure are we: Monte Carlo over the ranged inputs, a tornado of the inputs that swing a
//! result most, and goal seek ("what must be true").
//!
//! A room beside [`crate::sim`]: it takes a valid scenario and plain settings and returns
//! plain data; the command line, the window and the report show the same results. It runs the
//! engine's `f64` variant (the same formulas as the ledger, agreeing with it within a cent) for
//! speed, and takes every headline figure it reports as "the" value from the exact `Decimal`
//! projection.
//!
//! # Method
//!
//! - **Sampling.** Each ranged input is drawn from its own distribution (rand_distr:
//!   triangular, PERT with the usual shape 4, uniform), column by column from one portable
//!   seeded generator (ChaCha8), so the same seed gives the same draws whatever the number of
//!   threads. Whole-number inputs (months) are rounded.
//! - **Correlation.** Rank correlations are imposed with the Iman-Conover method: random normal
//!   scores are given the target correlation (the rank correlation ρs converted to the normal
//!   scores' correlation 2·sin(π·ρs/6)) by Cholesky factors, and each input's draws are
//!   reordered to the ranks of its scores. The marginal distributions stay exactly as drawn.
//! - **Trials** run in parallel (rayon) and are collected in trial order; statistics are taken
//!   on the sorted results, so they do not depend on the threads either.
//! - **Percentiles** interpolate linearly between order statistics (as a spreadsheet's
//!   PERCENTILE.INC); the mean is the plain average.
//! - **Risk adjustment** applies to every trial as to the headline figures (unless asked not
//!   to), and the result says which.
//! - A scenario without ranges has nothing uncertain: every percentile is the headline figure.
//!
//! Nothing here does I/O, touches egui or reads a clock; cancellation and progress are atomics
//! the caller owns.

pub mod eval;
pub mod goal_seek;
pub mod monte_carlo;
pub mod sample;
pub mod tornado;

use rust_decimal::Decimal;

/// A result an analysis can aim at or rank inputs by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Net benefit over the horizon.
    NetBenefit,
    /// Net present value.
    Npv,
    /// The break-even month (lower is better).
    BreakEvenMonth,
    /// ROI over the horizon, in percent.
    RoiPct,
}

impl Metric {
    /// The name used on the command line and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Metric::NetBenefit => "net_benefit",
            Metric::Npv => "npv",
            Metric::BreakEvenMonth => "break_even_month",
            Metric::RoiPct => "roi_pct",
        }
    }

    /// The metric with this key.
    pub fn from_key(key: &str) -> Option<Metric> {
        [
            Metric::NetBenefit,
            Metric::Npv,
            Metric::BreakEvenMonth,
            Metric::RoiPct,
        ]
        .into_iter()
        .find(|m| m.key() == key)
    }

    /// The metric's value in a summary (a month as a number).
    pub fn of(self, s: &crate::sim::Summary<Decimal>) -> Option<Decimal> {
        match self {
            Metric::NetBenefit => Some(s.net_benefit),
            Metric::Npv => Some(s.npv),
            Metric::BreakEvenMonth => s.break_even_month.map(Decimal::from),
            Metric::RoiPct => s.roi_pct,
        }
    }

    /// Whether a lower value is better (only the break-even month).
    pub fn lower_is_better(self) -> bool {
        self == Metric::BreakEvenMonth
    }
}

/// Why an analysis cannot run.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum AnalysisError {
    /// The engine could not compute a figure exactly.
    #[error(transparent)]
    Overflow(#[from] crate::sim::Overflow),
    /// The declared correlations cannot all hold at once.
    #[error(
        "the correlations cannot all hold at once (their matrix is not positive definite); weaken or remove some"
    )]
    Correlations,
    /// The run was cancelled.
    #[error("cancelled")]
    Cancelled,
}
