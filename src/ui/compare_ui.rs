//! The difference view: the shown scenarios side by side, every headline figure with its
//! change against the selected scenario, and every input that differs.

use rust_decimal::Decimal;

use crate::format;
use crate::model::{Lang, Scenario, all_inputs};
use crate::sim::Summary;
use crate::ui::app::{COMPARE_MAX, PlannerApp};
use crate::ui::i18n::t;
use crate::ui::palette::scenario_colour;

/// A headline figure: its name, how to read it from a summary, and how to show it.
struct Figure {
    name: (&'static str, &'static str),
    get: fn(&Summary<Decimal>) -> Option<Decimal>,
    show: fn(Decimal, Lang) -> String,
}

fn money(d: Decimal, lang: Lang) -> String {
    format::money_whole(d, lang)
}
fn pct(d: Decimal, lang: Lang) -> String {
    format::percent(d, 1, lang)
}
fn months(d: Decimal, lang: Lang) -> String {
    format::months(d, lang)
}

const FIGURES: [Figure; 8] = [
    Figure {
        name: ("ROI", "ROI"),
        get: |s| s.roi_pct,
        show: pct,
    },
    Figure {
        name: ("Net benefit", "Netto opbrengst"),
        get: |s| Some(s.net_benefit),
        show: money,
    },
    Figure {
        name: ("Total benefits", "Totale baten"),
        get: |s| Some(s.total_benefits),
        show: money,
    },
    Figure {
        name: ("Total costs", "Totale kosten"),
        get: |s| Some(s.total_costs),
        show: money,
    },
    Figure {
        name: ("Break-even month", "Break-evenmaand"),
        get: |s| s.break_even_month.map(Decimal::from),
        show: months_whole,
    },
    Figure {
        name: ("Payback (months)", "Terugverdientijd (maanden)"),
        get: |s| s.payback_months,
        show: months,
    },
    Figure {
        name: ("NPV", "NCW"),
        get: |s| Some(s.npv),
        show: money,
    },
    Figure {
        name: ("IRR (a year)", "IRR (per jaar)"),
        get: |s| s.irr_annual_pct,
        show: pct,
    },
];

fn months_whole(d: Decimal, lang: Lang) -> String {
    format::number(d, 0, lang)
}

/// A column heading: the scenario's name in its colour.
fn scenario_heading(ui: &mut egui::Ui, doc: &crate::ui::document::Document) {
    ui.label(
        egui::RichText::new(doc.title())
            .strong()
            .color(scenario_colour(doc.colour)),
    );
}

/// Draws what each initiative of document `id` does on its own and adds to the whole.
fn initiatives_ui(app: &PlannerApp, ui: &mut egui::Ui, id: u64) {
    let lang = app.lang;
    let Some(p) = app
        .doc(id)
        .and_then(|d| d.cached_view())
        .and_then(|v| v.projection.as_ref())
    else {
        return;
    };
    if p.initiatives.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(t(lang, "What each initiative adds", "Wat elk initiatief toevoegt")).strong())
        .on_hover_text(t(
            lang,
            "On its own: the scenario with only this initiative. Adds: the whole scenario's net benefit minus its net benefit without this initiative; the initiatives interact, so these do not simply add up.",
            "Op zichzelf: het scenario met alleen dit initiatief. Voegt toe: de netto opbrengst van het hele scenario min die zonder dit initiatief; de initiatieven beïnvloeden elkaar, dus dit telt niet zomaar op.",
        ));
    egui::Grid::new("initiatives")
        .striped(true)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            for h in [
                t(lang, "Initiative", "Initiatief"),
                t(
                    lang,
                    "Net benefit on its own",
                    "Netto opbrengst op zichzelf",
                ),
                t(lang, "ROI on its own", "ROI op zichzelf"),
                t(lang, "Break-even on its own", "Break-even op zichzelf"),
                t(lang, "Adds to the whole", "Voegt toe aan het geheel"),
            ] {
                ui.label(egui::RichText::new(h).weak());
            }
            ui.end_row();
            for i in &p.initiatives {
                let (alone, adds) = if app.risk_adjusted {
                    (&i.standalone_adjusted, i.marginal_net_benefit_adjusted)
                } else {
                    (&i.standalone, i.marginal_net_benefit)
                };
                ui.label(i.initiative.title().get(lang));
                ui.label(money(alone.net_benefit, lang));
                ui.label(
                    alone
                        .roi_pct
                        .map_or_else(|| "–".to_owned(), |r| pct(r, lang)),
                );
                ui.label(alone.break_even_month.map_or_else(
                    || "–".to_owned(),
                    |m| format!("{} {m}", t(lang, "month", "maand")),
                ));
                ui.label(money(adds, lang));
                ui.end_row();
            }
        });
    ui.add_space(12.0);
}

/// Draws the difference view with the selected scenario as the base.
pub fn compare_ui(app: &PlannerApp, ui: &mut egui::Ui, id: u64) {
    let lang = app.lang;
    initiatives_ui(app, ui, id);
    let mut docs: Vec<_> = app.docs.iter().filter(|d| d.id == id).collect();
    docs.extend(
        app.docs
            .iter()
            .filter(|d| d.shown && d.id != id)
            .take(COMPARE_MAX - 1),
    );
    if docs.len() < 2 {
        ui.label(t(
            lang,
            "Tick a second scenario in the list on the left (or duplicate this one as a what-if) to compare.",
            "Vink links een tweede scenario aan (of dupliceer dit scenario als wat-als) om te vergelijken.",
        ));
        return;
    }
    let adjusted = app.risk_adjusted;
    let summaries: Vec<Option<&Summary<Decimal>>> = docs
        .iter()
        .map(|d| {
            d.cached_view()
                .and_then(|v| v.projection.as_ref())
                .map(|p| &p.figures(adjusted).summary)
        })
        .collect();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(egui::RichText::new(t(lang, "Headline figures", "Kerncijfers")).strong());
        egui::Grid::new("compare_figures")
            .striped(true)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for (i, d) in docs.iter().enumerate() {
                    scenario_heading(ui, d);
                    if i > 0 {
                        ui.label(egui::RichText::new(t(lang, "change", "verschil")).weak());
                    }
                }
                ui.end_row();
                for f in &FIGURES {
                    ui.label(t(lang, f.name.0, f.name.1));
                    let base = summaries.first().copied().flatten().and_then(f.get);
                    for (i, s) in summaries.iter().enumerate() {
                        let value = s.and_then(f.get);
                        ui.label(value.map_or_else(|| "–".to_owned(), |v| (f.show)(v, lang)));
                        if i > 0 {
                            let change = match (value, base) {
                                (Some(v), Some(b)) => {
                                    let d = v - b;
                                    let sign = if d > Decimal::ZERO { "+" } else { "" };
                                    format!("{sign}{}", (f.show)(d, lang))
                                }
                                _ => "–".to_owned(),
                            };
                            ui.label(egui::RichText::new(change).weak());
                        }
                    }
                    ui.end_row();
                }
            });
        ui.add_space(12.0);
        ui.label(
            egui::RichText::new(t(lang, "Inputs that differ", "Invoer die verschilt")).strong(),
        );
        let scenarios: Vec<&Scenario> = docs.iter().map(|d| &d.scenario).collect();
        let differing = differing_inputs(&scenarios, lang);
        if differing.is_empty() {
            ui.label(t(lang, "No input differs.", "Geen invoer verschilt."));
            return;
        }
        egui::Grid::new("compare_inputs")
            .striped(true)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for d in &docs {
                    scenario_heading(ui, d);
                }
                ui.end_row();
                for (label, values) in differing {
                    ui.label(label);
                    for v in values {
                        ui.label(v);
                    }
                    ui.end_row();
                }
            });
    });
}

/// Every input (and initiative switch) whose value differs between the scenarios: its label
/// and the value in each.
pub fn differing_inputs(scenarios: &[&Scenario], lang: Lang) -> Vec<(String, Vec<String>)> {
    let mut rows = Vec::new();
    let Some(first) = scenarios.first() else {
        return rows;
    };
    for initiative in crate::model::Initiative::ALL {
        if scenarios
            .iter()
            .any(|s| s.is_enabled(initiative) != first.is_enabled(initiative))
        {
            let values = scenarios
                .iter()
                .map(|s| {
                    if s.is_enabled(initiative) {
                        t(lang, "on", "aan")
                    } else {
                        t(lang, "off", "uit")
                    }
                    .to_owned()
                })
                .collect();
            rows.push((initiative.title().get(lang).to_owned(), values));
        }
    }
    for input in all_inputs() {
        let base = first.get(input);
        if scenarios.iter().any(|s| s.get(input) != base) {
            let unit = input.unit.symbol().get(lang);
            let label = format!(
                "{} – {}",
                input.group.title().get(lang),
                input.label.get(lang)
            );
            let values = scenarios
                .iter()
                .map(|s| {
                    format!(
                        "{} {unit}",
                        format::number(
                            s.get(input).normalize(),
                            s.get(input).normalize().scale(),
                            lang
                        )
                    )
                })
                .collect();
            rows.push((label, values));
        }
    }
    if scenarios
        .iter()
        .any(|s| s.custom.lines != first.custom.lines)
    {
        let values = scenarios
            .iter()
            .map(|s| format!("{} {}", s.custom.lines.len(), t(lang, "lines", "posten")))
            .collect();
        rows.push((
            crate::model::Initiative::Custom
                .title()
                .get(lang)
                .to_owned(),
            values,
        ));
    }
    rows
}
