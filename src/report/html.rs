//! The report as one self-contained HTML file: styles inline in the head, charts as inline SVG,
//! nothing fetched from anywhere, so it opens the same offline and in a mail attachment.

use std::fmt::Write;

use crate::model::Lang;
use crate::report::chart;
use crate::report::{Block, Report, ReportError, RowStyle, Table};
use crate::view::palette::{hex, scenario_rgb, sign_rgb};

/// The size charts are drawn at; the page scales them to its width.
const CHART_SIZE: (u32, u32) = (960, 450);

/// `text` with the characters HTML gives a meaning escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 14px; color: #222;
  max-width: 1000px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
h1.title { font-size: 28px; margin-bottom: 4px; }
.meta { color: #555; margin: 2px 0; }
h2 { color: ACCENT; font-size: 20px; margin-top: 32px; }
h3 { font-size: 16px; margin-top: 22px; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; margin: 16px 0; }
.card { background: #f6f6f6; border: 1px solid #ddd; border-radius: 4px; padding: 8px 10px; }
.card .label { color: #555; font-size: 12px; }
.card .value { font-size: 22px; font-weight: bold; white-space: nowrap; }
.card .beside { color: #666; font-size: 11px; }
table { border-collapse: collapse; margin: 8px 0 4px; font-size: 12px; width: 100%; }
th { text-align: left; border-bottom: 1.5px solid #888; padding: 4px 6px; }
td { border-bottom: 1px solid #e4e4e4; padding: 3px 6px; }
th.num, td.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 1.5px solid #888; }
tr.highlight td { background: #fff3c4; }
.note { color: #555; font-size: 12px; }
pre.formula { background: #f7f7f7; padding: 6px 8px; font-size: 12px; white-space: pre-wrap; }
.chart svg { width: 100%; height: auto; }
.page-break { break-after: page; }
";

/// Writes `report` as HTML.
pub fn html(report: &Report) -> Result<String, ReportError> {
    let lang = match report.lang {
        Lang::En => "en",
        Lang::Nl => "nl",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        esc(&report.title),
        STYLE.replace("ACCENT", &hex(scenario_rgb(0)))
    );
    let _ = writeln!(out, "<h1 class=\"title\">{}</h1>", esc(&report.title));
    for line in &report.meta {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(line));
    }
    for block in &report.blocks {
        match block {
            Block::Heading(text) => {
                let _ = writeln!(out, "<h2>{}</h2>", esc(text));
            }
            Block::Subheading(text) => {
                let _ = writeln!(out, "<h3>{}</h3>", esc(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", esc(text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(text));
            }
            Block::Formula(text) => {
                let _ = writeln!(out, "<pre class=\"formula\">{}</pre>", esc(text));
            }
            Block::Headlines(list) => {
                out.push_str("<div class=\"cards\">\n");
                for h in list {
                    let _ = writeln!(
                        out,
                        "<div class=\"card\"><div class=\"label\">{}</div><div class=\"value\">{}</div><div class=\"beside\">{}</div></div>",
                        esc(&h.label),
                        esc(&h.value),
                        esc(&h.beside)
                    );
                }
                out.push_str("</div>\n");
            }
            Block::Table(table) => table_html(&mut out, table, report.lang),
            Block::Chart(spec) => {
                let svg = chart::svg(spec, CHART_SIZE.0, CHART_SIZE.1)?;
                let _ = writeln!(out, "<div class=\"chart\">{}</div>", inline_svg(&svg));
            }
            Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        }
    }
    out.push_str("</body>\n</html>\n");
    Ok(out)
}

/// An SVG document as an element inside HTML: no XML declaration, no namespace attribute
/// (HTML knows `svg`), and a view box so it scales with the page.
fn inline_svg(svg: &str) -> String {
    let body = svg
        .trim_start_matches(|c: char| c.is_whitespace())
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split_once("?>").map(|(_, r)| r))
        .unwrap_or(svg);
    let body = body.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    // `width="960" height="450"` becomes a view box of the same size.
    match (attr(&body, "width"), attr(&body, "height")) {
        (Some(w), Some(h)) => body.replacen("<svg ", &format!("<svg viewBox=\"0 0 {w} {h}\" "), 1),
        _ => body,
    }
}

fn attr(svg: &str, name: &str) -> Option<String> {
    let head = svg.split_once('>')?.0;
    let start = head.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &head[start..];
    Some(rest.split_once('"')?.0.to_owned())
}

fn table_html(out: &mut String, table: &Table, lang: Lang) {
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in table.headers.iter().enumerate() {
        let class = if i >= table.numeric_from {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        let class = match row.style {
            RowStyle::Normal => "",
            RowStyle::Total => " class=\"total\"",
            RowStyle::Highlight => " class=\"highlight\"",
        };
        let _ = write!(out, "<tr{class}>");
        for (i, cell) in row.cells.iter().enumerate() {
            let class = if i >= table.numeric_from {
                " class=\"num\""
            } else {
                ""
            };
            let text = esc(&cell.text(lang));
            match cell.better() {
                Some(good) => {
                    let _ = write!(
                        out,
                        "<td{class} style=\"color: {}\">{text}</td>",
                        hex(sign_rgb(good))
                    );
                }
                None => {
                    let _ = write!(out, "<td{class}>{text}</td>");
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inline_svg_has_no_namespace_and_scales() {
        let svg = "<svg width=\"960\" height=\"450\" xmlns=\"http://www.w3.org/2000/svg\">\n</svg>";
        let inline = inline_svg(svg);
        assert!(!inline.contains("http"), "{inline}");
        assert!(
            inline.starts_with("<svg viewBox=\"0 0 960 450\" "),
            "{inline}"
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<b>R&D \"x\"</b>"),
            "&lt;b&gt;R&amp;D &quot;x&quot;&lt;/b&gt;"
        );
    }
}
