//! Staffing by service level and the headcount path, through the library: Erlang C staffing
//! checked against a published worked example, the paths' rules (attrition, hires, notice and
//! severance, keep headcount), savings that are exactly the payroll and hiring the paths differ
//! by, and older files that keep their simplified staffing.

use roi_planner::model::{HeadcountPolicy, Scenario, StaffingModel};
use roi_planner::sim::{self, LineId, LineRef, Projection};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal_macros::dec;

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// A bundled scenario (staffed by service level).
fn bundled(name: &str) -> Scenario {
    roi_planner::bundled::find(name)
        .expect("bundled")
        .load()
        .expect("reads")
        .into_inner()
}

fn project(s: Scenario) -> Projection {
    let valid = s.validate().expect("a valid scenario");
    sim::simulate(&valid).expect("computes")
}

/// A contact centre of Call Centre Helper's worked example ("Erlang C Formula – Made Simple
/// With an Easy Worked Example"): 100 calls each half hour of 3 minutes is 10 Erlangs, here
/// 44,000 contacts over 220 opening hours (44,000 / 220 × 3 / 60 = 10); 80% in 20 s takes 14
/// agents on the line, and with 30% shrinkage 20 paid.
fn worked_example() -> Scenario {
    let mut s = Scenario::default();
    s.chatbot.enabled = false;
    s.omnichannel.enabled = false;
    s.training.enabled = false;
    let b = &mut s.baseline;
    b.contacts_per_month = dec!(44000);
    b.handle_time_minutes = dec!(3);
    b.opening_hours_monthly = dec!(220);
    b.service_level_pct = dec!(80);
    b.service_level_seconds = dec!(20);
    b.shrinkage_pct = dec!(30);
    b.paid_hours_per_fte_monthly = dec!(165);
    b.agent_cost_per_paid_hour = dec!(25);
    b.contact_growth_yearly_pct = Decimal::ZERO;
    s.staffing.model = StaffingModel::ServiceLevel;
    s
}

#[test]
fn staffing_follows_the_published_erlang_example() {
    let s = worked_example();
    let p = project(s);
    // 14 agents on the line × 220 opening hours / (165 paid hours × 70% on the line).
    let required = 14.0 * 220.0 / (165.0 * 0.7);
    let month1 = &p.baseline_staffing_kpis[0];
    assert!((f(month1.agents_required_fte) - required).abs() < 1e-9);
    assert!(
        (14.0_f64 / 0.7 - 20.0).abs() < 1e-12,
        "20 agents paid in the article"
    );
    // The KPI's agents are the same FTE; its hours are those FTE's paid hours.
    assert!((f(p.baseline_kpis[0].agent_fte) - required).abs() < 1e-9);
    assert!((f(p.baseline_kpis[0].agent_hours) - required * 165.0).abs() < 1e-6);
}

#[test]
fn shrinking_through_attrition_moves_only_as_people_leave() {
    let mut s = bundled("chatbot");
    s.staffing.model = StaffingModel::ServiceLevel;
    s.staffing.policy = HeadcountPolicy::ShrinkThroughAttrition;
    let attrition = f(s.baseline.attrition_yearly_pct) / 100.0 / 12.0;
    let entered = f(s.baseline.agents_fte);
    let p = project(s);
    let mut paid = entered;
    for (i, k) in p.staffing_kpis.iter().enumerate() {
        let (now, leavers, hires) = (f(k.agents_paid_fte), f(k.leavers_fte), f(k.hires_fte));
        assert!((leavers - paid * attrition).abs() < 1e-6, "month {}", i + 1);
        assert!(
            now >= paid - leavers - 1e-6,
            "month {}: fell faster than leavers",
            i + 1
        );
        assert!(
            now >= f(k.agents_required_fte) - 1e-6,
            "month {}: below required",
            i + 1
        );
        // Hires only to meet the workload.
        if hires > 0.0 {
            assert!(
                (now - f(k.agents_required_fte)).abs() < 1e-6,
                "month {}",
                i + 1
            );
        }
        paid = now;
    }
    assert!(
        paid < entered,
        "the chatbot's smaller workload lets the team shrink"
    );
}

/// The agent savings are the payroll and hiring the two paths differ by, month by month.
#[test]
fn savings_are_what_the_paths_differ_by() {
    let mut s = bundled("combined");
    s.staffing.model = StaffingModel::ServiceLevel;
    let replacement = f(s.baseline.replacement_cost_per_agent);
    let p = project(s);
    let line = |id: LineId, m: usize| {
        p.lines
            .iter()
            .find(|l| l.id == LineRef::Model(id))
            .map_or(0.0, |l| f(l.amounts[m]))
    };
    for m in 0..p.horizon_months as usize {
        let (with, without) = (&p.staffing_kpis[m], &p.baseline_staffing_kpis[m]);
        let want = f(without.payroll) - f(with.payroll)
            + (f(without.hires_fte) - f(with.hires_fte)) * replacement;
        let got = line(LineId::ChatbotAgentTime, m)
            + line(LineId::OmnichannelAgentTime, m)
            + line(LineId::TrainingAgentTime, m)
            + line(LineId::TrainingReplacements, m);
        assert!(
            (got - want).abs() < 0.01,
            "month {}: {got} against {want}",
            m + 1
        );
    }
}

#[test]
fn keeping_headcount_saves_no_payroll_and_answers_faster() {
    let mut s = bundled("chatbot");
    s.staffing.model = StaffingModel::ServiceLevel;
    s.staffing.policy = HeadcountPolicy::KeepHeadcount;
    let p = project(s);
    let last = p.horizon_months as usize - 1;
    let saved: f64 = p
        .lines
        .iter()
        .filter(|l| l.id == LineRef::Model(LineId::ChatbotAgentTime))
        .flat_map(|l| l.amounts.iter().map(|a| f(*a)))
        .sum();
    assert!(saved.abs() < 0.01, "{saved}");
    let (with, without) = (&p.staffing_kpis[last], &p.baseline_staffing_kpis[last]);
    assert_eq!(with.agents_paid_fte, without.agents_paid_fte);
    assert!(with.service_level_pct > without.service_level_pct);
    assert!(with.asa_seconds < without.asa_seconds);
}

#[test]
fn redundancies_leave_after_their_notice_at_the_severance_cost() {
    let mut s = bundled("chatbot");
    s.staffing.model = StaffingModel::ServiceLevel;
    s.staffing.policy = HeadcountPolicy::ShrinkWithRedundancies;
    s.staffing.redundancies_from_month = 4;
    s.staffing.notice_months = 1;
    s.staffing.severance_per_fte = dec!(3000);
    let attrition = f(s.baseline.attrition_yearly_pct) / 100.0 / 12.0;
    let p = project(s);
    let k = &p.staffing_kpis;
    // Told in month 4, gone from the payroll in month 5: paid then meets the workload.
    assert!(f(k[3].agents_paid_fte) > f(k[3].agents_required_fte) + 0.5);
    let m5 = &k[4];
    assert!((f(m5.agents_paid_fte) - f(m5.agents_required_fte)).abs() < 1e-6);
    assert!(
        f(m5.hires_fte).abs() < 1e-9,
        "nobody hired right after a let-go"
    );
    // Those let go: what month 4 left after month 5's leavers, less what is required.
    let let_go = f(k[3].agents_paid_fte) * (1.0 - attrition) - f(m5.agents_required_fte);
    assert!(let_go > 0.5, "{let_go}");
    let severance: Vec<(usize, f64)> = p
        .lines
        .iter()
        .filter(|l| l.id == LineRef::Model(LineId::ChatbotSeverance))
        .flat_map(|l| l.amounts.iter().map(|a| f(*a)).enumerate())
        .filter(|(_, a)| *a != 0.0)
        .collect();
    assert_eq!(
        severance.first().map(|(m, _)| m + 1),
        Some(5),
        "{severance:?}"
    );
    // The baseline, at its workload, lets nobody go: all of it is the chatbot's.
    assert!(
        (severance[0].1 - let_go * 3000.0).abs() < 0.01,
        "{severance:?}"
    );
}

/// When leavers during the notice already bring the team down to what is needed, nobody is
/// let go (the notice is withdrawn) and nobody is hired back.
#[test]
fn leavers_during_the_notice_spare_those_told() {
    let mut s = bundled("chatbot");
    s.staffing.policy = HeadcountPolicy::ShrinkWithRedundancies;
    s.staffing.redundancies_from_month = 8;
    s.staffing.notice_months = 2;
    let p = project(s);
    for (m, k) in p.staffing_kpis.iter().enumerate() {
        let after_leavers = if m == 0 {
            35.0
        } else {
            f(p.staffing_kpis[m - 1].agents_paid_fte)
        } - f(k.leavers_fte);
        assert!(
            f(k.agents_paid_fte) >= after_leavers.min(f(k.agents_required_fte)) - 1e-6,
            "month {}: more let go than the workload frees",
            m + 1
        );
    }
}

#[test]
fn older_files_keep_their_simplified_staffing() {
    // A file without a staffing section (every file written before it existed).
    let text = roi_planner::bundled::find("combined")
        .expect("bundled")
        .text;
    let valid = roi_planner::model::file::parse(text).expect("reads");
    if valid.scenario().staffing.model == StaffingModel::Simplified {
        let p = sim::simulate(&valid).expect("computes");
        assert!(p.staffing_kpis.is_empty());
        assert!(
            p.lines
                .iter()
                .all(|l| l.id != LineRef::Model(LineId::ChatbotSeverance))
        );
    }
    let legacy = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/legacy/bundled-combined.ron"),
    )
    .expect("fixture");
    let valid = roi_planner::model::file::parse(&legacy).expect("reads");
    assert_eq!(valid.scenario().staffing.model, StaffingModel::Simplified);
    assert!(
        sim::simulate(&valid)
            .expect("computes")
            .staffing_kpis
            .is_empty()
    );
}
