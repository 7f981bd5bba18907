//! The headline cards (built in [`crate::view::cards`]) and, under them, the warnings a reader
//! must see.

use crate::analysis::monte_carlo::McResult;
use crate::text;
use crate::ui::analysis_worker::Running;
use crate::ui::app::Display;
use crate::ui::palette::sign_colour;
use crate::view::ScenarioView;
use crate::view::cards::{Card, cards};
use crate::view::uncertainty::chance;

/// The card "Chance of breaking even by month M", for a scenario with ranges.
pub struct ChanceCard<'a> {
    /// The last Monte Carlo result, if any.
    pub result: Option<&'a McResult>,
    /// The month M, chosen by the user.
    pub month: &'a mut u32,
    /// The horizon, the largest M.
    pub horizon: u32,
    /// The run under way, if any.
    pub running: Option<&'a Running>,
}

/// Draws the cards of a scenario's view, or what stops it from computing, and its warnings.
pub fn cards_ui(
    ui: &mut egui::Ui,
    view: &ScenarioView,
    display: Display,
    chance: Option<ChanceCard<'_>>,
) {
    let Some(p) = &view.projection else {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.colored_label(
                ui.visuals().error_fg_color,
                display.t(
                    "This scenario cannot be computed:",
                    "Dit scenario kan niet worden berekend:",
                ),
            );
            for problem in &view.problems {
                ui.label(problem);
            }
        });
        return;
    };
    let cards = cards(p, display.risk_adjusted, display.lang);
    let count = cards.len() + usize::from(chance.is_some());
    let per_row = if ui.available_width() > count as f32 * 128.0 {
        count
    } else {
        count.div_ceil(2)
    };
    let mut chance = chance;
    let mut slots: Vec<Option<&Card>> = cards.iter().map(Some).collect();
    if chance.is_some() {
        slots.push(None);
    }
    for row in slots.chunks(per_row) {
        ui.columns(per_row, |cols| {
            for (slot, ui) in row.iter().zip(cols.iter_mut()) {
                match slot {
                    Some(card) => card_ui(ui, card, display.dark),
                    None => {
                        if let Some(c) = chance.as_mut() {
                            chance_card_ui(ui, c, display);
                        }
                    }
                }
            }
        });
    }
    let warnings = p.warnings(display.risk_adjusted);
    if !warnings.is_empty() {
        ui.add_space(2.0);
        for w in &warnings {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    egui::RichText::new(display.t("Warning:", "Let op:"))
                        .small()
                        .strong(),
                );
                ui.label(egui::RichText::new(text::warning(w, display.lang)).small());
            });
        }
    }
}

fn chance_card_ui(ui: &mut egui::Ui, c: &mut ChanceCard<'_>, display: Display) {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 3.0;
                ui.label(
                    egui::RichText::new(display.t(
                        "Chance of break-even by month",
                        "Kans op break-even uiterlijk in maand",
                    ))
                    .small()
                    .weak(),
                );
                ui.add(
                    egui::DragValue::new(c.month)
                        .range(1..=c.horizon.max(1))
                        .speed(0.2),
                )
                .on_hover_text(display.t("Drag or type a month", "Sleep of typ een maand"))
                .accessible_name(display.t(
                    "Chance of break-even by month",
                    "Kans op break-even uiterlijk in maand",
                ));
            });
            // The same lines whether a result is there yet or not, so nothing moves when it
            // arrives; a spinner beside the figure while a run takes longer than a moment.
            let (value, other) = match c.result {
                Some(mc) => chance(mc, *c.month, display.lang),
                None => ("…".to_owned(), String::new()),
            };
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(value).size(19.0).strong());
                if let Some(r) = c.running
                    && r.started.elapsed().as_millis() > 150
                {
                    ui.add(egui::Spinner::new().size(12.0));
                }
            });
            ui.label(egui::RichText::new(other).small().weak());
        })
        .response;
    response.on_hover_text(display.t(
        "The share of Monte Carlo trials (each drawing the ranged inputs) whose cumulative net reaches zero by that month.",
        "Het deel van de Monte Carlo-trekkingen (elk met getrokken invoer binnen de bandbreedtes) waarvan het cumulatieve netto resultaat uiterlijk die maand nul bereikt.",
    ));
}

fn card_ui(ui: &mut egui::Ui, card: &Card, dark: bool) {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Columns lay out justified, which spreads a wrapped line's letters apart.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.label(egui::RichText::new(card.title).small().weak());
                let mut value = egui::RichText::new(&card.value).size(19.0).strong();
                if let Some(good) = card.good {
                    value = value.color(sign_colour(good, dark));
                }
                ui.label(value);
                ui.label(egui::RichText::new(&card.other).small().weak());
            });
        })
        .response;
    response.on_hover_text(egui::RichText::new(&card.formula).monospace());
}
