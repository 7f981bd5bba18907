//! One fast evaluation of a scenario held as `f64`: the engine's monthly totals (no lines, no
//! KPIs), then the figures an analysis needs (cumulative net per month, net benefit, ROI, NPV,
//! break-even month), following the same conventions as [`crate::sim::metrics`].

use crate::model::Scenario;
use crate::sim::engine::{self, Mask};
use crate::sim::metrics::{RiskFactors, monthly_discount};
use crate::sim::{Overflow, Summary};

/// The figures of one evaluation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Benefits minus costs over the horizon.
    pub net_benefit: f64,
    /// ROI over the horizon in percent; none when nothing is spent.
    pub roi_pct: Option<f64>,
    /// Net present value.
    pub npv: f64,
    /// The break-even month, as the conventions define it.
    pub break_even_month: Option<u32>,
}

impl Outcome {
    /// The value of `metric` (a month as a number).
    pub fn metric(&self, metric: super::Metric) -> Option<f64> {
        match metric {
            super::Metric::NetBenefit => Some(self.net_benefit),
            super::Metric::Npv => Some(self.npv),
            super::Metric::BreakEvenMonth => self.break_even_month.map(f64::from),
            super::Metric::RoiPct => self.roi_pct,
        }
    }
}

/// Evaluates `s` (risk-adjusted or not), writing the cumulative net of each month into
/// `cumulative` when it is long enough.
pub fn evaluate(
    s: &Scenario<f64>,
    risk_adjusted: bool,
    cumulative: &mut [f64],
) -> Result<Outcome, Overflow> {
    let ledger = engine::run::<f64, f64>(s, Mask::ALL, false)?;
    let f = &s.finance;
    let k = if risk_adjusted {
        RiskFactors::from_pct(f.cost_risk_pct, f.benefit_risk_pct, f.revenue_risk_pct)
    } else {
        RiskFactors::none()
    };
    let discount = monthly_discount(f.discount_rate_annual_pct);
    let (mut costs, mut benefits, mut npv, mut cum, mut factor) = (0.0, 0.0, 0.0, 0.0, 1.0);
    let mut first_active = None;
    let mut break_even = None;
    for (i, ((&c, &b), &r)) in ledger
        .costs
        .iter()
        .zip(&ledger.benefits)
        .zip(&ledger.revenue)
        .enumerate()
    {
        let month = i as u32 + 1;
        let c = c * k.cost;
        let b = (b - r) * k.saving + r * k.revenue;
        let net = b - c;
        costs += c;
        benefits += b;
        cum += net;
        factor *= discount;
        npv += net * factor;
        if first_active.is_none() && (c != 0.0 || b != 0.0) {
            first_active = Some(month);
        }
        if break_even.is_none() && first_active.is_some() && cum >= 0.0 {
            break_even = Some(month);
        }
        if let Some(slot) = cumulative.get_mut(i) {
            *slot = cum;
        }
    }
    Ok(Outcome {
        net_benefit: benefits - costs,
        roi_pct: (costs > 0.0).then(|| (benefits - costs) / costs * 100.0),
        npv,
        break_even_month: break_even,
    })
}

/// The outcome the exact projection's summary gives, for comparison with [`evaluate`].
pub fn outcome_of(s: &Summary<rust_decimal::Decimal>) -> Outcome {
    use rust_decimal::prelude::ToPrimitive;
    let f = |d: rust_decimal::Decimal| d.to_f64().unwrap_or(f64::NAN);
    Outcome {
        net_benefit: f(s.net_benefit),
        roi_pct: s.roi_pct.map(f),
        npv: f(s.npv),
        break_even_month: s.break_even_month,
    }
}
