//! How the team is staffed and how its headcount may move: the staffing model (by service
//! level, or the simplified one of older files) and the headcount policy, with what letting
//! people go costs.

use serde::{Deserialize, Serialize};

use rust_decimal::prelude::ToPrimitive;

use crate::model::input::input_group;
use crate::model::{Problem, Scenario};

/// The most traffic staffing by service level takes, in Erlangs (agents busy at once): far
/// beyond the largest contact centres (a few thousand agents on the line), and what keeps the
/// search for the agents needed quick.
pub const ERLANGS_MAX: f64 = 20_000.0;

/// How the agents a workload needs are worked out, and how freed time becomes money.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffingModel {
    /// Older files: agent hours = contacts × handle time / occupancy, and freed minutes are
    /// booked as cash the month they are freed, times the realisation share.
    Simplified,
    /// Agents on the line by Erlang C for the service-level target, paid FTE through
    /// shrinkage, and savings from the payroll of a headcount path.
    #[default]
    ServiceLevel,
}

/// How paid headcount may follow the workload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeadcountPolicy {
    /// Every leaver is replaced: headcount stays (or grows with the workload) and the service
    /// level improves instead of the payroll falling.
    KeepHeadcount,
    /// Leavers are not replaced until paid FTE meets what the workload needs.
    #[default]
    ShrinkThroughAttrition,
    /// As through attrition, and from a month on the agents the workload no longer needs are
    /// let go, after their notice months, at a severance cost each.
    ShrinkWithRedundancies,
}

input_group! {
    /// The headcount path: how paid FTE follows the agents the workload needs.
    pub struct Staffing, group Staffing, prefix "staffing", descriptors STAFFING_INPUTS {
        plain {
            /// By service level, or the simplified model of older files.
            model: StaffingModel = StaffingModel::ServiceLevel,
            /// Keep headcount, shrink through attrition, or shrink with redundancies.
            policy: HeadcountPolicy = HeadcountPolicy::ShrinkThroughAttrition,
            /// New hires take the course too, at the course fee per agent.
            train_new_hires: bool = false,
        }
        months {
            redundancies_from_month = 6, 1 to 120,
                "Redundancies from month" / "Boventallig vanaf maand",
                "With redundancies: the month agents the workload no longer needs are told; they leave after their notice."
                    / "Bij gedwongen vertrek: de maand waarin agents die de werklast niet meer nodig heeft het horen; ze vertrekken na hun opzegtermijn.";
            notice_months = 1, 0 to 24,
                "Notice" / "Opzegtermijn",
                "Months agents let go stay on the payroll after they are told."
                    / "Maanden dat agents die vertrekken na de aanzegging nog op de loonlijst staan.",
                source "Dutch law: one month's notice for an employee of under five years, up to four months after fifteen."
                    / "Nederlands recht: één maand opzegtermijn bij minder dan vijf dienstjaren, tot vier maanden na vijftien jaar.",
                typical 1 to 4;
        }
        values {
            severance_per_fte = 3000, EurPerAgent, 0 to 1000000,
                "Severance per FTE" / "Ontslagvergoeding per fte",
                "What letting one full-time agent go costs once: the transition payment and any settlement."
                    / "Wat het eenmalig kost om één fulltime agent te laten gaan: transitievergoeding en eventuele regeling.",
                source "Dutch transition payment: a third of a month's pay per year of service, about €2,500-3,500 for an agent of three to four years."
                    / "Nederlandse transitievergoeding: een derde maandsalaris per dienstjaar, ongeveer €2.500-3.500 voor een agent van drie tot vier jaar.",
                typical 2500 to 3500;
        }
    }
}

/// The inputs only staffing by service level uses.
const SERVICE_LEVEL_ONLY: [&str; 6] = [
    "baseline.opening_hours_monthly",
    "baseline.service_level_pct",
    "baseline.service_level_seconds",
    "baseline.shrinkage_pct",
    "baseline.paid_hours_per_fte_monthly",
    "baseline.agent_cost_per_paid_hour",
];

/// The inputs only the simplified staffing uses.
const SIMPLIFIED_ONLY: [&str; 4] = [
    "baseline.agent_cost_per_hour",
    "baseline.occupancy_pct",
    "baseline.hours_per_fte_monthly",
    "finance.realisation_pct",
];

/// Whether the input at `path` takes part in the figures under staffing `model`: the editor,
/// the report and the spreadsheet show only those.
pub fn uses(model: StaffingModel, path: &str) -> bool {
    match model {
        StaffingModel::Simplified => {
            !SERVICE_LEVEL_ONLY.contains(&path) && !path.starts_with("staffing.")
        }
        StaffingModel::ServiceLevel => !SIMPLIFIED_ONLY.contains(&path),
    }
}

/// What staffing by service level cannot work with: more traffic than [`ERLANGS_MAX`] in any
/// month (today's contacts × handle time over the opening hours, grown to the last month).
pub fn problems(s: &Scenario) -> Vec<Problem> {
    if s.staffing.model != StaffingModel::ServiceLevel {
        return Vec::new();
    }
    let b = &s.baseline;
    let f = |d: rust_decimal::Decimal| d.to_f64().unwrap_or(0.0);
    let opening = f(b.opening_hours_monthly);
    if opening <= 0.0 {
        return Vec::new();
    }
    let growth = (1.0 + f(b.contact_growth_yearly_pct) / 100.0)
        .max(0.0)
        .powf(f64::from(s.finance.horizon_months.saturating_sub(1)) / 12.0)
        .max(1.0);
    let erlangs = f(b.contacts_per_month) * f(b.handle_time_minutes) / (opening * 60.0) * growth;
    if erlangs > ERLANGS_MAX {
        vec![Problem::new(
            "baseline.opening_hours_monthly",
            format!(
                "gives {erlangs:.0} agents busy at once (contacts × handle time over {opening} opening hours, grown to the last month), expected at most {ERLANGS_MAX:.0}: check the contacts, the handle time and the opening hours"
            ),
        )]
    } else {
        Vec::new()
    }
}
