//! The comparison, the KPI tab and the monthly table.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
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
    // The copy's name now says what changed.
    let copy = h.state().current().unwrap().title().to_owned();
    assert!(copy.ends_with("– resolution rate 20 %"), "{copy}");
    h.get_by_label("Compare").click();
    h.run_steps(3);
    h.get_by_label("Headline figures");
    // Each initiative's own figures and what it adds, from the engine's projection.
    h.get_by_label("What each initiative adds");
    // The longer view, worked out when the comparison tab asks for it.
    h.get_by_label("At 18 and at 36 months (risk-adjusted)");
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
    // The comparison's columns shorten long names in the middle to two lines of the column
    // (the full name is on hover): the start says what it is, the end what changed.
    let start: String = copy.chars().take(12).collect();
    // (A label's text is its node's value.)
    let heads: Vec<String> = h
        .query_all_by(|n| {
            n.label().or_else(|| n.value()).is_some_and(|l| {
                l.contains('…')
                    && l.chars().count() < copy.chars().count()
                    && l.starts_with(&start)
                    && l.ends_with("rate 20 %")
            })
        })
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect();
    assert!(
        heads.len() >= 2,
        "the what-if heads its columns in the comparison, shortened: {heads:?}"
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

#[test]
fn the_comparison_base_stays_put_and_comes_back_with_the_session() {
    // The combined example and a what-if of it: the example marked as the base, the what-if
    // selected; the comparison measures the what-if against the example. Selecting the
    // example keeps it the base. The session remembers the base and every colour.
    let mut h = harness();
    let original = h.state().current().unwrap().title().to_owned();
    h.get_by_label("Duplicate as what-if…").click();
    h.run_steps(3);
    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    let copy = h.state().current().unwrap().title().to_owned();
    assert_ne!(copy, original);
    h.get_by_label(&format!("Base: {original}")).click();
    h.run_steps(2);
    h.get_by_label("Compare").click();
    h.run_steps(3);
    let heading = |h: &egui_kittest::Harness<'static, roi_planner::ui::app::PlannerApp>| {
        h.query_all_by_label_contains("change vs ")
            .next()
            .map(|n| format!("{n:?}"))
            .unwrap_or_default()
    };
    let against = format!("change vs {original} (");
    assert!(
        heading(&h).contains(&against),
        "against the base: {}",
        heading(&h)
    );
    // Selecting the base itself changes nothing of that.
    let base_id = h.state().base.expect("a base");
    h.state_mut().selected = Some(base_id);
    h.run_steps(3);
    assert!(heading(&h).contains(&against), "{}", heading(&h));
    // The session: the base and the colours come back.
    let colours: Vec<usize> = h.state().docs.iter().map(|d| d.colour).collect();
    let mut settings = h.state().settings();
    // The what-if was never saved: give it its text, as a saved example has.
    let copy_text = roi_planner::model::file::to_ron(&h.state().docs[1].scenario).expect("writes");
    settings.open[1].saved_ron = Some(copy_text);
    assert_eq!(
        settings.open.iter().map(|o| o.base).collect::<Vec<_>>(),
        vec![true, false]
    );
    let again = roi_planner::ui::app::PlannerApp::new(roi_planner::ui::app::Startup {
        settings: Some(settings),
        ..roi_planner::ui::app::Startup::default()
    });
    assert_eq!(
        again.docs.iter().map(|d| d.colour).collect::<Vec<_>>(),
        colours
    );
    let restored_base = again
        .base
        .and_then(|b| again.docs.iter().find(|d| d.id == b));
    assert_eq!(restored_base.map(|d| d.title().to_owned()), Some(original));
}

#[test]
fn files_of_the_last_session_keep_their_colours_their_base_and_the_selection() {
    use roi_planner::ui::app::{OpenDoc, PlannerApp, Settings, Startup};
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for name in ["chatbot", "training"] {
        let path = dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, roi_planner::bundled::find(name).unwrap().text).unwrap();
        paths.push(path);
    }
    // Colours 3 and 1 (not the order's 0 and 1), the second the base, the first selected.
    let settings = Settings {
        lang: Some(Lang::En),
        open: vec![
            OpenDoc {
                path: Some(paths[0].clone()),
                saved_ron: None,
                colour: 3,
                shown: true,
                base: false,
            },
            OpenDoc {
                path: Some(paths[1].clone()),
                saved_ron: None,
                colour: 1,
                shown: true,
                base: true,
            },
        ],
        selected: 0,
        ..Settings::default()
    };
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut PlannerApp| app.show(ui),
            PlannerApp::new(Startup {
                settings: Some(settings),
                ..Startup::default()
            }),
        );
    wait_for(&mut h, |app| app.docs.len() == 2);
    let app = h.state();
    let colour_of = |path: &std::path::Path| {
        app.docs
            .iter()
            .find(|d| d.path.as_deref() == Some(path))
            .map(|d| d.colour)
    };
    assert_eq!(colour_of(&paths[0]), Some(3));
    assert_eq!(colour_of(&paths[1]), Some(1));
    let base = app.base.and_then(|b| app.docs.iter().find(|d| d.id == b));
    assert_eq!(base.and_then(|d| d.path.clone()), Some(paths[1].clone()));
    let selected = app.current().and_then(|d| d.path.clone());
    assert_eq!(selected, Some(paths[0].clone()));
    // A file opened afterwards is selected, and the session's colours stay.
    let third = dir.path().join("omnichannel.ron");
    std::fs::write(
        &third,
        roi_planner::bundled::find("omnichannel").unwrap().text,
    )
    .unwrap();
    h.state_mut()
        .commands
        .push(Command::OpenPath(third.clone()));
    wait_for(&mut h, |app| app.docs.len() == 3);
    let app = h.state();
    assert_eq!(app.current().and_then(|d| d.path.clone()), Some(third));
    let colours: Vec<usize> = paths
        .iter()
        .filter_map(|p| {
            app.docs
                .iter()
                .find(|d| d.path.as_deref() == Some(p.as_path()))
        })
        .map(|d| d.colour)
        .collect();
    assert_eq!(colours, vec![3, 1]);
}
