//! The Tracking tab: where an approved case stands against its plan. Cards "on track / behind
//! by €X" and the forecast beside the plan, the cumulative net of the plan, the actuals and the
//! forecast (with the plan's P10-P90 band where there are ranges), the three observed figures
//! that moved the net to date most, and a month-by-figure grid to type actuals (empty cells
//! are "as planned"; the plan's value shows greyed in them).

use egui_plot::{HLine, Legend, Line, Plot, Points, Polygon};
use rust_decimal::Decimal;

use crate::format;
use crate::model::actuals::{FIELDS, Field};
use crate::sim::Kpis;
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

/// The plan's value of a field in a month, greyed in an empty cell.
fn planned(k: Option<&Kpis<Decimal>>, f: &Field, display: Display) -> String {
    let Some(k) = k else {
        return String::new();
    };
    match k.by_key(f.key) {
        Some(v) => format::number(v, 1, display.lang),
        None => display.t("plan", "plan").to_owned(),
    }
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
                        "A header row (month, then contacts, handle_time_minutes, fcr_pct, churn_monthly_pct, bot_resolved_contacts, agent_contacts, agent_fte, customers, spent_chatbot, …) and one row a month; ; or , between fields, either decimal mark. Imported months replace the same months here; one undo step.",
                        "Een kopregel (maand, dan contacten, afhandeltijd_minuten, fcr_pct, klantverloop_pct, door_bot_opgelost, agentcontacten, agents_fte, klanten, besteed_chatbot, …) en een regel per maand; ; of , tussen de velden, beide decimaaltekens. Geïmporteerde maanden vervangen dezelfde maanden hier; één stap ongedaan te maken.",
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
                if view.tracking.is_some() {
                    ui.checkbox(
                        &mut options.rebased,
                        display.t(
                            "Re-base the rest of the plan on the last month",
                            "De rest van het plan herbaseren op de laatste maand",
                        ),
                    )
                    .on_hover_text(display.t(
                        "Each figure observed in the last month is taken as the same ratio to the plan in every later month.",
                        "Elk cijfer dat in de laatste maand is waargenomen, geldt in elke latere maand in dezelfde verhouding tot het plan.",
                    ));
                }
            });
            ui.add_space(6.0);
            match &view.tracking {
                None => {
                    ui.label(display.t(
                        "No actuals yet. Import the months that have passed from your reporting tool, or add a month and type what was observed: contacts, handle time, first-contact resolution, churn, bot resolutions, and what was spent per initiative. Whatever you leave empty is taken from the plan.",
                        "Nog geen werkelijke cijfers. Importeer de verstreken maanden uit uw rapportagetool, of voeg een maand toe en typ wat is waargenomen: contacten, afhandeltijd, first-contact resolution, klantverloop, botoplossingen en wat per initiatief is besteed. Wat u leeg laat, komt uit het plan.",
                    ));
                }
                Some(t) => {
                    cards_ui(ui, t, view.projection.as_ref(), display, options.rebased);
                    ui.add_space(6.0);
                    chart_ui(ui, doc, t, display, options.rebased, commands);
                    ui.add_space(6.0);
                    variances_ui(ui, t, &doc.scenario, display);
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
        Some(standing.good()),
    );
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
        card(
            b,
            display.t("Forecast break-even", "Verwachte break-even"),
            &month(f.break_even_month),
            Some(
                f.break_even_month.is_some()
                    && f.break_even_month <= p.break_even_month.or(Some(u32::MAX)),
            ),
            &format!("{plan_word}: {}", month(p.break_even_month)),
            display.dark,
        );
        card(
            c,
            display.t("Forecast ROI", "Verwachte ROI"),
            &pct(f.roi_pct),
            f.roi_pct.map(|r| r >= Decimal::ZERO),
            &format!("{plan_word}: {}", pct(p.roi_pct)),
            display.dark,
        );
        card(
            d,
            display.t("Forecast NPV", "Verwachte NCW"),
            &money(f.npv, display),
            Some(f.npv >= Decimal::ZERO),
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
        .x_axis_label(display.t("Month", "Maand"))
        .x_grid_spacer(crate::ui::charts_ui::month_grid())
        .y_axis_formatter(move |m, _| crate::ui::charts_ui::money_tick(m, lang))
        .y_axis_min_width(84.0)
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

fn variances_ui(
    ui: &mut egui::Ui,
    t: &Tracking,
    scenario: &crate::model::Scenario,
    display: Display,
) {
    if t.variances.is_empty() {
        return;
    }
    ui.label(
        egui::RichText::new(display.t(
            "What moved the net to date most",
            "Wat het netto tot nu toe het meest bewoog",
        ))
        .strong(),
    )
    .on_hover_text(display.t(
        "Each observed figure put in alone, all others as planned: the change in the cumulative net to date (risk-adjusted).",
        "Elk waargenomen cijfer apart ingevuld, de rest volgens plan: de verandering van het cumulatieve netto tot nu toe (na risicocorrectie).",
    ));
    egui::Grid::new("variances")
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for h in [
                display.t("Figure", "Cijfer"),
                display.t("Planned", "Gepland"),
                display.t("Observed", "Waargenomen"),
                display.t("Effect to date", "Effect tot nu"),
            ] {
                ui.label(egui::RichText::new(h).weak());
            }
            ui.end_row();
            for v in t.variances.iter().take(3) {
                ui.label(format!(
                    "{} ({} {})",
                    v.field.label.get(display.lang),
                    display.t("month", "maand"),
                    v.month
                ));
                ui.label(crate::text::actual_value(v.field, v.planned, display.lang));
                ui.label(crate::text::actual_value(v.field, v.observed, display.lang));
                let effect = format::money_whole(v.effect, display.lang);
                let rounded = format::round(v.effect, 0);
                if rounded.is_zero() {
                    ui.label(effect);
                } else {
                    ui.colored_label(sign_colour(rounded > Decimal::ZERO, display.dark), effect);
                }
                ui.end_row();
            }
        });
    // Where to look, wrapped under the table: the plan's assumptions each figure tests.
    for v in t.variances.iter().take(3) {
        let behind = crate::text::assumption_labels(v.field, scenario, display.lang);
        if behind.is_empty() {
            continue;
        }
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!(
                    "{} – {}: {}",
                    v.field.label.get(display.lang),
                    display.t("assumptions behind it", "aannames erachter"),
                    behind.join(", ")
                ))
                .small()
                .weak(),
            )
            .wrap(),
        );
    }
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
    let kpis: &[Kpis<Decimal>] = doc
        .cached_view()
        .and_then(|v| v.projection.as_ref())
        .map_or(&[], |p| &p.kpis);
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
                    for f in &FIELDS {
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
                        for f in &FIELDS {
                            cell_ui(
                                ui,
                                a.month,
                                f,
                                a.get(f),
                                kpis.get(a.month as usize - 1),
                                display,
                                options,
                                commands,
                            );
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
    plan: Option<&Kpis<Decimal>>,
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
                .hint_text(planned(plan, field, display))
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
