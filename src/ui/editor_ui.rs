//! The scenario editor, built from the engine's input descriptors: one collapsible group per
//! part of the scenario, a slider and an exact-entry field per input, hover text from the
//! descriptor's meaning.

use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::format;
use crate::model::{
    CustomLine, Group, Initiative, InputDescriptor, Lang, RampShape, Scenario, Timing, Unit,
    group_inputs,
};
use crate::sim::RiskClass;
use crate::ui::app::{Display, Editing, ramp_name};
use crate::ui::command::Command;
use crate::ui::document::Document;
use crate::view::compare::no_benefit_while_training_label;
use crate::view::{kpi, to_plot};

/// Decimals an input is edited with.
fn decimals(input: &InputDescriptor) -> u32 {
    match input.unit {
        _ if input.whole => 0,
        Unit::Percent
        | Unit::PercentPerYear
        | Unit::PercentPerMonth
        | Unit::Minutes
        | Unit::Weeks => 1,
        Unit::EurPerResolution | Unit::EurPerHour | Unit::EurPerCustomerMonth => 2,
        _ => 0,
    }
}

/// A value as shown in notes and hover texts: the language's marks, no needless zeros.
fn shown(d: Decimal, input: &InputDescriptor, lang: Lang) -> String {
    let d = format::round(d, decimals(input)).normalize();
    format::number(d, d.scale(), lang)
}

/// The slider's range: the whole allowed range for percentages and months, otherwise up to a
/// few times the default (or the current value), so a drag moves in useful steps.
fn slider_range(input: &InputDescriptor, value: f64) -> (f64, f64) {
    let (min, max) = (to_plot(input.min), to_plot(input.max));
    match input.unit {
        Unit::Percent
        | Unit::PercentPerYear
        | Unit::PercentPerMonth
        | Unit::Months
        | Unit::Weeks => (min, max),
        _ => {
            let typical = (to_plot(input.default) * 4.0)
                .max(value * 1.25)
                .max(min + 1.0);
            (min, typical.min(max))
        }
    }
}

/// Reads a typed number: `1.234,5` in Dutch, `1,234.5` in English; currency and percent signs
/// and spaces are ignored.
pub fn parse_number(text: &str, lang: Lang) -> Option<Decimal> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '%')
        .collect();
    let normal = match lang {
        Lang::Nl => cleaned.replace('.', "").replace(',', "."),
        Lang::En => cleaned.replace(',', ""),
    };
    Decimal::from_str(&normal).ok()
}

/// What the editor may change in the app: the commands it sends and its own notes and typing.
/// The scenario itself is only read; changes go through commands.
struct Editor<'a> {
    display: Display,
    commands: &'a mut Vec<Command>,
    editing: &'a mut Editing,
}

impl Editor<'_> {
    fn t(&self, en: &'static str, nl: &'static str) -> &'static str {
        self.display.t(en, nl)
    }
}

/// Draws the editor for `doc`: its inputs, read from the scenario; changes go out as commands.
pub fn editor_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    display: Display,
    editing: &mut Editing,
    commands: &mut Vec<Command>,
) {
    let (scenario, saved) = (&doc.scenario, doc.saved.as_ref());
    let app = &mut Editor {
        display,
        commands,
        editing,
    };
    ui.add_space(4.0);
    ui.heading(app.t("Inputs", "Invoer"));
    ui.spacing_mut().slider_width = 96.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for group in Group::ALL {
                if group == Group::Finance {
                    custom_group_ui(app, ui, scenario);
                }
                let initiative = group.initiative();
                let title = group.title().get(app.display.lang);
                let header = match initiative {
                    Some(i) if !scenario.is_enabled(i) => {
                        format!("{title} ({})", app.t("off", "uit"))
                    }
                    _ => title.to_owned(),
                };
                egui::CollapsingHeader::new(egui::RichText::new(header).strong())
                    .id_salt(group.key())
                    .default_open(matches!(group, Group::Baseline | Group::Chatbot))
                    .show(ui, |ui| {
                        if let Some(initiative) = initiative {
                            initiative_switch_ui(app, ui, scenario, initiative);
                            if initiative == Initiative::Training {
                                training_switch_ui(app, ui, scenario);
                            }
                        }
                        egui::Grid::new(("inputs", group.key()))
                            .num_columns(3)
                            .spacing([8.0, 6.0])
                            .show(ui, |ui| {
                                for input in group_inputs(group) {
                                    input_row_ui(app, ui, scenario, saved, input);
                                }
                            });
                        if group == Group::Baseline {
                            headcount_ui(ui, doc, app.display);
                        }
                    });
            }
        });
}

fn initiative_switch_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    scenario: &Scenario,
    initiative: Initiative,
) {
    ui.horizontal(|ui| {
        let mut on = scenario.is_enabled(initiative);
        let name = initiative.title().get(app.display.lang);
        let label = app.t("Included in this scenario", "Onderdeel van dit scenario");
        let check = ui
            .checkbox(&mut on, label)
            .accessible_name(format!("{name}: {label}"));
        if check.changed() {
            app.commands.push(Command::SetEnabled(initiative, on));
        }
        let Some(shape) = scenario.ramp_shape(initiative) else {
            return;
        };
        let lang = app.display.lang;
        egui::ComboBox::from_id_salt(("ramp", initiative.key()))
            .selected_text(ramp_name(shape, lang))
            .show_ui(ui, |ui| {
                for s in [RampShape::Linear, RampShape::SCurve] {
                    if ui
                        .selectable_label(s == shape, ramp_name(s, lang))
                        .clicked()
                    {
                        app.commands.push(Command::SetRamp(initiative, s));
                    }
                }
            })
            .response
            .on_hover_text(app.t(
                "How the effect grows during ramp-up",
                "Hoe het effect groeit tijdens de opbouw",
            ))
            .accessible_name(format!(
                "{name}: {}",
                app.t("ramp-up shape", "vorm van de opbouw")
            ));
    });
}

/// The agents the workload needs beside the headcount entered, in the warning colour when
/// they are more than 15% apart.
fn headcount_ui(ui: &mut egui::Ui, doc: &Document, display: Display) {
    let Some(p) = doc.cached_view().and_then(|v| v.projection.as_ref()) else {
        return;
    };
    let Some(check) = kpi::headcount(p, doc.scenario.baseline.agents_fte, display.lang) else {
        return;
    };
    let colour = if check.apart {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    ui.label(egui::RichText::new(check.text).small().color(colour))
        .on_hover_text(display.t(
            "Contacts × handle time / 60 / occupancy / hours per FTE, for today's contact centre. More than 15% away from the headcount entered means one of those figures is off.",
            "Contacten × afhandeltijd / 60 / bezetting / uren per fte, voor het klantcontactcentrum van vandaag. Meer dan 15% naast het ingevoerde aantal betekent dat een van die cijfers niet klopt.",
        ));
}

/// The training's "no benefit in the course month" switch.
fn training_switch_ui(app: &mut Editor<'_>, ui: &mut egui::Ui, scenario: &Scenario) {
    let name = Initiative::Training.title().get(app.display.lang);
    let mut away = scenario.training.no_benefit_while_training;
    let label = no_benefit_while_training_label(app.display.lang);
    if ui
        .checkbox(&mut away, label)
        .on_hover_text(app.t(
            "Agents are away from the phone while they are trained: no training benefit in a month they are in the course. With a course shorter than a month the effect starts the month after the start month.",
            "Agents zitten niet aan de telefoon terwijl ze getraind worden: geen trainingsbaat in een maand waarin ze op cursus zijn. Bij een cursus korter dan een maand start het effect de maand na de startmaand.",
        ))
        .accessible_name(format!("{name}: {label}"))
        .changed()
    {
        app.commands.push(Command::SetNoBenefitWhileTraining(away));
    }
}

fn input_row_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    scenario: &Scenario,
    saved: Option<&Scenario>,
    input: &'static InputDescriptor,
) {
    let lang = app.display.lang;
    let value = scenario.get(input);
    let changed_from_saved = saved.is_some_and(|s| s.get(input) != value);
    let label_text = input.label.get(lang);
    let unit = input.unit.symbol().get(lang);
    let mut label = egui::RichText::new(label_text);
    if changed_from_saved {
        label = label.italics();
    }
    let source = input
        .source
        .map(|s| format!("\n{} {}", app.t("Source:", "Bron:"), s.get(lang)))
        .unwrap_or_default();
    let hover = format!(
        "{}\n\n{}: {} {} {} {unit}. {}: {} {unit}.{source}{}",
        input.meaning.get(lang),
        app.t("Allowed", "Toegestaan"),
        shown(input.min, input, lang),
        app.t("to", "tot"),
        shown(input.max, input, lang),
        app.t("Default", "Standaard"),
        shown(input.default, input, lang),
        if changed_from_saved {
            format!(
                "\n{} {} {unit}",
                app.t("Saved value:", "Opgeslagen waarde:"),
                shown(saved.map(|s| s.get(input)).unwrap_or_default(), input, lang)
            )
        } else {
            String::new()
        },
    );
    ui.label(label).on_hover_text(&hover);

    let mut v = to_plot(value);
    let (min, max) = slider_range(input, v);
    let step = 10f64.powi(-(decimals(input) as i32));
    let slider = ui
        .add(
            egui::Slider::new(&mut v, min..=max)
                .show_value(false)
                .step_by(step),
        )
        .on_hover_text(&hover)
        .accessible_name(label_text);
    if slider.changed()
        && let Some(d) = Decimal::from_f64(v)
    {
        app.editing.notes.retain(|(p, _)| *p != input.path);
        app.commands
            .push(Command::SetInput(input, format::round(d, decimals(input))));
    }
    slider.context_menu(|ui| {
        if ui
            .button(app.t("Reset to saved value", "Terugzetten naar opgeslagen waarde"))
            .clicked()
            && let Some(s) = saved
        {
            app.commands.push(Command::SetInput(input, s.get(input)));
        }
        if ui
            .button(app.t("Reset to default", "Terugzetten naar standaard"))
            .clicked()
        {
            app.commands.push(Command::SetInput(input, input.default));
        }
    });

    ui.horizontal(|ui| {
        let editing = matches!(&app.editing.entry, Some((p, _)) if *p == input.path);
        let mut text = match &app.editing.entry {
            Some((p, t)) if *p == input.path => t.clone(),
            _ => plain(value, decimals(input), lang),
        };
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(64.0)
                    .align(egui::Align2::RIGHT_CENTER),
            )
            .accessible_name(format!(
                "{label_text} ({})",
                app.t("exact value", "exacte waarde")
            ));
        if edit.gained_focus() || (edit.has_focus() && !editing) || edit.changed() {
            app.editing.entry = Some((input.path, text.clone()));
        }
        // Only the pass that still holds the typed text commits it (egui may run a frame twice).
        if edit.lost_focus() && editing {
            app.editing.entry = None;
            commit_typed(app, input, &text, value);
        }
        ui.label(egui::RichText::new(unit).small());
    });
    ui.end_row();

    if let Some((_, note)) = app.editing.notes.iter().find(|(p, _)| *p == input.path) {
        ui.label("");
        ui.colored_label(ui.visuals().warn_fg_color, note);
        ui.end_row();
    }
}

/// A value as typed: the language's decimal mark, no grouping.
fn plain(value: Decimal, dp: u32, lang: Lang) -> String {
    let text = format!("{}", format::round(value, dp).normalize());
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

fn commit_typed(
    app: &mut Editor<'_>,
    input: &'static InputDescriptor,
    text: &str,
    current: Decimal,
) {
    let lang = app.display.lang;
    app.editing.notes.retain(|(p, _)| *p != input.path);
    let Some(typed) = parse_number(text, lang) else {
        if text.trim() != plain(current, decimals(input), lang) {
            let note = format!(
                "“{}” {}",
                text.trim(),
                app.t(
                    "is not a number; the value is unchanged.",
                    "is geen getal; de waarde is niet veranderd."
                )
            );
            app.editing.notes.push((input.path, note));
        }
        return;
    };
    let mut value = format::round(typed, decimals(input));
    if value < input.min || value > input.max {
        value = value.clamp(input.min, input.max);
        let unit = input.unit.symbol().get(lang);
        let note = format!(
            "{} {} {unit}: {} {} {} {}.",
            app.t("Set to", "Ingesteld op"),
            shown(value, input, lang),
            app.t("allowed is", "toegestaan is"),
            shown(input.min, input, lang),
            app.t("to", "tot"),
            shown(input.max, input, lang),
        );
        app.editing.notes.push((input.path, note));
    }
    if value != current {
        app.commands.push(Command::SetInput(input, value));
    }
}

fn custom_group_ui(app: &mut Editor<'_>, ui: &mut egui::Ui, scenario: &Scenario) {
    let title = Initiative::Custom.title().get(app.display.lang);
    let header = if scenario.custom.lines.is_empty() {
        title.to_owned()
    } else {
        format!("{title} ({})", scenario.custom.lines.len())
    };
    egui::CollapsingHeader::new(egui::RichText::new(header).strong())
        .id_salt("custom")
        .default_open(false)
        .show(ui, |ui| {
            let mut on = scenario.custom.enabled;
            let label = app.t("Included in this scenario", "Onderdeel van dit scenario");
            if ui
                .checkbox(&mut on, label)
                .accessible_name(format!("{title}: {label}"))
                .changed()
            {
                app.commands
                    .push(Command::SetEnabled(Initiative::Custom, on));
            }
            for (i, line) in scenario.custom.lines.iter().enumerate() {
                custom_line_ui(app, ui, i, line);
            }
            if ui.button(app.t("Add line", "Post toevoegen")).clicked() {
                app.commands.push(Command::AddCustomLine);
            }
        });
}

fn custom_line_ui(app: &mut Editor<'_>, ui: &mut egui::Ui, i: usize, line: &CustomLine) {
    let n = i + 1;
    let lang = app.display.lang;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let mut edited = line.clone();
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut edited.name).desired_width(170.0))
                .accessible_name(format!(
                    "{} {n}: {}",
                    app.t("Line", "Post"),
                    app.t("name", "naam")
                ));
            let mut class = RiskClass::of_custom(edited.kind, edited.revenue);
            egui::ComboBox::from_id_salt(("kind", i))
                .selected_text(kind_name(class, lang))
                .show_ui(ui, |ui| {
                    for k in [RiskClass::Cost, RiskClass::Saving, RiskClass::Revenue] {
                        ui.selectable_value(&mut class, k, kind_name(k, lang));
                    }
                })
                .response
                .on_hover_text(app.t(
                    "A saving is lowered by the risk on savings, revenue by the (higher) risk on revenue, a cost raised by the cost risk.",
                    "Een besparing wordt verlaagd met het risico op besparingen, omzet met het (hogere) risico op omzet, kosten verhoogd met het kostenrisico.",
                ))
                .accessible_name(format!(
                    "{} {n}: {}",
                    app.t("Line", "Post"),
                    app.t("cost or benefit", "kosten of baat")
                ));
            edited.kind = class.kind();
            edited.revenue = class == RiskClass::Revenue;
            if ui
                .small_button("✕")
                .on_hover_text(app.t("Remove this line", "Deze post verwijderen"))
                .accessible_name(format!("{} {n}", app.t("Remove line", "Verwijder post")))
                .clicked()
            {
                app.commands.push(Command::RemoveCustomLine(i));
            }
        });
        ui.horizontal(|ui| {
            let mut amount = to_plot(edited.amount);
            ui.label("€");
            let drag = ui
                .add(
                    egui::DragValue::new(&mut amount)
                        .range(0.0..=1e9)
                        .speed(100.0)
                        .max_decimals(2),
                )
                .accessible_name(format!(
                    "{} {n}: {}",
                    app.t("Line", "Post"),
                    app.t("amount", "bedrag")
                ));
            if drag.changed()
                && let Some(d) = Decimal::from_f64(amount)
            {
                edited.amount = format::round(d, 2);
            }
            let (from, to) = edited.timing.months();
            let kinds = [
                (
                    Timing::OneOff { month: from },
                    app.t("once in month", "eenmalig in maand"),
                ),
                (
                    Timing::Monthly { from, to },
                    app.t("per month, months", "per maand, maanden"),
                ),
                (
                    Timing::Spread { from, to },
                    app.t("total over months", "totaal over maanden"),
                ),
            ];
            let current = kinds
                .iter()
                .find(|(k, _)| std::mem::discriminant(k) == std::mem::discriminant(&edited.timing))
                .map_or("", |(_, l)| *l);
            egui::ComboBox::from_id_salt(("timing", i))
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (k, l) in kinds {
                        if ui
                            .selectable_label(
                                std::mem::discriminant(&k)
                                    == std::mem::discriminant(&edited.timing),
                                l,
                            )
                            .clicked()
                        {
                            edited.timing = k;
                        }
                    }
                })
                .response
                .accessible_name(format!(
                    "{} {n}: {}",
                    app.t("Line", "Post"),
                    app.t("timing", "timing")
                ));
            match &mut edited.timing {
                Timing::OneOff { month } => {
                    ui.add(egui::DragValue::new(month).range(1..=120))
                        .accessible_name(format!(
                            "{} {n}: {}",
                            app.t("Line", "Post"),
                            app.t("month", "maand")
                        ));
                }
                Timing::Monthly { from, to } | Timing::Spread { from, to } => {
                    ui.add(egui::DragValue::new(from).range(1..=120))
                        .accessible_name(format!(
                            "{} {n}: {}",
                            app.t("Line", "Post"),
                            app.t("first month", "eerste maand")
                        ));
                    ui.label("–");
                    ui.add(egui::DragValue::new(to).range(1..=120))
                        .accessible_name(format!(
                            "{} {n}: {}",
                            app.t("Line", "Post"),
                            app.t("last month", "laatste maand")
                        ));
                }
            }
        });
        if edited != *line {
            app.commands.push(Command::EditCustomLine(i, edited));
        }
    });
}

fn kind_name(class: RiskClass, lang: Lang) -> &'static str {
    match class {
        RiskClass::Cost => crate::ui::i18n::t(lang, "Cost", "Kosten"),
        RiskClass::Saving => crate::ui::i18n::t(lang, "Saving", "Besparing"),
        RiskClass::Revenue => crate::ui::i18n::t(lang, "Revenue", "Omzet"),
    }
}
