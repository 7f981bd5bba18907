//! The uncertainty tab: the percentiles of the headline figures, the break-even histogram, the
//! tornado (a click on a bar selects that input in the editor) and goal seek ("what must be
//! true"), all computed off the window's thread (see [`crate::ui::analysis_worker`]).

use egui_plot::{Bar, BarChart, Plot};

use crate::analysis::Metric;
use crate::analysis::goal_seek::GoalSeekResult;
use crate::model::{Target, all_inputs};
use crate::ui::analysis_worker::{Request, Running};
use crate::ui::command::Command;
use crate::ui::document::Document;
use crate::ui::figure_ui::{GridCell, GridRow, Tone, figure_grid};
use crate::ui::palette::{initiative_colour, scenario_colour, sign_colour};
use crate::ui::state::{Display, UncertaintyOptions};
use crate::view::uncertainty as uv;

/// What the tab needs besides the document.
pub struct Context<'a> {
    /// Language, theme, variant.
    pub display: Display,
    /// What the tab shows and what goal seek aims at.
    pub options: &'a mut UncertaintyOptions,
    /// Commands for the app.
    pub commands: &'a mut Vec<Command>,
    /// The Monte Carlo run under way for the document, if any.
    pub running_mc: Option<&'a Running>,
    /// The tornado under way, if any.
    pub running_tornado: Option<&'a Running>,
    /// The goal seek under way, if any.
    pub running_goal: Option<&'a Running>,
}

/// A progress line: "Working… 40%" or a spinner.
pub fn progress_ui(ui: &mut egui::Ui, running: &Running, display: Display) {
    ui.horizontal(|ui| {
        ui.add(egui::Spinner::new().size(12.0));
        let done = running.done();
        let text = if done > 0.0 {
            format!("{} {:.0}%", display.t("Working…", "Bezig…"), done * 100.0)
        } else {
            display.t("Working…", "Bezig…").to_owned()
        };
        ui.label(egui::RichText::new(text).small().weak());
    });
}

/// Draws the tab for `doc`.
pub fn uncertainty_ui(ui: &mut egui::Ui, doc: &Document, cx: Context<'_>) {
    let lang = cx.display.lang;
    let display = cx.display;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if doc.scenario.ranges.is_empty() {
                ui.label(display.t(
                    "No input has a range yet: every figure is certain. Give inputs a low and a high estimate with the ± button beside their slider (or a ranges section in the file) to see how sure the case is. The tornado below moves every input 20% either way.",
                    "Nog geen invoer heeft een bandbreedte: elk cijfer ligt vast. Geef invoer een lage en hoge schatting met de ±-knop naast de schuif (of een ranges-sectie in het bestand) om te zien hoe zeker de businesscase is. De tornado hieronder beweegt elke invoer 20% naar beide kanten.",
                ));
                ui.add_space(8.0);
            } else if let Some((_, mc)) = &doc.analysis.monte_carlo {
                ui.label(
                    egui::RichText::new(display.t("How sure are we", "Hoe zeker is het"))
                        .strong(),
                );
                ui.label(
                    egui::RichText::new(format!(
                        "{} {} {}, {} {}, {}. {}",
                        mc.trials,
                        display.t("trials over", "trekkingen over"),
                        mc.ranged_inputs,
                        display.t("inputs with a range; seed", "invoer met bandbreedte; seed"),
                        mc.seed,
                        if mc.risk_adjusted {
                            display.t("risk-adjusted", "risicogecorrigeerd")
                        } else {
                            display.t("unadjusted", "ongecorrigeerd")
                        },
                        display.t(
                            "P10: 1 in 10 trials ends lower; P90: 1 in 10 ends higher.",
                            "P10: 1 op 10 trekkingen eindigt lager; P90: 1 op 10 hoger.",
                        ),
                    ))
                    .small()
                    .weak(),
                );
                if let Some(r) = cx.running_mc {
                    progress_ui(ui, r, display);
                }
                let headers: Vec<GridCell> = ["P10", "P50", "P90", display.t("Mean", "Gemiddeld")]
                    .into_iter()
                    .map(|h| GridCell::new(h, Tone::Weak))
                    .collect();
                let rows: Vec<GridRow> = uv::percentile_rows(mc, lang)
                    .into_iter()
                    .map(|row| GridRow {
                        label: row.label.to_owned(),
                        strong: false,
                        cells: row
                            .values
                            .into_iter()
                            .map(|v| GridCell::new(v, Tone::Normal))
                            .collect(),
                    })
                    .collect();
                figure_grid(ui, &headers, &rows);
            } else if let Some(r) = cx.running_mc {
                progress_ui(ui, r, display);
            }
            if let Some(e) = &doc.analysis.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.add_space(10.0);
            goal_seek_ui(ui, doc, cx.options, cx.commands, cx.running_goal, display);
            if let Some((_, mc)) = &doc.analysis.monte_carlo
                && !doc.scenario.ranges.is_empty()
            {
                ui.add_space(10.0);
                histogram_ui(ui, mc, doc, display, cx.commands);
            }
            ui.add_space(10.0);
            tornado_ui(ui, doc, cx.options, cx.commands, cx.running_tornado, display);
        });
}

fn histogram_ui(
    ui: &mut egui::Ui,
    mc: &crate::analysis::monte_carlo::McResult,
    doc: &Document,
    display: Display,
    commands: &mut Vec<Command>,
) {
    let lang = display.lang;
    ui.label(
        egui::RichText::new(display.t(
            "When does it break even? Share of trials by month",
            "Wanneer is het break-even? Deel van de trekkingen per maand",
        ))
        .strong(),
    );
    ui.label(
        egui::RichText::new(display.t(
            "The grey bar after the last month: trials that do not break even within the horizon.",
            "De grijze balk na de laatste maand: trekkingen zonder break-even binnen de horizon.",
        ))
        .small()
        .weak(),
    );
    let bars = uv::histogram(mc, lang);
    let colour = scenario_colour(doc.colour);
    let never_colour = egui::Color32::from_rgb(0x95, 0x95, 0x95);
    let last = bars.len() as f64;
    let labels: Vec<(f64, String)> = bars.iter().map(|b| (b.x, b.label.clone())).collect();
    let response = Plot::new("break_even_histogram")
        .height(150.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show_x(false)
        .show_y(false)
        .x_axis_formatter(move |mark, _| {
            labels
                .iter()
                .find(|(x, _)| (x - mark.value).abs() < 1e-6)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        })
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 3.0, 6.0]))
        .y_axis_formatter(move |mark, _| uv::share(mark.value, lang))
        .include_x(0.0)
        .include_x(last + 1.0)
        .show(ui, |plot| {
            let chart = bars
                .iter()
                .map(|b| {
                    Bar::new(b.x, b.share)
                        .width(0.7)
                        .fill(if b.never { never_colour } else { colour })
                        .name(format!("{}: {}", b.label, uv::share(b.share, lang)))
                })
                .collect();
            plot.bar_chart(BarChart::new("break-even", chart).color(colour));
        });
    crate::ui::charts_ui::save_menu(
        &response.response,
        crate::report::build::Chart::Histogram,
        false,
        commands,
        lang,
    );
}

fn tornado_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    options: &mut UncertaintyOptions,
    commands: &mut Vec<Command>,
    running: Option<&Running>,
    display: Display,
) {
    let lang = display.lang;
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(display.t(
                "What matters most (tornado) for",
                "Wat het zwaarst weegt (tornado) voor",
            ))
            .strong(),
        );
        egui::ComboBox::from_id_salt("tornado_metric")
            .selected_text(uv::metric_name(options.tornado_metric, lang))
            .show_ui(ui, |ui| {
                for m in [Metric::NetBenefit, Metric::Npv, Metric::BreakEvenMonth] {
                    ui.selectable_value(&mut options.tornado_metric, m, uv::metric_name(m, lang));
                }
            })
            .response
            .accessible_name(display.t("Tornado result", "Tornado-uitkomst"));
        if let Some(r) = running {
            progress_ui(ui, r, display);
        }
    });
    let Some((_, _, tornado)) = &doc.analysis.tornado else {
        return;
    };
    if tornado.metric != options.tornado_metric {
        return;
    }
    ui.label(
        egui::RichText::new(format!(
            "{} {}. {}",
            display.t("Base (the headline figure):", "Basis (het kerncijfer):"),
            uv::metric_text(tornado.metric, tornado.base, lang),
            display.t(
                "Each input moved from its low to its high (or 20% either way without a range), the rest at their likely value. Click a bar to find the input.",
                "Elke invoer van laag naar hoog bewogen (of 20% naar elke kant zonder bandbreedte), de rest op de waarschijnlijke waarde. Klik op een balk om de invoer te vinden.",
            )
        ))
        .small()
        .weak(),
    );
    let bars = uv::tornado_bars(tornado, &doc.scenario, lang);
    let width = ui.available_width();
    let label_width = (width * 0.38).clamp(140.0, 260.0);
    let chart_width = (width - label_width - 20.0).max(120.0);
    let extent = bars
        .iter()
        .flat_map(|b| [b.at_low.abs(), b.at_high.abs()])
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let low_colour = initiative_colour(crate::model::Initiative::Custom);
    for bar in &bars {
        let row = ui.horizontal(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(label_width, 20.0),
                egui::Layout::right_to_left(egui::Align::Center),
                |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(&bar.label).small()).truncate());
                },
            );
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(chart_width, 18.0), egui::Sense::click());
            // The input's low value in a gutter on the left, its high value on the right, each
            // in its bar's colour; the bars between them.
            let gutter = value_gutter(chart_width);
            let centre = rect.center().x;
            let scale = (chart_width / 2.0 - gutter).max(10.0) as f64 / extent;
            let painter = ui.painter();
            let small = egui::TextStyle::Small.resolve(ui.style());
            let high_colour = sign_colour(true, display.dark);
            for (value, colour) in [(bar.at_low, low_colour), (bar.at_high, high_colour)] {
                let x = centre + (value * scale) as f32;
                let (l, r) = if x < centre { (x, centre) } else { (centre, x) };
                painter.rect_filled(
                    egui::Rect::from_x_y_ranges(l..=r.max(l + 1.0), rect.y_range()),
                    2.0,
                    colour,
                );
            }
            let y = rect.center().y;
            // Kept inside the chart: a value never runs into the labels.
            let clipped = painter.with_clip_rect(rect);
            clipped.text(
                egui::pos2(rect.left() + gutter - 4.0, y),
                egui::Align2::RIGHT_CENTER,
                compact_value(&bar.low_value),
                small.clone(),
                low_colour,
            );
            clipped.text(
                egui::pos2(rect.right() - gutter + 4.0, y),
                egui::Align2::LEFT_CENTER,
                compact_value(&bar.high_value),
                small,
                high_colour,
            );
            painter.vline(
                centre,
                rect.y_range(),
                egui::Stroke::new(1.0, ui.visuals().text_color()),
            );
            crate::ui::charts_ui::save_menu(
                &response,
                crate::report::build::Chart::Tornado(options.tornado_metric),
                false,
                commands,
                lang,
            );
            response
                .on_hover_text(&bar.hover)
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .accessible_name(format!(
                    "{}: {}",
                    display.t("Tornado", "Tornado"),
                    bar.label
                ))
        });
        if row.inner.clicked() {
            commands.push(Command::FocusInput(bar.path.clone()));
        }
    }
    // The money axis under the bars: the change from the base.
    let (axis, _) = ui.allocate_exact_size(egui::vec2(width, 16.0), egui::Sense::hover());
    let centre = axis.left() + label_width + 8.0 + chart_width / 2.0;
    let half = (chart_width / 2.0 - value_gutter(chart_width)).max(10.0);
    let small = egui::TextStyle::Small.resolve(ui.style());
    for k in [-1.0f32, -0.5, 0.0, 0.5, 1.0] {
        let value = extent * f64::from(k);
        let step = extent / 2.0;
        let text = match tornado.metric {
            crate::analysis::Metric::BreakEvenMonth => format!("{value:.1}"),
            crate::analysis::Metric::RoiPct => crate::format::percent_tick(value, step, lang),
            _ => crate::format::money_tick(value, step, lang),
        };
        ui.painter().text(
            egui::pos2(centre + half * k, axis.center().y),
            egui::Align2::CENTER_CENTER,
            if k > 0.0 { format!("+{text}") } else { text },
            small.clone(),
            ui.visuals().weak_text_color(),
        );
    }
    ui.horizontal(|ui| {
        ui.add_space(label_width);
        for (colour, text) in [
            (low_colour, display.t("input low", "invoer laag")),
            (
                sign_colour(true, display.dark),
                display.t("input high", "invoer hoog"),
            ),
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(egui::RichText::new(text).small());
        }
    });
}

/// An input's value as the tornado's gutter shows it: a long unit ("contacts/month") left
/// to the label, a short one ("%", "min", "FTE") kept.
fn compact_value(text: &str) -> &str {
    match text.split_once(' ') {
        Some((number, unit)) if unit.chars().count() > 5 => number,
        _ => text,
    }
}

/// The room on each side of the tornado's bars for the inputs' low and high values.
fn value_gutter(chart_width: f32) -> f32 {
    (chart_width * 0.22).clamp(60.0, 120.0)
}

fn goal_seek_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    options: &mut UncertaintyOptions,
    commands: &mut Vec<Command>,
    running: Option<&Running>,
    display: Display,
) {
    let lang = display.lang;
    ui.label(
        egui::RichText::new(display.t(
            "What must be true (goal seek)",
            "Wat moet er waar zijn (doelzoeken)",
        ))
        .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(display.t("Result", "Uitkomst"));
        egui::ComboBox::from_id_salt("goal_metric")
            .selected_text(uv::metric_name(options.goal_metric, lang))
            .show_ui(ui, |ui| {
                for m in [
                    Metric::BreakEvenMonth,
                    Metric::RoiPct,
                    Metric::Npv,
                    Metric::NetBenefit,
                ] {
                    ui.selectable_value(&mut options.goal_metric, m, uv::metric_name(m, lang));
                }
            })
            .response
            .accessible_name(display.t("Goal seek result", "Doelzoeker uitkomst"));
        ui.label(if options.goal_metric == Metric::BreakEvenMonth {
            display.t("by month", "uiterlijk in maand")
        } else {
            display.t("at least", "minstens")
        });
        ui.add(egui::TextEdit::singleline(&mut options.goal_target).desired_width(80.0))
            .accessible_name(display.t("Goal seek target", "Doelzoeker doel"));
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(display.t("by changing", "door te veranderen"));
        let current = uv::input_label(options.goal_input, &doc.scenario, lang);
        egui::ComboBox::from_id_salt("goal_input")
            .selected_text(current)
            .height(400.0)
            .show_ui(ui, |ui| {
                for d in all_inputs().filter(|d| {
                    d.path != "finance.horizon_months"
                        && !crate::model::finance::changes_no_figure(d.path)
                }) {
                    let label = format!("{} – {}", d.group.title().get(lang), d.label.get(lang));
                    ui.selectable_value(&mut options.goal_input, d.path, label);
                }
            })
            .response
            .accessible_name(display.t("Goal seek input", "Doelzoeker invoer"));
        if ui
            .button(display.t("Find the value", "Zoek de waarde"))
            .clicked()
        {
            commands.push(Command::RunGoalSeek);
        }
        if let Some(r) = running {
            progress_ui(ui, r, display);
        }
    });
    let Some((
        revision,
        Request::GoalSeek {
            input,
            metric,
            goal,
            ..
        },
        result,
    )) = &doc.analysis.goal_seek
    else {
        return;
    };
    let text = uv::goal_seek_text(input, &doc.scenario, *metric, *goal, result, lang);
    let stale = *revision != doc.revision();
    ui.add(egui::Label::new(text).wrap());
    if stale {
        ui.label(
            egui::RichText::new(display.t(
                "(found before the last change)",
                "(gevonden vóór de laatste wijziging)",
            ))
            .small()
            .weak(),
        );
    }
    if let GoalSeekResult::Found { value, .. } = result
        && !stale
    {
        for caveat in uv::goal_seek_caveats(input, &doc.scenario, *value, lang) {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(caveat)
                        .small()
                        .color(ui.visuals().warn_fg_color),
                )
                .wrap(),
            );
        }
    }
    if let GoalSeekResult::Found { value, .. } = result
        && !stale
        && Target::parse(input, &doc.scenario).is_some_and(|t| t.get(&doc.scenario) != *value)
        && ui
            .button(format!(
                "{} {}",
                display.t("Apply", "Toepassen"),
                uv::input_value(input, &doc.scenario, *value, lang)
            ))
            .clicked()
    {
        commands.push(Command::SetByPath(input.clone(), *value));
    }
}
