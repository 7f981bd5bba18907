//! The cards, the warnings under them and the break-even chart with its key.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roi_planner::bundled;
use roi_planner::format;
use roi_planner::model::{Lang, input_by_path};
use roi_planner::sim;
use roi_planner::ui::app::PlannerApp;
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

use super::support::*;

#[test]
fn opens_with_the_bundled_combined_scenario() {
    let h = harness();
    assert_eq!(h.state().docs.len(), 1);
    assert_eq!(
        h.state().current().unwrap().scenario.name,
        "Chatbot, omnichannel and training"
    );
    h.get_by_label(&month_label(engine_break_even(Decimal::from(35))));
    h.check_accessibility();
}

#[test]
fn the_projection_is_computed_only_when_an_input_changed() {
    let mut h = harness();
    let computed = h.state().current().unwrap().computations();
    h.run_steps(10);
    assert_eq!(h.state().current().unwrap().computations(), computed);
    slider(&h, "Resolution rate").set_value_accesskit(40.0);
    h.run_steps(5);
    assert_eq!(h.state().current().unwrap().computations(), computed + 1);
}

#[test]
fn with_nothing_happening_break_even_and_payback_show_a_dash() {
    let mut h = harness();
    h.get_by_label("Chatbot: Included in this scenario").click();
    h.run_steps(2);
    // The other two sections are collapsed; switch them off as their checkboxes would.
    for initiative in [
        roi_planner::model::Initiative::Omnichannel,
        roi_planner::model::Initiative::Training,
    ] {
        h.state_mut()
            .commands
            .push(Command::SetEnabled(initiative, false));
    }
    h.run_steps(3);
    let p = sim::simulate(
        &h.state()
            .current()
            .unwrap()
            .scenario
            .clone()
            .validate()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(p.adjusted.summary.break_even_month, None);
    assert_eq!(p.adjusted.summary.payback_months, None);
    // ROI, break-even, payback and IRR all have nothing to show.
    assert!(h.query_all_by_label("–").count() >= 4);
    assert!(h.query_by_label_contains("Month ").is_none());
    assert!(h.query_by_label_contains("Not within").is_none());
}

#[test]
fn warnings_show_under_the_cards() {
    let (h, _dir) = harness_with(&custom_lines(
        r#"(name: "renewal", kind: cost, amount: 5000, timing: OneOff(month: 40)),
           (name: "savings", kind: benefit, amount: 1000, timing: Monthly(from: 1, to: 12))"#,
        12,
    ));
    // A sentence for a reader: the line by its name, no path.
    h.get_by_label_contains("“renewal” falls in month 40");
    assert!(h.query_by_label_contains("custom.lines[0]").is_none());
}

#[test]
fn an_irr_above_1000_percent_shows_as_more_than_1000_with_a_note() {
    // Net −100 then +2000: a monthly IRR of 1900% (see tests/edge_cases.rs).
    let (h, _dir) = harness_with(&custom_lines(
        r#"(name: "build", kind: cost, amount: 100, timing: OneOff(month: 1)),
           (name: "win", kind: benefit, amount: 2000, timing: OneOff(month: 2))"#,
        2,
    ));
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    assert!(p.adjusted.summary.irr_annual_pct.unwrap() > Decimal::from(1000));
    assert!(h.query_all_by_label("> 1000%").count() >= 1);
}

#[test]
fn starting_later_moves_break_even_but_not_payback() {
    let mut h = harness();
    h.state_mut()
        .commands
        .push(Command::NewFromExample("chatbot"));
    h.run_steps(3);
    let payback = |h: &Harness<'static, PlannerApp>| {
        let doc = h.state().current().unwrap();
        let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
        let s = p.adjusted.summary;
        (s.payback_months.unwrap(), s.break_even_month.unwrap())
    };
    let (before, month) = payback(&h);
    let shown = format!("{} months", format::months(before, Lang::En));
    h.get_by_label(&shown);
    h.get_by_label(&format!("Month {month}"));
    let start = input_by_path("chatbot.start_month").unwrap();
    h.state_mut()
        .commands
        .push(Command::SetInput(start, Decimal::from(4)));
    h.run_steps(3);
    let (after, later) = payback(&h);
    assert_eq!(after, before);
    assert_eq!(later, month + 3);
    h.get_by_label(&shown);
    h.get_by_label(&format!("Month {later}"));
}

#[test]
fn the_band_follows_the_headline_when_a_slider_moves() {
    let mut h = harness();
    let net = |h: &Harness<'static, PlannerApp>| {
        let s = h.state().current().unwrap().scenario.clone();
        sim::simulate(&s.validate().unwrap())
            .unwrap()
            .adjusted
            .summary
            .net_benefit
    };
    let mc = settled_band(&mut h);
    let before = net(&h);
    assert!(mc.net_benefit.p10 <= before && before <= mc.net_benefit.p90);
    // From 35% to 15% (where a goal seek for break-even by month 16 lands): the range moves
    // with the value, so the headline stays inside the band (it fell below the whole band
    // when the range stayed put).
    slider(&h, "Resolution rate").set_value_accesskit(15.0);
    h.run_steps(3);
    let mc = settled_band(&mut h);
    let after = net(&h);
    assert!(
        mc.net_benefit.p10 <= after && after <= mc.net_benefit.p90,
        "{after} in {:?}",
        mc.net_benefit
    );
    let range = h
        .state()
        .current()
        .unwrap()
        .scenario
        .estimate("chatbot.containment_pct")
        .unwrap();
    // The bundled range 20-55 around 35, moved by -20 and kept within 0-100.
    assert_eq!(
        (range.low, range.likely, range.high),
        (Decimal::ZERO, Decimal::from(15), Decimal::from(35))
    );
}

#[test]
fn warnings_for_a_reader_name_the_input_by_its_label() {
    // 100 agents for a workload of 34: the headcount warning, by label in both languages.
    let text = bundled::find("combined")
        .unwrap()
        .text
        .replace("agents_fte: 35,", "agents_fte: 100,");
    let (mut h, _dir) = harness_with(&text);
    h.get_by_label_contains("Agents: 100 FTE entered, but the workload");
    assert!(h.query_by_label_contains("baseline.agents_fte").is_none());
    h.key_press(Key::F11);
    h.run_steps(3);
    h.get_by_label_contains("Agents: 100 FTE entered");
    h.key_press(Key::Escape);
    h.run_steps(3);
    h.state_mut().commands.push(Command::SetLang(Lang::Nl));
    h.run_steps(3);
    h.get_by_label_contains("Agents: 100 fte ingevoerd");
}

#[test]
fn the_chart_key_says_what_each_line_is() {
    let mut h = harness();
    settled_band(&mut h);
    h.run_steps(2);
    for entry in [
        "Projection (as on the cards)",
        "P50 of the trials",
        "P10–P90 band",
        "Break-even month",
    ] {
        h.get_by_label(entry);
    }
    assert!(h.query_by_label_contains("– P50").is_none());
}

#[test]
fn card_figures_stay_whole_at_1024_by_700_and_1280_by_800() {
    for (w, hgt) in [(1024.0, 700.0), (1280.0, 800.0)] {
        for lang in [Lang::En, Lang::Nl] {
            let mut h = harness_sized(w, hgt);
            h.state_mut().commands.push(Command::SetLang(lang));
            h.run_steps(3);
            for value in card_values(h.state()) {
                // Each figure is one label with the whole text, one line high.
                let node = h.get_by_label(&value);
                let rect = node.rect();
                assert!(
                    rect.height() < 30.0,
                    "{value:?} at {w}×{hgt} ({lang:?}) takes {} px: broken across lines",
                    rect.height()
                );
            }
        }
    }
}
