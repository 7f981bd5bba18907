//! The comparison tab (built in [`crate::view::compare`]): what each initiative of the selected
//! scenario adds, then the shown scenarios' headline figures against it (what-if minus base,
//! green where better for the business) and every input that differs.

use crate::ui::app::Display;
use crate::ui::document::Document;
use crate::ui::palette::{scenario_colour, sign_colour};
use crate::view::compare::{self, CompareView, Compared};

/// Names longer than this are shortened in column headings (the full name is on hover); they
/// wrap onto two lines within the column.
const NAME_MAX_CHARS: usize = 30;
/// The width of a scenario's column: four fit beside the labels in the default 1280×800 window.
const COLUMN_WIDTH: f32 = 108.0;

/// A scenario name that fits a column: at most [`NAME_MAX_CHARS`] characters, shortened in
/// the middle so what tells what-ifs apart (the end) stays.
pub fn short_name(name: &str) -> String {
    crate::view::names::short_middle(name, NAME_MAX_CHARS)
}

/// A column heading: the scenario's name in its colour, shortened, the full name on hover.
fn heading_ui(ui: &mut egui::Ui, doc: &Document) {
    let name = doc.title();
    ui.add(
        egui::Label::new(
            egui::RichText::new(short_name(name))
                .strong()
                .color(scenario_colour(doc.colour)),
        )
        .wrap(),
    )
    .on_hover_text(name);
}

fn initiatives_ui(ui: &mut egui::Ui, doc: &Document, display: Display) {
    let Some(p) = doc.cached_view().and_then(|v| v.projection.as_ref()) else {
        return;
    };
    let rows = compare::initiative_rows(p, display.risk_adjusted, display.lang);
    if rows.is_empty() {
        return;
    }
    ui.label(
        egui::RichText::new(display.t(
            "What each initiative adds",
            "Wat elk initiatief toevoegt",
        ))
        .strong(),
    )
    .on_hover_text(display.t(
        "On its own: the scenario with only this initiative. Adds: the whole scenario's net benefit minus its net benefit without this initiative.",
        "Op zichzelf: het scenario met alleen dit initiatief. Voegt toe: de netto opbrengst van het hele scenario min die zonder dit initiatief.",
    ));
    egui::Grid::new("initiatives")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for h in compare::initiative_headings(display.lang) {
                ui.label(egui::RichText::new(h).weak());
            }
            ui.end_row();
            for row in &rows {
                let name = egui::RichText::new(&row.name);
                ui.label(if row.total { name.strong() } else { name });
                for cell in [&row.alone_net, &row.alone_roi, &row.alone_break_even] {
                    ui.label(cell);
                }
                let adds = egui::RichText::new(&row.adds);
                ui.label(if row.total { adds.strong() } else { adds });
                ui.end_row();
            }
        });
    if rows.iter().any(|r| r.total) {
        ui.add(
            egui::Label::new(
                egui::RichText::new(compare::interaction_note(display.lang))
                    .small()
                    .weak(),
            )
            .wrap(),
        );
    }
    ui.add_space(12.0);
}

/// Draws the comparison of `docs`; the first is the base.
pub fn compare_ui(ui: &mut egui::Ui, docs: &[&Document], display: Display) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let Some(base) = docs.first() else { return };
            initiatives_ui(ui, base, display);
            if docs.len() < 2 {
                ui.label(display.t(
                    "Tick a second scenario in the list on the left (or duplicate this one as a what-if) to compare.",
                    "Vink links een tweede scenario aan (of dupliceer dit scenario als wat-als) om te vergelijken.",
                ));
                return;
            }
            let compared: Vec<Compared<'_>> = docs
                .iter()
                .map(|d| Compared {
                    name: d.title(),
                    scenario: &d.scenario,
                    projection: d.cached_view().and_then(|v| v.projection.as_ref()),
                })
                .collect();
            let view = CompareView::build(&compared, display.risk_adjusted, display.lang);
            figures_ui(ui, docs, &view, display);
            ui.add_space(12.0);
            inputs_ui(ui, docs, &view, display);
        });
}

fn figures_ui(ui: &mut egui::Ui, docs: &[&Document], view: &CompareView, display: Display) {
    ui.label(egui::RichText::new(display.t("Headline figures", "Kerncijfers")).strong());
    ui.label(
        egui::RichText::new(format!(
            "{} ({}). {}",
            view.change_heading,
            display.t("what-if minus base", "wat-als min basis"),
            display.t(
                "Green: better for the business; red: worse.",
                "Groen: beter voor het bedrijf; rood: slechter.",
            )
        ))
        .small()
        .weak(),
    );
    egui::Grid::new("compare_figures")
        .striped(true)
        .spacing([10.0, 2.0])
        .min_col_width(COLUMN_WIDTH)
        .max_col_width(COLUMN_WIDTH)
        .show(ui, |ui| {
            ui.label("");
            for d in docs {
                heading_ui(ui, d);
            }
            ui.end_row();
            for row in &view.figures {
                ui.add(egui::Label::new(row.label).wrap());
                for (i, value) in row.values.iter().enumerate() {
                    ui.vertical(|ui| {
                        ui.label(value);
                        if let Some(change) = i.checked_sub(1).and_then(|j| row.changes.get(j)) {
                            let mut text = egui::RichText::new(&change.text).small();
                            if let Some(better) = change.better {
                                text = text.color(sign_colour(better, display.dark));
                            }
                            ui.label(text).on_hover_text(&view.change_heading);
                        }
                    });
                }
                ui.end_row();
            }
        });
}

fn inputs_ui(ui: &mut egui::Ui, docs: &[&Document], view: &CompareView, display: Display) {
    ui.label(egui::RichText::new(display.t("Inputs that differ", "Invoer die verschilt")).strong());
    if view.inputs.is_empty() {
        ui.label(display.t("No input differs.", "Geen invoer verschilt."));
        return;
    }
    egui::Grid::new("compare_inputs")
        .striped(true)
        .spacing([10.0, 4.0])
        .min_col_width(COLUMN_WIDTH)
        .max_col_width(COLUMN_WIDTH)
        .show(ui, |ui| {
            ui.label("");
            for d in docs {
                heading_ui(ui, d);
            }
            ui.end_row();
            for row in &view.inputs {
                ui.add(egui::Label::new(&row.label).wrap());
                for v in &row.values {
                    ui.label(v);
                }
                ui.end_row();
            }
        });
}
