//! The report, read back by a real PDF reader: `pdftotext` (poppler-utils; `.ci/run` installs
//! it) extracts the text of the PDF, which must hold the headline figures the engine computed,
//! written the way the report's language writes them, for every bundled scenario in both
//! languages and for three scenarios compared. The HTML must fetch nothing. Chart images must
//! be valid PNG and SVG of the size asked for.

use std::path::{Path, PathBuf};
use std::process::Command;

use roi_planner::bundled::{self, BUNDLED};
use roi_planner::format;
use roi_planner::model::Lang;
use roi_planner::report::{self, Case, Output, build, chart};
use roi_planner::sim::Summary;
use rust_decimal::Decimal;

/// Trials for the band and the chance: enough for a smooth band, quick in a debug build.
const TRIALS: usize = 2_000;

fn date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

fn case(name: &str) -> Case {
    let valid = bundled::find(name)
        .expect("bundled")
        .load()
        .expect("bundled scenarios parse");
    Case::prepare(valid, TRIALS).expect("computes")
}

/// The text of a PDF as poppler's `pdftotext` reads it in content order (`-raw`: its layout
/// mode drops the space of a lone "€ 0" in a right-aligned column), no-break spaces as spaces.
fn pdf_text(pdf: &[u8], dir: &Path, stem: &str) -> String {
    let path = dir.join(format!("{stem}.pdf"));
    std::fs::write(&path, pdf).expect("write the PDF");
    let out = Command::new(crate::support::require("pdftotext", "poppler-utils"))
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {stem}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 text")
        .replace('\u{a0}', " ")
}

/// The headline figures as the report must write them: risk-adjusted and unadjusted net
/// benefit, NPV and ROI, and the break-even month.
fn headline_texts(
    adjusted: &Summary<Decimal>,
    unadjusted: &Summary<Decimal>,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    for s in [adjusted, unadjusted] {
        out.push(format::money_whole(s.net_benefit, lang));
        out.push(format::money_whole(s.npv, lang));
        if let Some(roi) = s.roi_pct {
            out.push(format::percent(roi, 1, lang));
        }
    }
    if let Some(m) = adjusted.break_even_month {
        let word = match lang {
            Lang::En => "Month",
            Lang::Nl => "Maand",
        };
        out.push(format!("{word} {m}"));
    }
    out
}

#[test]
fn every_bundled_scenario_reports_its_headline_figures_in_both_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    for b in &BUNDLED {
        let c = case(b.name);
        for lang in [Lang::En, Lang::Nl] {
            let pdf = report::report_bytes(std::slice::from_ref(&c), lang, date(), Output::Pdf)
                .expect("the report lays out");
            assert!(pdf.starts_with(b"%PDF-"), "{}: a PDF", b.name);
            let text = pdf_text(&pdf, dir.path(), &format!("{}-{lang:?}", b.name));
            let p = &c.projection;
            for figure in headline_texts(&p.figures(true).summary, &p.figures(false).summary, lang)
            {
                assert!(
                    text.contains(&figure),
                    "{} ({lang:?}): the PDF lacks {figure:?}\n{text}",
                    b.name
                );
            }
            assert!(text.contains(&c.scenario().name), "{}: its name", b.name);
            let date_text = build::long_date(date(), lang);
            assert!(
                text.contains(&date_text),
                "{}: the date {date_text}",
                b.name
            );
            // The chance within the horizon where the scenario has ranges.
            if let Some(mc) = c.ranged_mc() {
                let share =
                    roi_planner::view::uncertainty::share(mc.probability_within_horizon, lang);
                let words = match lang {
                    Lang::En => "Chance of breaking even within",
                    Lang::Nl => "Kans op break-even binnen",
                };
                assert!(text.contains(words), "{}: the chance", b.name);
                assert!(text.contains(&share), "{}: the chance {share}", b.name);
            }
            // The other language's way of writing the headline money is nowhere.
            let other = match lang {
                Lang::En => Lang::Nl,
                Lang::Nl => Lang::En,
            };
            let net = p.figures(true).summary.net_benefit;
            let foreign = format::money_whole(net, other);
            assert!(
                !text.contains(&foreign),
                "{} ({lang:?}): net benefit also written as {foreign}",
                b.name
            );
        }
    }
}

#[test]
fn three_scenarios_compared_show_each_ones_figures_and_what_differs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: Vec<Case> = ["chatbot", "omnichannel", "training"]
        .into_iter()
        .map(case)
        .collect();
    for lang in [Lang::En, Lang::Nl] {
        let pdf = report::report_bytes(&cases, lang, date(), Output::Pdf).expect("lays out");
        let text = pdf_text(&pdf, dir.path(), &format!("compared-{lang:?}"));
        for c in &cases {
            let s = &c.projection.figures(true).summary;
            let net = format::money_whole(s.net_benefit, lang);
            assert!(
                text.contains(&net),
                "{lang:?}: {} net benefit {net}",
                c.name()
            );
            assert!(text.contains(&c.scenario().name), "{lang:?}: {}", c.name());
        }
        // The change of the second against the base, as the comparison writes it.
        let base = cases[0].projection.figures(true).summary.net_benefit;
        let other = cases[1].projection.figures(true).summary.net_benefit;
        let change = format::money_whole((other - base).abs(), lang);
        assert!(text.contains(&change), "{lang:?}: the change {change}");
        let differ = match lang {
            Lang::En => "Inputs that differ",
            Lang::Nl => "Invoer die verschilt",
        };
        assert!(text.contains(differ), "{lang:?}: the inputs that differ");
    }
}

#[test]
fn the_html_report_fetches_nothing_and_holds_its_charts() {
    for b in &BUNDLED {
        let c = case(b.name);
        let html = String::from_utf8(
            report::report_bytes(std::slice::from_ref(&c), Lang::En, date(), Output::Html)
                .expect("HTML"),
        )
        .expect("UTF-8");
        for reference in ["http:", "https:", "src=", "href=", "url(", "@import", "//"] {
            assert!(
                !html.contains(reference),
                "{}: the HTML refers to something outside it ({reference})",
                b.name
            );
        }
        assert!(html.contains("<svg"), "{}: charts inline", b.name);
        let s = &c.projection.figures(true).summary;
        let net = format::money_whole(s.net_benefit, Lang::En);
        assert!(html.contains(&net), "{}: net benefit {net}", b.name);
    }
}

/// The width and height in a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(
        bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]),
        "a PNG signature"
    );
    assert_eq!(&bytes[12..16], b"IHDR", "the header chunk comes first");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn chart_images_are_valid_at_the_size_asked_for() {
    let cases = vec![case("combined")];
    for which in [
        build::Chart::BreakEven,
        build::Chart::Monthly,
        build::Chart::Roi,
        build::Chart::CostPerContact,
        build::Chart::Agents,
        build::Chart::Tornado(roi_planner::analysis::Metric::NetBenefit),
        build::Chart::Tornado(roi_planner::analysis::Metric::BreakEvenMonth),
        build::Chart::Histogram,
    ] {
        let spec = build::chart_of(&cases, which, Lang::Nl, true);
        let png = chart::png(&spec, 1920, 1080).expect("PNG");
        assert_eq!(png_size(&png), (1920, 1080), "{which:?}");
        // The image decodes: every row of pixels is there.
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let mut reader = decoder.read_info().expect("a readable PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut pixels).expect("decodes");
        assert_eq!((info.width, info.height), (1920, 1080));
        // Not blank: a chart draws in more than one colour.
        let first = &pixels[..3];
        assert!(
            pixels.chunks(3).any(|p| p != first),
            "{which:?}: the image is not empty"
        );
        let svg = chart::svg(&spec, 960, 540).expect("SVG");
        assert!(
            svg.contains("<svg") && svg.trim_end().ends_with("</svg>"),
            "{which:?}"
        );
        assert!(
            svg.contains("width=\"960\"") && svg.contains("height=\"540\""),
            "{which:?}"
        );
        assert!(
            svg.contains(&spec.title),
            "{which:?}: the title is in the SVG"
        );
    }
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_roi-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"))
}

#[test]
fn the_command_line_writes_reports_spreadsheets_and_images_and_refuses_other_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario("chatbot");
    let file = file.to_str().expect("path");
    let out = |name: &str| dir.path().join(name).to_str().expect("path").to_owned();
    for (command, name) in [
        ("report", "case.pdf"),
        ("report", "case.html"),
        ("export", "case.xlsx"),
        ("export", "case.csv"),
        ("chart", "case.png"),
        ("chart", "case.svg"),
    ] {
        let path = out(name);
        let o = run(&[command, file, "-o", &path, "--lang", "nl"]);
        assert_eq!(o.status.code(), Some(0), "{command} -o {name}: {o:?}");
        let bytes = std::fs::read(&path).expect("written");
        assert!(!bytes.is_empty(), "{name} has content");
    }
    assert_eq!(
        png_size(&std::fs::read(out("case.png")).expect("PNG")),
        (1920, 1080),
        "a presentation-size PNG by default"
    );
    let csv = std::fs::read_to_string(out("case.csv")).expect("CSV");
    assert!(csv.starts_with('\u{feff}'), "a byte order mark");
    // A name the command does not write is a usage error, and nothing is written.
    for (command, name) in [
        ("report", "wrong.docx"),
        ("export", "wrong.pdf"),
        ("chart", "wrong.jpg"),
    ] {
        let path = out(name);
        let o = run(&[command, file, "-o", &path]);
        assert_eq!(o.status.code(), Some(2), "{command} -o {name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(name),
            "{command}: the message names the file: {err}"
        );
        assert!(!Path::new(&path).exists(), "{name} is not written");
    }
    // A file that does not load: exit 1, the file named, nothing written.
    let missing = out("missing.ron");
    let path = out("never.pdf");
    let o = run(&["report", &missing, "-o", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.ron"));
    assert!(!Path::new(&path).exists());
}

#[test]
fn warnings_for_the_client_name_inputs_by_label_never_by_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 100 agents for the combined case's workload of 34 FTE: the headcount warning.
    let text = bundled::find("combined")
        .expect("bundled")
        .text
        .replace("agents_fte: 35,", "agents_fte: 100,");
    let valid = roi_planner::model::file::parse(&text).expect("valid");
    let case = Case::prepare(valid, 200).expect("computes");
    for (lang, expected) in [
        (Lang::En, "Agents: 100 FTE entered, but the workload"),
        (Lang::Nl, "Agents: 100 fte ingevoerd, maar de werklast"),
    ] {
        let html = report::render(
            std::slice::from_ref(&case),
            report::Deliverable::Report,
            Output::Html,
            lang,
            date(),
            true,
            None,
        )
        .expect("renders");
        let html = String::from_utf8(html).expect("UTF-8");
        let pdf = report::render(
            std::slice::from_ref(&case),
            report::Deliverable::Report,
            Output::Pdf,
            lang,
            date(),
            true,
            None,
        )
        .expect("renders");
        // pdftotext may break the sentence across lines: compare with spaces for line ends.
        let text = pdf_text(&pdf, dir.path(), "warning").replace('\n', " ");
        for (what, body) in [("HTML", &html), ("PDF", &text)] {
            assert!(
                body.contains(expected),
                "{what} ({lang:?}) lacks {expected:?}"
            );
            assert!(
                !body.contains("baseline.agents_fte"),
                "{what} ({lang:?}) shows a path"
            );
        }
    }
}

#[test]
fn the_report_a_cfo_reads_carries_every_line_its_source_the_verdicts_and_the_seed() {
    // The combined case as pdftotext reads its PDF: the table by year names every line with
    // an amount; the inputs carry their sources (the bundled file's own and the defaults');
    // each initiative's verdict sentence; the Monte Carlo's trials and seed; the tornado's
    // low and high values; and the Dutch report writes the NPV in words.
    let c = case("combined");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = report::render(
        std::slice::from_ref(&c),
        report::Deliverable::Report,
        Output::Pdf,
        Lang::En,
        date(),
        true,
        None,
    )
    .expect("report");
    let text = pdf_text(&pdf, dir.path(), "cfo");
    // Lines wrap in a table cell and a note may run on past a page's footer; compare with the
    // footers left out and the spaces squeezed out.
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("Business case:"))
        .collect::<Vec<_>>()
        .join("\n");
    let all = flat(&body);
    let years = roi_planner::view::years::years(c.scenario(), &c.projection, Lang::En);
    for l in &years.lines {
        let name = roi_planner::text::line_name(&c.projection.lines[l.line], Lang::En);
        assert!(all.contains(&flat(&name)), "the table by year names {name}");
    }
    assert!(all.contains(&flat("By year")));
    for (path, source) in &c.scenario().sources {
        let label = roi_planner::model::input_by_path(path)
            .expect("an input")
            .label
            .en;
        assert!(
            all.contains(&flat(&format!("{label}: {}", source.source))),
            "the report gives {path}'s source"
        );
    }
    assert!(
        all.contains(&flat("Default's source:")),
        "defaults cite theirs"
    );
    let longer = c.view.longer.as_ref().expect("a longer view");
    for sentence in roi_planner::view::horizons::verdicts(&c.projection, Some(longer), Lang::En) {
        assert!(all.contains(&flat(&sentence)), "the verdict: {sentence}");
    }
    let mc = c.mc.as_ref().expect("ranges give a Monte Carlo");
    assert!(
        all.contains(&flat(&format!(
            "{} trials (seed {})",
            format::number(Decimal::from(mc.trials as u64), 0, Lang::En),
            mc.seed
        ))),
        "the seed and the trials"
    );
    let tornado = c.tornado.as_ref().expect("a tornado");
    let bars = roi_planner::view::uncertainty::tornado_bars(tornado, c.scenario(), Lang::En);
    let first = bars.first().expect("bars");
    assert!(all.contains(&flat(&first.low_value)) && all.contains(&flat(&first.high_value)));
    // The Dutch report: words, not "Σ net(m)".
    let nl = report::render(
        std::slice::from_ref(&c),
        report::Deliverable::Report,
        Output::Pdf,
        Lang::Nl,
        date(),
        true,
        None,
    )
    .expect("report");
    let nl = pdf_text(&nl, dir.path(), "cfo-nl");
    assert!(
        !nl.contains("Σ net"),
        "no English formula in the Dutch report"
    );
    assert!(flat(&nl).contains(&flat("Per jaar")));
}

/// The colours of the scenarios' lines in a report's first comparison chart.
fn line_colours(report: &report::Report) -> Vec<roi_planner::view::palette::Rgb> {
    report
        .blocks
        .iter()
        .find_map(|b| match b {
            report::Block::Chart(chart::ChartSpec {
                plot: chart::Plot::Months { lines, .. },
                ..
            }) if !lines.is_empty() => Some(lines.iter().map(|l| l.colour).collect()),
            _ => None,
        })
        .expect("a chart with lines")
}

#[test]
fn a_report_from_the_window_draws_each_scenario_in_its_window_colour() {
    use roi_planner::view::palette::scenario_rgb;
    let mut cases: Vec<Case> = ["chatbot", "training"].into_iter().map(case).collect();
    // The command line: colours in the order given.
    let plain = build::build(&cases, Lang::En, date());
    let colours = line_colours(&plain);
    assert!(colours.contains(&scenario_rgb(0)) && colours.contains(&scenario_rgb(1)));
    // From the window: the colours the window gave them (the third and the second).
    cases[0].colour = Some(2);
    cases[1].colour = Some(1);
    let colours = line_colours(&build::build(&cases, Lang::En, date()));
    assert!(colours.contains(&scenario_rgb(2)), "{colours:?}");
    assert!(colours.contains(&scenario_rgb(1)), "{colours:?}");
    assert!(!colours.contains(&scenario_rgb(0)), "{colours:?}");
}

#[test]
fn a_table_that_fits_on_a_page_is_never_split_leaving_its_tail_alone() {
    // The combined case's appendix: a table of 18 months per initiative. Before tables were
    // kept whole, the training table's months 14-18 stood alone on the last page.
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf =
        report::report_bytes(&[case("combined")], Lang::En, date(), Output::Pdf).expect("lays out");
    let text = pdf_text(&pdf, dir.path(), "whole-tables");
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() > 3, "a report of several pages");
    let mut tables = 0;
    for (i, page) in pages.iter().enumerate() {
        let starts = page.lines().filter(|l| l.starts_with("Month 1 ")).count();
        let ends = page.lines().filter(|l| l.starts_with("Month 18 ")).count();
        assert_eq!(starts, ends, "page {}: a table of months split", i + 1);
        tables += starts;
    }
    assert_eq!(tables, 3, "the appendix's table of each initiative");
}
