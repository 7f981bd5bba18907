//! The Inputs sheet: every input in a yellow, named cell, then the constants worked out from
//! them as formulas.

use rust_xlsxwriter::{DataValidation, Formula, Worksheet};

use crate::i18n::t;
use crate::model::{
    Group, HeadcountPolicy, Initiative, Lang, LineKind, RampShape, Scenario, Timing, group_inputs,
};
use crate::report::{Case, ReportError};
use crate::view::compare;

use super::{Formats, cell_name, shape_word, timing_word, type_words};

/// Writes the Inputs sheet; returns each defined name with its 0-based row.
pub(super) fn write_inputs(
    ws: &mut Worksheet,
    case: &Case,
    lang: Lang,
    f: &Formats,
) -> Result<Vec<(String, u32)>, ReportError> {
    let s = case.scenario();
    ws.write_string_with_format(
        0,
        0,
        format!("{}: {}", t(lang, "Inputs", "Invoer"), s.name),
        &f.title,
    )?;
    ws.write_string_with_format(
        1,
        0,
        t(
            lang,
            "Yellow cells are the inputs: change them and every figure on the other sheets follows. Each has a name (column F) the formulas use.",
            "Gele cellen zijn de invoer: wijzig ze en elk cijfer op de andere bladen volgt. Elke cel heeft een naam (kolom F) die de formules gebruiken.",
        ),
        &f.note,
    )
    ?;
    let headers = [
        t(lang, "Group", "Groep"),
        t(lang, "Input", "Invoer"),
        t(lang, "Value", "Waarde"),
        t(lang, "Unit", "Eenheid"),
        t(lang, "Meaning", "Betekenis"),
        t(lang, "Name", "Naam"),
        t(lang, "Default", "Standaard"),
        t(lang, "Range low", "Bandbreedte laag"),
        t(lang, "Range high", "Bandbreedte hoog"),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &f.header)?;
    }
    let mut sheet = InputsSheet {
        ws,
        row: 4,
        names: Vec::new(),
        f,
        lang,
        sl: super::projection::service_level(case),
    };
    for group in Group::ALL {
        if let Some(initiative) = group.initiative() {
            sheet.switches(s, group, initiative)?;
        }
        if group == Group::Staffing {
            sheet.staffing_choices(s)?;
        }
        sheet.inputs(s, group)?;
    }
    sheet.custom_lines(s)?;
    sheet.constants()?;
    let ws = sheet.ws;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 36)?;
    ws.set_column_width(2, 14)?;
    ws.set_column_width(3, 18)?;
    ws.set_column_width(4, 70)?;
    ws.set_column_width(5, 36)?;
    ws.set_freeze_panes(4, 0)?;
    Ok(sheet.names)
}

/// The Inputs sheet as it is written: the next free row and the defined names so far.
struct InputsSheet<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    names: Vec<(String, u32)>,
    f: &'a Formats,
    lang: Lang,
    /// Staffing by service level (its constants), or the simplified staffing.
    sl: bool,
}

/// How an on/off input reads.
fn on_off(lang: Lang) -> &'static str {
    t(lang, "TRUE = on, FALSE = off", "WAAR = aan, ONWAAR = uit")
}

impl InputsSheet<'_> {
    /// An initiative's switch, ramp-up shape and (for training) the course-month choice.
    fn switches(
        &mut self,
        s: &Scenario,
        group: Group,
        initiative: Initiative,
    ) -> Result<(), ReportError> {
        let lang = self.lang;
        let Self {
            ws, row, names, f, ..
        } = self;
        let on_off = on_off(lang);
        let group_title = group.title().get(lang);
        let p = group.key();
        ws.write_string(*row, 0, group_title)?;
        ws.write_string(*row, 1, t(lang, "Switched on", "Aan"))?;
        ws.write_boolean_with_format(*row, 2, s.is_enabled(initiative), &f.input)?;
        ws.write_string(*row, 3, on_off)?;
        ws.write_string(
            *row,
            4,
            t(
                lang,
                "Whether the initiative is part of the scenario.",
                "Of het initiatief in het scenario zit.",
            ),
        )?;
        let name = format!("{p}_enabled");
        ws.write_string(*row, 5, &name)?;
        names.push((name, *row));
        *row += 1;
        if let Some(shape) = s.ramp_shape(initiative) {
            ws.write_string(*row, 0, group_title)?;
            ws.write_string(*row, 1, t(lang, "Ramp-up shape", "Vorm van de opbouw"))?;
            ws.write_string_with_format(*row, 2, shape_word(shape, lang), &f.input)?;
            let choices = [
                shape_word(RampShape::Linear, lang),
                shape_word(RampShape::SCurve, lang),
            ];
            ws.write_string(*row, 3, choices.join(" / "))?;
            ws.write_string(
                *row,
                4,
                t(
                    lang,
                    "How adoption grows over the ramp-up months.",
                    "Hoe de adoptie groeit in de opbouwmaanden.",
                ),
            )?;
            let validation = DataValidation::new().allow_list_strings(&choices)?;
            ws.add_data_validation(*row, 2, *row, 2, &validation)?;
            let name = format!("{p}_ramp_shape");
            ws.write_string(*row, 5, &name)?;
            names.push((name, *row));
            *row += 1;
        }
        if initiative == Initiative::Training {
            ws.write_string(*row, 0, group_title)?;
            ws.write_string(*row, 1, compare::no_benefit_while_training_label(lang))?;
            ws.write_boolean_with_format(*row, 2, s.training.no_benefit_while_training, &f.input)?;
            ws.write_string(*row, 3, on_off)?;
            let name = "training_no_benefit_while_training".to_owned();
            ws.write_string(*row, 5, &name)?;
            names.push((name, *row));
            *row += 1;
        }
        Ok(())
    }

    /// A group's numeric inputs: value, unit, meaning, name, default and range.
    fn inputs(&mut self, s: &Scenario, group: Group) -> Result<(), ReportError> {
        let lang = self.lang;
        let Self {
            ws, row, names, f, ..
        } = self;
        let group_title = group.title().get(lang);
        for input in group_inputs(group) {
            ws.write_string(*row, 0, group_title)?;
            ws.write_string(*row, 1, input.label.get(lang))?;
            let value = rust_decimal::prelude::ToPrimitive::to_f64(&s.get(input)).unwrap_or(0.0);
            ws.write_number_with_format(*row, 2, value, &f.input)?;
            ws.write_string(*row, 3, input.unit.symbol().get(lang))?;
            ws.write_string(*row, 4, input.meaning.get(lang))?;
            let name = cell_name(input.path);
            ws.write_string(*row, 5, &name)?;
            let default = rust_decimal::prelude::ToPrimitive::to_f64(&input.default).unwrap_or(0.0);
            ws.write_number(*row, 6, default)?;
            if let Some(r) = s.estimate(input.path) {
                let low = rust_decimal::prelude::ToPrimitive::to_f64(&r.low).unwrap_or(0.0);
                let high = rust_decimal::prelude::ToPrimitive::to_f64(&r.high).unwrap_or(0.0);
                ws.write_number(*row, 7, low)?;
                ws.write_number(*row, 8, high)?;
            }
            names.push((name, *row));
            *row += 1;
        }
        Ok(())
    }

    /// The custom lines' switch and each line's type, amount, timing and months.
    fn custom_lines(&mut self, s: &Scenario) -> Result<(), ReportError> {
        let lang = self.lang;
        let Self {
            ws, row, names, f, ..
        } = self;
        let on_off = on_off(lang);
        // Custom lines.
        ws.write_string(*row, 0, Initiative::Custom.title().get(lang))?;
        ws.write_string(*row, 1, t(lang, "Switched on", "Aan"))?;
        ws.write_boolean_with_format(*row, 2, s.custom.enabled, &f.input)?;
        ws.write_string(*row, 3, on_off)?;
        ws.write_string(*row, 5, "custom_enabled")?;
        names.push(("custom_enabled".to_owned(), *row));
        *row += 1;
        let words = type_words(lang);
        let timings = [
            timing_word(Timing::OneOff { month: 1 }, lang),
            timing_word(Timing::Monthly { from: 1, to: 1 }, lang),
            timing_word(Timing::Spread { from: 1, to: 1 }, lang),
        ];
        for (i, line) in s.custom.lines.iter().enumerate() {
            let p = format!("custom_{}", i + 1);
            let kind = match (line.kind, line.revenue) {
                (LineKind::Cost, _) => words[0],
                (LineKind::Benefit, false) => words[1],
                (LineKind::Benefit, true) => words[2],
            };
            let (from, to) = line.timing.months();
            let amount = rust_decimal::prelude::ToPrimitive::to_f64(&line.amount).unwrap_or(0.0);
            let entries: [(&str, &str, CellValue<'_>, String); 5] = [
                (
                    "type",
                    t(lang, "type", "soort"),
                    CellValue::Text(kind),
                    words.join(" / "),
                ),
                (
                    "amount",
                    t(lang, "amount", "bedrag"),
                    CellValue::Number(amount),
                    t(
                        lang,
                        "€ (a month when monthly)",
                        "€ (per maand bij maandelijks)",
                    )
                    .to_owned(),
                ),
                (
                    "timing",
                    t(lang, "timing", "timing"),
                    CellValue::Text(timing_word(line.timing, lang)),
                    timings.join(" / "),
                ),
                (
                    "from",
                    t(lang, "month (from)", "maand (vanaf)"),
                    CellValue::Number(f64::from(from)),
                    t(lang, "month", "maand").to_owned(),
                ),
                (
                    "to",
                    t(lang, "to month", "tot en met maand"),
                    CellValue::Number(f64::from(to)),
                    t(lang, "month", "maand").to_owned(),
                ),
            ];
            for (field, label, value, unit) in entries {
                ws.write_string(*row, 0, Initiative::Custom.title().get(lang))?;
                ws.write_string(*row, 1, format!("{} – {label}", line.name))?;
                match value {
                    CellValue::Text(text) => ws.write_string_with_format(*row, 2, text, &f.input),
                    CellValue::Number(n) => ws.write_number_with_format(*row, 2, n, &f.input),
                }?;
                ws.write_string(*row, 3, unit)?;
                let name = format!("{p}_{field}");
                ws.write_string(*row, 5, &name)?;
                names.push((name, *row));
                *row += 1;
            }
        }
        Ok(())
    }

    /// The staffing model (as this sheet models it), the headcount policy and whether new
    /// hires are trained.
    fn staffing_choices(&mut self, s: &Scenario) -> Result<(), ReportError> {
        let lang = self.lang;
        let Self {
            ws, row, names, f, ..
        } = self;
        let title = Group::Staffing.title().get(lang);
        let st = &s.staffing;
        ws.write_string(*row, 0, title)?;
        ws.write_string(*row, 1, t(lang, "Staffing model", "Bezettingsmodel"))?;
        ws.write_string(*row, 2, crate::text::staffing_model_name(st.model, lang))?;
        ws.write_string(
            *row,
            4,
            t(
                lang,
                "This sheet models the scenario's staffing; export again to model the other.",
                "Dit blad rekent met de bezetting van het scenario; exporteer opnieuw voor de andere.",
            ),
        )?;
        *row += 1;
        let words = [
            HeadcountPolicy::KeepHeadcount,
            HeadcountPolicy::ShrinkThroughAttrition,
            HeadcountPolicy::ShrinkWithRedundancies,
        ]
        .map(|p| super::staffing::policy_word(p, lang));
        ws.write_string(*row, 0, title)?;
        ws.write_string(*row, 1, t(lang, "Headcount policy", "Personeelsbeleid"))?;
        ws.write_string_with_format(
            *row,
            2,
            super::staffing::policy_word(st.policy, lang),
            &f.input,
        )?;
        ws.write_string(*row, 3, words.join(" / "))?;
        ws.write_string(
            *row,
            4,
            crate::text::headcount_policy_meaning(st.policy, lang),
        )?;
        let validation = DataValidation::new().allow_list_strings(&words)?;
        ws.add_data_validation(*row, 2, *row, 2, &validation)?;
        ws.write_string(*row, 5, "staffing_policy")?;
        names.push(("staffing_policy".to_owned(), *row));
        *row += 1;
        ws.write_string(*row, 0, title)?;
        ws.write_string(
            *row,
            1,
            t(
                lang,
                "New hires take the course",
                "Nieuwe agents volgen de cursus",
            ),
        )?;
        ws.write_boolean_with_format(*row, 2, st.train_new_hires, &f.input)?;
        ws.write_string(*row, 3, on_off(lang))?;
        ws.write_string(*row, 5, "staffing_train_new_hires")?;
        names.push(("staffing_train_new_hires".to_owned(), *row));
        *row += 1;
        Ok(())
    }

    /// The constants worked out from the inputs, as formulas.
    fn constants(&mut self) -> Result<(), ReportError> {
        let (lang, sl) = (self.lang, self.sl);
        let Self {
            ws, row, names, f, ..
        } = self;
        *row += 1;
        ws.write_string_with_format(
            *row,
            0,
            t(lang, "Worked out from the inputs", "Afgeleid uit de invoer"),
            &f.bold,
        )?;
        *row += 1;
        for (name, label, formula) in constants(lang, sl) {
            ws.write_string(*row, 1, label)?;
            super::formula::check(&formula)?;
            ws.write_formula(*row, 2, Formula::new(format!("={formula}")))?;
            ws.write_string(*row, 5, name)?;
            names.push((name.to_owned(), *row));
            *row += 1;
        }
        Ok(())
    }
}

enum CellValue<'a> {
    Text(&'a str),
    Number(f64),
}

/// The constants worked out from the inputs: name, label, formula.
fn constants(lang: Lang, sl: bool) -> Vec<(&'static str, &'static str, String)> {
    let agent_cost_month = if sl {
        "baseline_agents_fte*baseline_paid_hours_per_fte_monthly*baseline_agent_cost_per_paid_hour"
    } else {
        "baseline_contacts_per_month*k_aht0*k_paid_minute"
    };
    let train_golive = "training_start_month+IF(training_no_benefit_while_training,MAX(1,training_implementation_months),training_implementation_months)";
    vec![
        (
            "k_fcr0",
            t(lang, "First-contact resolution as a share", "First-contact resolution als aandeel"),
            "baseline_fcr_pct/100".to_owned(),
        ),
        (
            "k_issues",
            t(lang, "Issues a month: contacts / (2 − FCR)", "Vragen per maand: contacten / (2 − FCR)"),
            "baseline_contacts_per_month/(2-k_fcr0)".to_owned(),
        ),
        (
            "k_aht0",
            t(lang, "Handle time today (min)", "Afhandeltijd nu (min)"),
            "baseline_handle_time_minutes".to_owned(),
        ),
        (
            "k_churn0",
            t(lang, "Churn today as a share", "Verloop nu als aandeel"),
            "baseline_churn_monthly_pct/100".to_owned(),
        ),
        (
            "k_paid_minute",
            t(lang, "Paid agent minute: cost per hour / (60 × occupancy)", "Betaalde agentminuut: kosten per uur / (60 × bezetting)"),
            "baseline_agent_cost_per_hour/(60*baseline_occupancy_pct/100)".to_owned(),
        ),
        (
            "k_saved_minute",
            t(lang, "Saved minute: paid minute × realisation", "Bespaarde minuut: betaalde minuut × verzilvering"),
            "k_paid_minute*finance_realisation_pct/100".to_owned(),
        ),
        (
            "k_agent_cost_month",
            t(lang, "Agent cost a month today", "Agentkosten per maand nu"),
            agent_cost_month.to_owned(),
        ),
        (
            "k_replacements_month",
            t(lang, "Avoided replacements a month at full effect", "Vermeden vervangingen per maand bij vol effect"),
            "baseline_agents_fte*baseline_attrition_yearly_pct/100/12*training_attrition_reduction_pct/100*baseline_replacement_cost_per_agent".to_owned(),
        ),
        (
            "k_fte_per_agent",
            t(lang, "Paid FTE per agent on the line: opening hours / (paid hours × (1 − shrinkage))", "Betaalde fte per agent aan de lijn: openingsuren / (betaalde uren × (1 − shrinkage))"),
            "baseline_opening_hours_monthly/(baseline_paid_hours_per_fte_monthly*(1-baseline_shrinkage_pct/100))".to_owned(),
        ),
        (
            "k_attr_month",
            t(lang, "Attrition a month as a share", "Verloop per maand als aandeel"),
            "baseline_attrition_yearly_pct/100/12".to_owned(),
        ),
        (
            "k_bot_golive",
            t(lang, "Chatbot go-live month", "Livegangmaand chatbot"),
            "chatbot_start_month+chatbot_implementation_months".to_owned(),
        ),
        (
            "k_omni_golive",
            t(lang, "Omnichannel go-live month", "Livegangmaand omnichannel"),
            "omnichannel_start_month+omnichannel_implementation_months".to_owned(),
        ),
        (
            "k_train_golive",
            t(lang, "Training effect month", "Effectmaand training"),
            train_golive.to_owned(),
        ),
        (
            "k_monthly_rate",
            t(lang, "Monthly discount rate: (1 + r)^(1/12) − 1", "Maandelijkse disconteringsvoet: (1 + r)^(1/12) − 1"),
            "(1+finance_discount_rate_annual_pct/100)^(1/12)-1".to_owned(),
        ),
        (
            "k_cost_factor",
            t(lang, "Cost factor: 1 + cost risk", "Kostenfactor: 1 + kostenrisico"),
            "1+finance_cost_risk_pct/100".to_owned(),
        ),
        (
            "k_saving_factor",
            t(lang, "Savings factor: 1 − risk on savings", "Besparingsfactor: 1 − risico op besparingen"),
            "1-finance_benefit_risk_pct/100".to_owned(),
        ),
        (
            "k_revenue_factor",
            t(lang, "Revenue factor: 1 − risk on revenue", "Omzetfactor: 1 − risico op omzet"),
            "1-finance_revenue_risk_pct/100".to_owned(),
        ),
    ]
}
