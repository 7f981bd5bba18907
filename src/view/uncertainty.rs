//! What the window shows of the uncertainty analysis: the P10-P90 band around the cumulative
//! net, the chance of breaking even by a month, the percentiles of the headline figures, the
//! break-even histogram, the tornado's bars and what goal seek found, in the reader's language.

use rust_decimal::Decimal;

use crate::analysis::Metric;
use crate::analysis::goal_seek::GoalSeekResult;
use crate::analysis::monte_carlo::{McResult, Percentiles};
use crate::analysis::tornado::Tornado;
use crate::format;
use crate::i18n::t;
use crate::model::{Lang, Scenario, Target};
use crate::view::to_plot;

/// The P10, P50 and P90 lines of cumulative net, each starting at (0, 0).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Band {
    /// (month, P10).
    pub p10: Vec<[f64; 2]>,
    /// (month, P50).
    pub p50: Vec<[f64; 2]>,
    /// (month, P90).
    pub p90: Vec<[f64; 2]>,
}

/// The band of a Monte Carlo result.
pub fn band(mc: &McResult) -> Band {
    let line = |get: fn(&Percentiles) -> Decimal| {
        std::iter::once([0.0, 0.0])
            .chain(
                mc.cumulative
                    .iter()
                    .enumerate()
                    .map(|(i, p)| [i as f64 + 1.0, to_plot(get(p))]),
            )
            .collect()
    };
    Band {
        p10: line(|p| p.p10),
        p50: line(|p| p.p50),
        p90: line(|p| p.p90),
    }
}

/// A share as a percentage with no decimals: "57%".
pub fn share(p: f64, lang: Lang) -> String {
    let d = Decimal::from_f64_retain(p * 100.0).unwrap_or_default();
    format::percent(d, 0, lang)
}

/// The card "Chance of breaking even by month M": the chance, and the chance within the
/// horizon beside.
pub fn chance(mc: &McResult, month: u32, lang: Lang) -> (String, String) {
    (
        share(mc.chance_by(month), lang),
        format!(
            "{}: {}",
            t(lang, "within the horizon", "binnen de horizon"),
            share(mc.probability_within_horizon, lang)
        ),
    )
}

/// One row of the percentile table.
#[derive(Clone, Debug, PartialEq)]
pub struct PercentileRow {
    /// The figure.
    pub label: &'static str,
    /// P10, P50, P90, mean.
    pub values: [String; 4],
}

/// The percentiles of net benefit, ROI and NPV.
pub fn percentile_rows(mc: &McResult, lang: Lang) -> Vec<PercentileRow> {
    let money =
        |p: &Percentiles| [p.p10, p.p50, p.p90, p.mean].map(|d| format::money_whole(d, lang));
    let pct = |p: &Percentiles| [p.p10, p.p50, p.p90, p.mean].map(|d| format::percent(d, 1, lang));
    let mut rows = vec![PercentileRow {
        label: t(lang, "Net benefit", "Netto opbrengst"),
        values: money(&mc.net_benefit),
    }];
    if let Some(roi) = &mc.roi_pct {
        rows.push(PercentileRow {
            label: "ROI",
            values: pct(roi),
        });
    }
    rows.push(PercentileRow {
        label: t(lang, "NPV", "NCW"),
        values: money(&mc.npv),
    });
    rows
}

/// One bar of the break-even histogram.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramBar {
    /// Where it stands: the month, or one past the horizon for "not within the horizon".
    pub x: f64,
    /// Its label: the month, or "not within".
    pub label: String,
    /// The share of trials.
    pub share: f64,
    /// Whether this is the "not within the horizon" bar.
    pub never: bool,
}

/// The break-even histogram, with a last bar for trials that do not break even in time.
pub fn histogram(mc: &McResult, lang: Lang) -> Vec<HistogramBar> {
    let n = mc.trials.max(1) as f64;
    let mut bars: Vec<HistogramBar> = mc
        .histogram
        .iter()
        .enumerate()
        .map(|(i, &count)| HistogramBar {
            x: i as f64 + 1.0,
            label: (i + 1).to_string(),
            share: count as f64 / n,
            never: false,
        })
        .collect();
    bars.push(HistogramBar {
        x: mc.histogram.len() as f64 + 1.0,
        label: t(lang, "not within", "niet binnen").to_owned(),
        share: mc.never as f64 / n,
        never: true,
    });
    bars
}

/// A metric's value as people read it.
pub fn metric_text(metric: Metric, d: Option<Decimal>, lang: Lang) -> String {
    match (metric, d) {
        (Metric::BreakEvenMonth, Some(m)) => format!("{} {m}", t(lang, "month", "maand")),
        (Metric::BreakEvenMonth, None) => t(lang, "no break-even", "geen break-even").to_owned(),
        (Metric::RoiPct, Some(d)) => format::percent(d, 1, lang),
        (_, Some(d)) => format::money_whole(d, lang),
        (_, None) => "–".to_owned(),
    }
}

/// A metric's name.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    match metric {
        Metric::NetBenefit => t(lang, "Net benefit", "Netto opbrengst"),
        Metric::Npv => t(lang, "NPV", "NCW"),
        Metric::BreakEvenMonth => t(lang, "Break-even month", "Break-evenmaand"),
        Metric::RoiPct => "ROI",
    }
}

/// The label of an input path: "Chatbot – Resolution rate" or "Custom line 2 – amount".
pub fn input_label(path: &str, scenario: &Scenario, lang: Lang) -> String {
    match Target::parse(path, scenario) {
        Some(Target::Input(d)) => format!("{} – {}", d.group.title().get(lang), d.label.get(lang)),
        Some(Target::CustomAmount(i)) => format!(
            "{} – {}",
            scenario
                .custom
                .lines
                .get(i)
                .map_or_else(|| path.to_owned(), |l| l.name.clone()),
            t(lang, "amount", "bedrag")
        ),
        None => path.to_owned(),
    }
}

/// A value of an input with its unit.
pub fn input_value(path: &str, scenario: &Scenario, value: Decimal, lang: Lang) -> String {
    match Target::parse(path, scenario) {
        Some(Target::Input(d)) => {
            let v = format::round(value, d.decimals()).normalize();
            format!(
                "{} {}",
                format::number(v, v.scale(), lang),
                d.unit.symbol().get(lang)
            )
        }
        _ => format::money_whole(value, lang),
    }
}

/// One bar of the tornado, as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    /// The input's path (to select it in the editor).
    pub path: String,
    /// Its label.
    pub label: String,
    /// The result at the input's low value, relative to the base (for the bar's extent).
    pub at_low: f64,
    /// The result at its high value, relative to the base.
    pub at_high: f64,
    /// What the hover says: the low and high values and the results there.
    pub hover: String,
    /// The input's low and high value as written ("20 %", "€21/hour").
    pub low_value: String,
    /// See above.
    pub high_value: String,
    /// Whether the input has a range of its own (else it moved 20% either way).
    pub ranged: bool,
    /// The result with the input at its low value, and at its high value, as written.
    pub low_result: String,
    /// See above.
    pub high_result: String,
}

/// What marks a tornado bar whose input has no range: it moved 20% either way.
pub fn unranged_mark(lang: Lang) -> &'static str {
    t(lang, "±20%, no range given", "±20%, geen bandbreedte")
}

/// The tornado's bars, largest swing first, each relative to the base.
pub fn tornado_bars(tornado: &Tornado, scenario: &Scenario, lang: Lang) -> Vec<TornadoBar> {
    let horizon = Decimal::from(scenario.finance.horizon_months + 1);
    let number = |d: Option<Decimal>| d.unwrap_or(horizon);
    let base = number(tornado.base);
    tornado
        .rows
        .iter()
        .map(|r| {
            let label = input_label(&r.input, scenario, lang);
            let hover = format!(
                "{label}\n{} {}: {}\n{} {}: {}{}",
                t(lang, "low", "laag"),
                input_value(&r.input, scenario, r.low, lang),
                metric_text(tornado.metric, r.result_at_low, lang),
                t(lang, "high", "hoog"),
                input_value(&r.input, scenario, r.high, lang),
                metric_text(tornado.metric, r.result_at_high, lang),
                if r.ranged {
                    ""
                } else {
                    t(
                        lang,
                        "\n(no range: 20% either way)",
                        "\n(geen bandbreedte: 20% naar elke kant)",
                    )
                }
            );
            TornadoBar {
                path: r.input.clone(),
                label: if r.ranged {
                    label
                } else {
                    format!("{label} ({})", unranged_mark(lang))
                },
                at_low: to_plot(number(r.result_at_low) - base),
                at_high: to_plot(number(r.result_at_high) - base),
                hover,
                low_value: input_value(&r.input, scenario, r.low, lang),
                high_value: input_value(&r.input, scenario, r.high, lang),
                ranged: r.ranged,
                low_result: metric_text(tornado.metric, r.result_at_low, lang),
                high_result: metric_text(tornado.metric, r.result_at_high, lang),
            }
        })
        .collect()
}

/// What goal seek found, in a sentence that names the input by its label.
pub fn goal_seek_text(
    input: &str,
    scenario: &Scenario,
    metric: Metric,
    goal: Decimal,
    result: &GoalSeekResult,
    lang: Lang,
) -> String {
    let label = input_label(input, scenario, lang);
    goal_seek_sentence(&label, input, scenario, metric, goal, result, lang)
}

/// What goal seek found, in a sentence that names the input `label` (the command line names
/// it by the path it was given).
pub fn goal_seek_sentence(
    label: &str,
    input: &str,
    scenario: &Scenario,
    metric: Metric,
    goal: Decimal,
    result: &GoalSeekResult,
    lang: Lang,
) -> String {
    let aim = match (metric, lang) {
        (Metric::BreakEvenMonth, Lang::En) => format!("break-even by month {goal}"),
        (Metric::BreakEvenMonth, Lang::Nl) => format!("break-even uiterlijk in maand {goal}"),
        (_, Lang::En) => format!(
            "{} of at least {}",
            metric_name(metric, lang),
            metric_text(metric, Some(goal), lang)
        ),
        (_, Lang::Nl) => format!(
            "{} van minstens {}",
            metric_name(metric, lang),
            metric_text(metric, Some(goal), lang)
        ),
    };
    match (result, lang) {
        (
            GoalSeekResult::Found {
                value,
                result,
                whole_range: false,
            },
            Lang::En,
        ) => format!(
            "{label} at {} gives {aim}: a plain simulation gives {}.",
            input_value(input, scenario, *value, lang),
            metric_text(metric, *result, lang)
        ),
        (
            GoalSeekResult::Found {
                value,
                result,
                whole_range: false,
            },
            Lang::Nl,
        ) => format!(
            "{label} op {} geeft {aim}: een gewone berekening geeft {}.",
            input_value(input, scenario, *value, lang),
            metric_text(metric, *result, lang)
        ),
        (
            GoalSeekResult::Found {
                value,
                result,
                whole_range: true,
            },
            Lang::En,
        ) => format!(
            "Every value of {label} in its allowed range gives {aim}; even {} gives {}.",
            input_value(input, scenario, *value, lang),
            metric_text(metric, *result, lang)
        ),
        (
            GoalSeekResult::Found {
                value,
                result,
                whole_range: true,
            },
            Lang::Nl,
        ) => format!(
            "Elke toegestane waarde van {label} geeft {aim}; zelfs {} geeft {}.",
            input_value(input, scenario, *value, lang),
            metric_text(metric, *result, lang)
        ),
        (
            GoalSeekResult::NotReachable {
                best_value,
                best_result,
            },
            Lang::En,
        ) => format!(
            "No value of {label} in its allowed range gives {aim}; the best, {}, gives {}.",
            input_value(input, scenario, *best_value, lang),
            metric_text(metric, *best_result, lang)
        ),
        (
            GoalSeekResult::NotReachable {
                best_value,
                best_result,
            },
            Lang::Nl,
        ) => format!(
            "Geen toegestane waarde van {label} geeft {aim}; de beste, {}, geeft {}.",
            input_value(input, scenario, *best_value, lang),
            metric_text(metric, *best_result, lang)
        ),
    }
}

/// What a reader should know before applying a goal seek's `value` to `input`: that it lies
/// outside the range given for the input (the estimate around its value now), or outside what
/// the input's source calls typical. Empty when neither.
pub fn goal_seek_caveats(
    input: &str,
    scenario: &Scenario,
    value: Decimal,
    lang: Lang,
) -> Vec<String> {
    let shown = |v: Decimal| input_value(input, scenario, v, lang);
    let mut out = Vec::new();
    if let Some(e) = scenario.estimate(input)
        && !e.holds(value)
    {
        out.push(match lang {
            Lang::En => format!(
                "{} lies outside the range given for this input ({} to {}): the band and the chance assume it does not.",
                shown(value),
                shown(e.low),
                shown(e.high)
            ),
            Lang::Nl => format!(
                "{} ligt buiten de bandbreedte van deze invoer ({} tot {}): de band en de kans gaan daar niet van uit.",
                shown(value),
                shown(e.low),
                shown(e.high)
            ),
        });
    }
    if let Some(Target::Input(d)) = Target::parse(input, scenario)
        && let Some((low, high)) = d.typical
        && (value < low || value > high)
    {
        let source = d
            .source
            .map(|s| format!(" ({})", s.get(lang)))
            .unwrap_or_default();
        out.push(match lang {
            Lang::En => format!(
                "{} is outside what the source calls typical, {} to {}{source}; it needs a reason of its own.",
                shown(value),
                shown(low),
                shown(high)
            ),
            Lang::Nl => format!(
                "{} valt buiten wat de bron gebruikelijk noemt, {} tot {}{source}; daar is een eigen onderbouwing voor nodig.",
                shown(value),
                shown(low),
                shown(high)
            ),
        });
    }
    out
}
