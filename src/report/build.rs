//! The report's content: from prepared scenarios ([`Case`]) to a [`Report`] in the reader's
//! language. The figures come from the engine's exact projection and the analysis; the words
//! from here and `view`. The back ends ([`super::html`], [`super::pdf`]) only lay it out.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::analysis::Metric;
use crate::format;
use crate::i18n::t;
use crate::model::{Group, Initiative, Lang, LineKind, Scenario, Timing, all_inputs, group_inputs};
use crate::report::chart::{self, Axis, Shown};
use crate::report::{Block, Case, Cell, Headline, Report, Row, RowStyle, Table};
use crate::sim::Projection;
use crate::sim::tracking::Tracking;
use crate::text;
use crate::view::compare::{self, CompareView, Compared};
use crate::view::{cards, uncertainty};

/// Above this many months the monthly table sums by quarter, so it stays a few pages.
const MONTHS_IN_FULL: u32 = 36;

/// Tornado bars shown in the report: the inputs that swing the result most.
const TORNADO_BARS: usize = 10;

/// A date as people write it: "24 November 2026" / "24 november 2026".
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let names = match lang {
        Lang::En => EN,
        Lang::Nl => NL,
    };
    let month = names.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

/// Builds the report of one scenario, or of several compared (the first is the base).
pub fn build(cases: &[Case], lang: Lang, date: NaiveDate) -> Report {
    let names: Vec<&str> = cases.iter().map(|c| c.name()).collect();
    let title = match cases {
        [one] => format!(
            "{}: {}",
            t(lang, "Business case", "Businesscase"),
            one.name()
        ),
        _ => t(lang, "Business cases compared", "Businesscases vergeleken").to_owned(),
    };
    let horizon = cases.first().map_or(0, |c| c.horizon());
    let mut meta = vec![
        long_date(date, lang),
        format!(
            "{}: {}",
            if cases.len() == 1 {
                t(lang, "Scenario", "Scenario")
            } else {
                t(lang, "Scenarios", "Scenario's")
            },
            names.join(" · ")
        ),
    ];
    let adjusted = cases.iter().any(|c| c.projection.has_risk_adjustment());
    meta.push(match (lang, adjusted) {
        (Lang::En, true) => format!(
            "Horizon {horizon} months · figures risk-adjusted, the unadjusted figure beside"
        ),
        (Lang::Nl, true) => format!(
            "Horizon {horizon} maanden · cijfers na risicocorrectie, het ongecorrigeerde cijfer ernaast"
        ),
        (Lang::En, false) => format!("Horizon {horizon} months · no risk adjustment set"),
        (Lang::Nl, false) => format!("Horizon {horizon} maanden · geen risicocorrectie ingesteld"),
    });
    let mut blocks = Vec::new();
    match cases {
        [one] => {
            first_page(&mut blocks, one, lang);
            blocks.push(Block::PageBreak);
            tracking(&mut blocks, one, lang);
            details(&mut blocks, one, lang, true);
        }
        _ => {
            comparison(&mut blocks, cases, lang);
            for (i, case) in cases.iter().enumerate() {
                blocks.push(Block::PageBreak);
                blocks.push(Block::Heading(case.name().to_owned()));
                headlines(&mut blocks, case, lang);
                chance(&mut blocks, case, lang);
                tracking(&mut blocks, case, lang);
                details(&mut blocks, case, lang, i == 0);
            }
        }
    }
    how_computed(&mut blocks, cases, lang);
    if let [one] = cases {
        lines_by_month(&mut blocks, one, lang);
    }
    Report {
        lang,
        title,
        meta,
        blocks,
    }
}

fn shown<'a>(cases: &'a [Case], bands: &'a [Option<uncertainty::Band>]) -> Vec<Shown<'a>> {
    shown_variant(cases, bands, true)
}

fn shown_variant<'a>(
    cases: &'a [Case],
    bands: &'a [Option<uncertainty::Band>],
    risk_adjusted: bool,
) -> Vec<Shown<'a>> {
    cases
        .iter()
        .zip(bands)
        .enumerate()
        .map(|(i, (c, band))| Shown {
            name: c.name(),
            colour: c.colour.unwrap_or(i),
            series: c.view.series(risk_adjusted),
            band: band.as_ref(),
            focus: i == 0,
        })
        .collect()
}

fn bands(cases: &[Case]) -> Vec<Option<uncertainty::Band>> {
    cases
        .iter()
        .map(|c| c.ranged_mc().map(uncertainty::band))
        .collect()
}

fn first_page(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    headlines(blocks, case, lang);
    let bands = bands(std::slice::from_ref(case));
    blocks.push(Block::Chart(chart::break_even(
        &shown(std::slice::from_ref(case), &bands),
        lang,
    )));
    chance(blocks, case, lang);
    blocks.push(Block::Note(cards::assumptions(case.scenario(), lang)));
    let notes = case.scenario().notes.trim();
    if !notes.is_empty() {
        blocks.push(Block::Paragraph(notes.to_owned()));
    }
    warnings(blocks, &case.projection, lang);
}

fn headlines(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let list = cards::cards(&case.projection, true, lang)
        .into_iter()
        .map(|c| Headline {
            label: c.title.to_owned(),
            value: c.value,
            beside: c.other,
        })
        .collect();
    blocks.push(Block::Headlines(list));
}

/// The chance of breaking even within the horizon, or why there is none.
pub fn chance_text(case: &Case, lang: Lang) -> String {
    let horizon = case.horizon();
    match case.ranged_mc() {
        Some(mc) => {
            let share = uncertainty::share(mc.probability_within_horizon, lang);
            let trials = format::number(Decimal::from(mc.trials), 0, lang);
            match lang {
                Lang::En => format!(
                    "Chance of breaking even within the {horizon} months: {share} ({trials} trials over the {} inputs with a range; the shaded band is P10 to P90, the dashed line the median).",
                    mc.ranged_inputs
                ),
                Lang::Nl => format!(
                    "Kans op break-even binnen de {horizon} maanden: {share} ({trials} trekkingen over de {} invoerwaarden met een bandbreedte; de gekleurde band is P10 tot P90, de stippellijn de mediaan).",
                    mc.ranged_inputs
                ),
            }
        }
        None => t(
            lang,
            "No input has a range, so these are point estimates and there is no chance of breaking even to give. Give the uncertain inputs a low and high value to see how sure the case is.",
            "Geen invoerwaarde heeft een bandbreedte, dus dit zijn puntschattingen en is er geen kans op break-even te geven. Geef de onzekere invoer een lage en hoge waarde om te zien hoe zeker de case is.",
        )
        .to_owned(),
    }
}

fn chance(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    blocks.push(Block::Paragraph(chance_text(case, lang)));
}

fn warnings(blocks: &mut Vec<Block>, p: &Projection, lang: Lang) {
    let list = p.warnings(true);
    if list.is_empty() {
        return;
    }
    blocks.push(subheading(lang, "Points to note", "Aandachtspunten"));
    for w in &list {
        blocks.push(Block::Note(text::warning_sentence(w, lang)));
    }
}

fn comparison(blocks: &mut Vec<Block>, cases: &[Case], lang: Lang) {
    let compared: Vec<Compared<'_>> = cases
        .iter()
        .map(|c| Compared {
            name: c.name(),
            scenario: c.scenario(),
            projection: Some(&c.projection),
        })
        .collect();
    let view = CompareView::build(&compared, true, lang);
    let mut headers = vec![String::new()];
    headers.extend(cases.iter().map(|c| c.name().to_owned()));
    headers.extend(
        cases
            .iter()
            .skip(1)
            .map(|c| format!("{} – {}", c.name(), t(lang, "change", "verschil"))),
    );
    let mut rows: Vec<Row> = view
        .figures
        .iter()
        .map(|f| Row {
            cells: std::iter::once(Cell::Text(f.label.to_owned()))
                .chain(f.values.iter().map(|v| Cell::Text(v.clone())))
                .chain(
                    f.changes
                        .iter()
                        .map(|c| Cell::Change(c.text.clone(), c.better)),
                )
                .collect(),
            style: RowStyle::Normal,
        })
        .collect();
    rows.push(Row {
        cells: std::iter::once(Cell::Text(
            t(lang, "Chance of break-even", "Kans op break-even").to_owned(),
        ))
        .chain(cases.iter().map(|c| {
            Cell::Text(c.ranged_mc().map_or_else(
                || "–".to_owned(),
                |mc| uncertainty::share(mc.probability_within_horizon, lang),
            ))
        }))
        .chain(cases.iter().skip(1).map(|_| Cell::Empty))
        .collect(),
        style: RowStyle::Normal,
    });
    blocks.push(Block::Table(Table {
        headers,
        rows,
        numeric_from: 1,
    }));
    blocks.push(Block::Note(format!(
        "{} {}",
        view.change_heading,
        t(
            lang,
            "(what-if minus base; green is better for the business, red worse). Chance of break-even: within the horizon, where the scenario has ranges.",
            "(what-if min basis; groen is beter voor de organisatie, rood slechter). Kans op break-even: binnen de horizon, waar het scenario bandbreedtes heeft.",
        )
    )));
    let bands = bands(cases);
    blocks.push(Block::Chart(chart::break_even(&shown(cases, &bands), lang)));
    blocks.push(subheading(
        lang,
        "Inputs that differ",
        "Invoer die verschilt",
    ));
    if view.inputs.is_empty() {
        blocks.push(Block::Paragraph(
            t(
                lang,
                "The scenarios have the same inputs.",
                "De scenario's hebben dezelfde invoer.",
            )
            .to_owned(),
        ));
    } else {
        let mut headers = vec![t(lang, "Input", "Invoer").to_owned()];
        headers.extend(cases.iter().map(|c| c.name().to_owned()));
        blocks.push(Block::Table(Table {
            headers,
            rows: view
                .inputs
                .iter()
                .map(|r| Row {
                    cells: std::iter::once(Cell::Text(r.label.clone()))
                        .chain(r.values.iter().map(|v| Cell::Text(v.clone())))
                        .collect(),
                    style: RowStyle::Normal,
                })
                .collect(),
            numeric_from: 1,
        }));
    }
}

/// Where the case stands against its plan, when it has actuals: the gap, plan and actual
/// month by month, the forecast beside the plan with what it assumes, the gap split into volume
/// and performance, and the chart.
fn tracking(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let Some(t) = &case.view.tracking else {
        return;
    };
    let p = &case.projection;
    blocks.push(heading(lang, "Against the plan", "Tegen het plan"));
    let standing = crate::view::tracking::standing(t);
    let last = t.months.last();
    let actual = last.map_or(Decimal::ZERO, |m| m.actual.cumulative_net);
    let planned = last.map_or(Decimal::ZERO, |m| m.planned.cumulative_net);
    let money = |d: Decimal| format::money_whole(d, lang);
    blocks.push(Block::Paragraph(match lang {
        Lang::En => format!(
            "Actuals to month {}: {} (cumulative net {} against {} planned). The realised months are valued with the plan's formulas: observed contacts, resolutions, handle time, first-contact resolution and churn in place of the planned ones, what was spent in place of the planned costs, and the agents paid (or their payroll) in place of the planned headcount.",
            t.last_month,
            crate::view::tracking::standing_phrase(standing, lang),
            money(actual),
            money(planned)
        ),
        Lang::Nl => format!(
            "Werkelijke cijfers tot en met maand {}: {} (cumulatief netto {} tegen {} gepland). De gerealiseerde maanden zijn gewaardeerd met de formules van het plan: waargenomen contacten, oplossingen, afhandeltijd, first-contact resolution en klantverloop in plaats van de geplande, wat is besteed in plaats van de geplande kosten, en de betaalde agents (of hun loonkosten) in plaats van de geplande bezetting.",
            t.last_month,
            crate::view::tracking::standing_phrase(standing, lang),
            money(actual),
            money(planned)
        ),
    }));
    if let Some(spec) = tracking_chart(case, lang, false) {
        blocks.push(Block::Chart(spec));
    }
    blocks.push(tracking_months(t, lang));
    blocks.extend(tracking_forecast(t, p, lang));
    blocks.extend(tracking_variances(t, case, lang));
    blocks.push(Block::PageBreak);
}

/// Plan against actual, month by month.
fn tracking_months(t: &Tracking, lang: Lang) -> Block {
    Block::Table(Table {
        headers: [
            t_(lang, "Month", "Maand"),
            t_(lang, "Planned net", "Gepland netto"),
            t_(lang, "Actual net", "Werkelijk netto"),
            t_(lang, "Variance", "Verschil"),
            t_(lang, "Planned cumulative", "Gepland cumulatief"),
            t_(lang, "Actual cumulative", "Werkelijk cumulatief"),
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: crate::view::tracking::month_rows(t)
            .into_iter()
            .map(|m| Row {
                cells: vec![
                    Cell::Text(m.month.to_string()),
                    Cell::Money(m.planned_net),
                    Cell::Money(m.actual_net),
                    Cell::Money(m.net_variance),
                    Cell::Money(m.planned_cumulative),
                    Cell::Money(m.actual_cumulative),
                ],
                style: RowStyle::Normal,
            })
            .collect(),
        numeric_from: 1,
    })
}

/// The plan's headline figures beside the forecast's, and what the forecast assumes.
fn tracking_forecast(t: &Tracking, p: &Projection, lang: Lang) -> [Block; 2] {
    let f = &t.forecast.adjusted.summary;
    let s = &p.adjusted.summary;
    let month = |m: Option<u32>| {
        m.map_or_else(
            || t_(lang, "none", "geen").to_owned(),
            |m| format!("{} {m}", t_(lang, "month", "maand")),
        )
    };
    let pct =
        |d: Option<Decimal>| d.map_or_else(|| "–".to_owned(), |d| format::percent(d, 1, lang));
    let table = Block::Table(Table {
        headers: vec![
            String::new(),
            t_(lang, "Plan", "Plan").to_owned(),
            t_(lang, "Forecast", "Verwachting").to_owned(),
        ],
        rows: vec![
            Row {
                cells: vec![
                    Cell::Text(t_(lang, "Net benefit", "Netto opbrengst").to_owned()),
                    Cell::Money(s.net_benefit),
                    Cell::Money(f.net_benefit),
                ],
                style: RowStyle::Normal,
            },
            Row {
                cells: vec![
                    Cell::Text("ROI".to_owned()),
                    Cell::Text(pct(s.roi_pct)),
                    Cell::Text(pct(f.roi_pct)),
                ],
                style: RowStyle::Normal,
            },
            Row {
                cells: vec![
                    Cell::Text(t_(lang, "NPV", "NCW").to_owned()),
                    Cell::Money(s.npv),
                    Cell::Money(f.npv),
                ],
                style: RowStyle::Normal,
            },
            Row {
                cells: vec![
                    Cell::Text(t_(lang, "Break-even", "Break-even").to_owned()),
                    Cell::Text(month(s.break_even_month)),
                    Cell::Text(month(f.break_even_month)),
                ],
                style: RowStyle::Normal,
            },
        ],
        numeric_from: 1,
    });
    let note = Block::Note(crate::view::tracking::forecast_sentence(
        t,
        false,
        p.horizon_months,
        lang,
    ));
    [table, note]
}

/// The gap to plan split into volume and performance, by initiative and by driver, with what
/// was observed behind each part.
fn tracking_variances(t: &Tracking, case: &Case, lang: Lang) -> Vec<Block> {
    use crate::view::tracking::Depth;
    let rows = crate::view::tracking::split_rows(t, case.scenario(), lang)
        .into_iter()
        .map(|r| Row {
            cells: vec![
                Cell::Text(match r.depth {
                    Depth::Total | Depth::Heading => r.label,
                    Depth::Part => format!("\u{a0}\u{a0}\u{a0}{}", r.label),
                }),
                Cell::Text(r.note),
                r.effect
                    .map_or_else(|| Cell::Text(String::new()), Cell::Money),
            ],
            style: match r.depth {
                Depth::Total => RowStyle::Total,
                _ => RowStyle::Normal,
            },
        })
        .collect();
    vec![
        subheading(lang, "The gap split: volume and performance", "Het verschil gesplitst: volume en prestatie"),
        Block::Paragraph(
            t_(
                lang,
                "Volume is the plan re-run at the contacts (and customers) observed, minus the plan: the world the case met. Performance is what happened minus that flexed plan: how the initiatives did at the volume they met. An initiative not yet live has no performance effect; agent time saved counts only as far as the payroll fell.",
                "Volume is het plan opnieuw doorgerekend met de waargenomen contacten (en klanten), min het plan: de wereld waarin de case terechtkwam. Prestatie is wat er gebeurde min dat aangepaste plan: hoe de initiatieven het deden bij het volume dat ze tegenkwamen. Een initiatief dat nog niet live is, heeft geen prestatie-effect; bespaarde agenttijd telt alleen voor zover de loonkosten daalden.",
            )
            .to_owned(),
        ),
        Block::Table(Table {
            headers: [
                "",
                t_(lang, "What was observed", "Wat is waargenomen"),
                t_(lang, "Effect to date", "Effect tot nu"),
            ]
            .map(str::to_owned)
            .to_vec(),
            rows,
            numeric_from: 2,
        }),
    ]
}

/// A note in the report's language.
fn note(lang: Lang, en: &'static str, nl: &'static str) -> Block {
    Block::Note(t(lang, en, nl).to_owned())
}

/// A subheading in the report's language.
fn subheading(lang: Lang, en: &'static str, nl: &'static str) -> Block {
    Block::Subheading(t(lang, en, nl).to_owned())
}

/// A heading in the report's language.
fn heading(lang: Lang, en: &'static str, nl: &'static str) -> Block {
    Block::Heading(t(lang, en, nl).to_owned())
}

/// [`t`], for [`tracking`], whose tracking is called `t`.
fn t_(lang: Lang, en: &'static str, nl: &'static str) -> &'static str {
    t(lang, en, nl)
}

/// The monthly table, what each initiative adds, how sure, and (when `inputs`) every input.
fn details(blocks: &mut Vec<Block>, case: &Case, lang: Lang, inputs: bool) {
    monthly_table(blocks, case, lang);
    initiatives(blocks, &case.projection, lang);
    verdicts_and_longer_view(blocks, case, lang);
    years_table(blocks, case, lang);
    kpi_table(blocks, &case.projection, lang);
    staffing_table(blocks, case, lang);
    how_sure(blocks, case, lang);
    if inputs {
        input_tables(blocks, case.scenario(), lang);
    } else {
        blocks.push(note(lang, "Inputs: as the first scenario's, except those under \"Inputs that differ\".", "Invoer: als die van het eerste scenario, behalve wat onder \"Invoer die verschilt\" staat."));
    }
}

/// Staffing and service: with staffing by service level, the headcount path and how contacts
/// are answered, with and without the initiatives, every third month; with the simplified
/// staffing, a note saying so.
fn staffing_table(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let p = &case.projection;
    let model = case.scenario().staffing.model;
    blocks.push(subheading(
        lang,
        "Staffing and service",
        "Bezetting en service",
    ));
    blocks.push(Block::Note(format!(
        "{}: {}",
        text::staffing_model_name(model, lang),
        text::staffing_model_meaning(model, lang)
    )));
    if p.staffing_kpis.is_empty() {
        return;
    }
    blocks.push(Block::Note(format!(
        "{}: {}",
        text::headcount_policy_name(case.scenario().staffing.policy, lang),
        text::headcount_policy_meaning(case.scenario().staffing.policy, lang)
    )));
    let one = |d: Decimal| format::number(format::round(d, 1), 1, lang);
    let months: Vec<usize> = (1..=p.horizon_months as usize)
        .filter(|m| *m == 1 || m % 3 == 0 || *m == p.horizon_months as usize)
        .collect();
    let rows = months
        .iter()
        .filter_map(|&m| {
            let (with, without) = (
                p.staffing_kpis.get(m - 1)?,
                p.baseline_staffing_kpis.get(m - 1)?,
            );
            Some(Row {
                cells: vec![
                    Cell::Text(m.to_string()),
                    Cell::Text(one(without.agents_paid_fte)),
                    Cell::Text(one(with.agents_required_fte)),
                    Cell::Text(one(with.agents_paid_fte)),
                    Cell::Text(format!("{} %", one(with.service_level_pct))),
                    Cell::Text(format!("{} s", one(with.asa_seconds))),
                    Cell::Money(without.payroll),
                    Cell::Money(with.payroll),
                ],
                style: RowStyle::Normal,
            })
        })
        .collect();
    blocks.push(Block::Table(Table {
        headers: [
            t(lang, "Month", "Maand"),
            t(lang, "Paid FTE without", "Betaalde fte zonder"),
            t(lang, "Required FTE with", "Benodigde fte met"),
            t(lang, "Paid FTE with", "Betaalde fte met"),
            t(lang, "Service level", "Servicelevel"),
            t(lang, "Speed of answer", "Wachttijd"),
            t(lang, "Payroll without", "Loonkosten zonder"),
            t(lang, "Payroll with", "Loonkosten met"),
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
        numeric_from: 1,
    }));
}

/// Month by month (by quarter over long horizons): each initiative's net, then the totals.
fn monthly_table(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let p = &case.projection;
    let h = p.horizon_months;
    let by_quarter = h > MONTHS_IN_FULL;
    blocks.push(Block::Heading(
        if by_quarter {
            t(lang, "Quarter by quarter", "Per kwartaal")
        } else {
            t(lang, "Month by month", "Per maand")
        }
        .to_owned(),
    ));
    let mut initiatives: Vec<Initiative> = Vec::new();
    for line in &p.lines {
        if !initiatives.contains(&line.initiative) {
            initiatives.push(line.initiative);
        }
    }
    let net_of = |i: Initiative, m: u32| -> Decimal {
        p.lines
            .iter()
            .filter(|l| l.initiative == i)
            .map(|l| {
                let a = p.line_amount(l, m, true);
                match l.kind {
                    LineKind::Benefit => a,
                    LineKind::Cost => -a,
                }
            })
            .sum()
    };
    let f = p.figures(true);
    let periods: Vec<(String, Vec<u32>)> = if by_quarter {
        (1..=h.div_ceil(3))
            .map(|q| {
                let months: Vec<u32> = (3 * q - 2..=(3 * q).min(h)).collect();
                (format!("{}{q}", t(lang, "Q", "K")), months)
            })
            .collect()
    } else {
        (1..=h)
            .map(|m| {
                let label = if case.scenario().finance.calendar.is_some() {
                    crate::view::years::month_label(case.scenario(), m, lang)
                } else {
                    m.to_string()
                };
                (label, vec![m])
            })
            .collect()
    };
    let mut headers = vec![
        if by_quarter {
            t(lang, "Quarter", "Kwartaal")
        } else {
            t(lang, "Month", "Maand")
        }
        .to_owned(),
    ];
    headers.extend(
        initiatives
            .iter()
            .map(|i| format!("{} {}", i.title().get(lang), t(lang, "net", "netto"))),
    );
    headers.extend(
        [
            t(lang, "Costs", "Kosten"),
            t(lang, "Benefits", "Baten"),
            t(lang, "Net", "Netto"),
            t(lang, "Cumulative", "Cumulatief"),
        ]
        .map(str::to_owned),
    );
    let month = |m: u32| f.months.get(m as usize - 1);
    let mut rows: Vec<Row> = periods
        .iter()
        .map(|(label, months)| {
            let mut cells = vec![Cell::Text(label.clone())];
            for &i in &initiatives {
                cells.push(Cell::Money(months.iter().map(|&m| net_of(i, m)).sum()));
            }
            let sum = |get: fn(&crate::sim::MonthFigures<Decimal>) -> Decimal| -> Decimal {
                months.iter().filter_map(|&m| month(m)).map(get).sum()
            };
            cells.push(Cell::Money(sum(|m| m.costs)));
            cells.push(Cell::Money(sum(|m| m.benefits)));
            cells.push(Cell::Money(sum(|m| m.net)));
            let last = months.last().and_then(|&m| month(m));
            cells.push(Cell::Money(
                last.map_or(Decimal::ZERO, |m| m.cumulative_net),
            ));
            Row {
                cells,
                style: RowStyle::Normal,
            }
        })
        .collect();
    let s = &f.summary;
    let mut total = vec![Cell::Text(t(lang, "Total", "Totaal").to_owned())];
    for &i in &initiatives {
        total.push(Cell::Money((1..=h).map(|m| net_of(i, m)).sum()));
    }
    total.extend([
        Cell::Money(s.total_costs),
        Cell::Money(s.total_benefits),
        Cell::Money(s.net_benefit),
        Cell::Empty,
    ]);
    rows.push(Row {
        cells: total,
        style: RowStyle::Total,
    });
    blocks.push(Block::Table(Table {
        headers,
        rows,
        numeric_from: 1,
    }));
    blocks.push(note(lang, "Risk-adjusted, in whole euros. An initiative's net is its benefits minus its costs in the month; the totals are all initiatives together.", "Na risicocorrectie, in hele euro's. Netto per initiatief is zijn baten min zijn kosten in de maand; de totalen zijn alle initiatieven samen."));
}

fn initiatives(blocks: &mut Vec<Block>, p: &Projection, lang: Lang) {
    let rows = compare::initiative_rows(p, true, lang);
    if rows.is_empty() {
        return;
    }
    blocks.push(heading(
        lang,
        "What each initiative adds",
        "Wat elk initiatief toevoegt",
    ));
    blocks.push(Block::Table(Table {
        headers: compare::initiative_headings(lang)
            .map(str::to_owned)
            .to_vec(),
        rows: rows
            .into_iter()
            .map(|r| Row {
                cells: vec![
                    Cell::Text(r.name),
                    Cell::Text(r.alone_net),
                    Cell::Text(r.alone_roi),
                    Cell::Text(r.alone_break_even),
                    Cell::Text(r.adds),
                ],
                style: if r.total {
                    RowStyle::Total
                } else {
                    RowStyle::Normal
                },
            })
            .collect(),
        numeric_from: 1,
    }));
    if p.initiatives.len() > 1 {
        blocks.push(Block::Note(compare::interaction_note(lang).to_owned()));
    }
}

/// Each initiative that costs more than it brings, in a sentence, and the case at its horizon
/// beside the longer view (an initiative whose verdict changes between them marked).
fn verdicts_and_longer_view(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let p = &case.projection;
    let longer = case.view.longer.as_ref();
    for sentence in crate::view::horizons::verdicts(p, longer, lang) {
        blocks.push(Block::Paragraph(sentence));
    }
    let Some(longer) = longer else {
        return;
    };
    let view = crate::view::horizons::LongerView::build(p, longer, lang);
    blocks.push(Block::Subheading(crate::tr!(
        lang,
        "At {} and at {} months",
        "Na {} en na {} maanden",
        view.horizons.0,
        view.horizons.1
    )));
    blocks.push(Block::Table(Table {
        headers: vec![
            String::new(),
            crate::tr!(lang, "{} months", "{} maanden", view.horizons.0),
            crate::tr!(lang, "{} months", "{} maanden", view.horizons.1),
        ],
        rows: view
            .rows
            .into_iter()
            .map(|r| Row {
                cells: vec![
                    Cell::Text(if r.flips {
                        crate::tr!(
                            lang,
                            "{} (the verdict changes)",
                            "{} (het oordeel verandert)",
                            r.label
                        )
                    } else {
                        r.label
                    }),
                    Cell::Text(r.at_horizon),
                    Cell::Text(r.at_longer),
                ],
                style: if r.flips {
                    RowStyle::Highlight
                } else {
                    RowStyle::Normal
                },
            })
            .collect(),
        numeric_from: 1,
    }));
    blocks.push(note(lang, "Risk-adjusted. The longer view is the same case over more months (the second horizon in the finance settings); it changes none of the figures above.", "Na risicocorrectie. De langere termijn is dezelfde case over meer maanden (de tweede horizon in de financiële instellingen); die verandert geen van de cijfers hierboven."));
}

/// The appendix: every line month by month, one table per initiative (months down, its lines
/// across, risk-adjusted, costs negative), months named by the calendar where there is one.
fn lines_by_month(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let p = &case.projection;
    if p.lines.is_empty() {
        return;
    }
    blocks.push(Block::PageBreak);
    blocks.push(heading(
        lang,
        "Appendix: every line by month",
        "Bijlage: elke post per maand",
    ));
    blocks.push(note(
        lang,
        "Risk-adjusted, costs negative, benefits positive.",
        "Na risicocorrectie, kosten negatief, baten positief.",
    ));
    for initiative in Initiative::ALL {
        let lines: Vec<&crate::sim::Line> = p
            .lines
            .iter()
            .filter(|l| l.initiative == initiative && l.amounts.iter().any(|a| !a.is_zero()))
            .collect();
        if lines.is_empty() {
            continue;
        }
        blocks.push(Block::Subheading(initiative.title().get(lang).to_owned()));
        let mut headers = vec![t(lang, "Month", "Maand").to_owned()];
        headers.extend(lines.iter().map(|l| text::line_name(l, lang)));
        let rows = (1..=p.horizon_months)
            .map(|m| {
                let mut cells = vec![Cell::Text(crate::view::years::month_label(
                    case.scenario(),
                    m,
                    lang,
                ))];
                cells.extend(lines.iter().map(|l| {
                    let amount = p.line_amount(l, m, true);
                    Cell::Money(match l.kind {
                        crate::model::LineKind::Cost => -amount,
                        crate::model::LineKind::Benefit => amount,
                    })
                }));
                Row {
                    cells,
                    style: RowStyle::Normal,
                }
            })
            .collect();
        blocks.push(Block::Table(Table {
            headers,
            rows,
            numeric_from: 1,
        }));
    }
}

/// The operational figures before and after at the end of the horizon (service level and
/// FTE included with staffing by service level), today's beside them where it differs.
fn kpi_table(blocks: &mut Vec<Block>, p: &Projection, lang: Lang) {
    let rows = crate::view::kpi::rows(p, lang);
    if rows.is_empty() {
        return;
    }
    let today = crate::view::kpi::today_differs(p);
    blocks.push(heading(
        lang,
        "The KPIs before and after",
        "De KPI's voor en na",
    ));
    let mut headers = vec![String::new()];
    if today {
        headers.push(t(lang, "Today", "Vandaag").to_owned());
    }
    headers.extend([
        crate::tr!(
            lang,
            "Before (month {})",
            "Voor (maand {})",
            p.horizon_months
        ),
        crate::tr!(lang, "After (month {})", "Na (maand {})", p.horizon_months),
        t(lang, "Change", "Verschil").to_owned(),
    ]);
    blocks.push(Block::Table(Table {
        headers,
        rows: rows
            .into_iter()
            .map(|r| {
                let mut cells = vec![Cell::Text(r.label.to_owned())];
                if today {
                    cells.push(Cell::Text(r.today));
                }
                cells.extend([
                    Cell::Text(r.before),
                    Cell::Text(r.after),
                    Cell::Text(r.change),
                ]);
                Row {
                    cells,
                    style: RowStyle::Normal,
                }
            })
            .collect(),
        numeric_from: 1,
    }));
    blocks.push(note(lang, "Before: the contact centre without the initiatives at the end of the horizon; after: with them.", "Voor: het klantcontactcentrum zonder de initiatieven aan het eind van de horizon; na: met de initiatieven."));
}

/// The case by year: every line risk-adjusted, the totals unadjusted and risk-adjusted, and
/// the present value of each line and year.
fn years_table(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let p = &case.projection;
    let y = crate::view::years::years(case.scenario(), p, lang);
    blocks.push(heading(lang, "By year", "Per jaar"));
    let mut headers = vec![String::new()];
    headers.extend(y.years.iter().map(|year| year.label.clone()));
    headers.push(t(lang, "Total", "Totaal").to_owned());
    headers.push(t(lang, "Present value", "Contante waarde").to_owned());
    let money_row = |label: String, values: &[Decimal], pv: Option<Decimal>, style| {
        let mut cells = vec![Cell::Text(label)];
        cells.extend(values.iter().map(|&v| Cell::Money(v)));
        cells.push(Cell::Money(values.iter().sum()));
        cells.push(pv.map_or_else(|| Cell::Text(String::new()), Cell::Money));
        Row { cells, style }
    };
    let mut rows = Vec::new();
    for l in &y.lines {
        let Some(line) = p.lines.get(l.line) else {
            continue;
        };
        let (signed, pv) = l.signed(true);
        rows.push(money_row(
            crate::text::line_name(line, lang),
            &signed,
            Some(pv),
            RowStyle::Normal,
        ));
    }
    let pick =
        |f: fn(&crate::view::years::YearTotals) -> Decimal,
         t: &[crate::view::years::YearTotals]| { t.iter().map(f).collect::<Vec<_>>() };
    rows.push(money_row(
        t(lang, "Net, risk-adjusted", "Netto, na risicocorrectie").to_owned(),
        &pick(|t| t.net, &y.adjusted),
        Some(y.pv_total()),
        RowStyle::Total,
    ));
    rows.push(money_row(
        t(lang, "Net, unadjusted", "Netto, ongecorrigeerd").to_owned(),
        &pick(|t| t.net, &y.unadjusted),
        Some(y.pv_unadjusted.iter().sum()),
        RowStyle::Normal,
    ));
    rows.push(money_row(
        t(
            lang,
            "Present value of the net",
            "Contante waarde van het netto",
        )
        .to_owned(),
        &y.pv,
        None,
        RowStyle::Normal,
    ));
    blocks.push(Block::Table(Table {
        headers,
        rows,
        numeric_from: 1,
    }));
    let s = &p.adjusted.summary;
    let pct =
        |d: Option<Decimal>| d.map_or_else(|| "–".to_owned(), |d| format::percent(d, 1, lang));
    blocks.push(Block::Note(if case.scenario().finance.year_zero {
        crate::tr!(
            lang,
            "Costs negative, benefits positive; lines risk-adjusted. Initial: the one-off costs of month 1, not discounted. Present values at {} a year, each month's amount at its end. ROI {}, on present values {}.",
            "Kosten negatief, baten positief; posten na risicocorrectie. Initieel: de eenmalige kosten van maand 1, niet verdisconteerd. Contante waarden tegen {} per jaar, elk maandbedrag aan het eind van de maand. ROI {}, op contante waarden {}.",
            format::percent(s.discount_rate_annual_pct, 1, lang),
            pct(s.roi_pct),
            pct(s.roi_pv_pct)
        )
    } else {
        crate::tr!(
            lang,
            "Costs negative, benefits positive; lines risk-adjusted. Present values at {} a year, each month's amount at its end (their sum is the NPV). ROI {}, on present values {}.",
            "Kosten negatief, baten positief; posten na risicocorrectie. Contante waarden tegen {} per jaar, elk maandbedrag aan het eind van de maand (de som is de NCW). ROI {}, op contante waarden {}.",
            format::percent(s.discount_rate_annual_pct, 1, lang),
            pct(s.roi_pct),
            pct(s.roi_pv_pct)
        )
    }));
}

fn how_sure(blocks: &mut Vec<Block>, case: &Case, lang: Lang) {
    let Some(mc) = case.ranged_mc() else {
        return;
    };
    blocks.push(heading(lang, "How sure", "Hoe zeker"));
    blocks.push(Block::Paragraph(chance_text(case, lang)));
    let rows = uncertainty::percentile_rows(mc, lang);
    blocks.push(Block::Table(Table {
        headers: vec![
            String::new(),
            "P10".to_owned(),
            "P50".to_owned(),
            "P90".to_owned(),
            t(lang, "Mean", "Gemiddelde").to_owned(),
        ],
        rows: rows
            .into_iter()
            .map(|r| Row {
                cells: std::iter::once(Cell::Text(r.label.to_owned()))
                    .chain(r.values.into_iter().map(Cell::Text))
                    .collect(),
                style: RowStyle::Normal,
            })
            .collect(),
        numeric_from: 1,
    }));
    blocks.push(Block::Note(crate::tr!(
        lang,
        "{} trials (seed {}), {}: the same seed gives the same figures.",
        "{} trekkingen (seed {}), {}: dezelfde seed geeft dezelfde cijfers.",
        format::number(Decimal::from(mc.trials as u64), 0, lang),
        mc.seed,
        if mc.risk_adjusted {
            t(lang, "risk-adjusted", "na risicocorrectie")
        } else {
            t(lang, "unadjusted", "ongecorrigeerd")
        }
    )));
    if let Some(spec) = tornado_chart(case, Metric::NetBenefit, lang, true) {
        let values = tornado_values(&spec);
        blocks.push(Block::Chart(spec));
        if let Some(table) = values {
            blocks.push(table);
        }
        blocks.push(note(lang, "Each bar: one input at its low and its high value, all others as entered. Inputs with a range use it; the others move 20% either way.", "Elke balk: één invoerwaarde op zijn lage en zijn hoge waarde, de rest zoals ingevoerd. Invoer met een bandbreedte gebruikt die; de rest beweegt 20% naar elke kant."));
    }
}

/// The tornado's bars as a table: each input's low and high value and the result at each.
fn tornado_values(spec: &chart::ChartSpec) -> Option<Block> {
    let chart::Plot::Tornado { bars, .. } = &spec.plot else {
        return None;
    };
    let lang = spec.lang;
    Some(Block::Table(Table {
        headers: [
            t(lang, "Input", "Invoer"),
            t(lang, "Low", "Laag"),
            t(lang, "Result", "Uitkomst"),
            t(lang, "High", "Hoog"),
            t(lang, "Result", "Uitkomst"),
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: bars
            .iter()
            .map(|b| Row {
                cells: vec![
                    Cell::Text(b.label.clone()),
                    Cell::Text(b.low_value.clone()),
                    Cell::Text(b.low_result.clone()),
                    Cell::Text(b.high_value.clone()),
                    Cell::Text(b.high_result.clone()),
                ],
                style: RowStyle::Normal,
            })
            .collect(),
        numeric_from: 1,
    }))
}

/// Every input with its unit and range; the ones not at the bundled default highlighted.
fn input_tables(blocks: &mut Vec<Block>, s: &Scenario, lang: Lang) {
    blocks.push(heading(lang, "Inputs", "Invoer"));
    blocks.push(note(lang, "Highlighted: the assumptions that differ from the program's defaults; “default” marks a value left at the program's default. Source: who gave the value, else the source the default cites. Range: low – likely – high, where one is set.", "Gemarkeerd: de aannames die afwijken van de standaardwaarden van het programma; “standaard” markeert een waarde die op de standaard van het programma staat. Bron: wie de waarde gaf, anders de bron van de standaardwaarde. Bandbreedte: laag – waarschijnlijk – hoog, waar die is opgegeven."));
    let headers = [
        t(lang, "Input", "Invoer"),
        t(lang, "Unit", "Eenheid"),
        t(lang, "Value", "Waarde"),
        t(lang, "Default", "Standaard"),
        t(lang, "Range", "Bandbreedte"),
    ]
    .map(str::to_owned)
    .to_vec();
    let number = |d: Decimal| {
        let d = d.normalize();
        format::number(d, d.scale(), lang)
    };
    for group in Group::ALL {
        if let Some(initiative) = group.initiative()
            && !s.is_enabled(initiative)
        {
            continue;
        }
        let mut rows = Vec::new();
        if let Some(initiative) = group.initiative() {
            if let Some(shape) = s.ramp_shape(initiative) {
                rows.push(Row {
                    cells: vec![
                        Cell::Text(t(lang, "Ramp-up shape", "Vorm van de opbouw").to_owned()),
                        Cell::Empty,
                        Cell::Text(ramp_text(shape, lang).to_owned()),
                        Cell::Empty,
                        Cell::Empty,
                    ],
                    style: RowStyle::Normal,
                });
            }
            if initiative == Initiative::Training {
                rows.push(Row {
                    cells: vec![
                        Cell::Text(compare::no_benefit_while_training_label(lang).to_owned()),
                        Cell::Empty,
                        Cell::Text(yes_no(s.training.no_benefit_while_training, lang).to_owned()),
                        Cell::Empty,
                        Cell::Empty,
                    ],
                    style: RowStyle::Normal,
                });
            }
        }
        if group == Group::Staffing {
            let st = &s.staffing;
            let choice = |label: &str, value: &str| Row {
                cells: vec![
                    Cell::Text(label.to_owned()),
                    Cell::Empty,
                    Cell::Text(value.to_owned()),
                    Cell::Empty,
                    Cell::Empty,
                ],
                style: RowStyle::Normal,
            };
            rows.push(choice(
                t(lang, "Staffing model", "Bezettingsmodel"),
                text::staffing_model_name(st.model, lang),
            ));
            if st.model == crate::model::StaffingModel::ServiceLevel {
                rows.push(choice(
                    t(lang, "Headcount policy", "Personeelsbeleid"),
                    text::headcount_policy_name(st.policy, lang),
                ));
                rows.push(choice(
                    t(
                        lang,
                        "New hires take the course",
                        "Nieuwe agents volgen de cursus",
                    ),
                    yes_no(st.train_new_hires, lang),
                ));
            }
        }
        let mut sources = Vec::new();
        for input in group_inputs(group)
            .iter()
            .filter(|d| crate::model::staffing::uses(s.staffing.model, d.path))
        {
            let source = crate::model::sources::source_text(s, input.path, lang);
            if !source.is_empty() {
                sources.push(format!("{}: {source}", input.label.get(lang)));
            }
            let value = s.get(input);
            let range = s.estimate(input.path).map_or_else(String::new, |r| {
                format!(
                    "{} – {} – {}",
                    number(r.low),
                    number(r.likely),
                    number(r.high)
                )
            });
            let differs = value != input.default;
            rows.push(Row {
                cells: vec![
                    Cell::Text(input.label.get(lang).to_owned()),
                    Cell::Text(input.unit.symbol().get(lang).to_owned()),
                    Cell::Text(number(value)),
                    Cell::Text(if differs {
                        number(input.default)
                    } else {
                        t(lang, "default", "standaard").to_owned()
                    }),
                    Cell::Text(range),
                ],
                style: if differs {
                    RowStyle::Highlight
                } else {
                    RowStyle::Normal
                },
            });
        }
        blocks.push(Block::Subheading(group.title().get(lang).to_owned()));
        blocks.push(Block::Table(Table {
            headers: headers.clone(),
            rows,
            numeric_from: 2,
        }));
        if !sources.is_empty() {
            blocks.push(Block::Note(format!(
                "{} {}",
                t(lang, "Sources —", "Bronnen —"),
                sources.join(" · ")
            )));
        }
    }
    if s.is_enabled(Initiative::Custom) && !s.custom.lines.is_empty() {
        blocks.push(Block::Subheading(
            Initiative::Custom.title().get(lang).to_owned(),
        ));
        blocks.push(Block::Table(Table {
            headers: [
                t(lang, "Line", "Post"),
                t(lang, "Cost or benefit", "Kosten of baten"),
                t(lang, "Amount", "Bedrag"),
                t(lang, "When", "Wanneer"),
                t(lang, "Range", "Bandbreedte"),
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: s
                .custom
                .lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let path = format!("custom.lines[{i}].amount");
                    let range = s.estimate(&path).map_or_else(String::new, |r| {
                        format!(
                            "{} – {} – {}",
                            format::money_whole(r.low, lang),
                            format::money_whole(r.likely, lang),
                            format::money_whole(r.high, lang)
                        )
                    });
                    Row {
                        cells: vec![
                            Cell::Text(l.name.clone()),
                            Cell::Text(
                                match (l.kind, l.revenue) {
                                    (LineKind::Cost, _) => t(lang, "cost", "kosten"),
                                    (LineKind::Benefit, false) => t(lang, "saving", "besparing"),
                                    (LineKind::Benefit, true) => t(lang, "revenue", "omzet"),
                                }
                                .to_owned(),
                            ),
                            Cell::Money(l.amount),
                            Cell::Text(timing_text(l.timing, lang)),
                            Cell::Text(range),
                        ],
                        style: RowStyle::Normal,
                    }
                })
                .collect(),
            numeric_from: 2,
        }));
    }
    let off: Vec<&str> = Initiative::ALL
        .into_iter()
        .filter(|&i| !s.is_enabled(i))
        .map(|i| i.title().get(lang))
        .collect();
    if !off.is_empty() {
        blocks.push(Block::Note(format!(
            "{}: {}",
            t(lang, "Not in this scenario", "Niet in dit scenario"),
            off.join(", ")
        )));
    }
}

fn ramp_text(shape: crate::model::RampShape, lang: Lang) -> &'static str {
    match shape {
        crate::model::RampShape::Linear => t(lang, "linear", "lineair"),
        crate::model::RampShape::SCurve => t(lang, "S-curve", "S-kromme"),
    }
}

fn yes_no(on: bool, lang: Lang) -> &'static str {
    match on {
        true => t(lang, "yes", "ja"),
        false => t(lang, "no", "nee"),
    }
}

fn timing_text(timing: Timing, lang: Lang) -> String {
    match (timing, lang) {
        (Timing::OneOff { month }, Lang::En) => format!("once, month {month}"),
        (Timing::OneOff { month }, Lang::Nl) => format!("eenmalig, maand {month}"),
        (Timing::Monthly { from, to }, Lang::En) => format!("monthly, months {from}–{to}"),
        (Timing::Monthly { from, to }, Lang::Nl) => format!("maandelijks, maand {from}–{to}"),
        (Timing::Spread { from, to }, Lang::En) => format!("spread over months {from}–{to}"),
        (Timing::Spread { from, to }, Lang::Nl) => format!("verdeeld over maand {from}–{to}"),
    }
}

/// A short account of how the figures come about, and each headline worked out.
fn how_computed(blocks: &mut Vec<Block>, cases: &[Case], lang: Lang) {
    blocks.push(Block::PageBreak);
    blocks.push(heading(
        lang,
        "How the numbers are computed",
        "Hoe de cijfers tot stand komen",
    ));
    let paragraphs: [(&str, &str); 6] = [
        (
            "Each month the model starts from today's contact centre (contacts, handle time, first-contact resolution, agent cost, churn) and lets each initiative change it as it is adopted: adoption is zero before go-live and grows to full over the ramp-up months, in a straight line or an S-curve.",
            "Elke maand begint het model bij het klantcontactcentrum van vandaag (contacten, afhandeltijd, first-contact resolution, agentkosten, klantverloop) en laat elk initiatief dat veranderen naarmate het wordt gebruikt: de adoptie is nul vóór livegang en groeit in de opbouwmaanden naar volledig, lineair of als S-kromme.",
        ),
        (
            "The initiatives act one after another on what the one before left, so they do not simply add up: better first-contact resolution and fewer duplicate contacts (omnichannel, then training) lower the number of contacts, the chatbot resolves its share of what is left, and shorter handle times apply to the contacts agents still handle.",
            "De initiatieven werken na elkaar op wat het vorige overliet, dus ze tellen niet zomaar op: betere first-contact resolution en minder dubbele contacten (omnichannel, dan training) verlagen het aantal contacten, de chatbot lost zijn deel op van wat overblijft, en kortere afhandeltijden gelden voor de contacten die agents nog afhandelen.",
        ),
        (
            "Staffing by service level: each month the fewest agents on the line that answer the target share of contacts within the target seconds (Erlang C, the month's agent contacts spread over the opening hours), divided by the share of paid time agents are on the line (1 − shrinkage), is the paid FTE the workload needs. The team moves only as people leave (attrition), are hired (when the workload needs more) or are let go (with redundancies: after their notice, at the severance cost), by the policy chosen; the same policy runs without the initiatives, and the agent saving is the difference in payroll (paid FTE × paid hours × cost per paid hour) and hiring, shared out by each initiative's share of the freed workload; what training's lower attrition changes is its own line. Simplified staffing (older files): minutes saved are valued at the paid cost of a minute (agent cost per hour / (60 × occupancy)) times the share realised. Lower churn keeps customers who go on paying their margin each month; it counts only after the retention delay.",
            "Bezetting naar servicelevel: elke maand is het kleinste aantal agents aan de lijn dat het doeldeel van de contacten binnen de doelseconden beantwoordt (Erlang C, de agentcontacten van de maand verdeeld over de openingsuren), gedeeld door het deel van de betaalde tijd dat agents aan de lijn zijn (1 − shrinkage), de betaalde fte die de werklast vraagt. Het team verandert alleen doordat mensen vertrekken (verloop), worden aangenomen (als de werklast meer vraagt) of worden ontslagen (bij gedwongen vertrek: na hun opzegtermijn, tegen de ontslagvergoeding), volgens het gekozen beleid; hetzelfde beleid loopt zonder de initiatieven, en de besparing is het verschil in loonkosten (betaalde fte × betaalde uren × kosten per betaald uur) en werving, verdeeld naar het deel van de vrijgekomen werklast van elk initiatief; wat het lagere verloop door training verandert, is een eigen post. Vereenvoudigde bezetting (oudere bestanden): bespaarde minuten tegen de betaalde kosten van een minuut (agentkosten per uur / (60 × bezettingsgraad)) maal het verzilverde deel. Minder klantverloop houdt klanten die elke maand hun marge blijven opleveren; dat telt pas na de vertraging voor klantbehoud.",
        ),
        (
            "Costs: one-off costs and hidden costs in the start month, licences from the start month, maintenance and refreshers from go-live, the bot's fee per resolved conversation, and the go-live dip (a share of a few weeks' agent cost).",
            "Kosten: eenmalige en verborgen kosten in de startmaand, licenties vanaf de startmaand, onderhoud en opfriscursussen vanaf livegang, de botvergoeding per opgelost gesprek, en de dip bij livegang (een deel van enkele weken agentkosten).",
        ),
        (
            "Risk adjustment: savings are cut by the risk on savings, revenue-type benefits (retained margin) by the risk on revenue, and costs raised by the cost risk. Net = benefits − costs; ROI = (benefits − costs) / costs; NPV discounts each month's net at the monthly equivalent of the yearly discount rate, at the end of the month; ROI on present values is the same ratio of the discounted benefits and costs; IRR is the monthly rate at which the NPV is zero, given as a yearly rate: unique when the monthly net changes sign once, or the cumulative net does (Norström's criterion), else the one zero a scan of the NPV over every rate finds (with several, none is given and they are named); MIRR is a spreadsheet's MIRR of the monthly nets with the discount rate as finance and reinvestment rate. Break-even is the first month, counted from the first month with any cost or benefit, in which the cumulative net is zero or more.",
            "Risicocorrectie: besparingen worden verlaagd met het risico op besparingen, omzetbaten (behouden marge) met het risico op omzet, en kosten verhoogd met het kostenrisico. Netto = baten − kosten; ROI = (baten − kosten) / kosten; de NCW disconteert het netto van elke maand tegen het maandequivalent van de jaarlijkse disconteringsvoet, aan het eind van de maand; de ROI op contante waarden is dezelfde verhouding van de contante baten en kosten; de IRR is de maandrente waarbij de NCW nul is, als jaarrente: eenduidig als het netto per maand één keer van teken wisselt, of het cumulatieve netto (criterium van Norström), anders de ene nulwaarde die een scan van de NCW over alle rentes vindt (bij meerdere wordt er geen gegeven en worden ze genoemd); de MIRR is de MIRR van een spreadsheet over de maandbedragen, met de disconteringsvoet als financierings- en herbeleggingsrente. Break-even is de eerste maand, geteld vanaf de eerste maand met kosten of baten, waarin het cumulatief netto nul of meer is.",
        ),
        (
            "Money is computed exactly in decimals and rounded only for display (whole euros in tables, midpoint away from zero). Ranges: each trial draws every ranged input from its distribution (triangular unless stated) and runs the same model; the band and the chance come from those trials.",
            "Bedragen worden exact in decimalen berekend en alleen voor weergave afgerond (hele euro's in tabellen, half van nul af). Bandbreedtes: elke trekking kiest elke invoer met een bandbreedte uit zijn verdeling (driehoekig tenzij anders vermeld) en rekent hetzelfde model door; de band en de kans komen uit die trekkingen.",
        ),
    ];
    for (en, nl) in paragraphs {
        blocks.push(Block::Paragraph(t(lang, en, nl).to_owned()));
    }
    for case in cases {
        blocks.push(Block::Subheading(match lang {
            Lang::En => format!("The headline figures of {}, worked out", case.name()),
            Lang::Nl => format!("De hoofdcijfers van {}, uitgewerkt", case.name()),
        }));
        for card in cards::cards(&case.projection, true, lang) {
            blocks.push(Block::Formula(card.formula));
        }
    }
    let used: usize = all_inputs().count();
    blocks.push(Block::Note(match lang {
        Lang::En => format!(
            "The model has {used} inputs; every one is listed with its unit under Inputs. The spreadsheet export holds the same model as formulas, to audit and continue."
        ),
        Lang::Nl => format!(
            "Het model heeft {used} invoerwaarden; elke staat met zijn eenheid onder Invoer. De spreadsheetexport bevat hetzelfde model als formules, om te controleren en mee verder te rekenen."
        ),
    }));
}

/// The charts that can be saved as images.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Cumulative net with break-even and the band.
    BreakEven,
    /// Costs and benefits per month by initiative (the first scenario).
    Monthly,
    /// ROI to date.
    Roi,
    /// Cost per contact (the first scenario).
    CostPerContact,
    /// Agents needed (the first scenario).
    Agents,
    /// The tornado of a result (the first scenario): the inputs that move it most.
    Tornado(Metric),
    /// When the first scenario breaks even: the share of Monte Carlo trials by month (empty
    /// without ranges).
    Histogram,
    /// The first scenario's plan, actuals and forecast (re-based when true).
    Tracking(bool),
}

/// The chart `which` of `cases`, as the report draws it, risk-adjusted or not (the cases'
/// analyses should be of the same variant).
pub fn chart_of(cases: &[Case], which: Chart, lang: Lang, risk_adjusted: bool) -> chart::ChartSpec {
    let bands = bands(cases);
    let first = cases.first();
    match (which, first) {
        (Chart::BreakEven, _) | (_, None) => {
            chart::break_even(&shown_variant(cases, &bands, risk_adjusted), lang)
        }
        (Chart::Roi, _) => chart::roi(&shown_variant(cases, &bands, risk_adjusted), lang),
        (Chart::Monthly, Some(c)) => chart::monthly(c.view.series(risk_adjusted), lang),
        (Chart::CostPerContact, Some(c)) => {
            chart::kpi(&c.view, chart::KpiChart::CostPerContact, lang)
        }
        (Chart::Agents, Some(c)) => chart::kpi(&c.view, chart::KpiChart::AgentsNeeded, lang),
        (Chart::Tornado(metric), Some(c)) => tornado_chart(c, metric, lang, risk_adjusted)
            .unwrap_or_else(|| {
                let (title, _, axis) = tornado_words(metric, lang);
                chart::tornado(Vec::new(), title.to_owned(), String::new(), axis, lang)
            }),
        (Chart::Histogram, Some(c)) => histogram_chart(c, lang),
        (Chart::Tracking(rebased), Some(c)) => {
            tracking_chart(c, lang, rebased).unwrap_or_else(|| {
                chart::break_even(&shown_variant(cases, &bands, risk_adjusted), lang)
            })
        }
    }
}

/// A tornado's title, its axis words and how the axis reads, for `metric`.
fn tornado_words(metric: Metric, lang: Lang) -> (&'static str, &'static str, Axis) {
    match metric {
        Metric::NetBenefit => (
            t(
                lang,
                "What moves the net benefit most",
                "Wat de netto opbrengst het meest beweegt",
            ),
            t(
                lang,
                "Change in net benefit",
                "Verandering van de netto opbrengst",
            ),
            Axis::Money,
        ),
        Metric::Npv => (
            t(
                lang,
                "What moves the NPV most",
                "Wat de NCW het meest beweegt",
            ),
            t(lang, "Change in NPV", "Verandering van de NCW"),
            Axis::Money,
        ),
        Metric::RoiPct => (
            t(
                lang,
                "What moves the ROI most",
                "Wat de ROI het meest beweegt",
            ),
            t(
                lang,
                "Change in ROI (percentage points)",
                "Verandering van de ROI (procentpunten)",
            ),
            Axis::Number,
        ),
        Metric::BreakEvenMonth => (
            t(
                lang,
                "What moves the break-even month most",
                "Wat de break-evenmaand het meest beweegt",
            ),
            t(
                lang,
                "Change in break-even month",
                "Verandering van de break-evenmaand",
            ),
            Axis::Number,
        ),
    }
}

/// The tornado of `metric` for a case: the inputs that move it most (the case's own tornado
/// when it is of that metric, else worked out now).
fn tornado_chart(
    case: &Case,
    metric: Metric,
    lang: Lang,
    risk_adjusted: bool,
) -> Option<chart::ChartSpec> {
    let computed;
    let tornado = match &case.tornado {
        Some(t) if t.metric == metric => t,
        _ => {
            computed = crate::analysis::tornado::tornado(
                &case.valid,
                &case.projection,
                metric,
                risk_adjusted,
            )
            .ok()?;
            &computed
        }
    };
    let mut bars = uncertainty::tornado_bars(tornado, case.scenario(), lang);
    bars.truncate(TORNADO_BARS);
    if bars.is_empty() {
        return None;
    }
    let base = uncertainty::metric_text(tornado.metric, tornado.base, lang);
    let (title, change, axis) = tornado_words(metric, lang);
    Some(chart::tornado(
        bars,
        title.to_owned(),
        format!("{change} ({}: {base})", t(lang, "now", "nu")),
        axis,
        lang,
    ))
}

/// When a case breaks even: the share of its Monte Carlo trials by month.
fn histogram_chart(case: &Case, lang: Lang) -> chart::ChartSpec {
    let horizon = case.horizon();
    let (up, never) = match case.ranged_mc() {
        Some(mc) => {
            let n = mc.trials.max(1) as f64;
            (
                mc.histogram.iter().map(|&c| c as f64 / n * 100.0).collect(),
                uncertainty::share(mc.never as f64 / n, lang),
            )
        }
        None => (Vec::new(), "–".to_owned()),
    };
    chart::ChartSpec {
        title: match lang {
            Lang::En => format!(
                "When it breaks even: share of trials by month (not within {horizon} months: {never})"
            ),
            Lang::Nl => format!(
                "Wanneer het break-even draait: deel van de trekkingen per maand (niet binnen {horizon} maanden: {never})"
            ),
        },
        lang,
        axis: Axis::Percent,
        plot: chart::Plot::Months {
            horizon,
            bands: Vec::new(),
            bars: vec![chart::BarSeries {
                name: t(lang, "Share of trials", "Deel van de trekkingen").to_owned(),
                colour: crate::view::palette::scenario_rgb(case.colour.unwrap_or(0)),
                down: vec![0.0; up.len()],
                up,
            }],
            lines: Vec::new(),
            markers: Vec::new(),
        },
    }
}

/// The cumulative net of the plan, the actuals and the forecast (re-based or not), when the
/// case has actuals.
fn tracking_chart(case: &Case, lang: Lang, rebased: bool) -> Option<chart::ChartSpec> {
    let t = case.view.tracking.as_ref()?;
    let p = &case.projection;
    let mut lines = Vec::new();
    let plan_curve: Vec<[f64; 2]> = std::iter::once([0.0, 0.0])
        .chain(
            p.adjusted
                .months
                .iter()
                .map(|m| [f64::from(m.month), crate::view::to_plot(m.cumulative_net)]),
        )
        .collect();
    let forecast: Vec<[f64; 2]> = std::iter::once([0.0, 0.0])
        .chain(
            t.forecast(rebased)
                .adjusted
                .months
                .iter()
                .map(|m| [f64::from(m.month), crate::view::to_plot(m.cumulative_net)]),
        )
        .collect();
    lines.push(chart::Curve {
        name: t_(lang, "Plan", "Plan").to_owned(),
        colour: crate::view::palette::scenario_rgb(case.colour.unwrap_or(0)),
        points: plan_curve,
        dashed: false,
        bold: false,
    });
    lines.push(chart::Curve {
        name: t_(lang, "Forecast", "Verwachting").to_owned(),
        colour: [0x33, 0x33, 0x33],
        points: forecast
            .iter()
            .skip(t.last_month as usize)
            .copied()
            .collect(),
        dashed: true,
        bold: false,
    });
    lines.push(chart::Curve {
        name: t_(lang, "Actuals", "Werkelijk").to_owned(),
        colour: [0x11, 0x11, 0x11],
        points: forecast
            .iter()
            .take(t.last_month as usize + 1)
            .copied()
            .collect(),
        dashed: false,
        bold: true,
    });
    Some(chart::ChartSpec {
        title: t_(
            lang,
            "Cumulative net: plan, actuals and forecast",
            "Cumulatief netto: plan, werkelijk en verwachting",
        )
        .to_owned(),
        lang,
        axis: Axis::Money,
        plot: chart::Plot::Months {
            horizon: p.horizon_months,
            bands: Vec::new(),
            bars: Vec::new(),
            lines,
            markers: Vec::new(),
        },
    })
}
