//! What a file written before an input existed means for that input.
//!
//! Every input added after the first file format gets a value here that makes an older file
//! compute exactly what it computed before the input existed; a new scenario gets the input's
//! (sourced) default instead. Most such values are constants (`zero`); a few depend on another
//! input of the same file (the chatbot's handle time saved equals the average handle time, the
//! revenue risk equals the benefit risk). Whether a file gives those is read apart
//! ([`Given`], by [`crate::model::file`]), and [`crate::model::Scenario::fill_legacy`] fills in
//! the ones it leaves out right after the file is read. No value a user can type stands for
//! "left out".

use rust_decimal::Decimal;

use crate::model::input::FromDecimal;

/// Which of the inputs whose older-file value depends on another input a file gives. Read
/// from the file's text beside the scenario itself (see [`crate::model::file`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Given {
    /// `chatbot.handle_time_saved_minutes` is in the file.
    pub chatbot_handle_time_saved: bool,
    /// `finance.revenue_risk_pct` is in the file.
    pub revenue_risk: bool,
}

/// Zero: the value that leaves the model as it was (no delay, no growth, no failures).
pub fn zero<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::ZERO)
}

/// Zero months.
pub fn zero_months() -> u32 {
    0
}

/// A longer view of 36 months: it is only shown beside the case's own horizon and changes
/// none of its figures.
pub fn thirty_six_months() -> u32 {
    36
}

/// An input to be filled in from another input of the same file (see [`Given`]); zero until
/// then.
pub fn unset<N: FromDecimal>() -> N {
    zero()
}

/// 110 hours per FTE a month: the default, which changes no money figure (it only sizes the
/// workload in agents).
pub fn hours_per_fte<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::from(110))
}

/// `false`: a switch that leaves the model as it was.
pub fn no() -> bool {
    false
}

/// A staffing section for a file that has none: the simplified model (linear staffing at the
/// entered occupancy, freed minutes times the realisation share) the file was computed with.
pub fn simplified_staffing<N: FromDecimal>() -> crate::model::Staffing<N> {
    crate::model::Staffing {
        model: crate::model::StaffingModel::Simplified,
        ..crate::model::Staffing::default()
    }
}

/// The inputs of staffing by service level, for a file written before they existed: their
/// defaults. The simplified staffing such a file gets uses none of them.
pub fn opening_hours<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::from(220))
}

/// See [`opening_hours`].
pub fn service_level_pct<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::from(80))
}

/// See [`opening_hours`].
pub fn service_level_seconds<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::from(20))
}

/// See [`opening_hours`].
pub fn shrinkage_pct<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::from(30))
}

/// See [`opening_hours`].
pub fn paid_hours_per_fte<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::from(165))
}

/// See [`opening_hours`].
pub fn agent_cost_per_paid_hour<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::from(25))
}
