//! The charts: cumulative net per shown scenario with break-even markers (the main chart),
//! the selected scenario's monthly costs and benefits by initiative, and ROI to date.
//!
//! Hover readouts are tooltips at the pointer (never cut off at the plot's edge) listing every
//! series at the hovered month; money axes pick their decimals from the grid step, so small
//! amounts read as well as large ones.

use egui_plot::{Bar, BarChart, GridMark, HLine, Line, Plot, PlotPoint, Points, Polygon, Text};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::format;
use crate::i18n::t;
use crate::model::Lang;
use crate::report::build::Chart;
use crate::report::{Deliverable, Output};
use crate::ui::command::{Command, ExportRequest};
use crate::ui::document::Document;
use crate::ui::palette::{initiative_colour, scenario_colour};
use crate::ui::state::Display;
use crate::view::{Series, uncertainty};

/// Money in whole euros, for hover texts.
fn money(v: f64, lang: Lang) -> String {
    Decimal::from_f64(v).map_or_else(String::new, |d| format::money_whole(d, lang))
}

/// Money on an axis tick: as many decimals as the grid step needs.
pub(crate) fn money_tick(mark: GridMark, lang: Lang) -> String {
    format::money_tick(mark.value, mark.step_size, lang)
}

/// A percentage on an axis tick.
fn pct_tick(mark: GridMark, lang: Lang) -> String {
    format::percent_tick(mark.value, mark.step_size, lang)
}

fn month_axis(mark: GridMark) -> String {
    let v = mark.value;
    if v.fract().abs() > 1e-9 || v < 0.0 {
        return String::new();
    }
    format!("{}", v as i64)
}

/// The month axis: its title and month numbers, labelled as close as they read.
pub(crate) fn month_axis_hints(lang: Lang) -> egui_plot::AxisHints<'static> {
    egui_plot::AxisHints::new_x()
        .label(t(lang, "Month", "Maand"))
        .formatter(|m, _| month_axis(m))
        .label_spacing(24.0..=36.0)
}

/// How close a vertical axis's labels may stand (egui_plot waits for 20 points with powers of ten only, which leaves a
/// short chart with one label).
const Y_LABEL_SPACING: std::ops::RangeInclusive<f32> = 22.0..=34.0;

/// A money axis titled `label`, at least `width` wide, labelled as close as it reads.
pub(crate) fn money_axis_hints(
    label: &str,
    lang: Lang,
    width: f32,
) -> egui_plot::AxisHints<'static> {
    egui_plot::AxisHints::new_y()
        .label(label.to_owned())
        .formatter(move |m, _| money_tick(m, lang))
        .min_thickness(width)
        .label_spacing(Y_LABEL_SPACING)
}

/// Steps at round amounts that nest (each a multiple of the one before, so no label falls
/// between two of the next level): the first of 1, 2 or 5 times a power of ten at least `base`,
/// then 1 → 5 → 10, 2 → 10 → 20, 5 → 10 → 50 times it. A vertical axis is so labelled at
/// €50,000 between €0 and €100,000, where powers of ten alone leave one label.
pub(crate) fn nice_steps(base: f64) -> [f64; 3] {
    let base = if base.is_finite() && base > 0.0 {
        base
    } else {
        1.0
    };
    let power = 10f64.powf(base.log10().floor());
    let (first, then) = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .zip([[5.0, 10.0], [5.0, 10.0], [2.0, 10.0], [5.0, 10.0]])
        .find(|(step, _)| *step >= base * 0.999_999)
        .unwrap_or((10.0 * power, [5.0, 10.0]));
    [first, first * then[0], first * then[1]]
}

/// The grid of a vertical axis at round amounts (see [`nice_steps`]).
pub(crate) fn nice_grid() -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    egui_plot::uniform_grid_spacer(|input| nice_steps(input.base_step_size))
}

/// Month grid lines: every month, labelled every 3 and 6.
pub(crate) fn month_grid() -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    egui_plot::uniform_grid_spacer(|_| [1.0, 3.0, 6.0])
}

/// A plot over the months of the horizon: month axis, its grid, no scroll-zoom (the page
/// scrolls instead), no built-in hover label (the tooltip says more and is never cut off).
fn month_plot(id: &'static str, height: f32, lang: Lang) -> Plot<'static> {
    Plot::new(id)
        .height(height)
        // Month numbers are short: labelled wherever they stand 24 points apart (egui_plot
        // waits for 60, which leaves a narrow chart with no month on its axis).
        .custom_x_axes(vec![month_axis_hints(lang)])
        .x_grid_spacer(month_grid())
        .allow_scroll(false)
        .show_x(false)
        .show_y(false)
        .label_formatter(|_| None)
}

/// The month under the pointer, when the pointer is over the plot and inside the horizon.
fn hovered_month<R>(r: &egui_plot::PlotResponse<R>, horizon: usize) -> Option<usize> {
    let pos = r.response.hover_pos()?;
    let month = r.transform.value_from_position(pos).x.round();
    (month >= 1.0 && month <= horizon as f64).then_some(month as usize)
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
                "(up: benefits, down: costs, paler)",
                "(omhoog: baten, omlaag: kosten, lichter)",
            ))
            .small()
            .weak(),
        );
    });
}

/// The key of the cumulative chart, above it (a legend inside would cover the lines): each
/// scenario's colour and name (shortened, the whole name on hover), then what each kind of
/// mark means: the projection (the figures on the cards), and where scenarios have ranges the
/// P50 of the trials and the P10-P90 band, and the break-even marker.
fn break_even_key_ui(ui: &mut egui::Ui, series: &[(&Document, &Series)], banded: bool, lang: Lang) {
    let text = ui.visuals().text_color();
    // One entry: its mark and its words, one widget so a wrapping row moves it whole.
    let entry = |ui: &mut egui::Ui,
                 words: &str,
                 hover: Option<&str>,
                 draw: &dyn Fn(&egui::Painter, egui::Rect)| {
        let font = egui::TextStyle::Small.resolve(ui.style());
        let galley = ui
            .ctx()
            .fonts_mut(|f| f.layout_no_wrap(words.to_owned(), font, text));
        let mark = egui::vec2(22.0, 10.0);
        let size = egui::vec2(mark.x + 4.0 + galley.size().x, galley.size().y.max(mark.y));
        let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
        let mark_rect = egui::Rect::from_min_size(
            egui::pos2(rect.left(), rect.center().y - mark.y / 2.0),
            mark,
        );
        draw(ui.painter(), mark_rect);
        let text_pos = egui::pos2(
            mark_rect.right() + 4.0,
            rect.center().y - galley.size().y / 2.0,
        );
        ui.painter().galley(text_pos, galley, text);
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, words));
        if let Some(hover) = hover {
            response.on_hover_text(hover);
        }
    };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        if series.len() > 1 {
            for (d, _) in series {
                let colour = scenario_colour(d.colour);
                let name = crate::view::names::short_middle(d.title(), 28);
                entry(ui, &name, Some(d.title()), &|p, r| {
                    p.rect_filled(r.shrink2(egui::vec2(6.0, 0.0)), 2.0, colour);
                });
            }
        }
        entry(
            ui,
            t(
                lang,
                "Projection (as on the cards)",
                "Projectie (als op de kaarten)",
            ),
            None,
            &|p, r| {
                p.line_segment(
                    [r.left_center(), r.right_center()],
                    egui::Stroke::new(2.5, text),
                );
            },
        );
        if banded {
            entry(
                ui,
                t(lang, "P50 of the trials", "P50 van de trekkingen"),
                None,
                &|p, r| {
                    let y = r.center().y;
                    let mut x = r.left();
                    while x < r.right() {
                        let end = (x + 3.0).min(r.right());
                        p.line_segment(
                            [egui::pos2(x, y), egui::pos2(end, y)],
                            egui::Stroke::new(1.5, text),
                        );
                        x += 5.0;
                    }
                },
            );
            entry(
                ui,
                t(lang, "P10–P90 band", "P10–P90-band"),
                None,
                &|p, r| {
                    p.rect_filled(
                        r.shrink2(egui::vec2(0.0, 1.0)),
                        1.0,
                        text.gamma_multiply(0.25),
                    );
                },
            );
        }
        entry(
            ui,
            t(lang, "Break-even month", "Break-evenmaand"),
            None,
            &|p, r| {
                p.circle_filled(r.center(), 4.5, text);
            },
        );
    });
}

/// Draws the three charts: the cumulative net of every scenario in `shown`, and `doc`'s monthly
/// bars and ROI to date.
/// The right-click menu of a chart: save it as a presentation-size PNG or as SVG. `several`:
/// the chart draws every scenario shown, not only the selected one.
pub fn save_menu(
    response: &egui::Response,
    what: Chart,
    several: bool,
    commands: &mut Vec<Command>,
    lang: Lang,
) {
    response.context_menu(|ui| {
        for (output, label) in [
            (
                Output::Png,
                t(
                    lang,
                    "Save chart as PNG (1920 × 1080)…",
                    "Grafiek opslaan als PNG (1920 × 1080)…",
                ),
            ),
            (
                Output::Svg,
                t(lang, "Save chart as SVG…", "Grafiek opslaan als SVG…"),
            ),
        ] {
            if ui.button(label).clicked() {
                commands.push(Command::Export(ExportRequest {
                    what: Deliverable::Chart(what),
                    several,
                    output,
                }));
                ui.close();
            }
        }
    });
}

/// Draws the charts tab; chart right-clicks push their save commands to `commands`.
pub fn charts_ui(
    ui: &mut egui::Ui,
    shown: &[&Document],
    doc: &Document,
    display: Display,
    commands: &mut Vec<Command>,
) {
    let available = ui.available_height();
    let main_height = (available * 0.55).max(220.0);
    break_even_ui(ui, shown, doc, display, main_height, commands);
    monthly_ui(ui, doc, display, commands);
}

/// The main chart: cumulative net of each shown scenario with its band and break-even, `height`
/// tall.
pub fn break_even_ui(
    ui: &mut egui::Ui,
    shown: &[&Document],
    doc: &Document,
    display: Display,
    main_height: f32,
    commands: &mut Vec<Command>,
) {
    let lang = display.lang;
    let adjusted = display.risk_adjusted;
    let id = doc.id;

    // Main chart: cumulative net per shown scenario.
    ui.label(
        egui::RichText::new(t(
            lang,
            "Cumulative net cash flow",
            "Cumulatieve netto kasstroom",
        ))
        .strong(),
    );
    let series: Vec<(&Document, &Series)> = shown
        .iter()
        .filter_map(|d| d.cached_view().map(|v| (*d, v.series(adjusted))))
        .collect();
    let horizon = series
        .iter()
        .map(|(_, s)| s.cumulative.len().saturating_sub(1))
        .max()
        .unwrap_or(0);
    let banded = series.iter().any(|(d, _)| {
        d.analysis
            .monte_carlo
            .as_ref()
            .is_some_and(|(_, mc)| mc.ranged_inputs > 0 && mc.risk_adjusted == adjusted)
    });
    let key_top = ui.cursor().top();
    break_even_key_ui(ui, &series, banded, lang);
    let main_height = (main_height - (ui.cursor().top() - key_top)).max(160.0);
    let response = month_plot("cumulative", main_height, lang)
        .custom_y_axes(vec![money_axis_hints(
            t(lang, "Cumulative net (€)", "Cumulatief netto (€)"),
            lang,
            84.0,
        )])
        .y_grid_spacer(nice_grid())
        .show(ui, |plot| {
            plot.hline(HLine::new("", 0.0).color(egui::Color32::GRAY).width(1.0));
            // The P10-P90 band and the P50 line of each scenario with ranges, under its line.
            for (d, _) in &series {
                let Some((_, mc)) = &d.analysis.monte_carlo else {
                    continue;
                };
                if mc.ranged_inputs == 0 || mc.risk_adjusted != adjusted {
                    continue;
                }
                let band = uncertainty::band(mc);
                let colour = scenario_colour(d.colour);
                let fill = colour.gamma_multiply(0.18);
                for (a, b) in band.p10.windows(2).zip(band.p90.windows(2)) {
                    // One trapezoid per month: convex, so it fills right.
                    plot.polygon(
                        Polygon::new("", vec![a[0], a[1], b[1], b[0]])
                            .fill_color(fill)
                            .stroke(egui::Stroke::NONE),
                    );
                }
                plot.line(
                    Line::new(format!("{} – P50", d.title()), band.p50.clone())
                        .color(colour)
                        .style(egui_plot::LineStyle::dashed_dense())
                        .width(1.5),
                );
            }
            for (i, (d, s)) in series.iter().enumerate() {
                let colour = scenario_colour(d.colour);
                let width = if d.id == id { 3.0 } else { 2.0 };
                let name = match s.break_even {
                    Some([x, _]) => format!(
                        "{} – {} {}",
                        d.title(),
                        t(lang, "break-even month", "break-even maand"),
                        x as u32
                    ),
                    None => format!(
                        "{} – {}",
                        d.title(),
                        t(lang, "no break-even", "geen break-even")
                    ),
                };
                plot.line(
                    Line::new(name, s.cumulative.clone())
                        .color(colour)
                        .width(width),
                );
                if let Some([x, y]) = s.break_even {
                    plot.points(Points::new("", vec![[x, y]]).color(colour).radius(6.0));
                    // As in the chart images: a cumulative line rises through break-even, so
                    // above-left and below-right of the point are free; late months take the
                    // first (nothing cut off at the edge), early ones the second, and every
                    // other scenario the other side, so close markers stay readable.
                    let late = (x > horizon as f64 * 0.6) != (i % 2 == 1);
                    let anchor = if late {
                        egui::Align2::RIGHT_BOTTOM
                    } else {
                        egui::Align2::LEFT_TOP
                    };
                    let text = if series.len() == 1 {
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
    save_menu(&response.response, Chart::BreakEven, true, commands, lang);
    if let Some(m) = hovered_month(&response, horizon) {
        response.response.on_hover_ui_at_pointer(|ui| {
            ui.strong(format!("{} {m}", t(lang, "Month", "Maand")));
            for (d, s) in &series {
                if let Some([_, y]) = s.cumulative.get(m) {
                    ui.label(
                        egui::RichText::new(format!("{}: {}", d.title(), money(*y, lang)))
                            .color(scenario_colour(d.colour)),
                    );
                }
                if let Some((_, mc)) = &d.analysis.monte_carlo
                    && mc.ranged_inputs > 0
                    && let Some(p) = mc.cumulative.get(m - 1)
                {
                    ui.label(
                        egui::RichText::new(format!(
                            "  P10 {} · P50 {} · P90 {}",
                            format::money_whole(p.p10, lang),
                            format::money_whole(p.p50, lang),
                            format::money_whole(p.p90, lang)
                        ))
                        .small(),
                    );
                }
            }
        });
    }
}

/// The monthly bars by initiative and ROI to date of the selected scenario.
fn monthly_ui(ui: &mut egui::Ui, doc: &Document, display: Display, commands: &mut Vec<Command>) {
    let lang = display.lang;
    let Some(view) = doc.cached_view() else {
        return;
    };
    let series = view.series(display.risk_adjusted);
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
        let months = series.cumulative.len().saturating_sub(1);
        // The rest of the height, so the month axis is never cut off at the window's edge.
        let height = (left.available_height() - 6.0).max(140.0);
        let response = month_plot("bars", height, lang)
            .custom_y_axes(vec![money_axis_hints("€", lang, 76.0)])
            .y_grid_spacer(nice_grid())
            .show(left, |plot| {
                let mut benefit_charts: Vec<BarChart> = Vec::new();
                let mut cost_charts: Vec<BarChart> = Vec::new();
                for b in &series.bars {
                    let name = b.initiative.title().get(lang);
                    let colour = initiative_colour(b.initiative);
                    let make = |values: &[f64], fill: egui::Color32| {
                        values
                            .iter()
                            .enumerate()
                            .map(|(i, &v)| {
                                Bar::new(i as f64 + 1.0, v)
                                    .width(0.7)
                                    .fill(fill)
                                    .stroke(egui::Stroke::new(0.5, fill))
                            })
                            .collect::<Vec<Bar>>()
                    };
                    let cost_colour = colour.gamma_multiply(0.5);
                    let benefits = BarChart::new(
                        format!("{name} {}", t(lang, "benefits", "baten")),
                        make(&b.benefits, colour),
                    )
                    .color(colour);
                    let costs = BarChart::new(
                        format!("{name} {}", t(lang, "costs", "kosten")),
                        make(&b.costs, cost_colour),
                    )
                    .color(cost_colour);
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
        save_menu(&response.response, Chart::Monthly, false, commands, lang);
        if let Some(m) = hovered_month(&response, months) {
            response.response.on_hover_ui_at_pointer(|ui| {
                ui.strong(format!("{} {m}", t(lang, "Month", "Maand")));
                for b in &series.bars {
                    let (benefit, cost) = (
                        b.benefits.get(m - 1).copied().unwrap_or(0.0),
                        -b.costs.get(m - 1).copied().unwrap_or(0.0),
                    );
                    ui.label(
                        egui::RichText::new(format!(
                            "{}: {} {}, {} {}",
                            b.initiative.title().get(lang),
                            t(lang, "benefits", "baten"),
                            money(benefit, lang),
                            t(lang, "costs", "kosten"),
                            money(cost, lang)
                        ))
                        .color(initiative_colour(b.initiative)),
                    );
                }
            });
        }
        right.label(egui::RichText::new(t(lang, "ROI to date", "ROI tot nu toe")).strong());
        let colour = scenario_colour(doc.colour);
        let response = month_plot("roi", height, lang)
            .custom_y_axes(vec![
                egui_plot::AxisHints::new_y()
                    .label("ROI (%)")
                    .formatter(move |m, _| pct_tick(m, lang))
                    .min_thickness(56.0)
                    .label_spacing(Y_LABEL_SPACING),
            ])
            .y_grid_spacer(nice_grid())
            .show(right, |plot| {
                plot.hline(HLine::new("", 0.0).color(egui::Color32::GRAY).width(1.0));
                plot.line(
                    Line::new(doc.title(), series.roi.clone())
                        .color(colour)
                        .width(2.0),
                );
            });
        save_menu(&response.response, Chart::Roi, false, commands, lang);
        if let Some(m) = hovered_month(&response, months) {
            let value = series.roi.iter().find(|p| p[0] as usize == m).map(|p| p[1]);
            response.response.on_hover_ui_at_pointer(|ui| {
                ui.strong(format!("{} {m}", t(lang, "Month", "Maand")));
                ui.label(match value {
                    Some(v) => format!(
                        "ROI: {}",
                        Decimal::from_f64(v)
                            .map_or_else(String::new, |d| format::percent(d, 1, lang))
                    ),
                    None => {
                        t(lang, "ROI: nothing spent yet", "ROI: nog niets uitgegeven").to_owned()
                    }
                });
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::nice_steps;

    #[test]
    fn a_vertical_axis_steps_at_round_amounts() {
        assert_eq!(nice_steps(6_500.0), [10_000.0, 50_000.0, 100_000.0]);
        assert_eq!(nice_steps(10_000.0), [10_000.0, 50_000.0, 100_000.0]);
        assert_eq!(nice_steps(15_000.0), [20_000.0, 100_000.0, 200_000.0]);
        assert_eq!(nice_steps(0.3), [0.5, 1.0, 5.0]);
        // Each level a multiple of the one before, so labels never fall between.
        for base in [0.07, 3.0, 45.0, 1234.0, 987_654.0] {
            let [a, b, c] = nice_steps(base);
            assert!(a >= base * 0.999_999, "{base}");
            for (small, large) in [(a, b), (b, c)] {
                let ratio = large / small;
                assert!(
                    (ratio - ratio.round()).abs() < 1e-9,
                    "{base}: {small} {large}"
                );
            }
        }
        // A degenerate input still gives steps.
        assert_eq!(nice_steps(0.0), [1.0, 5.0, 10.0]);
    }
}
