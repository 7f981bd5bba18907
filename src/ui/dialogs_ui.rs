//! The dialogs over the window, each in its own function: a file that could not be used, the
//! unsaved-changes questions on close and quit, the path field where no file dialog can be
//! shown, recovering unsaved work, help and about.

use egui::Key;

use crate::ui::app::{PlannerApp, Prompt};
use crate::ui::command::Command;
use crate::ui::help;
use crate::ui::io::Purpose;

/// Draws whichever dialogs are open.
pub fn dialogs_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    load_error_ui(app, ctx);
    match app.dialogs.prompt.clone() {
        Some(Prompt::Close(id)) => close_prompt_ui(app, ctx, id),
        Some(Prompt::Quit) => quit_prompt_ui(app, ctx),
        None => {}
    }
    path_prompt_ui(app, ctx);
    duplicate_ui(app, ctx);
    crate::ui::start_ui::start_form_ui(app, ctx);
    recover_ui(app, ctx);
    help_ui(app, ctx);
    about_ui(app, ctx);
}

fn load_error_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    let Some((path, lines)) = app.dialogs.load_error.clone() else {
        return;
    };
    let response = egui::Modal::new(egui::Id::unique("load_error")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(app.t(
            "The file could not be used",
            "Het bestand kon niet worden gebruikt",
        ));
        ui.label(path.display().to_string());
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for line in &lines {
                    ui.colored_label(ui.visuals().error_fg_color, line);
                }
            });
        ui.add_space(4.0);
        ui.label(app.t("Nothing else was changed.", "Er is verder niets veranderd."));
        ui.button("OK").clicked()
    });
    if response.inner || response.should_close() {
        app.dialogs.load_error = None;
    }
}

fn close_prompt_ui(app: &mut PlannerApp, ctx: &egui::Context, id: u64) {
    let name = app
        .doc(id)
        .map(|d| d.title().to_owned())
        .unwrap_or_default();
    let has_path = app.doc(id).is_some_and(|d| d.path.is_some());
    let response = egui::Modal::new(egui::Id::unique("close_prompt")).show(ctx, |ui| {
        ui.heading(app.t("Unsaved changes", "Niet-opgeslagen wijzigingen"));
        ui.label(format!(
            "{} “{name}”?",
            app.t("Save the changes to", "Wijzigingen opslaan in")
        ));
        ui.horizontal(|ui| {
            if ui.button(app.t("Save", "Opslaan")).clicked() {
                app.commands.push(Command::Select(id));
                app.commands.push(if has_path {
                    Command::Save
                } else {
                    Command::SaveAs
                });
                app.set_close_after_save(id);
                app.dialogs.prompt = None;
            }
            if ui.button(app.t("Don't save", "Niet opslaan")).clicked() {
                app.commands.push(Command::CloseNow(id));
                app.dialogs.prompt = None;
            }
            if ui.button(app.t("Cancel", "Annuleren")).clicked() {
                app.dialogs.prompt = None;
            }
        });
    });
    if response.should_close() {
        app.dialogs.prompt = None;
    }
}

fn quit_prompt_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    if !app.any_dirty() {
        app.dialogs.prompt = None;
        app.quit_confirmed = true;
        return;
    }
    let dirty: Vec<(u64, String, bool)> = app
        .docs
        .iter()
        .filter(|d| d.is_dirty())
        .map(|d| (d.id, d.title().to_owned(), d.path.is_some()))
        .collect();
    let response = egui::Modal::new(egui::Id::unique("quit_prompt")).show(ctx, |ui| {
        ui.heading(app.t("Unsaved changes", "Niet-opgeslagen wijzigingen"));
        ui.label(app.t(
            "These scenarios have changes that are not saved:",
            "Deze scenario's hebben wijzigingen die niet zijn opgeslagen:",
        ));
        for (id, name, has_path) in &dirty {
            ui.horizontal(|ui| {
                ui.label(format!("• {name}"));
                if ui.small_button(app.t("Save…", "Opslaan…")).clicked() {
                    app.commands.push(Command::Select(*id));
                    app.commands.push(if *has_path {
                        Command::Save
                    } else {
                        Command::SaveAs
                    });
                }
            });
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button(app.t("Quit without saving", "Afsluiten zonder opslaan"))
                .clicked()
            {
                app.commands.push(Command::QuitNow);
            }
            if ui.button(app.t("Cancel", "Annuleren")).clicked() {
                app.dialogs.prompt = None;
            }
        });
    });
    if response.should_close() {
        app.dialogs.prompt = None;
    }
}

fn path_prompt_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    let Some((purpose, mut text)) = app.dialogs.path_prompt.clone() else {
        return;
    };
    let mut done = false;
    let response = egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_min_width(480.0);
        ui.heading(match purpose {
            Purpose::Open => app.t("Open a scenario", "Scenario openen"),
            Purpose::SaveAs(_) => app.t("Save the scenario as", "Scenario opslaan als"),
            Purpose::Export(_) => app.t("Export to", "Exporteren naar"),
            Purpose::ImportActuals(_) => {
                app.t("Import actuals from", "Werkelijke cijfers importeren uit")
            }
        });
        ui.label(app.t(
            "No file dialog can be shown on this system. Type the file's path instead:",
            "Op dit systeem kan geen bestandsvenster worden getoond. Typ het pad van het bestand:",
        ));
        let edit = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
            .accessible_name(app.t("File path", "Bestandspad"));
        if std::mem::take(&mut app.dialogs.focus_path_field) {
            edit.request_focus();
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            let ok = match purpose {
                Purpose::Open => app.t("Open", "Openen"),
                Purpose::SaveAs(_) => app.t("Save", "Opslaan"),
                Purpose::Export(_) => app.t("Export", "Exporteren"),
                Purpose::ImportActuals(_) => app.t("Import", "Importeren"),
            };
            if (ui.button(ok).clicked() || enter) && !text.trim().is_empty() {
                let path = std::path::PathBuf::from(text.trim());
                app.commands.push(match purpose.clone() {
                    Purpose::Open => Command::OpenPath(path),
                    Purpose::SaveAs(id) => Command::SaveTo(id, path),
                    Purpose::Export(job) => Command::ExportTo(job, path),
                    Purpose::ImportActuals(id) => Command::ImportActualsFrom(id, path),
                });
                done = true;
            }
            if ui.button(app.t("Cancel", "Annuleren")).clicked() {
                done = true;
            }
        });
    });
    app.dialogs.path_prompt = if done || response.should_close() {
        None
    } else {
        Some((purpose, text))
    };
}

fn duplicate_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    let Some((mut name, mut notes)) = app.dialogs.duplicate.clone() else {
        return;
    };
    let mut done = false;
    let response = egui::Modal::new(egui::Id::unique("duplicate")).show(ctx, |ui| {
        ui.set_min_width(420.0);
        ui.heading(app.t("Duplicate as what-if", "Dupliceren als wat-als"));
        let label = ui.label(app.t("Name of the copy", "Naam van de kopie"));
        let edit = ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if std::mem::take(&mut app.dialogs.focus_name_field) {
            edit.request_focus();
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.add_space(4.0);
        let label = ui.label(app.t(
            "Description (printed in the report under the name)",
            "Beschrijving (staat in het rapport onder de naam)",
        ));
        ui.add(
            egui::TextEdit::multiline(&mut notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        ui.horizontal(|ui| {
            if (ui.button(app.t("Duplicate", "Dupliceren")).clicked() || enter)
                && !name.trim().is_empty()
            {
                app.commands.push(Command::DuplicateAs {
                    name: name.trim().to_owned(),
                    notes: notes.trim().to_owned(),
                });
                done = true;
            }
            if ui.button(app.t("Cancel", "Annuleren")).clicked() {
                done = true;
            }
        });
    });
    app.dialogs.duplicate = if done || response.should_close() {
        None
    } else {
        Some((name, notes))
    };
}

fn recover_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    if app.dialogs.recoverable.is_empty() {
        return;
    }
    let names: Vec<String> = app
        .dialogs
        .recoverable
        .iter()
        .map(|r| r.scenario.name.clone())
        .collect();
    egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
        ui.heading(app.t("Recover unsaved work?", "Niet-opgeslagen werk herstellen?"));
        ui.label(app.t(
            "The last session did not end normally. These scenarios had unsaved changes:",
            "De vorige sessie is niet normaal afgesloten. Deze scenario's hadden niet-opgeslagen wijzigingen:",
        ));
        for n in &names {
            ui.label(format!("• {n}"));
        }
        ui.horizontal(|ui| {
            if ui.button(app.t("Recover", "Herstellen")).clicked() {
                app.commands.push(Command::Recover(true));
            }
            if ui.button(app.t("Discard", "Weggooien")).clicked() {
                app.commands.push(Command::Recover(false));
            }
        });
    });
}

fn help_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    if !app.dialogs.show_help {
        return;
    }
    let mut open = true;
    // Fits the window whatever its size, and scrolls with the mouse wheel.
    let screen = ctx.content_rect();
    let size = egui::vec2(
        680f32.min(screen.width() - 40.0),
        620f32.min(screen.height() - 80.0),
    );
    egui::Window::new(app.t(
        "How the numbers are computed",
        "Hoe de cijfers worden berekend",
    ))
    .open(&mut open)
    .default_size(size)
    .max_size(egui::vec2(screen.width() - 20.0, screen.height() - 40.0))
    .default_pos(screen.center() - size / 2.0)
    .vscroll(true)
    .show(ctx, |ui| help::help_ui(ui, app.display.lang));
    app.dialogs.show_help = open;
}

fn about_ui(app: &mut PlannerApp, ctx: &egui::Context) {
    if !app.dialogs.show_about {
        return;
    }
    let mut open = true;
    egui::Window::new(app.t("About roi-planner", "Over roi-planner"))
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.heading(format!("roi-planner {}", env!("CARGO_PKG_VERSION")));
            ui.label(app.t(
                "Business cases for customer-service investments: chatbot, omnichannel and training, with ROI, NPV, IRR and payback a finance reviewer accepts.",
                "Businesscases voor investeringen in klantenservice: chatbot, omnichannel en training, met ROI, NCW, IRR en terugverdientijd die een financieel beoordelaar accepteert.",
            ));
        });
    app.dialogs.show_about = open;
}
