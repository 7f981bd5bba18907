//! How long the engine takes on `scenarios/combined.ron` (all three initiatives, 18 months):
//! the full projection in `Decimal` (ledger lines, adjusted and unadjusted figures, each
//! initiative alone and at the margin), and the `f64` summary used for sampling.
//!
//! combined.ron is staffed by service level: Erlang C for both workloads and three headcount
//! paths every month. Target: one 18-month simulation in at most 100 µs (`simulate_ledger`);
//! the same case with the simplified staffing of older files (tests/fixtures/legacy/
//! bundled-combined.ron) is measured beside it. The full projection adds one run per
//! initiative alone and one without it (six more for combined.ron).
//! Also tracking six months of actuals against the plan (the forecast, the re-based forecast,
//! the flexed plan, and the variance split: one run per performance driver observed).
//! Run: `cargo bench --bench simulate -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::prelude::ToPrimitive;

use roi_planner::model::Scenario;
use roi_planner::sim::engine::{self, Mask};
use roi_planner::sim::number::Exact;
use roi_planner::{files, sim};

fn benches(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/combined.ron");
    let valid = match files::load(&path) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let floats: Scenario<f64> = valid.scenario().map(|d| d.to_f64().unwrap_or(f64::NAN));

    c.bench_function("simulate combined.ron (full projection, Decimal)", |b| {
        b.iter(|| sim::simulate(black_box(&valid)))
    });
    // The longer view (36 months): the comparison tab and the report work it out besides.
    c.bench_function("simulate_longer combined.ron (36 months, Decimal)", |b| {
        b.iter(|| sim::simulate_longer(black_box(&valid)))
    });
    c.bench_function(
        "simulate_ledger combined.ron (one simulation, Decimal)",
        |b| b.iter(|| sim::simulate_ledger(black_box(&valid))),
    );
    let legacy =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy/bundled-combined.ron");
    let simplified = match files::load(&legacy) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    c.bench_function(
        "simulate_ledger bundled-combined.ron (simplified staffing, Decimal)",
        |b| b.iter(|| sim::simulate_ledger(black_box(&simplified))),
    );
    c.bench_function("summarize_f64 combined.ron (risk-adjusted)", |b| {
        b.iter(|| sim::summarize_f64(black_box(&floats), true))
    });

    // The parts of the full projection, to see where its time goes.
    let mut parts = c.benchmark_group("parts of simulate");
    parts.bench_function("engine::run Decimal, all lines", |b| {
        b.iter(|| engine::run::<_, Exact>(black_box(valid.scenario()), Mask::ALL, true))
    });
    parts.bench_function("engine::run Decimal, totals only", |b| {
        b.iter(|| engine::run::<_, Exact>(black_box(valid.scenario()), Mask::ALL, false))
    });
    let ledger = match engine::run::<_, Exact>(valid.scenario(), Mask::ALL, false) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    let one = Exact::from(rust_decimal::Decimal::ONE);
    let rate = Exact::from(valid.scenario().finance.discount_rate_annual_pct);
    parts.bench_function("metrics::summarize Decimal", |b| {
        b.iter(|| {
            sim::metrics::summarize(
                black_box(&ledger.costs),
                black_box(&ledger.benefits),
                one,
                one,
                rate,
                None,
            )
        })
    });
    parts.bench_function("metrics::monthly_rate Decimal", |b| {
        b.iter(|| sim::metrics::monthly_rate(black_box(rate)))
    });
    parts.finish();

    // Tracking: six months of actuals (every KPI 3% off plan, the agents paid one above the
    // plan's, spend as planned): the forecast, the re-based forecast, the flexed plan and one
    // run per performance driver observed.
    let plan = match sim::simulate(&valid) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let mut tracked = valid.scenario().clone();
    let off = rust_decimal::Decimal::new(103, 2);
    tracked.actuals = (1..=6u32)
        .map(|m| {
            let k = &plan.kpis[m as usize - 1];
            roi_planner::model::MonthActuals {
                contacts: Some(k.contacts * off),
                bot_resolved_contacts: Some(k.bot_resolved_contacts / off),
                handle_time_minutes: Some(k.handle_time_minutes * off),
                fcr_pct: Some(k.fcr_pct / off),
                churn_monthly_pct: Some(k.churn_monthly_pct * off),
                agent_fte: Some(plan.paid[m as usize - 1].fte + rust_decimal::Decimal::ONE),
                ..roi_planner::model::MonthActuals::new(m)
            }
        })
        .collect();
    let tracked = match tracked.validate() {
        Ok(v) => v,
        Err(e) => panic!("{e:?}"),
    };
    c.bench_function("track combined.ron, six months of actuals", |b| {
        b.iter(|| sim::tracking::track(black_box(&tracked), black_box(&plan)))
    });
}

criterion_group!(simulate, benches);
criterion_main!(simulate);
