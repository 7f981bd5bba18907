//! The case by year and its present values, against a case worked by hand, and the longer
//! view with each initiative's verdict.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use roi_planner::bundled;
use roi_planner::format;
use roi_planner::model::Lang;
use roi_planner::model::finance::Calendar;
use roi_planner::sim;
use roi_planner::view::horizons;
use roi_planner::view::years::{self, month_label};

fn worked_example() -> roi_planner::model::Scenario {
    crate::support::bundled_scenario("worked-example")
}

#[test]
fn financial_years_and_present_values_of_the_worked_example() {
    // The worked example (an investment of €100,000 in month 1, €150,000 of savings and
    // €50,000 of revenue spread evenly over months 1 to 12, no risk), its month 1 being
    // October 2026 and the financial year the calendar year: financial year 2026 is months
    // 1–3, 2027 months 4–12. By hand: 2026 = −100,000 + 3 × 200,000 / 12 = −50,000; 2027 = 9 ×
    // 16,666.67 = 150,000. Present values at 10% a year, end of each month (i = 1.1^(1/12) −
    // 1, d = 1/(1 + i)): 2026 = −100,000 d + 16,666.67 (d + d² + d³), 2027 = 16,666.67 (d⁴ +
    // … + d¹²); together the NPV.
    let mut s = worked_example();
    s.finance.calendar = Some(Calendar {
        start_year: 2026,
        start_month: 10,
        fiscal_year_start_month: 1,
    });
    let p = sim::simulate(&s.clone().validate().expect("valid")).expect("computes");
    let y = years::years(&s, &p, Lang::En);
    let labels: Vec<(&str, (u32, u32))> = y
        .years
        .iter()
        .map(|y| (y.label.as_str(), y.months))
        .collect();
    assert_eq!(labels, vec![("2026", (1, 3)), ("2027", (4, 12))]);
    assert_eq!(month_label(&s, 1, Lang::En), "Oct 2026");
    assert_eq!(month_label(&s, 4, Lang::Nl), "jan 2027");
    let cent = |d: Decimal| format::round(d, 2);
    assert_eq!(cent(y.adjusted[0].net), dec!(-50000));
    assert_eq!(cent(y.adjusted[1].net), dec!(150000));
    let d = 1.0 / 1.1f64.powf(1.0 / 12.0);
    let month = 200_000.0 / 12.0;
    let pv_2026 = -100_000.0 * d + month * (d + d.powi(2) + d.powi(3));
    let pv_2027: f64 = (4..=12).map(|m| month * d.powi(m)).sum();
    let f = |x: Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&x).expect("f64");
    assert!(
        (f(y.pv[0]) - pv_2026).abs() < 0.01,
        "{} vs {pv_2026}",
        y.pv[0]
    );
    assert!(
        (f(y.pv[1]) - pv_2027).abs() < 0.01,
        "{} vs {pv_2027}",
        y.pv[1]
    );
    assert_eq!(cent(y.pv_total()), cent(p.adjusted.summary.npv));
    // A financial year from April: 2026/27 is October to March (months 1–6).
    s.finance.calendar = Some(Calendar {
        start_year: 2026,
        start_month: 10,
        fiscal_year_start_month: 4,
    });
    let y = years::years(&s, &p, Lang::En);
    assert_eq!(y.years[0].label, "2026/27");
    assert_eq!(y.years[0].months, (1, 6));
    assert_eq!(y.years[1].months, (7, 12));
}

#[test]
fn the_initial_investment_as_year_zero_is_not_discounted() {
    // With year 0, the one-off €100,000 of month 1 is year 0 at its full amount (present value
    // 100,000, not 100,000 d); year 1 keeps the twelve months of benefits. So the present values
    // add up to the NPV plus what discounting month 1 took off the investment:
    // 100,000 × (1 − d).
    let mut s = worked_example();
    s.finance.year_zero = true;
    let p = sim::simulate(&s.clone().validate().expect("valid")).expect("computes");
    let y = years::years(&s, &p, Lang::En);
    assert_eq!(y.years[0].index, 0);
    assert_eq!(y.years[0].label, "Initial");
    let cent = |d: Decimal| format::round(d, 2);
    assert_eq!(cent(y.adjusted[0].costs), dec!(100000));
    assert_eq!(cent(y.pv[0]), dec!(-100000));
    assert_eq!(cent(y.adjusted[1].costs), dec!(0));
    assert_eq!(cent(y.adjusted[1].benefits), dec!(200000));
    let d = 1.0 / 1.1f64.powf(1.0 / 12.0);
    let f = |x: Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&x).expect("f64");
    let expected = f(p.adjusted.summary.npv) - 100_000.0 * (1.0 - d);
    assert!(
        (f(y.pv_total()) - expected).abs() < 0.01,
        "{} vs {expected}",
        y.pv_total()
    );
}

#[test]
fn an_initiative_that_costs_more_than_it_brings_says_so_with_its_longer_view() {
    // The bundled combined case: each initiative's contribution at 18 months is negative
    // (they compete for the same leavers), positive at 36. The sentence gives the amount, the
    // stand-alone figures and the month it pays back at 36; the longer view flags the change.
    let valid = bundled::find("combined")
        .expect("bundled")
        .load()
        .expect("parses");
    let p = sim::simulate(&valid).expect("computes");
    let longer = sim::simulate_longer(&valid)
        .expect("computes")
        .expect("36 ≠ 18");
    assert_eq!(longer.horizon_months, 36);
    let sentences = horizons::verdicts(&p, Some(&longer), Lang::En);
    for f in &p.initiatives {
        let money = format::money_whole(-f.marginal_net_benefit_adjusted, Lang::En);
        let name = f.initiative.title().en;
        if f.marginal_net_benefit_adjusted < Decimal::ZERO {
            let g = longer
                .initiatives
                .iter()
                .find(|g| g.initiative == f.initiative)
                .expect("the same initiatives");
            let month = g
                .marginal_break_even_month_adjusted
                .expect("pays back by 36");
            let expected = format!(
                "{name} costs {money} more than it brings within 18 months (on its own: net {}, break-even month {}); it pays back in month {month} at 36 months.",
                format::money_whole(f.standalone_adjusted.net_benefit, Lang::En),
                f.standalone_adjusted
                    .break_even_month
                    .expect("breaks even alone"),
            );
            assert!(sentences.contains(&expected), "{expected}\n{sentences:?}");
        }
    }
    let view = horizons::LongerView::build(&p, &longer, Lang::En);
    assert_eq!(view.horizons, (18, 36));
    let flagged: Vec<&str> = view
        .rows
        .iter()
        .filter(|r| r.flips)
        .map(|r| r.label.as_str())
        .collect();
    for f in &p.initiatives {
        let g = &longer
            .initiatives
            .iter()
            .find(|g| g.initiative == f.initiative)
            .expect("same");
        let flips = (f.marginal_net_benefit_adjusted < Decimal::ZERO)
            != (g.marginal_net_benefit_adjusted < Decimal::ZERO);
        let label = format!("What {} adds", f.initiative.title().en);
        assert_eq!(flagged.contains(&label.as_str()), flips, "{label}");
    }
    // The second horizon changes no figure of the first.
    let mut s = valid.into_inner();
    s.finance.second_horizon_months = 60;
    let again = sim::simulate(&s.validate().expect("valid")).expect("computes");
    assert_eq!(again.adjusted.summary, p.adjusted.summary);
}
