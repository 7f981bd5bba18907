//! The simulation: from a valid scenario to a month-by-month projection and its metrics.
//!
//! Pure: no I/O, no clock, no randomness; every failure is a `Result`. The formulas are
//! written once, generic over [`number::Num`], in [`engine`] and [`metrics`].
//!
//! # The formulas
//!
//! Notation: `a_X(m)` is initiative X's adoption in month `m`, from 0 to 1. With go-live
//! `g = start_month + implementation_months` and `k = m − g + 1`: `a = 0` before `g`;
//! `a = 1` when `ramp_months = 0` or `k ≥ ramp_months`; otherwise `x = k / ramp_months`
//! and `a = x` (linear) or `a = x²(3 − 2x)` (S-curve). Percentages are used as ratios.
//!
//! Baseline:
//! - paid minute = `agent_cost_per_hour / (60 × occupancy)`; saved minute = paid minute ×
//!   `realisation`; agent cost per month = `contacts × handle_time × paid minute`.
//! - issues = `contacts / (2 − fcr)`: every question not solved at the first contact comes
//!   back once, so contacts = issues × (2 − fcr).
//!
//! Volume and handle time, each step taken on what the step before left (this is how the
//! initiatives interact instead of adding up):
//! 1. fcr₁ = min(1, fcr × (1 + a_omni × omni.fcr_improvement)); fcr₂ = min(1, fcr₁ × (1 +
//!    a_train × training.fcr_improvement)). Contacts after = issues × (2 − fcr₂).
//! 2. duplicates removed = that × a_omni × omni.duplicate_reduction.
//! 3. bot resolved = what is left × a_bot × chatbot.containment; agents handle the rest.
//! 4. handle time saved per agent contact: omnichannel `aht × a_omni × omni.aht_reduction`,
//!    then training `(aht − that) × a_train × training.aht_reduction`.
//!
//! Minutes saved: chatbot = bot resolved × aht; omnichannel = (issues × (fcr₁ − fcr) +
//! duplicates removed) × aht + agent contacts × its handle-time saving; training = issues ×
//! (fcr₂ − fcr₁) × aht + agent contacts × its handle-time saving. Each "agent time saved"
//! line = minutes × saved minute.
//!
//! Churn, step by step: the chatbot takes `churn × a_bot × chatbot.churn_reduction` off,
//! omnichannel its share of what is left, training its share of what is left then. Each
//! initiative keeps a stock of retained customers: `kept(m) = kept(m−1) × (1 − churn now) +
//! active_customers × its reduction`; its "margin of retained customers" line = kept ×
//! margin per customer.
//!
//! Avoided agent replacements (training) = `a_train × agents × attrition / 12 ×
//! attrition_reduction × replacement_cost`.
//!
//! Costs: set-up (or course fees, trainer days × day rate, hours off the phone × agents ×
//! agent cost per hour) and hidden costs (hidden % × those one-off costs) in the start month;
//! licences from the start month (omnichannel: per seat × agents); maintenance and refreshers
//! from go-live; bot fees = bot resolved × price per resolution; the go-live dip = agent cost
//! per month × dip % × dip weeks × 12/52, in the go-live month. Custom lines: one-off in their
//! month, monthly from `from` to `to`, or a total spread evenly over `from` to `to`.
//!
//! In `Decimal`, products and quotients keep [`number::KEEP_DECIMALS`] decimal places (far
//! below a cent); sums and differences are exact.
//!
//! Metrics follow `DOMAIN.md`: risk adjustment first (benefits × (1 − benefit risk), costs ×
//! (1 + cost risk)); net, cumulative, ROI = (benefits − costs) / costs × 100; monthly rate
//! `(1 + r)^(1/12) − 1`; NPV = Σ net(m) / (1 + monthly)^m; break-even = first month with
//! cumulative ≥ 0 (months before anything happens do not count); payback = (m − 1) +
//! (−cumulative(m−1)) / net(m); IRR = the monthly rate with NPV zero, as (1 + irr)^12 − 1,
//! none when the flows do not change sign.

pub mod engine;
pub mod lines;
pub mod metrics;
pub mod number;

use rust_decimal::Decimal;

use crate::model::{Initiative, LineKind, ValidScenario};
pub use engine::{Ledger, LineRef, Mask, Overflow};
pub use lines::LineId;
pub use metrics::{MonthFigures, Summary};
use number::Exact;

/// One line of the projection.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Which line.
    pub id: LineRef,
    /// Its initiative.
    pub initiative: Initiative,
    /// Cost or benefit.
    pub kind: LineKind,
    /// Its English name (custom lines: the user's name).
    pub name: String,
    /// Unadjusted amounts for months 1..=horizon.
    pub amounts: Vec<Decimal>,
}

/// Monthly figures and the summary, either risk-adjusted or not.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// One entry per month.
    pub months: Vec<MonthFigures<Decimal>>,
    /// The headline figures.
    pub summary: Summary<Decimal>,
}

/// What one initiative does on its own and what it adds to the combined case.
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeFigures {
    /// Which initiative.
    pub initiative: Initiative,
    /// Its summary with only it switched on, unadjusted.
    pub standalone: Summary<Decimal>,
    /// Its summary with only it switched on, risk-adjusted.
    pub standalone_adjusted: Summary<Decimal>,
    /// Combined net benefit minus the net benefit without it, unadjusted.
    pub marginal_net_benefit: Decimal,
    /// The same, risk-adjusted.
    pub marginal_net_benefit_adjusted: Decimal,
}

/// The result of simulating a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// The scenario's name.
    pub scenario: String,
    /// The currency of every amount.
    pub currency: String,
    /// Months covered.
    pub horizon_months: u32,
    /// Costs are multiplied by this in the adjusted figures (1 + cost risk).
    pub cost_factor: Decimal,
    /// Benefits are multiplied by this in the adjusted figures (1 − benefit risk).
    pub benefit_factor: Decimal,
    /// Every line of every switched-on initiative, unadjusted.
    pub lines: Vec<Line>,
    /// Without risk adjustment.
    pub unadjusted: Figures,
    /// With risk adjustment.
    pub adjusted: Figures,
    /// The switched-on initiatives, each on its own and at the margin.
    pub initiatives: Vec<InitiativeFigures>,
}

impl Projection {
    /// The risk-adjusted or the unadjusted figures.
    pub fn figures(&self, risk_adjusted: bool) -> &Figures {
        if risk_adjusted {
            &self.adjusted
        } else {
            &self.unadjusted
        }
    }

    /// A line's amount in a month (1-based), risk-adjusted or not.
    pub fn line_amount(&self, line: &Line, month: u32, risk_adjusted: bool) -> Decimal {
        let amount = line
            .amounts
            .get(month as usize - 1)
            .copied()
            .unwrap_or_default();
        if !risk_adjusted {
            return amount;
        }
        let factor = match line.kind {
            LineKind::Cost => self.cost_factor,
            LineKind::Benefit => self.benefit_factor,
        };
        amount.checked_mul(factor).unwrap_or(amount)
    }
}

/// Simulates a valid scenario: the ledger, the metrics with and without risk adjustment,
/// and each initiative's stand-alone and marginal figures.
pub fn simulate(scenario: &ValidScenario) -> Result<Projection, Overflow> {
    project(scenario, true)
}

/// One 18-month (horizon-long) simulation: the ledger and the metrics with and without risk
/// adjustment, leaving `initiatives` empty. The stand-alone and marginal figures take one more
/// run per initiative each; callers that do not show them save that time.
pub fn simulate_ledger(scenario: &ValidScenario) -> Result<Projection, Overflow> {
    project(scenario, false)
}

fn project(scenario: &ValidScenario, with_initiatives: bool) -> Result<Projection, Overflow> {
    let s = scenario.scenario();
    let f = &s.finance;
    let cost_factor = Exact::from(Decimal::ONE)
        + Exact::from(f.cost_risk_pct) / Exact::from(Decimal::ONE_HUNDRED);
    let benefit_factor = Exact::from(Decimal::ONE)
        - Exact::from(f.benefit_risk_pct) / Exact::from(Decimal::ONE_HUNDRED);
    let rate = Exact::from(f.discount_rate_annual_pct);
    // One fractional power for every summary below (it is the slowest step in Decimal).
    let discount = metrics::monthly_discount(rate);
    let too_large = |what: &str| Overflow {
        line: what.to_owned(),
        month: f.horizon_months,
    };

    let ledger = engine::run::<Decimal, Exact>(s, Mask::ALL, true)?;
    let figures = |cost_factor: Exact, benefit_factor: Exact| -> Result<Figures, Overflow> {
        let mut months = Vec::with_capacity(ledger.costs.len());
        let summary = metrics::summarize_discounted(
            &ledger.costs,
            &ledger.benefits,
            cost_factor,
            benefit_factor,
            rate,
            discount,
            Some(&mut months),
        );
        let months = months
            .into_iter()
            .map(|m| {
                Some(MonthFigures {
                    month: m.month,
                    costs: m.costs.get()?,
                    benefits: m.benefits.get()?,
                    net: m.net.get()?,
                    cumulative_net: m.cumulative_net.get()?,
                    discounted_net: m.discounted_net.get()?,
                    roi_to_date_pct: match m.roi_to_date_pct {
                        Some(r) => Some(r.get()?),
                        None => None,
                    },
                })
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| too_large("the monthly totals"))?;
        let summary = summary
            .try_map(Exact::get)
            .ok_or_else(|| too_large("the summary"))?;
        Ok(Figures { months, summary })
    };
    let one = Exact::from(Decimal::ONE);
    let unadjusted = figures(one, one)?;
    let adjusted = figures(cost_factor, benefit_factor)?;

    let mut initiatives = Vec::new();
    for initiative in Initiative::ALL {
        if !with_initiatives
            || !s.is_enabled(initiative)
            || (initiative == Initiative::Custom && s.custom.lines.is_empty())
        {
            continue;
        }
        let alone = engine::run::<Decimal, Exact>(s, Mask::only(initiative), false)?;
        let without = engine::run::<Decimal, Exact>(s, Mask::without(initiative), false)?;
        let standalone = |cf: Exact, bf: Exact| {
            metrics::summarize_discounted(
                &alone.costs,
                &alone.benefits,
                cf,
                bf,
                rate,
                discount,
                None,
            )
            .try_map(Exact::get)
            .ok_or_else(|| too_large("a stand-alone summary"))
        };
        let net = |l: &Ledger<Exact>, cf: Exact, bf: Exact| {
            l.costs
                .iter()
                .zip(&l.benefits)
                .fold(Exact::from(Decimal::ZERO), |acc, (&c, &b)| {
                    acc + b * bf - c * cf
                })
        };
        let marginal = |cf: Exact, bf: Exact| {
            (net(&ledger, cf, bf) - net(&without, cf, bf))
                .get()
                .ok_or_else(|| too_large("a marginal contribution"))
        };
        initiatives.push(InitiativeFigures {
            initiative,
            standalone: standalone(one, one)?,
            standalone_adjusted: standalone(cost_factor, benefit_factor)?,
            marginal_net_benefit: marginal(one, one)?,
            marginal_net_benefit_adjusted: marginal(cost_factor, benefit_factor)?,
        });
    }

    let lines = ledger
        .lines
        .iter()
        .enumerate()
        .map(|(i, &(id, initiative, kind))| {
            let amounts = ledger
                .line_amounts(i)
                .iter()
                .map(|a| a.get())
                .collect::<Option<Vec<_>>>()?;
            Some(Line {
                id,
                initiative,
                kind,
                name: engine::line_name(s, id),
                amounts,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| too_large("a ledger line"))?;

    Ok(Projection {
        scenario: s.name.clone(),
        currency: s.currency.clone(),
        horizon_months: f.horizon_months,
        cost_factor: cost_factor
            .get()
            .ok_or_else(|| too_large("the cost risk"))?,
        benefit_factor: benefit_factor
            .get()
            .ok_or_else(|| too_large("the benefit risk"))?,
        lines,
        unadjusted,
        adjusted,
        initiatives,
    })
}

/// The summary of a scenario held as `f64`, for sampling: the same formulas as
/// [`simulate`], without the ledger lines or the per-initiative figures.
pub fn summarize_f64(
    scenario: &crate::model::Scenario<f64>,
    risk_adjusted: bool,
) -> Result<Summary<f64>, Overflow> {
    let ledger = engine::run::<f64, f64>(scenario, Mask::ALL, false)?;
    let f = &scenario.finance;
    let (cf, bf) = if risk_adjusted {
        (
            1.0 + f.cost_risk_pct / 100.0,
            1.0 - f.benefit_risk_pct / 100.0,
        )
    } else {
        (1.0, 1.0)
    };
    Ok(metrics::summarize(
        &ledger.costs,
        &ledger.benefits,
        cf,
        bf,
        f.discount_rate_annual_pct,
        None,
    ))
}
