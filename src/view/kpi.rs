//! The operational figures behind the money, as the KPI tab shows them: before (the contact
//! centre without any initiative) and after (with them) at the end of the horizon.

use rust_decimal::Decimal;

use crate::format;
use crate::model::Lang;
use crate::sim::{Kpis, Projection};

/// One KPI: before, after, and the change.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiRow {
    /// The KPI's name, with its unit.
    pub label: &'static str,
    /// Today, without any initiative (month 1).
    pub today: String,
    /// At the end of the horizon without any initiative.
    pub before: String,
    /// At the end of the horizon with the initiatives.
    pub after: String,
    /// After minus before, signed.
    pub change: String,
    /// Whether the change is good for the business; none when neutral or zero.
    pub better: Option<bool>,
}

/// How a KPI is shown and which way is better.
struct Spec {
    en: &'static str,
    nl: &'static str,
    dp: u32,
    /// `Some(true)`: higher is better; `Some(false)`: lower is better; none: neutral.
    higher_is_better: Option<bool>,
}

const SPECS: [Spec; 10] = [
    Spec {
        en: "Contacts",
        nl: "Contacten",
        dp: 0,
        higher_is_better: Some(false),
    },
    Spec {
        en: "Resolved by the bot",
        nl: "Opgelost door de bot",
        dp: 0,
        higher_is_better: None,
    },
    Spec {
        en: "Handled by agents",
        nl: "Behandeld door agents",
        dp: 0,
        higher_is_better: Some(false),
    },
    Spec {
        en: "First-contact resolution (%)",
        nl: "Oplossing bij eerste contact (%)",
        dp: 1,
        higher_is_better: Some(true),
    },
    Spec {
        en: "Handle time (min)",
        nl: "Afhandeltijd (min)",
        dp: 2,
        higher_is_better: None,
    },
    Spec {
        en: "Cost per contact (€)",
        nl: "Kosten per contact (€)",
        dp: 2,
        higher_is_better: Some(false),
    },
    Spec {
        en: "Agent hours a month",
        nl: "Agenturen per maand",
        dp: 0,
        higher_is_better: Some(false),
    },
    Spec {
        en: "Agents needed (FTE)",
        nl: "Benodigde agents (fte)",
        dp: 1,
        higher_is_better: Some(false),
    },
    Spec {
        en: "Active customers",
        nl: "Actieve klanten",
        dp: 0,
        higher_is_better: Some(true),
    },
    Spec {
        en: "Churn a month (%)",
        nl: "Klantverloop per maand (%)",
        dp: 2,
        higher_is_better: Some(false),
    },
];

/// The staffing figures of a headcount path, in the order of `StaffingKpis::fields`.
const STAFFING_SPECS: [Spec; 8] = [
    Spec {
        en: "Answered in time (%)",
        nl: "Op tijd beantwoord (%)",
        dp: 1,
        higher_is_better: Some(true),
    },
    Spec {
        en: "Average speed of answer (s)",
        nl: "Gemiddelde wachttijd (s)",
        dp: 1,
        higher_is_better: Some(false),
    },
    Spec {
        en: "Occupancy on the line (%)",
        nl: "Bezetting aan de lijn (%)",
        dp: 1,
        higher_is_better: None,
    },
    Spec {
        en: "Agents required (FTE)",
        nl: "Benodigde agents (fte)",
        dp: 1,
        higher_is_better: Some(false),
    },
    Spec {
        en: "Agents paid (FTE)",
        nl: "Betaalde agents (fte)",
        dp: 1,
        higher_is_better: Some(false),
    },
    Spec {
        en: "Leavers in the month (FTE)",
        nl: "Vertrekkers in de maand (fte)",
        dp: 2,
        higher_is_better: None,
    },
    Spec {
        en: "Hires in the month (FTE)",
        nl: "Aangenomen in de maand (fte)",
        dp: 2,
        higher_is_better: None,
    },
    Spec {
        en: "Payroll a month (€)",
        nl: "Loonkosten per maand (€)",
        dp: 0,
        higher_is_better: Some(false),
    },
];

fn row(spec: &Spec, t: Decimal, b: Decimal, a: Decimal, lang: Lang) -> KpiRow {
    let d = format::round(a, spec.dp) - format::round(b, spec.dp);
    let text = format::number(d.abs(), spec.dp, lang);
    KpiRow {
        label: match lang {
            Lang::En => spec.en,
            Lang::Nl => spec.nl,
        },
        today: format::number(t, spec.dp, lang),
        before: format::number(b, spec.dp, lang),
        after: format::number(a, spec.dp, lang),
        change: if d > Decimal::ZERO {
            format!("+{text}")
        } else if d < Decimal::ZERO {
            format!("−{text}")
        } else {
            "0".to_owned()
        },
        better: if d.is_zero() {
            None
        } else {
            spec.higher_is_better.map(|up| up == (d > Decimal::ZERO))
        },
    }
}

/// The KPI rows of a projection at the end of its horizon (with a headcount path, its
/// staffing figures after them); empty when it has no months.
pub fn rows(p: &Projection, lang: Lang) -> Vec<KpiRow> {
    let mut out = kpi_rows(p, lang);
    if let (Some(after), Some(before), Some(today)) = (
        p.staffing_kpis.last(),
        p.baseline_staffing_kpis.last(),
        p.baseline_staffing_kpis.first(),
    ) {
        out.extend(
            STAFFING_SPECS
                .iter()
                .zip(today.fields())
                .zip(before.fields())
                .zip(after.fields())
                .map(|(((spec, t), b), a)| row(spec, t, b, a, lang)),
        );
    }
    out
}

fn kpi_rows(p: &Projection, lang: Lang) -> Vec<KpiRow> {
    let (Some(after), Some(before), Some(today)) = (
        p.kpis.last(),
        p.baseline_kpis.last(),
        p.baseline_kpis.first(),
    ) else {
        return Vec::new();
    };
    SPECS
        .iter()
        .zip(today.fields())
        .zip(before.fields())
        .zip(after.fields())
        .map(|(((spec, t), b), a)| row(spec, t, b, a, lang))
        .collect()
}

/// Whether today's figures differ from those at the end of the horizon without initiatives
/// (contact growth or cost indexation), so "today" is worth a column of its own.
pub fn today_differs(p: &Projection) -> bool {
    p.baseline_kpis.first() != p.baseline_kpis.last()
}

/// The headcount check: the FTE the workload needs today beside the headcount entered.
#[derive(Clone, Debug, PartialEq)]
pub struct Headcount {
    /// "34.1 FTE needed for today's workload; 40 entered".
    pub text: String,
    /// Whether the two are more than 15% apart.
    pub apart: bool,
}

/// The headcount check of a projection.
pub fn headcount(p: &Projection, entered: Decimal, lang: Lang) -> Option<Headcount> {
    let today: &Kpis<Decimal> = p.baseline_kpis.first()?;
    let one = |d: Decimal| {
        let r = format::round(d, 1).normalize();
        format::number(r, r.scale(), lang)
    };
    let mut text = match lang {
        Lang::En => format!(
            "Workload today needs {} FTE; {} entered",
            one(today.agent_fte),
            one(entered)
        ),
        Lang::Nl => format!(
            "Werklast vandaag vraagt {} fte; {} ingevoerd",
            one(today.agent_fte),
            one(entered)
        ),
    };
    // With a headcount path, the payroll a controller recognises beside it.
    if let Some(path) = p.baseline_staffing_kpis.first() {
        let payroll = format::money_whole(path.payroll, lang);
        text.push_str(&match lang {
            Lang::En => format!(
                "; payroll {payroll} in month 1, {} % answered in time",
                one(path.service_level_pct)
            ),
            Lang::Nl => format!(
                "; loonkosten {payroll} in maand 1, {} % op tijd beantwoord",
                one(path.service_level_pct)
            ),
        });
    }
    let apart = p
        .scenario_warnings
        .iter()
        .any(|w| matches!(w, crate::sim::Warning::Headcount { .. }));
    Some(Headcount { text, apart })
}
