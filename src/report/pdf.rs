//! The report as a PDF, laid out by typst (used as a library, with the bundled DejaVu Sans and
//! typst's own fonts for anything else). The [`Report`] becomes typst markup in which every
//! text is a string literal (so nothing a user typed is read as markup), the charts are SVG
//! files the markup embeds as vector graphics, and typst lays out and writes the PDF.
//!
//! The fonts and typst's standard library are loaded on the first report, not at start-up.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::model::Lang;
use crate::report::chart;
use crate::report::fonts;
use crate::report::{Block, Report, ReportError, RowStyle, Table};
use crate::view::palette::{hex, scenario_rgb, sign_rgb};

/// The width and height, in pixels, charts are drawn at for the PDF (scaled to the text
/// width; vector graphics, so the pixels only set the proportions and text sizes).
const CHART_SIZE: (u32, u32) = (960, 520);

/// Fonts and the standard library, built on the first report.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let mut fonts: Vec<Font> = Vec::new();
        for data in [fonts::REGULAR, fonts::BOLD]
            .into_iter()
            .chain(typst_assets::fonts())
        {
            fonts.extend(Font::iter(Bytes::new(data)));
        }
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// What typst sees: the markup and the chart files, nothing on disk.
struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> FileResult<FileId> {
    let vpath = VirtualPath::new(path).map_err(|_| FileError::AccessDenied)?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// A typst string literal holding `text`.
fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Keeps a figure on one line: "€ 1.234" must not break after the euro sign.
fn figure_lit(text: &str) -> String {
    lit(&text.replace(' ', "\u{a0}"))
}

const PREAMBLE: &str = r##"
#let accent = rgb("ACCENT")
#set page(paper: "a4", margin: (x: 16mm, top: 15mm, bottom: 17mm),
  footer: context {
    set text(size: 7pt, fill: luma(120))
    FOOTER
    h(1fr)
    counter(page).display("1 / 1", both: true)
  })
#set text(font: "DejaVu Sans", size: 8.6pt, lang: "LANG")
#set par(leading: 0.55em, spacing: 0.9em)
#show heading.where(level: 1): it => block(above: 1.3em, below: 0.7em, breakable: false, sticky: true,
  text(size: 13pt, weight: "bold", fill: accent, it.body))
#show heading.where(level: 2): it => block(above: 1.1em, below: 0.5em, breakable: false, sticky: true,
  text(size: 10pt, weight: "bold", it.body))
#show table: set text(size: 7.4pt)
#let card(label, value, beside) = block(width: 100%, fill: luma(246), radius: 3pt,
  inset: (x: 7pt, y: 6pt), stroke: 0.5pt + luma(215), breakable: false, {
  text(size: 7.4pt, fill: luma(80), label)
  linebreak()
  text(size: 13.5pt, weight: "bold", value)
  linebreak()
  text(size: 6.8pt, fill: luma(90), beside)
})
#let note(body) = block(above: 0.5em, below: 0.8em, text(size: 7.2pt, fill: luma(80), body))
#let formula(body) = block(width: 100%, fill: luma(247), inset: 5pt, radius: 2pt,
  breakable: false, text(size: 7pt, raw(body, block: true)))
#let head(body) = text(weight: "bold", body)
"##;

/// The typst markup of `report`, with the chart files it embeds.
pub fn markup(report: &Report) -> Result<(String, Vec<(String, String)>), ReportError> {
    let lang = match report.lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    let mut out = PREAMBLE
        .replace("ACCENT", &hex(scenario_rgb(0)))
        .replace("LANG", lang)
        .replace("FOOTER", &lit(&report.title));
    let _ = writeln!(out, "#set document(title: {})", lit(&report.title));
    let meta: Vec<String> = report.meta.iter().map(|m| lit(m)).collect();
    let _ = writeln!(
        out,
        "#block(below: 1.1em, {{ par(leading: 0.62em, text(size: 19pt, weight: \"bold\", {})); v(0.2em); set text(size: 8.6pt, fill: luma(70)); par(leading: 0.5em, {{ {} }}) }})",
        lit(&report.title),
        meta.join("; linebreak(); ")
    );
    let mut charts = Vec::new();
    for block in &report.blocks {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(out, "#heading(level: 1, {})", lit(text));
            }
            Block::Subheading(text) => {
                let _ = writeln!(out, "#heading(level: 2, {})", lit(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "#par({})\n", lit(text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "#note({})", lit(text));
            }
            Block::Formula(text) => {
                let _ = writeln!(out, "#formula({})", lit(text));
            }
            Block::Headlines(list) => {
                let columns = if list.len() % 3 == 0 { 3 } else { 4 };
                let _ = write!(
                    out,
                    "#grid(columns: ({}), gutter: 6pt, ",
                    vec!["1fr"; columns].join(", ")
                );
                for h in list {
                    let _ = write!(
                        out,
                        "card({}, {}, {}), ",
                        lit(&h.label),
                        figure_lit(&h.value),
                        lit(&h.beside)
                    );
                }
                let _ = writeln!(out, ")\n#v(0.4em)");
            }
            Block::Table(table) => table_markup(&mut out, table, report.lang),
            Block::Chart(spec) => {
                let name = format!("chart-{}.svg", charts.len());
                let svg = chart::svg(spec, CHART_SIZE.0, CHART_SIZE.1)?;
                let _ = writeln!(
                    out,
                    "#block(breakable: false, above: 0.6em, below: 0.6em, image({}, width: 100%))",
                    lit(&name)
                );
                charts.push((name, svg));
            }
            Block::PageBreak => {
                let _ = writeln!(out, "#pagebreak(weak: true)");
            }
        }
    }
    Ok((out, charts))
}

fn table_markup(out: &mut String, table: &Table, lang: Lang) {
    let n = table.headers.len().max(1);
    let columns: Vec<&str> = (0..n)
        .map(|i| {
            if i < table.numeric_from {
                "auto"
            } else {
                "1fr"
            }
        })
        .collect();
    // A table that fits on a page moves to the next one whole rather than leaving its tail
    // alone on a page; a longer one breaks, its header repeated.
    let whole = table.rows.len() <= WHOLE_TABLE_ROWS;
    if whole {
        let _ = write!(out, "#block(breakable: false, ");
    } else {
        let _ = write!(out, "#");
    }
    let _ = write!(
        out,
        "table(columns: ({},), align: (x, y) => if x >= {} {{ right }} else {{ left }}, \
         stroke: (x, y) => if y == 0 {{ (bottom: 0.7pt + luma(140)) }} else {{ (bottom: 0.3pt + luma(225)) }}, \
         inset: (x: 3.5pt, y: 2.6pt), table.header(",
        columns.join(", "),
        table.numeric_from
    );
    for h in &table.headers {
        let _ = write!(out, "head({}), ", lit(h));
    }
    let _ = write!(out, "), ");
    for row in &table.rows {
        for (i, cell) in row.cells.iter().enumerate().take(n) {
            let text = cell.text(lang);
            let body = if i >= table.numeric_from {
                figure_lit(&text)
            } else {
                lit(&text)
            };
            let body = match cell.better() {
                Some(good) => format!("text(fill: rgb(\"{}\"), {body})", hex(sign_rgb(good))),
                None => body,
            };
            let _ = match row.style {
                RowStyle::Normal => write!(out, "{body}, "),
                RowStyle::Total => write!(
                    out,
                    "table.cell(stroke: (top: 0.7pt + luma(140)), strong({body})), "
                ),
                RowStyle::Highlight => {
                    write!(out, "table.cell(fill: rgb(\"#fff3c4\"), {body}), ")
                }
            };
        }
        for _ in row.cells.len()..n {
            let _ = write!(out, "[], ");
        }
    }
    let _ = writeln!(out, "{}", if whole { "))" } else { ")" });
}

/// The most rows a table may have to be kept on one page (each row a line or two: well
/// inside an A4 page).
const WHOLE_TABLE_ROWS: usize = 30;

/// Lays out `report` as a PDF.
pub fn pdf(report: &Report) -> Result<Vec<u8>, ReportError> {
    let (text, charts) = markup(report)?;
    let main_id = file_id("main.typ").map_err(|e| ReportError::Pdf(e.to_string()))?;
    let mut files = HashMap::new();
    for (name, svg) in charts {
        let id = file_id(&name).map_err(|e| ReportError::Pdf(e.to_string()))?;
        files.insert(id, Bytes::from_string(svg));
    }
    let world = ReportWorld {
        main: Source::new(main_id, text),
        files,
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| {
            ReportError::Pdf(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
    let bytes = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        ReportError::Pdf(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    // Typst memoizes layout across compilations; a long-running window would keep every
    // report's pieces otherwise.
    typst::comemo::evict(0);
    Ok(bytes)
}
