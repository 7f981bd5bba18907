//! Tracking as JSON (in the conventions of `simulate`'s) and as a terminal table.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::export::{amount, kpis_json, summary_json};
use crate::format::number;
use crate::model::Lang;
use crate::sim::tracking::Tracking;
use crate::sim::{MonthFigures, Projection};
use crate::text;

fn figures_json(m: &MonthFigures<Decimal>, kpis: Value) -> Value {
    json!({
        "costs": amount(m.costs),
        "benefits": amount(m.benefits),
        "net": amount(m.net),
        "cumulative_net": amount(m.cumulative_net),
        "kpis": kpis,
    })
}

/// The tracking of `plan` as JSON: `months` (each `month`, `planned`, `flexed` (the plan at
/// the volume observed) and `actual` with `costs`, `benefits`, `net`, `cumulative_net` and
/// `kpis`, the agents paid, and `lines` with the variance of each), `plan` and `forecast` (the
/// summary fields of `simulate`), and `variance`: the gap to plan split into `volume` and
/// `performance` (its `total`, `by_initiative` and `by_driver`), `total`, and the figures
/// `observed` behind them, all risk-adjusted, money as strings.
pub fn tracking_json(
    scenario: &crate::model::Scenario,
    plan: &Projection,
    t: &Tracking,
    rebased: bool,
) -> Value {
    let forecast = t.forecast(rebased);
    let months: Vec<Value> = t.months.iter().map(|m| month_json(plan, m)).collect();
    let warnings_of = forecast.warnings(true);
    let mut warnings: Vec<String> = warnings_of
        .iter()
        .map(|w| text::warning(w, Lang::En))
        .collect();
    warnings.dedup();
    json!({
        "scenario": plan.scenario,
        "currency": plan.currency,
        "horizon_months": plan.horizon_months,
        "risk_adjusted": true,
        "last_month": t.last_month,
        "rebased": rebased,
        "months": months,
        "gap_to_plan": amount(t.gap()),
        "standing": match crate::view::tracking::standing(t) {
            crate::view::tracking::Standing::OnTrack => "on_track",
            crate::view::tracking::Standing::Behind(_) => "behind",
            crate::view::tracking::Standing::Ahead(_) => "ahead",
        },
        "plan": summary_json(&plan.adjusted.summary),
        "forecast": summary_json(&forecast.adjusted.summary),
        "forecast_assumes": crate::view::tracking::forecast_sentence(t, rebased, plan.horizon_months, Lang::En),
        "variance": variance_json(scenario, t),
        "warnings": warnings,
    })
}

/// One tracked month as JSON.
fn month_json(plan: &Projection, m: &crate::sim::tracking::TrackedMonth) -> Value {
    let lines: Vec<Value> = plan
        .lines
        .iter()
        .zip(&m.lines)
        .map(|(line, l)| {
            json!({
                "initiative": line.initiative.key(),
                "key": crate::text::line_key(line.id),
                "name": crate::text::line_name(line, crate::model::Lang::En),
                "planned": amount(l.planned),
                "flexed": amount(l.flexed),
                "actual": amount(l.actual),
                "variance": amount(l.actual - l.planned),
            })
        })
        .collect();
    let paid = |p: Option<crate::sim::Paid<Decimal>>| {
        p.map_or(
            Value::Null,
            |p| json!({"agents_paid_fte": amount(p.fte), "payroll": amount(p.payroll)}),
        )
    };
    json!({
        "month": m.month,
        "planned": figures_json(&m.planned, kpis_json(&m.planned_kpis)),
        "flexed": figures_json(&m.flexed, Value::Null),
        "actual": figures_json(&m.actual, kpis_json(&m.actual_kpis)),
        "planned_paid": paid(m.planned_paid),
        "actual_paid": paid(m.actual_paid),
        "lines": lines,
    })
}

/// The split of the gap as JSON.
fn variance_json(scenario: &crate::model::Scenario, t: &Tracking) -> Value {
    let v = &t.variance;
    let by_initiative: serde_json::Map<String, Value> = v
        .by_initiative
        .iter()
        .map(|(i, e)| (i.key().to_owned(), amount(*e)))
        .collect();
    let by_driver: serde_json::Map<String, Value> = v
        .by_driver
        .iter()
        .map(|d| (d.driver.key().to_owned(), amount(d.effect)))
        .collect();
    let observed: Vec<Value> = v
        .volume_seen
        .iter()
        .chain(v.by_driver.iter().flat_map(|d| &d.seen))
        .map(|s| {
            json!({
                "input": s.field.key,
                "driver": s.field.driver.key(),
                "month": s.month,
                "planned": amount(s.planned),
                "observed": amount(s.observed),
                "assumptions": s
                    .field
                    .assumptions()
                    .iter()
                    .filter(|p| {
                        crate::model::input_by_path(p).is_some_and(|d| {
                            d.group.initiative().is_none_or(|i| scenario.is_enabled(i))
                                && crate::model::staffing::uses(scenario.staffing.model, p)
                        })
                    })
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "volume": amount(v.volume),
        "performance": {
            "total": amount(v.performance),
            "by_initiative": by_initiative,
            "by_driver": by_driver,
        },
        "total": amount(v.total),
        "observed": observed,
    })
}

/// The tracking as a table for the terminal.
pub fn tracking_table(
    scenario: &crate::model::Scenario,
    plan: &Projection,
    t: &Tracking,
    rebased: bool,
) -> String {
    let lang = Lang::En;
    let money = |d: Decimal| number(d, 0, lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: actuals to month {} (risk-adjusted, EUR)",
        plan.scenario, t.last_month
    );
    let _ = writeln!(
        out,
        "{:>5} {:>12} {:>12} {:>12} {:>14} {:>14} {:>12}",
        "month", "plan net", "actual net", "variance", "plan cumul.", "actual cumul.", "gap"
    );
    for m in crate::view::tracking::month_rows(t) {
        let _ = writeln!(
            out,
            "{:>5} {:>12} {:>12} {:>12} {:>14} {:>14} {:>12}",
            m.month,
            money(m.planned_net),
            money(m.actual_net),
            money(m.net_variance),
            money(m.planned_cumulative),
            money(m.actual_cumulative),
            money(m.cumulative_variance),
        );
    }
    let _ = writeln!(
        out,
        "\n{} at month {}",
        capitalised(&crate::view::tracking::standing_phrase(
            crate::view::tracking::standing(t),
            lang
        )),
        t.last_month
    );
    let f = &t.forecast(rebased).adjusted.summary;
    let p = &plan.adjusted.summary;
    let month = |m: Option<u32>| m.map_or_else(|| "none".to_owned(), |m| m.to_string());
    let pct = |d: Option<Decimal>| {
        d.map_or_else(|| "–".to_owned(), |d| format!("{}%", number(d, 1, lang)))
    };
    let _ = writeln!(
        out,
        "\n{:<20} {:>14} {:>14}",
        "",
        "plan",
        if rebased { "re-based" } else { "forecast" }
    );
    let _ = writeln!(
        out,
        "{:<20} {:>14} {:>14}",
        "net benefit",
        money(p.net_benefit),
        money(f.net_benefit)
    );
    let _ = writeln!(
        out,
        "{:<20} {:>14} {:>14}",
        "ROI",
        pct(p.roi_pct),
        pct(f.roi_pct)
    );
    let _ = writeln!(
        out,
        "{:<20} {:>14} {:>14}",
        "NPV",
        money(p.npv),
        money(f.npv)
    );
    let _ = writeln!(
        out,
        "{:<20} {:>14} {:>14}",
        "break-even month",
        month(p.break_even_month),
        month(f.break_even_month)
    );
    let _ = writeln!(
        out,
        "\n{}",
        crate::view::tracking::forecast_sentence(t, rebased, plan.horizon_months, lang)
    );
    let _ = writeln!(
        out,
        "\nThe gap to plan at month {}, split (risk-adjusted):",
        t.last_month
    );
    for row in crate::view::tracking::split_rows(t, scenario, lang) {
        let indent = match row.depth {
            crate::view::tracking::Depth::Total => "",
            _ => "  ",
        };
        let effect = row.effect.map_or_else(String::new, money);
        let _ = writeln!(
            out,
            "{indent}{:<width$} {:>12}  {}",
            row.label,
            effect,
            row.note,
            width = 28 - indent.len()
        );
    }
    out
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
