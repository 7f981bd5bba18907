//! The comparison tab (built in [`crate::view::compare`]): what each initiative of the selected
//! scenario adds, then the shown scenarios' headline figures against it (what-if minus base,
//! green where better for the business) and every input that differs.

use crate::ui::document::Document;
use crate::ui::figure_ui::{GridCell, GridRow, Tone, figure_grid};
use crate::ui::palette::{scenario_colour, sign_colour};
use crate::ui::state::Display;
use crate::view::compare::{self, CompareView, Compared};

/// Column headings keep at least this many characters of a name (shortened in the middle, so
/// what tells what-ifs apart, the end, stays; the full name is on hover).
const NAME_MAX_CHARS: usize = 30;

/// The column headings: each scenario's name in its colour, shortened to two lines of its
/// column (at least [`NAME_MAX_CHARS`] characters), the whole name on hover.
fn headings(docs: &[&Document], width: f32) -> Vec<GridCell> {
    // The label column and one per scenario; about 7 points a character.
    let column = width / (docs.len() + 1) as f32;
    let max = ((2.0 * column / 7.0) as usize).max(NAME_MAX_CHARS);
    docs.iter()
        .map(|d| GridCell {
            text: crate::view::names::short_middle(d.title(), max),
            tone: Tone::Colour(scenario_colour(d.colour)),
            note: None,
            hover: Some(d.title().to_owned()),
        })
        .collect()
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
    let headings = compare::initiative_headings(display.lang);
    let headers: Vec<GridCell> = headings
        .iter()
        .skip(1)
        .map(|h| GridCell::new(*h, Tone::Weak))
        .collect();
    let grid: Vec<GridRow> = rows
        .iter()
        .map(|row| {
            let tone = if row.total {
                Tone::Strong
            } else {
                Tone::Normal
            };
            GridRow {
                label: row.name.clone(),
                strong: row.total,
                cells: vec![
                    GridCell::new(&row.alone_net, Tone::Normal),
                    GridCell::new(&row.alone_roi, Tone::Normal),
                    GridCell::new(&row.alone_break_even, Tone::Normal),
                    GridCell::new(&row.adds, tone),
                ],
            }
        })
        .collect();
    figure_grid(ui, &headers, &grid);
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
    longer_view_ui(ui, doc, p, display);
    ui.add_space(12.0);
}

/// Each initiative's verdict where it costs more than it brings, and the case at its horizon
/// beside the longer view (risk-adjusted).
fn longer_view_ui(ui: &mut egui::Ui, doc: &Document, p: &crate::sim::Projection, display: Display) {
    let longer = doc.cached_longer_view();
    for sentence in crate::view::horizons::verdicts(p, longer, display.lang) {
        ui.add(egui::Label::new(sentence).wrap());
    }
    let Some(longer) = longer else { return };
    let view = crate::view::horizons::LongerView::build(p, longer, display.lang);
    ui.add_space(6.0);
    ui.label(
        egui::RichText::new(crate::tr!(
            display.lang,
            "At {} and at {} months (risk-adjusted)",
            "Na {} en na {} maanden (na risicocorrectie)",
            view.horizons.0,
            view.horizons.1
        ))
        .strong(),
    )
    .on_hover_text(display.t(
        "The same case over more months: the longer view in the finance settings. It changes none of the figures of the horizon.",
        "Dezelfde case over meer maanden: de langere termijn in de financiële instellingen. Die verandert geen cijfer van de horizon.",
    ));
    let headers = [
        GridCell::new(
            &crate::tr!(display.lang, "{} months", "{} maanden", view.horizons.0),
            Tone::Weak,
        ),
        GridCell::new(
            &crate::tr!(display.lang, "{} months", "{} maanden", view.horizons.1),
            Tone::Weak,
        ),
    ];
    let warn = Tone::Colour(crate::ui::palette::sign_colour(false, display.dark));
    let grid: Vec<GridRow> = view
        .rows
        .iter()
        .map(|r| GridRow {
            label: if r.flips {
                crate::tr!(
                    display.lang,
                    "{} (the verdict changes)",
                    "{} (het oordeel verandert)",
                    r.label
                )
            } else {
                r.label.clone()
            },
            strong: false,
            cells: vec![
                GridCell::new(&r.at_horizon, if r.flips { warn } else { Tone::Normal }),
                GridCell::new(&r.at_longer, Tone::Normal),
            ],
        })
        .collect();
    figure_grid(ui, &headers, &grid);
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
    let grid: Vec<GridRow> = view
        .figures
        .iter()
        .map(|row| GridRow {
            label: row.label.to_owned(),
            strong: false,
            cells: row
                .values
                .iter()
                .enumerate()
                .map(|(i, value)| {
                    let mut cell = GridCell::new(value, Tone::Normal);
                    if let Some(change) = i.checked_sub(1).and_then(|j| row.changes.get(j)) {
                        let tone = change.better.map_or(Tone::Weak, |better| {
                            Tone::Colour(sign_colour(better, display.dark))
                        });
                        cell.note = Some((change.text.clone(), tone));
                        cell.hover = Some(view.change_heading.clone());
                    }
                    cell
                })
                .collect(),
        })
        .collect();
    figure_grid(ui, &headings(docs, ui.available_width()), &grid);
}

fn inputs_ui(ui: &mut egui::Ui, docs: &[&Document], view: &CompareView, display: Display) {
    ui.label(egui::RichText::new(display.t("Inputs that differ", "Invoer die verschilt")).strong());
    if view.inputs.is_empty() {
        ui.label(display.t("No input differs.", "Geen invoer verschilt."));
        return;
    }
    let grid: Vec<GridRow> = view
        .inputs
        .iter()
        .map(|row| GridRow {
            label: row.label.clone(),
            strong: false,
            cells: row
                .values
                .iter()
                .map(|v| GridCell::new(v, Tone::Normal))
                .collect(),
        })
        .collect();
    figure_grid(ui, &headings(docs, ui.available_width()), &grid);
}
