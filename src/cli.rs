//! The command line: `simulate`, `analyze`, `goal-seek`, `report`, `export`, `chart`,
//! `track`, `check`, `example`, and file arguments for the window.
//!
//! Exit status: 0 fine, 1 a file has problems, 2 a usage error.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use std::sync::atomic::{AtomicBool, AtomicUsize};

use rust_decimal::Decimal;

use crate::analysis::goal_seek::{self, GoalSeekResult};
use crate::analysis::monte_carlo::{self, Settings};
use crate::analysis::{Metric, tornado};
use crate::bundled::{self, BUNDLED};
use crate::export;
use crate::export::analysis as export_analysis;
use crate::files;
use crate::model::{Lang, Target};
use crate::report::{self, Case, Deliverable, Output};
use crate::sim;

/// Business cases for customer-service investments: edit a scenario, see when it breaks
/// even, and take ROI, NPV, IRR and payback to finance.
#[derive(Debug, Parser)]
#[command(name = "roi-planner", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Scenario files to open in the window (none: the last session, or the combined example).
    pub files: Vec<PathBuf>,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Simulate a scenario file and print the month-by-month projection and its metrics.
    Simulate(SimulateArgs),
    /// Monte Carlo over the ranged inputs, and a tornado of the inputs that swing a result most.
    Analyze(AnalyzeArgs),
    /// What must be true: the value of one input at which a result just meets a target.
    GoalSeek(GoalSeekArgs),
    /// Write a report for a client: one scenario, or several compared (the first is the
    /// base), as PDF or one self-contained HTML file.
    Report(ReportArgs),
    /// Export a scenario as a spreadsheet with live formulas (NAME.xlsx) or its monthly
    /// figures as CSV (NAME.csv: `;` and a decimal comma in Dutch, `,` and a point in English).
    Export(ExportArgs),
    /// Save a chart as an image: NAME.png (presentation size) or NAME.svg.
    Chart(ChartArgs),
    /// Track an approved case: the plan against the actuals in the file (and, with
    /// --actuals, those of a CSV), the gap split into volume and performance, and the
    /// re-forecast.
    Track(TrackArgs),
    /// Check scenario files and print each problem on its own line.
    Check(CheckArgs),
    /// Print a bundled example scenario, to start from: `roi-planner example chatbot > mine.ron`.
    Example(ExampleArgs),
}

/// Simulate a scenario file and print the month-by-month projection and its metrics.
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// The scenario file (RON).
    pub file: PathBuf,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Print the figures without risk adjustment.
    #[arg(long)]
    pub unadjusted: bool,
}

/// Monte Carlo over the ranged inputs, and a tornado of the inputs that swing a result most.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// The scenario file (RON).
    pub file: PathBuf,
    /// How many trials: 100 to 1,000,000.
    #[arg(long, default_value_t = crate::analysis::monte_carlo::DEFAULT_TRIALS, value_parser = trials_arg, allow_hyphen_values = true)]
    pub trials: usize,
    /// The seed: the same seed gives the same numbers.
    #[arg(long, default_value_t = crate::analysis::monte_carlo::DEFAULT_SEED)]
    pub seed: u64,
    /// Without risk adjustment.
    #[arg(long)]
    pub unadjusted: bool,
    /// The result the tornado ranks inputs by.
    #[arg(long, value_enum, default_value_t = TornadoMetric::NetBenefit)]
    pub metric: TornadoMetric,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = AnalysisFormat::Table)]
    pub format: AnalysisFormat,
}

/// What must be true: the value of one input at which a result just meets a target.
#[derive(Debug, clap::Args)]
pub struct GoalSeekArgs {
    /// The scenario file (RON).
    pub file: PathBuf,
    /// The input to change, as `check` names it (e.g. chatbot.containment_pct or
    /// custom.lines[0].amount).
    #[arg(long)]
    pub input: String,
    /// The result to aim at.
    #[arg(long, value_enum)]
    pub metric: GoalMetric,
    /// The target: a month for break_even_month (that month or earlier), otherwise at
    /// least this value.
    #[arg(long, allow_hyphen_values = true)]
    pub target: String,
    /// Without risk adjustment.
    #[arg(long)]
    pub unadjusted: bool,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = AnalysisFormat::Table)]
    pub format: AnalysisFormat,
}

/// Write a report for a client: one scenario, or several compared (the first is the
/// base), as PDF or one self-contained HTML file.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The scenario files (RON).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The file to write: NAME.pdf or NAME.html.
    #[arg(short, long)]
    pub output: PathBuf,
    /// The language of the text and the figures (default: the system's).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Monte Carlo trials for the band and the chance, where the scenario has ranges: 100
    /// to 1,000,000.
    #[arg(long, default_value_t = crate::analysis::monte_carlo::DEFAULT_TRIALS, value_parser = trials_arg, allow_hyphen_values = true)]
    pub trials: usize,
}

/// Export a scenario as a spreadsheet with live formulas (NAME.xlsx) or its monthly
/// figures as CSV (NAME.csv: `;` and a decimal comma in Dutch, `,` and a point in English).
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The scenario file (RON).
    pub file: PathBuf,
    /// The file to write: NAME.xlsx or NAME.csv.
    #[arg(short, long)]
    pub output: PathBuf,
    /// The language of the headings and, for CSV, the number format.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// CSV: the figures without risk adjustment.
    #[arg(long)]
    pub unadjusted: bool,
    /// Monte Carlo trials for the spreadsheet's "how sure" values: 100 to 1,000,000.
    #[arg(long, default_value_t = crate::analysis::monte_carlo::DEFAULT_TRIALS, value_parser = trials_arg, allow_hyphen_values = true)]
    pub trials: usize,
}

/// Save a chart as an image: NAME.png (presentation size) or NAME.svg.
#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// The scenario files (RON); the break-even and ROI charts draw each of them.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The file to write: NAME.png or NAME.svg.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Which chart.
    #[arg(long, value_enum, default_value_t = ChartKind::BreakEven)]
    pub kind: ChartKind,
    /// The language of the labels and numbers.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Width in pixels (default 1920 for PNG, 960 for SVG).
    #[arg(long)]
    pub width: Option<u32>,
    /// Height in pixels (default: 9/16 of the width).
    #[arg(long)]
    pub height: Option<u32>,
}

/// Track an approved case: the plan against the actuals in the file (and, with
/// --actuals, those of a CSV), the gap split into volume and performance, and the
/// re-forecast.
#[derive(Debug, clap::Args)]
pub struct TrackArgs {
    /// The scenario file (RON).
    pub file: PathBuf,
    /// A CSV of monthly actuals (a header row: month, then any of contacts,
    /// bot_resolved_contacts, agent_contacts, handle_time_minutes, fcr_pct,
    /// churn_monthly_pct, agent_fte, payroll, customers, spent_chatbot, spent_omnichannel,
    /// spent_training, spent_custom); its months replace the file's.
    #[arg(long)]
    pub actuals: Option<PathBuf>,
    /// Re-base the months after the last actuals on them.
    #[arg(long)]
    pub rebase: bool,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = AnalysisFormat::Table)]
    pub format: AnalysisFormat,
}

/// Check scenario files and print each problem on its own line.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The scenario files (RON).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Print a bundled example scenario, to start from: `roi-planner example chatbot > mine.ron`.
#[derive(Debug, clap::Args)]
pub struct ExampleArgs {
    /// Which example; without it, the list.
    pub name: Option<String>,
}

/// Output formats of `simulate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// One row per month.
    Csv,
    /// The full projection, for other tools.
    Json,
}

/// Output formats of `analyze` and `goal-seek`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AnalysisFormat {
    /// A table for the terminal.
    Table,
    /// For other tools.
    Json,
}

/// The languages of what the program writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Dutch: `€ 1.234,56`.
    Nl,
    /// English: `€1,234.56`.
    En,
}

impl LangArg {
    /// The language asked for, or the system's.
    pub fn or_system(arg: Option<LangArg>) -> Lang {
        match arg {
            Some(LangArg::Nl) => Lang::Nl,
            Some(LangArg::En) => Lang::En,
            None => crate::i18n::system_lang(),
        }
    }
}

/// The charts `chart` can draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Cumulative net with break-even (and the P10-P90 band where there are ranges).
    BreakEven,
    /// Costs and benefits per month by initiative.
    Monthly,
    /// ROI to date.
    Roi,
    /// Cost per contact with and without the initiatives.
    CostPerContact,
    /// Agents needed with and without the initiatives.
    Agents,
    /// The inputs that move the net benefit most.
    Tornado,
    /// When it breaks even: the share of Monte Carlo trials by month.
    Histogram,
    /// The plan, the file's actuals and the forecast.
    Tracking,
}

/// The results a tornado can rank inputs by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum TornadoMetric {
    /// Net benefit over the horizon.
    NetBenefit,
    /// Net present value.
    Npv,
    /// The break-even month.
    BreakEvenMonth,
}

impl From<TornadoMetric> for Metric {
    fn from(m: TornadoMetric) -> Metric {
        match m {
            TornadoMetric::NetBenefit => Metric::NetBenefit,
            TornadoMetric::Npv => Metric::Npv,
            TornadoMetric::BreakEvenMonth => Metric::BreakEvenMonth,
        }
    }
}

/// The results goal seek can aim at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum GoalMetric {
    /// The break-even month: that month or earlier.
    BreakEvenMonth,
    /// ROI over the horizon, in percent: at least the target.
    RoiPct,
    /// Net present value: at least the target.
    Npv,
    /// Net benefit: at least the target.
    NetBenefit,
}

impl From<GoalMetric> for Metric {
    fn from(m: GoalMetric) -> Metric {
        match m {
            GoalMetric::BreakEvenMonth => Metric::BreakEvenMonth,
            GoalMetric::RoiPct => Metric::RoiPct,
            GoalMetric::Npv => Metric::Npv,
            GoalMetric::NetBenefit => Metric::NetBenefit,
        }
    }
}

/// The fewest Monte Carlo trials a command accepts: fewer give no steady percentiles.
pub const TRIALS_MIN: usize = 100;
/// The most Monte Carlo trials a command accepts: far beyond what percentiles need, and
/// within memory (about 150 MB at 18 months, 1 GB at 120).
pub const TRIALS_MAX: usize = 1_000_000;

/// Reads `--trials`: a whole number from [`TRIALS_MIN`] to [`TRIALS_MAX`].
fn trials_arg(text: &str) -> Result<usize, String> {
    match text.trim().replace('_', "").parse::<u64>() {
        Ok(n) if (TRIALS_MIN as u64..=TRIALS_MAX as u64).contains(&n) => Ok(n as usize),
        _ => Err(format!(
            "{text:?} is not allowed; expected a whole number of trials from {TRIALS_MIN} to 1,000,000 (10000 is the default)"
        )),
    }
}

/// The commands, as `roi-planner bogus` lists them.
pub const COMMANDS: [&str; 9] = [
    "simulate",
    "analyze",
    "goal-seek",
    "report",
    "export",
    "chart",
    "track",
    "check",
    "example",
];

/// Why the file arguments are not files to open: the first one that does not exist and does
/// not look like a scenario file (NAME.ron) is taken as a mistyped command.
pub fn misused_files(args: &Args) -> Option<String> {
    let first = args
        .files
        .iter()
        .find(|f| !f.exists() && f.extension().is_none_or(|e| !e.eq_ignore_ascii_case("ron")))?;
    Some(format!(
        "{:?} is neither a command nor a scenario file; expected one of the commands {} (see roi-planner --help), or scenario files NAME.ron to open in the window",
        first.display().to_string(),
        COMMANDS.join(", ")
    ))
}

/// Exit status: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit status: a file has problems.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit status: the command line is wrong.
pub const EXIT_USAGE: u8 = 2;

/// Runs a command and writes its output; returns the exit status.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        Command::Simulate(args) => simulate(args, out, err),
        Command::Analyze(args) => analyze(args, out, err),
        Command::GoalSeek(args) => goal_seek(args, out, err),
        Command::Report(args) => report(args, out, err),
        Command::Export(args) => export(args, out, err),
        Command::Chart(args) => chart(args, out, err),
        Command::Track(args) => track(args, out, err),
        Command::Check(args) => check(args, out, err),
        Command::Example(args) => example(args, out, err),
    }
}

/// `simulate`: the projection as a table, CSV or JSON.
fn simulate(args: &SimulateArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let SimulateArgs {
        file,
        format,
        unadjusted,
    } = args;
    let scenario = match files::load(file) {
        Ok(s) => s,
        Err(e) => return refuse(err, &e.lines()),
    };
    let projection = match sim::simulate(&scenario) {
        Ok(p) => p,
        Err(e) => return refuse(err, &[format!("{}: {e}", file.display())]),
    };
    let adjusted = !unadjusted;
    warn(err, file, &export::warning_lines(&projection, adjusted));
    let text = match format {
        Format::Table => export::to_table(&projection, adjusted),
        Format::Csv => match export::to_csv(&projection, adjusted) {
            Ok(t) => t,
            Err(e) => return refuse(err, &[format!("{}: {e}", file.display())]),
        },
        Format::Json => {
            let longer = match sim::simulate_longer(&scenario) {
                Ok(l) => l,
                Err(e) => return refuse(err, &[format!("{}: {e}", file.display())]),
            };
            let mut t =
                export::to_json(&projection, scenario.scenario(), longer.as_ref(), adjusted)
                    .to_string();
            t.push('\n');
            t
        }
    };
    write_or_fail(out, err, &text)
}

/// `analyze`: the Monte Carlo run and the tornado.
fn analyze(args: &AnalyzeArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let AnalyzeArgs {
        file,
        trials,
        seed,
        unadjusted,
        metric,
        format,
    } = args;
    let scenario = match files::load(file) {
        Ok(s) => s,
        Err(e) => return refuse(err, &e.lines()),
    };
    let settings = Settings {
        trials: *trials,
        seed: *seed,
        risk_adjusted: !unadjusted,
    };
    let run = || -> Result<_, crate::analysis::AnalysisError> {
        let projection = sim::simulate(&scenario)?;
        let mc = monte_carlo::run(
            &scenario,
            settings,
            &AtomicBool::new(false),
            &AtomicUsize::new(0),
        )?;
        let tornado = tornado::tornado(&scenario, &projection, (*metric).into(), !unadjusted)?;
        Ok((mc, tornado))
    };
    let (mc, tornado) = match run() {
        Ok(r) => r,
        Err(e) => return refuse(err, &[format!("{}: {e}", file.display())]),
    };
    let name = &scenario.scenario().name;
    let text = match format {
        AnalysisFormat::Table => export_analysis::analysis_table(name, &mc, &tornado),
        AnalysisFormat::Json => {
            let mut t = export_analysis::analysis_json(name, &mc, &tornado).to_string();
            t.push('\n');
            t
        }
    };
    write_or_fail(out, err, &text)
}

/// `goal-seek`: the value of one input at which a result just meets a target.
fn goal_seek(args: &GoalSeekArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let GoalSeekArgs {
        file,
        input,
        metric,
        target,
        unadjusted,
        format,
    } = args;
    let Ok(goal) = target.trim().parse::<Decimal>() else {
        let _ = writeln!(
            err,
            "--target {target:?} is not a number; expected e.g. 6 (a month) or 100000"
        );
        return EXIT_USAGE;
    };
    let scenario = match files::load(file) {
        Ok(s) => s,
        Err(e) => return refuse(err, &e.lines()),
    };
    let Some(target_input) = Target::parse(input, scenario.scenario()) else {
        let _ = writeln!(
            err,
            "{}: --input {input:?} names no input; expected a path as `check` names it (e.g. chatbot.containment_pct) or custom.lines[N].amount",
            file.display()
        );
        return EXIT_USAGE;
    };
    let metric: Metric = (*metric).into();
    let result = match goal_seek::goal_seek(&scenario, target_input, metric, goal, !unadjusted) {
        Ok(r) => r,
        Err(e) => return refuse(err, &[format!("{}: {e}", file.display())]),
    };
    let sentence = crate::view::uncertainty::goal_seek_sentence(
        input,
        input,
        scenario.scenario(),
        metric,
        goal,
        &result,
        Lang::En,
    );
    let found = matches!(result, GoalSeekResult::Found { .. });
    let text = match format {
        AnalysisFormat::Table => format!("{sentence}\n"),
        AnalysisFormat::Json => {
            let mut t = export_analysis::goal_seek_json(input, metric, goal, &result).to_string();
            t.push('\n');
            t
        }
    };
    let status = write_or_fail(out, err, &text);
    if found {
        status
    } else {
        if *format == AnalysisFormat::Json {
            let _ = writeln!(err, "{sentence}");
        }
        EXIT_PROBLEMS
    }
}

/// `report`: a PDF or HTML report of one scenario or several compared.
fn report(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let ReportArgs {
        files,
        output,
        lang,
        trials,
    } = args;
    deliver(
        Deliverable::Report,
        files,
        output,
        Options {
            lang: *lang,
            trials: *trials,
            risk_adjusted: true,
            size: None,
        },
        out,
        err,
    )
}

/// `export`: the spreadsheet with live formulas, or the months as CSV.
fn export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let ExportArgs {
        file,
        output,
        lang,
        unadjusted,
        trials,
    } = args;
    // A CSV holds no analysis: one trial is enough.
    let trials = if Output::of(output) == Some(Output::Csv) {
        1
    } else {
        *trials
    };
    deliver(
        Deliverable::Spreadsheet,
        std::slice::from_ref(file),
        output,
        Options {
            lang: *lang,
            trials,
            risk_adjusted: !unadjusted,
            size: None,
        },
        out,
        err,
    )
}

/// `chart`: one chart as a PNG or SVG image.
fn chart(args: &ChartArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let ChartArgs {
        files,
        output,
        kind,
        lang,
        width,
        height,
    } = args;
    let size = (width.is_some() || height.is_some()).then(|| {
        let (w, _) = report::default_chart_size(Output::of(output).unwrap_or(Output::Png));
        let w = width.unwrap_or(w);
        (w, height.unwrap_or(w * 9 / 16))
    });
    if let Some((w, h)) = size
        && (!(200..=10_000).contains(&w) || !(150..=10_000).contains(&h))
    {
        return usage(
            err,
            &format!(
                "--width {w} --height {h}: the width must be 200 to 10000 pixels and the height 150 to 10000"
            ),
        );
    }
    // Only the break-even chart (its band) and the tornado need the analysis.
    let trials = match kind {
        ChartKind::BreakEven | ChartKind::Tornado | ChartKind::Histogram => {
            crate::analysis::monte_carlo::DEFAULT_TRIALS
        }
        _ => 1,
    };
    deliver(
        Deliverable::Chart(chart_kind(*kind)),
        files,
        output,
        Options {
            lang: *lang,
            trials,
            risk_adjusted: true,
            size,
        },
        out,
        err,
    )
}

/// `track`: the plan against the actuals, the variances and the re-forecast.
fn track(args: &TrackArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let TrackArgs {
        file,
        actuals,
        rebase,
        format,
    } = args;
    let valid = match files::load(file) {
        Ok(s) => s,
        Err(e) => return refuse(err, &e.lines()),
    };
    let valid = match actuals {
        None => valid,
        Some(csv) => {
            let mut scenario = valid.into_inner();
            let horizon = scenario.finance.horizon_months;
            match files::read_actuals(csv, horizon, crate::model::Lang::En) {
                Ok(months) => crate::model::actuals::merge(&mut scenario.actuals, months),
                Err(problems) => return refuse(err, &problems),
            }
            match scenario.validate() {
                Ok(v) => v,
                Err(problems) => {
                    let lines: Vec<String> = problems
                        .iter()
                        .map(|p| format!("{}: {p}", csv.display()))
                        .collect();
                    return refuse(err, &lines);
                }
            }
        }
    };
    let run = || -> Result<_, sim::Overflow> {
        let plan = sim::simulate(&valid)?;
        let tracking = sim::tracking::track(&valid, &plan)?;
        Ok((plan, tracking))
    };
    let (plan, tracking) = match run() {
        Ok(r) => r,
        Err(e) => return refuse(err, &[format!("{}: {e}", file.display())]),
    };
    let Some(tracking) = tracking else {
        let _ = writeln!(
            err,
            "{}: no actuals within the horizon; add an actuals section or give --actuals FILE.csv",
            file.display()
        );
        return EXIT_PROBLEMS;
    };
    warn(err, file, &export::warning_lines(&plan, true));
    let text = match format {
        AnalysisFormat::Table => {
            crate::export::tracking::tracking_table(valid.scenario(), &plan, &tracking, *rebase)
        }
        AnalysisFormat::Json => {
            let mut t =
                crate::export::tracking::tracking_json(valid.scenario(), &plan, &tracking, *rebase)
                    .to_string();
            t.push('\n');
            t
        }
    };
    write_or_fail(out, err, &text)
}

/// `check`: each file's problems, or `ok`, and its warnings.
fn check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let CheckArgs { files } = args;
    let mut status = EXIT_OK;
    for file in files {
        let problems = match files::load(file) {
            Ok(s) => match sim::simulate(&s) {
                Ok(p) => {
                    // Warnings about either variant: a check is not tied to one.
                    let mut lines = export::warning_lines(&p, true);
                    for line in export::warning_lines(&p, false) {
                        if !lines.contains(&line) {
                            lines.push(line);
                        }
                    }
                    warn(err, file, &lines);
                    Vec::new()
                }
                Err(e) => vec![format!("{}: {e}", file.display())],
            },
            Err(e) => e.lines(),
        };
        if problems.is_empty() {
            let written = write_or_fail(out, err, &format!("{}: ok\n", file.display()));
            status = status.max(written);
        } else {
            status = refuse(err, &problems);
        }
    }
    status
}

/// `example`: the list of bundled scenarios, or one of them.
fn example(args: &ExampleArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match &args.name {
        None => {
            let mut text =
                String::from("Bundled scenarios (print one with `roi-planner example NAME`):\n");
            for b in &BUNDLED {
                text.push_str(&format!("  {:<16} {}\n", b.name, b.description.en));
            }
            write_or_fail(out, err, &text)
        }
        Some(name) => match bundled::find(name) {
            Some(b) => write_or_fail(out, err, b.text),
            None => {
                let names: Vec<&str> = BUNDLED.iter().map(|b| b.name).collect();
                let _ = writeln!(
                    err,
                    "no bundled scenario called {name:?}; expected one of: {}",
                    names.join(", ")
                );
                EXIT_USAGE
            }
        },
    }
}

fn chart_kind(kind: ChartKind) -> report::build::Chart {
    use report::build::Chart;
    match kind {
        ChartKind::BreakEven => Chart::BreakEven,
        ChartKind::Monthly => Chart::Monthly,
        ChartKind::Roi => Chart::Roi,
        ChartKind::CostPerContact => Chart::CostPerContact,
        ChartKind::Agents => Chart::Agents,
        ChartKind::Tornado => Chart::Tornado(Metric::NetBenefit),
        ChartKind::Histogram => Chart::Histogram,
        ChartKind::Tracking => Chart::Tracking(false),
    }
}

/// How `deliver` writes.
struct Options {
    lang: Option<LangArg>,
    trials: usize,
    risk_adjusted: bool,
    size: Option<(u32, u32)>,
}

/// Loads every file, renders `what` as the kind `output` names, and writes it atomically
/// (nothing half-written is left behind); gives the exit status.
fn deliver(
    what: Deliverable,
    files: &[PathBuf],
    output: &std::path::Path,
    options: Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let allowed = what.outputs();
    let Some(kind) = Output::of(output).filter(|k| allowed.contains(k)) else {
        let names: Vec<String> = allowed
            .iter()
            .map(|k| format!("NAME.{}", k.extension()))
            .collect();
        return usage(
            err,
            &format!("-o {}: expected {}", output.display(), names.join(" or ")),
        );
    };
    let mut cases = Vec::new();
    let mut status = EXIT_OK;
    for file in files {
        match files::load(file) {
            Ok(valid) => {
                match Case::prepare_variant(valid, options.trials, options.risk_adjusted) {
                    Ok(case) => cases.push(case),
                    Err(e) => status = refuse(err, &[format!("{}: {e}", file.display())]),
                }
            }
            Err(e) => status = refuse(err, &e.lines()),
        }
    }
    if status != EXIT_OK {
        return status;
    }
    let lang = LangArg::or_system(options.lang);
    let today = chrono::Local::now().date_naive();
    let bytes = match report::render(
        &cases,
        what,
        kind,
        lang,
        today,
        options.risk_adjusted,
        options.size,
    ) {
        Ok(b) => b,
        Err(e) => return refuse(err, &[format!("{}: {e}", output.display())]),
    };
    match files::write_atomic(output, &bytes) {
        Ok(()) => {
            let _ = writeln!(out, "wrote {}", output.display());
            EXIT_OK
        }
        Err(e) => refuse(
            err,
            &[format!("{}: cannot write the file: {e}", output.display())],
        ),
    }
}

fn usage(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "{message}");
    EXIT_USAGE
}

/// Prints warnings, each naming the file; they do not change the exit status.
fn warn(err: &mut dyn Write, file: &std::path::Path, lines: &[String]) {
    for line in lines {
        let _ = writeln!(err, "{}: warning: {line}", file.display());
    }
}

fn refuse(err: &mut dyn Write, lines: &[String]) -> u8 {
    for line in lines {
        let _ = writeln!(err, "{line}");
    }
    EXIT_PROBLEMS
}

fn write_or_fail(out: &mut dyn Write, err: &mut dyn Write, text: &str) -> u8 {
    // A closed pipe (`| head`) is not the user's mistake; say nothing and stop.
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "cannot write the output: {e}");
            EXIT_PROBLEMS
        }
    }
}
