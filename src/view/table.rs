//! The monthly table as a manager reads it: month, costs, benefits, net, cumulative net and
//! ROI to date, with a totals row; the lines behind them grouped by initiative, each group
//! with its subtotals.

use rust_decimal::Decimal;

use crate::format;
use crate::i18n::t;
use crate::model::{Initiative, Lang, LineKind};
use crate::sim::Projection;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The text, e.g. "€12,400" or "–" for zero.
    pub text: String,
    /// For signed figures (net, cumulative): whether it is at least zero; none otherwise.
    pub positive: Option<bool>,
}

/// One column: its heading, a hover text, a cell per month and the total.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The heading.
    pub header: String,
    /// What the column holds.
    pub hover: String,
    /// One cell per month.
    pub cells: Vec<Cell>,
    /// The totals row's cell.
    pub total: Cell,
}

/// The lines of one initiative with their subtotals.
#[derive(Clone, Debug, PartialEq)]
pub struct LineGroup {
    /// Which initiative.
    pub initiative: Initiative,
    /// Its name.
    pub title: String,
    /// A column per line, then the subtotals (costs, benefits, net).
    pub columns: Vec<Column>,
}

/// The whole table of one variant.
#[derive(Clone, Debug, PartialEq)]
pub struct TableView {
    /// What the amounts are: risk-adjusted or not, in euro.
    pub caption: String,
    /// The month labels, one per row.
    pub months: Vec<String>,
    /// The label of the totals row.
    pub total_label: String,
    /// Costs, benefits, net, cumulative net, ROI to date.
    pub main: Vec<Column>,
    /// The lines, by initiative.
    pub groups: Vec<LineGroup>,
}

fn money_cell(d: Decimal, lang: Lang, signed: bool) -> Cell {
    Cell {
        text: if d.is_zero() && !signed {
            "–".to_owned()
        } else {
            format::money_whole(d, lang)
        },
        positive: signed.then_some(d >= Decimal::ZERO),
    }
}

fn column(header: String, hover: String, cells: Vec<Cell>, total: Cell) -> Column {
    Column {
        header,
        hover,
        cells,
        total,
    }
}

/// The table of `p` in one variant.
pub fn build(p: &Projection, risk_adjusted: bool, lang: Lang) -> TableView {
    let f = p.figures(risk_adjusted);
    let s = &f.summary;
    let money = |d: Decimal| money_cell(d, lang, false);
    let signed = |d: Decimal| money_cell(d, lang, true);
    let pct = |d: Option<Decimal>| Cell {
        text: d.map_or_else(|| "–".to_owned(), |d| format::percent(d, 1, lang)),
        positive: d.map(|d| d >= Decimal::ZERO),
    };
    let main = vec![
        column(
            t(lang, "Costs", "Kosten").to_owned(),
            t(
                lang,
                "All costs booked in the month.",
                "Alle kosten in de maand.",
            )
            .to_owned(),
            f.months.iter().map(|m| money(m.costs)).collect(),
            money(s.total_costs),
        ),
        column(
            t(lang, "Benefits", "Baten").to_owned(),
            t(
                lang,
                "All benefits booked in the month.",
                "Alle baten in de maand.",
            )
            .to_owned(),
            f.months.iter().map(|m| money(m.benefits)).collect(),
            money(s.total_benefits),
        ),
        column(
            t(lang, "Net", "Netto").to_owned(),
            t(lang, "Benefits − costs.", "Baten − kosten.").to_owned(),
            f.months.iter().map(|m| signed(m.net)).collect(),
            signed(s.net_benefit),
        ),
        column(
            t(lang, "Cumulative net", "Cumulatief netto").to_owned(),
            t(
                lang,
                "Net of month 1 to this one; break-even when it reaches zero.",
                "Netto van maand 1 tot en met deze; break-even als het nul bereikt.",
            )
            .to_owned(),
            f.months.iter().map(|m| signed(m.cumulative_net)).collect(),
            f.months
                .last()
                .map_or_else(|| signed(Decimal::ZERO), |m| signed(m.cumulative_net)),
        ),
        column(
            t(lang, "ROI to date", "ROI tot nu").to_owned(),
            t(
                lang,
                "(Benefits − costs) / costs over month 1 to this one.",
                "(Baten − kosten) / kosten over maand 1 tot en met deze.",
            )
            .to_owned(),
            f.months.iter().map(|m| pct(m.roi_to_date_pct)).collect(),
            pct(s.roi_pct),
        ),
    ];

    let mut groups = Vec::new();
    for initiative in Initiative::ALL {
        let lines: Vec<_> = p
            .lines
            .iter()
            .filter(|l| l.initiative == initiative)
            .collect();
        if lines.is_empty() {
            continue;
        }
        let months = p.horizon_months as usize;
        let mut sub_costs = vec![Decimal::ZERO; months];
        let mut sub_benefits = vec![Decimal::ZERO; months];
        let mut columns = Vec::new();
        for line in lines {
            let amounts: Vec<Decimal> = (1..=p.horizon_months)
                .map(|m| p.line_amount(line, m, risk_adjusted))
                .collect();
            let target = match line.kind {
                LineKind::Cost => &mut sub_costs,
                LineKind::Benefit => &mut sub_benefits,
            };
            for (sum, a) in target.iter_mut().zip(&amounts) {
                *sum += a;
            }
            let name = crate::text::line_name(line, lang);
            let kind = match line.kind {
                LineKind::Cost => t(lang, "cost", "kosten"),
                LineKind::Benefit => t(lang, "benefit", "baat"),
            };
            let total: Decimal = amounts.iter().sum();
            columns.push(column(
                name.clone(),
                format!("{name} ({kind})"),
                amounts.into_iter().map(money).collect(),
                money(total),
            ));
        }
        let net: Vec<Decimal> = sub_benefits
            .iter()
            .zip(&sub_costs)
            .map(|(b, c)| b - c)
            .collect();
        let title = initiative.title().get(lang).to_owned();
        for (header, values, is_net) in [
            (
                t(lang, "Subtotal costs", "Subtotaal kosten"),
                &sub_costs,
                false,
            ),
            (
                t(lang, "Subtotal benefits", "Subtotaal baten"),
                &sub_benefits,
                false,
            ),
            (t(lang, "Subtotal net", "Subtotaal netto"), &net, true),
        ] {
            let total: Decimal = values.iter().sum();
            let cell = |d: Decimal| if is_net { signed(d) } else { money(d) };
            columns.push(column(
                header.to_owned(),
                format!("{header}: {title}"),
                values.iter().map(|&d| cell(d)).collect(),
                cell(total),
            ));
        }
        groups.push(LineGroup {
            initiative,
            title,
            columns,
        });
    }

    TableView {
        caption: if !p.has_risk_adjustment() {
            t(
                lang,
                "Amounts in euro (no risk adjustment: every risk percentage is 0%)",
                "Bedragen in euro (geen risicocorrectie: elk risicopercentage is 0%)",
            )
        } else if risk_adjusted {
            t(
                lang,
                "Risk-adjusted amounts, in euro",
                "Risicogecorrigeerde bedragen, in euro",
            )
        } else {
            t(
                lang,
                "Unadjusted amounts, in euro",
                "Ongecorrigeerde bedragen, in euro",
            )
        }
        .to_owned(),
        months: f.months.iter().map(|m| m.month.to_string()).collect(),
        total_label: t(lang, "Total", "Totaal").to_owned(),
        main,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtotals_add_up_to_the_totals() {
        let valid = crate::bundled::find("combined")
            .and_then(|b| b.load().ok())
            .expect("bundled");
        let p = crate::sim::simulate(&valid).expect("simulates");
        let t = build(&p, true, Lang::En);
        assert_eq!(t.months.len(), 18);
        assert_eq!(
            t.main.iter().map(|c| c.header.as_str()).collect::<Vec<_>>(),
            ["Costs", "Benefits", "Net", "Cumulative net", "ROI to date"]
        );
        // The net subtotals of the initiatives sum to the total net, month by month, to the
        // euro (each cell is rounded to whole euros).
        for m in 0..18 {
            let parse =
                |c: &Cell| -> i64 { c.text.replace(['€', ','], "").parse().unwrap_or_default() };
            let sum: i64 = t
                .groups
                .iter()
                .filter_map(|g| g.columns.last())
                .map(|c| parse(&c.cells[m]))
                .sum();
            let total = parse(&t.main[2].cells[m]);
            assert!(
                (sum - total).abs() <= 3,
                "month {}: {sum} vs {total}",
                m + 1
            );
        }
        assert_eq!(t.groups.len(), 3);
        assert!(
            t.groups
                .iter()
                .all(|g| g.columns.last().is_some_and(|c| c.header == "Subtotal net"))
        );
    }
}
