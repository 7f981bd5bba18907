//! What the command line writes for other tools and for a terminal: a projection as JSON (a
//! contract other tools read), CSV (one row per month) and a table ([`analysis`] and
//! [`tracking`] do the same for an analysis and a tracking). Amounts and percentages are
//! rounded here, for these contracts, with [`crate::format`]. It computes no figure.

pub mod analysis;
pub mod tracking;

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::format::{number, plain2};
use crate::model::{Initiative, Lang, LineKind, Scenario};
use crate::sim::{Figures, KPI_KEYS, Kpis, Projection, STAFFING_KPI_KEYS, StaffingKpis, Summary};
use crate::text;

pub(crate) fn amount(d: Decimal) -> Value {
    Value::String(plain2(d))
}

fn opt_amount(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, amount)
}

fn kind_key(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Cost => "cost",
        LineKind::Benefit => "benefit",
    }
}

pub(crate) fn summary_json(s: &Summary<Decimal>) -> Value {
    json!({
        "total_costs": amount(s.total_costs),
        "total_benefits": amount(s.total_benefits),
        "net_benefit": amount(s.net_benefit),
        "roi_pct": opt_amount(s.roi_pct),
        "npv": amount(s.npv),
        "roi_pv_pct": opt_amount(s.roi_pv_pct),
        "irr_annual_pct": opt_amount(s.irr_annual_pct),
        "mirr_annual_pct": opt_amount(s.mirr_annual_pct),
        "break_even_month": s.break_even_month,
        "payback_months": opt_amount(s.payback_months),
        "discounted_payback_months": opt_amount(s.discounted_payback_months),
        "discount_rate_annual_pct": amount(s.discount_rate_annual_pct),
    })
}

pub(crate) fn kpis_json(k: &Kpis<Decimal>) -> Value {
    staffed_kpis_json(k, None)
}

/// A month's KPIs, with the staffing figures of a headcount path when there is one.
pub(crate) fn staffed_kpis_json(
    k: &Kpis<Decimal>,
    staffing: Option<&StaffingKpis<Decimal>>,
) -> Value {
    let mut map = serde_json::Map::new();
    for (key, value) in KPI_KEYS.iter().zip(k.fields()) {
        map.insert((*key).to_owned(), amount(value));
    }
    if let Some(st) = staffing {
        for (key, value) in STAFFING_KPI_KEYS.iter().zip(st.fields()) {
            map.insert((*key).to_owned(), amount(value));
        }
    }
    Value::Object(map)
}

/// The warnings of one variant in English words, as the JSON and the command line give them.
pub fn warning_lines(p: &Projection, risk_adjusted: bool) -> Vec<String> {
    p.warnings(risk_adjusted)
        .iter()
        .map(|w| text::warning(w, Lang::En))
        .collect()
}

/// The table of years as JSON, in one variant: each year's `year` (0 for the initial
/// investment), `label`, `months` (first and last), `costs`, `benefits`, `net`, `pv` (present
/// value of the net, in the variant) and `lines` (each `key`, `initiative`, `name`, `kind`,
/// `amount`, `pv`).
pub fn years_json(s: &Scenario, p: &Projection, risk_adjusted: bool) -> Value {
    let y = crate::view::years::years(s, p, Lang::En);
    let years: Vec<Value> = y
        .years
        .iter()
        .enumerate()
        .map(|(c, year)| {
            let (totals, pvs) = y.variant(risk_adjusted);
            let totals = totals[c];
            let lines: Vec<Value> = y
                .lines
                .iter()
                .filter_map(|l| {
                    let line = p.lines.get(l.line)?;
                    let (amounts, pv) = l.variant(risk_adjusted);
                    Some(json!({
                        "key": text::line_key(line.id),
                        "initiative": line.initiative.key(),
                        "name": text::line_name(line, Lang::En),
                        "kind": kind_key(line.kind),
                        "amount": amount(amounts[c]),
                        "pv": amount(pv[c]),
                    }))
                })
                .collect();
            json!({
                "year": year.index,
                "label": year.label,
                "months": [year.months.0, year.months.1],
                "costs": amount(totals.costs),
                "benefits": amount(totals.benefits),
                "net": amount(totals.net),
                "pv": amount(pvs[c]),
                "lines": lines,
            })
        })
        .collect();
    Value::Array(years)
}

/// The longer view as JSON: the second horizon, its summary (in `risk_adjusted`'s variant),
/// each initiative's contribution and the month it pays back at the margin there.
fn longer_json(longer: &Projection, risk_adjusted: bool) -> Value {
    let initiatives: Vec<Value> = longer
        .initiatives
        .iter()
        .map(|i| {
            let (net, month) = if risk_adjusted {
                (
                    i.marginal_net_benefit_adjusted,
                    i.marginal_break_even_month_adjusted,
                )
            } else {
                (i.marginal_net_benefit, i.marginal_break_even_month)
            };
            json!({
                "name": i.initiative.key(),
                "marginal_net_benefit": amount(net),
                "marginal_break_even_month": month,
            })
        })
        .collect();
    json!({
        "horizon_months": longer.horizon_months,
        "summary": summary_json(&longer.figures(risk_adjusted).summary),
        "initiatives": initiatives,
    })
}

/// The projection as the JSON document `roi-planner simulate --format json` prints, with the
/// table of years, the longer view (when the second horizon differs) and each initiative's
/// verdict where it costs more than it brings.
pub fn to_json(
    p: &Projection,
    s: &Scenario,
    longer: Option<&Projection>,
    risk_adjusted: bool,
) -> Value {
    let figures = p.figures(risk_adjusted);
    let months: Vec<Value> = figures
        .months
        .iter()
        .map(|m| {
            let lines: Vec<Value> = p
                .lines
                .iter()
                .map(|line| {
                    json!({
                        "initiative": line.initiative.key(),
                        "key": text::line_key(line.id),
                        "name": text::line_name(line, Lang::En),
                        "kind": kind_key(line.kind),
                        "amount": amount(p.line_amount(line, m.month, risk_adjusted)),
                    })
                })
                .collect();
            json!({
                "month": m.month,
                "costs": amount(m.costs),
                "benefits": amount(m.benefits),
                "net": amount(m.net),
                "cumulative_net": amount(m.cumulative_net),
                "discounted_net": amount(m.discounted_net),
                "roi_to_date_pct": opt_amount(m.roi_to_date_pct),
                "lines": lines,
                "kpis": p.kpis.get(m.month as usize - 1).map_or(Value::Null, |k| {
                    staffed_kpis_json(k, p.staffing_kpis.get(m.month as usize - 1))
                }),
            })
        })
        .collect();
    let initiatives: Vec<Value> = p
        .initiatives
        .iter()
        .map(|i| {
            let v = i.variant(risk_adjusted);
            json!({
                "name": i.initiative.key(),
                "standalone": summary_json(v.standalone),
                "marginal_net_benefit": amount(v.marginal_net_benefit),
            })
        })
        .collect();
    json!({
        "scenario": p.scenario,
        "currency": p.currency,
        "horizon_months": p.horizon_months,
        "risk_adjusted": risk_adjusted,
        "months": months,
        "summary": summary_json(&figures.summary),
        "initiatives": initiatives,
        "baseline_kpis": p.baseline_kpis.first().map_or(Value::Null, |k| {
            staffed_kpis_json(k, p.baseline_staffing_kpis.first())
        }),
        "years": years_json(s, p, risk_adjusted),
        "longer_view": longer.map_or(Value::Null, |l| longer_json(l, risk_adjusted)),
        "verdicts": crate::view::horizons::verdicts(p, longer, Lang::En),
        "warnings": warning_lines(p, risk_adjusted),
    })
}

/// The two variants in the order they are shown: the one asked for first.
fn variants(risk_adjusted: bool) -> [(bool, &'static str); 2] {
    let adjusted = (true, "risk_adjusted");
    let unadjusted = (false, "unadjusted");
    if risk_adjusted {
        [adjusted, unadjusted]
    } else {
        [unadjusted, adjusted]
    }
}

/// One CSV row per month with the month fields, risk-adjusted and unadjusted side by side (the
/// variant asked for first), each column named with its variant; an undefined ROI is an empty
/// cell.
pub fn to_csv(p: &Projection, risk_adjusted: bool) -> Result<String, csv::Error> {
    const FIELDS: [&str; 6] = [
        "costs",
        "benefits",
        "net",
        "cumulative_net",
        "discounted_net",
        "roi_to_date_pct",
    ];
    let order = variants(risk_adjusted);
    let mut header = vec!["month".to_owned()];
    for (_, prefix) in order {
        header.extend(FIELDS.map(|field| format!("{prefix}_{field}")));
    }
    let [first, second] = order.map(|(adjusted, _)| &p.figures(adjusted).months);
    let rows = first.iter().zip(second).map(|(a, b)| {
        let mut row = vec![a.month.to_string()];
        for m in [a, b] {
            row.extend([
                plain2(m.costs),
                plain2(m.benefits),
                plain2(m.net),
                plain2(m.cumulative_net),
                plain2(m.discounted_net),
                m.roi_to_date_pct.map(plain2).unwrap_or_default(),
            ]);
        }
        row
    });
    crate::report::csv::records(b',', std::iter::once(header).chain(rows))
}

fn money_cell(d: Decimal) -> String {
    number(d, 2, Lang::En)
}

fn opt_cell(d: Option<Decimal>, suffix: &str) -> String {
    d.map_or_else(
        || "–".to_owned(),
        |d| format!("{}{suffix}", number(d, 2, Lang::En)),
    )
}

fn month_cell(m: Option<u32>) -> String {
    m.map_or_else(|| "not within the horizon".to_owned(), |m| m.to_string())
}

/// The line that says what the risk adjustment does, or that there is none.
fn risk_line(p: &Projection) -> String {
    if !p.has_risk_adjustment() {
        return "No risk adjustment: every risk percentage is 0%, so the risk-adjusted and unadjusted figures are the same.".to_owned();
    }
    let pct = |factor: Decimal, sign: Decimal| {
        number(
            (factor - Decimal::ONE) * sign * Decimal::ONE_HUNDRED,
            2,
            Lang::En,
        )
    };
    format!(
        "Risk-adjusted: costs +{}%, savings -{}%, revenue -{}%. Unadjusted: as computed.",
        pct(p.cost_factor, Decimal::ONE),
        pct(p.benefit_factor, Decimal::NEGATIVE_ONE),
        pct(p.revenue_factor, Decimal::NEGATIVE_ONE),
    )
}

fn variant_name(adjusted: bool) -> &'static str {
    if adjusted {
        "Risk-adjusted"
    } else {
        "Unadjusted"
    }
}

/// A table for the terminal: months, the summary risk-adjusted and unadjusted side by side,
/// each initiative's figures with the interaction, and the operational figures before and
/// after.
pub fn to_table(p: &Projection, risk_adjusted: bool) -> String {
    let [(main_adjusted, _), (other_adjusted, _)] = variants(risk_adjusted);
    let (main, other) = (p.figures(main_adjusted), p.figures(other_adjusted));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({} months, amounts in {})",
        p.scenario, p.horizon_months, p.currency
    );
    let _ = writeln!(out, "{}\n", risk_line(p));
    let both = p
        .has_risk_adjustment()
        .then_some((main_adjusted, other_adjusted));
    month_rows(&mut out, main, other, both);
    out.push('\n');
    summary_rows(&mut out, &main.summary, &other.summary, both);
    initiative_rows(&mut out, p, main_adjusted, &main.summary);
    operational_rows(&mut out, p);
    out
}

/// The variants shown side by side: the one asked for and the other, when they differ.
type Both = Option<(bool, bool)>;

/// One row a month: the variant asked for, and the other's net and cumulative beside it.
fn month_rows(out: &mut String, main: &Figures, other: &Figures, both: Both) {
    if let Some((main_adjusted, other_adjusted)) = both {
        let _ = writeln!(
            out,
            "{:>5}  {:-^78}  {:-^34}",
            "",
            format!(" {} ", variant_name(main_adjusted).to_lowercase()),
            format!(" {} ", variant_name(other_adjusted).to_lowercase())
        );
    }
    let _ = write!(
        out,
        "{:>5}  {:>15}  {:>15}  {:>15}  {:>15}  {:>12}",
        "Month", "Costs", "Benefits", "Net", "Cumulative", "ROI to date"
    );
    if both.is_some() {
        let _ = write!(out, "  {:>15}  {:>17}", "Net", "Cumulative");
    }
    out.push('\n');
    for (m, o) in main.months.iter().zip(&other.months) {
        let _ = write!(
            out,
            "{:>5}  {:>15}  {:>15}  {:>15}  {:>15}  {:>12}",
            m.month,
            money_cell(m.costs),
            money_cell(m.benefits),
            money_cell(m.net),
            money_cell(m.cumulative_net),
            opt_cell(m.roi_to_date_pct, "%"),
        );
        if both.is_some() {
            let _ = write!(
                out,
                "  {:>15}  {:>17}",
                money_cell(o.net),
                money_cell(o.cumulative_net)
            );
        }
        out.push('\n');
    }
}

/// The summary, the other variant beside it when they differ.
fn summary_rows(out: &mut String, s: &Summary<Decimal>, o: &Summary<Decimal>, both: Both) {
    let rows: [(&str, String, String); 11] = [
        (
            "Total costs",
            money_cell(s.total_costs),
            money_cell(o.total_costs),
        ),
        (
            "Total benefits",
            money_cell(s.total_benefits),
            money_cell(o.total_benefits),
        ),
        (
            "  of which savings",
            money_cell(s.total_benefits - s.total_revenue),
            money_cell(o.total_benefits - o.total_revenue),
        ),
        (
            "  of which revenue",
            money_cell(s.total_revenue),
            money_cell(o.total_revenue),
        ),
        (
            "Net benefit",
            money_cell(s.net_benefit),
            money_cell(o.net_benefit),
        ),
        ("ROI", opt_cell(s.roi_pct, "%"), opt_cell(o.roi_pct, "%")),
        (
            "NPV",
            format!(
                "{} at {}% a year",
                money_cell(s.npv),
                number(s.discount_rate_annual_pct, 2, Lang::En)
            ),
            money_cell(o.npv),
        ),
        (
            "IRR (annual)",
            opt_cell(s.irr_annual_pct, "%"),
            opt_cell(o.irr_annual_pct, "%"),
        ),
        (
            "Break-even month",
            month_cell(s.break_even_month),
            month_cell(o.break_even_month),
        ),
        (
            "Payback",
            opt_cell(s.payback_months, " months"),
            opt_cell(o.payback_months, " months"),
        ),
        (
            "Discounted payback",
            opt_cell(s.discounted_payback_months, " months"),
            opt_cell(o.discounted_payback_months, " months"),
        ),
    ];
    if let Some((main_adjusted, other_adjusted)) = both {
        let _ = writeln!(
            out,
            "{:<20} {:<32} {}",
            "",
            variant_name(main_adjusted),
            variant_name(other_adjusted)
        );
    }
    for (label, value, other_value) in rows {
        if both.is_some() {
            let _ = writeln!(out, "{label:<20} {value:<32} {other_value}");
        } else {
            let _ = writeln!(out, "{label:<20} {value}");
        }
    }
}

/// What each initiative adds, with the interaction and the whole case.
fn initiative_rows(out: &mut String, p: &Projection, main_adjusted: bool, s: &Summary<Decimal>) {
    if !p.initiatives.is_empty() {
        let _ = writeln!(
            out,
            "\nWhat each initiative adds ({}):",
            variant_name(main_adjusted).to_lowercase()
        );
        let _ = writeln!(
            out,
            "{:<14} {:>15} {:>10} {:>11} {:>15}",
            "Initiative", "Alone: net", "ROI", "Break-even", "Adds to total"
        );
        for i in &p.initiatives {
            let v = i.variant(main_adjusted);
            let _ = writeln!(
                out,
                "{:<14} {:>15} {:>10} {:>11} {:>15}",
                Initiative::title(i.initiative).en,
                money_cell(v.standalone.net_benefit),
                opt_cell(v.standalone.roi_pct, "%"),
                v.standalone
                    .break_even_month
                    .map_or_else(|| "–".to_owned(), |m| format!("month {m}")),
                money_cell(v.marginal_net_benefit),
            );
        }
        if p.initiatives.len() > 1 {
            let _ = writeln!(
                out,
                "{:<14} {:>15} {:>10} {:>11} {:>15}",
                "Interaction",
                "",
                "",
                "",
                money_cell(p.interaction_net_benefit(main_adjusted))
            );
            let _ = writeln!(
                out,
                "{:<14} {:>15} {:>10} {:>11} {:>15}",
                "Whole case",
                "",
                "",
                "",
                money_cell(s.net_benefit)
            );
            let _ = writeln!(
                out,
                "(Interaction: the whole minus the sum of what each adds; the initiatives work on the same contacts, so part of the whole is shared and no single one adds it.)"
            );
        }
    }
}

/// The operational figures of the last month, before and after (and today, with growth).
fn operational_rows(out: &mut String, p: &Projection) {
    if let Some((after, before)) = p.final_kpis() {
        let today = p.baseline_kpis.first().unwrap_or(before);
        let grew = today != before;
        let _ = writeln!(
            out,
            "\nOperational figures, month {} (before: without any initiative; after: with them):",
            p.horizon_months
        );
        if grew {
            let _ = writeln!(
                out,
                "{:<30} {:>14} {:>14} {:>14}",
                "", "Today", "Before", "After"
            );
        } else {
            let _ = writeln!(out, "{:<30} {:>14} {:>14}", "", "Before", "After");
        }
        let mut rows = kpi_rows(today, before, after);
        if let (Some(t), Some(b), Some(a)) = (
            p.baseline_staffing_kpis.first(),
            p.baseline_staffing_kpis.last(),
            p.staffing_kpis.last(),
        ) {
            rows.extend(staffing_rows(t, b, a));
        }
        for (label, dp, t, b, a) in rows {
            if grew {
                let _ = writeln!(
                    out,
                    "{label:<30} {:>14} {:>14} {:>14}",
                    number(t, dp, Lang::En),
                    number(b, dp, Lang::En),
                    number(a, dp, Lang::En)
                );
            } else {
                let _ = writeln!(
                    out,
                    "{label:<30} {:>14} {:>14}",
                    number(b, dp, Lang::En),
                    number(a, dp, Lang::En)
                );
            }
        }
    }
}

/// The staffing rows of the table (staffing by service level), as [`kpi_rows`].
fn staffing_rows(
    today: &StaffingKpis<Decimal>,
    before: &StaffingKpis<Decimal>,
    after: &StaffingKpis<Decimal>,
) -> Vec<(&'static str, u32, Decimal, Decimal, Decimal)> {
    const LABELS: [(&str, u32); 8] = [
        ("Answered in time (%)", 1),
        ("Average speed of answer (s)", 1),
        ("Occupancy on the line (%)", 1),
        ("Agents required (FTE)", 1),
        ("Agents paid (FTE)", 1),
        ("Leavers in the month (FTE)", 2),
        ("Hires in the month (FTE)", 2),
        ("Payroll a month (EUR)", 0),
    ];
    labelled(&LABELS, today.fields(), before.fields(), after.fields())
}

/// Rows of (label, decimals, today, before, after) from the labels and three figure lists.
fn labelled<const K: usize>(
    labels: &[(&'static str, u32); K],
    today: [Decimal; K],
    before: [Decimal; K],
    after: [Decimal; K],
) -> Vec<(&'static str, u32, Decimal, Decimal, Decimal)> {
    labels
        .iter()
        .zip(today)
        .zip(before)
        .zip(after)
        .map(|((((label, dp), t), b), a)| (*label, *dp, t, b, a))
        .collect()
}

/// The KPI rows of the table: label, decimals, and the figure today, before and after.
fn kpi_rows(
    today: &Kpis<Decimal>,
    before: &Kpis<Decimal>,
    after: &Kpis<Decimal>,
) -> Vec<(&'static str, u32, Decimal, Decimal, Decimal)> {
    const LABELS: [(&str, u32); 10] = [
        ("Contacts", 0),
        ("Resolved by the bot", 0),
        ("Handled by agents", 0),
        ("First-contact resolution (%)", 1),
        ("Handle time (min)", 2),
        ("Cost per contact (EUR)", 2),
        ("Agent hours", 0),
        ("Agents needed (FTE)", 1),
        ("Active customers", 0),
        ("Churn a month (%)", 2),
    ];
    labelled(&LABELS, today.fields(), before.fields(), after.fields())
}
