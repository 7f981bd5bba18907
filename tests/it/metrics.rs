//! The finance metrics against figures computed by hand and by a spreadsheet's formulas.
//!
//! Conventions (README, "Money and time conventions"): flows fall at the end of their month;
//! net(m) = benefits(m) − costs(m); months before the first month with any cost or benefit
//! (s) are idle; break-even is the first month from s on whose cumulative net is ≥ 0 (month s
//! if it never goes negative; none if not reached or if nothing happens at all);
//! payback = (m − s) + (−cumulative(m − 1)) / net(m);
//! monthly rate = (1 + r)^(1/12) − 1; NPV = Σ net(m) / (1 + monthly)^m, which is exactly a
//! spreadsheet's `=NPV(monthly_rate; net(1); …; net(n))`; IRR is the monthly rate with NPV
//! zero (a spreadsheet's `=IRR(net(1); …; net(n))`), annualised as (1 + irr)^12 − 1.
//!
//! The spreadsheet figures below are those formulas evaluated with Python's `decimal` module
//! at 50 significant digits (LibreOffice and Excel give the same digits to their display
//! precision); the IRR is the root found by bisection to 1e-40.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;

use roi_planner::sim::metrics::{
    MonthFigures, Summary, irr_monthly, monthly_rate, roi_pct, summarize,
};
use roi_planner::sim::number::Exact;

/// The summary (and months) of `summarize::<Exact>` over unadjusted costs and benefits.
fn run(
    costs: &[Decimal],
    benefits: &[Decimal],
    factors: (Decimal, Decimal),
    rate_annual_pct: Decimal,
) -> (Summary<Decimal>, Vec<MonthFigures<Decimal>>) {
    let costs: Vec<Exact> = costs.iter().copied().map(Exact::from).collect();
    let benefits: Vec<Exact> = benefits.iter().copied().map(Exact::from).collect();
    let mut months = Vec::new();
    let summary = summarize(
        &costs,
        &benefits,
        Exact::from(factors.0),
        Exact::from(factors.1),
        Exact::from(rate_annual_pct),
        Some(&mut months),
    );
    let summary = summary
        .try_map(Exact::get)
        .expect("no overflow in small test figures");
    let months = months
        .into_iter()
        .map(|m| MonthFigures {
            month: m.month,
            costs: m.costs.get().expect("cost"),
            benefits: m.benefits.get().expect("benefit"),
            net: m.net.get().expect("net"),
            cumulative_net: m.cumulative_net.get().expect("cumulative"),
            discounted_net: m.discounted_net.get().expect("discounted"),
            roi_to_date_pct: m.roi_to_date_pct.map(|r| r.get().expect("roi")),
        })
        .collect();
    (summary, months)
}

/// Splits net flows into costs (the negative ones) and benefits (the positive ones).
fn split(flows: &[Decimal]) -> (Vec<Decimal>, Vec<Decimal>) {
    let costs = flows
        .iter()
        .map(|&f| if f < Decimal::ZERO { -f } else { Decimal::ZERO })
        .collect();
    let benefits = flows
        .iter()
        .map(|&f| if f > Decimal::ZERO { f } else { Decimal::ZERO })
        .collect();
    (costs, benefits)
}

const NO_RISK: (Decimal, Decimal) = (Decimal::ONE, Decimal::ONE);

fn assert_close(what: &str, actual: Decimal, expected: Decimal, tolerance: Decimal) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: got {actual}, expected {expected} (± {tolerance})"
    );
}

fn assert_close_opt(
    what: &str,
    actual: Option<Decimal>,
    expected: Option<Decimal>,
    tolerance: Decimal,
) {
    match (actual, expected) {
        (Some(a), Some(e)) => assert_close(what, a, e, tolerance),
        (a, e) => assert_eq!(a, e, "{what}"),
    }
}

// ---------------------------------------------------------------------------------------
// Break-even and payback
// ---------------------------------------------------------------------------------------

/// What a payback case expects.
struct Payback {
    break_even_month: Option<u32>,
    payback_months: Option<Decimal>,
    discounted_payback_months: Option<Decimal>,
}

fn check_payback(
    costs: &[Decimal],
    benefits: &[Decimal],
    factors: (Decimal, Decimal),
    rate_annual_pct: Decimal,
    expected: Payback,
) {
    let (s, _) = run(costs, benefits, factors, rate_annual_pct);
    let tolerance = dec!(0.000000001);
    assert_eq!(
        s.break_even_month, expected.break_even_month,
        "break-even month of {costs:?} / {benefits:?}"
    );
    assert_close_opt(
        "payback",
        s.payback_months,
        expected.payback_months,
        tolerance,
    );
    assert_close_opt(
        "discounted payback",
        s.discounted_payback_months,
        expected.discounted_payback_months,
        tolerance,
    );
}

#[test]
fn payback_interpolates_inside_the_break_even_month() {
    // Cumulative −1000, −600, −200, +200: month 4; payback = 3 + 200 / 400 = 3.5.
    // At 0% the discounted payback is the same.
    check_payback(
        &[dec!(1000), dec!(0), dec!(0), dec!(0)],
        &[dec!(0), dec!(400), dec!(400), dec!(400)],
        NO_RISK,
        dec!(0),
        Payback {
            break_even_month: Some(4),
            payback_months: Some(dec!(3.5)),
            discounted_payback_months: Some(dec!(3.5)),
        },
    );
    // The same flows at 10% a year: discounted flows −992.0889434470, 393.6961886839,
    // 390.5816358705, 387.4917224606 (each flow / 1.1^(m/12)); cumulative after month 3 is
    // −207.8111188926, so discounted payback = 3 + 207.8111188926 / 387.4917224606
    // = 3.5362982145088217 (Python decimal, 50 digits).
    check_payback(
        &[dec!(1000), dec!(0), dec!(0), dec!(0)],
        &[dec!(0), dec!(400), dec!(400), dec!(400)],
        NO_RISK,
        dec!(10),
        Payback {
            break_even_month: Some(4),
            payback_months: Some(dec!(3.5)),
            discounted_payback_months: Some(dec!(3.5362982145088217)),
        },
    );
    // Cumulative −1000, −700, −300, +200: month 4; payback = 3 + 300 / 500 = 3.6.
    // Discounted at 10%: 3.6322409451617349 (Python decimal, as above).
    check_payback(
        &[dec!(1000), dec!(0), dec!(0), dec!(0)],
        &[dec!(0), dec!(300), dec!(400), dec!(500)],
        NO_RISK,
        dec!(10),
        Payback {
            break_even_month: Some(4),
            payback_months: Some(dec!(3.6)),
            discounted_payback_months: Some(dec!(3.6322409451617349)),
        },
    );
}

#[test]
fn payback_when_the_cumulative_lands_exactly_on_zero() {
    // Cumulative −1000, −500, 0: "≥ 0" holds in month 3; payback = 2 + 500 / 500 = 3.
    check_payback(
        &[dec!(1000), dec!(0), dec!(0)],
        &[dec!(0), dec!(500), dec!(500)],
        NO_RISK,
        dec!(0),
        Payback {
            break_even_month: Some(3),
            payback_months: Some(dec!(3)),
            discounted_payback_months: Some(dec!(3)),
        },
    );
}

#[test]
fn break_even_in_month_1() {
    // Net +50 in month 1: the cumulative never goes negative, so month 1, and nothing was
    // owed before it: payback = (1 − 1) + 0 / 50 = 0.
    check_payback(
        &[dec!(100), dec!(100)],
        &[dec!(150), dec!(150)],
        NO_RISK,
        dec!(10),
        Payback {
            break_even_month: Some(1),
            payback_months: Some(dec!(0)),
            discounted_payback_months: Some(dec!(0)),
        },
    );
    // No flows at all: nothing happens, so there is nothing to break even or pay back (the
    // conventions: "none if nothing happens at all").
    check_payback(
        &[dec!(0), dec!(0), dec!(0)],
        &[dec!(0), dec!(0), dec!(0)],
        NO_RISK,
        dec!(10),
        Payback {
            break_even_month: None,
            payback_months: None,
            discounted_payback_months: None,
        },
    );
    // Break-even is the *first* month with cumulative ≥ 0, even if it dips below later:
    // cumulative +100, −400, +200.
    check_payback(
        &[dec!(0), dec!(500), dec!(0)],
        &[dec!(100), dec!(0), dec!(600)],
        NO_RISK,
        dec!(0),
        Payback {
            break_even_month: Some(1),
            payback_months: Some(dec!(0)),
            discounted_payback_months: Some(dec!(0)),
        },
    );
}

#[test]
fn break_even_never_within_the_horizon() {
    // Cumulative −1000, −950, −900: never ≥ 0, so no break-even and no payback.
    check_payback(
        &[dec!(1000), dec!(100), dec!(100)],
        &[dec!(0), dec!(150), dec!(150)],
        NO_RISK,
        dec!(10),
        Payback {
            break_even_month: None,
            payback_months: None,
            discounted_payback_months: None,
        },
    );
    // Undiscounted it pays back exactly in month 2 (−100 + 100), but discounted the second
    // flow is worth less than the first: no discounted payback.
    check_payback(
        &[dec!(100), dec!(0)],
        &[dec!(0), dec!(100)],
        NO_RISK,
        dec!(10),
        Payback {
            break_even_month: Some(2),
            payback_months: Some(dec!(2)),
            discounted_payback_months: None,
        },
    );
}

#[test]
fn months_before_anything_happens_do_not_count_as_break_even() {
    // An initiative starting in month 4 (s = 4) breaks even on its own cumulative, and its
    // payback counts from the start of month 4. Cumulative 0, 0, 0, −1000, +500: break-even
    // in calendar month 5; payback = (5 − 4) + 1000 / 1500 = 1.6666…, the same as the flows
    // −1000, +1500 started in month 1 give.
    check_payback(
        &[dec!(0), dec!(0), dec!(0), dec!(1000), dec!(0)],
        &[dec!(0), dec!(0), dec!(0), dec!(0), dec!(1500)],
        NO_RISK,
        dec!(0),
        Payback {
            break_even_month: Some(5),
            payback_months: Some(dec!(1) + dec!(1000) / dec!(1500)),
            discounted_payback_months: Some(dec!(1) + dec!(1000) / dec!(1500)),
        },
    );
    check_payback(
        &[dec!(1000), dec!(0)],
        &[dec!(0), dec!(1500)],
        NO_RISK,
        dec!(0),
        Payback {
            break_even_month: Some(2),
            payback_months: Some(dec!(1) + dec!(1000) / dec!(1500)),
            discounted_payback_months: Some(dec!(1) + dec!(1000) / dec!(1500)),
        },
    );
    // Discounting does not change it either: every flow 3 months later is discounted by the
    // same factor (1 + i)^3, so the discounted payback is the same too (at 10% a year).
    let (late, _) = run(
        &[dec!(0), dec!(0), dec!(0), dec!(1000), dec!(0)],
        &[dec!(0), dec!(0), dec!(0), dec!(0), dec!(1500)],
        NO_RISK,
        dec!(10),
    );
    let (early, _) = run(
        &[dec!(1000), dec!(0)],
        &[dec!(0), dec!(1500)],
        NO_RISK,
        dec!(10),
    );
    assert_close_opt(
        "discounted payback, started later",
        late.discounted_payback_months,
        early.discounted_payback_months,
        dec!(0.000000001),
    );
}

#[test]
fn risk_adjustment_applies_before_every_metric() {
    // Costs × 1.1, benefits × 0.9 (10% risk either way): costs 1100; benefits 540 a month.
    // Cumulative −1100, −560, −20, +520: month 4, payback = 3 + 20 / 540 = 3.0370370…;
    // ROI = (1620 − 1100) / 1100 × 100 = 47.2727…%.
    let costs = [dec!(1000), dec!(0), dec!(0), dec!(0)];
    let benefits = [dec!(0), dec!(600), dec!(600), dec!(600)];
    let (s, months) = run(&costs, &benefits, (dec!(1.1), dec!(0.9)), dec!(0));
    let tolerance = dec!(0.000000001);
    assert_eq!(s.total_costs, dec!(1100));
    assert_eq!(s.total_benefits, dec!(1620));
    assert_eq!(s.net_benefit, dec!(520));
    assert_eq!(s.break_even_month, Some(4));
    assert_close_opt(
        "payback",
        s.payback_months,
        Some(dec!(3) + dec!(20) / dec!(540)),
        tolerance,
    );
    assert_close_opt(
        "ROI",
        s.roi_pct,
        Some(dec!(520) / dec!(1100) * dec!(100)),
        tolerance,
    );
    let cumulative: Vec<Decimal> = months.iter().map(|m| m.cumulative_net).collect();
    assert_eq!(cumulative, [dec!(-1100), dec!(-560), dec!(-20), dec!(520)]);
    // Unadjusted, the same flows pay back in month 3: cumulative −1000, −400, +200;
    // payback = 2 + 400 / 600 = 2.666….
    check_payback(
        &costs,
        &benefits,
        NO_RISK,
        dec!(0),
        Payback {
            break_even_month: Some(3),
            payback_months: Some(dec!(2) + dec!(400) / dec!(600)),
            discounted_payback_months: Some(dec!(2) + dec!(400) / dec!(600)),
        },
    );
}

// ---------------------------------------------------------------------------------------
// ROI and the monthly rate
// ---------------------------------------------------------------------------------------

fn check_roi(benefits: Decimal, costs: Decimal, expected: Option<Decimal>) {
    assert_eq!(
        roi_pct(Exact::from(benefits), Exact::from(costs)).map(|r| r.get().expect("roi")),
        expected
    );
    let f64_roi = roi_pct(
        benefits.to_f64().expect("f64"),
        costs.to_f64().expect("f64"),
    );
    assert_eq!(
        f64_roi.is_some(),
        expected.is_some(),
        "f64 ROI defined for {benefits} / {costs}"
    );
    if let (Some(a), Some(e)) = (f64_roi, expected) {
        assert!(
            (a - e.to_f64().expect("f64")).abs() < 1e-9,
            "f64 ROI {a}, expected {e}"
        );
    }
}

#[test]
fn roi() {
    // The articles' worked example: (200,000 − 100,000) / 100,000 × 100 = 100%.
    check_roi(dec!(200000), dec!(100000), Some(dec!(100)));
    // Half the money back: (50 − 100) / 100 × 100 = −50%.
    check_roi(dec!(50), dec!(100), Some(dec!(-50)));
    // Nothing spent: ROI is undefined rather than infinite.
    check_roi(dec!(50), dec!(0), None);
    check_roi(dec!(0), dec!(0), None);
}

fn check_monthly_rate(annual_pct: Decimal, expected: Decimal) {
    let exact = monthly_rate(Exact::from(annual_pct)).get().expect("rate");
    assert_close(
        "Decimal monthly rate",
        exact,
        expected,
        dec!(0.000000000001),
    );
    let float = monthly_rate(annual_pct.to_f64().expect("f64"));
    assert!(
        (float - expected.to_f64().expect("f64")).abs() < 1e-15,
        "f64 monthly rate {float}, expected {expected}"
    );
}

#[test]
fn monthly_rate_compounds_to_the_annual_rate() {
    // (1 + r)^(1/12) − 1, Python decimal at 50 digits.
    check_monthly_rate(dec!(0), dec!(0));
    check_monthly_rate(dec!(10), dec!(0.0079741404289037410660));
    check_monthly_rate(dec!(12), dec!(0.0094887929345829741264));
    check_monthly_rate(dec!(8), dec!(0.0064340301100034548339));
    // 12 months of 1% a month compound to 1.01^12 − 1 = 12.682503013196972%.
    check_monthly_rate(dec!(12.682503013196972), dec!(0.01));
}

// ---------------------------------------------------------------------------------------
// NPV and IRR against a spreadsheet
// ---------------------------------------------------------------------------------------

/// What the spreadsheet says about one monthly cash-flow series.
struct Spreadsheet {
    /// `=NPV((1 + r)^(1/12) − 1; flows…)`.
    npv: Decimal,
    /// `=IRR(flows…)`: the monthly rate.
    irr_monthly: Option<f64>,
    /// `=(1 + IRR(flows…))^12 − 1`, in percent.
    irr_annual_pct: Option<Decimal>,
}

fn check_npv_irr(flows: &[Decimal], rate_annual_pct: Decimal, expected: Spreadsheet) {
    let (costs, benefits) = split(flows);
    let (s, months) = run(&costs, &benefits, NO_RISK, rate_annual_pct);
    assert_close("NPV", s.npv, expected.npv, dec!(0.005));
    let discounted: Decimal = months.iter().map(|m| m.discounted_net).sum();
    assert_eq!(
        discounted, s.npv,
        "NPV is the sum of the months' discounted nets"
    );
    assert_eq!(s.net_benefit, flows.iter().sum::<Decimal>());

    let nets: Vec<f64> = flows.iter().map(|f| f.to_f64().expect("f64")).collect();
    match (irr_monthly(&nets), expected.irr_monthly) {
        (Some(a), Some(e)) => assert!(
            (a - e).abs() < 1e-9,
            "monthly IRR of {flows:?}: got {a}, expected {e}"
        ),
        (a, e) => assert_eq!(a, e, "monthly IRR of {flows:?}"),
    }
    assert_close_opt(
        "annual IRR %",
        s.irr_annual_pct,
        expected.irr_annual_pct,
        dec!(0.000001),
    );
    assert_eq!(s.discount_rate_annual_pct, rate_annual_pct);

    // The f64 instantiation of the same formulas agrees.
    let costs: Vec<f64> = costs.iter().map(|c| c.to_f64().expect("f64")).collect();
    let benefits: Vec<f64> = benefits.iter().map(|b| b.to_f64().expect("f64")).collect();
    let f = summarize(
        &costs,
        &benefits,
        1.0,
        1.0,
        rate_annual_pct.to_f64().expect("f64"),
        None,
    );
    assert!(
        (f.npv - expected.npv.to_f64().expect("f64")).abs() < 0.005,
        "f64 NPV {}",
        f.npv
    );
    assert_eq!(
        f.irr_annual_pct.is_some(),
        expected.irr_annual_pct.is_some()
    );
}

#[test]
fn npv_and_irr_match_a_spreadsheet() {
    // A small project: −1000, then 300, 400, 500, at 10% a year.
    // =NPV(1.1^(1/12)−1; −1000; 300; 400; 500) = 178.129487012195
    // =IRR(−1000; 300; 400; 500) = 0.0889633946933499 a month; (1 + that)^12 − 1 = 178.0733540455%.
    check_npv_irr(
        &[dec!(-1000), dec!(300), dec!(400), dec!(500)],
        dec!(10),
        Spreadsheet {
            npv: dec!(178.129487012195),
            irr_monthly: Some(0.0889633946933499),
            irr_annual_pct: Some(dec!(178.0733540455329)),
        },
    );
    // Two months of investment, then ten of 8,000, at 12% a year.
    // =NPV(1.12^(1/12)−1; −50000; −10000; 8000 ×10) = 15214.1001648272
    // =IRR(…) = 0.0479387478008020 a month; annualised 75.4004832767%.
    let mut flows = vec![dec!(-50000), dec!(-10000)];
    flows.extend([dec!(8000); 10]);
    check_npv_irr(
        &flows,
        dec!(12),
        Spreadsheet {
            npv: dec!(15214.1001648272),
            irr_monthly: Some(0.0479387478008020),
            irr_annual_pct: Some(dec!(75.40048327673523)),
        },
    );
    // A year of 15,000 after 120,000 up front, at 8% a year.
    // =NPV(1.08^(1/12)−1; −120000; 15000 ×12) = 52356.0076552406
    // =IRR(…) = 0.0686534581156964 a month; annualised 121.8414756609%.
    let mut flows = vec![dec!(-120000)];
    flows.extend([dec!(15000); 12]);
    check_npv_irr(
        &flows,
        dec!(8),
        Spreadsheet {
            npv: dec!(52356.0076552406),
            irr_monthly: Some(0.0686534581156964),
            irr_annual_pct: Some(dec!(121.8414756608536)),
        },
    );
    // By hand: −100 then 110 returns exactly 10% a month; 1.1^12 − 1 = 213.8428376721%.
    // =NPV(1.1^(1/12)−1; −100; 110) = 9.05755754337525.
    check_npv_irr(
        &[dec!(-100), dec!(110)],
        dec!(10),
        Spreadsheet {
            npv: dec!(9.05755754337525),
            irr_monthly: Some(0.1),
            irr_annual_pct: Some(dec!(213.8428376721)),
        },
    );
    // By hand: −100, 50, 50 gets exactly the money back, so IRR = 0.
    // =NPV(1.1^(1/12)−1; −100; 50; 50) = −1.17416627539523.
    check_npv_irr(
        &[dec!(-100), dec!(50), dec!(50)],
        dec!(10),
        Spreadsheet {
            npv: dec!(-1.17416627539523),
            irr_monthly: Some(0.0),
            irr_annual_pct: Some(dec!(0)),
        },
    );
}

#[test]
fn npv_at_zero_percent_is_the_plain_sum() {
    check_npv_irr(
        &[dec!(-1000), dec!(300), dec!(400), dec!(500)],
        dec!(0),
        Spreadsheet {
            npv: dec!(200),
            irr_monthly: Some(0.0889633946933499),
            irr_annual_pct: Some(dec!(178.0733540455329)),
        },
    );
}

#[test]
fn irr_is_none_when_the_flows_do_not_change_sign() {
    // A spreadsheet's IRR gives #NUM! on each of these.
    let none = |flows: &[Decimal], npv: Decimal| {
        check_npv_irr(
            flows,
            dec!(0),
            Spreadsheet {
                npv,
                irr_monthly: None,
                irr_annual_pct: None,
            },
        );
    };
    none(&[dec!(100), dec!(200), dec!(300)], dec!(600));
    none(&[dec!(-100), dec!(-200)], dec!(-300));
    none(&[dec!(-100), dec!(0), dec!(0)], dec!(-100));
    none(&[dec!(0), dec!(0), dec!(0)], dec!(0));
    none(&[], dec!(0));
    // Flows that are not numbers have no IRR either.
    assert_eq!(irr_monthly(&[-100.0, f64::NAN, 200.0]), None);
    assert_eq!(irr_monthly(&[-100.0, f64::INFINITY]), None);
}

// ---------------------------------------------------------------------------------------
// Monthly figures
// ---------------------------------------------------------------------------------------

#[test]
fn monthly_figures_follow_the_conventions() {
    // −1000, 300, 400, 500 at 0%: cumulative −1000, −700, −300, +200; ROI to date =
    // (benefits so far − 1000) / 1000 × 100 = −100, −70, −30, +20.
    let (costs, benefits) = split(&[dec!(-1000), dec!(300), dec!(400), dec!(500)]);
    let (s, months) = run(&costs, &benefits, NO_RISK, dec!(0));
    let expected = [
        (
            1,
            dec!(1000),
            dec!(0),
            dec!(-1000),
            dec!(-1000),
            Some(dec!(-100)),
        ),
        (
            2,
            dec!(0),
            dec!(300),
            dec!(300),
            dec!(-700),
            Some(dec!(-70)),
        ),
        (
            3,
            dec!(0),
            dec!(400),
            dec!(400),
            dec!(-300),
            Some(dec!(-30)),
        ),
        (4, dec!(0), dec!(500), dec!(500), dec!(200), Some(dec!(20))),
    ];
    assert_eq!(months.len(), expected.len());
    for (m, (month, cost, benefit, net, cumulative, roi)) in months.iter().zip(expected) {
        assert_eq!(m.month, month);
        assert_eq!(m.costs, cost, "costs in month {month}");
        assert_eq!(m.benefits, benefit, "benefits in month {month}");
        assert_eq!(m.net, net, "net in month {month}");
        assert_eq!(m.cumulative_net, cumulative, "cumulative in month {month}");
        assert_eq!(m.discounted_net, net, "at 0% nothing is discounted");
        assert_eq!(m.roi_to_date_pct, roi, "ROI to date in month {month}");
    }
    assert_eq!(s.roi_pct, Some(dec!(20)));
    // ROI to date is undefined while nothing has been spent: benefits 10 in month 1.
    let (_, months) = run(
        &[dec!(0), dec!(100)],
        &[dec!(10), dec!(0)],
        NO_RISK,
        dec!(0),
    );
    assert_eq!(months[0].roi_to_date_pct, None);
    assert_eq!(months[1].roi_to_date_pct, Some(dec!(-90)));
    // Discounted net of month m = net / (1 + monthly)^m; month 2 of +300 at 10% a year:
    // 300 / 1.1^(2/12) = 295.272141512930 (Python decimal).
    let (_, months) = run(&costs, &benefits, NO_RISK, dec!(10));
    assert_close(
        "discounted net, month 2",
        months[1].discounted_net,
        dec!(295.272141512930),
        dec!(0.000001),
    );
}

#[test]
fn a_huge_irr_after_many_idle_months_is_found_not_taken_for_minus_100_percent() {
    // 25 idle months, then −100,000,000 and +5,000,000,000,000: the monthly IRR is
    // 5e12 / 1e8 − 1 = 49,999 (worked out by hand: −1e8 + 5e12 / (1 + r) = 0). Near −100% a
    // month the discount factors of 27 months overflow; that must not read as a root (the
    // random spreadsheet test found the engine giving −100%).
    let mut nets = vec![0.0; 25];
    nets.extend([-1e8, 5e12]);
    let r = roi_planner::sim::metrics::irr_monthly(&nets).expect("an IRR");
    assert!((r - 49_999.0).abs() < 1e-6 * 49_999.0, "{r}");
}

// ---------------------------------------------------------------------------------------
// IRR wherever it exists, and MIRR
// ---------------------------------------------------------------------------------------

/// The IRR (monthly) of `flows` as the summary finds it: the monthly rate behind its yearly
/// percentage, or the note why there is none.
fn irr_of(flows: &[Decimal]) -> Result<f64, roi_planner::sim::IrrNote> {
    let (costs, benefits) = split(flows);
    let (s, _) = run(&costs, &benefits, NO_RISK, dec!(0));
    match (s.irr_annual_pct, s.irr_note) {
        (Some(a), _) => Ok((1.0 + a.to_f64().expect("f64") / 100.0).powf(1.0 / 12.0) - 1.0),
        (None, Some(note)) => Err(note),
        (None, None) => panic!("no IRR and no note"),
    }
}

fn decimals(xs: &[f64]) -> Vec<Decimal> {
    xs.iter()
        .map(|&x| Decimal::from_f64_retain(x).expect("decimal"))
        .collect()
}

#[test]
fn irr_agrees_with_numpy_financials_published_cases() {
    // numpy-financial's documentation and tests (`npf.irr`; values at periods 0, 1, …, which
    // has the same roots as flows at the end of months 1, 2, …).
    for (flows, expected) in [
        (
            &[-150000.0, 15000.0, 25000.0, 35000.0, 45000.0, 60000.0][..],
            0.0524,
        ),
        (&[-100.0, 0.0, 0.0, 74.0][..], -0.0955),
        (&[-100.0, 39.0, 59.0, 55.0, 20.0][..], 0.28095),
        (&[-100.0, 100.0, 0.0, 7.0][..], 0.06206),
    ] {
        let irr = irr_of(&decimals(flows)).expect("an IRR");
        assert!(
            (irr - expected).abs() < 5e-5,
            "{flows:?}: {irr}, numpy-financial {expected}"
        );
    }
}

#[test]
fn one_sign_change_of_the_cumulative_net_gives_the_irr_by_norstrom() {
    // −100, +50, −20, +90: the monthly net changes sign three times, the cumulative (−100,
    // −50, −70, +20) once, so by Norström's criterion exactly one rate of zero or more makes
    // the NPV zero. Checked by bisection of the NPV in Python: 0.0828504 a month.
    let flows = [dec!(-100), dec!(50), dec!(-20), dec!(90)];
    let irr = irr_of(&flows).expect("unique by Norström");
    assert!((irr - 0.0828504).abs() < 1e-6, "{irr}");
    let npv: f64 = flows
        .iter()
        .enumerate()
        .map(|(i, f)| f.to_f64().unwrap() / (1.0 + irr).powi(i as i32 + 1))
        .sum();
    assert!(npv.abs() < 1e-9, "NPV at the IRR: {npv}");
}

#[test]
fn several_roots_give_no_irr_and_name_them() {
    // numpy-financial's case −5, 10.5, 1, −8, 1: `npf.irr` returns 0.0886, one of three rates
    // that make the NPV zero (bisection in Python: −87.02%, 8.86% and 70.96% a period). The
    // monthly net changes sign three times and the cumulative (−5, 5.5, 6.5, −1.5, −0.5) twice:
    // no criterion makes one of them the IRR, so none is given and the note names all three,
    // as yearly rates.
    match irr_of(&decimals(&[-5.0, 10.5, 1.0, -8.0, 1.0])) {
        Err(roi_planner::sim::IrrNote::Several { count, rates }) => {
            assert_eq!(count, 3);
            for (got, monthly) in rates.iter().zip([-0.8702012, 0.0885983, 0.7095595]) {
                let yearly = ((1.0f64 + monthly).powi(12) - 1.0) * 100.0;
                assert!(
                    (got - yearly).abs() < 1e-3 * yearly.abs().max(1.0),
                    "{got} vs {yearly}"
                );
            }
        }
        other => panic!("expected several roots, got {other:?}"),
    }
    // numpy-financial's −100, 100, 0, −7 (`npf.irr` −0.0833): the NPV is zero at −8.33% and
    // at −67.9% a month, two rates, so no IRR here either.
    match irr_of(&decimals(&[-100.0, 100.0, 0.0, -7.0])) {
        Err(roi_planner::sim::IrrNote::Several { count, rates }) => {
            assert_eq!(count, 2);
            let monthly = |yearly: f64| (1.0 + yearly / 100.0).powf(1.0 / 12.0) - 1.0;
            assert!((monthly(rates[1]) + 0.0833).abs() < 1e-4, "{rates:?}");
            assert!((monthly(rates[0]) + 0.6789).abs() < 1e-3, "{rates:?}");
        }
        other => panic!("expected two roots, got {other:?}"),
    }
    // Worded for a reader with the three rates.
    let words = roi_planner::text::warning(
        &roi_planner::sim::Warning::IrrSeveral {
            count: 3,
            rates: [-100.0, 167.3, 62_000.0],
        },
        roi_planner::model::Lang::En,
    );
    assert!(words.contains("the NPV is zero at 3 rates ("), "{words}");
    assert!(words.contains("167.3% and 62,000.0% a year)"), "{words}");
}

#[test]
fn mirr_agrees_with_numpy_financials_published_cases() {
    // numpy-financial's tests (`npf.mirr(values, finance_rate, reinvest_rate)`), as a
    // spreadsheet's MIRR: 0.0666, 0.126094, 0.3428, and none without a negative value.
    use roi_planner::sim::metrics::mirr;
    let close = |got: Option<f64>, want: f64, places: i32| {
        let got = got.expect("a MIRR");
        assert!(
            (got - want).abs() < 0.5 * 10f64.powi(-places),
            "{got} vs {want}"
        );
    };
    close(
        mirr(
            &[
                -4500.0, -800.0, 800.0, 800.0, 600.0, 600.0, 800.0, 800.0, 700.0, 3000.0,
            ],
            0.08,
            0.055,
        ),
        0.0666,
        4,
    );
    close(
        mirr(
            &[-120000.0, 39000.0, 30000.0, 21000.0, 37000.0, 46000.0],
            0.10,
            0.12,
        ),
        0.126094,
        6,
    );
    close(
        mirr(&[100.0, 200.0, -50.0, 300.0, -200.0], 0.05, 0.06),
        0.3428,
        4,
    );
    assert_eq!(
        mirr(&[39000.0, 30000.0, 21000.0, 37000.0, 46000.0], 0.10, 0.12),
        None
    );
}

#[test]
fn the_summary_gives_mirr_and_roi_on_present_values() {
    // −1000, 300, 400, 500 at 10% a year. By hand (Python, floats): monthly rate
    // i = 1.1^(1/12) − 1; MIRR = (300(1+i)^2 + 400(1+i) + 500 ÷ 1000)^(1/3) − 1 a month, a year
    // (1 + that)^12 − 1 = 112.9404%; ROI on present values = (PV 1,170.22 of the benefits −
    // PV 992.09 of the costs) / PV of the costs = 17.955%.
    let (costs, benefits) = split(&[dec!(-1000), dec!(300), dec!(400), dec!(500)]);
    let (s, _) = run(&costs, &benefits, NO_RISK, dec!(10));
    let i = 1.1f64.powf(1.0 / 12.0) - 1.0;
    let monthly =
        ((300.0 * (1.0 + i).powi(2) + 400.0 * (1.0 + i) + 500.0) / 1000.0).powf(1.0 / 3.0) - 1.0;
    let yearly = ((1.0 + monthly).powi(12) - 1.0) * 100.0;
    let got = s.mirr_annual_pct.expect("MIRR").to_f64().unwrap();
    assert!((got - yearly).abs() < 1e-6, "MIRR {got} vs {yearly}");
    assert!((got - 112.9404).abs() < 1e-4, "MIRR {got}");
    let d = |m: i32| 1.0 / (1.0 + i).powi(m);
    let (pv_b, pv_c) = (300.0 * d(2) + 400.0 * d(3) + 500.0 * d(4), 1000.0 * d(1));
    let roi_pv = (pv_b - pv_c) / pv_c * 100.0;
    let got = s.roi_pv_pct.expect("ROI on PV").to_f64().unwrap();
    assert!((got - roi_pv).abs() < 1e-9, "ROI on PV {got} vs {roi_pv}");
    assert!((got - 17.955).abs() < 1e-3, "ROI on PV {got}");
}
