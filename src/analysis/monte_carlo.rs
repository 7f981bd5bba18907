//! Monte Carlo over the ranged inputs: percentiles of cumulative net for every month and of net
//! benefit, ROI and NPV over the horizon, and the chance of breaking even by each month.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::analysis::AnalysisError;
use crate::analysis::eval::{Outcome, evaluate};
use crate::analysis::sample::{correlation_pairs, draw, ranged_inputs};
use crate::model::{Scenario, ValidScenario};
use crate::sim::{self, Projection};

/// The default number of trials.
pub const DEFAULT_TRIALS: usize = 10_000;
/// The default seed.
pub const DEFAULT_SEED: u64 = 20_261_124;

/// How to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// How many trials.
    pub trials: usize,
    /// The seed of the draws: the same seed gives the same numbers.
    pub seed: u64,
    /// Whether each trial is risk-adjusted as the headline figures are.
    pub risk_adjusted: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
            risk_adjusted: true,
        }
    }
}

/// P10, P50, P90 and the mean of a figure over the trials.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percentiles {
    /// 10th percentile.
    pub p10: Decimal,
    /// The median.
    pub p50: Decimal,
    /// 90th percentile.
    pub p90: Decimal,
    /// The average.
    pub mean: Decimal,
}

impl Percentiles {
    /// The same value everywhere: what a figure without uncertainty has.
    pub fn exact(d: Decimal) -> Self {
        Percentiles {
            p10: d,
            p50: d,
            p90: d,
            mean: d,
        }
    }

    /// The percentiles of `values` (reordered here), linearly interpolated between order
    /// statistics; none when there are no values.
    pub fn of(values: &mut [f64]) -> Option<Self> {
        if values.is_empty() {
            return None;
        }
        let d = |x: f64| Decimal::from_f64(x).unwrap_or_default();
        // The mean first, in the order given, so it does not depend on the reordering below.
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        Some(Percentiles {
            p10: d(quantile(values, 0.10)),
            p50: d(quantile(values, 0.50)),
            p90: d(quantile(values, 0.90)),
            mean: d(mean),
        })
    }
}

/// The `q` quantile of `values`, interpolating between the neighbouring order statistics (a
/// spreadsheet's PERCENTILE.INC). Reorders `values` (a partial selection, not a full sort).
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    let at = q * (n - 1) as f64;
    let lo = (at.floor() as usize).min(n - 1);
    let (_, &mut a, above) = values.select_nth_unstable_by(lo, f64::total_cmp);
    // The next order statistic is the smallest of those above.
    let b = above.iter().copied().fold(f64::INFINITY, f64::min);
    if at == lo as f64 || !b.is_finite() {
        a
    } else {
        a + (b - a) * (at - lo as f64)
    }
}

/// What the trials say.
#[derive(Clone, Debug, PartialEq)]
pub struct McResult {
    /// Trials run.
    pub trials: usize,
    /// The seed used.
    pub seed: u64,
    /// Whether the trials were risk-adjusted.
    pub risk_adjusted: bool,
    /// How many inputs were drawn (0: nothing uncertain; every percentile is the headline).
    pub ranged_inputs: usize,
    /// Cumulative net of each month (index 0 is month 1).
    pub cumulative: Vec<Percentiles>,
    /// Net benefit over the horizon.
    pub net_benefit: Percentiles,
    /// ROI over the horizon (trials where nothing is spent left out; none if all are).
    pub roi_pct: Option<Percentiles>,
    /// Net present value.
    pub npv: Percentiles,
    /// The share of trials that break even within the horizon.
    pub probability_within_horizon: f64,
    /// The share of trials that break even by each month (index 0 is month 1).
    pub by_month: Vec<f64>,
    /// How many trials break even in each month (index 0 is month 1).
    pub histogram: Vec<usize>,
    /// How many trials do not break even within the horizon.
    pub never: usize,
}

impl McResult {
    /// The chance of breaking even by month `m` (1-based; 0 before month 1).
    pub fn chance_by(&self, m: u32) -> f64 {
        match m {
            0 => 0.0,
            m => self
                .by_month
                .get(m as usize - 1)
                .or(self.by_month.last())
                .copied()
                .unwrap_or(0.0),
        }
    }
}

/// Runs the trials of `scenario`; `cancel` stops it early (an error), `progress` counts the
/// trials done.
pub fn run(
    scenario: &ValidScenario,
    settings: Settings,
    cancel: &AtomicBool,
    progress: &AtomicUsize,
) -> Result<McResult, AnalysisError> {
    let s = scenario.scenario();
    let horizon = s.finance.horizon_months as usize;
    let inputs = ranged_inputs(s);
    let trials = settings.trials.max(1);
    if inputs.is_empty() {
        let p = sim::simulate_ledger(scenario)?;
        progress.store(trials, Ordering::Relaxed);
        return Ok(exact(&p, settings, trials));
    }
    let columns = draw(
        &inputs,
        &correlation_pairs(s, &inputs),
        trials,
        settings.seed,
    )?;
    let base: Scenario<f64> =
        s.map(|d| rust_decimal::prelude::ToPrimitive::to_f64(d).unwrap_or(0.0));
    const CHUNK: usize = 250;
    let mut cumulative = vec![0.0; trials * horizon];
    let outcomes: Vec<Result<Vec<Outcome>, AnalysisError>> = cumulative
        .par_chunks_mut(CHUNK * horizon)
        .enumerate()
        .map_init(
            || base.clone(),
            |trial_scenario, (chunk, rows)| {
                if cancel.load(Ordering::Relaxed) {
                    return Err(AnalysisError::Cancelled);
                }
                let first = chunk * CHUNK;
                let mut out = Vec::with_capacity(CHUNK);
                for (offset, row) in rows.chunks_mut(horizon).enumerate() {
                    let t = first + offset;
                    for (input, column) in inputs.iter().zip(&columns) {
                        let v = column[t];
                        input
                            .target
                            .set(trial_scenario, v, v.max(0.0).round() as u32);
                    }
                    out.push(evaluate(trial_scenario, settings.risk_adjusted, row)?);
                }
                progress.fetch_add(out.len(), Ordering::Relaxed);
                Ok(out)
            },
        )
        .collect();
    let mut all = Vec::with_capacity(trials);
    for chunk in outcomes {
        all.extend(chunk?);
    }
    Ok(summarize(
        &all,
        &cumulative,
        horizon,
        settings,
        inputs.len(),
    ))
}

/// The result of a scenario without ranges: every percentile is the headline figure.
fn exact(p: &Projection, settings: Settings, trials: usize) -> McResult {
    let f = p.figures(settings.risk_adjusted);
    let s = &f.summary;
    let horizon = p.horizon_months as usize;
    let be = s.break_even_month;
    let by_month = (1..=horizon as u32)
        .map(|m| if be.is_some_and(|b| b <= m) { 1.0 } else { 0.0 })
        .collect();
    let mut histogram = vec![0; horizon];
    if let Some(b) = be {
        histogram[b as usize - 1] = trials;
    }
    McResult {
        trials,
        seed: settings.seed,
        risk_adjusted: settings.risk_adjusted,
        ranged_inputs: 0,
        cumulative: f
            .months
            .iter()
            .map(|m| Percentiles::exact(m.cumulative_net))
            .collect(),
        net_benefit: Percentiles::exact(s.net_benefit),
        roi_pct: s.roi_pct.map(Percentiles::exact),
        npv: Percentiles::exact(s.npv),
        probability_within_horizon: if be.is_some() { 1.0 } else { 0.0 },
        by_month,
        histogram,
        never: if be.is_some() { 0 } else { trials },
    }
}

fn summarize(
    all: &[Outcome],
    cumulative: &[f64],
    horizon: usize,
    settings: Settings,
    ranged: usize,
) -> McResult {
    let n = all.len();
    let mut column = vec![0.0; n];
    let months = (0..horizon)
        .map(|m| {
            for (t, slot) in column.iter_mut().enumerate() {
                *slot = cumulative[t * horizon + m];
            }
            Percentiles::of(&mut column).unwrap_or(Percentiles::exact(Decimal::ZERO))
        })
        .collect();
    let values =
        |f: &dyn Fn(&Outcome) -> Option<f64>| -> Vec<f64> { all.iter().filter_map(f).collect() };
    let net = Percentiles::of(&mut values(&|o| Some(o.net_benefit)))
        .unwrap_or(Percentiles::exact(Decimal::ZERO));
    let npv =
        Percentiles::of(&mut values(&|o| Some(o.npv))).unwrap_or(Percentiles::exact(Decimal::ZERO));
    let roi = Percentiles::of(&mut values(&|o| o.roi_pct));
    let mut histogram = vec![0; horizon];
    let mut never = 0;
    for o in all {
        match o.break_even_month {
            Some(m) if (1..=horizon).contains(&(m as usize)) => histogram[m as usize - 1] += 1,
            _ => never += 1,
        }
    }
    let mut running = 0;
    let by_month = histogram
        .iter()
        .map(|count| {
            running += count;
            running as f64 / n as f64
        })
        .collect();
    McResult {
        trials: n,
        seed: settings.seed,
        risk_adjusted: settings.risk_adjusted,
        ranged_inputs: ranged,
        cumulative: months,
        net_benefit: net,
        roi_pct: roi,
        npv,
        probability_within_horizon: (n - never) as f64 / n as f64,
        by_month,
        histogram,
        never,
    }
}
