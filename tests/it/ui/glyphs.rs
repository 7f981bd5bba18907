//! Every glyph drawn: every text the window shows on each tab, with the help open, in both
//! languages, is in the fonts the window draws with (no missing-symbol boxes).

use egui_kittest::kittest::{NodeT, Queryable};
use roi_planner::model::Lang;
use roi_planner::ui::app::Tab;
use roi_planner::ui::command::Command;

use super::support::*;

/// The characters of every text on screen that the window's fonts cannot draw, with the text.
/// `at_least` texts must be read, so an empty screen cannot pass.
fn missing(
    h: &mut egui_kittest::Harness<'static, roi_planner::ui::app::PlannerApp>,
    at_least: usize,
) -> Vec<(char, String)> {
    let texts: Vec<String> = h
        .query_all_by_label_contains("")
        .map(|n| {
            let node = n.accesskit_node();
            let mut text = node.label().unwrap_or_default();
            if let Some(value) = node.value() {
                text.push(' ');
                text.push_str(&value);
            }
            text
        })
        .collect();
    assert!(
        texts.len() >= at_least,
        "the texts on screen are read: {}",
        texts.len()
    );
    let font = egui::FontId::proportional(14.0);
    // The check sees what the walk-through saw: the fonts lack these two, which the window
    // used to show as boxes.
    for c in ['✕', '→'] {
        assert!(!h.ctx.fonts_mut(|f| f.has_glyph(&font, c)), "{c}");
    }
    let mut out = Vec::new();
    for text in texts {
        for c in text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
        {
            let has = h.ctx.fonts_mut(|f| f.has_glyph(&font, c));
            if !has && !out.iter().any(|(x, _)| *x == c) {
                out.push((c, text.clone()));
            }
        }
    }
    out
}

#[test]
fn every_text_on_every_tab_has_its_glyphs_in_both_languages() {
    // The combined example with six months of actuals, so the Tracking tab shows everything.
    let mut s = roi_planner::bundled::find("combined")
        .unwrap()
        .load()
        .unwrap()
        .into_inner();
    s.actuals = (1..=3)
        .map(|m| roi_planner::model::MonthActuals {
            contacts: Some(rust_decimal::Decimal::from(21000)),
            agent_fte: Some(rust_decimal::Decimal::from(35)),
            ..roi_planner::model::MonthActuals::new(m)
        })
        .collect();
    let (mut h, _dir) = harness_with(&roi_planner::model::file::to_ron(&s).unwrap());
    let mut problems = Vec::new();
    for lang in [Lang::En, Lang::Nl] {
        h.state_mut().commands.push(Command::SetLang(lang));
        h.state_mut().dialogs.show_help = true;
        h.run_steps(3);
        for tab in [
            Tab::Charts,
            Tab::Kpis,
            Tab::Table,
            Tab::Uncertainty,
            Tab::Compare,
            Tab::Tracking,
        ] {
            h.state_mut().tab = tab;
            h.run_steps(3);
            for (c, text) in missing(&mut h, 50) {
                problems.push(format!(
                    "{lang:?} {tab:?}: {c:?} (U+{:04X}) in {text:?}",
                    c as u32
                ));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "missing glyphs:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_start_view_and_its_form_have_their_glyphs_in_both_languages() {
    let mut problems = Vec::new();
    for lang in [Lang::En, Lang::Nl] {
        let app = roi_planner::ui::app::PlannerApp::new(roi_planner::ui::app::Startup {
            settings: Some(roi_planner::ui::app::Settings {
                lang: Some(lang),
                ..Default::default()
            }),
            ..Default::default()
        });
        let mut h = egui_kittest::Harness::builder()
            .with_size([1280.0, 800.0])
            .build_ui_state(
                |ui, app: &mut roi_planner::ui::app::PlannerApp| app.show(ui),
                app,
            );
        h.run_steps(3);
        for (c, text) in missing(&mut h, 15) {
            problems.push(format!("{lang:?} start view: {c:?} in {text:?}"));
        }
        // Both pages of the guided form.
        h.state_mut().commands.push(Command::StartOwnNumbers);
        h.run_steps(3);
        for (c, text) in missing(&mut h, 30) {
            problems.push(format!("{lang:?} form, figures: {c:?} in {text:?}"));
        }
        if let Some(form) = &mut h.state_mut().dialogs.start_form {
            form.step = roi_planner::ui::start::FormStep::Initiatives;
        }
        h.run_steps(3);
        for (c, text) in missing(&mut h, 10) {
            problems.push(format!("{lang:?} form, initiatives: {c:?} in {text:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "missing glyphs:\n{}",
        problems.join("\n")
    );
}
