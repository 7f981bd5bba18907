//! The Years sheet: each line by year as formulas on the Projection sheet (a year is a sum of
//! its months, risk-adjusted with the Inputs sheet's factors, costs negative), its total and
//! present value (NPV of its months), then the net per year and its present value. The years
//! and which lines have amounts come from the export; the amounts follow the inputs.

use rust_xlsxwriter::{Formula, Worksheet};

use crate::i18n::t;
use crate::model::{Lang, LineKind};
use crate::report::{Case, ReportError};
use crate::sim::{LineRef, RiskClass};

use super::Formats;
use super::projection::Layout;

/// The Projection sheet's column key of a line.
fn column_key(id: LineRef) -> String {
    match id {
        LineRef::Model(id) => id.key().to_owned(),
        LineRef::Custom(i) => format!("custom{}", i + 1),
    }
}

/// Writes the Years sheet.
pub(super) fn write_years(
    ws: &mut Worksheet,
    case: &Case,
    lang: Lang,
    f: &Formats,
    (layout, projection): (&Layout, &str),
) -> Result<(), ReportError> {
    let p = &case.projection;
    let y = crate::view::years::years(case.scenario(), p, lang);
    ws.write_string_with_format(0, 0, t(lang, "By year", "Per jaar"), &f.title)?;
    ws.write_string_with_format(
        1,
        0,
        t(
            lang,
            "Risk-adjusted, costs negative. Each year is the sum of its months on the Projection sheet; present value = NPV of the months at the monthly discount rate. Export again after changing the horizon or the lines.",
            "Na risicocorrectie, kosten negatief. Elk jaar is de som van zijn maanden op het blad Projectie; contante waarde = NCW van de maanden tegen de maandelijkse disconteringsvoet. Exporteer opnieuw na een wijziging van de horizon of de posten.",
        ),
        &f.note,
    )?;
    let header_row = 3u32;
    let years = y.years.len() as u16;
    ws.write_string_with_format(header_row, 0, t(lang, "Line", "Post"), &f.header)?;
    for (c, year) in y.years.iter().enumerate() {
        ws.write_string_with_format(header_row, 1 + c as u16, &year.label, &f.header)?;
    }
    let (total_col, pv_col) = (1 + years, 2 + years);
    ws.write_string_with_format(header_row, total_col, t(lang, "Total", "Totaal"), &f.header)?;
    ws.write_string_with_format(
        header_row,
        pv_col,
        t(lang, "Present value", "Contante waarde"),
        &f.header,
    )?;
    let letter = |key: &str| layout.letter(key).unwrap_or("A").to_owned();
    let cell =
        |key: &str, m: u32| format!("'{projection}'!${}${}", letter(key), layout.month_row(m));
    let range = |key: &str, a: u32, b: u32| {
        let l = letter(key);
        format!(
            "'{projection}'!${l}${}:${l}${}",
            layout.month_row(a),
            layout.month_row(b)
        )
    };
    let mut row = header_row + 1;
    let first_line_row = row;
    for l in &y.lines {
        let Some(line) = p.lines.get(l.line) else {
            continue;
        };
        let key = column_key(line.id);
        let factor = match line.risk {
            RiskClass::Cost => "k_cost_factor",
            RiskClass::Saving => "k_saving_factor",
            RiskClass::Revenue => "k_revenue_factor",
        };
        let sign = if line.kind == LineKind::Cost { "-" } else { "" };
        ws.write_string(row, 0, crate::text::line_name(line, lang))?;
        let zero_here = y.years.first().is_some_and(|yr| yr.index == 0)
            && !l.unadjusted.first().is_none_or(|v| v.is_zero());
        for (c, year) in y.years.iter().enumerate() {
            let (a, b) = year.months;
            let formula = if year.index == 0 {
                if zero_here {
                    format!("{sign}{}*{factor}", cell(&key, 1))
                } else {
                    "0".to_owned()
                }
            } else if zero_here && a == 1 {
                if b > 1 {
                    format!("{sign}SUM({})*{factor}", range(&key, 2, b))
                } else {
                    "0".to_owned()
                }
            } else {
                format!("{sign}SUM({})*{factor}", range(&key, a, b))
            };
            super::formula::check(&formula)?;
            ws.write_formula_with_format(
                row,
                1 + c as u16,
                Formula::new(format!("={formula}")),
                &f.money,
            )?;
        }
        let here = |c: u16| super::column_letters(c);
        ws.write_formula_with_format(
            row,
            total_col,
            Formula::new(format!(
                "=SUM({}{}:{}{})",
                here(1),
                row + 1,
                here(years),
                row + 1
            )),
            &f.money,
        )?;
        // Year 0 is now: its month-1 amount is not discounted.
        let undo = if zero_here {
            format!("+{}*(1-1/(1+k_monthly_rate))", cell(&key, 1))
        } else {
            String::new()
        };
        let pv = format!(
            "{sign}(NPV(k_monthly_rate,{}){undo})*{factor}",
            range(&key, 1, p.horizon_months)
        );
        super::formula::check(&pv)?;
        ws.write_formula_with_format(row, pv_col, Formula::new(format!("={pv}")), &f.money)?;
        row += 1;
    }
    let last_line_row = row;
    ws.write_string_with_format(row, 0, t(lang, "Net", "Netto"), &f.bold)?;
    for c in 1..=pv_col {
        let l = super::column_letters(c);
        let formula = if last_line_row > first_line_row {
            format!("=SUM({l}{}:{l}{})", first_line_row + 1, last_line_row)
        } else {
            "=0".to_owned()
        };
        ws.write_formula_with_format(row, c, Formula::new(formula), &f.money)?;
    }
    ws.set_column_width(0, 44)?;
    for c in 1..=pv_col {
        ws.set_column_width(c, 16)?;
    }
    ws.set_freeze_panes(header_row + 1, 1)?;
    Ok(())
}
