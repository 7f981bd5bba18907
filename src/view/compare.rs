//! The comparison: headline figures of several scenarios against a base (what-if minus base,
//! marked better or worse for the business), every input that differs, and what each
//! initiative of one scenario adds to its whole.

use rust_decimal::Decimal;

use crate::format;
use crate::i18n::t;
use crate::model::{Initiative, Lang, Scenario, all_inputs};
use crate::sim::{Projection, Summary};
use crate::view::cards::{irr_text, month_text};

/// How a figure is written, and which way is better for the business.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Money: higher is better.
    Gain,
    /// Money spent: lower is better.
    Spend,
    /// A percentage: higher is better; changes in percentage points.
    Rate,
    /// A month number: earlier is better.
    Month,
    /// A number of months: fewer is better.
    Months,
}

/// A headline figure: its name, how to read it, and what kind it is.
struct Figure {
    name: (&'static str, &'static str),
    get: fn(&Summary<Decimal>) -> Option<Decimal>,
    kind: Kind,
}

const FIGURES: [Figure; 10] = [
    Figure {
        name: ("ROI", "ROI"),
        get: |s| s.roi_pct,
        kind: Kind::Rate,
    },
    Figure {
        name: ("ROI on present values", "ROI op contante waarden"),
        get: |s| s.roi_pv_pct,
        kind: Kind::Rate,
    },
    Figure {
        name: ("Net benefit", "Netto opbrengst"),
        get: |s| Some(s.net_benefit),
        kind: Kind::Gain,
    },
    Figure {
        name: ("Total benefits", "Totale baten"),
        get: |s| Some(s.total_benefits),
        kind: Kind::Gain,
    },
    Figure {
        name: ("Total costs", "Totale kosten"),
        get: |s| Some(s.total_costs),
        kind: Kind::Spend,
    },
    Figure {
        name: ("Break-even month", "Break-evenmaand"),
        get: |s| s.break_even_month.map(Decimal::from),
        kind: Kind::Month,
    },
    Figure {
        name: ("Payback (months)", "Terugverdientijd (maanden)"),
        get: |s| s.payback_months,
        kind: Kind::Months,
    },
    Figure {
        name: ("NPV", "NCW"),
        get: |s| Some(s.npv),
        kind: Kind::Gain,
    },
    Figure {
        name: ("IRR (a year)", "IRR (per jaar)"),
        get: |s| s.irr_annual_pct,
        kind: Kind::Rate,
    },
    Figure {
        name: ("MIRR (a year)", "MIRR (per jaar)"),
        get: |s| s.mirr_annual_pct,
        kind: Kind::Rate,
    },
];

/// A change against the base.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The change as written: what-if minus base, with its sign ("+€12,000", "−3.5 pp").
    pub text: String,
    /// Whether it is better for the business (green), worse (red), or neither.
    pub better: Option<bool>,
}

/// One headline figure across the scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRow {
    /// The figure's name.
    pub label: &'static str,
    /// Its value in each scenario, the base first.
    pub values: Vec<String>,
    /// The change against the base for each scenario after the base.
    pub changes: Vec<Change>,
}

/// One input that differs.
#[derive(Clone, Debug, PartialEq)]
pub struct InputRow {
    /// The group and the input's label.
    pub label: String,
    /// Its value in each scenario, with unit, the base first.
    pub values: Vec<String>,
}

/// A scenario as the comparison needs it.
pub struct Compared<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its inputs.
    pub scenario: &'a Scenario,
    /// Its projection, when it computes.
    pub projection: Option<&'a Projection>,
}

/// The comparison of `scenarios` against the first (the base).
#[derive(Clone, Debug, PartialEq)]
pub struct CompareView {
    /// The heading of the change columns: "change vs Chatbot 25%".
    pub change_heading: String,
    /// The headline figures.
    pub figures: Vec<FigureRow>,
    /// The inputs that differ.
    pub inputs: Vec<InputRow>,
}

fn show(kind: Kind, d: Decimal, lang: Lang) -> String {
    match kind {
        Kind::Gain | Kind::Spend => format::money_whole(d, lang),
        Kind::Rate => format::percent(d, 1, lang),
        Kind::Month => format::number(d, 0, lang),
        Kind::Months => format::months(d, lang),
    }
}

/// `text` (written for the size of `d`) with the sign of `d`.
fn signed(text: String, d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{text}")
    } else if d < Decimal::ZERO {
        format!("−{text}")
    } else {
        text
    }
}

/// Why two values cannot be subtracted, in words: one is missing, or (`capped`: an IRR) above
/// the 1000% a year shown.
fn not_comparable(
    what_if: Option<Decimal>,
    base: Option<Decimal>,
    capped: bool,
    lang: Lang,
) -> Option<String> {
    let above =
        |d: Option<Decimal>| capped && d.is_some_and(|d| d > crate::view::cards::IRR_SHOWN_MAX_PCT);
    let words = |en: &'static str, nl: &'static str| t(lang, en, nl).to_owned();
    match (what_if, base) {
        (None, None) => Some(words("none in either", "in geen van beide")),
        (None, Some(_)) => Some(words("none here", "hier geen")),
        (Some(_), None) => Some(words("none in the base", "geen in de basis")),
        (v, b) if above(v) && above(b) => Some(words("both above 1000%", "beide boven 1000%")),
        (v, _) if above(v) => Some(words("above 1000% here", "hier boven 1000%")),
        (_, b) if above(b) => Some(words("base above 1000%", "basis boven 1000%")),
        _ => None,
    }
}

fn change(
    kind: Kind,
    (what_if, base): (Option<Decimal>, Option<Decimal>),
    capped: bool,
    lang: Lang,
) -> Change {
    // A figure one side has not, or an IRR above what is shown, is no difference to subtract.
    if let Some(text) = not_comparable(what_if, base, capped, lang) {
        return Change { text, better: None };
    }
    let (Some(v), Some(b)) = (what_if, base) else {
        return Change {
            text: "–".to_owned(),
            better: None,
        };
    };
    let d = v - b;
    let text = match kind {
        Kind::Gain | Kind::Spend => signed(format::money_whole(d.abs(), lang), d),
        Kind::Rate => signed(format!("{} pp", format::number(d.abs(), 1, lang)), d),
        Kind::Month | Kind::Months => signed(format::number(d.abs(), 1, lang), d),
    };
    let rounded_zero = match kind {
        Kind::Gain | Kind::Spend => format::round(d, 0).is_zero(),
        _ => format::round(d, 1).is_zero(),
    };
    let better = if rounded_zero {
        None
    } else {
        Some(match kind {
            Kind::Gain | Kind::Rate => d > Decimal::ZERO,
            Kind::Spend | Kind::Month | Kind::Months => d < Decimal::ZERO,
        })
    };
    Change {
        text: if rounded_zero { "0".to_owned() } else { text },
        better,
    }
}

impl CompareView {
    /// Compares `scenarios` (at least one; the first is the base) in one variant.
    pub fn build(scenarios: &[Compared<'_>], risk_adjusted: bool, lang: Lang) -> Self {
        let base_name = scenarios.first().map_or("", |c| c.name);
        let summaries: Vec<Option<&Summary<Decimal>>> = scenarios
            .iter()
            .map(|c| c.projection.map(|p| &p.figures(risk_adjusted).summary))
            .collect();
        let figures = FIGURES
            .iter()
            .map(|f| {
                let base = summaries.first().copied().flatten();
                let base_value = base.and_then(f.get);
                let values = summaries
                    .iter()
                    .zip(scenarios)
                    .map(|(s, c)| match (s, f.kind) {
                        (None, _) => "–".to_owned(),
                        (Some(s), Kind::Month) => {
                            let horizon = c.projection.map_or(0, |p| p.horizon_months);
                            month_text(s, horizon, lang)
                        }
                        (Some(s), Kind::Rate) if f.name.0.starts_with("IRR") => irr_text(s, lang),
                        (Some(s), kind) => {
                            (f.get)(s).map_or_else(|| "–".to_owned(), |v| show(kind, v, lang))
                        }
                    })
                    .collect();
                let changes = summaries
                    .iter()
                    .skip(1)
                    .map(|s| {
                        let capped = f.name.0.starts_with("IRR");
                        change(f.kind, (s.and_then(f.get), base_value), capped, lang)
                    })
                    .collect();
                FigureRow {
                    label: t(lang, f.name.0, f.name.1),
                    values,
                    changes,
                }
            })
            .collect();
        let list: Vec<&Scenario> = scenarios.iter().map(|c| c.scenario).collect();
        CompareView {
            change_heading: format!("{} {base_name}", t(lang, "change vs", "verschil met")),
            figures,
            inputs: differing_inputs(&list, lang),
        }
    }
}

/// Every input (and initiative switch) whose value differs between the scenarios: its label
/// and the value in each.
pub fn differing_inputs(scenarios: &[&Scenario], lang: Lang) -> Vec<InputRow> {
    let mut rows = Vec::new();
    let Some(first) = scenarios.first() else {
        return rows;
    };
    let on_off = |on: bool| {
        t(
            lang,
            if on { "on" } else { "off" },
            if on { "aan" } else { "uit" },
        )
    };
    for initiative in Initiative::ALL {
        if scenarios
            .iter()
            .any(|s| s.is_enabled(initiative) != first.is_enabled(initiative))
        {
            rows.push(InputRow {
                label: initiative.title().get(lang).to_owned(),
                values: scenarios
                    .iter()
                    .map(|s| on_off(s.is_enabled(initiative)).to_owned())
                    .collect(),
            });
        }
    }
    for input in all_inputs() {
        let base = first.get(input);
        if scenarios.iter().any(|s| s.get(input) != base) {
            let unit = input.unit.symbol().get(lang);
            rows.push(InputRow {
                label: format!(
                    "{} – {}",
                    input.group.title().get(lang),
                    input.label.get(lang)
                ),
                values: scenarios
                    .iter()
                    .map(|s| {
                        let v = s.get(input).normalize();
                        format!("{} {unit}", format::number(v, v.scale(), lang))
                    })
                    .collect(),
            });
        }
    }
    if scenarios
        .iter()
        .any(|s| s.training.no_benefit_while_training != first.training.no_benefit_while_training)
    {
        rows.push(InputRow {
            label: format!(
                "{} – {}",
                Initiative::Training.title().get(lang),
                no_benefit_while_training_label(lang)
            ),
            values: scenarios
                .iter()
                .map(|s| on_off(s.training.no_benefit_while_training).to_owned())
                .collect(),
        });
    }
    if scenarios
        .iter()
        .any(|s| s.custom.lines != first.custom.lines)
    {
        rows.push(InputRow {
            label: Initiative::Custom.title().get(lang).to_owned(),
            values: scenarios
                .iter()
                .map(|s| format!("{} {}", s.custom.lines.len(), t(lang, "lines", "posten")))
                .collect(),
        });
    }
    rows
}

/// The label of the training's "no benefit while agents are away" switch.
pub fn no_benefit_while_training_label(lang: Lang) -> &'static str {
    t(
        lang,
        "No benefit in the course month",
        "Geen baat in de cursusmaand",
    )
}

/// One row of "what each initiative adds".
#[derive(Clone, Debug, PartialEq)]
pub struct InitiativeRow {
    /// The initiative, or "Interaction" / "Whole case".
    pub name: String,
    /// Net benefit on its own (empty for the interaction and the whole).
    pub alone_net: String,
    /// ROI on its own.
    pub alone_roi: String,
    /// Break-even on its own.
    pub alone_break_even: String,
    /// What it adds to the whole.
    pub adds: String,
    /// Whether this is the interaction or the whole (drawn apart).
    pub total: bool,
}

/// What each initiative does on its own and adds to the whole, then the interaction and the
/// whole, so the "adds" column sums to the whole case's net benefit. Empty when fewer than
/// one initiative is on.
pub fn initiative_rows(p: &Projection, risk_adjusted: bool, lang: Lang) -> Vec<InitiativeRow> {
    let money = |d: Decimal| format::money_whole(d, lang);
    let mut rows: Vec<InitiativeRow> = p
        .initiatives
        .iter()
        .map(|i| {
            let v = i.variant(risk_adjusted);
            InitiativeRow {
                name: i.initiative.title().get(lang).to_owned(),
                alone_net: money(v.standalone.net_benefit),
                alone_roi: v
                    .standalone
                    .roi_pct
                    .map_or_else(|| "–".to_owned(), |r| format::percent(r, 1, lang)),
                alone_break_even: v.standalone.break_even_month.map_or_else(
                    || "–".to_owned(),
                    |m| format!("{} {m}", t(lang, "month", "maand")),
                ),
                adds: money(v.marginal_net_benefit),
                total: false,
            }
        })
        .collect();
    if p.initiatives.len() > 1 {
        let total = |name: &str, adds: Decimal| InitiativeRow {
            name: name.to_owned(),
            alone_net: String::new(),
            alone_roi: String::new(),
            alone_break_even: String::new(),
            adds: money(adds),
            total: true,
        };
        rows.push(total(
            t(lang, "Interaction", "Wisselwerking"),
            p.interaction_net_benefit(risk_adjusted),
        ));
        rows.push(total(
            t(lang, "Whole case", "Hele scenario"),
            p.figures(risk_adjusted).summary.net_benefit,
        ));
    }
    rows
}

/// The column headings of "what each initiative adds": initiative, net, ROI and break-even
/// on its own, what it adds to the whole.
pub fn initiative_headings(lang: Lang) -> [&'static str; 5] {
    [
        t(lang, "Initiative", "Initiatief"),
        t(
            lang,
            "Net benefit on its own",
            "Netto opbrengst op zichzelf",
        ),
        t(lang, "ROI on its own", "ROI op zichzelf"),
        t(lang, "Break-even on its own", "Break-even op zichzelf"),
        t(lang, "Adds to the whole", "Voegt toe aan het geheel"),
    ]
}

/// One line on how to read the interaction row.
pub fn interaction_note(lang: Lang) -> &'static str {
    t(
        lang,
        "Interaction = the whole minus the sum of what each adds: the initiatives work on the same contacts, so part of the whole is shared and no single one adds it. The column sums to the whole.",
        "Wisselwerking = het geheel min de som van wat elk toevoegt: de initiatieven werken op dezelfde contacten, dus een deel van het geheel is gedeeld en geen enkel initiatief voegt het alleen toe. De kolom telt op tot het geheel.",
    )
}
