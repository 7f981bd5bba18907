//! The table of input descriptors: for every number a scenario holds, its path, label, unit,
//! allowed range, default and one-line meaning, in English and Dutch.
//!
//! This is the one place these facts live. Validation and its messages read it, the window
//! builds its sliders from it, and the report and the uncertainty analysis list assumptions
//! from it. The [`input_group!`] macro declares an input struct and its descriptors together,
//! so a field cannot exist without a descriptor or drift away from it.

use rust_decimal::Decimal;

pub use crate::i18n::{Lang, Text};

/// The part of a scenario an input belongs to; also the editor's groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Today's contact centre.
    Baseline,
    /// The AI chatbot / self-service initiative.
    Chatbot,
    /// The omnichannel platform initiative.
    Omnichannel,
    /// The agent training initiative.
    Training,
    /// Horizon, discount rate, risk adjustment and realisation.
    Finance,
    /// The headcount path: staffing model, policy, notice and severance.
    Staffing,
}

impl Group {
    /// Every group, in the order the editor shows them.
    pub const ALL: [Group; 6] = [
        Group::Baseline,
        Group::Staffing,
        Group::Chatbot,
        Group::Omnichannel,
        Group::Training,
        Group::Finance,
    ];

    /// The prefix of the group's input paths, as in the scenario file.
    pub fn key(self) -> &'static str {
        match self {
            Group::Baseline => "baseline",
            Group::Chatbot => "chatbot",
            Group::Omnichannel => "omnichannel",
            Group::Training => "training",
            Group::Finance => "finance",
            Group::Staffing => "staffing",
        }
    }

    /// The initiative whose inputs the group holds, if any.
    pub fn initiative(self) -> Option<crate::model::Initiative> {
        crate::model::Initiative::ALL
            .into_iter()
            .find(|i| i.group() == Some(self))
    }

    /// The group's heading.
    pub fn title(self) -> Text {
        match self {
            Group::Baseline => Text {
                en: "Contact centre today",
                nl: "Klantcontact vandaag",
            },
            Group::Chatbot => Text {
                en: "Chatbot",
                nl: "Chatbot",
            },
            Group::Omnichannel => Text {
                en: "Omnichannel",
                nl: "Omnichannel",
            },
            Group::Training => Text {
                en: "Training",
                nl: "Training",
            },
            Group::Finance => Text {
                en: "Finance and risk",
                nl: "Financiën en risico",
            },
            Group::Staffing => Text {
                en: "Staffing and headcount",
                nl: "Bezetting en personeel",
            },
        }
    }
}

/// The unit an input is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Contacts in a month.
    ContactsPerMonth,
    /// Minutes.
    Minutes,
    /// Euro per hour.
    EurPerHour,
    /// A percentage (0 to 100 unless the range says otherwise).
    Percent,
    /// A percentage per year.
    PercentPerYear,
    /// A percentage per month.
    PercentPerMonth,
    /// Full-time agents.
    Fte,
    /// Euro, once.
    Eur,
    /// Euro each month.
    EurPerMonth,
    /// Euro for each agent.
    EurPerAgent,
    /// Euro for each agent seat, each month.
    EurPerSeatMonth,
    /// Euro for each conversation the bot resolves.
    EurPerResolution,
    /// Euro for each customer, each month.
    EurPerCustomerMonth,
    /// Euro for each day.
    EurPerDay,
    /// Customers.
    Customers,
    /// Hours for each agent.
    HoursPerAgent,
    /// Hours one full-time agent works in a month.
    HoursPerFteMonth,
    /// Hours in a month.
    HoursPerMonth,
    /// Seconds.
    Seconds,
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months (a month number or a number of months).
    Months,
}

impl Unit {
    /// The short unit shown beside a value.
    pub fn symbol(self) -> Text {
        let t = |en, nl| Text { en, nl };
        match self {
            Unit::ContactsPerMonth => t("contacts/month", "contacten/maand"),
            Unit::Minutes => t("min", "min"),
            Unit::EurPerHour => t("€/hour", "€/uur"),
            Unit::Percent => t("%", "%"),
            Unit::PercentPerYear => t("%/year", "%/jaar"),
            Unit::PercentPerMonth => t("%/month", "%/maand"),
            Unit::Fte => t("FTE", "fte"),
            Unit::Eur => t("€", "€"),
            Unit::EurPerMonth => t("€/month", "€/maand"),
            Unit::EurPerAgent => t("€/agent", "€/agent"),
            Unit::EurPerSeatMonth => t("€/seat/month", "€/plek/maand"),
            Unit::EurPerResolution => t("€/resolution", "€/oplossing"),
            Unit::EurPerCustomerMonth => t("€/customer/month", "€/klant/maand"),
            Unit::EurPerDay => t("€/day", "€/dag"),
            Unit::Customers => t("customers", "klanten"),
            Unit::HoursPerAgent => t("hours/agent", "uur/agent"),
            Unit::HoursPerFteMonth => t("hours/FTE/month", "uur/fte/maand"),
            Unit::HoursPerMonth => t("hours/month", "uur/maand"),
            Unit::Seconds => t("s", "s"),
            Unit::Days => t("days", "dagen"),
            Unit::Weeks => t("weeks", "weken"),
            Unit::Months => t("months", "maanden"),
        }
    }
}

/// One input of a scenario: what it is, what it may be, what it means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputDescriptor {
    /// Where the input sits in the scenario file, e.g. `chatbot.containment_pct`.
    pub path: &'static str,
    /// The group (and editor section) it belongs to.
    pub group: Group,
    /// The field's position inside its group, used to reach the value.
    pub index: usize,
    /// The short label shown beside the slider.
    pub label: Text,
    /// One line that says what the input means; the slider's hover text.
    pub meaning: Text,
    /// The unit of the value.
    pub unit: Unit,
    /// The smallest allowed value.
    pub min: Decimal,
    /// The largest allowed value.
    pub max: Decimal,
    /// The value a new scenario starts with.
    pub default: Decimal,
    /// Whether only whole numbers are allowed (month numbers and counts of months).
    pub whole: bool,
    /// Where the default comes from, when a source gives it; shown in the hover text.
    pub source: Option<Text>,
    /// The range the source gives as typical (low, high), when it gives one: a value outside
    /// it is possible but needs a reason of its own (goal seek says so).
    pub typical: Option<(Decimal, Decimal)>,
}

impl InputDescriptor {
    /// The decimals the input is edited with: none for whole numbers and most counts and
    /// amounts, one for percentages, minutes and weeks, two for small prices.
    pub fn decimals(&self) -> u32 {
        match self.unit {
            _ if self.whole => 0,
            Unit::Percent
            | Unit::PercentPerYear
            | Unit::PercentPerMonth
            | Unit::Minutes
            | Unit::Weeks => 1,
            Unit::EurPerResolution | Unit::EurPerHour | Unit::EurPerCustomerMonth => 2,
            _ => 0,
        }
    }

    /// The field's name inside its group, e.g. `containment_pct`.
    pub fn field(&self) -> &'static str {
        self.path
            .split_once('.')
            .map_or(self.path, |(_, field)| field)
    }
}

/// A mutable view of one input inside a scenario.
pub enum Slot<'a, N> {
    /// A number (money, a percentage, a count).
    Value(&'a mut N),
    /// A month number or a count of months.
    Months(&'a mut u32),
}

/// A number type a default can be given in.
pub trait FromDecimal {
    /// The value of `d`.
    fn from_decimal(d: Decimal) -> Self;
}

impl FromDecimal for Decimal {
    fn from_decimal(d: Decimal) -> Self {
        d
    }
}

impl FromDecimal for f64 {
    fn from_decimal(d: Decimal) -> Self {
        use rust_decimal::prelude::ToPrimitive;
        d.to_f64().unwrap_or(0.0)
    }
}

/// A read-only view of one input inside a scenario.
pub enum SlotRef<'a, N> {
    /// A number (money, a percentage, a count).
    Value(&'a N),
    /// A month number or a count of months.
    Months(u32),
}

/// Declares an input struct (generic over the number type) together with its descriptors,
/// its `Default` and the accessors by index that the descriptors use.
macro_rules! input_group {
    (
        $(#[$meta:meta])*
        pub struct $name:ident, group $group:ident, prefix $prefix:literal, descriptors $table:ident {
            plain { $( $(#[$pmeta:meta])* $pf:ident : $pty:ty = $pdef:expr, )* }
            months { $(
                $mf:ident = $mdef:literal, $mmin:literal to $mmax:literal,
                $men:literal / $mnl:literal, $mmen:literal / $mmnl:literal
                $(, source $msen:literal / $msnl:literal)?
                $(, typical $mtlo:literal to $mthi:literal)?
                $(, legacy $mleg:literal)?;
            )* }
            values { $(
                $vf:ident = $vdef:tt, $vunit:ident, $vmin:literal to $vmax:tt,
                $ven:literal / $vnl:literal, $vmen:literal / $vmnl:literal
                $(, source $vsen:literal / $vsnl:literal)?
                $(, typical $vtlo:literal to $vthi:literal)?
                $(, legacy $vleg:literal)?;
            )* }
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(
            deny_unknown_fields,
            bound(deserialize = "N: serde::Deserialize<'de> + crate::model::input::FromDecimal")
        )]
        pub struct $name<N = rust_decimal::Decimal> {
            $( $(#[$pmeta])* pub $pf: $pty, )*
            $( #[doc = $mmen] $( #[serde(default = $mleg)] )? pub $mf: u32, )*
            $( #[doc = $vmen] $( #[serde(default = $vleg)] )? pub $vf: N, )*
        }

        impl<N: $crate::model::input::FromDecimal> Default for $name<N> {
            fn default() -> Self {
                Self {
                    $( $pf: $pdef, )*
                    $( $mf: $mdef, )*
                    $( $vf: N::from_decimal(rust_decimal_macros::dec!($vdef)), )*
                }
            }
        }

        /// The descriptors of this group's inputs, months first, then values, in field order.
        #[allow(unused_assignments)]
        pub static $table: &[$crate::model::input::InputDescriptor] = &{
            #[allow(unused_mut, unused_assignments)]
            let mut index = 0usize;
            [
                $( {
                    let d = $crate::model::input::InputDescriptor {
                        path: concat!($prefix, ".", stringify!($mf)),
                        group: $crate::model::input::Group::$group,
                        index,
                        label: $crate::model::input::Text { en: $men, nl: $mnl },
                        meaning: $crate::model::input::Text { en: $mmen, nl: $mmnl },
                        unit: $crate::model::input::Unit::Months,
                        min: rust_decimal::Decimal::from_parts($mmin, 0, 0, false, 0),
                        max: rust_decimal::Decimal::from_parts($mmax, 0, 0, false, 0),
                        default: rust_decimal::Decimal::from_parts($mdef, 0, 0, false, 0),
                        whole: true,
                        source: $crate::model::input::source_text!($($msen / $msnl)?),
                        typical: $crate::model::input::typical!($($mtlo to $mthi)?),
                    };
                    index += 1;
                    d
                }, )*
                $( {
                    let d = $crate::model::input::InputDescriptor {
                        path: concat!($prefix, ".", stringify!($vf)),
                        group: $crate::model::input::Group::$group,
                        index,
                        label: $crate::model::input::Text { en: $ven, nl: $vnl },
                        meaning: $crate::model::input::Text { en: $vmen, nl: $vmnl },
                        unit: $crate::model::input::Unit::$vunit,
                        min: rust_decimal_macros::dec!($vmin),
                        max: rust_decimal_macros::dec!($vmax),
                        default: rust_decimal_macros::dec!($vdef),
                        whole: false,
                        source: $crate::model::input::source_text!($($vsen / $vsnl)?),
                        typical: $crate::model::input::typical!($($vtlo to $vthi)?),
                    };
                    index += 1;
                    d
                }, )*
            ]
        };

        impl<N> $name<N> {
            /// The input at `index` in this group's descriptor table, to read or change.
            pub fn slot(&mut self, index: usize) -> Option<$crate::model::input::Slot<'_, N>> {
                let mut i = 0usize;
                $(
                    if i == index {
                        return Some($crate::model::input::Slot::Months(&mut self.$mf));
                    }
                    i += 1;
                )*
                $(
                    if i == index {
                        return Some($crate::model::input::Slot::Value(&mut self.$vf));
                    }
                    i += 1;
                )*
                let _ = i;
                None
            }

            /// The input at `index` in this group's descriptor table, to read.
            pub fn slot_ref(&self, index: usize) -> Option<$crate::model::input::SlotRef<'_, N>> {
                let mut i = 0usize;
                $(
                    if i == index {
                        return Some($crate::model::input::SlotRef::Months(self.$mf));
                    }
                    i += 1;
                )*
                $(
                    if i == index {
                        return Some($crate::model::input::SlotRef::Value(&self.$vf));
                    }
                    i += 1;
                )*
                let _ = i;
                None
            }

            /// Converts every number with `f`, keeping everything else.
            pub fn map<M>(&self, f: &impl Fn(&N) -> M) -> $name<M> {
                $name {
                    $( $pf: self.$pf.clone(), )*
                    $( $mf: self.$mf, )*
                    $( $vf: f(&self.$vf), )*
                }
            }
        }
    };
}

pub(crate) use input_group;

/// The optional source of a descriptor's default, as written in [`input_group!`].
macro_rules! source_text {
    () => {
        None
    };
    ($en:literal / $nl:literal) => {
        Some($crate::model::input::Text { en: $en, nl: $nl })
    };
}

pub(crate) use source_text;

/// The optional typical range of a descriptor, as written in [`input_group!`].
macro_rules! typical {
    () => {
        None
    };
    ($low:literal to $high:literal) => {
        Some((
            rust_decimal_macros::dec!($low),
            rust_decimal_macros::dec!($high),
        ))
    };
}

pub(crate) use typical;
