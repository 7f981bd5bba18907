//! Tracking an approved case: the plan against what happened.
//!
//! The months with actuals are worked out again with the observations in place of the plan's
//! flows ([`engine::run_observed`]): an observed handle time, resolution count, first-contact
//! resolution or churn is valued with the same formulas as the planned one, and what was spent
//! replaces an initiative's planned costs. That gives, month by month, the realised costs,
//! benefits and net beside the plan's, line by line. The *forecast* is the realised months
//! followed by the plan (carrying on from the customers actually kept); the *re-based* forecast
//! takes each figure of the last observed month as the same ratio to the plan in every later
//! month. Which observation cost or earned most: each is put in alone, and the change in the
//! cumulative net to date is its money effect.

use rust_decimal::Decimal;

use crate::model::actuals::{FIELDS, Field};
use crate::model::{MonthActuals, ValidScenario};
use crate::sim::engine::{self, Mask, Observation, Observed};
use crate::sim::number::Exact;
use crate::sim::{Kpis, MonthFigures, Overflow, Projection, project_observed, risk_factors};

/// One past month: planned and realised.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackedMonth {
    /// The month.
    pub month: u32,
    /// The plan's figures (risk-adjusted).
    pub planned: MonthFigures<Decimal>,
    /// The realised figures (risk-adjusted), the cumulative net including earlier realised
    /// months.
    pub actual: MonthFigures<Decimal>,
    /// The plan's operational figures.
    pub planned_kpis: Kpis<Decimal>,
    /// The realised operational figures: the observed ones, and what follows from them for
    /// the rest.
    pub actual_kpis: Kpis<Decimal>,
    /// Per ledger line (in the projection's order): planned and realised, risk-adjusted.
    pub lines: Vec<(Decimal, Decimal)>,
}

/// How much one observed figure moved the cumulative net to date.
#[derive(Clone, Debug, PartialEq)]
pub struct Variance {
    /// The figure.
    pub field: &'static Field,
    /// The plan's value in the last month it was observed.
    pub planned: Decimal,
    /// The observed value then.
    pub observed: Decimal,
    /// The month.
    pub month: u32,
    /// The cumulative net to date (risk-adjusted) with only this figure observed, minus the
    /// plan's: negative when it cost money.
    pub effect: Decimal,
}

/// The plan, what happened, and what it now forecasts.
#[derive(Clone, Debug, PartialEq)]
pub struct Tracking {
    /// The last month with actuals (within the horizon).
    pub last_month: u32,
    /// The realised months followed by the plan.
    pub forecast: Projection,
    /// The realised months followed by the plan re-based on the last observed month.
    pub rebased: Projection,
    /// Every month up to the last with actuals (months without any: as planned).
    pub months: Vec<TrackedMonth>,
    /// The observed figures by the size of their money effect, largest first.
    pub variances: Vec<Variance>,
}

impl Tracking {
    /// The forecast asked for: re-based or not.
    pub fn forecast(&self, rebased: bool) -> &Projection {
        if rebased {
            &self.rebased
        } else {
            &self.forecast
        }
    }

    /// Realised minus planned cumulative net at the last month with actuals
    /// (risk-adjusted): negative when behind plan.
    pub fn gap(&self) -> Decimal {
        self.months.last().map_or(Decimal::ZERO, |m| {
            m.actual.cumulative_net - m.planned.cumulative_net
        })
    }
}

/// The observation of one month's actuals (percentages as shares).
fn observation(a: &MonthActuals) -> Observation<Exact> {
    let x = |d: Option<Decimal>| d.map(Exact::from);
    let share = |d: Option<Decimal>| d.map(|d| Exact::from(d) / Exact::from(Decimal::ONE_HUNDRED));
    Observation {
        contacts: x(a.contacts),
        bot_resolved: x(a.bot_resolved_contacts),
        agent_contacts: x(a.agent_contacts),
        handle_time: x(a.handle_time_minutes),
        fcr: share(a.fcr_pct),
        churn: share(a.churn_monthly_pct),
        spent: crate::model::PerInitiative([
            x(a.spent_chatbot),
            x(a.spent_omnichannel),
            x(a.spent_training),
            x(a.spent_custom),
        ]),
    }
}

/// The observations of `actuals` within `horizon`, keeping only what `keep` lets through.
fn observed(
    actuals: &[MonthActuals],
    horizon: u32,
    rebase: bool,
    keep: impl Fn(&Field) -> bool,
) -> Observed<Exact> {
    let mut months = vec![None; horizon as usize];
    for a in actuals {
        if a.month == 0 || a.month > horizon {
            continue;
        }
        let mut only = MonthActuals::new(a.month);
        for f in FIELDS.iter().filter(|f| keep(f)) {
            only.set(f, a.get(f));
        }
        if !only.is_empty()
            && let Some(slot) = months.get_mut(a.month as usize - 1)
        {
            *slot = Some(observation(&only));
        }
    }
    Observed { months, rebase }
}

/// The risk-adjusted cumulative net of the first `months` months of a ledger run with
/// `observed`.
fn net_to_date(
    scenario: &ValidScenario,
    observed: &Observed<Exact>,
    months: u32,
) -> Result<Decimal, Overflow> {
    let s = scenario.scenario();
    let ledger = engine::run_observed::<Decimal, Exact>(s, Mask::ALL, false, Some(observed))?;
    let k = risk_factors(s);
    let n = months as usize;
    let mut total = Exact::from(Decimal::ZERO);
    for ((&c, &b), &r) in ledger
        .costs
        .iter()
        .zip(&ledger.benefits)
        .zip(&ledger.revenue)
        .take(n)
    {
        total = total + (b - r) * k.saving + r * k.revenue - c * k.cost;
    }
    total.get().ok_or(Overflow {
        figure: crate::sim::Figure::Gap,
        month: months,
    })
}

/// The plan's value of an observed figure in `month`, for the variance table.
fn planned_value(p: &Projection, field: &Field, month: u32) -> Decimal {
    let Some(k) = p.kpis.get(month as usize - 1) else {
        return Decimal::ZERO;
    };
    let initiative_costs = |key: &str| -> Decimal {
        p.lines
            .iter()
            .filter(|l| l.kind == crate::model::LineKind::Cost && l.initiative.key() == key)
            .filter_map(|l| l.amounts.get(month as usize - 1))
            .sum()
    };
    match field.key.strip_prefix("spent_") {
        Some(initiative) => initiative_costs(initiative),
        None => k.by_key(field.key).unwrap_or_default(),
    }
}

/// The tracking of `scenario` against its plan `plan` (its projection), or none when it has
/// no actuals within the horizon.
pub fn track(scenario: &ValidScenario, plan: &Projection) -> Result<Option<Tracking>, Overflow> {
    let s = scenario.scenario();
    let horizon = s.finance.horizon_months;
    let Some(last_month) = s
        .actuals
        .iter()
        .filter(|a| a.month >= 1 && a.month <= horizon && !a.is_empty())
        .map(|a| a.month)
        .max()
    else {
        return Ok(None);
    };
    let all = observed(&s.actuals, horizon, false, |_| true);
    let forecast = project_observed(scenario, false, Some(&all))?;
    let rebased = project_observed(
        scenario,
        false,
        Some(&observed(&s.actuals, horizon, true, |_| true)),
    )?;
    let mut months = Vec::new();
    for m in 1..=last_month {
        let i = m as usize - 1;
        let (Some(planned), Some(actual), Some(pk), Some(ak)) = (
            plan.adjusted.months.get(i),
            forecast.adjusted.months.get(i),
            plan.kpis.get(i),
            forecast.kpis.get(i),
        ) else {
            continue;
        };
        let mut actual_kpis = *ak;
        if let Some(a) = s.actuals.iter().find(|a| a.month == m) {
            // Counted, not valued: shown as observed.
            if let Some(v) = a.agent_fte {
                actual_kpis.agent_fte = v;
            }
            if let Some(v) = a.customers {
                actual_kpis.customers = v;
            }
        }
        let lines = plan
            .lines
            .iter()
            .zip(&forecast.lines)
            .map(|(p, a)| {
                (
                    plan.line_amount(p, m, true),
                    forecast.line_amount(a, m, true),
                )
            })
            .collect();
        months.push(TrackedMonth {
            month: m,
            planned: *planned,
            actual: *actual,
            planned_kpis: *pk,
            actual_kpis,
            lines,
        });
    }
    let empty = Observed {
        months: vec![None; horizon as usize],
        rebase: false,
    };
    let plan_to_date = net_to_date(scenario, &empty, last_month)?;
    let mut variances = Vec::new();
    for field in FIELDS.iter().filter(|f| f.valued) {
        let Some(last) = s
            .actuals
            .iter()
            .filter(|a| a.month >= 1 && a.month <= horizon && a.get(field).is_some())
            .max_by_key(|a| a.month)
        else {
            continue;
        };
        let only = observed(&s.actuals, horizon, false, |f| f.key == field.key);
        let effect = net_to_date(scenario, &only, last_month)? - plan_to_date;
        variances.push(Variance {
            field,
            planned: planned_value(plan, field, last.month),
            observed: last.get(field).unwrap_or_default(),
            month: last.month,
            effect,
        });
    }
    variances.sort_by_key(|v| std::cmp::Reverse(v.effect.abs()));
    Ok(Some(Tracking {
        last_month,
        forecast,
        rebased,
        months,
        variances,
    }))
}
