//! Findings about a scenario or its figures that do not stop it from computing but that a
//! reader must know: money the horizon cuts off, an IRR that is not unique, a break-even that
//! does not hold, a headcount that does not match the workload. Plain data; the words are in
//! [`crate::text`].

use rust_decimal::Decimal;

use crate::model::Initiative;

/// Something the reader of a projection must know.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// A custom line falls (partly) after the horizon; those months are not counted.
    CustomLineAfterHorizon {
        /// Its index in `custom.lines`.
        index: usize,
        /// Its name.
        name: String,
        /// Its first month.
        first: u32,
        /// Its last month.
        last: u32,
        /// The horizon in months.
        horizon: u32,
    },
    /// An initiative starts after the horizon: none of its costs or benefits are counted.
    StartsAfterHorizon {
        /// Which initiative.
        initiative: Initiative,
        /// Its start month.
        start_month: u32,
        /// The horizon in months.
        horizon: u32,
    },
    /// An initiative goes live after the horizon: its costs count, none of its benefits.
    GoesLiveAfterHorizon {
        /// Which initiative.
        initiative: Initiative,
        /// The month it goes live.
        go_live: u32,
        /// The horizon in months.
        horizon: u32,
    },
    /// The present value is zero at several rates, so none is given as the IRR.
    IrrSeveral {
        /// How many rates.
        count: u32,
        /// The first three, % a year (the rest `NaN`).
        rates: [f64; 3],
    },
    /// The monthly net changes sign, yet no rate makes the present value zero.
    IrrNoRoot,
    /// The IRR exists but is too large to show as a number.
    IrrTooLarge,
    /// The cumulative net reaches zero, then falls below it again.
    BreakEvenLost {
        /// The break-even month (the first crossing, which is what is reported).
        break_even: u32,
        /// The month the cumulative net falls below zero again.
        month: u32,
    },
    /// The agents the workload needs differ from the headcount entered by more than 15%.
    Headcount {
        /// The headcount entered, in FTE.
        entered: Decimal,
        /// The FTE the workload needs: by Erlang C and shrinkage with staffing by service
        /// level, else contacts × handle time / 60 / occupancy / hours per FTE.
        implied: Decimal,
        /// Whether the workload is staffed by service level.
        by_service_level: bool,
    },
    /// The chatbot saves more minutes per resolution than the average contact takes.
    BotMinutesAboveAverage {
        /// Minutes saved per bot resolution.
        bot: Decimal,
        /// The average handle time.
        average: Decimal,
    },
    /// Actuals of months after the horizon: they are not counted.
    ActualsAfterHorizon {
        /// The months.
        months: Vec<u32>,
        /// The horizon.
        horizon: u32,
    },
}

/// How far apart the headcount entered and the workload's FTE may be before a warning, as a
/// share of the headcount entered.
pub const HEADCOUNT_TOLERANCE_PCT: Decimal = Decimal::from_parts(15, 0, 0, false, 0);

impl Warning {
    /// The input the warning is about, as `check` names paths; none for warnings about the
    /// figures rather than an input.
    pub fn path(&self) -> Option<String> {
        match self {
            Warning::CustomLineAfterHorizon { index, .. } => {
                Some(format!("custom.lines[{index}].timing"))
            }
            Warning::StartsAfterHorizon { initiative, .. } => {
                Some(format!("{}.start_month", initiative.key()))
            }
            Warning::GoesLiveAfterHorizon { initiative, .. } => {
                Some(format!("{}.implementation_months", initiative.key()))
            }
            Warning::Headcount { .. } => Some("baseline.agents_fte".to_owned()),
            Warning::BotMinutesAboveAverage { .. } => {
                Some("chatbot.handle_time_saved_minutes".to_owned())
            }
            Warning::ActualsAfterHorizon { .. } => Some("actuals".to_owned()),
            Warning::IrrSeveral { .. }
            | Warning::IrrNoRoot
            | Warning::IrrTooLarge
            | Warning::BreakEvenLost { .. } => None,
        }
    }
}
