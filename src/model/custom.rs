//! The custom initiative: named cost and benefit lines for anything the three initiatives do
//! not cover, or to reproduce a client's own figures.

use serde::{Deserialize, Serialize};

/// Whether a line costs money or brings it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineKind {
    /// Money spent.
    Cost,
    /// Money saved or earned.
    Benefit,
}

/// When a custom line's amount falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Timing {
    /// The whole amount in one month.
    OneOff {
        /// The month it falls in.
        month: u32,
    },
    /// The amount every month from `from` to `to`, both included.
    Monthly {
        /// First month.
        from: u32,
        /// Last month.
        to: u32,
    },
    /// The amount is a total, spread evenly over the months `from` to `to`, both included.
    Spread {
        /// First month.
        from: u32,
        /// Last month.
        to: u32,
    },
}

impl Timing {
    /// The first and last month the line touches.
    pub fn months(self) -> (u32, u32) {
        match self {
            Timing::OneOff { month } => (month, month),
            Timing::Monthly { from, to } | Timing::Spread { from, to } => (from, to),
        }
    }
}

/// One named cost or benefit line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomLine<N = rust_decimal::Decimal> {
    /// What the line is, as the ledger and the report show it.
    pub name: String,
    /// Cost or benefit.
    pub kind: LineKind,
    /// The amount in euro: per month for `Monthly`, the total for `OneOff` and `Spread`.
    pub amount: N,
    /// When the amount falls.
    pub timing: Timing,
    /// For a benefit: whether it is revenue (lowered by the revenue risk) rather than a saving
    /// (lowered by the risk on savings). Left out of files when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revenue: bool,
}

/// The custom initiative: a list of lines, switched on or off together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Custom<N = rust_decimal::Decimal> {
    /// Whether the custom lines count in this scenario.
    pub enabled: bool,
    /// The lines.
    pub lines: Vec<CustomLine<N>>,
}

impl<N> Default for Custom<N> {
    fn default() -> Self {
        Custom {
            enabled: true,
            lines: Vec::new(),
        }
    }
}

impl<N> Custom<N> {
    /// Converts every amount with `f`.
    pub fn map<M>(&self, f: &impl Fn(&N) -> M) -> Custom<M> {
        Custom {
            enabled: self.enabled,
            lines: self
                .lines
                .iter()
                .map(|line| CustomLine {
                    name: line.name.clone(),
                    kind: line.kind,
                    amount: f(&line.amount),
                    timing: line.timing,
                    revenue: line.revenue,
                })
                .collect(),
        }
    }
}
