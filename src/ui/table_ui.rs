//! The monthly table: one row per month, a column per cost and benefit line, then totals, net
//! and cumulative. The header stays in view while the rows scroll.

use egui_extras::{Column, TableBuilder};
use rust_decimal::Decimal;

use crate::format;
use crate::model::LineKind;
use crate::ui::app::PlannerApp;
use crate::ui::i18n::t;
use crate::ui::palette::{initiative_colour, sign_colour};

/// Draws the monthly table of document `id`.
pub fn table_ui(app: &PlannerApp, ui: &mut egui::Ui, id: u64) {
    let lang = app.lang;
    let Some(doc) = app.doc(id) else { return };
    let Some(p) = doc.cached_view().and_then(|v| v.projection.as_ref()) else {
        return;
    };
    let adjusted = app.risk_adjusted;
    let figures = p.figures(adjusted);
    let money = |d: Decimal| format::money_whole(d, lang);
    let right = egui::Layout::right_to_left(egui::Align::Center);
    ui.label(
        egui::RichText::new(if adjusted {
            t(
                lang,
                "Risk-adjusted amounts, in euro",
                "Risicogecorrigeerde bedragen, in euro",
            )
        } else {
            t(
                lang,
                "Unadjusted amounts, in euro",
                "Ongecorrigeerde bedragen, in euro",
            )
        })
        .weak(),
    );
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt(("monthly", id))
            .striped(true)
            .cell_layout(right)
            .column(Column::exact(56.0));
        table = table.columns(Column::exact(112.0), p.lines.len() + 4);
        table
            .header(58.0, |mut header| {
                header.col(|ui| {
                    ui.strong(t(lang, "Month", "Maand"));
                });
                for line in &p.lines {
                    header.col(|ui| {
                        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
                            ui.label(
                                egui::RichText::new(line.initiative.title().get(lang))
                                    .small()
                                    .color(initiative_colour(line.initiative)),
                            );
                            let name = match line.id {
                                crate::sim::LineRef::Model(m) => m.title().get(lang).to_owned(),
                                crate::sim::LineRef::Custom(_) => line.name.clone(),
                            };
                            let kind = match line.kind {
                                LineKind::Cost => t(lang, "cost", "kosten"),
                                LineKind::Benefit => t(lang, "benefit", "baat"),
                            };
                            ui.add(
                                egui::Label::new(egui::RichText::new(&name).small().strong())
                                    .wrap(),
                            )
                            .on_hover_text(format!("{name} ({kind})"));
                        });
                    });
                }
                for title in [
                    t(lang, "Costs", "Kosten"),
                    t(lang, "Benefits", "Baten"),
                    t(lang, "Net", "Netto"),
                    t(lang, "Cumulative", "Cumulatief"),
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|mut body| {
                for m in &figures.months {
                    body.row(20.0, |mut row| {
                        row.col(|ui| {
                            ui.label(m.month.to_string());
                        });
                        for line in &p.lines {
                            row.col(|ui| {
                                let amount = p.line_amount(line, m.month, adjusted);
                                if amount.is_zero() {
                                    ui.weak("–");
                                } else {
                                    ui.label(money(amount));
                                }
                            });
                        }
                        for (value, signed) in [
                            (m.costs, false),
                            (m.benefits, false),
                            (m.net, true),
                            (m.cumulative_net, true),
                        ] {
                            row.col(|ui| {
                                let text = egui::RichText::new(money(value)).strong();
                                let text = if signed {
                                    text.color(sign_colour(value >= Decimal::ZERO, app.dark))
                                } else {
                                    text
                                };
                                ui.label(text);
                            });
                        }
                    });
                }
            });
    });
}
