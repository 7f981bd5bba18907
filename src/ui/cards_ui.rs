//! The headline cards (built in [`crate::view::cards`]) and, under them, the warnings a reader
//! must see.

use crate::analysis::monte_carlo::McResult;
use crate::text;
use crate::ui::analysis_worker::Running;
use crate::ui::figure_ui::{Tone, fitted_label};
use crate::ui::palette::sign_colour;
use crate::ui::state::Display;
use crate::view::ScenarioView;
use crate::view::cards::{Card, cards};
use crate::view::uncertainty::chance;

/// The narrowest a card is laid out before the cards take another row: "€1,234,567" at the
/// figure's size fits.
const CARD_MIN_WIDTH: f32 = 118.0;

/// The size of a card's main figure.
pub const FIGURE_SIZE: f32 = 19.0;

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
    // As many to a row as fit at a width where a figure reads at full size, in even rows.
    let fit = ((ui.available_width() / CARD_MIN_WIDTH).floor() as usize).clamp(1, count);
    let rows = count.div_ceil(fit);
    let per_row = count.div_ceil(rows);
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
                ui.label(egui::RichText::new(text::warning_sentence(w, display.lang)).small());
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
                fitted_label(ui, &value, FIGURE_SIZE, Tone::Strong);
                if let Some(r) = c.running
                    && r.started.elapsed().as_millis() > 150
                {
                    ui.add(egui::Spinner::new().size(12.0));
                }
            });
            fitted_label(ui, &other, small_size(ui), Tone::Weak);
        })
        .response;
    response.on_hover_text(display.t(
        "The share of Monte Carlo trials (each drawing the ranged inputs) whose cumulative net reaches zero by that month.",
        "Het deel van de Monte Carlo-trekkingen (elk met getrokken invoer binnen de bandbreedtes) waarvan het cumulatieve netto resultaat uiterlijk die maand nul bereikt.",
    ));
}

fn card_ui(ui: &mut egui::Ui, card: &Card, dark: bool) {
    figure_card(ui, card.title, &card.value, card.good, &card.other, dark)
        .on_hover_text(egui::RichText::new(&card.formula).monospace());
}

/// A card: a small title, the figure (in the better-or-worse colour when `good` says), and a
/// small line under it; every text fitted so no figure breaks (see [`crate::ui::figure_ui`]).
pub fn figure_card(
    ui: &mut egui::Ui,
    title: &str,
    value: &str,
    good: Option<bool>,
    other: &str,
    dark: bool,
) -> egui::Response {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Columns lay out justified, which spreads a wrapped line's letters apart.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                let small = small_size(ui);
                // The title a little above small text: it must read from the back of a room.
                fitted_label(ui, title, small + 1.5, Tone::Weak);
                let tone = match good {
                    Some(good) => Tone::Colour(sign_colour(good, dark)),
                    None => Tone::Strong,
                };
                fitted_label(ui, value, FIGURE_SIZE, tone);
                fitted_label(ui, other, small, Tone::Weak);
            });
        })
        .response
}

/// The size of egui's small text in `ui`'s style.
pub fn small_size(ui: &egui::Ui) -> f32 {
    egui::TextStyle::Small.resolve(ui.style()).size
}
