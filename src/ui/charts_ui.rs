//! The charts: cumulative net per shown scenario with break-even markers (the main chart),
//! the selected scenario's monthly costs and benefits by initiative, and ROI to date.

use egui_plot::{Bar, BarChart, GridMark, HLine, Legend, Line, Plot, PlotPoint, Points, Text};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::format;
use crate::model::Lang;
use crate::ui::app::Display;
use crate::ui::document::Document;
use crate::ui::i18n::t;
use crate::ui::palette::{initiative_colour, scenario_colour};

/// Money on an axis or in a hover label, in whole euros.
fn money_axis(v: f64, lang: Lang) -> String {
    Decimal::from_f64(v).map_or_else(String::new, |d| format::money_whole(d, lang))
}

fn pct_axis(v: f64, lang: Lang) -> String {
    Decimal::from_f64(v).map_or_else(String::new, |d| format::percent(d, 0, lang))
}

fn month_axis(mark: GridMark) -> String {
    let v = mark.value;
    if v.fract().abs() > 1e-9 || v < 0.0 {
        return String::new();
    }
    format!("{}", v as i64)
}

/// Month grid lines: every month, labelled every 3 and 6.
fn month_grid() -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    egui_plot::uniform_grid_spacer(|_| [1.0, 3.0, 6.0])
}

/// A plot over the months of the horizon: month axis, its grid, no scroll-zoom (the page
/// scrolls instead).
fn month_plot(id: &'static str, height: f32, lang: Lang) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        .x_axis_label(t(lang, "Month", "Maand"))
        .x_axis_formatter(|m, _| month_axis(m))
        .x_grid_spacer(month_grid())
        .allow_scroll(false)
}

/// Makes a bar's hover text.
type BarLabel = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// The hover text of a bar: its month and amount.
fn bar_label(lang: Lang) -> BarLabel {
    Box::new(move |bar, _| {
        format!(
            "{} {}: {}",
            t(lang, "Month", "Maand"),
            bar.argument,
            money_axis(bar.value, lang)
        )
    })
}

/// A key of coloured squares for the bar chart, drawn above it.
fn initiative_key_ui(ui: &mut egui::Ui, initiatives: &[crate::model::Initiative], lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        for &i in initiatives {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, initiative_colour(i));
            ui.label(egui::RichText::new(i.title().get(lang)).small());
        }
        ui.label(
            egui::RichText::new(t(
                lang,
                "(up: benefits, down: costs)",
                "(omhoog: baten, omlaag: kosten)",
            ))
            .small()
            .weak(),
        );
    });
}

/// Draws the three charts: the cumulative net of every scenario in `shown`, and `doc`'s monthly
/// bars and ROI to date.
pub fn charts_ui(ui: &mut egui::Ui, shown: &[&Document], doc: &Document, display: Display) {
    let lang = display.lang;
    let adjusted = display.risk_adjusted;
    let id = doc.id;
    let available = ui.available_height();
    let main_height = (available * 0.58).max(220.0);
    let small_height = (available - main_height - 40.0).max(160.0);

    // Main chart: cumulative net per shown scenario.
    ui.label(
        egui::RichText::new(t(
            lang,
            "Cumulative net cash flow",
            "Cumulatieve netto kasstroom",
        ))
        .strong(),
    );
    month_plot("cumulative", main_height, lang)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .y_axis_label(t(lang, "Cumulative net (€)", "Cumulatief netto (€)"))
        .y_axis_formatter(move |m, _| money_axis(m.value, lang))
        .y_axis_min_width(80.0)
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{} {}: {}",
                t(lang, "Month", "Maand"),
                position.x.round(),
                money_axis(position.y, lang)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.hline(HLine::new("", 0.0).color(egui::Color32::GRAY).width(1.0));
            for (i, doc) in shown.iter().enumerate() {
                let Some(view) = doc.cached_view() else {
                    continue;
                };
                let series = view.series(adjusted);
                let colour = scenario_colour(doc.colour);
                let width = if doc.id == id { 3.0 } else { 2.0 };
                let name = match series.break_even {
                    Some([x, _]) => format!(
                        "{} – {} {}",
                        doc.title(),
                        t(lang, "break-even month", "break-even maand"),
                        x as u32
                    ),
                    None => format!(
                        "{} – {}",
                        doc.title(),
                        t(lang, "no break-even", "geen break-even")
                    ),
                };
                plot.line(
                    Line::new(name, series.cumulative.clone())
                        .color(colour)
                        .width(width),
                );
                if let Some([x, y]) = series.break_even {
                    plot.points(Points::new("", vec![[x, y]]).color(colour).radius(6.0));
                    // Alternate above and below the line so markers of close months stay readable.
                    let anchor = if i % 2 == 0 {
                        egui::Align2::LEFT_TOP
                    } else {
                        egui::Align2::RIGHT_BOTTOM
                    };
                    let text = if shown.len() == 1 {
                        format!(
                            "  {} {}",
                            t(lang, "Break-even: month", "Break-even: maand"),
                            x as u32
                        )
                    } else {
                        format!(" {} ", x as u32)
                    };
                    plot.text(
                        Text::new(
                            "",
                            PlotPoint::new(x, y),
                            egui::RichText::new(text).color(colour).size(15.0).strong(),
                        )
                        .anchor(anchor),
                    );
                }
            }
        });

    let Some(view) = doc.cached_view() else {
        return;
    };
    let series = view.series(adjusted);
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        let [left, right] = cols else { return };
        left.label(
            egui::RichText::new(t(
                lang,
                "Monthly costs and benefits by initiative",
                "Kosten en baten per maand per initiatief",
            ))
            .strong(),
        );
        let initiatives: Vec<_> = series.bars.iter().map(|b| b.initiative).collect();
        initiative_key_ui(left, &initiatives, lang);
        month_plot("bars", small_height - 18.0, lang)
            .y_axis_label("€")
            .y_axis_formatter(move |m, _| money_axis(m.value, lang))
            .y_axis_min_width(70.0)
            .show(left, |plot| {
                let mut benefit_charts: Vec<BarChart> = Vec::new();
                let mut cost_charts: Vec<BarChart> = Vec::new();
                for b in &series.bars {
                    let name = b.initiative.title().get(lang);
                    let colour = initiative_colour(b.initiative);
                    let make = |values: &[f64], label: &str, fill: egui::Color32| {
                        let bars: Vec<Bar> = values
                            .iter()
                            .enumerate()
                            .map(|(i, &v)| {
                                Bar::new(i as f64 + 1.0, v)
                                    .width(0.7)
                                    .fill(fill)
                                    .stroke(egui::Stroke::new(0.5, fill))
                                    .name(format!("{label} {}", i + 1))
                            })
                            .collect();
                        bars
                    };
                    let cost_colour = colour.gamma_multiply(0.5);
                    let benefits = BarChart::new(
                        format!("{name} {}", t(lang, "benefits", "baten")),
                        make(&b.benefits, name, colour),
                    )
                    .color(colour)
                    .element_formatter(bar_label(lang));
                    let costs = BarChart::new(
                        format!("{name} {}", t(lang, "costs", "kosten")),
                        make(&b.costs, name, cost_colour),
                    )
                    .color(cost_colour)
                    .element_formatter(bar_label(lang));
                    let benefits = match benefit_charts.last() {
                        Some(prev) => benefits.stack_on(&[prev]),
                        None => benefits,
                    };
                    let costs = match cost_charts.last() {
                        Some(prev) => costs.stack_on(&[prev]),
                        None => costs,
                    };
                    benefit_charts.push(benefits);
                    cost_charts.push(costs);
                }
                for chart in benefit_charts.into_iter().chain(cost_charts) {
                    plot.bar_chart(chart);
                }
            });
        right.label(egui::RichText::new(t(lang, "ROI to date", "ROI tot nu toe")).strong());
        right.add_space(18.0);
        let colour = scenario_colour(doc.colour);
        month_plot("roi", small_height - 18.0, lang)
            .y_axis_label("ROI (%)")
            .y_axis_formatter(move |m, _| pct_axis(m.value, lang))
            .y_axis_min_width(50.0)
            .label_formatter(move |pos| match pos {
                egui_plot::HoverPosition::NearDataPoint { position, .. } => Some(format!(
                    "{} {}: {}",
                    t(lang, "Month", "Maand"),
                    position.x.round(),
                    pct_axis(position.y, lang)
                )),
                egui_plot::HoverPosition::Elsewhere { .. } => None,
            })
            .show(right, |plot| {
                plot.hline(HLine::new("", 0.0).color(egui::Color32::GRAY).width(1.0));
                plot.line(
                    Line::new(doc.title(), series.roi.clone())
                        .color(colour)
                        .width(2.0),
                );
            });
    });
}
