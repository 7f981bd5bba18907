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

/// The KPI rows of a projection at the end of its horizon; empty when it has no months.
pub fn rows(p: &Projection, lang: Lang) -> Vec<KpiRow> {
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
        .map(|(((spec, t), b), a)| {
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
        })
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
    let text = match lang {
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
    let apart = p
        .scenario_warnings
        .iter()
        .any(|w| matches!(w, crate::sim::Warning::Headcount { .. }));
    Some(Headcount { text, apart })
}
