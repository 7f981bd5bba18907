//! How long the uncertainty analysis takes on `scenarios/combined.ron` (18 months, seven
//! ranged inputs and one correlation): 10,000 Monte Carlo trials (target at most 20 ms on two
//! cores, goal 10 ms), 1,000 trials (the run while a slider is dragged), one tornado (two runs
//! per input; target at most 2 ms) and one goal seek (target at most 5 ms).
//! Run: `cargo bench --bench analysis -- --warm-up-time 1 --measurement-time 5`.

use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize};

use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal_macros::dec;

use roi_planner::analysis::Metric;
use roi_planner::analysis::goal_seek::goal_seek;
use roi_planner::analysis::monte_carlo::{Settings, run};
use roi_planner::analysis::tornado::tornado;
use roi_planner::model::{Target, input_by_path};
use roi_planner::{files, sim};

fn benches(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/combined.ron");
    let valid = match files::load(&path) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert!(
        valid.scenario().ranges.len() >= 6,
        "at least six ranged inputs"
    );
    let settings = |trials| Settings {
        trials,
        ..Settings::default()
    };
    c.bench_function("monte carlo, 10,000 trials, combined.ron", |b| {
        b.iter(|| {
            run(
                black_box(&valid),
                settings(10_000),
                &AtomicBool::new(false),
                &AtomicUsize::new(0),
            )
        })
    });
    c.bench_function("monte carlo, 1,000 trials (while dragging)", |b| {
        b.iter(|| {
            run(
                black_box(&valid),
                settings(1_000),
                &AtomicBool::new(false),
                &AtomicUsize::new(0),
            )
        })
    });
    let projection = match sim::simulate_ledger(&valid) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    c.bench_function("tornado of net benefit, combined.ron", |b| {
        b.iter(|| tornado(black_box(&valid), &projection, Metric::NetBenefit, true))
    });
    let containment = match input_by_path("chatbot.containment_pct") {
        Some(d) => Target::Input(d),
        None => panic!("no input"),
    };
    c.bench_function(
        "goal seek: resolution rate for break-even by month 10",
        |b| {
            b.iter(|| {
                goal_seek(
                    black_box(&valid),
                    containment,
                    Metric::BreakEvenMonth,
                    dec!(10),
                    true,
                )
            })
        },
    );
}

criterion_group!(analysis, benches);
criterion_main!(analysis);
