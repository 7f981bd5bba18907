//! Tracking a case against what happened: actuals valued with the plan's formulas, the
//! variance per line and per observed figure, the forecast and the re-based forecast.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use roi_planner::bundled;
use roi_planner::format;
use roi_planner::model::{Initiative, LineKind, MonthActuals, Scenario};
use roi_planner::sim::{self, Projection, tracking};

fn bundled_scenario(name: &str) -> Scenario {
    bundled::find(name)
        .expect("bundled")
        .load()
        .expect("parses")
        .into_inner()
}

fn plan(s: &Scenario) -> Projection {
    sim::simulate(&s.clone().validate().expect("valid")).expect("computes")
}

/// Actuals that say exactly what the plan says: its own KPIs and its own costs.
fn plan_as_actuals(s: &Scenario, p: &Projection, months: u32) -> Vec<MonthActuals> {
    (1..=months)
        .map(|m| {
            let k = &p.kpis[m as usize - 1];
            let spent = |i: Initiative| -> Option<Decimal> {
                s.is_enabled(i).then(|| {
                    p.lines
                        .iter()
                        .filter(|l| l.initiative == i && l.kind == LineKind::Cost)
                        .map(|l| l.amounts[m as usize - 1])
                        .sum()
                })
            };
            MonthActuals {
                month: m,
                contacts: Some(k.contacts),
                bot_resolved_contacts: Some(k.bot_resolved_contacts),
                agent_contacts: Some(k.agent_contacts),
                handle_time_minutes: Some(k.handle_time_minutes),
                fcr_pct: Some(k.fcr_pct),
                churn_monthly_pct: Some(k.churn_monthly_pct),
                agent_fte: Some(k.agent_fte),
                customers: Some(k.customers),
                spent_chatbot: spent(Initiative::Chatbot),
                spent_omnichannel: spent(Initiative::Omnichannel),
                spent_training: spent(Initiative::Training),
                spent_custom: spent(Initiative::Custom),
            }
        })
        .collect()
}

#[test]
fn actuals_equal_to_the_plan_give_zero_variance_on_every_line() {
    for name in [
        "chatbot",
        "omnichannel",
        "training",
        "combined",
        "worked-example",
    ] {
        let mut s = bundled_scenario(name);
        let p = plan(&s);
        let months = 9.min(s.finance.horizon_months);
        s.actuals = plan_as_actuals(&s, &p, months);
        let valid = s.clone().validate().expect("actuals valid");
        let t = tracking::track(&valid, &p)
            .expect("computes")
            .expect("has actuals");
        assert_eq!(t.last_month, months, "{name}");
        let cent = |d: Decimal| format::round(d, 2);
        for m in &t.months {
            for (i, (planned, actual)) in m.lines.iter().enumerate() {
                assert_eq!(
                    cent(*actual - *planned),
                    Decimal::ZERO,
                    "{name} month {}: {}",
                    m.month,
                    p.lines[i].name
                );
            }
            assert_eq!(cent(m.actual.net - m.planned.net), Decimal::ZERO, "{name}");
            assert_eq!(
                cent(m.actual.cumulative_net - m.planned.cumulative_net),
                Decimal::ZERO,
                "{name}"
            );
        }
        for v in &t.variances {
            assert_eq!(cent(v.effect), Decimal::ZERO, "{name}: {}", v.field.key);
        }
        // The forecast is the plan.
        assert_eq!(
            cent(t.forecast.adjusted.summary.net_benefit),
            cent(p.adjusted.summary.net_benefit),
            "{name}"
        );
        assert_eq!(
            t.forecast.adjusted.summary.break_even_month, p.adjusted.summary.break_even_month,
            "{name}"
        );
    }
}

#[test]
fn a_longer_handle_time_costs_what_the_formula_says() {
    // The bundled chatbot scenario (chatbot only), month 6, after the three-month ramp-up
    // from go-live in month 2: the bot resolves 20,000 × 35% × (1 − 10% failures) = 6,300
    // contacts, agents handle 20,000 − 6,300 = 13,700. A saved agent minute is worth
    // €35 / (60 × 80%) × 80% realised = €0.583333… Agents taking half a minute longer than
    // planned frees 13,700 × 0.5 = 6,850 fewer minutes: 6,850 × 0.583333… = €3,995.83 less
    // agent time saved, €3,596.25 after the 10% risk on savings.
    let mut s = bundled_scenario("chatbot");
    let p = plan(&s);
    let k = &p.kpis[5];
    assert_eq!(format::round(k.agent_contacts, 6), dec!(13700));
    s.actuals = vec![MonthActuals {
        month: 6,
        handle_time_minutes: Some(k.handle_time_minutes + dec!(0.5)),
        ..MonthActuals::new(6)
    }];
    let valid = s.validate().expect("valid");
    let t = tracking::track(&valid, &p)
        .expect("computes")
        .expect("actuals");
    let june = &t.months[5];
    let agent_time = p
        .lines
        .iter()
        .position(|l| {
            l.id == roi_planner::sim::LineRef::Model(roi_planner::sim::LineId::ChatbotAgentTime)
        })
        .expect("the chatbot's agent-time line");
    let (planned, actual) = june.lines[agent_time];
    assert_eq!(format::round(actual - planned, 2), dec!(-3596.25));
    assert_eq!(
        format::round(june.actual.net - june.planned.net, 2),
        dec!(-3596.25)
    );
    // Every other line is as planned.
    for (i, (planned, actual)) in june.lines.iter().enumerate() {
        if i != agent_time {
            assert_eq!(
                format::round(*actual - *planned, 2),
                Decimal::ZERO,
                "{}",
                p.lines[i].name
            );
        }
    }
    // The variance table names handle time with that effect.
    let v = &t.variances[0];
    assert_eq!(v.field.key, "handle_time_minutes");
    assert_eq!(format::round(v.effect, 2), dec!(-3596.25));
    // Months before are as planned; the gap to date is the same amount.
    assert_eq!(format::round(t.gap(), 2), dec!(-3596.25));
}

#[test]
fn the_rebased_forecast_carries_the_last_observed_ratio_forward() {
    // Handle time 5% above plan in month 6: re-based, every later month's handle time is 5%
    // above its plan too, so the re-based forecast ends lower than the forecast, which goes
    // back to the plan after month 6.
    let mut s = bundled_scenario("chatbot");
    let p = plan(&s);
    let k = &p.kpis[5];
    s.actuals = vec![MonthActuals {
        month: 6,
        handle_time_minutes: Some(k.handle_time_minutes * dec!(1.05)),
        ..MonthActuals::new(6)
    }];
    let t = tracking::track(&s.validate().expect("valid"), &p)
        .expect("computes")
        .expect("actuals");
    for m in 7..=18usize {
        let planned = p.kpis[m - 1].handle_time_minutes;
        assert_eq!(t.forecast.kpis[m - 1].handle_time_minutes, planned);
        assert_eq!(
            format::round(t.rebased.kpis[m - 1].handle_time_minutes, 10),
            format::round(planned * dec!(1.05), 10)
        );
    }
    let (f, r) = (
        t.forecast.adjusted.summary.net_benefit,
        t.rebased.adjusted.summary.net_benefit,
    );
    assert!(r < f && f < p.adjusted.summary.net_benefit, "{r} < {f}");
}
