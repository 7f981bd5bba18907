//! What people see of a tracking: where the case stands against its plan (one rule, with its
//! tolerance, for the window, the report and the command line) and the plan-against-actual
//! rows of the months that passed. Built from plain data; it computes no model figure.

use rust_decimal::Decimal;

use crate::format;
use crate::i18n::{Lang, t};
use crate::model::Scenario;
use crate::sim::tracking::Tracking;

/// Within this share of the plan's cumulative net (and within a euro when the plan's is near
/// zero) the case is on track: half a percent.
pub const ON_TRACK_SHARE: Decimal = Decimal::from_parts(5, 0, 0, false, 3);

/// Where a tracked case stands at its last month of actuals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Within [`ON_TRACK_SHARE`] of the plan.
    OnTrack,
    /// Behind the plan's cumulative net by this much (positive).
    Behind(Decimal),
    /// Ahead of it by this much (positive).
    Ahead(Decimal),
}

impl Standing {
    /// Whether the news is better than plan (ahead), worse (behind) or neither (on track):
    /// what a colour says.
    pub fn better(self) -> Option<bool> {
        match self {
            Standing::OnTrack => None,
            Standing::Behind(_) => Some(false),
            Standing::Ahead(_) => Some(true),
        }
    }
}

/// Whether a forecast figure is better than the plan's (`higher_is_better` says which way),
/// worse, or the same within [`ON_TRACK_SHARE`]: what its colour says.
pub fn versus_plan(forecast: Decimal, plan: Decimal, higher_is_better: bool) -> Option<bool> {
    let tolerance = (plan.abs() * ON_TRACK_SHARE).max(Decimal::new(5, 1));
    if (forecast - plan).abs() <= tolerance {
        None
    } else {
        Some((forecast > plan) == higher_is_better)
    }
}

/// The same for a break-even month (earlier is better; none is worse than any).
pub fn break_even_versus_plan(forecast: Option<u32>, plan: Option<u32>) -> Option<bool> {
    match (forecast, plan) {
        (Some(f), Some(p)) if f == p => None,
        (Some(f), Some(p)) => Some(f < p),
        (None, None) => None,
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
    }
}

/// What a forecast assumes, in one sentence: the plain forecast (the plan as approved after
/// the last month) or the re-based one (the last month's ratios to the plan carried on).
pub fn forecast_sentence(tracking: &Tracking, rebased: bool, horizon: u32, lang: Lang) -> String {
    let last = tracking.last_month;
    if last >= horizon {
        return t(
            lang,
            "Every month of the horizon has actuals: the forecast is what happened.",
            "Elke maand van de horizon heeft werkelijke cijfers: de verwachting is wat er gebeurde.",
        )
        .to_owned();
    }
    if rebased {
        crate::tr!(
            lang,
            "Re-based forecast: months 1–{} as they happened, then every figure observed in month {} (volume included) kept at the same ratio to the plan until month {}.",
            "Herbaseerde verwachting: maand 1–{} zoals ze gingen, daarna elk cijfer dat in maand {} is waargenomen (volume ook) in dezelfde verhouding tot het plan tot en met maand {}.",
            last,
            last,
            horizon
        )
    } else {
        crate::tr!(
            lang,
            "Forecast: months 1–{} as they happened, then the plan as approved from month {} (its volume and its performance), carrying on from the agents paid and the customers kept by month {}.",
            "Verwachting: maand 1–{} zoals ze gingen, daarna het goedgekeurde plan vanaf maand {} (zijn volume en zijn prestaties), verder vanaf de betaalde agents en de behouden klanten in maand {}.",
            last,
            last + 1,
            last
        )
    }
}

/// How deep a row of the split sits: a total, or a part of the one above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Volume, performance, the gap.
    Total,
    /// An initiative's or a driver's part of the performance.
    Part,
    /// A heading of parts without a figure of its own ("by driver").
    Heading,
}

/// One row of the variance split as the window, the report and the terminal show it.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitRow {
    /// What it is: "Volume", "Chatbot", "Handle time", "Gap to plan".
    pub label: String,
    /// Its effect on the cumulative net to date (risk-adjusted); none for a heading.
    pub effect: Option<Decimal>,
    /// How deep it sits.
    pub depth: Depth,
    /// What was observed behind it, or why it is zero ("not live until month 4").
    pub note: String,
}

/// What a driver or the volume saw: "Contacts 38,500 against 35,000 planned (month 6)".
fn seen_note(seen: &[crate::sim::tracking::Seen], lang: Lang) -> String {
    seen.iter()
        .map(|s| {
            crate::tr!(
                lang,
                "{} {} against {} planned (month {})",
                "{} {} tegen {} gepland (maand {})",
                s.field.label.get(lang),
                crate::text::actual_value(s.field, s.observed, lang),
                crate::text::actual_value(s.field, s.planned, lang),
                s.month
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rows of the split: volume, performance with its initiatives, the drivers, the gap.
pub fn split_rows(tracking: &Tracking, scenario: &Scenario, lang: Lang) -> Vec<SplitRow> {
    let v = &tracking.variance;
    let mut rows = vec![
        SplitRow {
            label: t(lang, "Volume", "Volume").to_owned(),
            effect: Some(v.volume),
            depth: Depth::Total,
            note: if v.volume_seen.is_empty() {
                t(
                    lang,
                    "no volume observed: as planned",
                    "geen volume waargenomen: volgens plan",
                )
                .to_owned()
            } else {
                seen_note(&v.volume_seen, lang)
            },
        },
        SplitRow {
            label: t(lang, "Performance", "Prestatie").to_owned(),
            effect: Some(v.performance),
            depth: Depth::Total,
            note: t(
                lang,
                "actual against the plan at the volume met",
                "werkelijk tegen het plan bij het werkelijke volume",
            )
            .to_owned(),
        },
    ];
    for &(initiative, effect) in &v.by_initiative {
        let note = match scenario.initiative_months(initiative) {
            Some((_, live)) if live > tracking.last_month => crate::tr!(
                lang,
                "not live until month {}",
                "pas live in maand {}",
                live
            ),
            _ => String::new(),
        };
        rows.push(SplitRow {
            label: initiative.title().get(lang).to_owned(),
            effect: Some(effect),
            depth: Depth::Part,
            note,
        });
    }
    rows.push(SplitRow {
        label: t(lang, "Performance by driver", "Prestatie per oorzaak").to_owned(),
        effect: None,
        depth: Depth::Heading,
        note: t(
            lang,
            "each put in on top of the ones above",
            "elk bovenop de vorige ingevuld",
        )
        .to_owned(),
    });
    for d in v.by_driver.iter().filter(|d| !d.seen.is_empty()) {
        rows.push(SplitRow {
            label: d.driver.label().get(lang).to_owned(),
            effect: Some(d.effect),
            depth: Depth::Part,
            note: seen_note(&d.seen, lang),
        });
    }
    rows.push(SplitRow {
        label: t(lang, "Gap to plan", "Verschil met het plan").to_owned(),
        effect: Some(v.total),
        depth: Depth::Total,
        note: crate::tr!(
            lang,
            "cumulative net to month {}, risk-adjusted",
            "cumulatief netto tot en met maand {}, na risicocorrectie",
            tracking.last_month
        ),
    });
    rows
}

/// Where `t` stands: the gap to the plan's cumulative net at the last month of actuals,
/// against [`ON_TRACK_SHARE`] of the plan's cumulative net then.
pub fn standing(t: &Tracking) -> Standing {
    let gap = t.gap();
    let scale = t.months.last().map_or(Decimal::ONE, |m| {
        m.planned.cumulative_net.abs().max(Decimal::ONE)
    });
    if gap.abs() <= scale * ON_TRACK_SHARE || format::round(gap, 0).is_zero() {
        Standing::OnTrack
    } else if gap < Decimal::ZERO {
        Standing::Behind(-gap)
    } else {
        Standing::Ahead(gap)
    }
}

/// Where a tracked case stands, as a card or a sentence says it: "On track", "Behind by
/// €54,716", "Ahead by €8,100".
pub fn standing_text(s: Standing, lang: Lang) -> String {
    match s {
        Standing::OnTrack => t(lang, "On track", "Op koers").to_owned(),
        Standing::Behind(by) => {
            crate::tr!(
                lang,
                "Behind by {}",
                "Achter met {}",
                format::money_whole(by, lang)
            )
        }
        Standing::Ahead(by) => {
            crate::tr!(
                lang,
                "Ahead by {}",
                "Voor met {}",
                format::money_whole(by, lang)
            )
        }
    }
}

/// Where a tracked case stands, as a sentence goes on: "on track", "behind plan by €54,716",
/// "ahead of plan by €8,100".
pub fn standing_phrase(s: Standing, lang: Lang) -> String {
    match s {
        Standing::OnTrack => t(lang, "on track", "op koers").to_owned(),
        Standing::Behind(by) => crate::tr!(
            lang,
            "behind plan by {}",
            "achter op het plan met {}",
            format::money_whole(by, lang)
        ),
        Standing::Ahead(by) => crate::tr!(
            lang,
            "ahead of plan by {}",
            "voor op het plan met {}",
            format::money_whole(by, lang)
        ),
    }
}

/// One month of the plan against what happened (risk-adjusted).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthRow {
    /// The month.
    pub month: u32,
    /// The plan's net.
    pub planned_net: Decimal,
    /// The realised net.
    pub actual_net: Decimal,
    /// Realised minus planned net.
    pub net_variance: Decimal,
    /// The plan's cumulative net.
    pub planned_cumulative: Decimal,
    /// The realised cumulative net.
    pub actual_cumulative: Decimal,
    /// Realised minus planned cumulative net: the gap to the plan so far.
    pub cumulative_variance: Decimal,
}

/// The rows of every tracked month.
pub fn month_rows(t: &Tracking) -> Vec<MonthRow> {
    t.months
        .iter()
        .map(|m| MonthRow {
            month: m.month,
            planned_net: m.planned.net,
            actual_net: m.actual.net,
            net_variance: m.actual.net - m.planned.net,
            planned_cumulative: m.planned.cumulative_net,
            actual_cumulative: m.actual.cumulative_net,
            cumulative_variance: m.actual.cumulative_net - m.planned.cumulative_net,
        })
        .collect()
}
