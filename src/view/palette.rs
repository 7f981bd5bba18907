//! The colours of scenarios and initiatives, as plain RGB: the window, the report and the chart
//! images draw with the same ones.

use crate::model::Initiative;

/// An RGB colour.
pub type Rgb = [u8; 3];

/// Scenario colours, distinct in light and dark themes and for most colour-blind readers.
pub const SCENARIO_COLOURS: [Rgb; 6] = [
    [0x1f, 0x6f, 0xb4],
    [0xe0, 0x7b, 0x14],
    [0x2a, 0x9d, 0x5c],
    [0x8e, 0x44, 0xad],
    [0xc0, 0x39, 0x2b],
    [0x16, 0x9c, 0xa3],
];

/// The colour of scenario colour index `i`.
pub fn scenario_rgb(i: usize) -> Rgb {
    SCENARIO_COLOURS[i % SCENARIO_COLOURS.len()]
}

/// The colour of an initiative's bars and headings: hues none of the scenario colours use
/// (gold, magenta, brown, grey), so a bar is never mistaken for a scenario's line.
pub fn initiative_rgb(initiative: Initiative) -> Rgb {
    match initiative {
        Initiative::Chatbot => [0xd4, 0xa0, 0x17],
        Initiative::Omnichannel => [0xd6, 0x4f, 0x9a],
        Initiative::Training => [0x8c, 0x5a, 0x3c],
        Initiative::Custom => [0x7f, 0x8c, 0x8d],
    }
}

/// Green for good figures, red for bad (on a light background).
pub fn sign_rgb(positive: bool) -> Rgb {
    if positive {
        [0x1e, 0x7e, 0x45]
    } else {
        [0xb0, 0x2a, 0x1e]
    }
}

/// A colour as `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}
