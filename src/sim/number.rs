//! The number types the model is written over: [`Exact`] (checked `Decimal`) for the ledger
//! and `f64` for sampling. The formulas in [`crate::sim::engine`] are written once against
//! [`Num`], so the two can never drift apart.

use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};

use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::MathematicalOps;

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
    /// `self` raised to a fractional power.
    fn powf(self, exponent: f64) -> Self;
    /// Whether every step so far stayed within range (no overflow, no division by zero).
    fn is_valid(self) -> bool;
    /// The value for statistics and plots.
    fn to_f64(self) -> f64;
    /// A value from statistics (for example an IRR found by iteration).
    fn from_f64(x: f64) -> Self;
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

macro_rules! exact_op {
    ($trait:ident, $method:ident, $checked:ident) => {
        impl $trait for Exact {
            type Output = Exact;
            #[inline]
            fn $method(self, rhs: Exact) -> Exact {
                match (self.0, rhs.0) {
                    (Some(a), Some(b)) => Exact(a.$checked(b)),
                    _ => Exact(None),
                }
            }
        }
    };
}
exact_op!(Add, add, checked_add);
exact_op!(Sub, sub, checked_sub);
exact_op!(Mul, mul, checked_mul);
exact_op!(Div, div, checked_div);

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

    fn powf(self, exponent: f64) -> Self {
        let Some(e) = Decimal::from_f64(exponent) else { return Exact(None) };
        Exact(self.0.and_then(|d| d.checked_powd(e)))
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
}

impl Num for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;

    #[inline]
    fn int(n: u32) -> Self {
        f64::from(n)
    }

    fn powf(self, exponent: f64) -> Self {
        f64::powf(self, exponent)
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
