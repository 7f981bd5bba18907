//! The comparison, the KPI tab and the monthly table.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roi_planner::format;
use roi_planner::model::Lang;
use roi_planner::sim;
use roi_planner::ui::app::PlannerApp;
use roi_planner::ui::command::Command;
use rust_decimal::Decimal;

use super::support::*;

#[test]
fn duplicate_and_compare_shows_both_scenarios_and_the_differences() {
    let mut h = harness();
    h.get_by_label("Duplicate as what-if…").click();
    h.run_steps(3);
    // The dialog suggests a numbered name; Duplicate takes it.
    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    assert_eq!(h.state().docs.len(), 2);
    let copy = h.state().current().unwrap().title().to_owned();
    assert!(copy.ends_with("what-if 2"), "{copy}");
    slider(&h, "Resolution rate").set_value_accesskit(20.0);
    h.run_steps(2);
    h.get_by_label("Compare").click();
    h.run_steps(3);
    h.get_by_label("Headline figures");
    // Each initiative's own figures and what it adds, from the engine's projection.
    h.get_by_label("What each initiative adds");
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    let chatbot = p
        .initiatives
        .iter()
        .find(|i| i.initiative == roi_planner::model::Initiative::Chatbot)
        .unwrap();
    // (Also in the longer view's row at the horizon.)
    let adds = format::money_whole(chatbot.marginal_net_benefit_adjusted, Lang::En);
    assert!(h.query_all_by_label(&adds).count() >= 1, "{adds}");
    h.get_by_label("Chatbot – Resolution rate");
    assert!(h.query_all_by_label_contains(&copy).count() >= 1);
    // The comparison's columns shorten long names (the full name is on hover).
    let short = roi_planner::ui::compare_ui::short_name(&copy);
    assert!(
        short.chars().count() <= 30 && short.ends_with("what-if 2"),
        "{short}"
    );
    assert!(
        h.query_all_by_label(&short).count() >= 2,
        "the what-if heads its columns in the comparison: {short}"
    );
    h.get_by_label("20 %");
    h.get_by_label("35 %");
}

#[test]
fn the_kpi_tab_shows_before_and_after_from_the_engine() {
    let mut h = harness();
    h.get_by_label("KPIs").click();
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    let (after, before) = p.final_kpis().unwrap();
    // The table's row and the chart's title.
    assert_eq!(h.query_all_by_label("Cost per contact (€)").count(), 2);
    h.get_by_label(&format::number(before.cost_per_contact, 2, Lang::En));
    h.get_by_label(&format::number(after.cost_per_contact, 2, Lang::En));
    // Agents needed, and (staffing by service level) agents required, read the same.
    assert!(
        h.query_all_by_label(&format::number(after.agent_fte, 1, Lang::En))
            .count()
            >= 1
    );
    // Beside the agents in the editor, and under the KPI table.
    assert_eq!(
        h.query_all_by_label_contains("Workload today needs")
            .count(),
        2
    );
}

#[test]
fn what_each_initiative_adds_sums_to_the_whole_with_the_interaction() {
    let mut h = harness();
    h.get_by_label("Compare").click();
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    let interaction = p.interaction_net_benefit(true);
    let sum: Decimal = p
        .initiatives
        .iter()
        .map(|i| i.marginal_net_benefit_adjusted)
        .sum::<Decimal>()
        + interaction;
    assert_eq!(sum, p.adjusted.summary.net_benefit);
    h.get_by_label("Interaction");
    h.get_by_label(&format::money_whole(interaction, Lang::En));
    h.get_by_label("Whole case");
}

#[test]
fn the_comparison_names_its_base_and_shows_what_if_minus_base() {
    let mut h = harness();
    let base = h.state().current().unwrap().title().to_owned();
    h.get_by_label("Duplicate as what-if…").click();
    h.run_steps(3);
    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    // The what-if prices a replacement higher: every hire the smaller team avoids saves more,
    // a better ROI, so a positive change in percentage points.
    slider(&h, "Cost to replace an agent").set_value_accesskit(15000.0);
    h.run_steps(3);
    let what_if = h.state().current().unwrap().id;
    let base_id = h.state().docs[0].id;
    h.state_mut().commands.push(Command::Select(base_id));
    h.run_steps(2);
    h.get_by_label("Compare").click();
    h.run_steps(3);
    let roi = |id: u64| {
        let doc = h.state().doc(id).unwrap();
        sim::simulate(&doc.scenario.clone().validate().unwrap())
            .unwrap()
            .adjusted
            .summary
            .roi_pct
            .unwrap()
    };
    let change = roi(what_if) - roi(base_id);
    assert!(change > Decimal::ZERO);
    h.get_by_label_contains(&format!("change vs {base}"));
    h.get_by_label(&format!("+{} pp", format::number(change, 1, Lang::En)));
}

#[test]
fn the_monthly_table_reads_as_a_manager_reads_it() {
    // A wide window, so the opened lines come into view beside the totals.
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .build_ui_state(|ui, app: &mut PlannerApp| app.show(ui), app());
    h.run_steps(3);
    h.get_by_label("Monthly table").click();
    h.run_steps(3);
    let doc = h.state().current().unwrap();
    let p = sim::simulate(&doc.scenario.clone().validate().unwrap()).unwrap();
    for heading in [
        "Month",
        "Costs",
        "Benefits",
        "Net",
        "Cumulative net",
        "ROI to date",
    ] {
        assert!(h.query_all_by_label(heading).count() >= 1, "{heading}");
    }
    h.get_by_label("Total");
    let total_costs = format::money_whole(p.adjusted.summary.total_costs, Lang::En);
    h.get_by_label(&total_costs);
    // The lines behind the totals open on demand, with subtotals.
    assert!(h.query_by_label("chatbot implementation").is_none());
    h.get_by_label("Chatbot").click();
    h.run_steps(3);
    // The chatbot's lines come into view beside the totals (their subtotals follow them).
    h.get_by_label("chatbot implementation");
    h.get_by_label("chatbot hidden costs");
}
