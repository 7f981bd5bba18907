//! The monthly figures as CSV for a spreadsheet: one row per month, every line of the ledger,
//! then the totals, net, cumulative and discounted net and ROI to date.
//!
//! Written the way the reader's spreadsheet expects: Dutch files use `;` between fields and a
//! decimal comma, English ones `,` and a decimal point; no thousands separators; amounts with
//! two decimals (midpoint away from zero). The file starts with a UTF-8 byte order mark so
//! Excel reads the euro sign and accents right.

use rust_decimal::Decimal;

use crate::format;
use crate::i18n::t;
use crate::model::Lang;
use crate::report::ReportError;
use crate::sim::Projection;

/// The UTF-8 byte order mark.
pub const BOM: &str = "\u{feff}";

/// The field separator of `lang`.
pub fn separator(lang: Lang) -> u8 {
    match lang {
        Lang::En => b',',
        Lang::Nl => b';',
    }
}

/// An amount as the CSV writes it: two decimals, the language's decimal mark, no grouping.
pub fn amount(d: Decimal, lang: Lang) -> String {
    let text = format::plain2(d);
    match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', ","),
    }
}

/// The column headings: month, each line, then the totals.
pub fn headers(p: &Projection, lang: Lang) -> Vec<String> {
    let mut out = vec![t(lang, "Month", "Maand").to_owned()];
    for line in &p.lines {
        let name = crate::text::line_name(line, lang);
        out.push(crate::report::xlsx::line_header(
            line.initiative,
            &name,
            lang,
        ));
    }
    out.extend(
        [
            t(lang, "Costs", "Kosten"),
            t(lang, "Benefits", "Baten"),
            t(lang, "Net", "Netto"),
            t(lang, "Cumulative net", "Cumulatief netto"),
            t(lang, "Discounted net", "Contant netto"),
            t(lang, "ROI to date (%)", "ROI tot nu (%)"),
        ]
        .map(str::to_owned),
    );
    out
}

/// The projection's months as CSV text (with the byte order mark), risk-adjusted or not.
pub fn csv(p: &Projection, risk_adjusted: bool, lang: Lang) -> Result<String, ReportError> {
    let f = p.figures(risk_adjusted);
    let rows = f.months.iter().map(|m| {
        let mut row = vec![m.month.to_string()];
        for line in &p.lines {
            row.push(amount(p.line_amount(line, m.month, risk_adjusted), lang));
        }
        row.extend([
            amount(m.costs, lang),
            amount(m.benefits, lang),
            amount(m.net, lang),
            amount(m.cumulative_net, lang),
            amount(m.discounted_net, lang),
            m.roi_to_date_pct
                .map_or_else(String::new, |r| amount(r, lang)),
        ]);
        row
    });
    let text = records(
        separator(lang),
        std::iter::once(headers(p, lang)).chain(rows),
    )?;
    Ok(format!("{BOM}{text}"))
}

/// Rows as CSV text with `separator` between fields, quoted where a field needs it: the one
/// CSV writer of the program (this file and `simulate --format csv`).
pub fn records(
    separator: u8,
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<String, ::csv::Error> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))?;
    // The writer only ever gets `String`s: its bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Reads a number as the CSV of `lang` writes it (a decimal comma for Dutch).
pub fn read_amount(text: &str, lang: Lang) -> Option<Decimal> {
    let text = text.trim();
    let normal = match lang {
        Lang::En => text.to_owned(),
        Lang::Nl => text.replace(',', "."),
    };
    normal.parse().ok()
}
