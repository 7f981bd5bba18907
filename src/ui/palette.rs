//! Colours: one per scenario, used alike in the side panel, the charts and the tables, and
//! one per initiative for the cost and benefit bars.

use egui::Color32;

use crate::model::Initiative;

/// Scenario colours, distinct in light and dark themes and for most colour-blind readers.
pub const SCENARIO_COLOURS: [Color32; 6] = [
    Color32::from_rgb(0x1f, 0x6f, 0xb4),
    Color32::from_rgb(0xe0, 0x7b, 0x14),
    Color32::from_rgb(0x2a, 0x9d, 0x5c),
    Color32::from_rgb(0x8e, 0x44, 0xad),
    Color32::from_rgb(0xc0, 0x39, 0x2b),
    Color32::from_rgb(0x16, 0x9c, 0xa3),
];

/// The colour of scenario colour index `i`.
pub fn scenario_colour(i: usize) -> Color32 {
    SCENARIO_COLOURS[i % SCENARIO_COLOURS.len()]
}

/// The colour of an initiative's bars and headings: hues none of the scenario colours use
/// (gold, magenta, brown, grey), so a bar is never mistaken for a scenario's line.
pub fn initiative_colour(initiative: Initiative) -> Color32 {
    match initiative {
        Initiative::Chatbot => Color32::from_rgb(0xd4, 0xa0, 0x17),
        Initiative::Omnichannel => Color32::from_rgb(0xd6, 0x4f, 0x9a),
        Initiative::Training => Color32::from_rgb(0x8c, 0x5a, 0x3c),
        Initiative::Custom => Color32::from_rgb(0x7f, 0x8c, 0x8d),
    }
}

/// Green for good figures, red for bad, in both themes.
pub fn sign_colour(positive: bool, dark: bool) -> Color32 {
    match (positive, dark) {
        (true, false) => Color32::from_rgb(0x1e, 0x7e, 0x45),
        (true, true) => Color32::from_rgb(0x5c, 0xc4, 0x85),
        (false, false) => Color32::from_rgb(0xb0, 0x2a, 0x1e),
        (false, true) => Color32::from_rgb(0xf0, 0x6e, 0x5e),
    }
}
