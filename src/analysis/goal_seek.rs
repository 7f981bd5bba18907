//! Goal seek, "what must be true": the value of one input at which a result just meets a
//! target (break-even in month T or earlier; ROI, NPV or net benefit at least the target),
//! within the input's allowed range, checked by a plain simulation at that value.
//!
//! The search assumes the result moves one way as the input moves (true of every input of the
//! model over its range, up to the rounding of months). It evaluates the range's ends, then
//! halves the interval between a value that misses the target and one that meets it until it
//! is narrower than the input's last decimal; the value is rounded on the meeting side and
//! verified with the exact `Decimal` simulation.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use crate::analysis::eval::evaluate;
use crate::analysis::{AnalysisError, Metric};
use crate::model::{Scenario, Target, ValidScenario};
use crate::sim;

/// What a goal seek found.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalSeekResult {
    /// The input's value at which the result just meets the target, and the result a plain
    /// simulation gives there.
    Found {
        /// The value.
        value: Decimal,
        /// The result at that value.
        result: Option<Decimal>,
        /// Whether every value in the range meets the target (the value is then the end of
        /// the range that is worst for the result).
        whole_range: bool,
    },
    /// No value in the range meets the target; what the best value in the range gives.
    NotReachable {
        /// The value in the range with the best result.
        best_value: Decimal,
        /// The result there.
        best_result: Option<Decimal>,
    },
}

/// The decimals a value of `target` is given with.
fn decimals(target: &Target) -> u32 {
    match target {
        Target::Input(d) => d.decimals(),
        Target::CustomAmount(_) => 2,
    }
}

/// Finds the value of `target` at which `metric` just meets `goal` in `scenario`.
pub fn goal_seek(
    scenario: &ValidScenario,
    target: Target,
    metric: Metric,
    goal: Decimal,
    risk_adjusted: bool,
) -> Result<GoalSeekResult, AnalysisError> {
    let s = scenario.scenario();
    let mut trial: Scenario<f64> = s.map(|d| d.to_f64().unwrap_or(0.0));
    let goal_f = goal.to_f64().unwrap_or(0.0);
    let mut result_at = |x: f64| -> Result<Option<f64>, AnalysisError> {
        target.set(&mut trial, x, x.max(0.0).round() as u32);
        Ok(evaluate(&trial, risk_adjusted, &mut [])?.metric(metric))
    };
    let meets_f = |r: Option<f64>| match (metric.lower_is_better(), r) {
        (_, None) => false,
        (true, Some(v)) => v <= goal_f,
        (false, Some(v)) => v >= goal_f,
    };
    // "Better" for ranking results: earlier break-even, or a higher figure.
    let better = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(_), None) => true,
        (None, _) => false,
        (Some(x), Some(y)) => {
            if metric.lower_is_better() {
                x < y
            } else {
                x > y
            }
        }
    };
    let (min, max) = target.bounds();
    let (lo, hi) = (min.to_f64().unwrap_or(0.0), max.to_f64().unwrap_or(0.0));
    let current = target.get(s).to_f64().unwrap_or(0.0);
    let (r_lo, r_cur, r_hi) = (result_at(lo)?, result_at(current)?, result_at(hi)?);
    let (m_lo, m_cur, m_hi) = (meets_f(r_lo), meets_f(r_cur), meets_f(r_hi));

    // A pair (misses, meets) to search between, or the answer at once.
    let pair = match (m_lo, m_cur, m_hi) {
        (false, false, false) => {
            let mut best = (lo, r_lo);
            for (x, r) in [(current, r_cur), (hi, r_hi)] {
                if better(r, best.1) {
                    best = (x, r);
                }
            }
            let value = round(Decimal::from_f64(best.0).unwrap_or_default(), &target, None);
            let exact = simulate_at(scenario, &target, value, metric, risk_adjusted)?;
            return Ok(GoalSeekResult::NotReachable {
                best_value: value,
                best_result: exact,
            });
        }
        (true, true, true) => {
            // Every value meets it: the end where the result is worst.
            let worst = if better(r_lo, r_hi) { hi } else { lo };
            let value = round(Decimal::from_f64(worst).unwrap_or_default(), &target, None);
            let exact = simulate_at(scenario, &target, value, metric, risk_adjusted)?;
            return Ok(GoalSeekResult::Found {
                value,
                result: exact,
                whole_range: true,
            });
        }
        // The current value misses: search towards the end that meets.
        (_, false, true) => (current, hi),
        (true, false, false) => (current, lo),
        // The current value meets: search towards the end that misses, for the boundary.
        (_, true, false) => (hi, current),
        (false, true, true) => (lo, current),
    };
    let (mut miss, mut meet) = pair;
    let step = 10f64.powi(-(decimals(&target) as i32));
    for _ in 0..200 {
        if (meet - miss).abs() <= step / 4.0 {
            break;
        }
        let mid = 0.5 * (miss + meet);
        if meets_f(result_at(mid)?) {
            meet = mid;
        } else {
            miss = mid;
        }
    }
    // Round on the meeting side, then make sure a plain simulation agrees; step on if not.
    let toward_meet = if meet >= miss { 1 } else { -1 };
    let mut value = round(
        Decimal::from_f64(meet).unwrap_or_default(),
        &target,
        Some(toward_meet),
    );
    let unit = Decimal::new(1, decimals(&target));
    for _ in 0..4 {
        let exact = simulate_at(scenario, &target, value, metric, risk_adjusted)?;
        if meets_exact(metric, exact, goal) {
            return Ok(GoalSeekResult::Found {
                value,
                result: exact,
                whole_range: false,
            });
        }
        let next = value + unit * Decimal::from(toward_meet);
        if next < min || next > max {
            break;
        }
        value = next;
    }
    let exact = simulate_at(scenario, &target, value, metric, risk_adjusted)?;
    Ok(GoalSeekResult::Found {
        value,
        result: exact,
        whole_range: false,
    })
}

/// Whether an exact result meets the goal.
pub fn meets_exact(metric: Metric, result: Option<Decimal>, goal: Decimal) -> bool {
    match (metric.lower_is_better(), result) {
        (_, None) => false,
        (true, Some(v)) => v <= goal,
        (false, Some(v)) => v >= goal,
    }
}

/// `value` to the target's decimals: up (`Some(1)`), down (`Some(-1)`) or to nearest, within
/// its bounds.
fn round(value: Decimal, target: &Target, direction: Option<i32>) -> Decimal {
    use rust_decimal::RoundingStrategy;
    let dp = decimals(target);
    let strategy = match direction {
        Some(1) => RoundingStrategy::ToPositiveInfinity,
        Some(_) => RoundingStrategy::ToNegativeInfinity,
        None => RoundingStrategy::MidpointAwayFromZero,
    };
    let (min, max) = target.bounds();
    value.round_dp_with_strategy(dp, strategy).clamp(min, max)
}

/// The result a plain (exact) simulation gives with `target` at `value`.
pub fn simulate_at(
    scenario: &ValidScenario,
    target: &Target,
    value: Decimal,
    metric: Metric,
    risk_adjusted: bool,
) -> Result<Option<Decimal>, AnalysisError> {
    let mut s = scenario.scenario().clone();
    target.set(&mut s, value, value.to_u32().unwrap_or(0));
    let Ok(valid) = s.validate() else {
        return Ok(None);
    };
    let p = sim::simulate_ledger(&valid)?;
    Ok(metric.of(&p.figures(risk_adjusted).summary))
}
