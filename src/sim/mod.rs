//! The simulation: from a valid scenario to a month-by-month projection, its metrics and the
//! operational figures (KPIs) behind them.
//!
//! Pure: no I/O, no clock, no randomness; every failure is a `Result`. The formulas are
//! written once, generic over [`number::Num`], in [`engine`] and [`metrics`]. The README's
//! "How the numbers are computed" says the same in words, and its "Money and time
//! conventions" are the rules [`metrics`] follows.
//!
//! # The formulas
//!
//! Notation: `a_X(m)` is initiative X's adoption in month `m`, from 0 to 1. With go-live
//! `g = start_month + implementation_months` (training with `no_benefit_while_training`:
//! `start_month + max(1, implementation_months)`, as agents are away in the course month) and
//! `k = m − g + 1`: `a = 0` before `g`; `a = 1` when `ramp_months = 0` or `k ≥ ramp_months`;
//! otherwise `x = k / ramp_months` and `a = x` (linear) or `a = x²(3 − 2x)` (S-curve). The
//! churn effects use the same curve `retention_delay_months` later: `r_X(m) = a_X(m − delay)`.
//! Percentages are used as ratios.
//!
//! Growth and indexation: `G(m) = (1 + contact growth)^((m − 1)/12)` scales every contact
//! count; `I(m) = (1 + cost indexation)^((m − 1)/12)` scales the agent cost per hour and the
//! recurring costs (licences, maintenance, refreshers, bot fees). One-off costs and custom
//! lines are as entered. Both are one when their yearly rate is zero.
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
//! 2. duplicates removed = that × a_omni × omni.duplicate_reduction; offered = what is left.
//! 3. the bot counts as resolved `closed = offered × a_bot × chatbot.containment` (the vendor
//!    bills these); `failure_pct` of them reach an agent after all, so it truly resolves
//!    `resolved = closed × (1 − failure)`; agents handle `offered − resolved`.
//! 4. the bot's contacts are the routine ones: each saves `handle_time_saved_minutes`, not the
//!    average, which leaves agents the longer ones: their handle time before the cuts is
//!    `aht_mix = aht + resolved × (aht − bot minutes) / agent contacts`. Then omnichannel
//!    `aht_mix × a_omni × omni.aht_reduction`, then training `(aht_mix − that) × a_train ×
//!    training.aht_reduction` come off each agent contact.
//!
//! Minutes saved: chatbot = resolved × bot minutes; omnichannel = (issues × (fcr₁ − fcr) +
//! duplicates removed) × aht + agent contacts × its handle-time saving; training = issues ×
//! (fcr₂ − fcr₁) × aht + agent contacts × its handle-time saving. Each "agent time saved"
//! line = minutes × saved minute × G(m) × I(m).
//!
//! Churn, step by step: the chatbot takes `churn × r_bot × chatbot.churn_reduction` off,
//! omnichannel its share of what is left, training its share of what is left then. Each
//! initiative keeps a stock of retained customers: `kept(m) = kept(m−1) × (1 − churn now) +
//! active_customers × its reduction`; its "margin of retained customers" line = kept ×
//! margin per customer. These lines are revenue-type benefits.
//!
//! Avoided agent replacements (training) = `a_train × agents × attrition / 12 ×
//! attrition_reduction × replacement_cost`.
//!
//! Costs: set-up (or course fees, trainer days × day rate, hours off the phone × agents ×
//! agent cost per hour × I(m)) and hidden costs (hidden % × those one-off costs) in the start
//! month; licences from the start month (omnichannel: per seat × agents); maintenance and
//! refreshers from go-live; bot fees = closed × price per resolution × G(m); the go-live dip =
//! agent cost per month × dip % × dip weeks × 12/52 × G(m), in the go-live month; recurring
//! costs and the dip × I(m). Custom lines: one-off in their month, monthly from `from` to
//! `to`, or a total spread evenly over `from` to `to`.
//!
//! KPIs of a month: contacts = offered × G; bot resolved; agent contacts; FCR = fcr₂; handle
//! time = aht_mix minus the cuts; agent hours = agent contacts × handle time / 60 / occupancy;
//! agents needed = agent hours / hours per FTE; cost per contact = (agent cost per month × G ×
//! I − agent time saved + the month's running costs) / contacts; customers = active customers
//! + Σ kept; churn after the reductions. The baseline KPIs are the same with no initiative.
//!
//! In `Decimal`, products and quotients keep [`number::KEEP_DECIMALS`] decimal places (far
//! below a cent); sums and differences are exact.
//!
//! Metrics: risk adjustment first (savings × (1 − risk on savings), revenue-type benefits ×
//! (1 − risk on revenue), costs × (1 + cost risk)); net, cumulative, ROI = (benefits −
//! costs) / costs × 100; monthly rate `(1 + r)^(1/12) − 1`; NPV = Σ net(m) / (1 + monthly)^m;
//! s = the first month with any cost or benefit; break-even = first month from s whose
//! cumulative ≥ 0 (none if nothing happens); payback = (m − s) + (−cumulative(m−1)) / net(m);
//! IRR = the monthly rate with NPV zero, as (1 + irr)^12 − 1, none when the flows do not change
//! sign, none with a warning when they change sign more than once.

pub mod engine;
pub mod erlang;
pub mod kpi;
pub mod lines;
pub mod metrics;
pub mod number;
pub mod staffing;
pub mod tracking;
pub mod warning;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::{Initiative, LineKind, Scenario, ValidScenario};
pub use engine::{Figure, Ledger, LineInfo, LineRef, Mask, Overflow, Paid};
pub use kpi::{KPI_KEYS, Kpis, STAFFING_KPI_KEYS, StaffingKpis};
pub use lines::{LineId, Nature, PerLine, RiskClass};
pub use metrics::{IrrNote, MonthFigures, RiskFactors, Summary};
use number::Exact;
pub use warning::Warning;

/// One line of the projection.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Which line.
    pub id: LineRef,
    /// Its initiative.
    pub initiative: Initiative,
    /// Cost or benefit.
    pub kind: LineKind,
    /// Cost, saving or revenue: how it is risk-adjusted.
    pub risk: RiskClass,
    /// A custom line's own name (the user's words); none for a computed line, whose title
    /// is in [`crate::text::line_title`].
    pub custom_name: Option<String>,
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

impl Figures {
    /// The warnings about these figures: an IRR that is not unique or too large, a
    /// break-even that does not hold.
    pub fn warnings(&self) -> Vec<Warning> {
        let s = &self.summary;
        let mut out = Vec::new();
        match s.irr_note {
            Some(IrrNote::Several { count, rates }) => {
                out.push(Warning::IrrSeveral { count, rates });
            }
            Some(IrrNote::NoRoot) => out.push(Warning::IrrNoRoot),
            Some(IrrNote::TooLarge) => out.push(Warning::IrrTooLarge),
            Some(IrrNote::NoSignChange) | None => {}
        }
        if let (Some(break_even), Some(month)) = (s.break_even_month, s.break_even_lost_month) {
            out.push(Warning::BreakEvenLost { break_even, month });
        }
        out
    }
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
    /// The first month the cumulative difference it makes to the whole (combined minus
    /// without it) is zero or more, from the first month it makes any; none within the
    /// horizon. Unadjusted.
    pub marginal_break_even_month: Option<u32>,
    /// The same, risk-adjusted.
    pub marginal_break_even_month_adjusted: Option<u32>,
}

/// One variant (risk-adjusted or not) of an initiative's figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InitiativeVariant<'a> {
    /// Its summary with only it switched on.
    pub standalone: &'a Summary<Decimal>,
    /// What it adds to the whole: combined net benefit minus the net benefit without it.
    pub marginal_net_benefit: Decimal,
}

impl InitiativeFigures {
    /// The risk-adjusted or the unadjusted figures: the one place that choice is made.
    pub fn variant(&self, risk_adjusted: bool) -> InitiativeVariant<'_> {
        if risk_adjusted {
            InitiativeVariant {
                standalone: &self.standalone_adjusted,
                marginal_net_benefit: self.marginal_net_benefit_adjusted,
            }
        } else {
            InitiativeVariant {
                standalone: &self.standalone,
                marginal_net_benefit: self.marginal_net_benefit,
            }
        }
    }
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
    /// Savings are multiplied by this in the adjusted figures (1 − risk on savings).
    pub benefit_factor: Decimal,
    /// Revenue-type benefits are multiplied by this in the adjusted figures (1 − risk on
    /// revenue).
    pub revenue_factor: Decimal,
    /// Every line of every switched-on initiative, unadjusted.
    pub lines: Vec<Line>,
    /// Without risk adjustment.
    pub unadjusted: Figures,
    /// With risk adjustment.
    pub adjusted: Figures,
    /// The switched-on initiatives, each on its own and at the margin.
    pub initiatives: Vec<InitiativeFigures>,
    /// The operational figures of each month with the initiatives.
    pub kpis: Vec<Kpis<Decimal>>,
    /// The same figures for the contact centre without any initiative.
    pub baseline_kpis: Vec<Kpis<Decimal>>,
    /// With staffing by service level: each month's service level and headcount path with
    /// the initiatives (empty with the simplified staffing).
    pub staffing_kpis: Vec<StaffingKpis<Decimal>>,
    /// The same without any initiative.
    pub baseline_staffing_kpis: Vec<StaffingKpis<Decimal>>,
    /// The agents paid with the initiatives and their payroll, each month.
    pub paid: Vec<Paid<Decimal>>,
    /// Warnings about the scenario itself (money after the horizon, headcount); see
    /// [`Projection::warnings`] for those about the figures too.
    pub scenario_warnings: Vec<Warning>,
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

    /// Every warning for one variant: about the scenario, then about its figures.
    pub fn warnings(&self, risk_adjusted: bool) -> Vec<Warning> {
        let mut out = self.scenario_warnings.clone();
        out.extend(self.figures(risk_adjusted).warnings());
        out
    }

    /// Whether the risk adjustment changes anything (some risk percentage is not zero).
    pub fn has_risk_adjustment(&self) -> bool {
        self.cost_factor != Decimal::ONE
            || self.benefit_factor != Decimal::ONE
            || self.revenue_factor != Decimal::ONE
    }

    /// The factor a line is multiplied by in the risk-adjusted figures.
    pub fn risk_factor(&self, risk: RiskClass) -> Decimal {
        match risk {
            RiskClass::Cost => self.cost_factor,
            RiskClass::Saving => self.benefit_factor,
            RiskClass::Revenue => self.revenue_factor,
        }
    }

    /// The plan's value in `month` (1-based) of a figure that actuals observe: a KPI, the
    /// agents paid or their payroll, or what an initiative's cost lines add up to.
    pub fn observable(&self, field: &crate::model::actuals::Field, month: u32) -> Option<Decimal> {
        let i = (month as usize).checked_sub(1)?;
        match field.key {
            "agent_fte" => self.paid.get(i).map(|p| p.fte),
            "payroll" => self.paid.get(i).map(|p| p.payroll),
            key => match key.strip_prefix("spent_") {
                Some(initiative) => Some(
                    self.lines
                        .iter()
                        .filter(|l| l.kind == crate::model::LineKind::Cost)
                        .filter(|l| l.initiative.key() == initiative)
                        .filter_map(|l| l.amounts.get(i))
                        .sum(),
                ),
                None => self.kpis.get(i)?.by_key(key),
            },
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
        amount
            .checked_mul(self.risk_factor(line.risk))
            .unwrap_or(amount)
    }

    /// The whole case's net benefit minus the sum of what each initiative adds. Initiatives
    /// that work on the same contacts overlap (a contact the bot resolves cannot also be made
    /// shorter by training), so each one's contribution at the margin leaves out the part it
    /// shares with the others; that shared part is the interaction (positive when they
    /// overlap, negative when they reinforce each other). With it, the contributions add up
    /// to the whole.
    pub fn interaction_net_benefit(&self, risk_adjusted: bool) -> Decimal {
        let whole = self.figures(risk_adjusted).summary.net_benefit;
        self.initiatives.iter().fold(whole, |rest, i| {
            rest - i.variant(risk_adjusted).marginal_net_benefit
        })
    }

    /// The KPIs of the last month, and of the last month without any initiative.
    pub fn final_kpis(&self) -> Option<(&Kpis<Decimal>, &Kpis<Decimal>)> {
        Some((self.kpis.last()?, self.baseline_kpis.last()?))
    }
}

/// Simulates a valid scenario: the ledger, the metrics with and without risk adjustment,
/// and each initiative's stand-alone and marginal figures.
pub fn simulate(scenario: &ValidScenario) -> Result<Projection, Overflow> {
    project(scenario, true)
}

/// The projection at the scenario's second horizon (`finance.second_horizon_months`, the
/// longer view), or none when it is the horizon itself. Actuals and ranges play no part.
pub fn simulate_longer(scenario: &ValidScenario) -> Result<Option<Projection>, Overflow> {
    let s = scenario.scenario();
    let second = s.finance.second_horizon_months;
    if second == s.finance.horizon_months {
        return Ok(None);
    }
    let mut longer = s.clone();
    longer.finance.horizon_months = second;
    longer.actuals.clear();
    match longer.validate() {
        Ok(valid) => simulate(&valid).map(Some),
        // A horizon from 1 to 120 leaves a valid scenario valid; should it not, no longer view.
        Err(_) => Ok(None),
    }
}

/// One 18-month (horizon-long) simulation: the ledger and the metrics with and without risk
/// adjustment, leaving `initiatives` empty. The stand-alone and marginal figures take one more
/// run per initiative each; callers that do not show them save that time.
pub fn simulate_ledger(scenario: &ValidScenario) -> Result<Projection, Overflow> {
    project(scenario, false)
}

/// The risk factors of a scenario's finance settings.
pub(crate) fn risk_factors(s: &Scenario) -> RiskFactors<Exact> {
    let f = &s.finance;
    RiskFactors::from_pct(
        Exact::from(f.cost_risk_pct),
        Exact::from(f.benefit_risk_pct),
        Exact::from(f.revenue_risk_pct),
    )
}

/// The net benefit of a ledger with the given risk factors, month by month.
/// The month net of a ledger at risk factors `k`, month by month.
fn adjusted_nets(l: &Ledger<Exact>, k: RiskFactors<Exact>) -> impl Iterator<Item = Exact> + '_ {
    let same = k.saving == k.revenue;
    l.costs
        .iter()
        .zip(&l.benefits)
        .zip(&l.revenue)
        .map(move |((&c, &b), &r)| {
            let b = if same {
                b * k.saving
            } else {
                (b - r) * k.saving + r * k.revenue
            };
            b - c * k.cost
        })
}

/// The first month from which an initiative has paid for itself at the margin: the cumulative
/// of (the whole's net − the net without it) is zero or more, counted from the first month it
/// makes a difference.
fn marginal_break_even(
    whole: &Ledger<Exact>,
    without: &Ledger<Exact>,
    k: RiskFactors<Exact>,
) -> Option<u32> {
    let mut cumulative = Exact::from(Decimal::ZERO);
    let mut started = false;
    for (i, (a, b)) in adjusted_nets(whole, k)
        .zip(adjusted_nets(without, k))
        .enumerate()
    {
        let difference = a - b;
        cumulative = cumulative + difference;
        started = started || !crate::sim::number::Num::is_zero(difference);
        if started && cumulative >= Exact::from(Decimal::ZERO) {
            return Some(i as u32 + 1);
        }
    }
    None
}

fn adjusted_net(l: &Ledger<Exact>, k: RiskFactors<Exact>) -> Exact {
    let same = k.saving == k.revenue;
    l.costs.iter().zip(&l.benefits).zip(&l.revenue).fold(
        Exact::from(Decimal::ZERO),
        |acc, ((&c, &b), &r)| {
            let b = if same {
                b * k.saving
            } else {
                (b - r) * k.saving + r * k.revenue
            };
            acc + b - c * k.cost
        },
    )
}

fn project(scenario: &ValidScenario, with_initiatives: bool) -> Result<Projection, Overflow> {
    project_observed(scenario, with_initiatives, None)
}

/// [`project`] with observations in place of the plan's months (see
/// [`engine::run_observed`]).
pub(crate) fn project_observed(
    scenario: &ValidScenario,
    with_initiatives: bool,
    observed: Option<&engine::Observed<Exact>>,
) -> Result<Projection, Overflow> {
    let s = scenario.scenario();
    let adjusted_factors = risk_factors(s);
    let sums = Sums::of(s);
    let no_risk = RiskFactors::<Exact>::none();

    let ledger = engine::run_observed::<Decimal, Exact>(s, Mask::ALL, true, observed)?;
    let unadjusted = sums.figures(&ledger, no_risk)?;
    let adjusted = sums.figures(&ledger, adjusted_factors)?;
    let initiatives = if with_initiatives {
        initiative_figures(s, &ledger, &sums, adjusted_factors)?
    } else {
        Vec::new()
    };
    let lines = projected_lines(s, &ledger).ok_or_else(|| sums.too_large(Figure::MonthlyTotals))?;
    let exact_kpis = |all: &[Kpis<Exact>]| {
        all.iter()
            .map(|k| k.try_map(Exact::get))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| sums.too_large(Figure::Kpis))
    };
    let kpis = exact_kpis(&ledger.kpis)?;
    let baseline_kpis = exact_kpis(&ledger.baseline_kpis)?;
    let exact_staffing = |all: &[StaffingKpis<Exact>]| {
        all.iter()
            .map(|k| k.try_map(Exact::get))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| sums.too_large(Figure::Kpis))
    };
    let staffing_kpis = exact_staffing(&ledger.staffing)?;
    let baseline_staffing_kpis = exact_staffing(&ledger.baseline_staffing)?;
    let paid = ledger
        .paid
        .iter()
        .map(|p| {
            Some(Paid {
                fte: p.fte.get()?,
                payroll: p.payroll.get()?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| sums.too_large(Figure::Kpis))?;
    let factor = |x: Exact| x.get().ok_or_else(|| sums.too_large(Figure::RiskFactor));
    let scenario_warnings = scenario_warnings(s, baseline_kpis.first());

    Ok(Projection {
        scenario: s.name.clone(),
        currency: s.currency.clone(),
        horizon_months: s.finance.horizon_months,
        cost_factor: factor(adjusted_factors.cost)?,
        benefit_factor: factor(adjusted_factors.saving)?,
        revenue_factor: factor(adjusted_factors.revenue)?,
        lines,
        unadjusted,
        adjusted,
        initiatives,
        kpis,
        baseline_kpis,
        staffing_kpis,
        baseline_staffing_kpis,
        paid,
        scenario_warnings,
    })
}

/// How a ledger is summed up: the discount rate, its monthly factor (one fractional power for
/// every summary, the slowest step in Decimal) and the horizon an overflow is reported at.
struct Sums {
    rate: Exact,
    discount: Exact,
    horizon: u32,
}

impl Sums {
    fn of(s: &Scenario) -> Self {
        let rate = Exact::from(s.finance.discount_rate_annual_pct);
        Sums {
            rate,
            discount: metrics::monthly_discount(rate),
            horizon: s.finance.horizon_months,
        }
    }

    fn too_large(&self, figure: Figure) -> Overflow {
        Overflow {
            figure,
            month: self.horizon,
        }
    }

    /// The summary of a ledger with risk factors `k`, its months into `out` when asked.
    fn summary(
        &self,
        l: &Ledger<Exact>,
        k: RiskFactors<Exact>,
        out: Option<&mut Vec<MonthFigures<Exact>>>,
    ) -> Summary<Exact> {
        metrics::summarize_discounted(
            &metrics::Flows {
                costs: &l.costs,
                benefits: &l.benefits,
                revenue: &l.revenue,
            },
            k,
            self.rate,
            self.discount,
            out,
        )
    }

    /// The months and the summary of a ledger with risk factors `k`.
    fn figures(&self, ledger: &Ledger<Exact>, k: RiskFactors<Exact>) -> Result<Figures, Overflow> {
        let mut months = Vec::with_capacity(ledger.costs.len());
        let summary = self.summary(ledger, k, Some(&mut months));
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
            .ok_or_else(|| self.too_large(Figure::MonthlyTotals))?;
        let summary = summary
            .try_map(Exact::get)
            .ok_or_else(|| self.too_large(Figure::Summary))?;
        Ok(Figures { months, summary })
    }
}

/// Each switched-on initiative alone, and what it adds to the whole (`ledger`): the whole
/// without it, subtracted from the whole.
fn initiative_figures(
    s: &Scenario,
    ledger: &Ledger<Exact>,
    sums: &Sums,
    adjusted_factors: RiskFactors<Exact>,
) -> Result<Vec<InitiativeFigures>, Overflow> {
    let no_risk = RiskFactors::<Exact>::none();
    let mut initiatives = Vec::new();
    for initiative in Initiative::ALL {
        if !s.is_enabled(initiative)
            || (initiative == Initiative::Custom && s.custom.lines.is_empty())
        {
            continue;
        }
        let alone = engine::run::<Decimal, Exact>(s, Mask::only(initiative), false)?;
        let without = engine::run::<Decimal, Exact>(s, Mask::without(initiative), false)?;
        let standalone = |k: RiskFactors<Exact>| {
            sums.summary(&alone, k, None)
                .try_map(Exact::get)
                .ok_or_else(|| sums.too_large(Figure::StandAlone))
        };
        let marginal = |k: RiskFactors<Exact>| {
            (adjusted_net(ledger, k) - adjusted_net(&without, k))
                .get()
                .ok_or_else(|| sums.too_large(Figure::Marginal))
        };
        initiatives.push(InitiativeFigures {
            initiative,
            standalone: standalone(no_risk)?,
            standalone_adjusted: standalone(adjusted_factors)?,
            marginal_net_benefit: marginal(no_risk)?,
            marginal_net_benefit_adjusted: marginal(adjusted_factors)?,
            marginal_break_even_month: marginal_break_even(ledger, &without, no_risk),
            marginal_break_even_month_adjusted: marginal_break_even(
                ledger,
                &without,
                adjusted_factors,
            ),
        });
    }
    Ok(initiatives)
}

/// The ledger's lines with their amounts (`None` when one does not fit a Decimal).
fn projected_lines(s: &Scenario, ledger: &Ledger<Exact>) -> Option<Vec<Line>> {
    ledger
        .lines
        .iter()
        .enumerate()
        .map(|(i, info)| {
            let amounts = ledger
                .line_amounts(i)
                .iter()
                .map(|a| a.get())
                .collect::<Option<Vec<_>>>()?;
            Some(Line {
                id: info.id,
                initiative: info.initiative,
                kind: info.risk.kind(),
                risk: info.risk,
                custom_name: match info.id {
                    LineRef::Custom(i) => s.custom.lines.get(i).map(|l| l.name.clone()),
                    LineRef::Model(_) => None,
                },
                amounts,
            })
        })
        .collect()
}

/// Warnings about the scenario itself: what the horizon cuts off, and a headcount that does
/// not match the workload of `today` (the baseline KPIs of month 1).
pub fn scenario_warnings(s: &Scenario, today: Option<&Kpis<Decimal>>) -> Vec<Warning> {
    let horizon = s.finance.horizon_months;
    let mut out = Vec::new();
    for initiative in [
        Initiative::Chatbot,
        Initiative::Omnichannel,
        Initiative::Training,
    ] {
        if !s.is_enabled(initiative) {
            continue;
        }
        let Some((start, go_live)) = s.initiative_months(initiative) else {
            continue;
        };
        if start > horizon {
            out.push(Warning::StartsAfterHorizon {
                initiative,
                start_month: start,
                horizon,
            });
        } else if go_live > horizon {
            out.push(Warning::GoesLiveAfterHorizon {
                initiative,
                go_live,
                horizon,
            });
        }
    }
    if s.custom.enabled {
        for (index, line) in s.custom.lines.iter().enumerate() {
            let (first, last) = line.timing.months();
            if last > horizon && !line.amount.is_zero() {
                out.push(Warning::CustomLineAfterHorizon {
                    index,
                    name: line.name.clone(),
                    first,
                    last,
                    horizon,
                });
            }
        }
    }
    let late: Vec<u32> = s
        .actuals
        .iter()
        .map(|a| a.month)
        .filter(|&m| m > horizon)
        .collect();
    if !late.is_empty() {
        out.push(Warning::ActualsAfterHorizon {
            months: late,
            horizon,
        });
    }
    if s.chatbot.enabled && s.chatbot.handle_time_saved_minutes > s.baseline.handle_time_minutes {
        out.push(Warning::BotMinutesAboveAverage {
            bot: s.chatbot.handle_time_saved_minutes,
            average: s.baseline.handle_time_minutes,
        });
    }
    if let Some(today) = today {
        let entered = s.baseline.agents_fte;
        let implied = today.agent_fte;
        let apart = (implied - entered).abs() * Decimal::ONE_HUNDRED;
        let limit = entered * warning::HEADCOUNT_TOLERANCE_PCT;
        if entered > Decimal::ZERO && apart > limit
            || entered.is_zero() && implied.to_f64().unwrap_or(0.0) >= 0.5
        {
            out.push(Warning::Headcount {
                entered,
                implied,
                by_service_level: s.staffing.model == crate::model::StaffingModel::ServiceLevel,
            });
        }
    }
    out
}

/// The summary of a scenario held as `f64`, for sampling: the same formulas as
/// [`simulate`], without the ledger lines or the per-initiative figures.
pub fn summarize_f64(
    scenario: &crate::model::Scenario<f64>,
    risk_adjusted: bool,
) -> Result<Summary<f64>, Overflow> {
    let ledger = engine::run::<f64, f64>(scenario, Mask::ALL, false)?;
    let f = &scenario.finance;
    let factors = if risk_adjusted {
        RiskFactors::from_pct(f.cost_risk_pct, f.benefit_risk_pct, f.revenue_risk_pct)
    } else {
        RiskFactors::none()
    };
    let rate = f.discount_rate_annual_pct;
    Ok(metrics::summarize_discounted(
        &metrics::Flows {
            costs: &ledger.costs,
            benefits: &ledger.benefits,
            revenue: &ledger.revenue,
        },
        factors,
        rate,
        metrics::monthly_discount(rate),
        None,
    ))
}
