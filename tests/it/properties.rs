//! Properties of the engine over generated scenarios (proptest): nothing panics on any
//! well-typed scenario; switching every initiative off leaves nothing; more chatbot
//! containment never lowers the chatbot's benefit; the summary agrees with the monthly
//! ledger; the exact and the `f64` engines agree; a scenario survives save then load.

use proptest::prelude::*;
use proptest::test_runner::Config;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;

use roi_planner::export;
use roi_planner::model::file::{parse, parse_unchecked, to_ron};
use roi_planner::model::{
    CustomLine, HeadcountPolicy, Initiative, InputDescriptor, LineKind, RampShape, Scenario, Slot,
    StaffingModel, Timing, ValidScenario, all_inputs,
};
use roi_planner::sim::{self, Figures, Projection};

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// A value inside the descriptor's range: often an edge, otherwise anywhere in between,
/// with up to `decimals` decimals (whole numbers for months).
fn in_range(d: &InputDescriptor, decimals: u32) -> BoxedStrategy<Decimal> {
    let (min, max) = (d.min, d.max);
    let whole = d.whole;
    let scale = 10i64.pow(decimals.min(18));
    let between = (0..=scale).prop_map(move |k| {
        let v = min + (max - min) * Decimal::new(k, 0) / Decimal::new(scale, 0);
        let v = if whole {
            v.round()
        } else {
            v.round_dp(decimals)
        };
        v.clamp(min, max)
    });
    prop_oneof![1 => Just(min), 1 => Just(max), 6 => between].boxed()
}

/// Any decimal at all: negative, huge, or with 28 decimals.
fn any_decimal() -> BoxedStrategy<Decimal> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0u32..=28,
    )
        .prop_map(|(lo, mid, hi, negative, scale)| {
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
        .boxed()
}

fn shape() -> impl Strategy<Value = RampShape> {
    prop_oneof![Just(RampShape::Linear), Just(RampShape::SCurve)]
}

fn kind() -> impl Strategy<Value = LineKind> {
    prop_oneof![Just(LineKind::Cost), Just(LineKind::Benefit)]
}

/// A custom line with the amount and months from the given strategies; `from` and `to` are
/// put in order when `ordered`.
fn custom_line(
    amount: BoxedStrategy<Decimal>,
    month: BoxedStrategy<u32>,
    ordered: bool,
) -> impl Strategy<Value = CustomLine> {
    let name = prop_oneof![
        Just("licence".to_owned()),
        Just("extra revenue".to_owned()),
        "[a-zA-Zé ]{1,12}"
    ];
    (name, kind(), amount, 0..3u8, month.clone(), month).prop_map(
        move |(name, kind, amount, t, a, b)| {
            let (from, to) = if ordered {
                (a.min(b), a.max(b))
            } else {
                (a, b)
            };
            let name = if ordered && name.trim().is_empty() {
                "line".to_owned()
            } else {
                name
            };
            let timing = match t {
                0 => Timing::OneOff { month: a },
                1 => Timing::Monthly { from, to },
                _ => Timing::Spread { from, to },
            };
            CustomLine {
                name,
                kind,
                amount,
                timing,
                revenue: t == 2,
            }
        },
    )
}

/// A scenario built from `values` (one per descriptor, in `all_inputs` order), switches,
/// ramp shapes and custom lines.
fn build(
    values: Vec<Decimal>,
    on: [bool; 8],
    shapes: [RampShape; 3],
    lines: Vec<CustomLine>,
    clamp: bool,
) -> Scenario {
    let mut s = Scenario::default();
    for (d, v) in all_inputs().zip(values) {
        if clamp {
            s.set(d, v);
        } else {
            match s.slot(d) {
                Some(Slot::Value(slot)) => *slot = v,
                Some(Slot::Months(slot)) => *slot = v.trunc().abs().to_u32().unwrap_or(u32::MAX),
                None => panic!("no slot for {}", d.path),
            }
        }
    }
    for (initiative, on) in Initiative::ALL.into_iter().zip(on) {
        s.set_enabled(initiative, on);
    }
    // The staffing: by service level (any policy, new hires trained or not) or simplified;
    // simplified where the traffic is beyond what staffing by service level takes.
    s.staffing.model = if on[4] {
        StaffingModel::ServiceLevel
    } else {
        StaffingModel::Simplified
    };
    s.staffing.policy = match (on[5], on[6]) {
        (false, false) => HeadcountPolicy::KeepHeadcount,
        (true, true) => HeadcountPolicy::ShrinkWithRedundancies,
        _ => HeadcountPolicy::ShrinkThroughAttrition,
    };
    s.staffing.train_new_hires = on[7];
    if !roi_planner::model::staffing::problems(&s).is_empty() {
        s.staffing.model = StaffingModel::Simplified;
    }
    s.chatbot.ramp_shape = shapes[0];
    s.omnichannel.ramp_shape = shapes[1];
    s.training.ramp_shape = shapes[2];
    s.custom.lines = lines;
    s
}

/// Valid scenarios: every value in range with up to 4 decimals, custom lines within the
/// horizon's allowed months. Horizons up to 36 months keep the debug build fast; the edges
/// of the horizon are covered by the other generators.
fn valid_scenario() -> impl Strategy<Value = ValidScenario> {
    valid_scenario_with(4, 36)
}

pub(crate) fn valid_scenario_with(
    decimals: u32,
    horizon_max: u32,
) -> impl Strategy<Value = ValidScenario> {
    let values: Vec<BoxedStrategy<Decimal>> = all_inputs()
        .map(|d| {
            if d.path == "finance.horizon_months" {
                (1..=horizon_max).prop_map(Decimal::from).boxed()
            } else {
                in_range(d, decimals)
            }
        })
        .collect();
    let amount = (0u64..=100_000_000_000)
        .prop_map(|cents| Decimal::new(cents as i64, 2))
        .boxed();
    let month = (1u32..=(horizon_max + 2).min(120)).boxed();
    let lines = prop::collection::vec(custom_line(amount, month, true), 0..4);
    (
        values,
        any::<[bool; 8]>(),
        [shape(), shape(), shape()],
        lines,
    )
        .prop_map(|(values, on, shapes, lines)| {
            build(values, on, shapes, lines, true)
                .validate()
                .unwrap_or_else(|p| panic!("generated an invalid scenario: {p:?}"))
        })
}

/// Well-typed scenarios: half of them with every value in range but with up to 28 decimals,
/// the other half with any decimal and any month anywhere, including out of range.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    any::<bool>().prop_flat_map(|wild| {
        let values: Vec<BoxedStrategy<Decimal>> = all_inputs()
            .map(|d| {
                if wild {
                    prop_oneof![3 => in_range(d, 28), 1 => any_decimal()].boxed()
                } else {
                    in_range(d, 28)
                }
            })
            .collect();
        let (month, amount) = if wild {
            (
                prop_oneof![3 => 0u32..=130, 1 => any::<u32>()].boxed(),
                prop_oneof![
                    (0u64..=1_000_000_000).prop_map(Decimal::from).boxed(),
                    any_decimal()
                ]
                .boxed(),
            )
        } else {
            let amount = (0u64..=1_000_000_000_000_000)
                .prop_map(|n| Decimal::new(n as i64, 9))
                .boxed();
            ((1u32..=120).boxed(), amount)
        };
        let lines = prop::collection::vec(custom_line(amount, month, !wild), 0..4);
        (
            values,
            any::<[bool; 8]>(),
            [shape(), shape(), shape()],
            lines,
        )
            .prop_map(move |(values, on, shapes, lines)| build(values, on, shapes, lines, !wild))
    })
}

/// `cases` cases (few enough for a fast debug run) from a fixed seed, so every run checks the
/// same cases and a failure can be run again; `PROPTEST_CASES` and `PROPTEST_SEED` set other
/// ones for a longer, wider search.
pub(crate) fn config(cases: u32) -> Config {
    fn env<T: std::str::FromStr>(name: &str) -> Option<T> {
        std::env::var(name).ok().and_then(|v| v.parse().ok())
    }
    Config {
        cases: env("PROPTEST_CASES").unwrap_or(cases),
        rng_seed: proptest::test_runner::RngSeed::Fixed(env("PROPTEST_SEED").unwrap_or(20261201)),
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// The sum over a projection's lines of `initiative`'s `kind`, month by month, unadjusted.
fn lines_by_month(p: &Projection, initiative: Initiative, kind: LineKind) -> Vec<Decimal> {
    let mut sums = vec![Decimal::ZERO; p.horizon_months as usize];
    for line in p
        .lines
        .iter()
        .filter(|l| l.initiative == initiative && l.kind == kind)
    {
        for (sum, amount) in sums.iter_mut().zip(&line.amounts) {
            *sum += amount;
        }
    }
    sums
}

/// Break-even and payback recomputed from the months, by the conventions' words (README,
/// "Money and time conventions"): the first month with cumulative ≥ 0, counting from the
/// first month s in which anything happens; payback (m − s) + (−cumulative(m − 1)) / net(m);
/// none if nothing ever happens.
fn break_even(months: &[sim::MonthFigures<Decimal>]) -> Option<(u32, Decimal)> {
    let first = months
        .iter()
        .position(|m| !m.costs.is_zero() || !m.benefits.is_zero())?;
    let start = first as u32 + 1;
    let mut before = months
        .get(first.wrapping_sub(1))
        .map_or(Decimal::ZERO, |m| m.cumulative_net);
    for m in &months[first..] {
        if m.cumulative_net >= Decimal::ZERO {
            let fraction = if before < Decimal::ZERO {
                -before / m.net
            } else {
                Decimal::ZERO
            };
            return Some((m.month, Decimal::from(m.month - start) + fraction));
        }
        before = m.cumulative_net;
    }
    None
}

fn assert_tiny(what: &str, a: Decimal, b: Decimal) {
    // The engine keeps products and quotients to 12 decimals (`number::KEEP_DECIMALS`), and
    // sums taken in a different order may differ in the last of them: a billionth of the
    // figure is far below a cent and far above that noise.
    let scale = a.abs().max(b.abs()).max(Decimal::ONE);
    assert!(
        (a - b).abs() <= scale * dec!(0.000000001),
        "{what}: {a} vs {b}"
    );
}

fn check_summary_agrees_with_months(what: &str, p: &Projection, f: &Figures, adjusted: bool) {
    let s = &f.summary;
    assert_eq!(f.months.len(), p.horizon_months as usize, "{what}");
    let mut cumulative = Decimal::ZERO;
    let (mut costs, mut benefits) = (Decimal::ZERO, Decimal::ZERO);
    let mut npv = Decimal::ZERO;
    for (i, m) in f.months.iter().enumerate() {
        assert_eq!(m.month as usize, i + 1, "{what}");
        assert_eq!(
            m.net,
            m.benefits - m.costs,
            "{what}: net of month {}",
            m.month
        );
        cumulative += m.net;
        assert_tiny(
            &format!("{what}: cumulative of month {}", m.month),
            m.cumulative_net,
            cumulative,
        );
        costs += m.costs;
        benefits += m.benefits;
        npv += m.discounted_net;
        let to_date = (costs > Decimal::ZERO).then(|| (benefits - costs) / costs * dec!(100));
        match (m.roi_to_date_pct, to_date) {
            (Some(a), Some(b)) => {
                assert_tiny(&format!("{what}: ROI to date, month {}", m.month), a, b)
            }
            (a, b) => assert_eq!(a, b, "{what}: ROI to date, month {}", m.month),
        }
        // The month's totals are the sum of its lines.
        let sum_of = |kind: LineKind| -> Decimal {
            p.lines
                .iter()
                .filter(|l| l.kind == kind)
                .map(|l| p.line_amount(l, m.month, adjusted))
                .sum()
        };
        assert_tiny(
            &format!("{what}: costs of month {}", m.month),
            m.costs,
            sum_of(LineKind::Cost),
        );
        assert_tiny(
            &format!("{what}: benefits of month {}", m.month),
            m.benefits,
            sum_of(LineKind::Benefit),
        );
    }
    assert_tiny(&format!("{what}: total costs"), s.total_costs, costs);
    assert_tiny(
        &format!("{what}: total benefits"),
        s.total_benefits,
        benefits,
    );
    assert_eq!(s.net_benefit, s.total_benefits - s.total_costs, "{what}");
    assert_tiny(&format!("{what}: NPV"), s.npv, npv);
    let roi = (s.total_costs > Decimal::ZERO)
        .then(|| (s.total_benefits - s.total_costs) / s.total_costs * dec!(100));
    match (s.roi_pct, roi) {
        (Some(a), Some(b)) => assert_tiny(&format!("{what}: ROI"), a, b),
        (a, b) => assert_eq!(a, b, "{what}: ROI"),
    }
    let found = break_even(&f.months);
    assert_eq!(
        s.break_even_month,
        found.map(|(m, _)| m),
        "{what}: break-even month"
    );
    match (s.payback_months, found.map(|(_, p)| p)) {
        (Some(a), Some(b)) => assert_tiny(&format!("{what}: payback"), a, b),
        (a, b) => assert_eq!(a, b, "{what}: payback"),
    }
    // IRR is defined exactly when the nets change sign (and a rate is found).
    let pos = f.months.iter().any(|m| m.net > Decimal::ZERO);
    let neg = f.months.iter().any(|m| m.net < Decimal::ZERO);
    if !(pos && neg) {
        assert_eq!(
            s.irr_annual_pct, None,
            "{what}: IRR without a change of sign"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn no_panic_on_any_well_typed_scenario(s in any_scenario()) {
        // The text form reads back without panicking (values may lose digits through f64).
        let text = to_ron(&s).expect("any scenario writes");
        let _ = parse_unchecked(&text);
        let _ = parse(&text);
        // The f64 engine takes any values over an allowed horizon.
        if (1..=120).contains(&s.finance.horizon_months) {
            let floats = s.map(|d| d.to_f64().unwrap_or(f64::NAN));
            let _ = sim::summarize_f64(&floats, true);
            let _ = sim::summarize_f64(&floats, false);
        }
        match s.validate() {
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(!p.path.is_empty() && !p.message.is_empty(), "{:?}", p);
                }
            }
            Ok(valid) => {
                if let Ok(p) = sim::simulate(&valid) {
                    for adjusted in [true, false] {
                        let json = export::to_json(&p, valid.scenario(), None, adjusted);
                        prop_assert_eq!(json["months"].as_array().map(Vec::len), Some(p.horizon_months as usize));
                        prop_assert_eq!(export::to_csv(&p, adjusted).expect("CSV").lines().count(), p.horizon_months as usize + 1);
                        prop_assert!(!export::to_table(&p, adjusted).is_empty());
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn every_initiative_off_gives_zero_costs_and_benefits(valid in valid_scenario()) {
        let mut s = valid.into_inner();
        for initiative in Initiative::ALL {
            s.set_enabled(initiative, false);
        }
        let p = sim::simulate(&s.validate().expect("still valid")).expect("simulates");
        prop_assert!(p.lines.is_empty());
        prop_assert!(p.initiatives.is_empty());
        for f in [&p.adjusted, &p.unadjusted] {
            prop_assert!(f.months.iter().all(|m| m.costs.is_zero() && m.benefits.is_zero() && m.cumulative_net.is_zero()));
            let sum = &f.summary;
            prop_assert!(sum.total_costs.is_zero() && sum.total_benefits.is_zero() && sum.npv.is_zero());
            prop_assert_eq!(sum.roi_pct, None);
            prop_assert_eq!(sum.irr_annual_pct, None);
            // Nothing happens at all: no break-even and no payback.
            prop_assert_eq!(sum.break_even_month, None);
            prop_assert_eq!(sum.payback_months, None);
        }
    }

    #[test]
    fn more_chatbot_containment_never_lowers_the_chatbots_benefit(
        valid in valid_scenario(),
        a in 0u32..=10_000,
        b in 0u32..=10_000,
    ) {
        let (low, high) = (Decimal::new(i64::from(a.min(b)), 2), Decimal::new(i64::from(a.max(b)), 2));
        let run = |containment: Decimal| {
            let mut s = valid.scenario().clone();
            s.chatbot.enabled = true;
            s.chatbot.containment_pct = containment;
            sim::simulate(&s.validate().expect("valid")).expect("simulates")
        };
        let (p_low, p_high) = (run(low), run(high));
        // In the combined ledger, month by month.
        let by_month_low = lines_by_month(&p_low, Initiative::Chatbot, LineKind::Benefit);
        let by_month_high = lines_by_month(&p_high, Initiative::Chatbot, LineKind::Benefit);
        for (month, (l, h)) in by_month_low.iter().zip(&by_month_high).enumerate() {
            prop_assert!(h >= l, "month {}: {} at {}% < {} at {}%", month + 1, h, high, l, low);
        }
        // On its own, unadjusted and risk-adjusted.
        let alone = |p: &Projection| {
            p.initiatives.iter().find(|i| i.initiative == Initiative::Chatbot).map(|i| (i.standalone.total_benefits, i.standalone_adjusted.total_benefits))
        };
        let (Some(l), Some(h)) = (alone(&p_low), alone(&p_high)) else {
            return Err(TestCaseError::fail("the chatbot is switched on, so it has figures"));
        };
        prop_assert!(h.0 >= l.0 && h.1 >= l.1, "alone: {:?} at {}% < {:?} at {}%", h, high, l, low);
    }

    #[test]
    fn the_summary_agrees_with_the_monthly_ledger(valid in valid_scenario()) {
        let p = sim::simulate(&valid).expect("simulates");
        check_summary_agrees_with_months("unadjusted", &p, &p.unadjusted, false);
        check_summary_agrees_with_months("risk-adjusted", &p, &p.adjusted, true);
        // Each line's amounts cover the horizon; costs and benefits are never negative, except
        // where a headcount path books a difference of two payrolls: what training's lower
        // attrition changes is negative while a shrinking team keeps people it would have
        // lost (README, staffing by service level).
        let path_difference = |id: roi_planner::sim::LineRef| {
            valid.scenario().staffing.model == roi_planner::model::StaffingModel::ServiceLevel
                && id == roi_planner::sim::LineRef::Model(roi_planner::sim::LineId::TrainingReplacements)
        };
        for line in &p.lines {
            prop_assert_eq!(line.amounts.len(), p.horizon_months as usize);
            prop_assert!(
                path_difference(line.id) || line.amounts.iter().all(|a| *a >= Decimal::ZERO),
                "{:?}: {:?}", line.id, line.amounts
            );
        }
        // The unadjusted ledger itself: month totals are the sums of their lines, exactly.
        for m in &p.unadjusted.months {
            let sum = |kind| p.lines.iter().filter(|l| l.kind == kind).map(|l| l.amounts[m.month as usize - 1]).sum::<Decimal>();
            prop_assert_eq!(m.costs, sum(LineKind::Cost));
            prop_assert_eq!(m.benefits, sum(LineKind::Benefit));
        }
    }

    #[test]
    fn the_exact_and_the_f64_engines_agree(valid in valid_scenario()) {
        let p = sim::simulate(&valid).expect("simulates");
        let floats = valid.scenario().map(|d| d.to_f64().expect("fits f64"));
        for adjusted in [true, false] {
            let e = &p.figures(adjusted).summary;
            let f = sim::summarize_f64(&floats, adjusted).expect("f64 run");
            // A cent, or a billionth of the amounts involved, whichever is larger.
            let scale = (e.total_costs + e.total_benefits).to_f64().expect("f64");
            let tolerance = (scale * 1e-9).max(0.01);
            for (name, a, b) in [
                ("total costs", e.total_costs, f.total_costs),
                ("total benefits", e.total_benefits, f.total_benefits),
                ("net benefit", e.net_benefit, f.net_benefit),
                ("NPV", e.npv, f.npv),
            ] {
                let a = a.to_f64().expect("f64");
                prop_assert!((a - b).abs() <= tolerance, "{} ({}): Decimal {} vs f64 {}", name, adjusted, a, b);
            }
            if e.break_even_month != f.break_even_month {
                // Only where the cumulative sits on zero within rounding.
                let months = &p.figures(adjusted).months;
                let m = e.break_even_month.min(f.break_even_month).or(e.break_even_month).or(f.break_even_month).unwrap_or(1);
                let cumulative = months[m as usize - 1].cumulative_net.to_f64().expect("f64");
                prop_assert!(cumulative.abs() <= tolerance, "break-even {:?} vs {:?}, cumulative {}", e.break_even_month, f.break_even_month, cumulative);
            }
        }
    }

    #[test]
    fn a_scenario_survives_save_then_load(valid in valid_scenario_with(2, 120)) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("generated.ron");
        roi_planner::files::save(&path, valid.scenario()).expect("saves");
        let back = roi_planner::files::load(&path).expect("loads");
        prop_assert_eq!(back, valid);
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// The totals a sampling run adds up field by field equal the totals of booking every
    /// line, exactly: no line can be left out of one and not the other.
    #[test]
    fn totals_without_lines_equal_totals_with_lines(valid in valid_scenario()) {
        use roi_planner::sim::engine::{Mask, run};
        use roi_planner::sim::number::Exact;
        let s = valid.scenario();
        let with = run::<_, Exact>(s, Mask::ALL, true).expect("runs");
        let without = run::<_, Exact>(s, Mask::ALL, false).expect("runs");
        prop_assert_eq!(&with.costs, &without.costs);
        prop_assert_eq!(&with.benefits, &without.benefits);
        prop_assert_eq!(&with.revenue, &without.revenue);
    }
}

// ---------------------------------------------------------------------------------------
// `check` says ok only when every command works
// ---------------------------------------------------------------------------------------

/// Ranges and correlations as a person might write them, mostly right: a range is given as
/// (input, low and high as fractions of the input's allowed range, where the likely value lies
/// between them, shape, and a mistake: none, out of the input's range, low above high, or a
/// likely value outside them); a correlation as (range, range, coefficient), coefficients of
/// exactly ±1 and beyond included, and sets of them that cannot hold together.
type Sections = (
    Vec<(usize, u32, u32, Option<u32>, u8, u8)>,
    Vec<(usize, usize, Decimal)>,
);

fn uncertainty_sections() -> impl Strategy<Value = Sections> {
    let count = all_inputs().count();
    let range = (
        0..count,
        0u32..=1000,
        0u32..=1000,
        prop::option::of(0u32..=1000),
        0u8..3,
        prop_oneof![6 => Just(0u8), 1 => 1u8..=3],
    );
    let coefficient = prop_oneof![
        1 => Just(dec!(1)),
        1 => Just(dec!(-1)),
        1 => Just(dec!(1.5)),
        6 => (-95i64..=95).prop_map(|k| Decimal::new(k, 2)),
    ];
    (
        prop::collection::vec(range, 0..6),
        prop::collection::vec((0usize..3, 0usize..6, coefficient), 0..5),
    )
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn a_scenario_that_passes_check_works_with_every_command(
        base in valid_scenario_with(2, 24),
        (ranges, correlations) in uncertainty_sections(),
    ) {
        use std::sync::atomic::{AtomicBool, AtomicUsize};
        use roi_planner::analysis::{monte_carlo, tornado, Metric};
        use roi_planner::model::{InputRange, Shape};
        use roi_planner::report::{self, Case, Deliverable, Output};
        let inputs: Vec<&InputDescriptor> = all_inputs().collect();
        let mut s = base.into_inner();
        let mut ranged = Vec::new();
        for (i, a, b, likely, shape, mistake) in ranges {
            // Around the input's value: a share of the way down to its minimum and up to its
            // maximum, then the mistake, if any.
            let d = inputs[i];
            let value = s.get(d);
            let part = |k: u32| Decimal::from(k) / Decimal::from(1000);
            let tidy = |v: Decimal| if d.whole { v.round() } else { v.round_dp(2) };
            let mut low = tidy(value - (value - d.min) * part(a));
            let mut high = tidy(value + (d.max - value) * part(b));
            let mut at = likely.map(|_| value);
            match mistake {
                1 => low = d.min - Decimal::ONE,
                2 => std::mem::swap(&mut low, &mut high),
                3 => at = Some(high + Decimal::ONE),
                _ => {}
            }
            let shape = [Shape::Triangular, Shape::Pert, Shape::Uniform][shape as usize];
            s.ranges.insert(d.path.to_owned(), InputRange { low, at, high, shape });
            ranged.push(d.path);
        }
        for (a, b, rho) in correlations {
            if let (Some(a), Some(b)) = (ranged.get(a), ranged.get(b)) {
                s.correlations.push(((*a).to_owned(), (*b).to_owned(), rho));
            }
        }
        // What `check` does: read the file as written, then validate.
        let text = to_ron(&s).expect("writes");
        let Ok(valid) = parse(&text) else {
            return Ok(());
        };
        let settings = monte_carlo::Settings { trials: 100, seed: 1, risk_adjusted: true };
        let mc = monte_carlo::run(&valid, settings, &AtomicBool::new(false), &AtomicUsize::new(0));
        prop_assert!(mc.is_ok(), "analyze: {:?}\n{text}", mc.err());
        let p = sim::simulate(&valid).expect("simulates");
        prop_assert!(tornado::tornado(&valid, &p, Metric::NetBenefit, true).is_ok());
        let case = Case::prepare_variant(valid, 100, true);
        prop_assert!(case.is_ok(), "report: {:?}", case.err());
        let cases = [case.expect("prepared")];
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
        for (what, output) in [
            (Deliverable::Report, Output::Html),
            (Deliverable::Spreadsheet, Output::Xlsx),
            (Deliverable::Spreadsheet, Output::Csv),
        ] {
            let r = report::render(&cases, what, output, roi_planner::model::Lang::En, today, true, None);
            prop_assert!(r.is_ok(), "{output:?}: {:?}", r.err());
        }
    }
}
