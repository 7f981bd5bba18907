//! One frame of the window: shortcuts, menus, panels, dialogs; then the commands are handled.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::bundled::BUNDLED;
use crate::model::Lang;
use crate::ui::app::{PlannerApp, Prompt, Tab};
use crate::ui::command::Command;
use crate::ui::io::Purpose;
use crate::ui::{cards_ui, charts_ui, compare_ui, editor_ui, help, scenarios_ui, table_ui};

const SHORTCUTS: [(Modifiers, Key, Command); 7] = [
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
        Command::Redo,
    ),
    (Modifiers::COMMAND, Key::Y, Command::Redo),
    (Modifiers::COMMAND, Key::Z, Command::Undo),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::S,
        Command::SaveAs,
    ),
    (Modifiers::COMMAND, Key::S, Command::Save),
    (Modifiers::COMMAND, Key::O, Command::Open),
    (Modifiers::COMMAND, Key::Q, Command::Quit),
];

impl PlannerApp {
    /// Draws the whole window into `ui` and handles what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_io();
        self.handle_commands();
        for doc in &mut self.docs {
            doc.view();
        }
        let theme = if self.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        self.shortcuts(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("scenarios")
            .resizable(true)
            .default_size(210.0)
            .min_size(160.0)
            .max_size(320.0)
            .show(ui, |ui| {
                scenarios_ui::scenarios_ui(self, ui);
            });
        if self.current().is_some() {
            egui::Panel::left("editor")
                .resizable(true)
                .default_size(400.0)
                .min_size(330.0)
                .max_size(560.0)
                .show(ui, |ui| {
                    editor_ui::editor_ui(self, ui);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
        self.dialogs_ui(&ctx);

        if !ctx.input(|i| i.pointer.any_down()) && !ctx.egui_wants_keyboard_input() {
            self.end_gestures();
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed && self.any_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Quit);
        }
        if ctx.will_discard() {
            // egui runs this frame again; the commands will be pushed again then.
            self.commands.clear();
        } else if !self.commands.is_empty() {
            self.handle_commands();
            ctx.request_repaint();
        }
        if self.quit_confirmed {
            self.remove_autosaves_now();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.autosave_if_due();
        ctx.request_repaint_after(crate::ui::autosave::INTERVAL);
        self.update_title(&ctx);
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for (modifiers, key, command) in SHORTCUTS {
            // While typing, Ctrl+Z belongs to the text field.
            if typing && matches!(command, Command::Undo | Command::Redo) {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key))) {
                self.commands.push(command);
            }
        }
        if ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::N)))
        {
            self.commands.push(Command::NewFromExample("combined"));
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let shortcut = |ui: &egui::Ui, keys: KeyboardShortcut| ui.ctx().format_shortcut(&keys);
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(self.t("File", "Bestand"), |ui| {
                ui.menu_button(self.t("New from example", "Nieuw uit voorbeeld"), |ui| {
                    for b in &BUNDLED {
                        if ui.button(b.description.get(self.lang)).clicked() {
                            self.commands.push(Command::NewFromExample(b.name));
                        }
                    }
                });
                let items = [
                    (
                        self.t("Open…", "Openen…"),
                        KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
                        Command::Open,
                        true,
                    ),
                    (
                        self.t("Save", "Opslaan"),
                        KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
                        Command::Save,
                        self.current().is_some(),
                    ),
                    (
                        self.t("Save as…", "Opslaan als…"),
                        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
                        Command::SaveAs,
                        self.current().is_some(),
                    ),
                ];
                for (label, keys, command, enabled) in items {
                    let button = egui::Button::new(label).shortcut_text(shortcut(ui, keys));
                    if ui.add_enabled(enabled, button).clicked() {
                        self.commands.push(command);
                    }
                }
                if let Some(id) = self.selected
                    && ui
                        .button(self.t("Close scenario", "Scenario sluiten"))
                        .clicked()
                {
                    self.commands.push(Command::Close(id));
                }
                ui.menu_button(self.t("Recent files", "Recente bestanden"), |ui| {
                    if self.recent.is_empty() {
                        ui.label(self.t("None yet", "Nog geen"));
                    }
                    for path in self.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.commands.push(Command::OpenPath(path));
                        }
                    }
                });
                ui.separator();
                let quit = egui::Button::new(self.t("Quit", "Afsluiten")).shortcut_text(shortcut(
                    ui,
                    KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
                ));
                if ui.add(quit).clicked() {
                    self.commands.push(Command::Quit);
                }
            });
            ui.menu_button(self.t("Edit", "Bewerken"), |ui| {
                let (can_undo, can_redo) = self
                    .current()
                    .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
                let undo = egui::Button::new(self.t("Undo", "Ongedaan maken")).shortcut_text(
                    shortcut(ui, KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)),
                );
                if ui.add_enabled(can_undo, undo).clicked() {
                    self.commands.push(Command::Undo);
                }
                let redo = egui::Button::new(self.t("Redo", "Opnieuw")).shortcut_text(shortcut(
                    ui,
                    KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
                ));
                if ui.add_enabled(can_redo, redo).clicked() {
                    self.commands.push(Command::Redo);
                }
                ui.separator();
                if ui
                    .add_enabled(
                        self.current().is_some(),
                        egui::Button::new(self.t("Duplicate scenario", "Scenario dupliceren")),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Duplicate);
                }
                let reset_label = match self.last_input {
                    Some(input) => format!(
                        "{} ({})",
                        self.t(
                            "Reset input to saved value",
                            "Invoer terugzetten naar opgeslagen waarde"
                        ),
                        input.label.get(self.lang)
                    ),
                    None => self
                        .t(
                            "Reset input to saved value",
                            "Invoer terugzetten naar opgeslagen waarde",
                        )
                        .to_owned(),
                };
                let can_reset =
                    self.last_input.is_some() && self.current().is_some_and(|d| d.saved.is_some());
                if ui
                    .add_enabled(can_reset, egui::Button::new(reset_label))
                    .clicked()
                {
                    self.commands.push(Command::ResetInput);
                }
            });
            ui.menu_button(self.t("View", "Beeld"), |ui| {
                ui.label(self.t("Language", "Taal"));
                for (lang, name) in [(Lang::Nl, "Nederlands"), (Lang::En, "English")] {
                    if ui.radio(self.lang == lang, name).clicked() {
                        self.commands.push(Command::SetLang(lang));
                    }
                }
                ui.separator();
                ui.label(self.t("Theme", "Thema"));
                for (dark, name) in [
                    (false, self.t("Light", "Licht")),
                    (true, self.t("Dark", "Donker")),
                ] {
                    if ui.radio(self.dark == dark, name).clicked() {
                        self.commands.push(Command::SetDark(dark));
                    }
                }
            });
            ui.menu_button(self.t("Help", "Help"), |ui| {
                if ui
                    .button(self.t(
                        "How the numbers are computed",
                        "Hoe de cijfers worden berekend",
                    ))
                    .clicked()
                {
                    self.show_help = true;
                }
                if ui.button(self.t("About", "Over")).clicked() {
                    self.show_about = true;
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match &self.status {
                Some((text, true)) => {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                }
                Some((text, false)) => {
                    ui.label(text);
                }
                None => {
                    ui.weak(self.t("Ready", "Gereed"));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(d) = self.current() {
                    let where_ = d.path.as_ref().map_or_else(
                        || {
                            self.t(
                                "not saved to a file yet",
                                "nog niet in een bestand opgeslagen",
                            )
                            .to_owned()
                        },
                        |p| p.display().to_string(),
                    );
                    ui.weak(where_);
                }
            });
        });
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        let Some(id) = self.selected else {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                ui.heading(self.t("No scenario open", "Geen scenario geopend"));
                ui.add_space(8.0);
                if ui
                    .button(self.t(
                        "New from the combined example",
                        "Nieuw uit het gecombineerde voorbeeld",
                    ))
                    .clicked()
                {
                    self.commands.push(Command::NewFromExample("combined"));
                }
                if ui.button(self.t("Open…", "Openen…")).clicked() {
                    self.commands.push(Command::Open);
                }
            });
            return;
        };
        cards_ui::cards_ui(self, ui, id);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            for (tab, label) in [
                (Tab::Charts, self.t("Charts", "Grafieken")),
                (Tab::Table, self.t("Monthly table", "Maandtabel")),
                (Tab::Compare, self.t("Compare", "Vergelijken")),
            ] {
                if ui.selectable_label(self.tab == tab, label).clicked() {
                    self.tab = tab;
                }
            }
            ui.separator();
            let mut adjusted = self.risk_adjusted;
            if ui
                .checkbox(&mut adjusted, self.t("Risk-adjusted figures", "Risicogecorrigeerde cijfers"))
                .on_hover_text(self.t(
                    "Benefits lowered and costs raised by the risk percentages in Finance and risk.",
                    "Baten verlaagd en kosten verhoogd met de risicopercentages onder Financiën en risico.",
                ))
                .changed()
            {
                self.risk_adjusted = adjusted;
            }
        });
        ui.separator();
        match self.tab {
            Tab::Charts => charts_ui::charts_ui(self, ui, id),
            Tab::Table => table_ui::table_ui(self, ui, id),
            Tab::Compare => compare_ui::compare_ui(self, ui, id),
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some((path, lines)) = self.load_error.clone() {
            let response = egui::Modal::new(egui::Id::unique("load_error")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading(self.t(
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
                ui.label(self.t("Nothing else was changed.", "Er is verder niets veranderd."));
                ui.button("OK").clicked()
            });
            if response.inner || response.should_close() {
                self.load_error = None;
            }
        }

        match self.prompt.clone() {
            Some(Prompt::Close(id)) => {
                let name = self
                    .doc(id)
                    .map(|d| d.title().to_owned())
                    .unwrap_or_default();
                let has_path = self.doc(id).is_some_and(|d| d.path.is_some());
                let response = egui::Modal::new(egui::Id::unique("close_prompt")).show(ctx, |ui| {
                    ui.heading(self.t("Unsaved changes", "Niet-opgeslagen wijzigingen"));
                    ui.label(format!(
                        "{} “{name}”?",
                        self.t("Save the changes to", "Wijzigingen opslaan in")
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(self.t("Save", "Opslaan")).clicked() {
                            self.commands.push(Command::Select(id));
                            self.commands.push(if has_path {
                                Command::Save
                            } else {
                                Command::SaveAs
                            });
                            self.set_close_after_save(id);
                            self.prompt = None;
                        }
                        if ui.button(self.t("Don't save", "Niet opslaan")).clicked() {
                            self.commands.push(Command::CloseNow(id));
                            self.prompt = None;
                        }
                        if ui.button(self.t("Cancel", "Annuleren")).clicked() {
                            self.prompt = None;
                        }
                    });
                });
                if response.should_close() {
                    self.prompt = None;
                }
            }
            Some(Prompt::Quit) => {
                if !self.any_dirty() {
                    self.prompt = None;
                    self.quit_confirmed = true;
                } else {
                    let dirty: Vec<(u64, String, bool)> = self
                        .docs
                        .iter()
                        .filter(|d| d.is_dirty())
                        .map(|d| (d.id, d.title().to_owned(), d.path.is_some()))
                        .collect();
                    let response =
                        egui::Modal::new(egui::Id::unique("quit_prompt")).show(ctx, |ui| {
                            ui.heading(self.t("Unsaved changes", "Niet-opgeslagen wijzigingen"));
                            ui.label(self.t(
                                "These scenarios have changes that are not saved:",
                                "Deze scenario's hebben wijzigingen die niet zijn opgeslagen:",
                            ));
                            for (id, name, has_path) in &dirty {
                                ui.horizontal(|ui| {
                                    ui.label(format!("• {name}"));
                                    if ui.small_button(self.t("Save…", "Opslaan…")).clicked() {
                                        self.commands.push(Command::Select(*id));
                                        self.commands.push(if *has_path {
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
                                    .button(
                                        self.t("Quit without saving", "Afsluiten zonder opslaan"),
                                    )
                                    .clicked()
                                {
                                    self.commands.push(Command::QuitNow);
                                }
                                if ui.button(self.t("Cancel", "Annuleren")).clicked() {
                                    self.prompt = None;
                                }
                            });
                        });
                    if response.should_close() {
                        self.prompt = None;
                    }
                }
            }
            None => {}
        }

        if let Some((purpose, mut text)) = self.path_prompt.clone() {
            let mut done = false;
            let response = egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
                ui.set_min_width(480.0);
                ui.heading(match purpose {
                    Purpose::Open => self.t("Open a scenario", "Scenario openen"),
                    Purpose::SaveAs(_) => self.t("Save the scenario as", "Scenario opslaan als"),
                });
                ui.label(self.t(
                    "No file dialog can be shown on this system. Type the file's path instead:",
                    "Op dit systeem kan geen bestandsvenster worden getoond. Typ het pad van het bestand:",
                ));
                let edit = ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY)).accessible_name(self.t("File path", "Bestandspad"));
                if std::mem::take(&mut self.focus_path_field) {
                    edit.request_focus();
                }
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    let ok = match purpose {
                        Purpose::Open => self.t("Open", "Openen"),
                        Purpose::SaveAs(_) => self.t("Save", "Opslaan"),
                    };
                    if (ui.button(ok).clicked() || enter) && !text.trim().is_empty() {
                        let path = std::path::PathBuf::from(text.trim());
                        self.commands.push(match purpose {
                            Purpose::Open => Command::OpenPath(path),
                            Purpose::SaveAs(id) => Command::SaveTo(id, path),
                        });
                        done = true;
                    }
                    if ui.button(self.t("Cancel", "Annuleren")).clicked() {
                        done = true;
                    }
                });
            });
            self.path_prompt = if done || response.should_close() {
                None
            } else {
                Some((purpose, text))
            };
        }

        if !self.recoverable.is_empty() {
            let names: Vec<String> = self
                .recoverable
                .iter()
                .map(|r| r.scenario.name.clone())
                .collect();
            egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
                ui.heading(self.t("Recover unsaved work?", "Niet-opgeslagen werk herstellen?"));
                ui.label(self.t(
                    "The last session did not end normally. These scenarios had unsaved changes:",
                    "De vorige sessie is niet normaal afgesloten. Deze scenario's hadden niet-opgeslagen wijzigingen:",
                ));
                for n in &names {
                    ui.label(format!("• {n}"));
                }
                ui.horizontal(|ui| {
                    if ui.button(self.t("Recover", "Herstellen")).clicked() {
                        self.commands.push(Command::Recover(true));
                    }
                    if ui.button(self.t("Discard", "Weggooien")).clicked() {
                        self.commands.push(Command::Recover(false));
                    }
                });
            });
        }

        if self.show_help {
            let mut open = true;
            egui::Window::new(self.t(
                "How the numbers are computed",
                "Hoe de cijfers worden berekend",
            ))
            .open(&mut open)
            .default_size([620.0, 520.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| help::help_ui(ui, self.lang));
            });
            self.show_help = open;
        }
        if self.show_about {
            let mut open = true;
            egui::Window::new(self.t("About roi-planner", "Over roi-planner")).open(&mut open).collapsible(false).show(ctx, |ui| {
                ui.heading(format!("roi-planner {}", env!("CARGO_PKG_VERSION")));
                ui.label(self.t(
                    "Business cases for customer-service investments: chatbot, omnichannel and training, with ROI, NPV, IRR and payback a finance reviewer accepts.",
                    "Businesscases voor investeringen in klantenservice: chatbot, omnichannel en training, met ROI, NPV, IRR en terugverdientijd die een financieel beoordelaar accepteert.",
                ));
            });
            self.show_about = open;
        }
    }
}
