//! The first thing a new user sees when no scenario is open: start from their own numbers (a
//! short guided form), open an example (one line on each) or open a file. The form asks for
//! the baseline figures a manager knows, each with its help and where to find it or its
//! typical range, then which initiatives to consider, and ends in the normal window with that
//! scenario (built by [`crate::ui::start`]).

use crate::bundled::BUNDLED;
use crate::model::{Lang, input_by_path};
use crate::ui::app::PlannerApp;
use crate::ui::command::Command;
use crate::ui::start::{
    FORM_FIGURES, FORM_INITIATIVES, FormStep, StartForm, example_line, read_figure, template,
};
use crate::view::{input_shown as shown, input_with_unit as with_unit};

/// Where the start view keeps how much larger it is drawn on this screen.
fn scale_id() -> egui::Id {
    egui::Id::unique("start_view_scale")
}

/// How much larger the start view is drawn (see [`start_ui`]).
fn scale(ui: &egui::Ui) -> f32 {
    ui.data(|d| d.get_temp(scale_id())).unwrap_or(1.0)
}

/// The room beside each field for its unit, so the fields stand in one column.
const UNIT_WIDTH: f32 = 120.0;

/// The start view: shown in the central area while no scenario is open.
pub fn start_ui(app: &mut PlannerApp, ui: &mut egui::Ui) {
    let lang = app.display.lang;
    // On a large screen everything a little larger, so the view does not sit small in a
    // corner of it.
    let scale = (ui.available_width() / 1280.0).clamp(1.0, 1.3);
    for font in ui.style_mut().text_styles.values_mut() {
        font.size *= scale;
    }
    ui.data_mut(|d| d.insert_temp(scale_id(), scale));
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space((ui.available_height() / 8.0).clamp(8.0, 140.0));
            ui.heading(
                egui::RichText::new(app.t(
                    "A business case for a customer-service investment",
                    "Een businesscase voor een investering in klantenservice",
                ))
                .size(24.0 * scale),
            );
            ui.label(app.t(
                "Costs, benefits and ROI month by month, the month it breaks even, and how sure that is.",
                "Kosten, baten en ROI per maand, de maand van break-even, en hoe zeker dat is.",
            ));
            if app.is_restoring() {
                ui.weak(app.t(
                    "Opening the scenarios of the last session…",
                    "De scenario's van de vorige sessie worden geopend…",
                ));
            }
        });
        ui.add_space(16.0);
        let wide = ui.available_width() >= 760.0;
        let width = if wide {
            ((ui.available_width() - 32.0) / 3.0).min(440.0 * scale)
        } else {
            ui.available_width().min(520.0)
        };
        // The three boxes as tall as the tallest was on the last frame.
        let id = egui::Id::unique("start_boxes");
        let tallest = ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(0.0);
        let columns = |ui: &mut egui::Ui, app: &mut PlannerApp| {
            [
                choice_ui(ui, (width, tallest), |ui| own_numbers_choice_ui(app, ui)),
                choice_ui(ui, (width, tallest), |ui| examples_choice_ui(app, ui, lang)),
                choice_ui(ui, (width, tallest), |ui| file_choice_ui(app, ui)),
            ]
            .into_iter()
            .fold(0.0_f32, f32::max)
        };
        let height = if wide {
            let total = width * 3.0 + 2.0 * ui.spacing().item_spacing.x;
            ui.horizontal_top(|ui| {
                ui.add_space(((ui.available_width() - total) / 2.0).max(0.0));
                columns(ui, app)
            })
            .inner
        } else {
            ui.vertical_centered(|ui| columns(ui, app)).inner
        };
        if wide && (height - tallest).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(id, height));
            ui.ctx().request_repaint();
        }
    });
}

/// One of the three choices, in a box of `width` at least `min_height` tall; gives the height
/// its content needs.
fn choice_ui(
    ui: &mut egui::Ui,
    (width, min_height): (f32, f32),
    add: impl FnOnce(&mut egui::Ui),
) -> f32 {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(12))
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.set_width(width - 24.0);
            let content = ui.vertical(add).response.rect.height();
            ui.set_min_height(min_height);
            content
        })
        .inner
}

/// A choice's title, above its box's text.
fn choice_title(ui: &mut egui::Ui, title: &str) {
    ui.label(egui::RichText::new(title).strong().size(16.0 * scale(ui)));
}

/// A choice's main button, taller than the others; whether it was clicked.
fn choice_button(ui: &mut egui::Ui, text: &str) -> bool {
    ui.add(egui::Button::new(egui::RichText::new(text).strong()).min_size(egui::vec2(0.0, 32.0)))
        .clicked()
}

fn own_numbers_choice_ui(app: &mut PlannerApp, ui: &mut egui::Ui) {
    choice_title(
        ui,
        app.t("Start from my own numbers", "Begin met mijn eigen cijfers"),
    );
    ui.add_space(4.0);
    ui.label(app.t(
        "Nine figures about your contact centre today, then the initiatives to consider. Everything else starts from sourced defaults you can change.",
        "Negen cijfers over uw klantcontact van vandaag, dan de initiatieven om te overwegen. De rest begint met onderbouwde standaardwaarden die u kunt aanpassen.",
    ));
    ui.add_space(8.0);
    if choice_button(
        ui,
        app.t(
            "Start from my own numbers…",
            "Begin met mijn eigen cijfers…",
        ),
    ) {
        app.commands.push(Command::StartOwnNumbers);
    }
}

fn examples_choice_ui(app: &mut PlannerApp, ui: &mut egui::Ui, lang: Lang) {
    choice_title(ui, app.t("Open an example", "Open een voorbeeld"));
    ui.add_space(4.0);
    for b in &BUNDLED {
        if ui.button(b.description.get(lang)).clicked() {
            app.commands.push(Command::NewFromExample(b.name));
        }
        ui.weak(example_line(b.name).get(lang));
        ui.add_space(4.0);
    }
}

fn file_choice_ui(app: &mut PlannerApp, ui: &mut egui::Ui) {
    choice_title(ui, app.t("Open a file", "Open een bestand"));
    ui.add_space(4.0);
    ui.label(app.t(
        "A scenario saved earlier (.ron), yours or a colleague's.",
        "Een eerder opgeslagen scenario (.ron), van uzelf of een collega.",
    ));
    ui.add_space(8.0);
    if choice_button(ui, app.t("Open…", "Openen…")) {
        app.commands.push(Command::Open);
    }
    if !app.recent.is_empty() {
        ui.add_space(8.0);
        ui.weak(app.t("Recent files", "Recente bestanden"));
        for path in app.recent.clone().into_iter().take(5) {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                app.commands.push(Command::OpenPath(path));
            }
        }
    }
}

/// The guided form, over the window while it is open.
pub fn start_form_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    let Some(mut form) = app.dialogs.start_form.take() else {
        return;
    };
    let lang = app.display.lang;
    let mut keep = true;
    let mut create = false;
    let response = egui::Modal::new(egui::Id::unique("start_form")).show(ctx, |ui| {
        ui.set_width(560.0_f32.min(ctx.content_rect().width() - 60.0));
        let max_height = (ctx.content_rect().height() - 170.0).max(200.0);
        match form.step {
            FormStep::Baseline => {
                page_heading(
                    ui,
                    app.t(
                        "Your contact centre today (1 of 2)",
                        "Uw klantcontact vandaag (1 van 2)",
                    ),
                    app.t(
                        "The figures you already track. A field left empty keeps the example's value, shown in grey.",
                        "De cijfers die u al bijhoudt. Een leeg veld houdt de waarde van het voorbeeld, in grijs getoond.",
                    ),
                );
                egui::ScrollArea::vertical()
                    .max_height(max_height)
                    .show(ui, |ui| baseline_fields_ui(ui, &mut form, lang));
            }
            FormStep::Initiatives => {
                page_heading(
                    ui,
                    app.t(
                        "Which initiatives to consider (2 of 2)",
                        "Welke initiatieven te overwegen (2 van 2)",
                    ),
                    app.t(
                        "Each starts from the examples' sourced costs and effects; change them in the editor afterwards.",
                        "Elk begint met de onderbouwde kosten en effecten van de voorbeelden; pas ze daarna aan in de editor.",
                    ),
                );
                for ((initiative, line), on) in FORM_INITIATIVES.iter().zip(&mut form.initiatives)
                {
                    ui.checkbox(on, initiative.title().get(lang));
                    ui.indent(initiative.title().en, |ui| {
                        ui.weak(line.get(lang));
                    });
                    ui.add_space(4.0);
                }
            }
        }
        let problems = form.problems(lang);
        for p in &problems {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(app.t("Cancel", "Annuleren")).clicked() {
                keep = false;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                match form.step {
                    FormStep::Baseline => {
                        if ui
                            .add_enabled(
                                problems.is_empty(),
                                egui::Button::new(app.t("Next", "Volgende")),
                            )
                            .clicked()
                        {
                            form.step = FormStep::Initiatives;
                        }
                    }
                    FormStep::Initiatives => {
                        if ui
                            .add_enabled(
                                problems.is_empty(),
                                egui::Button::new(app.t("Create the scenario", "Scenario maken")),
                            )
                            .clicked()
                        {
                            create = true;
                        }
                        if ui.button(app.t("Back", "Terug")).clicked() {
                            form.step = FormStep::Baseline;
                        }
                    }
                }
            });
        });
    });
    if response.should_close() {
        keep = false;
    }
    if create {
        app.commands.push(Command::CreateFromForm(Box::new(form)));
    } else if keep {
        app.dialogs.start_form = Some(form);
    }
}

/// A page of the form's heading and the line under it.
fn page_heading(ui: &mut egui::Ui, heading: &str, text: &str) {
    ui.heading(heading);
    ui.label(text);
    ui.add_space(6.0);
}

/// The name field and one row per baseline figure: label, field, unit, what it means and
/// where to find it (or its typical range), and why a typed value cannot be used.
fn baseline_fields_ui(ui: &mut egui::Ui, form: &mut StartForm, lang: Lang) {
    let example = template();
    let name_label = crate::i18n::t(lang, "Name of the case", "Naam van de businesscase");
    ui.label(egui::RichText::new(name_label).strong());
    // The keyboard starts in the first figure: the name is optional.
    let mut focus = std::mem::take(&mut form.focus_first);
    ui.add(
        egui::TextEdit::singleline(&mut form.name)
            .hint_text(crate::i18n::t(
                lang,
                "e.g. your organisation (empty: named after the initiatives)",
                "bijv. uw organisatie (leeg: genoemd naar de initiatieven)",
            ))
            .desired_width(f32::INFINITY),
    )
    .accessible_name(name_label);
    ui.add_space(6.0);
    let check = form.headcount_check(lang).cloned();
    for ((path, where_), text) in FORM_FIGURES.iter().zip(&mut form.typed) {
        let Some(input) = input_by_path(path) else {
            continue;
        };
        let label = input.label.get(lang);
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(label).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // The fields in one column, whatever the length of their units.
                ui.allocate_ui_with_layout(
                    egui::vec2(UNIT_WIDTH, ui.spacing().interact_size.y),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| ui.label(input.unit.symbol().get(lang)),
                );
                let field = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .hint_text(shown(example.get(input), input, lang))
                            .desired_width(110.0)
                            .align(egui::Align2::RIGHT_CENTER),
                    )
                    .accessible_name(format!(
                        "{label} ({})",
                        crate::i18n::t(lang, "your figure", "uw cijfer")
                    ))
                    .on_hover_text(input.meaning.get(lang));
                if std::mem::take(&mut focus) {
                    field.request_focus();
                }
            });
        });
        ui.label(input.meaning.get(lang));
        let hint = match input.typical {
            Some((low, high)) => match lang {
                Lang::En => format!(
                    "Typical {} to {}. {}",
                    shown(low, input, lang),
                    with_unit(high, input, lang),
                    where_.get(lang)
                ),
                Lang::Nl => format!(
                    "Gebruikelijk {} tot {}. {}",
                    shown(low, input, lang),
                    with_unit(high, input, lang),
                    where_.get(lang)
                ),
            },
            None => {
                let text = where_.get(lang);
                let mut chars = text.chars();
                let first: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_lowercase)
                    .collect();
                format!(
                    "{} {first}{}",
                    crate::i18n::t(lang, "Where to find it:", "Waar te vinden:"),
                    chars.as_str()
                )
            }
        };
        ui.weak(hint);
        if let Err(e) = read_figure(input, text, lang) {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        // Beside the headcount, what the workload typed needs by service level: a headcount
        // far from it is the first thing to check.
        if *path == "baseline.agents_fte"
            && let Some(crate::view::kpi::Headcount {
                text: sentence,
                apart,
            }) = &check
        {
            let colour = if *apart {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(colour, sentence);
            if *apart {
                ui.colored_label(
                    colour,
                    crate::i18n::t(
                        lang,
                        "More than 15% apart: check the headcount (paid FTE), the contacts and the handle time; the case counts its savings from the headcount entered.",
                        "Meer dan 15% verschil: controleer het aantal agents (betaalde fte), de contacten en de afhandeltijd; de businesscase rekent de besparingen vanaf het ingevoerde aantal.",
                    ),
                );
            }
        }
        ui.add_space(6.0);
    }
}
