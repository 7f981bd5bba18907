//! The Summary sheet: the headline figures as formulas on the projection, then what the
//! analysis adds as values, with a note saying why.

use rust_xlsxwriter::{Formula, Note, Worksheet};

use crate::i18n::t;
use crate::model::Lang;
use crate::report::{Case, ReportError};
use crate::view::{compare, uncertainty};

use super::Formats;
use super::projection::Layout;

/// How a summary figure reads.
#[derive(Clone, Copy)]
enum SummaryFormat {
    /// Euros with cents.
    Money,
    /// A percentage or a number of months, one decimal.
    Decimal1,
    /// A month number.
    Month,
}

/// Writes the Summary sheet; returns the defined names of its results with their rows.
pub(super) fn write_summary(
    ws: &mut Worksheet,
    case: &Case,
    lang: Lang,
    f: &Formats,
    layout: &Layout,
    projection: &str,
) -> Result<Vec<(&'static str, u32)>, ReportError> {
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{}: {}",
            t(lang, "Business case", "Businesscase"),
            case.name()
        ),
        &f.title,
    )?;
    ws.write_string_with_format(
        1,
        0,
        t(
            lang,
            "Risk-adjusted unless stated. Every figure in column B is a formula on the Projection sheet.",
            "Na risicocorrectie tenzij anders vermeld. Elk cijfer in kolom B is een formule op het blad Projectie.",
        ),
        &f.note,
    )
    ?;
    use SummaryFormat::{Decimal1, Money, Month};
    let mut names = Vec::new();
    ws.write_string_with_format(3, 0, t(lang, "Figure", "Cijfer"), &f.plain_header)?;
    ws.write_string_with_format(3, 1, t(lang, "Value", "Waarde"), &f.plain_header)?;
    let mut row = 4u32;
    for (name, label, formula, kind) in summary_rows(lang, layout, projection) {
        ws.write_string(row, 0, label)?;
        let format = match kind {
            Money => &f.money,
            Decimal1 => &f.decimal1,
            Month => &f.whole,
        };
        super::formula::check(&formula)?;
        ws.write_formula_with_format(row, 1, Formula::new(format!("={formula}")), format)?;
        if let Some(name) = name {
            names.push((name, row));
        }
        row += 1;
    }
    row += 1;
    // What cannot be a formula in practice: values, and a note saying why.
    row = write_initiatives(ws, row, case, lang, f)?;
    write_how_sure(ws, row, case, lang, f)?;
    ws.set_column_width(0, 42)?;
    ws.set_column_width(1, 18)?;
    for c in 2..5u16 {
        ws.set_column_width(c, 22)?;
    }
    Ok(names)
}

/// A headline figure: its defined name (if other cells refer to it), label, formula and format.
type SummaryRow = (Option<&'static str>, &'static str, String, SummaryFormat);

/// The headline figures as formulas on the projection sheet, risk-adjusted then unadjusted.
fn summary_rows(lang: Lang, layout: &Layout, projection: &str) -> Vec<SummaryRow> {
    let r = |key: &str| format!("'{projection}'!{}", layout.range(key));
    let none = t(lang, "none", "geen");
    use SummaryFormat::{Decimal1, Money, Month};
    vec![
        (
            None,
            t(lang, "Total costs", "Totale kosten"),
            format!("SUM({})", r("costs")),
            Money,
        ),
        (
            None,
            t(lang, "Total benefits", "Totale baten"),
            format!("SUM({})", r("benefits")),
            Money,
        ),
        (
            Some("res_net_benefit"),
            t(lang, "Net benefit", "Netto opbrengst"),
            format!("SUM({})", r("net")),
            Money,
        ),
        (
            None,
            t(lang, "ROI (%)", "ROI (%)"),
            format!(
                "IF(SUM({c})>0,(SUM({b})-SUM({c}))/SUM({c})*100,\"–\")",
                c = r("costs"),
                b = r("benefits")
            ),
            Decimal1,
        ),
        (
            None,
            t(lang, "NPV", "NCW"),
            format!("NPV(k_monthly_rate,{})", r("net")),
            Money,
        ),
        (
            None,
            t(lang, "IRR (% a year)", "IRR (% per jaar)"),
            format!(
                "IF(SUM({ch})=1,IFERROR(((1+IRR({n},0))^12-1)*100,\"–\"),\"–\")",
                ch = r("change"),
                n = r("irr_flow")
            ),
            Decimal1,
        ),
        (
            Some("res_first_active"),
            t(
                lang,
                "First month with costs or benefits",
                "Eerste maand met kosten of baten",
            ),
            format!("IF(COUNT({a})=0,\"{none}\",MIN({a}))", a = r("active")),
            Month,
        ),
        (
            Some("res_break_even"),
            t(lang, "Break-even month", "Break-evenmaand"),
            format!("IF(COUNT({b})=0,\"{none}\",MIN({b}))", b = r("be")),
            Month,
        ),
        (
            None,
            t(lang, "Payback (months)", "Terugverdientijd (maanden)"),
            format!(
                "IF(COUNT({b})=0,\"–\",SUM({p}))",
                b = r("be"),
                p = r("payback")
            ),
            Decimal1,
        ),
        (
            Some("res_disc_break_even"),
            t(
                lang,
                "Discounted break-even month",
                "Contante break-evenmaand",
            ),
            format!("IF(COUNT({b})=0,\"{none}\",MIN({b}))", b = r("disc_be")),
            Month,
        ),
        (
            None,
            t(
                lang,
                "Discounted payback (months)",
                "Contante terugverdientijd (maanden)",
            ),
            format!(
                "IF(COUNT({b})=0,\"–\",SUM({p}))",
                b = r("disc_be"),
                p = r("disc_payback")
            ),
            Decimal1,
        ),
        (
            None,
            t(
                lang,
                "Total costs (unadjusted)",
                "Totale kosten (ongecorrigeerd)",
            ),
            format!("SUM({})", r("costs_u")),
            Money,
        ),
        (
            None,
            t(
                lang,
                "Total benefits (unadjusted)",
                "Totale baten (ongecorrigeerd)",
            ),
            format!("SUM({})", r("benefits_u")),
            Money,
        ),
        (
            None,
            t(
                lang,
                "Net benefit (unadjusted)",
                "Netto opbrengst (ongecorrigeerd)",
            ),
            format!("SUM({})", r("net_u")),
            Money,
        ),
        (
            None,
            t(lang, "ROI (%, unadjusted)", "ROI (%, ongecorrigeerd)"),
            format!(
                "IF(SUM({c})>0,(SUM({b})-SUM({c}))/SUM({c})*100,\"–\")",
                c = r("costs_u"),
                b = r("benefits_u")
            ),
            Decimal1,
        ),
    ]
}

/// What each initiative adds, as values with a note saying why; returns the next free row.
fn write_initiatives(
    ws: &mut Worksheet,
    mut row: u32,
    case: &Case,
    lang: Lang,
    f: &Formats,
) -> Result<u32, ReportError> {
    let p = &case.projection;
    let initiative_rows = compare::initiative_rows(p, true, lang);
    if !initiative_rows.is_empty() {
        ws.write_string_with_format(
            row,
            0,
            t(
                lang,
                "What each initiative adds (values)",
                "Wat elk initiatief toevoegt (waarden)",
            ),
            &f.bold,
        )?;
        let why = t(
            lang,
            "Values, not formulas: each needs the whole model run again without the initiative (or with it alone). They do not follow changes to the inputs; export again after changing them.",
            "Waarden, geen formules: elk vraagt het hele model opnieuw zonder het initiatief (of met alleen dat initiatief). Ze volgen wijzigingen in de invoer niet; exporteer opnieuw na een wijziging.",
        );
        ws.insert_note(row, 0, &Note::new(why).set_width(360).set_height(110))?;
        ws.write_string_with_format(row, 2, why, &f.note)?;
        row += 1;
        let heads = compare::initiative_headings(lang);
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, *h, &f.plain_header)?;
        }
        row += 1;
        for ir in initiative_rows {
            for (c, text) in [
                ir.name,
                ir.alone_net,
                ir.alone_roi,
                ir.alone_break_even,
                ir.adds,
            ]
            .iter()
            .enumerate()
            {
                ws.write_string(row, c as u16, text)?;
            }
            row += 1;
        }
        row += 1;
    }
    Ok(row)
}

/// The Monte Carlo percentiles and the chance of break-even, as values with a note saying why.
fn write_how_sure(
    ws: &mut Worksheet,
    mut row: u32,
    case: &Case,
    lang: Lang,
    f: &Formats,
) -> Result<(), ReportError> {
    if let Some(mc) = case.ranged_mc() {
        ws.write_string_with_format(
            row,
            0,
            t(lang, "How sure (values)", "Hoe zeker (waarden)"),
            &f.bold,
        )?;
        let why = match lang {
            Lang::En => format!(
                "Values from {} Monte Carlo trials over the inputs with a range: a spreadsheet cannot redraw them. They do not follow changes to the inputs.",
                mc.trials
            ),
            Lang::Nl => format!(
                "Waarden uit {} Monte-Carlotrekkingen over de invoer met een bandbreedte: een spreadsheet kan die niet opnieuw trekken. Ze volgen wijzigingen in de invoer niet.",
                mc.trials
            ),
        };
        ws.insert_note(row, 0, &Note::new(&why).set_width(360).set_height(90))?;
        ws.write_string_with_format(row, 2, &why, &f.note)?;
        row += 1;
        let heads = ["", "P10", "P50", "P90", t(lang, "Mean", "Gemiddelde")];
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, *h, &f.plain_header)?;
        }
        row += 1;
        for pr in uncertainty::percentile_rows(mc, lang) {
            ws.write_string(row, 0, pr.label)?;
            for (c, v) in pr.values.iter().enumerate() {
                ws.write_string(row, c as u16 + 1, v)?;
            }
            row += 1;
        }
        ws.write_string(
            row,
            0,
            t(
                lang,
                "Chance of break-even within the horizon",
                "Kans op break-even binnen de horizon",
            ),
        )?;
        ws.write_string(
            row,
            1,
            uncertainty::share(mc.probability_within_horizon, lang),
        )?;
    }
    Ok(())
}
