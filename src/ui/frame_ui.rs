//! One frame of the window: shortcuts, menus, panels, dialogs; then the commands are handled.

use crate::bundled::BUNDLED;
use crate::model::Lang;
use crate::report::{Deliverable, Output};
use crate::ui::analysis_worker::Kind;
use crate::ui::app::{COMPARE_MAX, PlannerApp, Prompt, Tab};
use crate::ui::command::{Command, ExportRequest};
use crate::ui::shortcuts::{self, shortcut_of};
use crate::ui::{
    cards_ui, charts_ui, compare_ui, dialogs_ui, editor_ui, kpi_ui, scenarios_ui, table_ui,
    tracking_ui, uncertainty_ui,
};

impl PlannerApp {
    /// Draws the whole window into `ui` and handles what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_io();
        self.poll_analyses();
        self.handle_commands();
        for doc in &mut self.docs {
            doc.view();
        }
        // The longer view is another simulation: only for the comparison tab, on the scenario
        // whose initiatives it shows.
        if self.tab == Tab::Compare
            && let Some(id) = self.comparison_base()
            && let Some(doc) = self.docs.iter_mut().find(|d| d.id == id)
        {
            doc.longer_view();
        }
        let theme = if self.display.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        if self.presenting
            && !ctx.egui_wants_keyboard_input()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.commands.push(Command::LeavePresent);
        }
        self.commands.extend(shortcuts::pressed(&ctx));
        shortcuts::note_tab_direction(&ctx);
        self.apply_presenting(&ctx);
        if self.presenting {
            self.present_ui(ui);
        } else {
            self.panels_ui(ui);
        }
        dialogs_ui::dialogs_ui(self, &ctx);

        if !ctx.input(|i| i.pointer.any_down()) && !ctx.egui_wants_keyboard_input() {
            self.end_gestures();
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed && self.any_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.prompt = Some(Prompt::Quit);
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
        let dragging = ctx.input(|i| i.pointer.any_down());
        self.schedule_analyses(dragging, self.tab == Tab::Uncertainty && !self.presenting);
        self.autosave_if_due();
        ctx.request_repaint_after(crate::ui::autosave::INTERVAL);
        self.update_title(&ctx);
    }

    /// The normal window: menu, status bar, scenario list, editor and the tabs.
    fn panels_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        // On a small screen the side panels start narrower, so the cards and charts keep room.
        let width = ui.ctx().content_rect().width();
        if self.docs.is_empty() {
            // The start view has the window to itself.
            egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
            return;
        }
        egui::Panel::left("scenarios")
            .resizable(true)
            .default_size((width * 0.19).clamp(170.0, 240.0))
            .min_size(160.0)
            .max_size(320.0)
            .show(ui, |ui| {
                scenarios_ui::scenarios_ui(self, ui);
            });
        if let Some(id) = self.selected {
            let PlannerApp {
                docs,
                display,
                editing,
                commands,
                ..
            } = self;
            if let Some(doc) = docs.iter().find(|d| d.id == id) {
                // Longer labels take a wider column (see `editor_ui::label_width`).
                let wider = editor_ui::label_width(ui, display.lang) - editor_ui::LABEL_WIDTHS.0;
                egui::Panel::left("editor")
                    .resizable(true)
                    .default_size((width * 0.34).clamp(330.0, 420.0) + wider)
                    .min_size(330.0)
                    .max_size(560.0)
                    .show(ui, |ui| {
                        editor_ui::editor_ui(ui, doc, *display, editing, commands);
                    });
            }
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
    }

    /// Presentation mode: the scenario's name, the client sliders, the cards and the
    /// break-even chart, everything larger; Esc or the button leaves.
    fn present_ui(&mut self, ui: &mut egui::Ui) {
        let display = self.display;
        let Some(id) = self.selected else {
            self.presenting = false;
            return;
        };
        let title = self
            .doc(id)
            .map(|d| d.title().to_owned())
            .unwrap_or_default();
        let pinned = self
            .doc(id)
            .is_some_and(|d| editor_ui::client_inputs(&d.scenario).next().is_some());
        egui::Panel::top("present_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(&title);
                ui.separator();
                let hint = if pinned {
                    display.t(
                        "Presentation · move a client slider and every figure follows · Esc leaves",
                        "Presentatie · beweeg een klantschuif en elk cijfer volgt · Esc sluit af",
                    )
                } else {
                    display.t(
                        "Presentation · pin inputs in the editor (the pin beside a slider) to steer them here · Esc leaves",
                        "Presentatie · zet invoer vast in de editor (de punaise naast een schuif) om die hier te bedienen · Esc sluit af",
                    )
                };
                // The hint gives way to the button: shortened ("…") on a narrow screen, whole on
                // hover.
                let leave = display.t("Leave presentation", "Presentatie verlaten");
                let font = egui::TextStyle::Button.resolve(ui.style());
                let button = ui
                    .painter()
                    .layout_no_wrap(leave.to_owned(), font, egui::Color32::PLACEHOLDER)
                    .size()
                    .x
                    + 2.0 * ui.spacing().button_padding.x
                    + 2.0 * ui.spacing().item_spacing.x;
                let room = (ui.available_width() - button).max(40.0);
                ui.allocate_ui(egui::vec2(room, ui.spacing().interact_size.y), |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(hint).weak()).truncate())
                        .on_hover_text(hint);
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(display.t("Leave presentation", "Presentatie verlaten"))
                        .clicked()
                    {
                        self.commands.push(Command::LeavePresent);
                    }
                });
            });
        });
        if pinned {
            let PlannerApp {
                docs,
                editing,
                commands,
                ..
            } = self;
            if let Some(doc) = docs.iter().find(|d| d.id == id) {
                // About a third of the screen: the chart keeps the most room.
                let width = ui.ctx().content_rect().width();
                egui::Panel::left("client_sliders")
                    .resizable(true)
                    .default_size((width * 0.34).clamp(260.0, 400.0))
                    .min_size(240.0)
                    .show(ui, |ui| {
                        editor_ui::client_sliders_ui(ui, doc, display, editing, commands);
                    });
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let PlannerApp {
                docs,
                uncertainty,
                analysis,
                commands,
                ..
            } = self;
            let Some(doc) = docs.iter().find(|d| d.id == id) else {
                return;
            };
            doc_cards_ui(ui, doc, display, uncertainty, analysis);
            ui.add_space(6.0);
            let shown: Vec<_> = docs
                .iter()
                .filter(|d| d.shown || d.id == id)
                .take(COMPARE_MAX)
                .collect();
            let height = (ui.available_height() - 30.0).max(200.0);
            charts_ui::break_even_ui(ui, &shown, doc, display, height, commands);
        });
    }

    /// A menu item for `command`, with its shortcut from the table; pushes it when clicked.
    fn item(&mut self, ui: &mut egui::Ui, label: &str, command: Command, enabled: bool) {
        let mut button = egui::Button::new(label);
        if let Some(keys) = shortcut_of(&command) {
            button = button.shortcut_text(ui.ctx().format_shortcut(&keys));
        }
        if ui.add_enabled(enabled, button).clicked() {
            self.commands.push(command);
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let has_doc = self.current().is_some();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(self.t("File", "Bestand"), |ui| {
                self.item(
                    ui,
                    self.t("New from my own numbers…", "Nieuw met mijn eigen cijfers…"),
                    Command::StartOwnNumbers,
                    true,
                );
                ui.menu_button(self.t("New from example", "Nieuw uit voorbeeld"), |ui| {
                    for b in &BUNDLED {
                        if ui.button(b.description.get(self.display.lang)).clicked() {
                            self.commands.push(Command::NewFromExample(b.name));
                        }
                    }
                });
                self.item(ui, self.t("Open…", "Openen…"), Command::Open, true);
                self.item(ui, self.t("Save", "Opslaan"), Command::Save, has_doc);
                self.item(
                    ui,
                    self.t("Save as…", "Opslaan als…"),
                    Command::SaveAs,
                    has_doc,
                );
                self.item(
                    ui,
                    self.t(
                        "Import actuals (CSV)…",
                        "Werkelijke cijfers importeren (CSV)…",
                    ),
                    Command::ImportActuals,
                    has_doc,
                );
                ui.separator();
                let shown = self
                    .docs
                    .iter()
                    .filter(|d| d.shown || Some(d.id) == self.selected)
                    .count();
                for (label, what, several, output, enabled) in [
                    (
                        self.t(
                            "Export report (PDF, HTML)…",
                            "Rapport exporteren (PDF, HTML)…",
                        ),
                        Deliverable::Report,
                        false,
                        Output::Pdf,
                        has_doc,
                    ),
                    (
                        self.t(
                            "Export comparison report…",
                            "Vergelijkingsrapport exporteren…",
                        ),
                        Deliverable::Report,
                        true,
                        Output::Pdf,
                        has_doc && shown > 1,
                    ),
                    (
                        self.t(
                            "Export spreadsheet (Excel, CSV)…",
                            "Spreadsheet exporteren (Excel, CSV)…",
                        ),
                        Deliverable::Spreadsheet,
                        false,
                        Output::Xlsx,
                        has_doc,
                    ),
                ] {
                    self.item(
                        ui,
                        label,
                        Command::Export(ExportRequest {
                            what,
                            several,
                            output,
                        }),
                        enabled,
                    );
                }
                self.item(
                    ui,
                    self.t("Close scenario", "Scenario sluiten"),
                    Command::CloseSelected,
                    has_doc,
                );
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
                self.item(ui, self.t("Quit", "Afsluiten"), Command::Quit, true);
            });
            ui.menu_button(self.t("Edit", "Bewerken"), |ui| {
                let (can_undo, can_redo) = self
                    .current()
                    .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
                self.item(
                    ui,
                    self.t("Undo", "Ongedaan maken"),
                    Command::Undo,
                    can_undo,
                );
                self.item(ui, self.t("Redo", "Opnieuw"), Command::Redo, can_redo);
                ui.separator();
                self.item(
                    ui,
                    self.t("Duplicate scenario", "Scenario dupliceren"),
                    Command::Duplicate,
                    has_doc,
                );
                let reset = self.t(
                    "Reset input to saved value",
                    "Invoer terugzetten naar opgeslagen waarde",
                );
                let reset_label = match self.editing.last_input {
                    Some(input) => format!("{reset} ({})", input.label.get(self.display.lang)),
                    None => reset.to_owned(),
                };
                let can_reset = self.editing.last_input.is_some()
                    && self.current().is_some_and(|d| d.saved.is_some());
                self.item(ui, &reset_label, Command::ResetInput, can_reset);
                ui.separator();
                // The number fields' own keys, from the same table the fields read.
                for (keys, _, words) in &crate::ui::shortcuts::FIELD_KEYS {
                    ui.add_enabled(
                        false,
                        egui::Button::new(words.get(self.display.lang))
                            .shortcut_text(ui.ctx().format_shortcut(keys)),
                    );
                }
            });
            ui.menu_button(self.t("View", "Beeld"), |ui| {
                self.item(
                    ui,
                    self.t("Present", "Presenteren"),
                    Command::TogglePresent,
                    has_doc,
                );
                ui.separator();
                ui.label(self.t("Language", "Taal"));
                for (lang, name) in [(Lang::Nl, "Nederlands"), (Lang::En, "English")] {
                    if ui.radio(self.display.lang == lang, name).clicked() {
                        self.commands.push(Command::SetLang(lang));
                    }
                }
                ui.separator();
                ui.label(self.t("Theme", "Thema"));
                for (dark, name) in [
                    (false, self.t("Light", "Licht")),
                    (true, self.t("Dark", "Donker")),
                ] {
                    if ui.radio(self.display.dark == dark, name).clicked() {
                        self.commands.push(Command::SetDark(dark));
                    }
                }
            });
            ui.menu_button(self.t("Help", "Help"), |ui| {
                self.item(
                    ui,
                    self.t(
                        "How the numbers are computed",
                        "Hoe de cijfers worden berekend",
                    ),
                    Command::ShowHelp,
                    true,
                );
                if ui.button(self.t("About", "Over")).clicked() {
                    self.dialogs.show_about = true;
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let lang = self.display.lang;
            match &self.status {
                Some(status) if status.error => {
                    ui.colored_label(ui.visuals().error_fg_color, status.text(lang));
                }
                Some(status) => {
                    ui.label(status.text(lang));
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

    /// The central area's tabs.
    fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        for (tab, label) in [
            (Tab::Charts, self.t("Charts", "Grafieken")),
            (Tab::Kpis, self.t("KPIs", "KPI's")),
            (Tab::Table, self.t("Monthly table", "Maandtabel")),
            (Tab::Uncertainty, self.t("Uncertainty", "Onzekerheid")),
            (Tab::Compare, self.t("Compare", "Vergelijken")),
            (Tab::Tracking, self.t("Tracking", "Voortgang")),
        ] {
            if ui.selectable_label(self.tab == tab, label).clicked() {
                self.tab = tab;
            }
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        let Some(id) = self.selected else {
            crate::ui::start_ui::start_ui(self, ui);
            return;
        };
        let display = self.display;
        {
            let PlannerApp {
                docs,
                uncertainty,
                analysis,
                ..
            } = self;
            let Some(doc) = docs.iter().find(|d| d.id == id) else {
                return;
            };
            doc_cards_ui(ui, doc, display, uncertainty, analysis);
        }
        let Some(doc) = self.doc(id) else { return };
        let assumptions = crate::view::cards::assumptions(&doc.scenario, display.lang);
        // The risk assumptions, and at their right the switch between figures with and
        // without them; the tabs get a line of their own (Dutch labels are longer).
        let switch = self.t("Risk-adjusted", "Risicogecorrigeerd");
        ui.horizontal_top(|ui| {
            let font = egui::TextStyle::Button.resolve(ui.style());
            let text = ui
                .painter()
                .layout_no_wrap(switch.to_owned(), font, egui::Color32::PLACEHOLDER)
                .size()
                .x;
            let spacing = ui.spacing();
            let switch_width = text + spacing.icon_width + spacing.icon_spacing + 16.0;
            let text_width = (ui.available_width() - switch_width).max(120.0);
            ui.allocate_ui(egui::vec2(text_width, 0.0), |ui| {
                if ui
                    .add(
                        egui::Label::new(egui::RichText::new(assumptions).small())
                            .wrap()
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(self.t(
                        "These carry the case. Click to open them under Finance and risk.",
                        "Deze dragen de businesscase. Klik om ze te openen onder Financiën en risico.",
                    ))
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .clicked()
                {
                    self.editing.open_finance = true;
                }
            });
            let mut adjusted = self.display.risk_adjusted;
            if ui
                .checkbox(&mut adjusted, switch)
                .on_hover_text(self.t(
                    "Savings and revenue lowered and costs raised by the risk percentages in Finance and risk.",
                    "Besparingen en omzet verlaagd en kosten verhoogd met de risicopercentages onder Financiën en risico.",
                ))
                .changed()
            {
                self.display.risk_adjusted = adjusted;
            }
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| self.tabs_ui(ui));
        ui.separator();
        let base_id = self.comparison_base().unwrap_or(id);
        let PlannerApp { docs, commands, .. } = self;
        let Some(doc) = docs.iter().find(|d| d.id == id) else {
            return;
        };
        let Some(view) = doc.cached_view() else {
            return;
        };
        match self.tab {
            Tab::Charts => {
                let shown: Vec<_> = docs
                    .iter()
                    .filter(|d| d.shown || d.id == id)
                    .take(COMPARE_MAX)
                    .collect();
                charts_ui::charts_ui(ui, &shown, doc, display, commands);
            }
            Tab::Kpis => kpi_ui::kpi_ui(ui, view, display, commands),
            Tab::Table => table_ui::table_ui(ui, view, &doc.scenario, id, display),
            Tab::Uncertainty => {
                let PlannerApp {
                    docs,
                    uncertainty,
                    commands,
                    analysis,
                    ..
                } = self;
                let Some(doc) = docs.iter().find(|d| d.id == id) else {
                    return;
                };
                uncertainty_ui::uncertainty_ui(
                    ui,
                    doc,
                    uncertainty_ui::Context {
                        display,
                        options: uncertainty,
                        commands,
                        running_mc: analysis.running(id, Kind::MonteCarlo),
                        running_tornado: analysis.running(id, Kind::Tornado),
                        running_goal: analysis.running(id, Kind::GoalSeek),
                    },
                );
            }
            Tab::Tracking => {
                tracking_ui::tracking_ui(ui, doc, display, &mut self.tracking, commands);
            }
            Tab::Compare => {
                // The base first, whichever scenario is selected; then the selected one and
                // the others shown.
                let base = docs.iter().find(|d| d.id == base_id).unwrap_or(doc);
                let mut list: Vec<_> = vec![base];
                if base.id != id {
                    list.push(doc);
                }
                list.extend(
                    docs.iter()
                        .filter(|d| d.shown && d.id != id && d.id != base.id)
                        .take(COMPARE_MAX - list.len()),
                );
                compare_ui::compare_ui(ui, &list, display);
            }
        }
    }
}

/// The headline cards of `doc`, with the chance card when it has ranges.
fn doc_cards_ui(
    ui: &mut egui::Ui,
    doc: &crate::ui::document::Document,
    display: crate::ui::app::Display,
    uncertainty: &mut crate::ui::app::UncertaintyOptions,
    analysis: &crate::ui::analysis_worker::AnalysisWorker,
) {
    let Some(view) = doc.cached_view() else {
        return;
    };
    let chance = (!doc.scenario.ranges.is_empty()).then(|| cards_ui::ChanceCard {
        result: doc.analysis.monte_carlo.as_ref().map(|(_, mc)| mc),
        month: &mut uncertainty.by_month,
        horizon: doc.scenario.finance.horizon_months,
        running: analysis.running(doc.id, Kind::MonteCarlo),
    });
    cards_ui::cards_ui(ui, view, display, chance);
}
