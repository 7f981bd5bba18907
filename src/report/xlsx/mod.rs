//! The model as a spreadsheet a finance analyst can audit and continue (rust_xlsxwriter).
//!
//! - **Inputs**: every input with its unit, meaning and default, in a named cell
//!   (`chatbot_containment_pct`), then the constants worked out from them (`k_paid_minute`,
//!   …), each a formula.
//! - **Projection**: one row per month; every column is a formula on the named inputs and the
//!   columns before it, following the engine step by step (adoption, contacts, handle time,
//!   churn, each line, totals, risk adjustment, net, cumulative and discounted net, ROI to date,
//!   and the helper columns break-even and IRR need), then the month's KPIs.
//! - **Summary**: the headline figures as formulas on the projection (ROI, NPV, IRR, break-even,
//!   payback), and, as values with a note saying why, what the analysis adds (what each
//!   initiative adds, which needs the whole model run again without it; the Monte Carlo
//!   percentiles).
//!
//! Change an input in Excel or LibreOffice and every figure follows. The horizon is the one
//! exception: the sheet has one row per month of the exported horizon.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

use crate::i18n::t;
use crate::model::{Lang, RampShape, Timing};
use crate::report::{Case, ReportError};

mod actuals;
mod formula;
mod inputs;
mod projection;
mod staffing;
mod summary;
mod years;

pub use projection::{line_header, projection_columns};

/// The 0-based row of the Projection sheet's column headings; months follow.
pub const HEADER_ROW: u32 = 3;

/// The sheet names, in the workbook's language.
pub struct SheetNames {
    /// The summary.
    pub summary: &'static str,
    /// The inputs.
    pub inputs: &'static str,
    /// The month-by-month projection.
    pub projection: &'static str,
}

/// The sheet names of `lang`.
pub fn sheet_names(lang: Lang) -> SheetNames {
    SheetNames {
        summary: t(lang, "Summary", "Samenvatting"),
        inputs: t(lang, "Inputs", "Invoer"),
        projection: t(lang, "Projection", "Projectie"),
    }
}

/// The words the sheet uses for a ramp-up shape, which its formulas compare against.
pub(super) fn shape_word(shape: RampShape, lang: Lang) -> &'static str {
    match shape {
        RampShape::Linear => t(lang, "linear", "lineair"),
        RampShape::SCurve => t(lang, "S-curve", "S-kromme"),
    }
}

pub(super) fn timing_word(timing: Timing, lang: Lang) -> &'static str {
    match timing {
        Timing::OneOff { .. } => t(lang, "one-off", "eenmalig"),
        Timing::Monthly { .. } => t(lang, "monthly", "maandelijks"),
        Timing::Spread { .. } => t(lang, "spread", "verdeeld"),
    }
}

/// Cost, saving or revenue, as the sheet writes a custom line's type.
pub(super) fn type_words(lang: Lang) -> [&'static str; 3] {
    [
        t(lang, "cost", "kosten"),
        t(lang, "saving", "besparing"),
        t(lang, "revenue", "omzet"),
    ]
}

/// The defined name of an input path: `chatbot.containment_pct` → `chatbot_containment_pct`.
pub fn cell_name(path: &str) -> String {
    path.replace('.', "_")
}

/// The column letters of a 0-based column index: 0 → A, 27 → AB.
pub fn column_letters(mut col: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Formats of the workbook.
pub(super) struct Formats {
    pub(super) decimal1: Format,
    pub(super) whole: Format,
    pub(super) plain_header: Format,
    pub(super) title: Format,
    pub(super) bold: Format,
    pub(super) header: Format,
    pub(super) money: Format,
    pub(super) number: Format,
    pub(super) input: Format,
    pub(super) note: Format,
}

fn formats() -> Formats {
    let money = "#,##0.00;[Red]-#,##0.00";
    Formats {
        decimal1: Format::new().set_num_format("0.0"),
        whole: Format::new().set_num_format("0"),
        plain_header: Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin),
        title: Format::new().set_bold().set_font_size(14),
        bold: Format::new().set_bold(),
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border_bottom(FormatBorder::Thin),
        money: Format::new().set_num_format(money),
        number: Format::new().set_num_format("#,##0.0000"),
        input: Format::new()
            .set_background_color(Color::RGB(0xFFF3C4))
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xD9C27A)),
        note: Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x555555)),
    }
}

/// The workbook of `case` in `lang`.
pub fn xlsx(case: &Case, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let names = sheet_names(lang);
    let f = formats();
    let mut book = Workbook::new();
    let mut inputs = Worksheet::new();
    inputs.set_name(names.inputs)?;
    let defined = inputs::write_inputs(&mut inputs, case, lang, &f)?;
    let mut projection = Worksheet::new();
    projection.set_name(names.projection)?;
    let layout = projection::write_projection(&mut projection, case, lang, &f)?;
    let mut summary = Worksheet::new();
    summary.set_name(names.summary)?;
    let results = summary::write_summary(&mut summary, case, lang, &f, &layout, names.projection)?;
    book.push_worksheet(summary);
    book.push_worksheet(inputs);
    book.push_worksheet(projection);
    if projection::service_level(case) {
        let mut erlang = Worksheet::new();
        erlang.set_name(staffing::erlang_sheet(lang))?;
        let letter = |key: &str| layout.letter(key).map(str::to_owned);
        staffing::write_erlang(
            &mut erlang,
            case,
            lang,
            &f,
            names.projection,
            &letter,
            staffing::candidates(case),
        )?;
        book.push_worksheet(erlang);
    }
    let mut years = Worksheet::new();
    years.set_name(t(lang, "Years", "Jaren"))?;
    years::write_years(&mut years, case, lang, &f, (&layout, names.projection))?;
    book.push_worksheet(years);
    if let Some(tracking) = &case.view.tracking {
        let mut actuals = Worksheet::new();
        actuals.set_name(t(lang, "Actuals", "Werkelijk"))?;
        actuals::write_actuals(&mut actuals, case, tracking, lang, &f)?;
        book.push_worksheet(actuals);
    }
    for (name, row) in defined {
        book.define_name(&name, &format!("='{}'!$C${}", names.inputs, row + 1))?;
    }
    for (name, row) in results {
        book.define_name(name, &format!("='{}'!$B${}", names.summary, row + 1))?;
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
