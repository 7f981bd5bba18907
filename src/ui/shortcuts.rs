//! The one table of keyboard shortcuts: the window reads it to act on keys, the menus read it
//! to show them beside their items.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::report::{Deliverable, Output};
use crate::ui::command::{Command, ExportRequest};

const SHIFT_COMMAND: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Every shortcut and what it does. A chord with Shift comes before the same key without it,
/// so the longer chord wins.
pub const SHORTCUTS: [(KeyboardShortcut, Command); 15] = [
    (KeyboardShortcut::new(SHIFT_COMMAND, Key::Z), Command::Redo),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        Command::Redo,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
        Command::Undo,
    ),
    (
        KeyboardShortcut::new(SHIFT_COMMAND, Key::S),
        Command::SaveAs,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
        Command::Save,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
        Command::Open,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
        Command::StartOwnNumbers,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::D),
        Command::Duplicate,
    ),
    (
        KeyboardShortcut::new(SHIFT_COMMAND, Key::E),
        Command::Export(ExportRequest {
            what: Deliverable::Spreadsheet,
            several: false,
            output: Output::Xlsx,
        }),
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::E),
        Command::Export(ExportRequest {
            what: Deliverable::Report,
            several: false,
            output: Output::Pdf,
        }),
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::I),
        Command::ImportActuals,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::W),
        Command::CloseSelected,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        Command::ShowHelp,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F11),
        Command::TogglePresent,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
        Command::Quit,
    ),
];

/// What a key does in an input's number field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey {
    /// Step the value up as the slider does.
    StepUp,
    /// Step the value down.
    StepDown,
    /// Open or close the input's range.
    Range,
    /// Pin the input as a client slider, or unpin it.
    Pin,
}

/// The keys of an input's number field, and what each does in words: the field reads them, the
/// Edit menu lists them.
pub const FIELD_KEYS: [(KeyboardShortcut, FieldKey, crate::i18n::Text); 4] = [
    (
        KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp),
        FieldKey::StepUp,
        crate::i18n::Text {
            en: "In a number field: step up",
            nl: "In een getalveld: stap omhoog",
        },
    ),
    (
        KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown),
        FieldKey::StepDown,
        crate::i18n::Text {
            en: "In a number field: step down",
            nl: "In een getalveld: stap omlaag",
        },
    ),
    (
        KeyboardShortcut::new(Modifiers::ALT, Key::R),
        FieldKey::Range,
        crate::i18n::Text {
            en: "In a number field: range",
            nl: "In een getalveld: bandbreedte",
        },
    ),
    (
        KeyboardShortcut::new(Modifiers::ALT, Key::P),
        FieldKey::Pin,
        crate::i18n::Text {
            en: "In a number field: pin as client slider",
            nl: "In een getalveld: vastzetten als klantschuif",
        },
    ),
];

/// The keys of a number field pressed this frame (consumed from the input).
pub fn field_keys_pressed(ui: &egui::Ui) -> Vec<FieldKey> {
    ui.input_mut(|i| {
        FIELD_KEYS
            .iter()
            .filter(|(keys, _, _)| i.consume_shortcut(keys))
            .map(|(_, key, _)| *key)
            .collect()
    })
}

/// The first shortcut of `command`, to show in a menu.
pub fn shortcut_of(command: &Command) -> Option<KeyboardShortcut> {
    SHORTCUTS
        .iter()
        .find(|(_, c)| c == command)
        .map(|(keys, _)| *keys)
}

/// Whether a command edits the scenario's history, so a text field being typed in keeps the key
/// (Ctrl+Z undoes typing there).
pub fn belongs_to_text_fields(command: &Command) -> bool {
    matches!(command, Command::Undo | Command::Redo)
}

/// The commands whose shortcuts were pressed this frame (consumed from the input).
pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut out = Vec::new();
    for (keys, command) in SHORTCUTS {
        if typing && belongs_to_text_fields(&command) {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&keys)) {
            out.push(command);
        }
    }
    out
}

/// Where the window remembers whether the last Tab went backwards (Shift+Tab): a slider
/// reached by Tab hands the focus on in the same direction, whether or not Shift is still
/// held when the focus arrives.
fn tab_back_id() -> egui::Id {
    egui::Id::unique("roi_planner_tab_back")
}

/// Notes the direction of a Tab pressed this frame.
pub fn note_tab_direction(ctx: &egui::Context) {
    let back = ctx.input(|i| {
        i.events.iter().rev().find_map(|e| match e {
            egui::Event::Key {
                key: Key::Tab,
                pressed: true,
                modifiers,
                ..
            } => Some(modifiers.shift),
            _ => None,
        })
    });
    if let Some(back) = back {
        ctx.data_mut(|d| d.insert_temp(tab_back_id(), back));
    }
}

/// Whether the last Tab went backwards.
pub fn tab_went_back(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp(tab_back_id())).unwrap_or(false)
}
