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
    /// A plain number with its decimals.
    Number,
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
    use SummaryFormat::{Decimal1, Money, Month, Number};
    let mut names = Vec::new();
    ws.write_string_with_format(3, 0, t(lang, "Figure", "Cijfer"), &f.plain_header)?;
    ws.write_string_with_format(3, 1, t(lang, "Value", "Waarde"), &f.plain_header)?;
    let mut row = 4u32;
    for (name, label, formula, kind) in summary_rows(lang, layout, projection, case) {
        ws.write_string(row, 0, label)?;
        let format = match kind {
            Money => &f.money,
            Decimal1 => &f.decimal1,
            Month => &f.whole,
            Number => &f.number,
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

/// Where the spreadsheet's IRR search starts (the engine's monthly root, or 0 without one) and
/// whether that root came from the scan of the present value for zeros (neither the monthly
/// nor the cumulative net changes sign exactly once), which no formula repeats.
fn irr_search_start(figures: &crate::sim::Figures) -> (f64, bool) {
    use rust_decimal::prelude::ToPrimitive;
    let changes = |values: &mut dyn Iterator<Item = rust_decimal::Decimal>| {
        let mut last = None;
        let mut n = 0u32;
        for v in values {
            let positive = if v.is_sign_positive() && !v.is_zero() {
                true
            } else if v.is_zero() {
                continue;
            } else {
                false
            };
            if last.is_some_and(|l| l != positive) {
                n += 1;
            }
            last = Some(positive);
        }
        n
    };
    let months = &figures.months;
    let monthly = changes(&mut months.iter().map(|m| m.net));
    let cumulative = changes(&mut months.iter().map(|m| m.cumulative_net));
    match figures.summary.irr_annual_pct.and_then(|a| a.to_f64()) {
        Some(annual) => (
            (1.0 + annual / 100.0).powf(1.0 / 12.0) - 1.0,
            monthly != 1 && cumulative != 1,
        ),
        None => (0.0, false),
    }
}

/// A headline figure: its defined name (if other cells refer to it), label, formula and format.
type SummaryRow = (Option<&'static str>, &'static str, String, SummaryFormat);

/// The headline figures as formulas on the projection sheet, risk-adjusted then unadjusted.
fn summary_rows(lang: Lang, layout: &Layout, projection: &str, case: &Case) -> Vec<SummaryRow> {
    let r = |key: &str| format!("'{projection}'!{}", layout.range(key));
    let (irr_guess, irr_scanned) = irr_search_start(&case.projection.adjusted);
    let none = t(lang, "none", "geen");
    use SummaryFormat::{Decimal1, Money, Month, Number};
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
            t(
                lang,
                "ROI on present values (%)",
                "ROI op contante waarden (%)",
            ),
            format!(
                "IF(NPV(k_monthly_rate,{c})>0,(NPV(k_monthly_rate,{b})-NPV(k_monthly_rate,{c}))/NPV(k_monthly_rate,{c})*100,\"–\")",
                c = r("costs"),
                b = r("benefits")
            ),
            Decimal1,
        ),
        (
            None,
            t(lang, "IRR (% a year)", "IRR (% per jaar)"),
            // Unique when the monthly net (Descartes) or the cumulative net (Norström)
            // changes sign once; else the program's scan found one root, which the search
            // starts from.
            format!(
                "IF(OR(SUM({ch})=1,SUM({cch})=1,res_irr_scanned=1),IFERROR(((1+IRR({n},res_irr_guess))^12-1)*100,\"–\"),\"–\")",
                ch = r("change"),
                cch = r("cum_change"),
                n = r("irr_flow")
            ),
            Decimal1,
        ),
        (
            None,
            t(lang, "MIRR (% a year)", "MIRR (% per jaar)"),
            // As a spreadsheet's MIRR, which needs a positive and a negative month.
            format!(
                "IF(AND(COUNTIF({n},\">0\")>0,COUNTIF({n},\"<0\")>0),IFERROR(((1+MIRR({n},k_monthly_rate,k_monthly_rate))^12-1)*100,\"–\"),\"–\")",
                n = r("net")
            ),
            Decimal1,
        ),
        (
            Some("res_irr_guess"),
            t(
                lang,
                "IRR: where the search starts (a month; the program's root)",
                "IRR: startpunt van de zoektocht (per maand; de wortel van het programma)",
            ),
            format!("{irr_guess}"),
            Number,
        ),
        (
            Some("res_irr_scanned"),
            t(
                lang,
                "IRR: one root found by the program's scan (1) or not (0); export again after changing inputs",
                "IRR: één wortel gevonden door de zoektocht van het programma (1) of niet (0); exporteer opnieuw na een wijziging",
            ),
            format!("{}", u8::from(irr_scanned)),
            Month,
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
