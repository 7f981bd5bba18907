//! The side panel: open scenarios with their colour, comparison switch and unsaved marker
//! (before the name, so a long name never hides it); the selected one's name, with a rename
//! offered when the name lists an initiative that is switched off.

use crate::ui::app::PlannerApp;
use crate::ui::command::Command;
use crate::ui::palette::scenario_colour;
use crate::view::names;

/// What the list shows of one scenario.
struct Row {
    id: u64,
    name: String,
    label: String,
    recovered: Option<String>,
    colour: usize,
    shown: bool,
    dirty: bool,
}

/// Draws the list of open scenarios and the selected one's name field.
pub fn scenarios_ui(app: &mut PlannerApp, ui: &mut egui::Ui) {
    ui.add_space(4.0);
    ui.heading(app.t("Scenarios", "Scenario's"));
    ui.add_space(4.0);
    let lang = app.display.lang;
    let rows: Vec<Row> = app
        .docs
        .iter()
        .map(|d| Row {
            id: d.id,
            name: d.title().to_owned(),
            label: d.list_label(),
            recovered: d.recovered_label(lang),
            colour: d.colour,
            shown: d.shown,
            dirty: d.is_dirty(),
        })
        .collect();
    for Row {
        id,
        name,
        label,
        recovered,
        colour,
        shown,
        dirty,
    } in rows
    {
        ui.horizontal(|ui| {
            let (rect, swatch) =
                ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::click());
            ui.painter().rect_filled(rect, 3.0, scenario_colour(colour));
            let swatch = swatch
                .on_hover_text(app.t("Click for another colour", "Klik voor een andere kleur"))
                .accessible_name(format!("{} {name}", app.t("Colour of", "Kleur van")));
            if swatch.clicked() {
                app.commands.push(Command::NextColour(id));
            }
            let mut show = shown;
            let check = ui
                .checkbox(&mut show, "")
                .on_hover_text(app.t(
                    "Show in the comparison chart",
                    "Tonen in de vergelijkingsgrafiek",
                ))
                .accessible_name(format!("{} {name}", app.t("Compare", "Vergelijk")));
            if check.changed() {
                app.commands.push(Command::SetShown(id, show));
            }
            // The comparison's base stays put when another scenario is selected.
            let is_base = app.base == Some(id);
            // Greyed where it is only an offer, so one marked base stands out.
            let word = egui::RichText::new(app.t("base", "basis"));
            let word = if is_base { word } else { word.weak() };
            let base = ui
                .selectable_label(is_base, word)
                .on_hover_text(if is_base {
                    app.t(
                        "The comparison measures the others against this scenario. Click again to compare against the selected one.",
                        "De vergelijking meet de andere scenario's aan dit scenario. Klik nogmaals om met het geselecteerde te vergelijken.",
                    )
                } else {
                    app.t(
                        "Make this the base the comparison measures the others against, whichever is selected.",
                        "Maak dit de basis waaraan de vergelijking de andere meet, welk scenario ook geselecteerd is.",
                    )
                })
                .accessible_name(format!("{} {name}", app.t("Base:", "Basis:")));
            if base.clicked() {
                app.commands.push(Command::SetBase(id));
            }
            let selected = app.selected == Some(id);
            // Up to two lines, shortened in the middle beyond that, so the end that tells
            // what-ifs apart stays in view.
            let width = ui.available_width() - 2.0 * ui.spacing().button_padding.x;
            let item = ui.add(
                egui::Button::selectable(selected, fit_middle(ui, id, &label, width, 2)).wrap(),
            );
            let hover = if dirty {
                format!(
                    "{label}\n{}",
                    app.t("Unsaved changes", "Niet-opgeslagen wijzigingen")
                )
            } else {
                label.clone()
            };
            if item.on_hover_text(hover).clicked() {
                app.commands.push(Command::Select(id));
            }
        });
        if let Some(recovered) = recovered {
            ui.horizontal(|ui| {
                ui.add_space(44.0);
                ui.label(egui::RichText::new(recovered).small().weak());
            });
        }
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(app.t("Duplicate as what-if…", "Dupliceren als wat-als…"))
            .clicked()
        {
            app.commands.push(Command::Duplicate);
        }
        if let Some(id) = app.selected
            && ui.button(app.t("Close", "Sluiten")).clicked()
        {
            app.commands.push(Command::Close(id));
        }
    });
    let Some((mut name, mut notes, off, suggestion)) = app.current().map(|d| {
        let off: Vec<&str> = names::mentioned_but_off(&d.scenario)
            .iter()
            .map(|i| i.title().get(lang))
            .collect();
        let suggestion = names::name_from_initiatives(&d.scenario, lang);
        (
            d.scenario.name.clone(),
            d.scenario.notes.clone(),
            off,
            suggestion,
        )
    }) else {
        return;
    };
    ui.add_space(8.0);
    ui.separator();
    let label = ui.label(app.t("Name", "Naam"));
    let edit = ui
        .add(egui::TextEdit::singleline(&mut name).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if edit.changed() {
        app.commands.push(Command::Rename(name));
    }
    if !off.is_empty() {
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!(
                    "{} {} {}",
                    app.t("The name mentions", "De naam noemt"),
                    off.join(", "),
                    app.t("which is switched off.", "terwijl dat is uitgeschakeld.")
                ))
                .small()
                .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
        if ui
            .small_button(format!(
                "{} “{suggestion}”",
                app.t("Rename to", "Hernoem naar")
            ))
            .clicked()
        {
            app.commands.push(Command::Rename(suggestion));
        }
    }
    ui.add_space(6.0);
    let label = ui.label(app.t("Description", "Beschrijving"));
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(app.t(
                    "What this case is about; printed in the report under its name",
                    "Waar deze case over gaat; staat in het rapport onder de naam",
                )),
        )
        .labelled_by(label.id)
        .on_hover_text(app.t(
            "Printed in the report under the scenario's name and saved with the scenario.",
            "Staat in het rapport onder de naam van het scenario en wordt ermee opgeslagen.",
        ));
    if edit.changed() {
        app.commands.push(Command::SetNotes(notes));
    }
}

/// `text` as it fits in `rows` lines of `width` points, shortened in the middle when it does not
/// (the longest such shortening; the start says what the scenario is, the end what tells
/// what-ifs apart).
/// Worked out again only when the name, the room or the text size changed since the last
/// frame (remembered per scenario, `id`).
fn fit_middle(ui: &egui::Ui, id: u64, text: &str, width: f32, rows: usize) -> String {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let key = (text.to_owned(), width.to_bits(), font.size.to_bits());
    let memo = egui::Id::unique("scenario_list_name").with(id);
    if let Some((k, fitted)) = ui.data(|d| d.get_temp::<((String, u32, u32), String)>(memo))
        && k == key
    {
        return fitted;
    }
    let fitted = fit_middle_now(ui, text, width, rows, font);
    ui.data_mut(|d| d.insert_temp(memo, (key, fitted.clone())));
    fitted
}

/// [`fit_middle`], laid out now.
fn fit_middle_now(
    ui: &egui::Ui,
    text: &str,
    width: f32,
    rows: usize,
    font: egui::FontId,
) -> String {
    let fits = |candidate: &str| {
        ui.painter()
            .layout(
                candidate.to_owned(),
                font.clone(),
                egui::Color32::PLACEHOLDER,
                width.max(1.0),
            )
            .rows
            .len()
            <= rows
    };
    if fits(text) {
        return text.to_owned();
    }
    let (mut low, mut high) = (5, text.chars().count());
    while low + 1 < high {
        let mid = (low + high) / 2;
        if fits(&names::short_middle(text, mid)) {
            low = mid;
        } else {
            high = mid;
        }
    }
    names::short_middle(text, low)
}
