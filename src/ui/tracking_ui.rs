//! The Tracking tab: where an approved case stands against its plan. Cards "on track / behind
//! by €X" and the forecast beside the plan (coloured better or worse than plan), which
//! forecast the cards use with one sentence each on what it assumes, the cumulative net of
//! the plan, the actuals and the forecast (with the plan's P10-P90 band where there are
//! ranges), the gap split into volume and performance (by initiative and by driver), and a
//! month-by-figure grid to type actuals (empty cells are "as planned"; the plan's value shows
//! greyed in them; only the figures the scenario has).

use egui_plot::{HLine, Legend, Line, Plot, Points, Polygon};
use rust_decimal::Decimal;

use crate::format;
use crate::model::actuals::{FIELDS, Field, Kind};
use crate::sim::Projection;
use crate::sim::tracking::Tracking;
use crate::ui::command::Command;
use crate::ui::document::Document;
use crate::ui::palette::{scenario_colour, sign_colour};
use crate::ui::state::Display;
use crate::view::{to_plot, uncertainty};

pub use crate::ui::state::TrackingOptions;

/// Money that does not break after the euro sign.
fn money(d: Decimal, display: Display) -> String {
    format::money_whole(d, display.lang).replace(' ', "\u{a0}")
}

/// The plan's value of a field in a month, greyed in an empty cell: money with its currency,
/// counts whole.
fn planned(plan: Option<&Projection>, f: &Field, month: u32, display: Display) -> String {
    match plan.and_then(|p| p.observable(f, month)) {
        Some(v) if f.kind == Kind::Spend => format::money_whole(v, display.lang),
        Some(v) => format::number(v, f.decimals(), display.lang),
        None => display.t("plan", "plan").to_owned(),
    }
}

/// The figures the grid has a column for: those the scenario's initiatives and staffing
/// observe, and any a month already holds.
fn grid_fields(scenario: &crate::model::Scenario) -> Vec<&'static Field> {
    use crate::model::Initiative;
    FIELDS
        .iter()
        .filter(|f| {
            let needs = match f.key {
                "bot_resolved_contacts" | "spent_chatbot" => {
                    scenario.is_enabled(Initiative::Chatbot)
                }
                "spent_omnichannel" => scenario.is_enabled(Initiative::Omnichannel),
                "spent_training" => scenario.is_enabled(Initiative::Training),
                "spent_custom" => scenario.is_enabled(Initiative::Custom),
                _ => true,
            };
            needs || scenario.actuals.iter().any(|a| a.get(f).is_some())
        })
        .collect()
}

/// Draws the tab for `doc`.
pub fn tracking_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    display: Display,
    options: &mut TrackingOptions,
    commands: &mut Vec<Command>,
) {
    let Some(view) = doc.cached_view() else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(display.t("Import actuals (CSV)…", "Werkelijke cijfers importeren (CSV)…"))
                    .on_hover_text(display.t(
                        "A header row (month, then contacts, handle_time_minutes, fcr_pct, churn_monthly_pct, bot_resolved_contacts, agent_contacts, agent_fte, payroll, customers, spent_chatbot, …) and one row a month; ; or , between fields, either decimal mark. Imported months replace the same months here; one undo step.",
                        "Een kopregel (maand, dan contacten, afhandeltijd_minuten, fcr_pct, klantverloop_pct, door_bot_opgelost, agentcontacten, agents_fte, loonkosten, klanten, besteed_chatbot, …) en een regel per maand; ; of , tussen de velden, beide decimaaltekens. Geïmporteerde maanden vervangen dezelfde maanden hier; één stap ongedaan te maken.",
                    ))
                    .clicked()
                {
                    commands.push(Command::ImportActuals);
                }
                if ui
                    .button(display.t("Add a month", "Maand toevoegen"))
                    .clicked()
                {
                    commands.push(Command::AddActualMonth);
                }
            });
            ui.add_space(6.0);
            match &view.tracking {
                None => {
                    ui.label(display.t(
                        "No actuals yet. Import the months that have passed from your reporting tool, or add a month and type what was observed: contacts, handle time, first-contact resolution, churn, bot resolutions, the agents paid or their payroll, and what was spent per initiative. Whatever you leave empty is taken from the plan.",
                        "Nog geen werkelijke cijfers. Importeer de verstreken maanden uit uw rapportagetool, of voeg een maand toe en typ wat is waargenomen: contacten, afhandeltijd, first-contact resolution, klantverloop, botoplossingen, de betaalde agents of hun loonkosten, en wat per initiatief is besteed. Wat u leeg laat, komt uit het plan.",
                    ));
                }
                Some(t) => {
                    cards_ui(ui, t, view.projection.as_ref(), display, options.rebased);
                    ui.add_space(4.0);
                    forecast_choice_ui(ui, t, doc.scenario.finance.horizon_months, display, options);
                    ui.add_space(6.0);
                    chart_ui(ui, doc, t, display, options.rebased, commands);
                    ui.add_space(6.0);
                    split_ui(ui, t, &doc.scenario, display);
                }
            }
            ui.add_space(8.0);
            grid_ui(ui, doc, display, options, commands);
        });
}

fn card(ui: &mut egui::Ui, title: &str, value: &str, good: Option<bool>, other: &str, dark: bool) {
    crate::ui::cards_ui::figure_card(ui, title, value, good, other, dark);
}

fn cards_ui(
    ui: &mut egui::Ui,
    t: &Tracking,
    plan: Option<&crate::sim::Projection>,
    display: Display,
    rebased: bool,
) {
    let Some(plan) = plan else { return };
    let standing = crate::view::tracking::standing(t);
    let (status, good) = (
        crate::view::tracking::standing_text(standing, display.lang),
        standing.better(),
    );
    use crate::view::tracking::{break_even_versus_plan, versus_plan};
    let f = &t.forecast(rebased).adjusted.summary;
    let p = &plan.adjusted.summary;
    let month = |m: Option<u32>| {
        m.map_or_else(
            || display.t("none", "geen").to_owned(),
            |m| format!("{} {m}", display.t("month", "maand")),
        )
    };
    let pct = |d: Option<Decimal>| {
        d.map_or_else(|| "–".to_owned(), |d| format::percent(d, 1, display.lang))
    };
    let plan_word = display.t("plan", "plan");
    ui.columns(4, |cols| {
        let [a, b, c, d] = cols else { return };
        card(
            a,
            &format!(
                "{} {}",
                display.t("Cumulative net at month", "Cumulatief netto in maand"),
                t.last_month
            ),
            &status,
            good,
            &format!(
                "{} {} · {plan_word} {}",
                display.t("actual", "werkelijk"),
                money(
                    t.months
                        .last()
                        .map_or(Decimal::ZERO, |m| m.actual.cumulative_net),
                    display
                ),
                money(
                    t.months
                        .last()
                        .map_or(Decimal::ZERO, |m| m.planned.cumulative_net),
                    display
                )
            ),
            display.dark,
        );
        let (be, roi, npv) = if rebased {
            (
                display.t("Re-based break-even", "Herbaseerde break-even"),
                display.t("Re-based ROI", "Herbaseerde ROI"),
                display.t("Re-based NPV", "Herbaseerde NCW"),
            )
        } else {
            (
                display.t("Forecast break-even", "Verwachte break-even"),
                display.t("Forecast ROI", "Verwachte ROI"),
                display.t("Forecast NPV", "Verwachte NCW"),
            )
        };
        card(
            b,
            be,
            &month(f.break_even_month),
            break_even_versus_plan(f.break_even_month, p.break_even_month),
            &format!("{plan_word}: {}", month(p.break_even_month)),
            display.dark,
        );
        let roi_better = match (f.roi_pct, p.roi_pct) {
            (Some(f), Some(p)) => versus_plan(f, p, true),
            _ => None,
        };
        card(
            c,
            roi,
            &pct(f.roi_pct),
            roi_better,
            &format!("{plan_word}: {}", pct(p.roi_pct)),
            display.dark,
        );
        card(
            d,
            npv,
            &money(f.npv, display),
            versus_plan(f.npv, p.npv, true),
            &format!("{plan_word}: {}", money(p.npv, display)),
            display.dark,
        );
    });
}

fn chart_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    t: &Tracking,
    display: Display,
    rebased: bool,
    commands: &mut Vec<Command>,
) {
    let Some(view) = doc.cached_view() else {
        return;
    };
    let Some(plan) = &view.projection else { return };
    let lang = display.lang;
    let colour = scenario_colour(doc.colour);
    let actual_colour = if display.dark {
        egui::Color32::from_gray(230)
    } else {
        egui::Color32::from_gray(20)
    };
    let cumulative = |months: &[crate::sim::MonthFigures<Decimal>]| -> Vec<[f64; 2]> {
        std::iter::once([0.0, 0.0])
            .chain(
                months
                    .iter()
                    .map(|m| [f64::from(m.month), to_plot(m.cumulative_net)]),
            )
            .collect()
    };
    let plan_line = cumulative(&plan.adjusted.months);
    let forecast = &t.forecast(rebased).adjusted.months;
    let actual: Vec<[f64; 2]> = cumulative(forecast)
        .into_iter()
        .take(t.last_month as usize + 1)
        .collect();
    let ahead: Vec<[f64; 2]> = cumulative(forecast)
        .into_iter()
        .skip(t.last_month as usize)
        .collect();
    ui.label(
        egui::RichText::new(display.t(
            "Cumulative net: plan, actuals and forecast",
            "Cumulatief netto: plan, werkelijk en verwachting",
        ))
        .strong(),
    );
    let band = doc
        .analysis
        .monte_carlo
        .as_ref()
        .filter(|(_, mc)| mc.ranged_inputs > 0 && mc.risk_adjusted)
        .map(|(_, mc)| uncertainty::band(mc));
    let response = Plot::new("tracking_chart")
        .height(260.0)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .custom_x_axes(vec![crate::ui::charts_ui::month_axis_hints(lang)])
        .x_grid_spacer(crate::ui::charts_ui::month_grid())
        .custom_y_axes(vec![crate::ui::charts_ui::money_axis_hints(
            "€", lang, 84.0,
        )])
        .y_grid_spacer(crate::ui::charts_ui::nice_grid())
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.hline(HLine::new("", 0.0).color(egui::Color32::GRAY).width(1.0));
            if let Some(band) = &band {
                let fill = colour.gamma_multiply(0.15);
                for (a, b) in band.p10.windows(2).zip(band.p90.windows(2)) {
                    plot.polygon(
                        Polygon::new("", vec![a[0], a[1], b[1], b[0]])
                            .fill_color(fill)
                            .stroke(egui::Stroke::NONE),
                    );
                }
            }
            plot.line(
                Line::new(display.t("Plan", "Plan"), plan_line)
                    .color(colour)
                    .width(2.0),
            );
            plot.line(
                Line::new(
                    if rebased {
                        display.t("Forecast (re-based)", "Verwachting (herbaseerd)")
                    } else {
                        display.t("Forecast", "Verwachting")
                    },
                    ahead,
                )
                .color(actual_colour)
                .style(egui_plot::LineStyle::dashed_dense())
                .width(2.0),
            );
            plot.points(
                Points::new("", actual.clone())
                    .color(actual_colour)
                    .radius(3.5),
            );
            plot.line(
                Line::new(display.t("Actuals", "Werkelijk"), actual)
                    .color(actual_colour)
                    .width(3.0),
            );
        });
    crate::ui::charts_ui::save_menu(
        &response.response,
        crate::report::build::Chart::Tracking(rebased),
        false,
        commands,
        lang,
    );
}

/// Which forecast the cards and the chart use, each with the sentence of what it assumes.
fn forecast_choice_ui(
    ui: &mut egui::Ui,
    t: &Tracking,
    horizon: u32,
    display: Display,
    options: &mut TrackingOptions,
) {
    ui.label(
        egui::RichText::new(display.t(
            "The cards and the chart use:",
            "De kaarten en de grafiek gebruiken:",
        ))
        .weak(),
    );
    for rebased in [false, true] {
        let sentence = crate::view::tracking::forecast_sentence(t, rebased, horizon, display.lang);
        ui.radio_value(&mut options.rebased, rebased, sentence);
    }
}

/// The gap to plan split into volume and performance, by initiative and by driver.
fn split_ui(ui: &mut egui::Ui, t: &Tracking, scenario: &crate::model::Scenario, display: Display) {
    use crate::view::tracking::Depth;
    ui.label(
        egui::RichText::new(display.t(
            "The gap split: volume and performance",
            "Het verschil gesplitst: volume en prestatie",
        ))
        .strong(),
    )
    .on_hover_text(display.t(
        "Volume: the plan re-run at the contacts (and customers) observed, minus the plan. Performance: what happened minus that flexed plan, by initiative (its lines) and by driver (each driver's observations put in on top of the ones above). Both add up to the gap. Risk-adjusted, to the last month with actuals.",
        "Volume: het plan opnieuw doorgerekend met de waargenomen contacten (en klanten), min het plan. Prestatie: wat er gebeurde min dat aangepaste plan, per initiatief (zijn posten) en per oorzaak (de waarnemingen van elke oorzaak bovenop de vorige). Samen zijn ze het verschil. Na risicocorrectie, tot de laatste maand met cijfers.",
    ));
    // The notes take what the label and the figure leave, and wrap within it.
    let note_width = (ui.available_width() - 330.0).max(220.0);
    egui::Grid::new("variance_split")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for row in crate::view::tracking::split_rows(t, scenario, display.lang) {
                match row.depth {
                    Depth::Total => {
                        ui.label(egui::RichText::new(row.label).strong());
                    }
                    Depth::Heading => {
                        ui.label(egui::RichText::new(row.label).weak());
                    }
                    Depth::Part => {
                        ui.horizontal(|ui| {
                            ui.add_space(16.0);
                            ui.label(row.label);
                        });
                    }
                }
                match row.effect {
                    Some(effect) => {
                        let text = money(effect, display);
                        if format::round(effect, 0).is_zero() {
                            ui.label(text);
                        } else {
                            ui.colored_label(
                                sign_colour(effect > Decimal::ZERO, display.dark),
                                text,
                            );
                        }
                    }
                    None => {
                        ui.label("");
                    }
                }
                ui.allocate_ui(egui::vec2(note_width, 0.0), |ui| {
                    ui.set_width(note_width);
                    ui.add(egui::Label::new(egui::RichText::new(row.note).small().weak()).wrap());
                });
                ui.end_row();
            }
        });
}

fn grid_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    display: Display,
    options: &mut TrackingOptions,
    commands: &mut Vec<Command>,
) {
    let actuals = &doc.scenario.actuals;
    if actuals.is_empty() {
        return;
    }
    let plan = doc.cached_view().and_then(|v| v.projection.as_ref());
    let fields = grid_fields(&doc.scenario);
    ui.label(
        egui::RichText::new(display.t(
            "Actuals by month (empty: as planned; the plan's value shows greyed)",
            "Werkelijke cijfers per maand (leeg: volgens plan; de planwaarde staat grijs)",
        ))
        .strong(),
    );
    egui::ScrollArea::horizontal()
        .id_salt("actuals_grid")
        .show(ui, |ui| {
            egui::Grid::new("actuals")
                .striped(true)
                .spacing([6.0, 3.0])
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(display.t("Month", "Maand")).weak());
                    for f in &fields {
                        ui.label(
                            egui::RichText::new(format!(
                                "{} ({})",
                                f.label.get(display.lang),
                                f.unit.get(display.lang)
                            ))
                            .small()
                            .weak(),
                        );
                    }
                    ui.label("");
                    ui.end_row();
                    for a in actuals {
                        ui.label(a.month.to_string());
                        for f in &fields {
                            cell_ui(ui, a.month, f, a.get(f), plan, display, options, commands);
                        }
                        if ui
                            .small_button(display.t("Remove", "Verwijderen"))
                            .on_hover_text(display.t(
                                "Remove this month's actuals",
                                "De werkelijke cijfers van deze maand verwijderen",
                            ))
                            .clicked()
                        {
                            commands.push(Command::RemoveActualMonth(a.month));
                        }
                        ui.end_row();
                    }
                });
        });
}

#[allow(clippy::too_many_arguments)]
fn cell_ui(
    ui: &mut egui::Ui,
    month: u32,
    field: &'static Field,
    value: Option<Decimal>,
    plan: Option<&Projection>,
    display: Display,
    options: &mut TrackingOptions,
    commands: &mut Vec<Command>,
) {
    let editing = matches!(&options.entry, Some((m, k, _)) if *m == month && *k == field.key);
    let mut text = match &options.entry {
        Some((m, k, t)) if *m == month && *k == field.key => t.clone(),
        _ => value.map_or_else(String::new, |v| {
            let v = v.normalize();
            format::number(v, v.scale(), display.lang)
        }),
    };
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(78.0)
                .hint_text(planned(plan, field, month, display))
                .align(egui::Align2::RIGHT_CENTER),
        )
        .accessible_name(format!(
            "{} {} {month}",
            field.label.get(display.lang),
            display.t("month", "maand")
        ));
    if edit.gained_focus() || (edit.has_focus() && !editing) || edit.changed() {
        options.entry = Some((month, field.key, text.clone()));
    }
    if edit.lost_focus() && editing {
        options.entry = None;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            if value.is_some() {
                commands.push(Command::SetActual(month, field, None));
            }
        } else {
            match crate::model::reading::read_number(trimmed, display.lang) {
                Some(r) if r.value >= Decimal::ZERO && r.value <= field.max => {
                    if Some(r.value) != value {
                        commands.push(Command::SetActual(month, field, Some(r.value)));
                    }
                }
                _ => commands.push(Command::Refuse(format!(
                    "{} {} {month}: {trimmed:?} {} 0 {} {} ({})",
                    field.label.get(display.lang),
                    display.t("in month", "in maand"),
                    display.t("is not a number from", "is geen getal van"),
                    display.t("to", "tot"),
                    format::number(field.max, 0, display.lang),
                    field.unit.get(display.lang)
                ))),
            }
        }
    }
}
