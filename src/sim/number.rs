//! The number types the model is written over: [`Exact`] (checked `Decimal`) for the ledger
//! and `f64` for sampling. The formulas in [`crate::sim::engine`] are written once against
//! [`Num`], so the two can never drift apart.

use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// What the model's formulas need of a number.
pub trait Num:
    Copy
    + PartialOrd
    + fmt::Debug
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// Zero.
    const ZERO: Self;
    /// One.
    const ONE: Self;
    /// A whole number (a month, a count).
    fn int(n: u32) -> Self;
    /// A ratio from a percentage: `pct / 100`.
    fn pct(self) -> Self {
        self / Self::int(100)
    }
    /// The smaller of two numbers.
    fn min(self, other: Self) -> Self {
        if other < self { other } else { self }
    }
    /// The twelfth root, for a monthly rate from a yearly one; none (invalid) below zero.
    fn twelfth_root(self) -> Self;
    /// Whether the number is exactly zero.
    fn is_zero(self) -> bool;
    /// Whether every step so far stayed within range (no overflow, no division by zero).
    fn is_valid(self) -> bool;
    /// The value for statistics and plots.
    fn to_f64(self) -> f64;
    /// A value from statistics (for example an IRR found by iteration).
    fn from_f64(x: f64) -> Self;
    /// An operational figure from statistics (a service level, a speed of answer), kept to
    /// nine decimals: far below what is shown, and quick to convert every month.
    fn from_kpi_f64(x: f64) -> Self {
        Self::from_f64(x)
    }
}

/// A `Decimal` whose arithmetic is checked: an overflow or a division by zero makes it
/// invalid, and every result computed from it stays invalid, so one check at the end finds it.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Exact(pub Option<Decimal>);

impl Exact {
    /// The decimal, or `None` after an overflow or a division by zero.
    pub fn get(self) -> Option<Decimal> {
        self.0
    }
}

impl From<Decimal> for Exact {
    fn from(d: Decimal) -> Self {
        Exact(Some(d))
    }
}

/// Decimal places kept in products and quotients: a millionth of a millionth of a euro, far
/// below any cent, and short enough that `Decimal` stays on its fast 64-bit paths instead of
/// carrying 28 digits through every later step.
pub const KEEP_DECIMALS: u32 = 12;

#[inline]
fn trim(d: Decimal) -> Decimal {
    if d.scale() > KEEP_DECIMALS {
        d.round_dp(KEEP_DECIMALS)
    } else {
        d
    }
}

macro_rules! exact_op {
    ($trait:ident, $method:ident, $checked:ident, $after:expr) => {
        impl $trait for Exact {
            type Output = Exact;
            #[inline]
            fn $method(self, rhs: Exact) -> Exact {
                match (self.0, rhs.0) {
                    (Some(a), Some(b)) => Exact(a.$checked(b).map($after)),
                    _ => Exact(None),
                }
            }
        }
    };
}
exact_op!(Add, add, checked_add, |d| d);
exact_op!(Sub, sub, checked_sub, |d| d);
exact_op!(Mul, mul, checked_mul, trim);
exact_op!(Div, div, checked_div, trim);

impl Neg for Exact {
    type Output = Exact;
    fn neg(self) -> Exact {
        Exact(self.0.map(|d| -d))
    }
}

impl Num for Exact {
    const ZERO: Self = Exact(Some(Decimal::ZERO));
    const ONE: Self = Exact(Some(Decimal::ONE));

    #[inline]
    fn int(n: u32) -> Self {
        Exact(Some(Decimal::from(n)))
    }

    fn twelfth_root(self) -> Self {
        Exact(self.0.and_then(decimal_twelfth_root))
    }

    #[inline]
    fn is_zero(self) -> bool {
        self.0.is_some_and(|d| d.is_zero())
    }

    fn is_valid(self) -> bool {
        self.0.is_some()
    }

    fn to_f64(self) -> f64 {
        self.0.and_then(|d| d.to_f64()).unwrap_or(f64::NAN)
    }

    fn from_f64(x: f64) -> Self {
        Exact(Decimal::from_f64(x))
    }

    fn from_kpi_f64(x: f64) -> Self {
        let scaled = (x * 1e9).round();
        if scaled.is_finite() && scaled.abs() < 9e18 {
            Exact(Some(Decimal::new(scaled as i64, 9)))
        } else {
            Exact::from_f64(x)
        }
    }
}

impl Num for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;

    #[inline]
    fn int(n: u32) -> Self {
        f64::from(n)
    }

    fn twelfth_root(self) -> Self {
        if self < 0.0 {
            f64::NAN
        } else {
            self.powf(1.0 / 12.0)
        }
    }

    #[inline]
    fn is_zero(self) -> bool {
        self == 0.0
    }

    fn is_valid(self) -> bool {
        self.is_finite()
    }

    fn to_f64(self) -> f64 {
        self
    }

    fn from_f64(x: f64) -> Self {
        x
    }
}

/// The twelfth root of `a` to full `Decimal` precision: Newton's method from the `f64` root,
/// x ← x − (x¹² − a) / (12·x¹¹). Each step doubles the correct digits, so two steps take the
/// 16 digits of the `f64` start past the 28 a `Decimal` holds. Much faster than a general power.
fn decimal_twelfth_root(a: Decimal) -> Option<Decimal> {
    if a.is_sign_negative() && !a.is_zero() {
        return None;
    }
    if a.is_zero() {
        return Some(Decimal::ZERO);
    }
    let mut x = Decimal::from_f64(a.to_f64()?.powf(1.0 / 12.0))?;
    for _ in 0..2 {
        let x2 = x.checked_mul(x)?;
        let x4 = x2.checked_mul(x2)?;
        let x8 = x4.checked_mul(x4)?;
        let x11 = x8.checked_mul(x2)?.checked_mul(x)?;
        let x12 = x11.checked_mul(x)?;
        let step = x12
            .checked_sub(a)?
            .checked_div(Decimal::from(12).checked_mul(x11)?)?;
        x = x.checked_sub(step)?;
    }
    Some(x)
}

/// Turns a scenario's stored number into the number type a run computes with.
pub trait FromInput<S> {
    /// The value of the stored number `s`.
    fn from_input(s: &S) -> Self;
}

impl FromInput<Decimal> for Exact {
    #[inline]
    fn from_input(s: &Decimal) -> Self {
        Exact(Some(*s))
    }
}

impl FromInput<f64> for f64 {
    #[inline]
    fn from_input(s: &f64) -> Self {
        *s
    }
}

impl FromInput<Decimal> for f64 {
    #[inline]
    fn from_input(s: &Decimal) -> Self {
        s.to_f64().unwrap_or(f64::NAN)
    }
}
