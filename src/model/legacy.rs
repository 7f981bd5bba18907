//! What a file written before an input existed means for that input.
//!
//! Every input added after the first file format gets a value here that makes an older file
//! compute exactly what it computed before the input existed; a new scenario gets the input's
//! (sourced) default instead. Most such values are constants (`zero`); a few depend on another
//! input of the same file (the chatbot's handle time saved equals the average handle time, the
//! revenue risk equals the benefit risk). Those are read as [`UNSET`] and filled in by
//! [`crate::model::Scenario::fill_legacy`] right after the file is read.

use rust_decimal::Decimal;

use crate::model::input::FromDecimal;

/// Marks an input a file left out whose value depends on another input. No input allows
/// this value, so one that is not filled in cannot pass validation unnoticed.
pub const UNSET: Decimal = Decimal::MIN;

/// Zero: the value that leaves the model as it was (no delay, no growth, no failures).
pub fn zero<N: FromDecimal>() -> N {
    N::from_decimal(Decimal::ZERO)
}

/// Zero months.
pub fn zero_months() -> u32 {
    0
}

/// An input to be filled in from another input of the same file.
pub fn unset<N: FromDecimal>() -> N {
    N::from_decimal(UNSET)
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
