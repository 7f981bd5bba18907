//! What the window shows of a scenario, built from the engine's projection: plot series, card
//! texts, table rows, comparison rows and KPI rows, in the reader's language. The drawing code
//! in `ui` reads these and does no arithmetic on model figures; the report and exports can
//! read them too. Nothing here touches egui or files.
//!
//! [`ScenarioView`] is built once per change of a scenario (the window caches it); the
//! language-dependent texts ([`cards`], [`compare`], [`kpi`], [`table`]) are cheap and built
//! when drawn.

pub mod cards;
pub mod compare;
pub mod horizons;
pub mod kpi;
pub mod names;
pub mod palette;
pub mod table;
pub mod tracking;
pub mod uncertainty;
pub mod years;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::{Initiative, LineKind, Scenario};
use crate::sim::{self, Projection};

/// The plot series of one variant (risk-adjusted or not).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// (month, cumulative net), starting with (0, 0).
    pub cumulative: Vec<[f64; 2]>,
    /// (month, ROI to date %) where defined.
    pub roi: Vec<[f64; 2]>,
    /// (month, cumulative net) at break-even.
    pub break_even: Option<[f64; 2]>,
    /// Costs and benefits per initiative per month (costs negative), for the bar chart.
    pub bars: Vec<InitiativeBars>,
}

/// One initiative's monthly costs and benefits.
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeBars {
    /// Which initiative.
    pub initiative: Initiative,
    /// Benefits per month (index 0 is month 1).
    pub benefits: Vec<f64>,
    /// Costs per month, as negative numbers.
    pub costs: Vec<f64>,
}

/// The KPI series drawn over time: with the initiatives and without.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KpiSeries {
    /// (month, cost per contact) with the initiatives.
    pub cost_per_contact: Vec<[f64; 2]>,
    /// (month, cost per contact) without any initiative.
    pub baseline_cost_per_contact: Vec<[f64; 2]>,
    /// (month, agents needed in FTE) with the initiatives.
    pub agents_needed: Vec<[f64; 2]>,
    /// (month, agents needed in FTE) without any initiative.
    pub baseline_agents_needed: Vec<[f64; 2]>,
    /// The headcount entered, in FTE, for the plot.
    pub agents_entered: f64,
    /// The headcount entered, in FTE.
    pub agents_entered_fte: Decimal,
    /// With staffing by service level: (month, paid FTE) on the headcount path with the
    /// initiatives; empty with the simplified staffing.
    pub paid_fte: Vec<[f64; 2]>,
    /// The same without any initiative.
    pub baseline_paid_fte: Vec<[f64; 2]>,
    /// (month, share answered in time, %) by the staff paid, with the initiatives.
    pub service_level: Vec<[f64; 2]>,
    /// The same without any initiative.
    pub baseline_service_level: Vec<[f64; 2]>,
    /// The service-level target, in percent.
    pub service_level_target: f64,
}

/// A scenario's projection and the series drawn from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioView {
    /// The projection, when the scenario is valid and computes.
    pub projection: Option<Projection>,
    /// Why there is no projection.
    pub problems: Vec<String>,
    /// Risk-adjusted series.
    pub adjusted: Series,
    /// Unadjusted series.
    pub unadjusted: Series,
    /// The operational figures over time.
    pub kpi: KpiSeries,
    /// The plan against the actuals, when the scenario has actuals within its horizon.
    pub tracking: Option<sim::tracking::Tracking>,
    /// The same case at its second horizon (the longer view), when that differs and was asked
    /// for (the report does; the window works it out only for its comparison tab).
    pub longer: Option<Projection>,
}

/// The one place money and other model figures leave `Decimal` for plots and sliders.
pub fn to_plot(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

impl ScenarioView {
    /// A view with nothing to show.
    pub fn empty() -> Self {
        ScenarioView::default()
    }

    /// Validates and simulates `scenario`, and derives the plot series.
    pub fn build(scenario: &Scenario) -> Self {
        let valid = match scenario.clone().validate() {
            Ok(v) => v,
            Err(problems) => {
                return ScenarioView {
                    problems: problems.iter().map(ToString::to_string).collect(),
                    ..Self::empty()
                };
            }
        };
        match sim::simulate(&valid) {
            Ok(p) => {
                let tracking = if scenario.actuals.is_empty() {
                    None
                } else {
                    sim::tracking::track(&valid, &p).ok().flatten()
                };
                ScenarioView {
                    tracking,
                    ..Self::of(p, scenario)
                }
            }
            Err(e) => ScenarioView {
                problems: vec![e.to_string()],
                ..Self::empty()
            },
        }
    }

    /// The view of a projection already computed for `scenario`.
    pub fn of(p: Projection, scenario: &Scenario) -> Self {
        ScenarioView {
            adjusted: series(&p, true),
            unadjusted: series(&p, false),
            kpi: kpi_series(&p, scenario),
            projection: Some(p),
            problems: Vec::new(),
            tracking: None,
            longer: None,
        }
    }

    /// The series of one variant.
    pub fn series(&self, risk_adjusted: bool) -> &Series {
        if risk_adjusted {
            &self.adjusted
        } else {
            &self.unadjusted
        }
    }
}

fn series(p: &Projection, risk_adjusted: bool) -> Series {
    let figures = p.figures(risk_adjusted);
    let mut cumulative = vec![[0.0, 0.0]];
    cumulative.extend(
        figures
            .months
            .iter()
            .map(|m| [f64::from(m.month), to_plot(m.cumulative_net)]),
    );
    let roi = figures
        .months
        .iter()
        .filter_map(|m| m.roi_to_date_pct.map(|r| [f64::from(m.month), to_plot(r)]))
        .collect();
    let break_even = figures.summary.break_even_month.and_then(|month| {
        let m = figures.months.get(month as usize - 1)?;
        Some([f64::from(month), to_plot(m.cumulative_net)])
    });
    let horizon = p.horizon_months as usize;
    let mut bars: Vec<InitiativeBars> = Vec::new();
    for line in &p.lines {
        let at = match bars.iter().position(|b| b.initiative == line.initiative) {
            Some(i) => i,
            None => {
                bars.push(InitiativeBars {
                    initiative: line.initiative,
                    benefits: vec![0.0; horizon],
                    costs: vec![0.0; horizon],
                });
                bars.len() - 1
            }
        };
        let Some(target) = bars.get_mut(at) else {
            continue;
        };
        for month in 1..=p.horizon_months {
            let amount = to_plot(p.line_amount(line, month, risk_adjusted));
            let i = month as usize - 1;
            match line.kind {
                LineKind::Benefit => target.benefits[i] += amount,
                LineKind::Cost => target.costs[i] -= amount,
            }
        }
    }
    Series {
        cumulative,
        roi,
        break_even,
        bars,
    }
}

fn kpi_series(p: &Projection, scenario: &Scenario) -> KpiSeries {
    let points = |kpis: &[sim::Kpis<Decimal>], get: fn(&sim::Kpis<Decimal>) -> Decimal| {
        kpis.iter()
            .enumerate()
            .map(|(i, k)| [i as f64 + 1.0, to_plot(get(k))])
            .collect()
    };
    KpiSeries {
        cost_per_contact: points(&p.kpis, |k| k.cost_per_contact),
        baseline_cost_per_contact: points(&p.baseline_kpis, |k| k.cost_per_contact),
        agents_needed: points(&p.kpis, |k| k.agent_fte),
        baseline_agents_needed: points(&p.baseline_kpis, |k| k.agent_fte),
        agents_entered: to_plot(scenario.baseline.agents_fte),
        agents_entered_fte: scenario.baseline.agents_fte,
        paid_fte: staffing(&p.staffing_kpis, |k| k.agents_paid_fte),
        baseline_paid_fte: staffing(&p.baseline_staffing_kpis, |k| k.agents_paid_fte),
        service_level: staffing(&p.staffing_kpis, |k| k.service_level_pct),
        baseline_service_level: staffing(&p.baseline_staffing_kpis, |k| k.service_level_pct),
        service_level_target: to_plot(scenario.baseline.service_level_pct),
    }
}

fn staffing(
    kpis: &[sim::StaffingKpis<Decimal>],
    get: fn(&sim::StaffingKpis<Decimal>) -> Decimal,
) -> Vec<[f64; 2]> {
    kpis.iter()
        .enumerate()
        .map(|(i, k)| [i as f64 + 1.0, to_plot(get(k))])
        .collect()
}

/// An input's value as notes, hover texts and forms show it: the language's marks and
/// grouping, the input's decimals, no needless zeros.
pub fn input_shown(
    d: Decimal,
    input: &crate::model::InputDescriptor,
    lang: crate::i18n::Lang,
) -> String {
    let d = crate::format::round(d, input.decimals()).normalize();
    crate::format::number(d, d.scale(), lang)
}

/// An input's value with its unit, e.g. "7.5 min".
pub fn input_with_unit(
    d: Decimal,
    input: &crate::model::InputDescriptor,
    lang: crate::i18n::Lang,
) -> String {
    format!(
        "{} {}",
        input_shown(d, input, lang),
        input.unit.symbol().get(lang)
    )
}
