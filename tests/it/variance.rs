//! The gap to plan split the way a controller splits it: volume (the plan re-run at the volume
//! observed, minus the plan) and performance (actual minus that flexed plan), by initiative
//! and by driver; and agent savings counted only as far as the payroll fell.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{bundled_scenario, plan};
use roi_planner::format;
use roi_planner::model::actuals::Driver;
use roi_planner::model::{Initiative, MonthActuals, Scenario, StaffingModel};
use roi_planner::sim::{LineRef, Nature, Projection, tracking};

fn track(s: &Scenario, p: &Projection) -> tracking::Tracking {
    tracking::track(&s.clone().validate().expect("valid"), p)
        .expect("computes")
        .expect("has actuals")
}

fn cent(d: Decimal) -> Decimal {
    format::round(d, 2)
}

/// The effect of `driver` in the split.
fn driver(t: &tracking::Tracking, driver: Driver) -> Decimal {
    t.variance
        .by_driver
        .iter()
        .find(|d| d.driver == driver)
        .map(|d| d.effect)
        .expect("every driver is listed")
}

/// Checks that the parts add up: volume + performance = gap, the initiatives and the drivers
/// each to the performance (within a cent: the lines are risk-adjusted one by one).
fn assert_adds_up(t: &tracking::Tracking, what: &str) {
    let v = &t.variance;
    assert_eq!(v.volume + v.performance, v.total, "{what}");
    let last = t.months.last().expect("months");
    assert_eq!(
        v.total,
        last.actual.cumulative_net - last.planned.cumulative_net,
        "{what}"
    );
    let drivers: Decimal = v.by_driver.iter().map(|d| d.effect).sum();
    assert_eq!(cent(drivers), cent(v.performance), "{what}: drivers");
    let initiatives: Decimal = v.by_initiative.iter().map(|(_, e)| *e).sum();
    assert_eq!(
        cent(initiatives),
        cent(v.performance),
        "{what}: initiatives"
    );
}

#[test]
fn ten_percent_more_contacts_and_nothing_else_is_volume_only() {
    // The case: the bundled combined case with contacts 10% above plan from month 1
    // to 6, nothing else observed. The flexed plan is the plan at that volume, so the
    // performance effect is zero and the whole gap is volume. Checked independently: the
    // plan re-simulated with 10% more contacts a month (the flexed plan's first six months are
    // exactly that scenario's) gives the same cumulative net at month 6.
    for model in [StaffingModel::ServiceLevel, StaffingModel::Simplified] {
        let mut s = bundled_scenario("combined");
        s.staffing.model = model;
        // The go-live dips are a share of the agent cost at the month's volume; by service
        // level that cost is the entered payroll, which a larger contacts input does not move
        // while the volume does (as contact growth does). Without dips the two runs are the
        // same contact centre.
        s.chatbot.dip_pct = Decimal::ZERO;
        s.omnichannel.dip_pct = Decimal::ZERO;
        // New hires trained too: otherwise the hires the larger volume needs dilute training's
        // first-contact resolution, which adds contacts in the re-simulated plan, while the
        // flexed plan holds the contacts at what was observed.
        s.staffing.train_new_hires = true;
        let p = plan(&s);
        s.actuals = (1..=6)
            .map(|m| MonthActuals {
                contacts: Some(p.kpis[m as usize - 1].contacts * dec!(1.1)),
                ..MonthActuals::new(m)
            })
            .collect();
        let t = track(&s, &p);
        let what = format!("{model:?}");
        assert_adds_up(&t, &what);
        assert_eq!(cent(t.variance.performance), Decimal::ZERO, "{what}");
        for (i, e) in &t.variance.by_initiative {
            assert_eq!(cent(*e), Decimal::ZERO, "{what}: {i:?}");
        }
        let mut more = s.clone();
        more.actuals.clear();
        more.baseline.contacts_per_month = s.baseline.contacts_per_month * dec!(1.1);
        let by_hand = plan(&more);
        let flexed_by_hand = by_hand.adjusted.months[5].cumulative_net;
        assert_eq!(
            cent(t.variance.volume),
            cent(flexed_by_hand - p.adjusted.months[5].cumulative_net),
            "{what}"
        );
        assert_eq!(
            cent(t.months[5].flexed.cumulative_net),
            cent(flexed_by_hand),
            "{what}"
        );
    }
}

#[test]
fn a_handle_time_slip_at_plan_volume_is_performance_only() {
    // Contacts as planned, agents one minute slower than planned in months 4 to 6: no volume
    // effect; the gap is the handle-time driver's, and the initiatives that work on handle
    // time (omnichannel and training, live by then) carry it.
    let s0 = bundled_scenario("combined");
    for model in [StaffingModel::ServiceLevel, StaffingModel::Simplified] {
        let mut s = s0.clone();
        s.staffing.model = model;
        let p = plan(&s);
        s.actuals = (4..=6)
            .map(|m| {
                let k = &p.kpis[m as usize - 1];
                MonthActuals {
                    contacts: Some(k.contacts),
                    handle_time_minutes: Some(k.handle_time_minutes + Decimal::ONE),
                    ..MonthActuals::new(m)
                }
            })
            .collect();
        let t = track(&s, &p);
        let what = format!("{model:?}");
        assert_adds_up(&t, &what);
        assert_eq!(cent(t.variance.volume), Decimal::ZERO, "{what}");
        // Slower costs money where freed minutes are booked; with a headcount path only as far
        // as it moves the payroll (the team may still be above what the workload needs).
        assert!(
            cent(t.variance.total) <= Decimal::ZERO,
            "{what}: slower never earns"
        );
        if model == StaffingModel::Simplified {
            assert!(
                t.variance.total < Decimal::ZERO,
                "{what}: slower costs money"
            );
        }
        assert_eq!(
            driver(&t, Driver::HandleTime),
            t.variance.performance,
            "{what}: handle time is the only driver observed"
        );
        let chatbot = t
            .variance
            .by_initiative
            .iter()
            .find(|(i, _)| *i == Initiative::Chatbot)
            .map(|(_, e)| *e)
            .expect("chatbot");
        assert_eq!(
            cent(chatbot),
            Decimal::ZERO,
            "{what}: handle time is the omnichannel's and training's"
        );
    }
}

#[test]
fn an_initiative_not_live_yet_has_no_performance_effect() {
    // Omnichannel goes live in month 4 of the combined case. More contacts and a slower
    // handle time in months 1 to 3 (the "agent time saved by omnichannel" of
    // -EUR 9,450 in month 1) leave omnichannel's lines as flexed.
    let mut s = bundled_scenario("combined");
    assert_eq!(
        s.initiative_months(Initiative::Omnichannel).map(|m| m.1),
        Some(4)
    );
    let p = plan(&s);
    s.actuals = (1..=3)
        .map(|m| {
            let k = &p.kpis[m as usize - 1];
            MonthActuals {
                contacts: Some(k.contacts * dec!(1.1)),
                handle_time_minutes: Some(k.handle_time_minutes + dec!(0.4)),
                ..MonthActuals::new(m)
            }
        })
        .collect();
    let t = track(&s, &p);
    assert_adds_up(&t, "combined, months 1-3");
    let omni = t
        .variance
        .by_initiative
        .iter()
        .find(|(i, _)| *i == Initiative::Omnichannel)
        .map(|(_, e)| *e)
        .expect("omnichannel is switched on");
    assert_eq!(omni, Decimal::ZERO);
    for m in &t.months {
        for (line, l) in p.lines.iter().zip(&m.lines) {
            if line.initiative == Initiative::Omnichannel {
                assert_eq!(l.actual, l.flexed, "month {}: {:?}", m.month, line.id);
            }
        }
    }
}

/// The month's agent-time-saved lines (risk-adjusted), actual − planned.
fn agent_time_variance(p: &Projection, m: &tracking::TrackedMonth) -> Decimal {
    p.lines
        .iter()
        .zip(&m.lines)
        .filter(
            |(line, _)| matches!(line.id, LineRef::Model(id) if id.nature() == Nature::AgentTime),
        )
        .map(|(_, l)| l.actual - l.planned)
        .sum()
}

#[test]
fn agents_paid_above_plan_are_savings_not_realised() {
    // Month 6 of the combined case: two FTE more on the payroll than the plan's path pays.
    // The agent time saved falls by their payroll (two FTE × the month's payroll per FTE,
    // read from the plan), after the 10% risk on savings; the headcount driver carries it,
    // and the forecast carries on from the larger team.
    for model in [StaffingModel::ServiceLevel, StaffingModel::Simplified] {
        let mut s = bundled_scenario("combined");
        s.staffing.model = model;
        let p = plan(&s);
        let june = p.paid[5];
        s.actuals = vec![MonthActuals {
            agent_fte: Some(june.fte + dec!(2)),
            ..MonthActuals::new(6)
        }];
        let t = track(&s, &p);
        let what = format!("{model:?}");
        assert_adds_up(&t, &what);
        let per_fte = june.payroll / june.fte;
        let not_realised = dec!(2) * per_fte * p.benefit_factor;
        assert_eq!(
            cent(agent_time_variance(&p, &t.months[5])),
            cent(-not_realised),
            "{what}"
        );
        assert_eq!(
            cent(driver(&t, Driver::Headcount)),
            cent(-not_realised),
            "{what}"
        );
        assert_eq!(cent(t.variance.total), cent(-not_realised), "{what}");
        assert_eq!(
            cent(t.months[5].actual_paid.expect("paid").payroll),
            cent(june.payroll + dec!(2) * per_fte),
            "{what}"
        );
        if model == StaffingModel::ServiceLevel {
            assert!(
                t.forecast.adjusted.summary.net_benefit < p.adjusted.summary.net_benefit,
                "{what}: the team shrinks from more people, so the forecast falls"
            );
        }
        // The same told as a payroll.
        s.actuals = vec![MonthActuals {
            payroll: Some(june.payroll + dec!(2) * per_fte),
            ..MonthActuals::new(6)
        }];
        let by_payroll = track(&s, &p);
        assert_eq!(
            cent(by_payroll.variance.total),
            cent(t.variance.total),
            "{what}"
        );
    }
}

#[test]
fn agents_paid_as_planned_change_nothing_and_the_parts_add_up_on_every_bundled_case() {
    // Every figure observed at once, off plan in every direction: the split still adds up,
    // and the plan's own agents paid cost nothing.
    for name in ["chatbot", "omnichannel", "training", "combined"] {
        let mut s = bundled_scenario(name);
        let p = plan(&s);
        s.actuals = (1..=5)
            .map(|m| {
                let i = m as usize - 1;
                let k = &p.kpis[i];
                MonthActuals {
                    contacts: Some(k.contacts * dec!(1.05)),
                    bot_resolved_contacts: s
                        .is_enabled(Initiative::Chatbot)
                        .then(|| k.bot_resolved_contacts * dec!(0.9)),
                    handle_time_minutes: Some(k.handle_time_minutes + dec!(0.2)),
                    fcr_pct: Some(k.fcr_pct - dec!(1)),
                    churn_monthly_pct: Some(k.churn_monthly_pct + dec!(0.1)),
                    customers: Some(k.customers * dec!(0.98)),
                    agent_fte: Some(p.paid[i].fte),
                    spent_chatbot: s.is_enabled(Initiative::Chatbot).then_some(dec!(9000)),
                    ..MonthActuals::new(m)
                }
            })
            .collect();
        let t = track(&s, &p);
        assert_adds_up(&t, name);
        for d in Driver::PERFORMANCE {
            let observed = !t
                .variance
                .by_driver
                .iter()
                .find(|e| e.driver == d)
                .expect("driver")
                .seen
                .is_empty();
            if !observed {
                assert_eq!(driver(&t, d), Decimal::ZERO, "{name}: {d:?}");
            }
        }
    }
}
