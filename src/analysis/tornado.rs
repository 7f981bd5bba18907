//! Sensitivity: the inputs that swing a result most, each moved from its low to its high (or
//! 20% below and above its value where it has no range) with everything else at its likely
//! value. The base is the headline figure itself.

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use crate::analysis::Metric;
use crate::analysis::eval::evaluate;
use crate::model::{Group, Scenario, Target, ValidScenario, group_inputs};
use crate::sim::{Overflow, Projection};

/// How far an input without a range moves either way, as a share of its value.
pub const UNRANGED_SHARE: f64 = 0.2;
/// How many inputs a tornado shows.
pub const ROWS: usize = 10;

/// One bar of the tornado.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The input's path.
    pub input: String,
    /// Whether the input has a range (otherwise it moved ±20%).
    pub ranged: bool,
    /// The input's low value.
    pub low: Decimal,
    /// The input's high value.
    pub high: Decimal,
    /// The result with the input at its low value (none: no break-even).
    pub result_at_low: Option<Decimal>,
    /// The result with the input at its high value.
    pub result_at_high: Option<Decimal>,
    /// How far apart the two results are (a missing break-even counts as the month after the
    /// horizon).
    pub swing: Decimal,
}

/// The tornado of one result.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    /// The result.
    pub metric: Metric,
    /// The headline figure: the result with every input at its likely value.
    pub base: Option<Decimal>,
    /// The inputs, largest swing first.
    pub rows: Vec<TornadoRow>,
}

/// The inputs a tornado moves: every ranged input, and every other input of the parts that
/// count (the baseline, finance without the horizon, the switched-on initiatives, the custom
/// lines' amounts).
fn candidates(s: &Scenario) -> Vec<Target> {
    let mut out = Vec::new();
    for group in Group::ALL {
        if group.initiative().is_some_and(|i| !s.is_enabled(i)) {
            continue;
        }
        for d in group_inputs(group) {
            if d.path != "finance.horizon_months"
                && !crate::model::finance::changes_no_figure(d.path)
                && crate::model::staffing::uses(s.staffing.model, d.path)
            {
                out.push(Target::Input(d));
            }
        }
    }
    if s.custom.enabled {
        out.extend((0..s.custom.lines.len()).map(Target::CustomAmount));
    }
    for path in s.ranges.keys() {
        if let Some(t) = Target::parse(path, s)
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    out
}

/// The low and high an input moves between, and whether they come from its range.
fn low_high(s: &Scenario, target: &Target) -> (Decimal, Decimal, bool) {
    if let Some(r) = s.estimate(&target.path()) {
        return (r.low, r.high, true);
    }
    let value = target.get(s);
    let (min, max) = target.bounds();
    let share = Decimal::from_f64(UNRANGED_SHARE).unwrap_or_default();
    let step = value.abs() * share;
    let round = |d: Decimal| if target.whole() { d.round() } else { d };
    (
        round(value - step).clamp(min, max),
        round(value + step).clamp(min, max),
        false,
    )
}

/// The tornado of `metric` for `scenario`, whose exact projection is `projection`.
pub fn tornado(
    scenario: &ValidScenario,
    projection: &Projection,
    metric: Metric,
    risk_adjusted: bool,
) -> Result<Tornado, Overflow> {
    let s = scenario.scenario();
    let horizon = s.finance.horizon_months;
    let base = metric.of(&projection.figures(risk_adjusted).summary);
    let mut trial: Scenario<f64> = s.map(|d| d.to_f64().unwrap_or(0.0));
    let mut rows = Vec::new();
    for target in candidates(s) {
        let (low, high, ranged) = low_high(s, &target);
        if low == high {
            continue;
        }
        let original = target.get(s);
        let mut result = |value: Decimal| -> Result<Option<Decimal>, Overflow> {
            let v = value.to_f64().unwrap_or(0.0);
            target.set(&mut trial, v, v.max(0.0).round() as u32);
            let outcome = evaluate(&trial, risk_adjusted, &mut [])?;
            Ok(outcome.metric(metric).and_then(Decimal::from_f64))
        };
        let at_low = result(low)?;
        let at_high = result(high)?;
        let restore = original.to_f64().unwrap_or(0.0);
        target.set(&mut trial, restore, original.to_u32().unwrap_or(0));
        let as_number = |r: Option<Decimal>| r.unwrap_or_else(|| Decimal::from(horizon + 1));
        let swing = (as_number(at_high) - as_number(at_low)).abs();
        if swing.is_zero() {
            continue;
        }
        rows.push(TornadoRow {
            input: target.path(),
            ranged,
            low,
            high,
            result_at_low: at_low,
            result_at_high: at_high,
            swing,
        });
    }
    rows.sort_by(|a, b| b.swing.cmp(&a.swing).then_with(|| a.input.cmp(&b.input)));
    rows.truncate(ROWS);
    Ok(Tornado { metric, base, rows })
}
