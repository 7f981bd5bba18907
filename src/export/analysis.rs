//! The uncertainty analysis as the command line prints it: the JSON contract of `analyze` and
//! `goal-seek` (amounts and percentiles as strings with 2 decimals, months as integers,
//! probabilities as numbers from 0 to 1, `null` for what does not exist) and a table for the
//! terminal.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::analysis::Metric;
use crate::analysis::goal_seek::GoalSeekResult;
use crate::analysis::monte_carlo::{McResult, Percentiles};
use crate::analysis::tornado::Tornado;
use crate::export::amount;
use crate::format::number;
use crate::model::Lang;

fn percentiles(p: &Percentiles) -> Value {
    json!({
        "p10": amount(p.p10),
        "p50": amount(p.p50),
        "p90": amount(p.p90),
        "mean": amount(p.mean),
    })
}

/// A metric's value: a month as an integer, anything else as an amount.
pub fn metric_value(metric: Metric, d: Option<Decimal>) -> Value {
    match (metric, d) {
        (_, None) => Value::Null,
        (Metric::BreakEvenMonth, Some(m)) => m
            .to_string()
            .parse::<u64>()
            .map_or(Value::Null, |m| json!(m)),
        (_, Some(d)) => amount(d),
    }
}

fn tornado_json(t: &Tornado) -> Value {
    let rows: Vec<Value> = t
        .rows
        .iter()
        .map(|r| {
            json!({
                "input": r.input,
                "low": amount(r.low),
                "high": amount(r.high),
                "result_at_low": metric_value(t.metric, r.result_at_low),
                "result_at_high": metric_value(t.metric, r.result_at_high),
                "swing": metric_value(t.metric, Some(r.swing)),
            })
        })
        .collect();
    json!({
        "metric": t.metric.key(),
        "base": metric_value(t.metric, t.base),
        "rows": rows,
    })
}

/// The document `roi-planner analyze --format json` prints.
pub fn analysis_json(name: &str, mc: &McResult, tornado: &Tornado) -> Value {
    let months: Vec<Value> = mc
        .cumulative
        .iter()
        .enumerate()
        .map(|(i, p)| json!({"month": i + 1, "cumulative_net": percentiles(p)}))
        .collect();
    let by_month: Vec<Value> = mc
        .by_month
        .iter()
        .enumerate()
        .map(|(i, p)| json!({"month": i + 1, "probability": p}))
        .collect();
    let histogram: Vec<Value> = mc
        .histogram
        .iter()
        .enumerate()
        .map(|(i, n)| json!({"month": i + 1, "trials": n}))
        .collect();
    json!({
        "scenario": name,
        "trials": mc.trials,
        "seed": mc.seed,
        "risk_adjusted": mc.risk_adjusted,
        "months": months,
        "summary": {
            "net_benefit": percentiles(&mc.net_benefit),
            "roi_pct": mc.roi_pct.as_ref().map_or(Value::Null, percentiles),
            "npv": percentiles(&mc.npv),
        },
        "break_even": {
            "probability_within_horizon": mc.probability_within_horizon,
            "by_month": by_month,
            "histogram": histogram,
            "never": mc.never,
        },
        "tornado": tornado_json(tornado),
    })
}

fn money(d: Decimal) -> String {
    number(d, 2, Lang::En)
}

fn metric_text(metric: Metric, d: Option<Decimal>) -> String {
    match (metric, d) {
        (Metric::BreakEvenMonth, Some(m)) => format!("month {m}"),
        (Metric::BreakEvenMonth, None) => "none".to_owned(),
        (Metric::RoiPct, Some(d)) => format!("{}%", money(d)),
        (_, Some(d)) => money(d),
        (_, None) => "–".to_owned(),
    }
}

/// The analysis as a table for the terminal.
pub fn analysis_table(name: &str, mc: &McResult, tornado: &Tornado) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{name}: {} trials, seed {}, {}{}\n",
        mc.trials,
        mc.seed,
        if mc.risk_adjusted {
            "risk-adjusted"
        } else {
            "unadjusted"
        },
        if mc.ranged_inputs == 0 {
            " (no input has a range: every percentile is the headline figure)"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "{:<22} {:>16} {:>16} {:>16} {:>16}",
        "", "P10", "P50", "P90", "Mean"
    );
    let mut row = |label: &str, p: &Percentiles| {
        let _ = writeln!(
            out,
            "{label:<22} {:>16} {:>16} {:>16} {:>16}",
            money(p.p10),
            money(p.p50),
            money(p.p90),
            money(p.mean)
        );
    };
    row("Net benefit", &mc.net_benefit);
    if let Some(roi) = &mc.roi_pct {
        row("ROI (%)", roi);
    }
    row("NPV", &mc.npv);
    for (i, p) in mc.cumulative.iter().enumerate() {
        row(&format!("Cumulative, month {}", i + 1), p);
    }
    let _ = writeln!(
        out,
        "\nChance of breaking even within the horizon: {:.1}%",
        mc.probability_within_horizon * 100.0
    );
    for (i, p) in mc.by_month.iter().enumerate() {
        let _ = writeln!(
            out,
            "  by month {:>3}: {:>6.1}%  ({} trials break even in this month)",
            i + 1,
            p * 100.0,
            mc.histogram.get(i).copied().unwrap_or(0)
        );
    }
    let _ = writeln!(out, "  not within the horizon: {} trials", mc.never);
    let _ = writeln!(
        out,
        "\nTornado of {} (base {}):",
        tornado.metric.key(),
        metric_text(tornado.metric, tornado.base)
    );
    for r in &tornado.rows {
        let _ = writeln!(
            out,
            "  {:<40} {:>14} → {:<16} {:>14} → {:<16} swing {}",
            r.input,
            money(r.low),
            metric_text(tornado.metric, r.result_at_low),
            money(r.high),
            metric_text(tornado.metric, r.result_at_high),
            metric_text(tornado.metric, Some(r.swing))
        );
    }
    out
}

/// The document `roi-planner goal-seek --format json` prints.
pub fn goal_seek_json(input: &str, metric: Metric, target: Decimal, r: &GoalSeekResult) -> Value {
    let (value, result) = match r {
        GoalSeekResult::Found { value, result, .. } => {
            (amount(*value), metric_value(metric, *result))
        }
        GoalSeekResult::NotReachable { .. } => (Value::Null, Value::Null),
    };
    json!({
        "input": input,
        "metric": metric.key(),
        "target": metric_value(metric, Some(target)),
        "value": value,
        "result": result,
    })
}
