//! What people see of a tracking: where the case stands against its plan (one rule, with its
//! tolerance, for the window, the report and the command line) and the plan-against-actual
//! rows of the months that passed. Built from plain data; it computes no model figure.

use rust_decimal::Decimal;

use crate::format;
use crate::i18n::{Lang, t};
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
    /// Whether the news is good: on track or ahead.
    pub fn good(self) -> bool {
        !matches!(self, Standing::Behind(_))
    }
}

/// Where `t` stands: the gap to the plan's cumulative net at the last month of actuals,
/// against [`ON_TRACK_SHARE`] of the plan's cumulative net then.
pub fn standing(t: &Tracking) -> Standing {
    let gap = t.gap();
    let scale = t.months.last().map_or(Decimal::ONE, |m| {
        m.planned.cumulative_net.abs().max(Decimal::ONE)
    });
    if gap.abs() <= scale * ON_TRACK_SHARE {
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
