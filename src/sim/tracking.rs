//! Tracking an approved case: the plan against what happened, split the way a controller
//! splits a variance.
//!
//! The months with actuals are worked out again with the observations in place of the plan's
//! flows ([`engine::run_observed`]): an observed handle time, resolution count, first-contact
//! resolution or churn is valued with the same formulas as the planned one, what was spent
//! replaces an initiative's planned costs, and the agents paid (or their payroll) set the
//! headcount path, so agent time saved counts only as far as the payroll fell.
//!
//! Three runs give the split. The *plan*; the *flexed plan*, the plan re-run at the volume
//! observed (contacts, and customers where observed), everything else as planned; and the
//! *actual*, every observation in. The gap to plan (actual − plan, cumulative net to date,
//! risk-adjusted) is the *volume* effect (flexed − plan: the world the case met) plus the
//! *performance* effect (actual − flexed: how the initiatives did at that volume). Performance
//! is given per initiative (its lines, actual − flexed) and per driver (containment, handle
//! time, first-contact resolution, churn, spend, headcount: each driver's observations put in
//! on top of the flexed plan and the drivers before it, so the effects add up exactly).
//!
//! The *forecast* is the realised months followed by the plan (carrying on from the customers
//! kept and the agents paid); the *re-based* forecast takes each figure of the last observed
//! month as the same ratio to the plan in every later month.

use rust_decimal::Decimal;

use crate::model::actuals::{Driver, FIELDS, Field};
use crate::model::{Initiative, MonthActuals, ValidScenario};
use crate::sim::engine::{self, Mask, Observation, Observed};
use crate::sim::number::Exact;
use crate::sim::{Kpis, MonthFigures, Overflow, Paid, Projection, project_observed, risk_factors};

/// One line in one past month: planned, flexed to the volume met, realised (risk-adjusted).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineMonth {
    /// The plan's amount.
    pub planned: Decimal,
    /// The plan's amount at the volume observed.
    pub flexed: Decimal,
    /// The realised amount.
    pub actual: Decimal,
}

/// One past month: planned, flexed and realised.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackedMonth {
    /// The month.
    pub month: u32,
    /// The plan's figures (risk-adjusted).
    pub planned: MonthFigures<Decimal>,
    /// The plan's figures at the volume observed (risk-adjusted), cumulative net including
    /// the earlier flexed months.
    pub flexed: MonthFigures<Decimal>,
    /// The realised figures (risk-adjusted), the cumulative net including earlier realised
    /// months.
    pub actual: MonthFigures<Decimal>,
    /// The plan's operational figures.
    pub planned_kpis: Kpis<Decimal>,
    /// The realised operational figures: the observed ones, and what follows from them for
    /// the rest.
    pub actual_kpis: Kpis<Decimal>,
    /// The agents the plan pays and their payroll.
    pub planned_paid: Option<Paid<Decimal>>,
    /// The agents paid as realised (observed, or what follows from the observations).
    pub actual_paid: Option<Paid<Decimal>>,
    /// Per ledger line (in the projection's order).
    pub lines: Vec<LineMonth>,
}

/// One observed figure, as a driver of the split shows it: its last observation against the
/// flexed plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Seen {
    /// The figure.
    pub field: &'static Field,
    /// The last month it was observed.
    pub month: u32,
    /// The plan's value then: for a driver the flexed plan's (the plan's at the volume
    /// observed), for the volume the plan's own.
    pub planned: Decimal,
    /// The observed value.
    pub observed: Decimal,
}

/// One driver's share of the performance effect.
#[derive(Clone, Debug, PartialEq)]
pub struct DriverEffect {
    /// The driver.
    pub driver: Driver,
    /// The change in the cumulative net to date (risk-adjusted) its observations make, on top
    /// of the flexed plan and the drivers before it: negative when it cost money.
    pub effect: Decimal,
    /// Its figures observed.
    pub seen: Vec<Seen>,
}

/// The gap to plan split into volume and performance (cumulative net to date,
/// risk-adjusted). `volume + performance == total`; the initiatives' effects and the
/// drivers' effects each add up to `performance`.
#[derive(Clone, Debug, PartialEq)]
pub struct VarianceSplit {
    /// Flexed plan − plan: what the volume met changed.
    pub volume: Decimal,
    /// The figures of the volume observed.
    pub volume_seen: Vec<Seen>,
    /// Actual − flexed plan.
    pub performance: Decimal,
    /// Performance per initiative switched on (its lines, actual − flexed), in the order of
    /// [`Initiative::ALL`]; the custom lines when the scenario has any.
    pub by_initiative: Vec<(Initiative, Decimal)>,
    /// Performance per driver, in the order of [`Driver::PERFORMANCE`] (every driver, zero
    /// when none of its figures was observed).
    pub by_driver: Vec<DriverEffect>,
    /// Actual − plan: the gap.
    pub total: Decimal,
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
    /// The gap to plan, split.
    pub variance: VarianceSplit,
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
        self.variance.total
    }
}

/// The observation of one month's actuals (percentages as shares).
fn observation(a: &MonthActuals) -> Observation<Exact> {
    let x = |d: Option<Decimal>| d.map(Exact::from);
    let share = |d: Option<Decimal>| d.map(|d| Exact::from(d) / Exact::from(Decimal::ONE_HUNDRED));
    Observation {
        contacts: x(a.contacts),
        customers: x(a.customers),
        bot_resolved: x(a.bot_resolved_contacts),
        agent_contacts: x(a.agent_contacts),
        handle_time: x(a.handle_time_minutes),
        fcr: share(a.fcr_pct),
        churn: share(a.churn_monthly_pct),
        paid_fte: x(a.agent_fte),
        payroll: x(a.payroll),
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

/// The cumulative net of `p` at `month` (risk-adjusted).
fn cumulative(p: &Projection, month: u32) -> Decimal {
    p.adjusted
        .months
        .get(month as usize - 1)
        .map_or(Decimal::ZERO, |m| m.cumulative_net)
}

/// The figures of `fields` observed, each at its last observation against `against` (the
/// plan for the volume, the flexed plan for the drivers).
fn seen(
    actuals: &[MonthActuals],
    horizon: u32,
    against: &Projection,
    fields: impl Iterator<Item = &'static Field>,
) -> Vec<Seen> {
    fields
        .filter_map(|field| {
            let last = actuals
                .iter()
                .filter(|a| a.month >= 1 && a.month <= horizon && a.get(field).is_some())
                .max_by_key(|a| a.month)?;
            Some(Seen {
                field,
                month: last.month,
                planned: against.observable(field, last.month).unwrap_or_default(),
                observed: last.get(field).unwrap_or_default(),
            })
        })
        .collect()
}

/// The split of the gap at `last_month`: volume from the flexed plan, performance per
/// initiative from the lines, per driver by putting the drivers in one after the other.
fn split(
    scenario: &ValidScenario,
    (plan, flexed, actual): (&Projection, &Projection, &Projection),
    last_month: u32,
) -> Result<VarianceSplit, Overflow> {
    let s = scenario.scenario();
    let horizon = s.finance.horizon_months;
    let (p, f, a) = (
        cumulative(plan, last_month),
        cumulative(flexed, last_month),
        cumulative(actual, last_month),
    );
    // Each driver on top of the volume and the drivers before it; the last step is the
    // actual run itself, so the effects add up to the performance exactly.
    let mut by_driver = Vec::new();
    let mut before = f;
    let mut drivers_in = vec![Driver::Volume];
    for (i, driver) in Driver::PERFORMANCE.into_iter().enumerate() {
        drivers_in.push(driver);
        let observed_any = s
            .actuals
            .iter()
            .any(|m| driver.fields().any(|field| m.get(field).is_some()));
        let after = if i + 1 == Driver::PERFORMANCE.len() {
            a
        } else if observed_any {
            let only = observed(&s.actuals, horizon, false, |field| {
                drivers_in.contains(&field.driver)
            });
            net_to_date(scenario, &only, last_month)?
        } else {
            before
        };
        by_driver.push(DriverEffect {
            driver,
            effect: after - before,
            seen: seen(&s.actuals, horizon, flexed, driver.fields()),
        });
        before = after;
    }
    let months = last_month as usize;
    let by_initiative = Initiative::ALL
        .into_iter()
        .filter(|&i| actual.lines.iter().any(|l| l.initiative == i))
        .map(|i| {
            let effect = actual
                .lines
                .iter()
                .zip(&flexed.lines)
                .filter(|(l, _)| l.initiative == i)
                .map(|(l, fl)| {
                    let diff: Decimal = (1..=months as u32)
                        .map(|m| actual.line_amount(l, m, true) - flexed.line_amount(fl, m, true))
                        .sum();
                    // A cost above the flexed plan lowers the net.
                    if l.kind == crate::model::LineKind::Cost {
                        -diff
                    } else {
                        diff
                    }
                })
                .sum();
            (i, effect)
        })
        .collect();
    Ok(VarianceSplit {
        volume: f - p,
        volume_seen: seen(&s.actuals, horizon, plan, Driver::Volume.fields()),
        performance: a - f,
        by_initiative,
        by_driver,
        total: a - p,
    })
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
    let flexed = project_observed(
        scenario,
        false,
        Some(&observed(&s.actuals, horizon, false, |f| {
            f.driver == Driver::Volume
        })),
    )?;
    let mut months = Vec::new();
    for m in 1..=last_month {
        let i = m as usize - 1;
        let (Some(planned), Some(fl), Some(actual), Some(pk), Some(ak)) = (
            plan.adjusted.months.get(i),
            flexed.adjusted.months.get(i),
            forecast.adjusted.months.get(i),
            plan.kpis.get(i),
            forecast.kpis.get(i),
        ) else {
            continue;
        };
        let mut actual_kpis = *ak;
        if let Some(v) = s
            .actuals
            .iter()
            .find(|a| a.month == m)
            .and_then(|a| a.customers)
        {
            // Customers flex the plan; the count shown is the one observed.
            actual_kpis.customers = v;
        }
        let lines = plan
            .lines
            .iter()
            .zip(&flexed.lines)
            .zip(&forecast.lines)
            .map(|((p, f), a)| LineMonth {
                planned: plan.line_amount(p, m, true),
                flexed: flexed.line_amount(f, m, true),
                actual: forecast.line_amount(a, m, true),
            })
            .collect();
        months.push(TrackedMonth {
            month: m,
            planned: *planned,
            flexed: *fl,
            actual: *actual,
            planned_kpis: *pk,
            actual_kpis,
            planned_paid: plan.paid.get(i).copied(),
            actual_paid: forecast.paid.get(i).copied(),
            lines,
        });
    }
    let variance = split(scenario, (plan, &flexed, &forecast), last_month)?;
    Ok(Some(Tracking {
        last_month,
        forecast,
        rebased,
        months,
        variance,
    }))
}
