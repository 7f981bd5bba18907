//! The scenario editor, built from the engine's input descriptors: one collapsible group per
//! part of the scenario (each initiative's header says whether it is on), a slider and an
//! exact-entry field per input, hover text from the descriptor's meaning, range and source.
//!
//! Typed numbers are read as meant ([`crate::model::reading::read_number`]): either decimal mark, grouping
//! only in groups of three; a note says how a text that was not a plain number was read; a
//! value more than ten times away from the previous one asks for a second look; a value out of
//! range is refused with the range named, and the old value stays. Every row has the same
//! fixed columns, so nothing moves sideways when a note appears.

use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

use crate::format;
use crate::model::uncertainty::Estimate;
use crate::model::{
    CustomLine, Group, Initiative, InputDescriptor, InputRange, Lang, RampShape, Scenario, Shape,
    Timing, Unit, group_inputs,
};
use crate::sim::RiskClass;
use crate::text;
use crate::ui::command::Command;
use crate::ui::document::Document;
use crate::ui::state::{Confirm, Display, Editing, Note, NoteKind, ramp_name};
use crate::view::compare::no_benefit_while_training_label;
use crate::view::{kpi, to_plot};

/// The narrowest and widest an input's label column gets.
pub(crate) const LABEL_WIDTHS: (f32, f32) = (150.0, 190.0);

/// The width of an input's label column: the longest label in the window's language (with
/// room for the mark of a user's own source), within [`LABEL_WIDTHS`] — Dutch labels such as
/// "Oplossing bij eerste contact" are longer than their English ones. A longer label is
/// shortened, whole on hover.
pub(crate) fn label_width(ui: &egui::Ui, lang: Lang) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    // Measured once per language and text size, not on every frame.
    let id = egui::Id::unique("editor_label_width").with((lang, font.size.to_bits()));
    if let Some(width) = ui.data(|d| d.get_temp::<f32>(id)) {
        return width;
    }
    let longest = crate::model::all_inputs()
        .map(|i| {
            ui.painter()
                .layout_no_wrap(
                    i.label.get(lang).to_owned(),
                    font.clone(),
                    egui::Color32::PLACEHOLDER,
                )
                .size()
                .x
        })
        .fold(0.0_f32, f32::max);
    let width = (longest.ceil() + 14.0).clamp(LABEL_WIDTHS.0, LABEL_WIDTHS.1);
    ui.data_mut(|d| d.insert_temp(id, width));
    width
}

/// The width of the exact-entry field.
const ENTRY_WIDTH: f32 = 66.0;
/// The width of the unit column.
const UNIT_WIDTH: f32 = 80.0;
/// The width of the range toggle.
const RANGE_WIDTH: f32 = 22.0;
/// The width of the client-slider pin.
const PIN_WIDTH: f32 = 18.0;

/// Where an input row is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    /// In the editor: with the pin and the range toggle.
    Editor,
    /// Among the client sliders in presentation mode: the slider and its value only.
    Client,
}
/// A value this many times the previous one (or a this-th of it) asks for a second look.
const SECOND_LOOK_FACTOR: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// Decimals an input is edited with.
fn decimals(input: &InputDescriptor) -> u32 {
    input.decimals()
}

use crate::view::{input_shown as shown, input_with_unit as with_unit};

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

/// What the editor may change in the app: the commands it sends and its own notes and typing.
/// The scenario itself is only read; changes go through commands.
struct Editor<'a> {
    display: Display,
    commands: &'a mut Vec<Command>,
    editing: &'a mut Editing,
    /// The number field drawn last this frame: where Shift+Tab from the next slider goes.
    last_field: Option<egui::Id>,
    /// The label column's width this frame (see [`label_width`]).
    label_width: f32,
}

impl Editor<'_> {
    fn t(&self, en: &'static str, nl: &'static str) -> &'static str {
        self.display.t(en, nl)
    }

    /// Puts a note under `path` about `value`, in place of any note it had.
    fn note(&mut self, path: &'static str, text: String, kind: NoteKind, value: Decimal) {
        self.editing.notes.retain(|n| n.path != path);
        self.editing.notes.push(Note {
            path,
            text,
            kind,
            value,
        });
    }
}

/// Drops the notes and the second-look question that no longer belong to their input's value
/// (it moved by a slider, undo, redo or another way): a note only ever describes the value
/// shown. A "Read as" note waits while its value waits for the second look.
pub fn forget_stale_notes(editing: &mut Editing, scenario: &Scenario) {
    let value = |path: &str| crate::model::input_by_path(path).map(|d| scenario.get(d));
    if editing
        .confirm
        .is_some_and(|c| value(c.path) != Some(c.previous))
    {
        editing.confirm = None;
    }
    let confirm = editing.confirm;
    editing.notes.retain(|n| {
        value(n.path) == Some(n.value)
            || confirm.is_some_and(|c| c.path == n.path && c.value == n.value)
    });
}

/// An initiative section's header: its name and whether it is on, readable while collapsed.
fn group_header(group: Group, scenario: &Scenario, lang: Lang) -> String {
    let title = group.title().get(lang);
    match group.initiative() {
        Some(i) if scenario.is_enabled(i) => {
            format!("{title} · {}", crate::i18n::t(lang, "on", "aan"))
        }
        Some(_) => format!("{title} · {}", crate::i18n::t(lang, "off", "uit")),
        None => title.to_owned(),
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
    forget_stale_notes(editing, scenario);
    let app = &mut Editor {
        display,
        commands,
        editing,
        last_field: None,
        label_width: label_width(ui, display.lang),
    };
    ui.add_space(4.0);
    ui.heading(app.t("Inputs", "Invoer"));
    let open_finance = std::mem::take(&mut app.editing.open_finance);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for group in Group::ALL {
                if group == Group::Finance {
                    custom_group_ui(app, ui, scenario);
                }
                let initiative = group.initiative();
                let mut text =
                    egui::RichText::new(group_header(group, scenario, app.display.lang)).strong();
                if initiative.is_some_and(|i| !scenario.is_enabled(i)) {
                    text = text.weak();
                }
                let mut header = egui::CollapsingHeader::new(text)
                    .id_salt(group.key())
                    .default_open(matches!(group, Group::Baseline | Group::Chatbot));
                let focus_here = app.editing.focus_pending
                    && app
                        .editing
                        .focus_input
                        .as_deref()
                        .is_some_and(|p| group_inputs(group).iter().any(|d| d.path == p));
                if (open_finance && group == Group::Finance) || focus_here {
                    header = header.open(Some(true));
                }
                let response = header.show(ui, |ui| {
                    if let Some(initiative) = initiative {
                        initiative_switch_ui(app, ui, scenario, initiative);
                        if initiative == Initiative::Training {
                            training_switch_ui(app, ui, scenario);
                        }
                    }
                    if group == Group::Staffing {
                        staffing_ui(app, ui, scenario);
                    }
                    if group == Group::Finance {
                        calendar_ui(app, ui, scenario);
                    }
                    let model = scenario.staffing.model;
                    for input in group_inputs(group)
                        .iter()
                        .filter(|d| crate::model::staffing::uses(model, d.path))
                    {
                        input_row_ui(app, ui, scenario, saved, input, Row::Editor);
                    }
                    if group == Group::Baseline {
                        headcount_ui(ui, doc, app.display);
                    }
                });
                if open_finance && group == Group::Finance {
                    response
                        .header_response
                        .scroll_to_me(Some(egui::Align::Min));
                }
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
    let how = match doc.scenario.staffing.model {
        crate::model::StaffingModel::Simplified => display.t(
            "Contacts × handle time / 60 / occupancy / hours per FTE, for today's contact centre. More than 15% away from the headcount entered means one of those figures is off.",
            "Contacten × afhandeltijd / 60 / bezetting / uren per fte, voor het klantcontactcentrum van vandaag. Meer dan 15% naast het ingevoerde aantal betekent dat een van die cijfers niet klopt.",
        ),
        crate::model::StaffingModel::ServiceLevel => display.t(
            "The fewest agents on the line that meet the service-level target by Erlang C (contacts spread over the opening hours), × opening hours / (paid hours × (1 − shrinkage)). Payroll = the headcount entered × paid hours × cost per paid hour. More than 15% apart means one of those figures is off.",
            "Het kleinste aantal agents aan de lijn dat het servicelevel-doel haalt volgens Erlang C (contacten verdeeld over de openingsuren), × openingsuren / (betaalde uren × (1 − shrinkage)). Loonkosten = het ingevoerde aantal × betaalde uren × kosten per betaald uur. Meer dan 15% verschil betekent dat een van die cijfers niet klopt.",
        ),
    };
    ui.label(egui::RichText::new(check.text).small().color(colour))
        .on_hover_text(how);
}

/// The staffing model, the headcount policy and whether new hires are trained.
fn staffing_ui(app: &mut Editor<'_>, ui: &mut egui::Ui, scenario: &Scenario) {
    use crate::model::{HeadcountPolicy, StaffingModel};
    let lang = app.display.lang;
    let st = &scenario.staffing;
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("staffing_model")
            .selected_text(text::staffing_model_name(st.model, lang))
            .show_ui(ui, |ui| {
                for m in [StaffingModel::ServiceLevel, StaffingModel::Simplified] {
                    if ui
                        .selectable_label(m == st.model, text::staffing_model_name(m, lang))
                        .on_hover_text(text::staffing_model_meaning(m, lang))
                        .clicked()
                    {
                        app.commands.push(Command::SetStaffingModel(m));
                    }
                }
            })
            .response
            .on_hover_text(text::staffing_model_meaning(st.model, lang))
            .accessible_name(app.t("Staffing model", "Bezettingsmodel"));
    });
    if st.model == StaffingModel::Simplified {
        ui.label(
            egui::RichText::new(app.t(
                "Simplified staffing, as this file was computed: freed minutes count as money at once, times the realisation share. Choose staffing by service level for a headcount path.",
                "Vereenvoudigde bezetting, zoals dit bestand is berekend: vrijgekomen minuten tellen meteen als geld, maal het realisatiedeel. Kies bezetting naar servicelevel voor een personeelspad.",
            ))
            .small()
            .color(ui.visuals().warn_fg_color),
        );
        return;
    }
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("headcount_policy")
            .selected_text(text::headcount_policy_name(st.policy, lang))
            .show_ui(ui, |ui| {
                for p in [
                    HeadcountPolicy::KeepHeadcount,
                    HeadcountPolicy::ShrinkThroughAttrition,
                    HeadcountPolicy::ShrinkWithRedundancies,
                ] {
                    if ui
                        .selectable_label(p == st.policy, text::headcount_policy_name(p, lang))
                        .on_hover_text(text::headcount_policy_meaning(p, lang))
                        .clicked()
                    {
                        app.commands.push(Command::SetHeadcountPolicy(p));
                    }
                }
            })
            .response
            .on_hover_text(text::headcount_policy_meaning(st.policy, lang))
            .accessible_name(app.t("Headcount policy", "Personeelsbeleid"));
    });
    let label = app.t(
        "New hires take the course too",
        "Nieuwe agents volgen de cursus ook",
    );
    if let Some(train) = switch(
        ui,
        st.train_new_hires,
        (label, label),
        app.t(
            "Each new hire is trained at the course fee per agent, so training keeps its effect as the team changes.",
            "Elke nieuwe agent wordt opgeleid tegen de cursusprijs per agent, zodat de training haar effect houdt als het team verandert.",
        ),
    ) {
        app.commands.push(Command::SetTrainNewHires(train));
    }
}

/// The user's own source and note for an input: two fields and Save / Clear, in the label's
/// right-click menu; one undo step.
fn source_menu_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    scenario: &Scenario,
    input: &'static crate::model::InputDescriptor,
) {
    use crate::model::sources::InputSource;
    let id = egui::Id::unique(("input_source", input.path));
    let current = scenario
        .sources
        .get(input.path)
        .cloned()
        .unwrap_or_default();
    let mut draft: InputSource = ui.data(|d| d.get_temp(id)).unwrap_or(current);
    let label = input.label.get(app.display.lang);
    ui.set_min_width(320.0);
    ui.label(egui::RichText::new(label).strong());
    ui.label(app.t(
        "Where the value comes from: who gave it, when",
        "Waar de waarde vandaan komt: wie gaf haar, wanneer",
    ));
    let source_name = format!("{} {label}", app.t("Source of", "Bron van"));
    ui.add(
        egui::TextEdit::multiline(&mut draft.source)
            .desired_rows(2)
            .char_limit(crate::model::sources::TEXT_MAX_CHARS),
    )
    .accessible_name(&source_name);
    ui.label(app.t("Note", "Notitie"));
    let note_name = format!("{} {label}", app.t("Note on", "Notitie bij"));
    ui.add(
        egui::TextEdit::multiline(&mut draft.note)
            .desired_rows(2)
            .char_limit(crate::model::sources::TEXT_MAX_CHARS),
    )
    .accessible_name(&note_name);
    ui.data_mut(|d| d.insert_temp(id, draft.clone()));
    ui.horizontal(|ui| {
        if ui.button(app.t("Save", "Opslaan")).clicked() {
            app.commands.push(Command::SetSource(
                input.path.to_owned(),
                Some(draft.clone()),
            ));
            ui.data_mut(|d| d.remove::<InputSource>(id));
            ui.close();
        }
        if ui.button(app.t("Clear", "Wissen")).clicked() {
            app.commands
                .push(Command::SetSource(input.path.to_owned(), None));
            ui.data_mut(|d| d.remove::<InputSource>(id));
            ui.close();
        }
    });
}

/// When the case starts on the calendar, when its financial year begins, and whether the
/// table of years shows the initial investment as year 0.
fn calendar_ui(app: &mut Editor<'_>, ui: &mut egui::Ui, scenario: &Scenario) {
    use crate::model::finance::Calendar;
    let current = scenario.finance.calendar;
    let label = app.t(
        "Dates: month 1 is a calendar month",
        "Datums: maand 1 is een kalendermaand",
    );
    if let Some(dated) = switch(
        ui,
        current.is_some(),
        (label, label),
        app.t(
            "Months then carry their calendar names and the table of years shows financial years.",
            "Maanden krijgen dan hun kalendernaam en de tabel per jaar toont boekjaren.",
        ),
    ) {
        app.commands
            .push(Command::SetCalendar(dated.then_some(Calendar {
                start_year: 2027,
                start_month: 1,
                fiscal_year_start_month: 1,
            })));
    }
    if let Some(mut c) = current {
        ui.horizontal_wrapped(|ui| {
            let fields: [(&str, &mut u32, std::ops::RangeInclusive<u32>); 3] = [
                (
                    app.t("Start year", "Startjaar"),
                    &mut c.start_year,
                    2000..=2100,
                ),
                (
                    app.t("Start month", "Startmaand"),
                    &mut c.start_month,
                    1..=12,
                ),
                (
                    app.t("Financial year begins in month", "Boekjaar begint in maand"),
                    &mut c.fiscal_year_start_month,
                    1..=12,
                ),
            ];
            let mut changed = false;
            for (name, value, range) in fields {
                ui.label(name);
                changed |= ui
                    .add(egui::DragValue::new(value).range(range))
                    .accessible_name(name)
                    .changed();
            }
            if changed {
                app.commands.push(Command::SetCalendar(Some(c)));
            }
        });
    }
    let label = app.t(
        "Initial investment as year 0",
        "Initiële investering als jaar 0",
    );
    if let Some(zero) = switch(
        ui,
        scenario.finance.year_zero,
        (label, label),
        app.t(
            "The table of years shows the one-off costs of month 1 as year 0, not discounted, as finance reviews (TEI) do.",
            "De tabel per jaar toont de eenmalige kosten van maand 1 als jaar 0, niet verdisconteerd, zoals financiële reviews (TEI) doen.",
        ),
    ) {
        app.commands.push(Command::SetYearZero(zero));
    }
}

/// The training's "no benefit in the course month" switch.
fn training_switch_ui(app: &mut Editor<'_>, ui: &mut egui::Ui, scenario: &Scenario) {
    let name = Initiative::Training.title().get(app.display.lang);
    let label = no_benefit_while_training_label(app.display.lang);
    if let Some(away) = switch(
        ui,
        scenario.training.no_benefit_while_training,
        (label, &format!("{name}: {label}")),
        app.t(
            "Agents are away from the phone while they are trained: no training benefit in a month they are in the course. With a course shorter than a month the effect starts the month after the start month.",
            "Agents zitten niet aan de telefoon terwijl ze getraind worden: geen trainingsbaat in een maand waarin ze op cursus zijn. Bij een cursus korter dan een maand start het effect de maand na de startmaand.",
        ),
    ) {
        app.commands.push(Command::SetNoBenefitWhileTraining(away));
    }
}

/// A switch: a checkbox showing `on`, with its (label, accessible name) and hover text; the
/// new value when it was clicked.
fn switch(ui: &mut egui::Ui, on: bool, (label, name): (&str, &str), hover: &str) -> Option<bool> {
    let mut on = on;
    ui.checkbox(&mut on, label)
        .on_hover_text(hover)
        .accessible_name(name)
        .changed()
        .then_some(on)
}

/// A fixed-width cell in a row, so every row's columns line up whatever the content.
fn fixed<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(width);
            add(ui)
        },
    )
    .inner
}

/// The client sliders of `doc`, for presentation mode: the inputs pinned in the editor, each
/// with its slider and value, changed the way the editor changes them.
pub fn client_sliders_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    display: Display,
    editing: &mut Editing,
    commands: &mut Vec<Command>,
) {
    forget_stale_notes(editing, &doc.scenario);
    let app = &mut Editor {
        display,
        commands,
        editing,
        last_field: None,
        label_width: label_width(ui, display.lang),
    };
    ui.add_space(4.0);
    ui.heading(app.t("Client sliders", "Klantschuiven"));
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for input in client_inputs(&doc.scenario) {
                {
                    ui.weak(input.group.title().get(display.lang));
                    input_row_ui(
                        app,
                        ui,
                        &doc.scenario,
                        doc.saved.as_ref(),
                        input,
                        Row::Client,
                    );
                    ui.add_space(6.0);
                }
            }
        });
}

/// The pinned inputs that matter now: those of switched-off initiatives move nothing, so a
/// client does not see them (they come back when the initiative is switched on).
pub fn client_inputs(scenario: &Scenario) -> impl Iterator<Item = &'static InputDescriptor> {
    scenario
        .client_sliders
        .iter()
        .filter_map(|path| crate::model::input_by_path(path))
        .filter(|d| d.group.initiative().is_none_or(|i| scenario.is_enabled(i)))
        .filter(|d| crate::model::staffing::uses(scenario.staffing.model, d.path))
}

/// The pin beside an input: marks it as a client slider, shown in presentation mode.
fn pin_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    scenario: &Scenario,
    input: &'static InputDescriptor,
    label_text: &str,
) {
    let pinned = scenario.client_sliders.iter().any(|p| p == input.path);
    let size = egui::vec2(PIN_WIDTH, ui.spacing().interact_size.y);
    // Clicked, not a Tab stop: Alt+P in the input's number field pins it.
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::CLICK);
    let name = format!("{label_text} ({})", app.t("client slider", "klantschuif"));
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, pinned, &name));
    let visuals = ui.style().interact_selectable(&response, pinned);
    let colour = if pinned {
        ui.visuals().selection.stroke.color
    } else if response.hovered() {
        visuals.fg_stroke.color
    } else {
        ui.visuals().weak_text_color().gamma_multiply(0.6)
    };
    // A drawing pin: a round head and a needle.
    let c = rect.center();
    let head = egui::pos2(c.x, c.y - 3.0);
    let painter = ui.painter();
    painter.line_segment(
        [egui::pos2(c.x, c.y), egui::pos2(c.x, c.y + 7.0)],
        egui::Stroke::new(1.5, colour),
    );
    if pinned {
        painter.circle_filled(head, 4.5, colour);
    } else {
        painter.circle_stroke(head, 4.0, egui::Stroke::new(1.3, colour));
    }
    let response = response.on_hover_text(if pinned {
        app.t(
            "A client slider: shown in presentation mode (F11). Click to unpin.",
            "Een klantschuif: zichtbaar in presentatiemodus (F11). Klik om los te maken.",
        )
    } else {
        app.t(
            "Pin as a client slider: presentation mode (F11) shows it beside the chart. Saved with the scenario.",
            "Vastzetten als klantschuif: de presentatiemodus (F11) toont hem naast de grafiek. Wordt met het scenario opgeslagen.",
        )
    });
    if response.clicked() {
        app.commands.push(Command::SetClientSlider(input, !pinned));
    }
}

fn input_row_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    scenario: &Scenario,
    saved: Option<&Scenario>,
    input: &'static InputDescriptor,
    row: Row,
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
    let own = scenario.sources.get(input.path).filter(|s| !s.is_empty());
    let source = match own {
        Some(own) => format!(
            "\n{} {}{}",
            app.t("Your source:", "Uw bron:"),
            own.source,
            if own.note.is_empty() {
                String::new()
            } else {
                format!("\n{} {}", app.t("Note:", "Notitie:"), own.note)
            }
        ),
        None => input
            .source
            .map(|s| format!("\n{} {}", app.t("Source:", "Bron:"), s.get(lang)))
            .unwrap_or_default(),
    };
    let source = format!(
        "{source}\n{}",
        app.t(
            "Right-click the label to give your own source and note.",
            "Klik met rechts op het label om uw eigen bron en notitie te geven.",
        )
    );
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
    // The widget of the row the pointer rests on: its hover text is shown beside the row.
    let mut hovered: Option<egui::Response> = None;
    let mut row_rect = None;
    if row == Row::Client {
        // A client reads the label above a slider as wide as the panel.
        let response = ui.label(egui::RichText::new(label_text).size(17.0));
        row_rect = Some(response.rect);
        hovered = Some(response);
    }
    // A client's units take only the widest one's width, so the sliders fill the panel and the
    // fields stand in one column.
    let unit_width = match row {
        Row::Editor => UNIT_WIDTH,
        Row::Client => {
            let font = egui::TextStyle::Small.resolve(ui.style());
            let widest = client_inputs(scenario)
                .map(|i| {
                    ui.painter()
                        .layout_no_wrap(
                            i.unit.symbol().get(lang).to_owned(),
                            font.clone(),
                            egui::Color32::PLACEHOLDER,
                        )
                        .size()
                        .x
                })
                .fold(0.0_f32, f32::max);
            widest.ceil() + 4.0
        }
    };
    let label_column = app.label_width;
    let inner = ui.horizontal(|ui| {
        let spacing = ui.spacing().item_spacing.x;
        let controls = match row {
            Row::Editor => label_column + RANGE_WIDTH + PIN_WIDTH + 3.0 * spacing,
            Row::Client => 0.0,
        };
        let slider_width =
            (ui.available_width() - ENTRY_WIDTH - unit_width - controls - 2.0 * spacing).max(48.0);
        if row == Row::Editor {
            pin_ui(app, ui, scenario, input, label_text);
        }
        let focused = app.editing.focus_input.as_deref() == Some(input.path);
        let label = if focused {
            label.strong().color(ui.visuals().selection.stroke.color)
        } else {
            label
        };
        if row == Row::Editor {
            // A user's own source is marked beside the label.
            let label = if own.is_some() {
                egui::RichText::new(format!("{} ·", label.text())).underline()
            } else {
                label
            };
            let label_response = fixed(ui, label_column, |ui| {
                ui.add(egui::Label::new(label).truncate().sense(egui::Sense::CLICK))
            });
            hovered = Some(label_response.clone());
            label_response.context_menu(|ui| source_menu_ui(app, ui, scenario, input));
            if focused && app.editing.focus_pending {
                label_response.scroll_to_me(Some(egui::Align::Center));
                app.editing.focus_pending = false;
            }
        }
        let mut v = to_plot(value);
        let (min, max) = slider_range(input, v);
        let step = 10f64.powi(-(decimals(input) as i32));
        ui.spacing_mut().slider_width = slider_width;
        let slider = ui
            .add(
                egui::Slider::new(&mut v, min..=max)
                    .show_value(false)
                    .step_by(step),
            )
            .accessible_name(label_text);
        if slider.hovered() {
            hovered = Some(slider.clone());
        }
        // Tab goes from number field to number field: a slider reached by Tab hands the focus
        // on (Alt+Up and Alt+Down in the field move the value as the slider does).
        // Only focus that came by keyboard is handed on: a click or a drag keeps it.
        let hand_on = slider.gained_focus()
            && !slider.is_pointer_button_down_on()
            && !ui.input(|i| i.pointer.any_down() || i.pointer.any_released());
        // Backwards (Shift+Tab) the focus goes on to the number field before.
        let back = hand_on && crate::ui::shortcuts::tab_went_back(ui.ctx());
        if back && let Some(previous) = app.last_field {
            ui.memory_mut(|m| m.request_focus(previous));
        }
        // A slider may report a change that only re-rounds the value; only a real move counts.
        if let Some(range) = scenario.estimate(input.path) {
            range_band(ui, slider.rect, (min, max), &range);
        }
        if slider.changed()
            && let Some(d) = Decimal::from_f64(v)
            && format::round(d, decimals(input)) != value
        {
            app.editing.notes.retain(|n| n.path != input.path);
            app.editing.confirm = None;
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
        let keys = entry_ui(app, ui, input, value, (label_text, hand_on && !back));
        if keys.step != 0 {
            let step = Decimal::new(1, decimals(input));
            let moved = (value + step * Decimal::from(keys.step)).clamp(input.min, input.max);
            if moved != value {
                app.commands.push(Command::SetInput(input, moved));
            }
        }
        if keys.pin && row == Row::Editor {
            let pinned = scenario.client_sliders.iter().any(|p| p == input.path);
            app.commands.push(Command::SetClientSlider(input, !pinned));
        }
        if row == Row::Editor {
            range_toggle_ui(app, ui, scenario, input, (value, label_text), keys.range);
        }
        fixed(ui, unit_width, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(unit).small()).truncate());
        });
    });
    let row_rect = row_rect.map_or(inner.response.rect, |r| r.union(inner.response.rect));
    if let Some(response) = hovered.filter(|r| r.hovered()) {
        side_hover(ui, &response, row_rect, &hover);
    }
    note_ui(app, ui, input, value);
    if row == Row::Editor
        && app.editing.open_ranges.iter().any(|p| p == input.path)
        && let Some(range) = scenario.estimate(input.path)
    {
        range_editor_ui(app, ui, input, value, &range, label_text);
    }
}

/// Shows `text` as the hover text of `response` beside its row (`row`): to its right, or to its
/// left where there is no room, never over the rows above and below, the controls a user moves
/// next (egui's own tooltip opens below the pointer, over the next slider).
pub(crate) fn side_hover(ui: &egui::Ui, response: &egui::Response, row: egui::Rect, text: &str) {
    if !egui::Tooltip::should_show_tooltip(response, false) {
        return;
    }
    egui::Popup::new(
        response.id.with("side_hover"),
        ui.ctx().clone(),
        row,
        response.layer_id,
    )
    .kind(egui::PopupKind::Tooltip)
    .align(egui::RectAlign::RIGHT_START)
    .align_alternatives(&[egui::RectAlign::LEFT_START, egui::RectAlign::TOP_START])
    .gap(8.0)
    .width(ui.spacing().tooltip_width)
    .show(|ui| {
        ui.label(text);
    });
}

/// Paints the input's range over its slider: a band from low to high.
fn range_band(ui: &egui::Ui, rect: egui::Rect, (min, max): (f64, f64), range: &Estimate) {
    if max <= min {
        return;
    }
    let x = |v: Decimal| {
        let t = ((to_plot(v) - min) / (max - min)).clamp(0.0, 1.0) as f32;
        rect.left() + t * rect.width()
    };
    let (l, r) = (x(range.low), x(range.high));
    let band = egui::Rect::from_x_y_ranges(
        l..=r.max(l + 2.0),
        (rect.center().y - 5.0)..=(rect.center().y + 5.0),
    );
    let colour = ui.visuals().selection.bg_fill.gamma_multiply(0.55);
    ui.painter().rect_filled(band, 3.0, colour);
}

/// A default range for an input that has none: 20% either way, within what it allows.
fn default_range(input: &InputDescriptor, value: Decimal) -> InputRange {
    let step = (value.abs() / Decimal::from(5)).max(Decimal::new(1, decimals(input)));
    let round = |d: Decimal| format::round(d, decimals(input)).clamp(input.min, input.max);
    InputRange::around(
        value,
        round(value - step),
        round(value + step),
        Shape::Triangular,
    )
}

/// The ± toggle beside an input: gives it a range (20% either way to start) and opens or
/// closes its range editor.
/// The ± button that opens (and first gives) an input's range; `by_key`: Alt+R was pressed
/// in its number field.
fn range_toggle_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    scenario: &Scenario,
    input: &'static InputDescriptor,
    (value, label_text): (Decimal, &str),
    by_key: bool,
) {
    let has = scenario.ranges.contains_key(input.path);
    let open = app.editing.open_ranges.iter().any(|p| p == input.path);
    // Clicked, not a Tab stop: Alt+R in the input's number field toggles it.
    let button = egui::Button::new(egui::RichText::new("±").small())
        .selected(has || open)
        .sense(egui::Sense::CLICK);
    let response = ui
        .add_sized([RANGE_WIDTH, ui.spacing().interact_size.y], button)
        .on_hover_text(if has {
            app.t(
                "This input has a range (low, likely, high): click to edit it",
                "Deze invoer heeft een bandbreedte (laag, waarschijnlijk, hoog): klik om die te bewerken",
            )
        } else {
            app.t(
                "Give this input a range (low, likely, high) for the uncertainty analysis",
                "Geef deze invoer een bandbreedte (laag, waarschijnlijk, hoog) voor de onzekerheidsanalyse",
            )
        })
        .accessible_name(format!("{label_text} ({})", app.t("range", "bandbreedte")));
    if response.clicked() || by_key {
        if open {
            app.editing.open_ranges.retain(|p| p != input.path);
        } else {
            app.editing.open_ranges.push(input.path.to_owned());
            if !has {
                app.commands.push(Command::SetRange(
                    input.path.to_owned(),
                    Some(default_range(input, value)),
                ));
            }
        }
    }
}

/// Low, likely and high and the shape of an input's range, under its row.
fn range_editor_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    input: &'static InputDescriptor,
    value: Decimal,
    range: &Estimate,
    label_text: &str,
) {
    let lang = app.display.lang;
    let mut edited = *range;
    let speed = (to_plot(input.max - input.min) / 500.0).max(10f64.powi(-(decimals(input) as i32)));
    let (min, max) = (to_plot(input.min), to_plot(input.max));
    ui.horizontal_wrapped(|ui| {
        ui.add_space(app.label_width + ui.spacing().item_spacing.x);
        let drag = |ui: &mut egui::Ui, d: &mut Decimal, name: &str, limits: (f64, f64)| {
            let mut v = to_plot(*d);
            let r = ui
                .add(
                    egui::DragValue::new(&mut v)
                        .range(limits.0..=limits.1)
                        .speed(speed)
                        .max_decimals(decimals(input) as usize),
                )
                .accessible_name(format!("{label_text}: {name}"));
            if r.changed()
                && let Some(x) = Decimal::from_f64(v)
            {
                *d = format::round(x, decimals(input));
            }
        };
        let value_f = to_plot(value);
        ui.label(egui::RichText::new(app.t("low", "laag")).small());
        drag(ui, &mut edited.low, app.t("low", "laag"), (min, value_f));
        ui.label(
            egui::RichText::new(format!(
                "{} {}",
                app.t("likely", "waarschijnlijk"),
                shown(value, input, lang)
            ))
            .small()
            .weak(),
        );
        ui.label(egui::RichText::new(app.t("high", "hoog")).small());
        drag(ui, &mut edited.high, app.t("high", "hoog"), (value_f, max));
        egui::ComboBox::from_id_salt(("shape", input.path))
            .width(90.0)
            .selected_text(shape_name(edited.shape, lang))
            .show_ui(ui, |ui| {
                for shape in Shape::ALL {
                    ui.selectable_value(&mut edited.shape, shape, shape_name(shape, lang));
                }
            })
            .response
            .accessible_name(format!("{label_text}: {}", app.t("shape", "vorm")));
        if ui
            .small_button(app.t("remove", "verwijder"))
            .on_hover_text(app.t("Take the range away", "Haal de bandbreedte weg"))
            .accessible_name(format!(
                "{label_text}: {}",
                app.t("remove range", "bandbreedte verwijderen")
            ))
            .clicked()
        {
            app.editing.open_ranges.retain(|p| p != input.path);
            app.commands
                .push(Command::SetRange(input.path.to_owned(), None));
            return;
        }
        if edited != *range {
            app.commands.push(Command::SetRange(
                input.path.to_owned(),
                Some(InputRange::around(
                    value,
                    edited.low,
                    edited.high,
                    edited.shape,
                )),
            ));
        }
    });
}

/// A shape's name.
fn shape_name(shape: Shape, lang: Lang) -> &'static str {
    match shape {
        Shape::Triangular => crate::i18n::t(lang, "Triangular", "Driehoek"),
        Shape::Pert => crate::i18n::t(lang, "PERT", "PERT"),
        Shape::Uniform => crate::i18n::t(lang, "Uniform", "Gelijkmatig"),
    }
}

/// The exact-entry field; what is typed is committed when the field loses focus (Enter, Tab or
/// a click elsewhere).
/// What the keys pressed in an input's number field ask for: a step of the value (Alt+Up,
/// Alt+Down), the range toggle (Alt+R), the pin (Alt+P).
#[derive(Default)]
struct FieldKeys {
    step: i32,
    range: bool,
    pin: bool,
}

/// The number field of an input; `take_focus`: the slider before it was reached by Tab and
/// hands the focus on.
fn entry_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    input: &'static InputDescriptor,
    value: Decimal,
    (label_text, take_focus): (&str, bool),
) -> FieldKeys {
    let lang = app.display.lang;
    let editing = matches!(&app.editing.entry, Some((p, _)) if *p == input.path);
    let mut text = match &app.editing.entry {
        Some((p, t)) if *p == input.path => t.clone(),
        _ => plain(value, decimals(input), lang),
    };
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(ENTRY_WIDTH - 8.0)
                .align(egui::Align2::RIGHT_CENTER),
        )
        .accessible_name(format!(
            "{label_text} ({})",
            app.t("exact value", "exacte waarde")
        ));
    if edit.hovered() {
        side_hover(
            ui,
            &edit,
            edit.rect,
            app.t(
                "Type the exact value. Alt+Up and Alt+Down step it as the slider does, Alt+R gives it a range, Alt+P pins it as a client slider; Tab goes to the next input.",
                "Typ de exacte waarde. Alt+Omhoog en Alt+Omlaag verzetten haar zoals de schuif, Alt+R geeft een bandbreedte, Alt+P zet haar vast als klantschuif; Tab gaat naar de volgende invoer.",
            ),
        );
    }
    if take_focus {
        edit.request_focus();
    }
    app.last_field = Some(edit.id);
    if edit.gained_focus() || (edit.has_focus() && !editing) || edit.changed() {
        app.editing.entry = Some((input.path, text.clone()));
    }
    // Only the pass that still holds the typed text commits it (egui may run a frame twice).
    if edit.lost_focus() && editing {
        app.editing.entry = None;
        commit_typed(app, input, &text, value);
    }
    let mut keys = FieldKeys::default();
    if edit.has_focus() {
        use crate::ui::shortcuts::FieldKey;
        for key in crate::ui::shortcuts::field_keys_pressed(ui) {
            match key {
                FieldKey::StepUp => keys.step += 1,
                FieldKey::StepDown => keys.step -= 1,
                FieldKey::Range => keys.range = true,
                FieldKey::Pin => keys.pin = true,
            }
        }
        if keys.step != 0 {
            // The field shows the stepped value, not the text typed before.
            app.editing.entry = None;
        }
    }
    keys
}

/// The note under an input, and the second-look question when one is pending; indented to the
/// slider's column so the row above keeps its place.
fn note_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    input: &'static InputDescriptor,
    value: Decimal,
) {
    let lang = app.display.lang;
    let note = app
        .editing
        .notes
        .iter()
        .find(|n| n.path == input.path)
        .cloned();
    let confirm = app.editing.confirm.filter(|c| c.path == input.path);
    if note.is_none() && confirm.is_none() {
        return;
    }
    ui.horizontal(|ui| {
        ui.add_space(app.label_width + ui.spacing().item_spacing.x);
        ui.vertical(|ui| {
            if let Some(note) = &note {
                let colour = match note.kind {
                    NoteKind::Read => ui.visuals().weak_text_color(),
                    NoteKind::Refused => ui.visuals().warn_fg_color,
                };
                ui.add(
                    egui::Label::new(egui::RichText::new(&note.text).small().color(colour)).wrap(),
                );
            }
            if let Some(c) = confirm {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(match lang {
                            Lang::En => format!(
                                "{} is more than ten times away from {}. Is that meant?",
                                with_unit(c.value, input, lang),
                                with_unit(c.previous, input, lang)
                            ),
                            Lang::Nl => format!(
                                "{} ligt meer dan tien keer van {} af. Klopt dat?",
                                with_unit(c.value, input, lang),
                                with_unit(c.previous, input, lang)
                            ),
                        })
                        .small()
                        .color(ui.visuals().warn_fg_color),
                    )
                    .wrap(),
                );
                ui.horizontal(|ui| {
                    let use_it = format!(
                        "{} {}",
                        app.t("Use", "Gebruik"),
                        with_unit(c.value, input, lang)
                    );
                    if ui.small_button(use_it).clicked() {
                        app.editing.confirm = None;
                        app.commands.push(Command::SetInput(input, c.value));
                    }
                    let keep = format!(
                        "{} {}",
                        app.t("Keep", "Houd"),
                        with_unit(value, input, lang)
                    );
                    if ui.small_button(keep).clicked() {
                        app.editing.confirm = None;
                        app.editing.notes.retain(|n| n.path != input.path);
                    }
                });
            }
        });
    });
}

/// A value as typed: the language's decimal mark, no grouping.
fn plain(value: Decimal, dp: u32, lang: Lang) -> String {
    let text = format!("{}", format::round(value, dp).normalize());
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Reads what was typed into `input`'s field and sets it, or says why not.
fn commit_typed(
    app: &mut Editor<'_>,
    input: &'static InputDescriptor,
    text: &str,
    current: Decimal,
) {
    let lang = app.display.lang;
    app.editing.notes.retain(|n| n.path != input.path);
    app.editing.confirm = None;
    if text.trim() == plain(current, decimals(input), lang) {
        return;
    }
    let Some(reading) = crate::model::reading::read_number(text, lang) else {
        let note = format!(
            "“{}” {}",
            text.trim(),
            app.t(
                "is not a number; the value is unchanged.",
                "is geen getal; de waarde is niet veranderd."
            )
        );
        app.note(input.path, note, NoteKind::Refused, current);
        return;
    };
    let value = format::round(reading.value, decimals(input));
    if value < input.min || value > input.max {
        let note = match lang {
            Lang::En => format!(
                "{} is outside the allowed {} to {}; the value stays {}.",
                with_unit(value, input, lang),
                shown(input.min, input, lang),
                with_unit(input.max, input, lang),
                with_unit(current, input, lang)
            ),
            Lang::Nl => format!(
                "{} valt buiten het toegestane {} tot {}; de waarde blijft {}.",
                with_unit(value, input, lang),
                shown(input.min, input, lang),
                with_unit(input.max, input, lang),
                with_unit(current, input, lang)
            ),
        };
        app.note(input.path, note, NoteKind::Refused, current);
        return;
    }
    if !reading.plain || value != reading.value {
        let note = format!(
            "{} {}",
            app.t("Read as", "Gelezen als"),
            with_unit(value, input, lang)
        );
        app.note(input.path, note, NoteKind::Read, value);
    }
    if value == current {
        return;
    }
    let far = !current.is_zero()
        && !value.is_zero()
        && (value.abs() > current.abs() * SECOND_LOOK_FACTOR
            || value.abs() * SECOND_LOOK_FACTOR < current.abs());
    if far {
        app.editing.confirm = Some(Confirm {
            path: input.path,
            value,
            previous: current,
        });
        return;
    }
    app.commands.push(Command::SetInput(input, value));
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
                custom_line_ui(app, ui, i, line, scenario.custom.lines.len());
            }
            if ui.button(app.t("Add line", "Post toevoegen")).clicked() {
                app.commands.push(Command::AddCustomLine);
            }
        });
}

fn custom_line_ui(
    app: &mut Editor<'_>,
    ui: &mut egui::Ui,
    i: usize,
    line: &CustomLine,
    count: usize,
) {
    let n = i + 1;
    let lang = app.display.lang;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        // Every line's card as wide as the column, whatever its name or timing.
        ui.set_width(ui.available_width());
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
                // A word, not a symbol the font may not draw.
                .small_button(app.t("Remove", "Verwijderen"))
                .on_hover_text(app.t("Remove this line", "Deze post verwijderen"))
                .accessible_name(format!("{} {n}", app.t("Remove line", "Verwijder post")))
                .clicked()
            {
                app.commands.push(Command::RemoveCustomLine(i));
            }
        });
        // Reordering keeps each line's range with it (see `Scenario::swap_custom_lines`).
        ui.horizontal(|ui| {
            if i > 0
                && ui
                    .small_button(app.t("up", "omhoog"))
                    .accessible_name(format!("{} {n}: {}", app.t("Line", "Post"), app.t("move up", "omhoog")))
                    .clicked()
            {
                app.commands.push(Command::SwapCustomLines(i - 1, i));
            }
            if i + 1 < count
                && ui
                    .small_button(app.t("down", "omlaag"))
                    .accessible_name(format!("{} {n}: {}", app.t("Line", "Post"), app.t("move down", "omlaag")))
                    .clicked()
            {
                app.commands.push(Command::SwapCustomLines(i, i + 1));
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
        RiskClass::Cost => crate::i18n::t(lang, "Cost", "Kosten"),
        RiskClass::Saving => crate::i18n::t(lang, "Saving", "Besparing"),
        RiskClass::Revenue => crate::i18n::t(lang, "Revenue", "Omzet"),
    }
}
