//! How long `check` takes on a scenario file of 10 MiB, whatever its shape: reading it
//! (RON), the older-file defaults, anchoring the ranges and every rule of validation. Each
//! file is the bundled chatbot with one section blown up to about 10 MiB (the largest file
//! read): a long comment, a long name, 100,000s of ranges, correlations, custom lines,
//! actuals months or client sliders (all refused, which is the work `check` does on them).
//!
//! Target (issue 13): every shape under one second, growing linearly with the file's size.
//! Run: `cargo bench --bench check -- --warm-up-time 1 --measurement-time 5`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use roi_planner::bundled;
use roi_planner::model::file;

/// The bundled chatbot with `section` (RON, ending in a comma) before its last bracket,
/// `section` repeated until the file holds about `bytes`.
fn blown_up(open: &str, item: &str, close: &str, bytes: usize) -> String {
    let text = bundled::find("chatbot").expect("bundled").text;
    let start = text.find("    // How sure we are").expect("ranges");
    let end = text.trim_end().rfind(')').expect("end");
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str(&text[..start]);
    out.push_str(open);
    let mut i = 0usize;
    while out.len() < bytes {
        out.push_str(&item.replace("{i}", &i.to_string()));
        i += 1;
    }
    out.push_str(close);
    out.push_str(&text[end..]);
    out
}

fn benches(c: &mut Criterion) {
    const MIB10: usize = 10 * 1024 * 1024 - 8192;
    let shapes = [
        ("comment", blown_up("// ", "x", "\n", MIB10)),
        (
            "ranges",
            blown_up(
                "ranges: {",
                "\"chatbot.x{i}\": (low: 1, high: 2), ",
                "},\n",
                MIB10,
            ),
        ),
        (
            "correlations",
            blown_up(
                "ranges: { \"chatbot.containment_pct\": (low: 20, likely: 35, high: 55), \"chatbot.setup_cost\": (low: 20000, likely: 25000, high: 30000) },\ncorrelations: [",
                "(\"chatbot.containment_pct\", \"chatbot.setup_cost\", 0.5), ",
                "],\n",
                MIB10,
            ),
        ),
        (
            "custom lines",
            blown_up(
                "custom: (enabled: true, lines: [",
                "(name: \"line {i}\", kind: cost, amount: 100, timing: OneOff(month: 1)), ",
                "]),\n",
                MIB10,
            ),
        ),
        (
            "actuals",
            blown_up(
                "actuals: [",
                "(month: {i}, contacts: 20000), ",
                "],\n",
                MIB10,
            ),
        ),
        (
            "client sliders",
            blown_up(
                "client_sliders: [",
                "\"chatbot.containment_pct\", ",
                "],\n",
                MIB10,
            ),
        ),
    ];
    let mut group = c.benchmark_group("check a 10 MiB file");
    group.sample_size(10);
    for (name, text) in &shapes {
        assert!(text.len() > 9 * 1024 * 1024, "{name}: {} bytes", text.len());
        group.bench_function(*name, |b| b.iter(|| file::parse(black_box(text)).is_ok()));
    }
    group.finish();
}

criterion_group!(check, benches);
criterion_main!(check);
