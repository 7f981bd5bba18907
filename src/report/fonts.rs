//! The typeface of the report and the chart images: DejaVu Sans (regular and bold), bundled in
//! `assets/fonts/` under its own permissive licence, so every machine draws the same text.
//! Nothing is loaded at start-up: the bytes sit in the binary and are parsed on first use.

use std::sync::OnceLock;

/// The family name charts and the report ask for.
pub const FAMILY: &str = "DejaVu Sans";

/// DejaVu Sans, regular.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// DejaVu Sans, bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Makes the typeface known to plotters (once per process), which measures and draws chart
/// text with it. Returns whether it is usable.
pub fn register_for_charts() -> bool {
    static DONE: OnceLock<bool> = OnceLock::new();
    *DONE.get_or_init(|| {
        use plotters::style::{FontStyle, register_font};
        register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    })
}
