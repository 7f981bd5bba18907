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

/// The tracking of `plan` as JSON: `months` (each `month`, `planned` and `actual` with
/// `costs`, `benefits`, `net`, `cumulative_net` and `kpis`, and `lines` with the variance of
/// each), `plan` and `forecast` (the summary fields of `simulate`), `variances` (each observed
/// figure with its planned and observed value and its money effect on the net to date), all
/// risk-adjusted.
pub fn tracking_json(
    scenario: &crate::model::Scenario,
    plan: &Projection,
    t: &Tracking,
    rebased: bool,
) -> Value {
    let forecast = t.forecast(rebased);
    let months: Vec<Value> = t
        .months
        .iter()
        .map(|m| {
            let lines: Vec<Value> = plan
                .lines
                .iter()
                .zip(&m.lines)
                .map(|(line, (p, a))| {
                    json!({
                        "initiative": line.initiative.key(),
                        "key": crate::text::line_key(line.id),
                        "name": crate::text::line_name(line, crate::model::Lang::En),
                        "planned": amount(*p),
                        "actual": amount(*a),
                        "variance": amount(*a - *p),
                    })
                })
                .collect();
            json!({
                "month": m.month,
                "planned": figures_json(&m.planned, kpis_json(&m.planned_kpis)),
                "actual": figures_json(&m.actual, kpis_json(&m.actual_kpis)),
                "lines": lines,
            })
        })
        .collect();
    let variances: Vec<Value> = t
        .variances
        .iter()
        .map(|v| {
            json!({
                "input": v.field.key,
                "month": v.month,
                "planned": amount(v.planned),
                "observed": amount(v.observed),
                "effect": amount(v.effect),
                "assumptions": v
                    .field
                    .assumptions()
                    .iter()
                    .filter(|p| {
                        crate::model::input_by_path(p).is_some_and(|d| {
                            d.group.initiative().is_none_or(|i| scenario.is_enabled(i))
                        })
                    })
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut warnings: Vec<String> = forecast
        .warnings(true)
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
        "variances": variances,
        "warnings": warnings,
    })
}

/// The tracking as a table for the terminal.
pub fn tracking_table(plan: &Projection, t: &Tracking, rebased: bool) -> String {
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
    if !t.variances.is_empty() {
        let _ = writeln!(out, "\nWhat moved the net to date most:");
        for v in t.variances.iter().take(3) {
            let _ = writeln!(
                out,
                "  {:<26} planned {:>12}, observed {:>12} (month {}): {:>10}",
                v.field.key,
                number(v.planned, 2, lang),
                number(v.observed, 2, lang),
                v.month,
                money(v.effect)
            );
        }
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
