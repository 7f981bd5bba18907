//! Text that must never break inside a figure: card values, money amounts, months. A label
//! laid out here wraps only between words, and a figure with its unit or currency sign is one
//! word (`€ 182.788`, `Month 13`, `12.7 months` stay together); when the widest word does not
//! fit the room, the text shrinks until it does, and only below a legible size is it shortened
//! with "…". egui's own labels break a word that does not fit anywhere (`€182,/788`).

/// The smallest size text is shrunk to before it is shortened instead.
const MIN_SIZE: f32 = 9.0;

/// How a fitted text is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tone {
    /// The normal text colour.
    Normal,
    /// Weak (secondary) text.
    Weak,
    /// Strong text.
    Strong,
    /// A colour of its own (better or worse, a warning).
    Colour(egui::Color32),
}

/// `text` with the spaces that belong to a figure made non-breaking: between a number and what
/// follows it ("12.7 months", "36 %"), after a currency sign ("€ 182.788"), and after a
/// leading word that introduces the figure ("Month 13"); elsewhere the text may break between
/// words ("Not within" / "18 months", "unadjusted:" / "€327,414").
pub fn glue_figures(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let figure_start =
        |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '€' | '>' | '<'));
    let first_space = chars.iter().position(|c| *c == ' ');
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            let glue = c == ' '
                && (before.is_some_and(|b| b.is_ascii_digit() || *b == '€')
                    || (Some(i) == first_space
                        && figure_start(after)
                        && before.is_some_and(|b| b.is_alphanumeric())));
            if glue { '\u{a0}' } else { c }
        })
        .collect()
}

/// Draws `text` at `size` points in `tone`, fitted to the room left in `ui` as the module docs
/// say; its accessible label is `text` as given.
pub fn fitted_label(ui: &mut egui::Ui, text: &str, size: f32, tone: Tone) -> egui::Response {
    let colour = match tone {
        Tone::Normal => ui.visuals().text_color(),
        Tone::Weak => ui.visuals().weak_text_color(),
        Tone::Strong => ui.visuals().strong_text_color(),
        Tone::Colour(c) => c,
    };
    let galley = fit(ui.ctx(), text, size, colour, ui.available_width());
    let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
    ui.painter().galley(rect.min, galley, colour);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Label, ui.is_enabled(), text)
    });
    response
}

/// `text` laid out within `room` points as the module docs say: wrapped between words only,
/// shrunk (not below [`MIN_SIZE`]) until its widest word fits, shortened only below that.
pub fn fit(
    ctx: &egui::Context,
    text: &str,
    size: f32,
    colour: egui::Color32,
    room: f32,
) -> std::sync::Arc<egui::Galley> {
    let glued = glue_figures(text);
    let room = room.max(1.0);
    // A little room to spare: the wrapped layout measures a word a fraction wider.
    let usable = room - 2.0;
    let widest = widest_word(ctx, &glued, size);
    let size = if widest > usable {
        (size * usable / widest).max(MIN_SIZE)
    } else {
        size
    };
    let mut job = egui::text::LayoutJob::simple(
        glued.clone(),
        egui::FontId::proportional(size),
        colour,
        room,
    );
    if widest_word(ctx, &glued, size) > usable {
        // Even at the smallest size a word is wider than the room: one line, shortened.
        job.wrap.max_rows = 1;
        job.wrap.break_anywhere = true;
    }
    ctx.fonts_mut(|f| f.layout_job(job))
}

/// One cell of a [`figure_grid`]: its text, how it is drawn, and an optional small line under
/// it (a change against the base, say).
#[derive(Clone, Debug, PartialEq)]
pub struct GridCell {
    /// The figure or text.
    pub text: String,
    /// How it is drawn.
    pub tone: Tone,
    /// A small line under it, with its tone.
    pub note: Option<(String, Tone)>,
    /// Hover text for the note.
    pub hover: Option<String>,
}

impl GridCell {
    /// A plain cell.
    pub fn new(text: impl Into<String>, tone: Tone) -> Self {
        GridCell {
            text: text.into(),
            tone,
            note: None,
            hover: None,
        }
    }
}

/// One row of a [`figure_grid`].
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// What the row is, in the first column.
    pub label: String,
    /// Whether the label is strong (a total).
    pub strong: bool,
    /// The cells beside it, one a column.
    pub cells: Vec<GridCell>,
}

/// A table of figures that always fits its room: the first column holds the labels (at most
/// 40% of the width, wrapped between words), the others share the rest evenly with their
/// figures right-aligned and fitted, so no figure is cut off at the edge or broken across
/// lines; rows are striped. `headers` name the figure columns (their hover text shows on
/// hover).
pub fn figure_grid(ui: &mut egui::Ui, headers: &[GridCell], rows: &[GridRow]) {
    let columns = rows
        .iter()
        .map(|r| r.cells.len())
        .chain([headers.len()])
        .max()
        .unwrap_or(0);
    let gap = 10.0;
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let small = egui::TextStyle::Small.resolve(ui.style()).size;
    let room = ui.available_width();
    let natural = rows
        .iter()
        .map(|r| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(
                    r.label.clone(),
                    egui::FontId::proportional(body),
                    egui::Color32::WHITE,
                )
                .size()
                .x
            })
        })
        .fold(0.0_f32, f32::max);
    let label_width = (natural + 4.0).min(room * 0.4).max(40.0);
    let column_width = if columns == 0 {
        0.0
    } else {
        ((room - label_width - gap * columns as f32) / columns as f32).max(24.0)
    };
    let stripe = ui.visuals().faint_bg_color;
    let cell =
        |ui: &mut egui::Ui, width: f32, align: egui::Align, add: &mut dyn FnMut(&mut egui::Ui)| {
            ui.allocate_ui_with_layout(
                egui::vec2(width, 0.0),
                egui::Layout::top_down(align),
                |ui| {
                    ui.set_width(width);
                    add(ui);
                },
            );
        };
    ui.spacing_mut().item_spacing.y = 2.0;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        cell(ui, label_width, egui::Align::Min, &mut |_| {});
        for h in headers {
            cell(ui, column_width, egui::Align::Max, &mut |ui| {
                let r = fitted_label(ui, &h.text, body, h.tone);
                if let Some(hover) = &h.hover {
                    r.on_hover_text(hover);
                }
            });
        }
    });
    for (i, row) in rows.iter().enumerate() {
        let background = ui.painter().add(egui::Shape::Noop);
        let response = ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            let tone = if row.strong {
                Tone::Strong
            } else {
                Tone::Normal
            };
            cell(ui, label_width, egui::Align::Min, &mut |ui| {
                fitted_label(ui, &row.label, body, tone);
            });
            for c in &row.cells {
                cell(ui, column_width, egui::Align::Max, &mut |ui| {
                    fitted_label(ui, &c.text, body, c.tone);
                    if let Some((note, tone)) = &c.note {
                        let r = fitted_label(ui, note, small, *tone);
                        if let Some(hover) = &c.hover {
                            r.on_hover_text(hover);
                        }
                    }
                });
            }
        });
        if i % 2 == 1 {
            let rect = response.response.rect.expand2(egui::vec2(2.0, 1.0));
            ui.painter()
                .set(background, egui::Shape::rect_filled(rect, 0.0, stripe));
        }
    }
}

/// The width of the widest unbreakable word of `glued` at `size` points, with the space after
/// it (a row breaks before a word only when the space after the one before fits too).
fn widest_word(ctx: &egui::Context, glued: &str, size: f32) -> f32 {
    glued
        .split(' ')
        .map(|word| {
            ctx.fonts_mut(|f| {
                f.layout_no_wrap(
                    format!("{word} "),
                    egui::FontId::proportional(size),
                    egui::Color32::WHITE,
                )
                .size()
                .x
            })
        })
        .fold(0.0_f32, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `glued` a row of a galley holds, or none when the row starts or ends
    /// inside a word.
    fn whole_words(row: &str, glued: &str) -> bool {
        let words: Vec<&str> = glued.split(' ').collect();
        let row_words: Vec<&str> = row.split(' ').filter(|w| !w.is_empty()).collect();
        row_words.iter().all(|w| words.contains(w))
    }

    #[test]
    fn figures_never_break_at_any_width() {
        let ctx = egui::Context::default();
        // Fonts are loaded by the first pass.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let texts = [
            "€191,070",
            "€ 191.070",
            "-€54,716",
            "36.9%",
            "71,9%",
            "Month 13",
            "Maand 13",
            "Not within 18 months",
            "Niet binnen 18 maanden",
            "12.7 months",
            "12,7 maanden",
            "unadjusted: €327,414",
            "ongecorrigeerd: € 327.414",
            "Behind by €54,716",
            "Achter met € 54.716",
            "> 1000%",
            "Risk-adjusted: Month 11",
        ];
        {
            for text in texts {
                let glued = glue_figures(text);
                for room in (20..=300).step_by(7) {
                    let galley = fit(&ctx, text, 19.0, egui::Color32::WHITE, room as f32);
                    for row in &galley.rows {
                        let row_text: String = row.glyphs.iter().map(|g| g.chr).collect();
                        // Shortened with "…" only when even the smallest size cannot hold it.
                        if row_text.ends_with('…') {
                            assert!(
                                widest_word(&ctx, &glued, MIN_SIZE) > room as f32 - 2.0,
                                "{text:?} shortened at {room} px"
                            );
                            continue;
                        }
                        assert!(
                            whole_words(&row_text, &glued),
                            "{text:?} at {room} px breaks inside a figure: row {row_text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn spaces_inside_figures_do_not_break() {
        assert_eq!(glue_figures("€ 182.788"), "€\u{a0}182.788");
        assert_eq!(glue_figures("Month 13"), "Month\u{a0}13");
        assert_eq!(
            glue_figures("Not within 18 months"),
            "Not within 18\u{a0}months"
        );
        assert_eq!(glue_figures("unadjusted: €327,414"), "unadjusted: €327,414");
        assert_eq!(
            glue_figures("unadjusted: 10.4 months"),
            "unadjusted: 10.4\u{a0}months"
        );
        assert_eq!(
            glue_figures("ongecorrigeerd: € 327.414"),
            "ongecorrigeerd: €\u{a0}327.414"
        );
        assert_eq!(
            glue_figures("Behind by € 54.716"),
            "Behind by €\u{a0}54.716"
        );
    }
}
