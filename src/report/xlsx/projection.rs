//! The Projection sheet: one row per month, every column a formula on the named inputs and
//! the columns before it, following the engine step by step (see [`columns`]).

use rust_xlsxwriter::{Formula, Worksheet};

use crate::i18n::t;
use crate::model::{Initiative, Lang, RampShape, Timing};
use crate::report::{Case, ReportError};
use crate::sim::{LineId, Nature, RiskClass};

use super::formula::{check, expand};
use super::{Formats, HEADER_ROW, column_letters, shape_word, timing_word, type_words};

/// One column of the Projection sheet.
struct Column {
    key: String,
    header: String,
    /// The formula of a month row; `{m}` is the month, `{key}` another column in the same
    /// row, `{key-}` that column in the row before (zero in the first month).
    template: String,
    kind: Kind,
}

/// How a column's numbers read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Euros.
    Money,
    /// A count, a share, minutes: plain with decimals.
    Number,
    /// A helper for the summary formulas.
    Helper,
}

fn col(key: &str, header: impl Into<String>, template: impl Into<String>, kind: Kind) -> Column {
    Column {
        key: key.to_owned(),
        header: header.into(),
        template: template.into(),
        kind,
    }
}

/// The adoption formula of an initiative with input prefix `p` and go-live `golive`, at the
/// month expression `m`; zero when the initiative is off.
fn adoption(p: &str, golive: &str, m: &str, lang: Lang) -> String {
    let k = format!("({m}-{golive}+1)");
    let x = format!("({k}/{p}_ramp_months)");
    format!(
        "IF({p}_enabled,IF({m}<{golive},0,IF(OR({p}_ramp_months=0,{k}>={p}_ramp_months),1,IF({p}_ramp_shape=\"{s}\",{x}^2*(3-2*{x}),{x}))),0)",
        s = shape_word(RampShape::SCurve, lang)
    )
}

/// The adoption that drives churn: the same curve, the retention delay later.
fn retention(p: &str, golive: &str, lang: Lang) -> String {
    let m = "({m}-finance_retention_delay_months)";
    format!("IF({m}<1,0,{})", adoption(p, golive, m, lang))
}

/// The Projection sheet's columns for `case`.
/// The Projection sheet's columns for `case`, as (key, heading) in sheet order from column A:
/// what a reader of the sheet (or a test) finds where.
pub fn projection_columns(case: &Case, lang: Lang) -> Vec<(String, String)> {
    columns(case, lang)
        .into_iter()
        .map(|c| (c.key, c.header))
        .collect()
}

/// The Projection sheet's columns for `case`, in the order the engine works a month out: the
/// flows, every line, the totals and what follows from them, the helpers the summary needs,
/// the KPIs.
fn columns(case: &Case, lang: Lang) -> Vec<Column> {
    let sl = service_level(case);
    let mut c = flow_columns(lang);
    if sl {
        // Training works through the agents who took the course.
        for column in c
            .iter_mut()
            .filter(|c| c.key == "a_train" || c.key == "r_train")
        {
            column.template = format!("({})*{}", column.template, super::staffing::trained_share());
        }
        c.extend(
            super::staffing::columns(lang, super::staffing::candidates(case))
                .into_iter()
                .map(|(key, header, template)| col(&key, header, template, Kind::Number)),
        );
    }
    let sums = line_columns(case, lang, &mut c, sl);
    c.extend(total_columns(&sums, lang));
    c.extend(helper_columns(lang));
    c.extend(kpi_columns(lang, sl));
    c
}

/// Whether `case` is staffed by service level (else the simplified staffing of older files).
pub(super) fn service_level(case: &Case) -> bool {
    case.scenario().staffing.model == crate::model::StaffingModel::ServiceLevel
}

/// Month, volume and price factors, adoption, the contact chain, handle time, minutes saved,
/// churn and the customers kept.
fn flow_columns(lang: Lang) -> Vec<Column> {
    use Kind::*;
    vec![
        col("m", t(lang, "Month", "Maand"), "", Number),
        col(
            "g",
            t(lang, "Volume factor G", "Volumefactor G"),
            "(1+baseline_contact_growth_yearly_pct/100)^(({m}-1)/12)",
            Number,
        ),
        col(
            "i",
            t(lang, "Price factor I", "Prijsfactor I"),
            "(1+finance_cost_indexation_yearly_pct/100)^(({m}-1)/12)",
            Number,
        ),
        col(
            "a_bot",
            t(lang, "Adoption chatbot", "Adoptie chatbot"),
            adoption("chatbot", "k_bot_golive", "{m}", lang),
            Number,
        ),
        col(
            "a_omni",
            t(lang, "Adoption omnichannel", "Adoptie omnichannel"),
            adoption("omnichannel", "k_omni_golive", "{m}", lang),
            Number,
        ),
        col(
            "a_train",
            t(lang, "Adoption training", "Adoptie training"),
            adoption("training", "k_train_golive", "{m}", lang),
            Number,
        ),
        col(
            "r_bot",
            t(lang, "Retention effect chatbot", "Behoudeffect chatbot"),
            retention("chatbot", "k_bot_golive", lang),
            Number,
        ),
        col(
            "r_omni",
            t(
                lang,
                "Retention effect omnichannel",
                "Behoudeffect omnichannel",
            ),
            retention("omnichannel", "k_omni_golive", lang),
            Number,
        ),
        col(
            "r_train",
            t(lang, "Retention effect training", "Behoudeffect training"),
            retention("training", "k_train_golive", lang),
            Number,
        ),
        col(
            "fcr1",
            t(lang, "FCR after omnichannel", "FCR na omnichannel"),
            "MIN(1,k_fcr0*(1+{a_omni}*omnichannel_fcr_improvement_pct/100))",
            Number,
        ),
        col(
            "fcr2",
            t(lang, "FCR after training", "FCR na training"),
            "MIN(1,{fcr1}*(1+{a_train}*training_fcr_improvement_pct/100))",
            Number,
        ),
        col(
            "after_fcr",
            t(lang, "Contacts after FCR", "Contacten na FCR"),
            "k_issues*(2-{fcr2})",
            Number,
        ),
        col(
            "dups",
            t(lang, "Duplicates removed", "Dubbele contacten weg"),
            "{after_fcr}*{a_omni}*omnichannel_duplicate_reduction_pct/100",
            Number,
        ),
        col(
            "offered",
            t(lang, "Contacts offered", "Aangeboden contacten"),
            "{after_fcr}-{dups}",
            Number,
        ),
        col(
            "closed",
            t(lang, "Bot closed", "Bot afgesloten"),
            "{offered}*{a_bot}*chatbot_containment_pct/100",
            Number,
        ),
        col(
            "resolved",
            t(lang, "Bot resolved", "Bot opgelost"),
            "{closed}*(1-chatbot_failure_pct/100)",
            Number,
        ),
        col(
            "agent",
            t(lang, "Agent contacts", "Agentcontacten"),
            "{offered}-{resolved}",
            Number,
        ),
        col(
            "aht_mix",
            t(lang, "Handle time of agent mix", "Afhandeltijd agentmix"),
            "IF(OR(k_aht0-chatbot_handle_time_saved_minutes=0,ROUND({agent},6)=0),k_aht0,MAX(0,k_aht0+{resolved}*(k_aht0-chatbot_handle_time_saved_minutes)/{agent}))",
            Number,
        ),
        col(
            "aht_omni",
            t(
                lang,
                "Handle time cut omnichannel",
                "Afhandeltijd minder omnichannel",
            ),
            "{aht_mix}*{a_omni}*omnichannel_aht_reduction_pct/100",
            Number,
        ),
        col(
            "aht_train",
            t(
                lang,
                "Handle time cut training",
                "Afhandeltijd minder training",
            ),
            "({aht_mix}-{aht_omni})*{a_train}*training_aht_reduction_pct/100",
            Number,
        ),
        col(
            "aht",
            t(lang, "Handle time (min)", "Afhandeltijd (min)"),
            "{aht_mix}-{aht_omni}-{aht_train}",
            Number,
        ),
        col(
            "min_bot",
            t(lang, "Minutes saved chatbot", "Minuten bespaard chatbot"),
            "{resolved}*chatbot_handle_time_saved_minutes",
            Number,
        ),
        col(
            "min_omni",
            t(
                lang,
                "Minutes saved omnichannel",
                "Minuten bespaard omnichannel",
            ),
            "(k_issues*({fcr1}-k_fcr0)+{dups})*k_aht0+{agent}*{aht_omni}",
            Number,
        ),
        col(
            "min_train",
            t(lang, "Minutes saved training", "Minuten bespaard training"),
            "k_issues*({fcr2}-{fcr1})*k_aht0+{agent}*{aht_train}",
            Number,
        ),
        col(
            "ch_bot",
            t(lang, "Churn cut chatbot", "Verloop minder chatbot"),
            "k_churn0*{r_bot}*chatbot_churn_reduction_pct/100",
            Number,
        ),
        col(
            "ch1",
            t(lang, "Churn after chatbot", "Verloop na chatbot"),
            "k_churn0-{ch_bot}",
            Number,
        ),
        col(
            "ch_omni",
            t(lang, "Churn cut omnichannel", "Verloop minder omnichannel"),
            "{ch1}*{r_omni}*omnichannel_churn_reduction_pct/100",
            Number,
        ),
        col(
            "ch2",
            t(lang, "Churn after omnichannel", "Verloop na omnichannel"),
            "{ch1}-{ch_omni}",
            Number,
        ),
        col(
            "ch_train",
            t(lang, "Churn cut training", "Verloop minder training"),
            "{ch2}*{r_train}*training_churn_reduction_pct/100",
            Number,
        ),
        col(
            "churn",
            t(lang, "Churn after all", "Verloop na alles"),
            "{ch2}-{ch_train}",
            Number,
        ),
        col(
            "kept_bot",
            t(lang, "Customers kept chatbot", "Klanten behouden chatbot"),
            "{kept_bot-}*(1-{churn})+baseline_active_customers*{ch_bot}",
            Number,
        ),
        col(
            "kept_omni",
            t(
                lang,
                "Customers kept omnichannel",
                "Klanten behouden omnichannel",
            ),
            "{kept_omni-}*(1-{churn})+baseline_active_customers*{ch_omni}",
            Number,
        ),
        col(
            "kept_train",
            t(lang, "Customers kept training", "Klanten behouden training"),
            "{kept_train-}*(1-{churn})+baseline_active_customers*{ch_train}",
            Number,
        ),
    ]
}

/// What the totals add up, as column templates: the costs, the savings and the revenue-type
/// benefits.
struct Sums {
    costs: String,
    savings: String,
    revenue: String,
}

/// One column per computed line (its formula from [`line_formula`]) and per custom line,
/// pushed onto `c`; gives the sums the totals are made of, from the table of lines.
fn line_columns(case: &Case, lang: Lang, c: &mut Vec<Column>, sl: bool) -> Sums {
    use Kind::*;
    for id in LineId::ALL {
        c.push(col(
            id.key(),
            line_header(id.initiative(), crate::text::line_title(id).get(lang), lang),
            if sl {
                staffed_line_formula(id).unwrap_or_else(|| line_formula(id))
            } else {
                line_formula(id)
            },
            Money,
        ));
    }
    let words = type_words(lang);
    let mut custom = [String::new(), String::new(), String::new()];
    for (i, line) in case.scenario().custom.lines.iter().enumerate() {
        let n = i + 1;
        let p = format!("custom_{n}");
        let key = format!("custom{n}");
        c.push(col(
            &key,
            line_header(Initiative::Custom, &line.name, lang),
            format!(
                "IF(custom_enabled,IF({p}_timing=\"{once}\",IF({{m}}={p}_from,{p}_amount,0),IF(AND({{m}}>={p}_from,{{m}}<={p}_to),IF({p}_timing=\"{monthly}\",{p}_amount,{p}_amount*({{m}}-{p}_from+1)/({p}_to-{p}_from+1)-{p}_amount*({{m}}-{p}_from)/({p}_to-{p}_from+1)),0)),0)",
                once = timing_word(Timing::OneOff { month: 1 }, lang),
                monthly = timing_word(Timing::Monthly { from: 1, to: 1 }, lang),
            ),
            Money,
        ));
        for (sum, word) in custom.iter_mut().zip(words) {
            sum.push_str(&format!("+IF({p}_type=\"{word}\",{{{key}}},0)"));
        }
    }
    let sum = |risk: RiskClass, custom: &str| -> String {
        let lines: Vec<String> = LineId::ALL
            .into_iter()
            .filter(|id| id.risk_class() == risk)
            .map(|id| format!("{{{}}}", id.key()))
            .collect();
        format!("{}{custom}", lines.join("+"))
    };
    let [costs, savings, revenue] = custom;
    Sums {
        costs: sum(RiskClass::Cost, &costs),
        savings: sum(RiskClass::Saving, &savings),
        revenue: sum(RiskClass::Revenue, &revenue),
    }
}

/// Totals, risk adjustment, net, cumulative and discounted net, ROI to date.
fn total_columns(sums: &Sums, lang: Lang) -> Vec<Column> {
    use Kind::*;
    vec![
        col(
            "costs_u",
            t(lang, "Costs (unadjusted)", "Kosten (ongecorrigeerd)"),
            sums.costs.clone(),
            Money,
        ),
        col(
            "savings_u",
            t(lang, "Savings (unadjusted)", "Besparingen (ongecorrigeerd)"),
            sums.savings.clone(),
            Money,
        ),
        col(
            "revenue_u",
            t(
                lang,
                "Revenue benefits (unadjusted)",
                "Omzetbaten (ongecorrigeerd)",
            ),
            sums.revenue.clone(),
            Money,
        ),
        col(
            "benefits_u",
            t(lang, "Benefits (unadjusted)", "Baten (ongecorrigeerd)"),
            "{savings_u}+{revenue_u}",
            Money,
        ),
        col(
            "net_u",
            t(lang, "Net (unadjusted)", "Netto (ongecorrigeerd)"),
            "{benefits_u}-{costs_u}",
            Money,
        ),
        col(
            "cum_u",
            t(
                lang,
                "Cumulative net (unadjusted)",
                "Cumulatief netto (ongecorrigeerd)",
            ),
            "{cum_u-}+{net_u}",
            Money,
        ),
        col(
            "costs",
            t(lang, "Costs", "Kosten"),
            "{costs_u}*k_cost_factor",
            Money,
        ),
        col(
            "benefits",
            t(lang, "Benefits", "Baten"),
            "{savings_u}*k_saving_factor+{revenue_u}*k_revenue_factor",
            Money,
        ),
        col("net", t(lang, "Net", "Netto"), "{benefits}-{costs}", Money),
        col(
            "cum",
            t(lang, "Cumulative net", "Cumulatief netto"),
            "{cum-}+{net}",
            Money,
        ),
        col(
            "disc",
            t(lang, "Discounted net", "Contant netto"),
            "{net}/(1+k_monthly_rate)^{m}",
            Money,
        ),
        col(
            "disc_cum",
            t(
                lang,
                "Cumulative discounted net",
                "Cumulatief contant netto",
            ),
            "{disc_cum-}+{disc}",
            Money,
        ),
        col(
            "cum_costs",
            t(lang, "Costs to date", "Kosten tot nu"),
            "{cum_costs-}+{costs}",
            Money,
        ),
        col(
            "cum_benefits",
            t(lang, "Benefits to date", "Baten tot nu"),
            "{cum_benefits-}+{benefits}",
            Money,
        ),
        col(
            "roi",
            t(lang, "ROI to date (%)", "ROI tot nu (%)"),
            "IF({cum_costs}>0,({cum_benefits}-{cum_costs})/{cum_costs}*100,\"\")",
            Number,
        ),
    ]
}

/// The helper columns the summary's break-even, payback and IRR formulas need.
fn helper_columns(lang: Lang) -> Vec<Column> {
    use Kind::*;
    vec![
        col(
            "active",
            t(lang, "Active month", "Actieve maand"),
            "IF(OR({costs}<>0,{benefits}<>0),{m},\"\")",
            Helper,
        ),
        col(
            "sign",
            t(lang, "Sign of net", "Teken netto"),
            "SIGN(ROUND({net},6))",
            Helper,
        ),
        col(
            "last_sign",
            t(lang, "Last sign", "Laatste teken"),
            "IF({sign}<>0,{sign},{last_sign-})",
            Helper,
        ),
        col(
            "change",
            t(lang, "Sign change", "Tekenwisseling"),
            "IF(AND({sign}<>0,{last_sign-}<>0,{sign}<>{last_sign-}),1,0)",
            Helper,
        ),
        col(
            "cum_sign",
            t(lang, "Sign of cumulative net", "Teken cumulatief netto"),
            "SIGN(ROUND({cum},6))",
            Helper,
        ),
        col(
            "last_cum_sign",
            t(lang, "Last sign of cumulative", "Laatste teken cumulatief"),
            "IF({cum_sign}<>0,{cum_sign},{last_cum_sign-})",
            Helper,
        ),
        col(
            "cum_change",
            t(
                lang,
                "Sign change of cumulative",
                "Tekenwisseling cumulatief",
            ),
            "IF(AND({cum_sign}<>0,{last_cum_sign-}<>0,{cum_sign}<>{last_cum_sign-}),1,0)",
            Helper,
        ),
        col(
            "be",
            t(lang, "Break-even candidate", "Kandidaat break-even"),
            "IF(AND(COUNT({active@first}:{active})>0,ROUND({cum},6)>=0),{m},\"\")",
            Helper,
        ),
        col(
            "irr_flow",
            t(
                lang,
                "Net from the first active month",
                "Netto vanaf de eerste actieve maand",
            ),
            // IRR skips the empty cells: the months before anything happens are not periods,
            // or IRR may stop at the flat NPV of a very high rate.
            "IF({m}>=res_first_active,{net},\"\")",
            Helper,
        ),
        col(
            "payback",
            t(lang, "Payback (months)", "Terugverdientijd (maanden)"),
            "IF({m}=res_break_even,{m}-res_first_active+IF(AND({cum-}<0,{net}>0),-{cum-}/{net},0),\"\")",
            Helper,
        ),
        col(
            "disc_be",
            t(
                lang,
                "Discounted break-even candidate",
                "Kandidaat contante break-even",
            ),
            "IF(AND(COUNT({active@first}:{active})>0,ROUND({disc_cum},6)>=0),{m},\"\")",
            Helper,
        ),
        col(
            "disc_payback",
            t(
                lang,
                "Discounted payback (months)",
                "Contante terugverdientijd (maanden)",
            ),
            "IF({m}=res_disc_break_even,{m}-res_first_active+IF(AND({disc_cum-}<0,{disc}>0),-{disc_cum-}/{disc},0),\"\")",
            Helper,
        ),
    ]
}

/// The month's KPIs; the cost per contact nets the agent time saved off the agent cost and
/// adds the running costs, both taken from the table of lines.
fn kpi_columns(lang: Lang, sl: bool) -> Vec<Column> {
    use Kind::*;
    let lines_of = |nature: Nature| -> String {
        LineId::ALL
            .into_iter()
            .filter(|id| id.nature() == nature)
            .map(|id| format!("{{{}}}", id.key()))
            .collect::<Vec<_>>()
            .join("+")
    };
    let mut c = vec![
        col(
            "kpi_contacts",
            t(lang, "KPI contacts", "KPI contacten"),
            "{offered}*{g}",
            Number,
        ),
        col(
            "kpi_agent",
            t(lang, "KPI agent contacts", "KPI agentcontacten"),
            "{agent}*{g}",
            Number,
        ),
        col(
            "kpi_hours",
            t(lang, "KPI agent hours", "KPI agenturen"),
            "{kpi_agent}*{aht}/(60*baseline_occupancy_pct/100)",
            Number,
        ),
        col(
            "kpi_fte",
            t(
                lang,
                "KPI agents needed (FTE)",
                "KPI benodigde agents (fte)",
            ),
            "{kpi_hours}/baseline_hours_per_fte_monthly",
            Number,
        ),
        col(
            "kpi_cpc",
            t(lang, "KPI cost per contact", "KPI kosten per contact"),
            format!(
                "IF(ROUND({{kpi_contacts}},6)=0,0,(k_agent_cost_month*{{g}}*{{i}}-({})+{})/{{kpi_contacts}})",
                lines_of(Nature::AgentTime),
                lines_of(Nature::Running),
            ),
            Money,
        ),
        col(
            "kpi_customers",
            t(lang, "KPI customers", "KPI klanten"),
            "baseline_active_customers+{kept_bot}+{kept_omni}+{kept_train}",
            Number,
        ),
        col(
            "kpi_churn",
            t(lang, "KPI churn (%/month)", "KPI verloop (%/maand)"),
            "{churn}*100",
            Number,
        ),
    ];
    if sl {
        // With a headcount path: the agents the workload needs and the path's payroll.
        for column in &mut c {
            match column.key.as_str() {
                "kpi_hours" => {
                    column.template = "{s_req}*baseline_paid_hours_per_fte_monthly".to_owned()
                }
                "kpi_fte" => column.template = "{s_req}".to_owned(),
                "kpi_cpc" => {
                    column.template = format!(
                        "IF(ROUND({{kpi_contacts}},6)=0,0,({{s_payroll}}+{})/{{kpi_contacts}})",
                        lines_of(Nature::Running)
                    )
                }
                _ => {}
            }
        }
    }
    c
}

/// The formula of a line that follows the headcount path, with staffing by service level:
/// its initiative's share of what the paths save and cost; `None` for the others.
fn staffed_line_formula(id: LineId) -> Option<String> {
    let on = |p: &str, expr: &str| format!("IF({p}_enabled,{expr},0)");
    let share = |sh: &str, of: &str| format!("IF({{{sh}}}=0,0,{{{of}}}*{{{sh}}})");
    Some(match id {
        LineId::ChatbotAgentTime => on("chatbot", &share("sh_bot", "pp_saving")),
        LineId::OmnichannelAgentTime => on("omnichannel", &share("sh_omni", "pp_saving")),
        LineId::TrainingAgentTime => on("training", &share("sh_train", "pp_saving")),
        LineId::ChatbotSeverance => on("chatbot", &share("sh_bot", "pp_sev")),
        LineId::OmnichannelSeverance => on("omnichannel", &share("sh_omni", "pp_sev")),
        LineId::TrainingSeverance => on(
            "training",
            &format!("{}+{{pp_attr_sev}}", share("sh_train", "pp_sev")),
        ),
        LineId::TrainingReplacements => on("training", "{pp_attr}"),
        LineId::TrainingNewHires => on(
            "training",
            "IF(AND(staffing_train_new_hires,{m}>=training_start_month),{s_hires}*training_cost_per_agent,0)",
        ),
        LineId::TrainingHoursOff => on(
            "training",
            "IF({m}=training_start_month,training_hours_off_phone_per_agent*baseline_agents_fte*baseline_agent_cost_per_paid_hour*{i},0)",
        ),
        _ => return None,
    })
}

/// A line's column heading: "Chatbot – Licence", as the CSV export names it too.
pub fn line_header(initiative: Initiative, name: &str, lang: Lang) -> String {
    format!("{} – {name}", initiative.title().get(lang))
}

/// The formula of a computed line (unadjusted), on the named inputs and this row's columns.
fn line_formula(id: LineId) -> String {
    let on = |p: &str, expr: &str| format!("IF({p}_enabled,{expr},0)");
    let money_time = |minutes: &str| format!("{{{minutes}}}*k_saved_minute*{{g}}*{{i}}");
    match id {
        LineId::ChatbotSetup => on(
            "chatbot",
            "IF({m}=chatbot_start_month,chatbot_setup_cost,0)",
        ),
        LineId::ChatbotHidden => on(
            "chatbot",
            "IF({m}=chatbot_start_month,chatbot_setup_cost*chatbot_hidden_cost_pct/100,0)",
        ),
        LineId::ChatbotLicence => on(
            "chatbot",
            "IF({m}>=chatbot_start_month,chatbot_licence_monthly*{i},0)",
        ),
        LineId::ChatbotMaintenance => on(
            "chatbot",
            "IF({m}>=k_bot_golive,chatbot_maintenance_monthly*{i},0)",
        ),
        LineId::ChatbotResolutionFees => {
            on("chatbot", "{closed}*chatbot_price_per_resolution*{g}*{i}")
        }
        LineId::ChatbotDip => on(
            "chatbot",
            "IF({m}=k_bot_golive,k_agent_cost_month*chatbot_dip_pct/100*chatbot_dip_weeks*12/52*{g}*{i},0)",
        ),
        LineId::ChatbotAgentTime => on("chatbot", &money_time("min_bot")),
        LineId::ChatbotRetention => {
            on("chatbot", "{kept_bot}*baseline_margin_per_customer_monthly")
        }
        LineId::OmnichannelSetup => on(
            "omnichannel",
            "IF({m}=omnichannel_start_month,omnichannel_setup_cost,0)",
        ),
        LineId::OmnichannelHidden => on(
            "omnichannel",
            "IF({m}=omnichannel_start_month,omnichannel_setup_cost*omnichannel_hidden_cost_pct/100,0)",
        ),
        LineId::OmnichannelLicence => on(
            "omnichannel",
            "IF({m}>=omnichannel_start_month,omnichannel_licence_per_seat_monthly*baseline_agents_fte*{i},0)",
        ),
        LineId::OmnichannelDip => on(
            "omnichannel",
            "IF({m}=k_omni_golive,k_agent_cost_month*omnichannel_dip_pct/100*omnichannel_dip_weeks*12/52*{g}*{i},0)",
        ),
        LineId::OmnichannelAgentTime => on("omnichannel", &money_time("min_omni")),
        LineId::OmnichannelRetention => on(
            "omnichannel",
            "{kept_omni}*baseline_margin_per_customer_monthly",
        ),
        LineId::TrainingCourse => on(
            "training",
            "IF({m}=training_start_month,training_cost_per_agent*baseline_agents_fte,0)",
        ),
        LineId::TrainingTrainers => on(
            "training",
            "IF({m}=training_start_month,training_trainer_days*training_trainer_day_rate,0)",
        ),
        LineId::TrainingHoursOff => on(
            "training",
            "IF({m}=training_start_month,training_hours_off_phone_per_agent*baseline_agents_fte*baseline_agent_cost_per_hour*{i},0)",
        ),
        LineId::TrainingHidden => on(
            "training",
            "IF({m}=training_start_month,({training_course}+{training_trainers}+{training_hours_off})*training_hidden_cost_pct/100,0)",
        ),
        LineId::TrainingRefresher => on(
            "training",
            "IF({m}>=k_train_golive,training_refresher_monthly*{i},0)",
        ),
        LineId::TrainingAgentTime => on("training", &money_time("min_train")),
        LineId::TrainingReplacements => on("training", "{a_train}*k_replacements_month"),
        LineId::TrainingRetention => on(
            "training",
            "{kept_train}*baseline_margin_per_customer_monthly",
        ),
        // The headcount path's lines: zero under the simplified staffing this sheet models.
        LineId::ChatbotSeverance
        | LineId::OmnichannelSeverance
        | LineId::TrainingNewHires
        | LineId::TrainingSeverance => "0".to_owned(),
    }
}

/// Where the Projection sheet put its columns.
pub(super) struct Layout {
    letters: Vec<(String, String)>,
    first: u32,
    last: u32,
}

impl Layout {
    /// The column letter of `key`.
    pub(super) fn letter(&self, key: &str) -> Option<&str> {
        self.letters
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, l)| l.as_str())
    }

    /// The sheet's (1-based) row of month `m`.
    pub(super) fn month_row(&self, m: u32) -> u32 {
        self.first + m
    }

    /// The absolute range of a column's months, e.g. `$AB$5:$AB$22`.
    pub(super) fn range(&self, key: &str) -> String {
        let l = self.letter(key).unwrap_or("A");
        format!("${l}${}:${l}${}", self.first + 1, self.last + 1)
    }
}

/// Writes the Projection sheet; returns where its columns went.
pub(super) fn write_projection(
    ws: &mut Worksheet,
    case: &Case,
    lang: Lang,
    f: &Formats,
) -> Result<Layout, ReportError> {
    let cols = columns(case, lang);
    let letters: Vec<(String, String)> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key.clone(), column_letters(i as u16)))
        .collect();
    let lookup = |key: &str| {
        letters
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, l)| l.clone())
    };
    let h = case.horizon();
    let first = HEADER_ROW + 1;
    let last = HEADER_ROW + h;
    ws.write_string_with_format(
        0,
        0,
        format!("{}: {}", t(lang, "Projection", "Projectie"), case.name()),
        &f.title,
    )?;
    ws.write_string_with_format(
        1,
        0,
        match lang {
            Lang::En => format!(
                "Every figure is a formula on the Inputs sheet and the columns to its left, month by month as the program computes it. Money in euros, unadjusted lines; risk adjustment in the Costs and Benefits columns. {h} months: to change the horizon, export again."
            ),
            Lang::Nl => format!(
                "Elk cijfer is een formule op het blad Invoer en de kolommen links ervan, maand voor maand zoals het programma rekent. Bedragen in euro's, posten ongecorrigeerd; de risicocorrectie zit in de kolommen Kosten en Baten. {h} maanden: exporteer opnieuw om de horizon te wijzigen."
            ),
        },
        &f.note,
    )
    ?;
    for (c, column) in cols.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(HEADER_ROW, c, &column.header, &f.header)?;
        let width = match column.kind {
            Kind::Money => 14.0,
            Kind::Number => 12.0,
            Kind::Helper => 11.0,
        };
        ws.set_column_width(c, if c == 0 { 7.0 } else { width })?;
    }
    for row in first..=last {
        let month = row - HEADER_ROW;
        ws.write_number(row, 0, f64::from(month))?;
        for (c, column) in cols.iter().enumerate().skip(1) {
            let formula = expand(&column.template, row, (first, last), &lookup)?;
            check(&formula)?;
            let format = match column.kind {
                Kind::Money => &f.money,
                Kind::Number | Kind::Helper => &f.number,
            };
            ws.write_formula_with_format(
                row,
                c as u16,
                Formula::new(format!("={formula}")),
                format,
            )?;
        }
    }
    // Group the working columns so an analyst can fold them away.
    let position = |key: &str| cols.iter().position(|c| c.key == key).unwrap_or(0) as u16;
    ws.group_columns(position("g"), position("kept_train"))?;
    ws.group_columns(position("active"), position("disc_payback"))?;
    ws.set_row_height(HEADER_ROW, 45)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    Ok(Layout {
        letters,
        first,
        last,
    })
}
