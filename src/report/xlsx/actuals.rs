//! The Actuals sheet: the plan against what happened, as values: month by month (plan, plan
//! flexed to the volume observed, actual, and the figures observed), then the gap split into
//! volume and performance, by initiative and by driver.

use rust_xlsxwriter::{Note, Worksheet};

use crate::i18n::t;
use crate::model::Lang;
use crate::report::{Case, ReportError};

use super::Formats;

/// Writes the plan against the actuals as values (the program values the realised months; the
/// note says so).
pub(super) fn write_actuals(
    ws: &mut Worksheet,
    case: &Case,
    tr: &crate::sim::tracking::Tracking,
    lang: Lang,
    f: &Formats,
) -> Result<(), ReportError> {
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{}: {}",
            t(lang, "Against the plan", "Tegen het plan"),
            case.name()
        ),
        &f.title,
    )?;
    let why = t(
        lang,
        "Values, not formulas: the program values the realised months with the plan's formulas, observed figures in place of planned ones. They do not follow changes to the inputs; export again after changing them. Risk-adjusted.",
        "Waarden, geen formules: het programma waardeert de gerealiseerde maanden met de formules van het plan, waargenomen cijfers in plaats van geplande. Ze volgen wijzigingen in de invoer niet; exporteer opnieuw na een wijziging. Na risicocorrectie.",
    );
    ws.write_string_with_format(1, 0, why, &f.note)?;
    ws.insert_note(1, 0, &Note::new(why).set_width(360).set_height(90))?;
    let mut headers: Vec<String> = [
        t(lang, "Month", "Maand"),
        t(lang, "Planned costs", "Geplande kosten"),
        t(lang, "Actual costs", "Werkelijke kosten"),
        t(lang, "Planned benefits", "Geplande baten"),
        t(lang, "Actual benefits", "Werkelijke baten"),
        t(lang, "Planned net", "Gepland netto"),
        t(lang, "Actual net", "Werkelijk netto"),
        t(lang, "Planned cumulative", "Gepland cumulatief"),
        t(lang, "Actual cumulative", "Werkelijk cumulatief"),
        t(
            lang,
            "Flexed net (plan at the volume met)",
            "Aangepast netto (plan bij het werkelijke volume)",
        ),
        t(lang, "Flexed cumulative", "Aangepast cumulatief"),
    ]
    .map(str::to_owned)
    .to_vec();
    for field in crate::model::actuals::FIELDS.iter() {
        headers.push(format!(
            "{} ({})",
            field.label.get(lang),
            t(lang, "observed", "waargenomen")
        ));
    }
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, h, &f.header)?;
        ws.set_column_width(c as u16, 14)?;
    }
    ws.set_row_height(3, 45)?;
    let x =
        |d: rust_decimal::Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(0.0);
    for (i, m) in tr.months.iter().enumerate() {
        let row = 4 + i as u32;
        ws.write_number(row, 0, f64::from(m.month))?;
        for (c, v) in [
            m.planned.costs,
            m.actual.costs,
            m.planned.benefits,
            m.actual.benefits,
            m.planned.net,
            m.actual.net,
            m.planned.cumulative_net,
            m.actual.cumulative_net,
            m.flexed.net,
            m.flexed.cumulative_net,
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_number_with_format(row, c as u16 + 1, x(v), &f.money)?;
        }
        if let Some(a) = case.scenario().actuals.iter().find(|a| a.month == m.month) {
            for (j, field) in crate::model::actuals::FIELDS.iter().enumerate() {
                if let Some(v) = a.get(field) {
                    ws.write_number(row, 11 + j as u16, x(v))?;
                }
            }
        }
    }
    let below = 4 + tr.months.len() as u32 + 1;
    write_split(ws, case, tr, lang, f, below)?;
    ws.set_freeze_panes(4, 1)?;
    Ok(())
}

/// The gap split, from row `top`: a heading, then one row per part (label, effect, what was
/// observed).
fn write_split(
    ws: &mut Worksheet,
    case: &Case,
    tr: &crate::sim::tracking::Tracking,
    lang: Lang,
    f: &Formats,
    top: u32,
) -> Result<(), ReportError> {
    use crate::view::tracking::Depth;
    ws.write_string_with_format(
        top,
        0,
        t(
            lang,
            "The gap split: volume and performance",
            "Het verschil gesplitst: volume en prestatie",
        ),
        &f.header,
    )?;
    let x =
        |d: rust_decimal::Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(0.0);
    for (i, row) in crate::view::tracking::split_rows(tr, case.scenario(), lang)
        .into_iter()
        .enumerate()
    {
        let r = top + 1 + i as u32;
        let label = match row.depth {
            Depth::Part => format!("   {}", row.label),
            _ => row.label,
        };
        ws.write_string(r, 0, label)?;
        if let Some(effect) = row.effect {
            ws.write_number_with_format(r, 1, x(effect), &f.money)?;
        }
        ws.write_string(r, 2, row.note)?;
    }
    Ok(())
}
