//! The headline cards (built in [`crate::view::cards`]) and, under them, the warnings a reader
//! must see.

use crate::text;
use crate::ui::app::Display;
use crate::ui::palette::sign_colour;
use crate::view::ScenarioView;
use crate::view::cards::{Card, cards};

/// Draws the cards of a scenario's view, or what stops it from computing, and its warnings.
pub fn cards_ui(ui: &mut egui::Ui, view: &ScenarioView, display: Display) {
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
    let per_row = if ui.available_width() > 6.0 * 128.0 {
        6
    } else {
        3
    };
    for row in cards.chunks(per_row) {
        ui.columns(per_row, |cols| {
            for (card, ui) in row.iter().zip(cols.iter_mut()) {
                card_ui(ui, card, display.dark);
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

fn card_ui(ui: &mut egui::Ui, card: &Card, dark: bool) {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(card.title).small().weak());
            let mut value = egui::RichText::new(&card.value).size(19.0).strong();
            if let Some(good) = card.good {
                value = value.color(sign_colour(good, dark));
            }
            ui.label(value);
            ui.label(egui::RichText::new(&card.other).small().weak());
        })
        .response;
    response.on_hover_text(egui::RichText::new(&card.formula).monospace());
}
