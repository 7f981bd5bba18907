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
    for (r, row) in slots.chunks(per_row).enumerate() {
        // The cards of a row as tall as its tallest was on the last frame, so a row reads as
        // one band whatever wraps in one card.
        let id = egui::Id::unique("card_row_height").with(r);
        let tallest = ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(0.0);
        let height = ui.columns(per_row, |cols| {
            let mut height = 0.0_f32;
            for (slot, ui) in row.iter().zip(cols.iter_mut()) {
                let inner = match slot {
                    Some(card) => card_ui(ui, card, display.dark, tallest),
                    None => match chance.as_mut() {
                        Some(c) => chance_card_ui(ui, c, display, tallest),
                        None => 0.0,
                    },
                };
                height = height.max(inner);
            }
            height
        });
        if (height - tallest).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(id, height));
            ui.ctx().request_repaint();
        }
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

/// The chance card, at least `min_height` tall; gives the height its content needs.
fn chance_card_ui(
    ui: &mut egui::Ui,
    c: &mut ChanceCard<'_>,
    display: Display,
    min_height: f32,
) -> f32 {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    let mut content = 0.0;
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // (egui measures a minimum height from the cursor: set before the content.)
            ui.set_min_height((min_height - frame_height(ui)).max(0.0));
            let top = ui.cursor().top();
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
            content = ui.cursor().top() - top - ui.spacing().item_spacing.y;
        })
        .response;
    response.on_hover_text(display.t(
        "The share of Monte Carlo trials (each drawing the ranged inputs) whose cumulative net reaches zero by that month.",
        "Het deel van de Monte Carlo-trekkingen (elk met getrokken invoer binnen de bandbreedtes) waarvan het cumulatieve netto resultaat uiterlijk die maand nul bereikt.",
    ));
    content + frame_height(ui)
}

/// What a card's frame adds to its content's height: the margins and the stroke.
fn frame_height(ui: &egui::Ui) -> f32 {
    2.0 * 6.0 + 2.0 * ui.visuals().widgets.noninteractive.bg_stroke.width
}

/// A headline card at least `min_height` tall; gives the height its content needs.
fn card_ui(ui: &mut egui::Ui, card: &Card, dark: bool, min_height: f32) -> f32 {
    let (response, content) = figure_card_sized(
        ui,
        (card.title, &card.value, card.good, &card.other),
        dark,
        min_height,
    );
    response.on_hover_text(egui::RichText::new(&card.formula).monospace());
    content
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
    figure_card_sized(ui, (title, value, good, other), dark, 0.0).0
}

/// [`figure_card`] at least `min_height` tall, with the height its content needs.
fn figure_card_sized(
    ui: &mut egui::Ui,
    (title, value, good, other): (&str, &str, Option<bool>, &str),
    dark: bool,
    min_height: f32,
) -> (egui::Response, f32) {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    let mut content = 0.0;
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // (egui measures a minimum height from the cursor: set before the content.)
            ui.set_min_height((min_height - frame_height(ui)).max(0.0));
            // Columns lay out justified, which spreads a wrapped line's letters apart.
            let inner = ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
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
            content = inner.response.rect.height();
        })
        .response;
    (response, content + frame_height(ui))
}

/// The size of egui's small text in `ui`'s style.
pub fn small_size(ui: &egui::Ui) -> f32 {
    egui::TextStyle::Small.resolve(ui.style()).size
}
