//! What leaves the program for a client: a report (PDF or HTML), a spreadsheet with live
//! formulas, a CSV, and chart images.
//!
//! Built once, rendered many ways: [`build`] turns projections and analyses into a
//! language-aware [`Report`] (headings, paragraphs, tables of typed cells, charts as data
//! series), and each back end only lays it out: [`html`], [`pdf`] (typst with its bundled
//! fonts), [`csv`]; [`chart`] draws a chart with plotters as SVG or PNG for the report, the image
//! export and the window alike. The spreadsheet ([`xlsx`]) writes the model itself as formulas.
//! Nothing here computes a figure of the model: figures come from `sim` and `analysis`, the
//! tracking standing from `view`. Words are chosen in the builder, the chart specs and the
//! spreadsheet writer, through [`crate::i18n`] and [`crate::text`]; the HTML and PDF back ends
//! word nothing of their own.

pub mod build;
pub mod chart;
pub mod csv;
pub mod fonts;
pub mod html;
pub mod pdf;
pub mod xlsx;

use std::sync::atomic::{AtomicBool, AtomicUsize};

use rust_decimal::Decimal;
use thiserror::Error;

use crate::analysis::Metric;
use crate::analysis::monte_carlo::{self, McResult, Settings};
use crate::analysis::tornado::{self, Tornado};
use crate::format;
use crate::model::{Lang, Scenario, ValidScenario};
use crate::report::chart::{ChartError, ChartSpec};
use crate::sim::{self, Projection};
use crate::view::ScenarioView;

/// One cell of a table, typed so every back end writes it the same way in the report's
/// language.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Plain text.
    Text(String),
    /// Money in whole euros.
    Money(Decimal),
    /// Money with cents.
    Cents(Decimal),
    /// A percentage with this many decimals; none shows "–".
    Percent(Option<Decimal>, u32),
    /// A calendar month; none shows the text given.
    Month(Option<u32>, &'static str),
    /// A number with this many decimals.
    Number(Decimal, u32),
    /// A change against a base, already written, and whether it is better for the business.
    Change(String, Option<bool>),
    /// Nothing.
    Empty,
}

impl Cell {
    /// The cell as written in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Money(d) => format::money_whole(*d, lang),
            Cell::Cents(d) => format::money(*d, lang),
            Cell::Percent(Some(d), dp) => format::percent(*d, *dp, lang),
            Cell::Percent(None, _) => "–".to_owned(),
            Cell::Month(Some(m), _) => m.to_string(),
            Cell::Month(None, none) => (*none).to_owned(),
            Cell::Number(d, dp) => format::number(*d, *dp, lang),
            Cell::Change(text, _) => text.clone(),
            Cell::Empty => String::new(),
        }
    }

    /// Whether the cell is good news (green), bad (red) or neither.
    pub fn better(&self) -> Option<bool> {
        match self {
            Cell::Change(_, better) => *better,
            _ => None,
        }
    }
}

/// How a row stands out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStyle {
    /// An ordinary row.
    Normal,
    /// A totals row.
    Total,
    /// A row to draw attention to (an assumption that is not the bundled default).
    Highlight,
}

/// One row of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Its cells.
    pub cells: Vec<Cell>,
    /// How it stands out.
    pub style: RowStyle,
}

/// A table: headings and rows of typed cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The column headings.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
    /// The first column that holds figures (right-aligned); the ones before are labels.
    pub numeric_from: usize,
}

/// A headline figure with the other variant beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// What it is.
    pub label: String,
    /// The risk-adjusted figure.
    pub value: String,
    /// The unadjusted figure, with its label.
    pub beside: String,
}

/// A part of the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A heading within a section.
    Subheading(String),
    /// A paragraph.
    Paragraph(String),
    /// A small note.
    Note(String),
    /// Headline figures, side by side.
    Headlines(Vec<Headline>),
    /// A table.
    Table(Table),
    /// A chart.
    Chart(ChartSpec),
    /// A formula with its numbers filled in, set apart (monospace, may span lines).
    Formula(String),
    /// Start a new page (PDF only).
    PageBreak,
}

/// A report, ready to lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Its language.
    pub lang: Lang,
    /// The title.
    pub title: String,
    /// Lines under the title: the date, the scenarios.
    pub meta: Vec<String>,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A scenario made ready for a report: validated, simulated exactly, and, where it has ranges,
/// analysed (Monte Carlo for the band and the chance, tornado of net benefit).
pub struct Case {
    /// The scenario.
    pub valid: ValidScenario,
    /// Its exact projection.
    pub projection: Projection,
    /// The series drawn from it.
    pub view: ScenarioView,
    /// The Monte Carlo result (risk-adjusted), when the scenario has ranges.
    pub mc: Option<McResult>,
    /// The tornado of net benefit (risk-adjusted), when the scenario has ranges.
    pub tornado: Option<Tornado>,
    /// Its colour in the window's palette, so a report and an image use the window's colours;
    /// none: its place among the cases (the command line's order).
    pub colour: Option<usize>,
}

/// A report could not be made.
#[derive(Debug, Error)]
pub enum ReportError {
    /// A scenario does not compute exactly.
    #[error("{name}: {source}")]
    Scenario {
        /// The scenario's name.
        name: String,
        /// What went wrong.
        #[source]
        source: crate::sim::Overflow,
    },
    /// A scenario's analysis cannot run.
    #[error("{name}: {source}")]
    Analysis {
        /// The scenario's name.
        name: String,
        /// What went wrong.
        #[source]
        source: crate::analysis::AnalysisError,
    },
    /// A chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// The PDF could not be laid out: typst's diagnostics, which are messages, not errors.
    #[error("the PDF could not be laid out: {0}")]
    Pdf(String),
    /// The spreadsheet could not be written.
    #[error("the spreadsheet could not be written")]
    Spreadsheet(#[from] rust_xlsxwriter::XlsxError),
    /// The CSV could not be written.
    #[error("the CSV could not be written")]
    Csv(#[from] ::csv::Error),
    /// A formula of the spreadsheet names a column or a function it must not.
    #[error("the spreadsheet's formulas are wrong: {0}")]
    Formula(String),
    /// No scenario was given.
    #[error("no scenario to export")]
    Nothing,
    /// The file kind does not fit what is written.
    #[error("{what:?} cannot be written as {asked:?}")]
    Format {
        /// What was to be written.
        what: Deliverable,
        /// The file kind asked for.
        asked: Output,
    },
}

impl Case {
    /// Simulates `valid` and, when it has ranges, runs its analysis (`trials` Monte Carlo
    /// trials with the default seed, so the same file gives the same report).
    pub fn prepare(valid: ValidScenario, trials: usize) -> Result<Case, ReportError> {
        Case::prepare_variant(valid, trials, true)
    }

    /// [`Case::prepare`] with the analysis risk-adjusted or not (a chart saved from the window
    /// shows the variant on screen).
    pub fn prepare_variant(
        valid: ValidScenario,
        trials: usize,
        risk_adjusted: bool,
    ) -> Result<Case, ReportError> {
        let fail = |source| ReportError::Scenario {
            name: valid.scenario().name.clone(),
            source,
        };
        let cannot = |source| ReportError::Analysis {
            name: valid.scenario().name.clone(),
            source,
        };
        let projection = sim::simulate(&valid).map_err(fail)?;
        let mut view = ScenarioView::of(projection.clone(), valid.scenario());
        if !valid.scenario().actuals.is_empty() {
            view.tracking = sim::tracking::track(&valid, &projection).map_err(fail)?;
        }
        view.longer = sim::simulate_longer(&valid).map_err(fail)?;
        let ranged = !valid.scenario().ranges.is_empty();
        let (mc, tornado) = if ranged {
            let settings = Settings {
                trials: trials.max(1),
                risk_adjusted,
                ..Settings::default()
            };
            let mc = monte_carlo::run(
                &valid,
                settings,
                &AtomicBool::new(false),
                &AtomicUsize::new(0),
            )
            .map_err(cannot)?;
            let tornado = tornado::tornado(&valid, &projection, Metric::NetBenefit, risk_adjusted)
                .map_err(fail)?;
            (Some(mc), Some(tornado))
        } else {
            (None, None)
        };
        Ok(Case {
            valid,
            projection,
            view,
            mc,
            tornado,
            colour: None,
        })
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        self.valid.scenario()
    }

    /// The scenario's name.
    pub fn name(&self) -> &str {
        &self.valid.scenario().name
    }

    /// Months in the horizon.
    pub fn horizon(&self) -> u32 {
        self.projection.horizon_months
    }

    /// The Monte Carlo result, when some input has a range.
    pub fn ranged_mc(&self) -> Option<&McResult> {
        self.mc.as_ref().filter(|m| m.ranged_inputs > 0)
    }
}

/// The kinds of file that leave the program for a client, by file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The report as PDF.
    Pdf,
    /// The report as one HTML file.
    Html,
    /// The model as a spreadsheet with formulas.
    Xlsx,
    /// The monthly figures as CSV.
    Csv,
    /// A chart as a PNG image.
    Png,
    /// A chart as an SVG image.
    Svg,
}

impl Output {
    /// The kind a file name asks for, by its extension (any case).
    pub fn of(path: &std::path::Path) -> Option<Output> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "pdf" => Output::Pdf,
            "html" | "htm" => Output::Html,
            "xlsx" => Output::Xlsx,
            "csv" => Output::Csv,
            "png" => Output::Png,
            "svg" => Output::Svg,
            _ => return None,
        })
    }
}

/// What can leave the program for a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deliverable {
    /// The report of one scenario, or of several compared.
    Report,
    /// The spreadsheet (or CSV) of one scenario.
    Spreadsheet,
    /// A chart image.
    Chart(build::Chart),
}

impl Deliverable {
    /// The file kinds it can be written as, the usual one first.
    pub fn outputs(self) -> &'static [Output] {
        match self {
            Deliverable::Report => &[Output::Pdf, Output::Html],
            Deliverable::Spreadsheet => &[Output::Xlsx, Output::Csv],
            Deliverable::Chart(_) => &[Output::Png, Output::Svg],
        }
    }
}

impl Output {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Pdf => "pdf",
            Output::Html => "html",
            Output::Xlsx => "xlsx",
            Output::Csv => "csv",
            Output::Png => "png",
            Output::Svg => "svg",
        }
    }

    /// What a file dialog calls it.
    pub fn description(self) -> &'static str {
        match self {
            Output::Pdf => "PDF",
            Output::Html => "HTML",
            Output::Xlsx => "Excel (xlsx)",
            Output::Csv => "CSV",
            Output::Png => "PNG",
            Output::Svg => "SVG",
        }
    }
}

/// The size a chart image is written at when none is asked for: presentation size for PNG
/// (1920 × 1080), a page's width for SVG.
pub fn default_chart_size(output: Output) -> (u32, u32) {
    match output {
        Output::Png => (1920, 1080),
        _ => (960, 540),
    }
}

/// Renders `what` of `cases` as `output` in `lang`: the report and the spreadsheet always show
/// the risk-adjusted figures with the unadjusted beside; a chart shows the variant asked for.
pub fn render(
    cases: &[Case],
    what: Deliverable,
    output: Output,
    lang: Lang,
    today: chrono::NaiveDate,
    risk_adjusted: bool,
    size: Option<(u32, u32)>,
) -> Result<Vec<u8>, ReportError> {
    match (what, output) {
        (Deliverable::Report, Output::Pdf | Output::Html) => {
            report_bytes(cases, lang, today, output)
        }
        (Deliverable::Spreadsheet, Output::Csv) => {
            let case = cases.first().ok_or(ReportError::Nothing)?;
            Ok(csv::csv(&case.projection, risk_adjusted, lang)?.into_bytes())
        }
        (Deliverable::Spreadsheet, _) => {
            let case = cases.first().ok_or(ReportError::Nothing)?;
            xlsx::xlsx(case, lang)
        }
        (Deliverable::Chart(which), Output::Png | Output::Svg) => {
            let spec = build::chart_of(cases, which, lang, risk_adjusted);
            let (w, h) = size.unwrap_or_else(|| default_chart_size(output));
            Ok(match output {
                Output::Png => chart::png(&spec, w, h)?,
                _ => chart::svg(&spec, w, h)?.into_bytes(),
            })
        }
        (what, output) => Err(ReportError::Format {
            what,
            asked: output,
        }),
    }
}

/// Writes the report of `cases` (one, or several compared with the first as base) as PDF or
/// HTML.
pub fn report_bytes(
    cases: &[Case],
    lang: Lang,
    date: chrono::NaiveDate,
    output: Output,
) -> Result<Vec<u8>, ReportError> {
    let report = build::build(cases, lang, date);
    match output {
        Output::Html => Ok(html::html(&report)?.into_bytes()),
        _ => pdf::pdf(&report),
    }
}
