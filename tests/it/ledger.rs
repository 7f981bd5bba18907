//! One small case per initiative whose monthly ledger lines are worked out by hand in the
//! comments, step by step from the formulas in the README ("How the numbers are computed"),
//! and checked line by line against the engine.
//!
//! Every case shares a baseline chosen for round numbers: 1,000 contacts a month, 10 minutes
//! each, €48 an agent hour at 80% occupancy, so a paid agent minute costs 48 / (60 × 0.8) =
//! €1.00; 75% first-contact resolution, so 1,000 / (2 − 0.75) = 800 questions; 10 agents.
//! Realisation 100% (a saved minute is worth €1.00), no risk adjustment unless a test says so.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use roi_planner::model::file::parse;
use roi_planner::sim::{self, LineId, LineRef, Projection};

fn scenario(sections: &str, horizon: u32, finance_extra: &str) -> String {
    format!(
        r#"(
    schema_version: 1,
    name: "hand-worked",
    baseline: (
        contacts_per_month: 1000, contact_growth_yearly_pct: 0, handle_time_minutes: 10,
        agent_cost_per_hour: 48, occupancy_pct: 80, fcr_pct: 75, agents_fte: 10,
        hours_per_fte_monthly: 110, attrition_yearly_pct: 24, replacement_cost_per_agent: 5000,
        active_customers: 1000, churn_monthly_pct: 2, margin_per_customer_monthly: 10,
    ),
    {sections}
    finance: (
        horizon_months: {horizon}, retention_delay_months: 1, discount_rate_annual_pct: 0,
        benefit_risk_pct: 0, revenue_risk_pct: 0, cost_risk_pct: 0,
        cost_indexation_yearly_pct: 0, realisation_pct: 100, {finance_extra}
    ),
)"#
    )
}

fn simulate(text: &str) -> Projection {
    let valid = parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    sim::simulate(&valid).expect("simulates")
}

/// The amounts of a computed line, month by month.
fn line(p: &Projection, id: LineId) -> Vec<Decimal> {
    p.lines
        .iter()
        .find(|l| l.id == LineRef::Model(id))
        .unwrap_or_else(|| panic!("no line {id:?}"))
        .amounts
        .clone()
}

/// `actual` equals `expected` to a millionth of a euro (the engine keeps 12 decimals).
fn check(what: &str, actual: &[Decimal], expected: &[Decimal]) {
    assert_eq!(actual.len(), expected.len(), "{what}: months");
    for (m, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            (a - e).abs() < dec!(0.000001),
            "{what}, month {}: {a}, expected {e}",
            m + 1
        );
    }
}

const CHATBOT: &str = r#"chatbot: (
        enabled: true, ramp_shape: Linear, start_month: 1, implementation_months: 1,
        ramp_months: 0, setup_cost: 10000, hidden_cost_pct: 50, licence_monthly: 500,
        maintenance_monthly: 200, price_per_resolution: 0.5, containment_pct: 20,
        handle_time_saved_minutes: 6, failure_pct: 10, churn_reduction_pct: 50,
        dip_weeks: 2, dip_pct: 10,
    ),"#;

#[test]
fn chatbot_by_hand() {
    let p = simulate(&scenario(CHATBOT, 4, ""));
    // Month 1 is implementation: set-up €10,000, hidden costs 50% of it = €5,000, licence
    // €500 from the start month. Go-live is month 1 + 1 = 2, with no ramp-up: full effect.
    check(
        "set-up",
        &line(&p, LineId::ChatbotSetup),
        &[dec!(10000), dec!(0), dec!(0), dec!(0)],
    );
    check(
        "hidden",
        &line(&p, LineId::ChatbotHidden),
        &[dec!(5000), dec!(0), dec!(0), dec!(0)],
    );
    check(
        "licence",
        &line(&p, LineId::ChatbotLicence),
        &[dec!(500); 4],
    );
    check(
        "maintenance",
        &line(&p, LineId::ChatbotMaintenance),
        &[dec!(0), dec!(200), dec!(200), dec!(200)],
    );
    // From month 2: contacts = 800 × (2 − 0.75) = 1,000; the bot counts 20% as resolved =
    // 200 (billed: 200 × €0.50 = €100); 10% of those reach an agent after all, so 180 are truly
    // resolved, each saving 6 minutes: 1,080 minutes × €1.00 = €1,080.
    check(
        "fees",
        &line(&p, LineId::ChatbotResolutionFees),
        &[dec!(0), dec!(100), dec!(100), dec!(100)],
    );
    check(
        "agent time",
        &line(&p, LineId::ChatbotAgentTime),
        &[dec!(0), dec!(1080), dec!(1080), dec!(1080)],
    );
    // Go-live dip in month 2: agent cost a month = 1,000 × 10 × €1.00 = €10,000; × 10% × 2
    // weeks × 12 / 52 = €461.538461538…
    let dip = dec!(10000) * dec!(0.1) * dec!(2) * dec!(12) / dec!(52);
    check(
        "dip",
        &line(&p, LineId::ChatbotDip),
        &[dec!(0), dip, dec!(0), dec!(0)],
    );
    // Retention, one month after go-live (delay 1): month 3 uses the adoption of month 2 = 1.
    // Churn 2% × 50% = 1% fewer leavers; kept(3) = 0 × (1 − 1%) + 1,000 × 1% = 10 customers ×
    // €10 = €100; kept(4) = 10 × 0.99 + 10 = 19.9 → €199.
    check(
        "retention",
        &line(&p, LineId::ChatbotRetention),
        &[dec!(0), dec!(0), dec!(100), dec!(199)],
    );
    // The KPIs of month 2: agents handle 1,000 − 180 = 820 contacts; their minutes are
    // 10,000 − 1,080 = 8,920, so 10.878… minutes each; 8,920 / 60 / 0.8 = 185.83 paid hours.
    let k = &p.kpis[1];
    assert_eq!(k.contacts, dec!(1000));
    check("bot resolved", &[k.bot_resolved_contacts], &[dec!(180)]);
    check("agent contacts", &[k.agent_contacts], &[dec!(820)]);
    check(
        "handle time",
        &[k.handle_time_minutes],
        &[dec!(8920) / dec!(820)],
    );
    check(
        "agent hours",
        &[k.agent_hours],
        &[dec!(8920) / dec!(60) / dec!(0.8)],
    );
}

#[test]
fn revenue_is_risk_adjusted_apart_from_savings() {
    // The chatbot case with 10% risk on savings and 20% on revenue, no cost risk. Month 4:
    // savings €1,080 × 0.9 = €972; revenue €199 × 0.8 = €159.20; benefits €1,131.20.
    let p = simulate(&scenario(CHATBOT, 4, "").replace(
        "benefit_risk_pct: 0, revenue_risk_pct: 0",
        "benefit_risk_pct: 10, revenue_risk_pct: 20",
    ));
    check(
        "month 4 benefits",
        &[p.adjusted.months[3].benefits],
        &[dec!(1131.20)],
    );
    check(
        "revenue over the horizon",
        &[p.adjusted.summary.total_revenue],
        &[dec!(299) * dec!(0.8)],
    );
}

#[test]
fn omnichannel_by_hand() {
    let p = simulate(&scenario(
        r#"omnichannel: (
        enabled: true, ramp_shape: Linear, start_month: 1, implementation_months: 0,
        ramp_months: 0, setup_cost: 20000, hidden_cost_pct: 25, licence_per_seat_monthly: 50,
        duplicate_reduction_pct: 10, aht_reduction_pct: 10, fcr_improvement_pct: 20,
        churn_reduction_pct: 0, dip_weeks: 0, dip_pct: 0,
    ),"#,
        2,
        "",
    ));
    // Live from month 1. Set-up €20,000 + 25% hidden = €5,000; seats 10 × €50 = €500 a month.
    check(
        "set-up",
        &line(&p, LineId::OmnichannelSetup),
        &[dec!(20000), dec!(0)],
    );
    check(
        "hidden",
        &line(&p, LineId::OmnichannelHidden),
        &[dec!(5000), dec!(0)],
    );
    check(
        "licences",
        &line(&p, LineId::OmnichannelLicence),
        &[dec!(500), dec!(500)],
    );
    // FCR 0.75 × 1.2 = 0.9: contacts 800 × (2 − 0.9) = 880, of which 10% duplicates = 88
    // removed, 792 left. Handle time 10 × 10% = 1 minute less. Minutes saved: (800 × (0.9 −
    // 0.75) + 88) × 10 = 2,080 from avoided contacts, plus 792 × 1 = 792: 2,872 → €2,872.
    check(
        "agent time",
        &line(&p, LineId::OmnichannelAgentTime),
        &[dec!(2872), dec!(2872)],
    );
    // Cost per contact in month 2: (agent cost €10,000 − €2,872 saved + €500 licences) / 792.
    check(
        "cost per contact",
        &[p.kpis[1].cost_per_contact],
        &[dec!(7628) / dec!(792)],
    );
    assert_eq!(p.kpis[1].handle_time_minutes, dec!(9));
}

const TRAINING: &str = r#"training: (
        enabled: true, ramp_shape: Linear, no_benefit_while_training: true, start_month: 1,
        implementation_months: 0, ramp_months: 0, cost_per_agent: 100, trainer_days: 2,
        trainer_day_rate: 500, hours_off_phone_per_agent: 4, hidden_cost_pct: 10,
        refresher_monthly: 100, aht_reduction_pct: 5, fcr_improvement_pct: 20,
        attrition_reduction_pct: 50, churn_reduction_pct: 0,
    ),"#;

#[test]
fn training_by_hand() {
    let p = simulate(&scenario(TRAINING, 2, ""));
    // Month 1, the course: fees 10 × €100 = €1,000; trainers 2 × €500 = €1,000; hours off the
    // phone 4 × 10 × €48 = €1,920; hidden 10% of €3,920 = €392. Agents are away: no benefit.
    check(
        "course",
        &line(&p, LineId::TrainingCourse),
        &[dec!(1000), dec!(0)],
    );
    check(
        "trainers",
        &line(&p, LineId::TrainingTrainers),
        &[dec!(1000), dec!(0)],
    );
    check(
        "hours off",
        &line(&p, LineId::TrainingHoursOff),
        &[dec!(1920), dec!(0)],
    );
    check(
        "hidden",
        &line(&p, LineId::TrainingHidden),
        &[dec!(392), dec!(0)],
    );
    // From month 2 (full effect, no ramp-up): FCR 0.75 × 1.2 = 0.9, contacts 880; 0.5 minutes
    // less on each. Minutes saved: 800 × 0.15 × 10 = 1,200 plus 880 × 0.5 = 440: €1,640.
    // Replacements: 10 × 24% / 12 × 50% × €5,000 = €500. Refresher €100 from month 2.
    check(
        "agent time",
        &line(&p, LineId::TrainingAgentTime),
        &[dec!(0), dec!(1640)],
    );
    check(
        "replacements",
        &line(&p, LineId::TrainingReplacements),
        &[dec!(0), dec!(500)],
    );
    check(
        "refresher",
        &line(&p, LineId::TrainingRefresher),
        &[dec!(0), dec!(100)],
    );
    // Without the switch (as files older than it compute), the effect starts in month 1.
    let old = simulate(&scenario(
        &TRAINING.replace(
            "no_benefit_while_training: true",
            "no_benefit_while_training: false",
        ),
        2,
        "",
    ));
    check(
        "agent time, benefit in the course month",
        &line(&old, LineId::TrainingAgentTime),
        &[dec!(1640), dec!(1640)],
    );
}

#[test]
fn custom_lines_by_hand() {
    let p = simulate(&scenario(
        r#"custom: (enabled: true, lines: [
        (name: "tool", kind: cost, amount: 1000, timing: OneOff(month: 2)),
        (name: "savings", kind: benefit, amount: 250, timing: Monthly(from: 1, to: 3)),
        (name: "upsell", kind: benefit, amount: 1000, timing: Spread(from: 1, to: 3), revenue: true),
    ]),"#,
        3,
        "",
    ));
    let custom = |i: usize| {
        p.lines
            .iter()
            .find(|l| l.id == LineRef::Custom(i))
            .expect("a custom line")
            .amounts
            .clone()
    };
    check("one-off", &custom(0), &[dec!(0), dec!(1000), dec!(0)]);
    check("monthly", &custom(1), &[dec!(250); 3]);
    // A total spread over 3 months: a third each, adding up to exactly the total.
    let spread = custom(2);
    check("spread", &spread, &[dec!(1000) / dec!(3); 3]);
    assert_eq!(spread.iter().sum::<Decimal>(), dec!(1000));
    // Its revenue counts as revenue.
    assert_eq!(p.unadjusted.summary.total_revenue, dec!(1000));
}

#[test]
fn growth_and_indexation_compound_month_by_month() {
    // 12% more contacts a year and 5% dearer wages and licences: month 13 is a full year
    // after month 1, so its volume is × 1.12 and its prices × 1.05. The chatbot's agent time
    // saved (€1,080 at month-1 volume and prices) becomes 1,080 × 1.12 × 1.05 = €1,270.08;
    // its licence €500 × 1.05 = €525; the one-off set-up stays as entered.
    let text = scenario(CHATBOT, 13, "").replace(
        "contact_growth_yearly_pct: 0",
        "contact_growth_yearly_pct: 12",
    );
    let text = text.replace(
        "cost_indexation_yearly_pct: 0",
        "cost_indexation_yearly_pct: 5",
    );
    let p = simulate(&text);
    let close = |what: &str, actual: Decimal, expected: Decimal| {
        // Twelve monthly factors multiplied at 12 decimals: a millionth of a euro.
        assert!(
            (actual - expected).abs() < dec!(0.000001),
            "{what}: {actual}, expected {expected}"
        );
    };
    close(
        "agent time, month 13",
        line(&p, LineId::ChatbotAgentTime)[12],
        dec!(1270.08),
    );
    close(
        "licence, month 13",
        line(&p, LineId::ChatbotLicence)[12],
        dec!(525),
    );
    assert_eq!(line(&p, LineId::ChatbotSetup)[0], dec!(10000));
    close("contacts, month 13", p.kpis[12].contacts, dec!(1120));
}
