//! A projection as JSON (a contract other tools read), CSV (one row per month) and a
//! terminal table. Amounts and percentages are rounded here, and only here.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::format::{number, plain2};
use crate::model::{Initiative, Lang, LineKind};
use crate::sim::{Projection, Summary};

fn amount(d: Decimal) -> Value {
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

fn summary_json(s: &Summary<Decimal>) -> Value {
    json!({
        "total_costs": amount(s.total_costs),
        "total_benefits": amount(s.total_benefits),
        "net_benefit": amount(s.net_benefit),
        "roi_pct": opt_amount(s.roi_pct),
        "npv": amount(s.npv),
        "irr_annual_pct": opt_amount(s.irr_annual_pct),
        "break_even_month": s.break_even_month,
        "payback_months": opt_amount(s.payback_months),
        "discounted_payback_months": opt_amount(s.discounted_payback_months),
        "discount_rate_annual_pct": amount(s.discount_rate_annual_pct),
    })
}

/// The projection as the JSON document `roi-planner simulate --format json` prints.
pub fn to_json(p: &Projection, risk_adjusted: bool) -> Value {
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
                        "name": line.name,
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
            })
        })
        .collect();
    let initiatives: Vec<Value> = p
        .initiatives
        .iter()
        .map(|i| {
            let (standalone, marginal) = if risk_adjusted {
                (&i.standalone_adjusted, i.marginal_net_benefit_adjusted)
            } else {
                (&i.standalone, i.marginal_net_benefit)
            };
            json!({
                "name": i.initiative.key(),
                "standalone": summary_json(standalone),
                "marginal_net_benefit": amount(marginal),
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
    })
}

/// One CSV row per month with the month fields; an undefined ROI is an empty cell.
pub fn to_csv(p: &Projection, risk_adjusted: bool) -> String {
    let mut out =
        String::from("month,costs,benefits,net,cumulative_net,discounted_net,roi_to_date_pct\n");
    for m in &p.figures(risk_adjusted).months {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            m.month,
            plain2(m.costs),
            plain2(m.benefits),
            plain2(m.net),
            plain2(m.cumulative_net),
            plain2(m.discounted_net),
            m.roi_to_date_pct.map(plain2).unwrap_or_default()
        );
    }
    out
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

/// A table for the terminal: months, then the summary and each initiative's figures.
pub fn to_table(p: &Projection, risk_adjusted: bool) -> String {
    let f = p.figures(risk_adjusted);
    let s = &f.summary;
    let mut out = String::new();
    let adjusted = if risk_adjusted {
        "risk-adjusted"
    } else {
        "unadjusted"
    };
    let _ = writeln!(
        out,
        "{} ({}, {} months, amounts in {})\n",
        p.scenario, adjusted, p.horizon_months, p.currency
    );
    let _ = writeln!(
        out,
        "{:>5}  {:>15}  {:>15}  {:>15}  {:>15}  {:>12}",
        "Month", "Costs", "Benefits", "Net", "Cumulative", "ROI to date"
    );
    for m in &f.months {
        let _ = writeln!(
            out,
            "{:>5}  {:>15}  {:>15}  {:>15}  {:>15}  {:>12}",
            m.month,
            money_cell(m.costs),
            money_cell(m.benefits),
            money_cell(m.net),
            money_cell(m.cumulative_net),
            opt_cell(m.roi_to_date_pct, "%"),
        );
    }
    let _ = writeln!(out);
    let rows = [
        ("Total costs", money_cell(s.total_costs)),
        ("Total benefits", money_cell(s.total_benefits)),
        ("Net benefit", money_cell(s.net_benefit)),
        ("ROI", opt_cell(s.roi_pct, "%")),
        (
            "NPV",
            format!(
                "{} at {}% a year",
                money_cell(s.npv),
                number(s.discount_rate_annual_pct, 2, Lang::En)
            ),
        ),
        ("IRR (annual)", opt_cell(s.irr_annual_pct, "%")),
        (
            "Break-even month",
            s.break_even_month
                .map_or_else(|| "not within the horizon".to_owned(), |m| m.to_string()),
        ),
        ("Payback", opt_cell(s.payback_months, " months")),
        (
            "Discounted payback",
            opt_cell(s.discounted_payback_months, " months"),
        ),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "{label:<20} {value}");
    }
    if !p.initiatives.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<14} {:>15} {:>10} {:>11} {:>15}",
            "Initiative", "Alone: net", "ROI", "Break-even", "Adds to total"
        );
        for i in &p.initiatives {
            let (alone, marginal) = if risk_adjusted {
                (&i.standalone_adjusted, i.marginal_net_benefit_adjusted)
            } else {
                (&i.standalone, i.marginal_net_benefit)
            };
            let _ = writeln!(
                out,
                "{:<14} {:>15} {:>10} {:>11} {:>15}",
                Initiative::title(i.initiative).en,
                money_cell(alone.net_benefit),
                opt_cell(alone.roi_pct, "%"),
                alone
                    .break_even_month
                    .map_or_else(|| "–".to_owned(), |m| format!("month {m}")),
                money_cell(marginal),
            );
        }
    }
    out
}
