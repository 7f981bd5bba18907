//! Colours: one per scenario, used alike in the side panel, the charts and the tables, and
//! one per initiative for the cost and benefit bars.

use egui::Color32;

use crate::model::Initiative;
use crate::view::palette as view_palette;

fn rgb(c: view_palette::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// The colour of scenario colour index `i`.
pub fn scenario_colour(i: usize) -> Color32 {
    rgb(view_palette::scenario_rgb(i))
}

/// The colour of an initiative's bars and headings (see [`view_palette::initiative_rgb`]).
pub fn initiative_colour(initiative: Initiative) -> Color32 {
    rgb(view_palette::initiative_rgb(initiative))
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
