//! The KPI tab: the operational figures a manager tracks, before and after at the end of the
//! horizon (built in [`crate::view::kpi`]), and charts of cost per contact and agents needed
//! over time, so the money can be checked against them.

use egui_plot::{HLine, Legend, Line, Plot};

use crate::report::build::Chart;
use crate::ui::charts_ui::save_menu;
use crate::ui::command::Command;
use crate::ui::figure_ui::{GridCell, GridRow, Tone, figure_grid};
use crate::ui::palette::sign_colour;
use crate::ui::state::Display;
use crate::view::{ScenarioView, kpi};

/// The colour of "with the initiatives" in the KPI charts.
const WITH: egui::Color32 = egui::Color32::from_rgb(0x1f, 0x6f, 0xb4);
/// The colour of "without any initiative".
const WITHOUT: egui::Color32 = egui::Color32::from_rgb(0x95, 0x95, 0x95);

/// Draws the KPI tab of a scenario's view.
pub fn kpi_ui(
    ui: &mut egui::Ui,
    view: &ScenarioView,
    display: Display,
    commands: &mut Vec<Command>,
) {
    let Some(p) = &view.projection else { return };
    let lang = display.lang;
    let rows = kpi::rows(p, lang);
    let today = kpi::today_differs(p);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                egui::RichText::new(format!(
                    "{} {}",
                    display.t(
                        "Operational figures in month",
                        "Operationele cijfers in maand"
                    ),
                    p.horizon_months
                ))
                .strong(),
            );
            ui.label(
                egui::RichText::new(display.t(
                    "Before: the contact centre without any initiative. After: with them. Check the money against these.",
                    "Voor: het klantcontactcentrum zonder initiatieven. Na: met de initiatieven. Toets het geld hieraan.",
                ))
                .small()
                .weak(),
            );
            let mut headers = Vec::new();
            if today {
                headers.push(GridCell::new(display.t("Today", "Vandaag"), Tone::Weak));
            }
            for h in [
                display.t("Before", "Voor"),
                display.t("After", "Na"),
                display.t("Change", "Verschil"),
            ] {
                headers.push(GridCell::new(h, Tone::Weak));
            }
            let grid: Vec<GridRow> = rows
                .iter()
                .map(|row| {
                    let mut cells = Vec::new();
                    if today {
                        cells.push(GridCell::new(&row.today, Tone::Normal));
                    }
                    cells.push(GridCell::new(&row.before, Tone::Normal));
                    cells.push(GridCell::new(&row.after, Tone::Strong));
                    let tone = row.better.map_or(Tone::Normal, |better| {
                        Tone::Colour(sign_colour(better, display.dark))
                    });
                    cells.push(GridCell::new(&row.change, tone));
                    GridRow {
                        label: row.label.to_owned(),
                        strong: false,
                        cells,
                    }
                })
                .collect();
            figure_grid(ui, &headers, &grid);
            if let Some(check) = kpi::headcount(p, view.kpi.agents_entered_fte, lang) {
                ui.add_space(4.0);
                let colour = if check.apart {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().weak_text_color()
                };
                ui.colored_label(colour, check.text);
            }
            ui.add_space(10.0);
            let height = ((ui.available_height() - 40.0) / 1.0).clamp(160.0, 260.0);
            ui.columns(2, |cols| {
                let [left, right] = cols else { return };
                left.label(
                    egui::RichText::new(display.t("Cost per contact (€)", "Kosten per contact (€)"))
                        .strong(),
                );
                let response = Plot::new("kpi_cost")
                    .height(height)
                    .custom_x_axes(vec![crate::ui::charts_ui::month_axis_hints(display.lang)])
                    .x_grid_spacer(crate::ui::charts_ui::month_grid())
                    .legend(Legend::default().position(egui_plot::Corner::RightTop))
                    .allow_scroll(false)
                    .show(left, |plot| {
                        plot.line(
                            Line::new(
                                display.t("without initiatives", "zonder initiatieven"),
                                view.kpi.baseline_cost_per_contact.clone(),
                            )
                            .color(WITHOUT),
                        );
                        plot.line(
                            Line::new(
                                display.t("with initiatives", "met initiatieven"),
                                view.kpi.cost_per_contact.clone(),
                            )
                            .color(WITH)
                            .width(2.5),
                        );
                    });
                save_menu(&response.response, Chart::CostPerContact, false, commands, display.lang);
                right.label(
                    egui::RichText::new(display.t("Agents needed (FTE)", "Benodigde agents (fte)"))
                        .strong(),
                );
                let response = Plot::new("kpi_agents")
                    .height(height)
                    .custom_x_axes(vec![crate::ui::charts_ui::month_axis_hints(display.lang)])
                    .x_grid_spacer(crate::ui::charts_ui::month_grid())
                    .legend(Legend::default().position(egui_plot::Corner::RightTop))
                    .allow_scroll(false)
                    .show(right, |plot| {
                        plot.hline(
                            HLine::new(
                                display.t("headcount entered", "ingevoerd aantal"),
                                view.kpi.agents_entered,
                            )
                            .color(egui::Color32::from_rgb(0xc0, 0x80, 0x20))
                            .style(egui_plot::LineStyle::dashed_loose()),
                        );
                        plot.line(
                            Line::new(
                                display.t("without initiatives", "zonder initiatieven"),
                                view.kpi.baseline_agents_needed.clone(),
                            )
                            .color(WITHOUT),
                        );
                        plot.line(
                            Line::new(
                                display.t("with initiatives", "met initiatieven"),
                                view.kpi.agents_needed.clone(),
                            )
                            .color(WITH)
                            .width(2.5),
                        );
                        // With a headcount path: the FTE paid, which follow the workload
                        // only as people leave, are hired or let go.
                        if !view.kpi.paid_fte.is_empty() {
                            plot.line(
                                Line::new(
                                    display.t("paid, without", "betaald, zonder"),
                                    view.kpi.baseline_paid_fte.clone(),
                                )
                                .color(WITHOUT)
                                .style(egui_plot::LineStyle::dashed_dense()),
                            );
                            plot.line(
                                Line::new(
                                    display.t("paid, with", "betaald, met"),
                                    view.kpi.paid_fte.clone(),
                                )
                                .color(WITH)
                                .width(2.0)
                                .style(egui_plot::LineStyle::dashed_dense()),
                            );
                        }
                    });
                save_menu(&response.response, Chart::Agents, false, commands, display.lang);
            });
            if !view.kpi.service_level.is_empty() {
                ui.add_space(8.0);
                ui.label(
                    egui::RichText::new(display.t(
                        "Answered within the target seconds (%)",
                        "Binnen de doelseconden beantwoord (%)",
                    ))
                    .strong(),
                );
                Plot::new("kpi_service")
                    .height(height * 0.8)
                    .custom_x_axes(vec![crate::ui::charts_ui::month_axis_hints(display.lang)])
                    .x_grid_spacer(crate::ui::charts_ui::month_grid())
                    .legend(Legend::default().position(egui_plot::Corner::RightBottom))
                    .allow_scroll(false)
                    .include_y(0.0)
                    .include_y(100.0)
                    .show(ui, |plot| {
                        plot.hline(
                            HLine::new(
                                display.t("target", "doel"),
                                view.kpi.service_level_target,
                            )
                            .color(egui::Color32::from_rgb(0xc0, 0x80, 0x20))
                            .style(egui_plot::LineStyle::dashed_loose()),
                        );
                        plot.line(
                            Line::new(
                                display.t("without initiatives", "zonder initiatieven"),
                                view.kpi.baseline_service_level.clone(),
                            )
                            .color(WITHOUT),
                        );
                        plot.line(
                            Line::new(
                                display.t("with initiatives", "met initiatieven"),
                                view.kpi.service_level.clone(),
                            )
                            .color(WITH)
                            .width(2.5),
                        );
                    });
            }
        });
}
