//! How long the deliverables take for `scenarios/combined.ron` (18 months, three initiatives,
//! seven ranged inputs): the whole PDF report including its Monte Carlo run of 10,000 trials
//! (target at most 1 s, goal 0.3 s), the same as HTML, the spreadsheet with its formulas
//! (target at most 0.3 s; it includes the analysis its "how sure" values need), and one chart
//! as a 1920 × 1080 PNG. The first PDF of a process also loads the fonts and typst's library;
//! it is measured on its own ("first report") before the repeated runs.
//! Run: `cargo bench --bench report -- --warm-up-time 1 --measurement-time 10`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};

use roi_planner::analysis::monte_carlo::DEFAULT_TRIALS;
use roi_planner::files;
use roi_planner::model::{Lang, ValidScenario};
use roi_planner::report::{self, Case, Deliverable, Output, build::Chart};

fn date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
}

/// Everything a report of `valid` does: simulate, analyse, lay out, write the bytes.
fn deliver(valid: &ValidScenario, what: Deliverable, output: Output) -> usize {
    let case = match Case::prepare(valid.clone(), DEFAULT_TRIALS) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    match report::render(&[case], what, output, Lang::Nl, date(), true, None) {
        Ok(bytes) => bytes.len(),
        Err(e) => panic!("{e}"),
    }
}

fn benches(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/combined.ron");
    let valid = match files::load(&path) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let started = Instant::now();
    let first = deliver(&valid, Deliverable::Report, Output::Pdf);
    eprintln!(
        "first report of the process (fonts and typst's library loaded): {:.0} ms, {first} bytes",
        started.elapsed().as_secs_f64() * 1000.0
    );
    c.bench_function("PDF report, combined.ron, with 10,000 trials", |b| {
        b.iter(|| deliver(black_box(&valid), Deliverable::Report, Output::Pdf))
    });
    c.bench_function("HTML report, combined.ron, with 10,000 trials", |b| {
        b.iter(|| deliver(black_box(&valid), Deliverable::Report, Output::Html))
    });
    c.bench_function("xlsx, combined.ron, with 10,000 trials", |b| {
        b.iter(|| deliver(black_box(&valid), Deliverable::Spreadsheet, Output::Xlsx))
    });
    let case = match Case::prepare(valid.clone(), DEFAULT_TRIALS) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    c.bench_function("xlsx only (no analysis), combined.ron", |b| {
        b.iter(|| report::xlsx::xlsx(black_box(&case), Lang::Nl).map(|v| v.len()))
    });
    c.bench_function("break-even chart as 1920 x 1080 PNG, combined.ron", |b| {
        b.iter(|| {
            let spec = report::build::chart_of(
                std::slice::from_ref(black_box(&case)),
                Chart::BreakEven,
                Lang::Nl,
                true,
            );
            report::chart::png(&spec, 1920, 1080).map(|v| v.len())
        })
    });
}

criterion_group!(group, benches);
criterion_main!(group);
