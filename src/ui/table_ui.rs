//! The monthly table (built in [`crate::view::table`]): month, costs, benefits, net, cumulative
//! net and ROI to date with a totals row; the lines of each initiative open on demand beside
//! them with their subtotals. The header row and the month column stay in place while the rest
//! scrolls. A switch shows the case by year instead ([`crate::view::years`]): each line
//! risk-adjusted per year with its total and present value, the nets and their present value.

use crate::model::Initiative;
use crate::ui::figure_ui::{Tone, fitted_label};
use crate::ui::palette::{initiative_colour, sign_colour};
use crate::ui::state::Display;
use crate::view::ScenarioView;
use crate::view::table::{self, Cell, TableView};

const ROW_HEIGHT: f32 = 22.0;
const HEADER_HEIGHT: f32 = 40.0;
const MONTH_WIDTH: f32 = 64.0;
const MONEY_WIDTH: f32 = 108.0;
/// The narrowest a money column gets to fit the room: "€ -1.234.567" still fits.
const MONEY_MIN_WIDTH: f32 = 92.0;
/// Space before each group of lines.
const GROUP_GAP: f32 = 16.0;

/// Draws the monthly table of a scenario's view; `id` keeps which line groups are open apart
/// per scenario.
pub fn table_ui(
    ui: &mut egui::Ui,
    view: &ScenarioView,
    scenario: &crate::model::Scenario,
    id: u64,
    display: Display,
) {
    let Some(p) = &view.projection else { return };
    let by_year_id = egui::Id::unique("table_by_year");
    let mut by_year: bool = ui.data(|d| d.get_temp(by_year_id)).unwrap_or(false);
    ui.horizontal(|ui| {
        ui.selectable_value(&mut by_year, false, display.t("By month", "Per maand"));
        ui.selectable_value(&mut by_year, true, display.t("By year", "Per jaar"));
    });
    ui.data_mut(|d| d.insert_temp(by_year_id, by_year));
    if by_year {
        years_ui(ui, p, scenario, display);
        return;
    }
    let mut t = table::build(p, display.risk_adjusted, display.lang);
    // With a calendar the months carry their names.
    if scenario.finance.calendar.is_some() {
        for (i, label) in t.months.iter_mut().enumerate() {
            *label = crate::view::years::month_label(scenario, i as u32 + 1, display.lang);
        }
    }
    let open_id = egui::Id::unique(("table_open_groups", id));
    let mut open: Vec<Initiative> = ui.data(|d| d.get_temp(open_id)).unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&t.caption).weak());
        ui.separator();
        ui.label(display.t("Lines behind the totals:", "Posten achter de totalen:"));
        for g in &t.groups {
            let mut on = open.contains(&g.initiative);
            let label = egui::RichText::new(&g.title).color(initiative_colour(g.initiative));
            if ui
                .toggle_value(&mut on, label)
                .on_hover_text(display.t(
                    "Show this initiative's lines and subtotals beside the totals",
                    "Toon de posten en subtotalen van dit initiatief naast de totalen",
                ))
                .changed()
            {
                if on {
                    open.push(g.initiative);
                } else {
                    open.retain(|i| *i != g.initiative);
                }
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(open_id, open.clone()));
    grid_ui(ui, &t, &open, id, display);
}

/// The case by year: each line (costs negative) per year, its total and present value, then
/// the nets, in the variant shown.
fn years_ui(
    ui: &mut egui::Ui,
    p: &crate::sim::Projection,
    scenario: &crate::model::Scenario,
    display: Display,
) {
    use crate::ui::figure_ui::{GridCell, GridRow, figure_grid};
    use rust_decimal::Decimal;
    let y = crate::view::years::years(scenario, p, display.lang);
    let money = |d: Decimal| crate::format::money_whole(d, display.lang);
    let mut headers: Vec<GridCell> = y
        .years
        .iter()
        .map(|year| GridCell::new(&year.label, Tone::Weak))
        .collect();
    headers.push(GridCell::new(display.t("Total", "Totaal"), Tone::Weak));
    headers.push(GridCell::new(
        display.t("Present value", "Contante waarde"),
        Tone::Weak,
    ));
    let row = |label: String, values: &[Decimal], pv: Option<Decimal>, strong: bool| {
        let tone = if strong { Tone::Strong } else { Tone::Normal };
        let mut cells: Vec<GridCell> = values
            .iter()
            .map(|&v| GridCell::new(money(v), tone))
            .collect();
        cells.push(GridCell::new(money(values.iter().sum()), tone));
        cells.push(GridCell::new(pv.map_or_else(String::new, money), tone));
        GridRow {
            label,
            strong,
            cells,
        }
    };
    let mut rows = Vec::new();
    for l in &y.lines {
        let Some(line) = p.lines.get(l.line) else {
            continue;
        };
        let (signed, pv) = l.signed(display.risk_adjusted);
        rows.push(row(
            crate::text::line_name(line, display.lang),
            &signed,
            Some(pv),
            false,
        ));
    }
    let (totals, pv) = y.variant(display.risk_adjusted);
    let nets: Vec<Decimal> = totals.iter().map(|t| t.net).collect();
    rows.push(row(
        display.t("Net", "Netto").to_owned(),
        &nets,
        Some(pv.iter().sum()),
        true,
    ));
    rows.push(row(
        display
            .t("Present value of the net", "Contante waarde van het netto")
            .to_owned(),
        pv,
        None,
        false,
    ));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            figure_grid(ui, &headers, &rows);
            ui.add(
                egui::Label::new(
                    egui::RichText::new(display.t(
                        "Costs negative, benefits positive. Present values at the discount rate, each month's amount at its end: the present values add up to the NPV. The finance settings set a calendar (financial years), the initial investment as year 0, and the longer view.",
                        "Kosten negatief, baten positief. Contante waarden tegen de disconteringsvoet, elk maandbedrag aan het eind van de maand: samen zijn ze de NCW. In de financiële instellingen stelt u een kalender in (boekjaren), de initiële investering als jaar 0, en de langere termijn.",
                    ))
                    .small()
                    .weak(),
                )
                .wrap(),
            );
        });
}

/// Where a cell goes and what it shows.
struct Placed<'a> {
    x: f32,
    width: f32,
    column: &'a table::Column,
    initiative: Option<Initiative>,
    strong: bool,
}

/// The table laid out by hand inside a scroll area in both directions, so the header row stays
/// at the top and the month column at the left while the rest scrolls under them.
fn grid_ui(ui: &mut egui::Ui, t: &TableView, open: &[Initiative], id: u64, display: Display) {
    // The main columns fit the room when they can (down to the width of the longest figure,
    // about "€ -1.234.567"); the lines opened beside them scroll, under the month column.
    let room = ui.available_width() - MONTH_WIDTH - ui.spacing().scroll.bar_width - 4.0;
    let money_width = (room / t.main.len().max(1) as f32).clamp(MONEY_MIN_WIDTH, MONEY_WIDTH);
    let mut placed = Vec::new();
    let mut x = MONTH_WIDTH;
    for column in &t.main {
        placed.push(Placed {
            x,
            width: money_width,
            column,
            initiative: None,
            strong: true,
        });
        x += money_width;
    }
    for g in t.groups.iter().filter(|g| open.contains(&g.initiative)) {
        x += GROUP_GAP;
        for column in &g.columns {
            placed.push(Placed {
                x,
                width: money_width,
                column,
                initiative: Some(g.initiative),
                strong: false,
            });
            x += money_width;
        }
    }
    let rows = t.months.len() + 1;
    let size = egui::vec2(x, HEADER_HEIGHT + rows as f32 * ROW_HEIGHT);
    let stripe = ui.visuals().faint_bg_color;
    let background = ui.visuals().panel_fill;
    let line = ui.visuals().widgets.noninteractive.bg_stroke;
    egui::ScrollArea::both()
        .id_salt(("monthly_table", id))
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let origin = rect.min;
            let at = |x: f32, y: f32, w: f32, h: f32| {
                egui::Rect::from_min_size(origin + egui::vec2(x, y), egui::vec2(w, h))
            };
            let visible = viewport.translate(origin.to_vec2());
            let painter = ui.painter().clone();
            // Rows: only those in view.
            for r in 0..rows {
                let y = HEADER_HEIGHT + r as f32 * ROW_HEIGHT;
                let row_rect = at(0.0, y, size.x, ROW_HEIGHT);
                if !row_rect.intersects(visible) {
                    continue;
                }
                let total = r == t.months.len();
                if r % 2 == 1 {
                    painter.rect_filled(row_rect, 0.0, stripe);
                }
                if total {
                    painter.hline(row_rect.x_range(), row_rect.top(), line);
                }
                for p in &placed {
                    let cell_rect = at(p.x, y, p.width, ROW_HEIGHT).shrink2(egui::vec2(6.0, 0.0));
                    if !cell_rect.intersects(visible) {
                        continue;
                    }
                    let cell = if total {
                        &p.column.total
                    } else {
                        match p.column.cells.get(r) {
                            Some(c) => c,
                            None => continue,
                        }
                    };
                    ui.scope_builder(
                        egui::UiBuilder::new()
                            .max_rect(cell_rect)
                            .layout(egui::Layout::right_to_left(egui::Align::Center)),
                        |ui| cell_ui(ui, cell, display.dark, p.strong || total),
                    );
                }
            }
            // The header row, kept at the top of the view.
            let top = visible.top();
            let header_band =
                egui::Rect::from_x_y_ranges(visible.x_range(), top..=top + HEADER_HEIGHT);
            painter.rect_filled(header_band, 0.0, background);
            painter.hline(header_band.x_range(), header_band.bottom(), line);
            for p in &placed {
                let cell_rect = egui::Rect::from_min_size(
                    egui::pos2(origin.x + p.x, top),
                    egui::vec2(p.width, HEADER_HEIGHT),
                )
                .shrink2(egui::vec2(6.0, 2.0));
                if !cell_rect.intersects(visible) {
                    continue;
                }
                ui.scope_builder(
                    egui::UiBuilder::new()
                        .max_rect(cell_rect)
                        .layout(egui::Layout::top_down(egui::Align::Max)),
                    |ui| {
                        let mut text = egui::RichText::new(&p.column.header).strong();
                        if let Some(i) = p.initiative {
                            text = text.small().color(initiative_colour(i));
                        }
                        ui.add(egui::Label::new(text).wrap())
                            .on_hover_text(&p.column.hover);
                    },
                );
            }
            // The month column, kept at the left of the view.
            let left = visible.left();
            let month_band = egui::Rect::from_x_y_ranges(
                left..=left + MONTH_WIDTH,
                visible.top()..=visible.bottom().min(rect.bottom()),
            );
            painter.rect_filled(month_band, 0.0, background);
            painter.vline(month_band.right(), month_band.y_range(), line);
            for r in 0..rows {
                let y = origin.y + HEADER_HEIGHT + r as f32 * ROW_HEIGHT;
                if y + ROW_HEIGHT <= top + HEADER_HEIGHT || y >= visible.bottom() {
                    continue;
                }
                let cell_rect = egui::Rect::from_min_size(
                    egui::pos2(left + 6.0, y),
                    egui::vec2(MONTH_WIDTH - 12.0, ROW_HEIGHT),
                );
                if r % 2 == 1 {
                    painter.rect_filled(
                        egui::Rect::from_min_size(
                            egui::pos2(left, y),
                            egui::vec2(MONTH_WIDTH, ROW_HEIGHT),
                        ),
                        0.0,
                        stripe,
                    );
                }
                let label = t.months.get(r).unwrap_or(&t.total_label);
                ui.scope_builder(
                    egui::UiBuilder::new()
                        .max_rect(cell_rect)
                        .layout(egui::Layout::left_to_right(egui::Align::Center)),
                    |ui| {
                        if r == t.months.len() {
                            ui.strong(label);
                        } else {
                            ui.label(label);
                        }
                    },
                );
            }
            let corner = egui::Rect::from_min_size(
                egui::pos2(left, top),
                egui::vec2(MONTH_WIDTH, HEADER_HEIGHT),
            );
            painter.rect_filled(corner, 0.0, background);
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(corner.shrink2(egui::vec2(6.0, 2.0)))
                    .layout(egui::Layout::left_to_right(egui::Align::Min)),
                |ui| {
                    ui.strong(display.t("Month", "Maand"));
                },
            );
        });
}

fn cell_ui(ui: &mut egui::Ui, cell: &Cell, dark: bool, strong: bool) {
    if cell.text == "–" {
        ui.weak("–");
        return;
    }
    let tone = match (cell.positive, strong) {
        (Some(positive), _) => Tone::Colour(sign_colour(positive, dark)),
        (None, true) => Tone::Strong,
        (None, false) => Tone::Normal,
    };
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    fitted_label(ui, &cell.text, size, tone);
}
