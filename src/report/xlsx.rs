//! The model as a spreadsheet a finance analyst can audit and continue (rust_xlsxwriter).
//!
//! - **Inputs**: every input with its unit, meaning and default, in a named cell
//!   (`chatbot_containment_pct`), then the constants worked out from them (`k_paid_minute`,
//!   …), each a formula.
//! - **Projection**: one row per month; every column is a formula on the named inputs and the
//!   columns before it, following the engine step by step (adoption, contacts, handle time,
//!   churn, each line, totals, risk adjustment, net, cumulative and discounted net, ROI to date,
//!   and the helper columns break-even and IRR need), then the month's KPIs.
//! - **Summary**: the headline figures as formulas on the projection (ROI, NPV, IRR, break-even,
//!   payback), and, as values with a note saying why, what the analysis adds (what each
//!   initiative adds, which needs the whole model run again without it; the Monte Carlo
//!   percentiles).
//!
//! Change an input in Excel or LibreOffice and every figure follows. The horizon is the one
//! exception: the sheet has one row per month of the exported horizon.

use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, Formula, Note, Workbook, Worksheet,
    XlsxError,
};

use crate::i18n::t;
use crate::model::{Group, Initiative, Lang, LineKind, RampShape, Timing, group_inputs};
use crate::report::{Case, ReportError};
use crate::sim::LineId;
use crate::view::{compare, uncertainty};

/// The 0-based row of the Projection sheet's column headings; months follow.
pub const HEADER_ROW: u32 = 3;

/// The sheet names, in the workbook's language.
pub struct SheetNames {
    /// The summary.
    pub summary: &'static str,
    /// The inputs.
    pub inputs: &'static str,
    /// The month-by-month projection.
    pub projection: &'static str,
}

/// The sheet names of `lang`.
pub fn sheet_names(lang: Lang) -> SheetNames {
    SheetNames {
        summary: t(lang, "Summary", "Samenvatting"),
        inputs: t(lang, "Inputs", "Invoer"),
        projection: t(lang, "Projection", "Projectie"),
    }
}

/// The words the sheet uses for a ramp-up shape, which its formulas compare against.
fn shape_word(shape: RampShape, lang: Lang) -> &'static str {
    match shape {
        RampShape::Linear => t(lang, "linear", "lineair"),
        RampShape::SCurve => t(lang, "S-curve", "S-kromme"),
    }
}

fn timing_word(timing: Timing, lang: Lang) -> &'static str {
    match timing {
        Timing::OneOff { .. } => t(lang, "one-off", "eenmalig"),
        Timing::Monthly { .. } => t(lang, "monthly", "maandelijks"),
        Timing::Spread { .. } => t(lang, "spread", "verdeeld"),
    }
}

/// Cost, saving or revenue, as the sheet writes a custom line's type.
fn type_words(lang: Lang) -> [&'static str; 3] {
    [
        t(lang, "cost", "kosten"),
        t(lang, "saving", "besparing"),
        t(lang, "revenue", "omzet"),
    ]
}

/// The defined name of an input path: `chatbot.containment_pct` → `chatbot_containment_pct`.
pub fn cell_name(path: &str) -> String {
    path.replace('.', "_")
}

/// The column letters of a 0-based column index: 0 → A, 27 → AB.
pub fn column_letters(mut col: u16) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

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
fn columns(case: &Case, lang: Lang) -> Vec<Column> {
    use Kind::*;
    let mut c = vec![
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
            "IF(OR(k_aht0-chatbot_handle_time_saved_minutes=0,{agent}=0),k_aht0,MAX(0,k_aht0+{resolved}*(k_aht0-chatbot_handle_time_saved_minutes)/{agent}))",
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
    ];
    for id in LineId::ALL {
        c.push(col(
            &line_key(id),
            line_header(id.initiative(), crate::text::line_title(id).get(lang), lang),
            line_formula(id),
            Money,
        ));
    }
    let words = type_words(lang);
    let mut custom_costs = String::new();
    let mut custom_savings = String::new();
    let mut custom_revenue = String::new();
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
        custom_costs.push_str(&format!("+IF({p}_type=\"{}\",{{{key}}},0)", words[0]));
        custom_savings.push_str(&format!("+IF({p}_type=\"{}\",{{{key}}},0)", words[1]));
        custom_revenue.push_str(&format!("+IF({p}_type=\"{}\",{{{key}}},0)", words[2]));
    }
    let sum = |ids: &[LineId]| -> String {
        ids.iter()
            .map(|id| format!("{{{}}}", line_key(*id)))
            .collect::<Vec<_>>()
            .join("+")
    };
    let costs: Vec<LineId> = LineId::ALL
        .into_iter()
        .filter(|id| id.kind() == LineKind::Cost)
        .collect();
    let savings: Vec<LineId> = LineId::ALL
        .into_iter()
        .filter(|id| id.kind() == LineKind::Benefit && !is_revenue(*id))
        .collect();
    let revenue: Vec<LineId> = LineId::ALL
        .into_iter()
        .filter(|id| is_revenue(*id))
        .collect();
    c.extend([
        col(
            "costs_u",
            t(lang, "Costs (unadjusted)", "Kosten (ongecorrigeerd)"),
            format!("{}{custom_costs}", sum(&costs)),
            Money,
        ),
        col(
            "savings_u",
            t(lang, "Savings (unadjusted)", "Besparingen (ongecorrigeerd)"),
            format!("{}{custom_savings}", sum(&savings)),
            Money,
        ),
        col(
            "revenue_u",
            t(lang, "Revenue benefits (unadjusted)", "Omzetbaten (ongecorrigeerd)"),
            format!("{}{custom_revenue}", sum(&revenue)),
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
            t(lang, "Cumulative net (unadjusted)", "Cumulatief netto (ongecorrigeerd)"),
            "{cum_u-}+{net_u}",
            Money,
        ),
        col("costs", t(lang, "Costs", "Kosten"), "{costs_u}*k_cost_factor", Money),
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
            t(lang, "Cumulative discounted net", "Cumulatief contant netto"),
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
            "be",
            t(lang, "Break-even candidate", "Kandidaat break-even"),
            "IF(AND(COUNT({active@first}:{active})>0,ROUND({cum},6)>=0),{m},\"\")",
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
            t(lang, "Discounted break-even candidate", "Kandidaat contante break-even"),
            "IF(AND(COUNT({active@first}:{active})>0,ROUND({disc_cum},6)>=0),{m},\"\")",
            Helper,
        ),
        col(
            "disc_payback",
            t(lang, "Discounted payback (months)", "Contante terugverdientijd (maanden)"),
            "IF({m}=res_disc_break_even,{m}-res_first_active+IF(AND({disc_cum-}<0,{disc}>0),-{disc_cum-}/{disc},0),\"\")",
            Helper,
        ),
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
            t(lang, "KPI agents needed (FTE)", "KPI benodigde agents (fte)"),
            "{kpi_hours}/baseline_hours_per_fte_monthly",
            Number,
        ),
        col(
            "kpi_cpc",
            t(lang, "KPI cost per contact", "KPI kosten per contact"),
            format!(
                "IF({{kpi_contacts}}=0,0,(k_agent_cost_month*{{g}}*{{i}}-({}+{}+{})+{}+{}+{}+{}+{})/{{kpi_contacts}})",
                "{chatbot_agent_time}",
                "{omnichannel_agent_time}",
                "{training_agent_time}",
                "{chatbot_licence}",
                "{chatbot_maintenance}",
                "{chatbot_resolution_fees}",
                "{omnichannel_licence}",
                "{training_refresher}",
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
    ]);
    c
}

fn is_revenue(id: LineId) -> bool {
    id.risk_class() == crate::sim::RiskClass::Revenue
}

/// The column key of a computed line, e.g. `chatbot_licence`.
fn line_key(id: LineId) -> String {
    let key = match id {
        LineId::ChatbotSetup => "chatbot_setup",
        LineId::ChatbotHidden => "chatbot_hidden",
        LineId::ChatbotLicence => "chatbot_licence",
        LineId::ChatbotMaintenance => "chatbot_maintenance",
        LineId::ChatbotResolutionFees => "chatbot_resolution_fees",
        LineId::ChatbotDip => "chatbot_dip",
        LineId::ChatbotAgentTime => "chatbot_agent_time",
        LineId::ChatbotRetention => "chatbot_retention",
        LineId::OmnichannelSetup => "omnichannel_setup",
        LineId::OmnichannelHidden => "omnichannel_hidden",
        LineId::OmnichannelLicence => "omnichannel_licence",
        LineId::OmnichannelDip => "omnichannel_dip",
        LineId::OmnichannelAgentTime => "omnichannel_agent_time",
        LineId::OmnichannelRetention => "omnichannel_retention",
        LineId::TrainingCourse => "training_course",
        LineId::TrainingTrainers => "training_trainers",
        LineId::TrainingHoursOff => "training_hours_off",
        LineId::TrainingHidden => "training_hidden",
        LineId::TrainingRefresher => "training_refresher",
        LineId::TrainingAgentTime => "training_agent_time",
        LineId::TrainingReplacements => "training_replacements",
        LineId::TrainingRetention => "training_retention",
    };
    key.to_owned()
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
    }
}

/// The constants worked out from the inputs: name, label, formula.
fn constants(lang: Lang) -> Vec<(&'static str, &'static str, String)> {
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
            "baseline_contacts_per_month*k_aht0*k_paid_minute".to_owned(),
        ),
        (
            "k_replacements_month",
            t(lang, "Avoided replacements a month at full effect", "Vermeden vervangingen per maand bij vol effect"),
            "baseline_agents_fte*baseline_attrition_yearly_pct/100/12*training_attrition_reduction_pct/100*baseline_replacement_cost_per_agent".to_owned(),
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

/// Expands a column template for the month in 0-based `row`.
fn expand(
    template: &str,
    row: u32,
    first: u32,
    letters: &dyn Fn(&str) -> Option<String>,
) -> String {
    let excel_row = row + 1;
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let token = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if token == "m" {
            out.push_str(&format!("$A{excel_row}"));
        } else if let Some(key) = token.strip_suffix('-') {
            if row == first {
                out.push('0');
            } else if let Some(l) = letters(key) {
                out.push_str(&format!("{l}{}", excel_row - 1));
            }
        } else if let Some(key) = token.strip_suffix("@first") {
            if let Some(l) = letters(key) {
                out.push_str(&format!("{l}${}", first + 1));
            }
        } else if let Some(l) = letters(token) {
            out.push_str(&format!("{l}{excel_row}"));
        }
    }
    out.push_str(rest);
    out
}

fn xlsx_err(e: XlsxError) -> ReportError {
    ReportError::Spreadsheet(e.to_string())
}

/// How a summary figure reads.
#[derive(Clone, Copy)]
enum SummaryFormat {
    /// Euros with cents.
    Money,
    /// A percentage or a number of months, one decimal.
    Decimal1,
    /// A month number.
    Month,
}

/// Formats of the workbook.
struct Formats {
    decimal1: Format,
    whole: Format,
    plain_header: Format,
    title: Format,
    bold: Format,
    header: Format,
    money: Format,
    number: Format,
    input: Format,
    note: Format,
}

fn formats() -> Formats {
    let money = "#,##0.00;[Red]-#,##0.00";
    Formats {
        decimal1: Format::new().set_num_format("0.0"),
        whole: Format::new().set_num_format("0"),
        plain_header: Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin),
        title: Format::new().set_bold().set_font_size(14),
        bold: Format::new().set_bold(),
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border_bottom(FormatBorder::Thin),
        money: Format::new().set_num_format(money),
        number: Format::new().set_num_format("#,##0.0000"),
        input: Format::new()
            .set_background_color(Color::RGB(0xFFF3C4))
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xD9C27A)),
        note: Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x555555)),
    }
}

/// The workbook of `case` in `lang`.
pub fn xlsx(case: &Case, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let names = sheet_names(lang);
    let f = formats();
    let mut book = Workbook::new();
    let mut inputs = Worksheet::new();
    inputs.set_name(names.inputs).map_err(xlsx_err)?;
    let defined = write_inputs(&mut inputs, case, lang, &f)?;
    let mut projection = Worksheet::new();
    projection.set_name(names.projection).map_err(xlsx_err)?;
    let layout = write_projection(&mut projection, case, lang, &f)?;
    let mut summary = Worksheet::new();
    summary.set_name(names.summary).map_err(xlsx_err)?;
    let results = write_summary(&mut summary, case, lang, &f, &layout, names.projection)?;
    book.push_worksheet(summary);
    book.push_worksheet(inputs);
    book.push_worksheet(projection);
    if let Some(tracking) = &case.view.tracking {
        let mut actuals = Worksheet::new();
        actuals
            .set_name(t(lang, "Actuals", "Werkelijk"))
            .map_err(xlsx_err)?;
        write_actuals(&mut actuals, case, tracking, lang, &f)?;
        book.push_worksheet(actuals);
    }
    for (name, row) in defined {
        book.define_name(&name, &format!("='{}'!$C${}", names.inputs, row + 1))
            .map_err(xlsx_err)?;
    }
    for (name, row) in results {
        book.define_name(name, &format!("='{}'!$B${}", names.summary, row + 1))
            .map_err(xlsx_err)?;
    }
    book.save_to_buffer().map_err(xlsx_err)
}

/// Writes the Inputs sheet; returns each defined name with its 0-based row.
fn write_inputs(
    ws: &mut Worksheet,
    case: &Case,
    lang: Lang,
    f: &Formats,
) -> Result<Vec<(String, u32)>, ReportError> {
    let s = case.scenario();
    let mut names = Vec::new();
    ws.write_string_with_format(
        0,
        0,
        format!("{}: {}", t(lang, "Inputs", "Invoer"), s.name),
        &f.title,
    )
    .map_err(xlsx_err)?;
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
    .map_err(xlsx_err)?;
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
        ws.write_string_with_format(3, c as u16, *h, &f.header)
            .map_err(xlsx_err)?;
    }
    let mut row = 4u32;
    let on_off = t(lang, "TRUE = on, FALSE = off", "WAAR = aan, ONWAAR = uit");
    for group in Group::ALL {
        let group_title = group.title().get(lang);
        if let Some(initiative) = group.initiative() {
            let p = group.key();
            ws.write_string(row, 0, group_title).map_err(xlsx_err)?;
            ws.write_string(row, 1, t(lang, "Switched on", "Aan"))
                .map_err(xlsx_err)?;
            ws.write_boolean_with_format(row, 2, s.is_enabled(initiative), &f.input)
                .map_err(xlsx_err)?;
            ws.write_string(row, 3, on_off).map_err(xlsx_err)?;
            ws.write_string(
                row,
                4,
                t(
                    lang,
                    "Whether the initiative is part of the scenario.",
                    "Of het initiatief in het scenario zit.",
                ),
            )
            .map_err(xlsx_err)?;
            let name = format!("{p}_enabled");
            ws.write_string(row, 5, &name).map_err(xlsx_err)?;
            names.push((name, row));
            row += 1;
            if let Some(shape) = s.ramp_shape(initiative) {
                ws.write_string(row, 0, group_title).map_err(xlsx_err)?;
                ws.write_string(row, 1, t(lang, "Ramp-up shape", "Vorm van de opbouw"))
                    .map_err(xlsx_err)?;
                ws.write_string_with_format(row, 2, shape_word(shape, lang), &f.input)
                    .map_err(xlsx_err)?;
                let choices = [
                    shape_word(RampShape::Linear, lang),
                    shape_word(RampShape::SCurve, lang),
                ];
                ws.write_string(row, 3, choices.join(" / "))
                    .map_err(xlsx_err)?;
                ws.write_string(
                    row,
                    4,
                    t(
                        lang,
                        "How adoption grows over the ramp-up months.",
                        "Hoe de adoptie groeit in de opbouwmaanden.",
                    ),
                )
                .map_err(xlsx_err)?;
                let validation = DataValidation::new()
                    .allow_list_strings(&choices)
                    .map_err(xlsx_err)?;
                ws.add_data_validation(row, 2, row, 2, &validation)
                    .map_err(xlsx_err)?;
                let name = format!("{p}_ramp_shape");
                ws.write_string(row, 5, &name).map_err(xlsx_err)?;
                names.push((name, row));
                row += 1;
            }
            if initiative == Initiative::Training {
                ws.write_string(row, 0, group_title).map_err(xlsx_err)?;
                ws.write_string(row, 1, compare::no_benefit_while_training_label(lang))
                    .map_err(xlsx_err)?;
                ws.write_boolean_with_format(
                    row,
                    2,
                    s.training.no_benefit_while_training,
                    &f.input,
                )
                .map_err(xlsx_err)?;
                ws.write_string(row, 3, on_off).map_err(xlsx_err)?;
                let name = "training_no_benefit_while_training".to_owned();
                ws.write_string(row, 5, &name).map_err(xlsx_err)?;
                names.push((name, row));
                row += 1;
            }
        }
        for input in group_inputs(group) {
            ws.write_string(row, 0, group_title).map_err(xlsx_err)?;
            ws.write_string(row, 1, input.label.get(lang))
                .map_err(xlsx_err)?;
            let value = rust_decimal::prelude::ToPrimitive::to_f64(&s.get(input)).unwrap_or(0.0);
            ws.write_number_with_format(row, 2, value, &f.input)
                .map_err(xlsx_err)?;
            ws.write_string(row, 3, input.unit.symbol().get(lang))
                .map_err(xlsx_err)?;
            ws.write_string(row, 4, input.meaning.get(lang))
                .map_err(xlsx_err)?;
            let name = cell_name(input.path);
            ws.write_string(row, 5, &name).map_err(xlsx_err)?;
            let default = rust_decimal::prelude::ToPrimitive::to_f64(&input.default).unwrap_or(0.0);
            ws.write_number(row, 6, default).map_err(xlsx_err)?;
            if let Some(r) = s.estimate(input.path) {
                let low = rust_decimal::prelude::ToPrimitive::to_f64(&r.low).unwrap_or(0.0);
                let high = rust_decimal::prelude::ToPrimitive::to_f64(&r.high).unwrap_or(0.0);
                ws.write_number(row, 7, low).map_err(xlsx_err)?;
                ws.write_number(row, 8, high).map_err(xlsx_err)?;
            }
            names.push((name, row));
            row += 1;
        }
    }
    // Custom lines.
    ws.write_string(row, 0, Initiative::Custom.title().get(lang))
        .map_err(xlsx_err)?;
    ws.write_string(row, 1, t(lang, "Switched on", "Aan"))
        .map_err(xlsx_err)?;
    ws.write_boolean_with_format(row, 2, s.custom.enabled, &f.input)
        .map_err(xlsx_err)?;
    ws.write_string(row, 3, on_off).map_err(xlsx_err)?;
    ws.write_string(row, 5, "custom_enabled")
        .map_err(xlsx_err)?;
    names.push(("custom_enabled".to_owned(), row));
    row += 1;
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
            ws.write_string(row, 0, Initiative::Custom.title().get(lang))
                .map_err(xlsx_err)?;
            ws.write_string(row, 1, format!("{} – {label}", line.name))
                .map_err(xlsx_err)?;
            match value {
                CellValue::Text(text) => ws.write_string_with_format(row, 2, text, &f.input),
                CellValue::Number(n) => ws.write_number_with_format(row, 2, n, &f.input),
            }
            .map_err(xlsx_err)?;
            ws.write_string(row, 3, unit).map_err(xlsx_err)?;
            let name = format!("{p}_{field}");
            ws.write_string(row, 5, &name).map_err(xlsx_err)?;
            names.push((name, row));
            row += 1;
        }
    }
    row += 1;
    ws.write_string_with_format(
        row,
        0,
        t(lang, "Worked out from the inputs", "Afgeleid uit de invoer"),
        &f.bold,
    )
    .map_err(xlsx_err)?;
    row += 1;
    for (name, label, formula) in constants(lang) {
        ws.write_string(row, 1, label).map_err(xlsx_err)?;
        ws.write_formula(row, 2, Formula::new(format!("={formula}")))
            .map_err(xlsx_err)?;
        ws.write_string(row, 5, name).map_err(xlsx_err)?;
        names.push((name.to_owned(), row));
        row += 1;
    }
    ws.set_column_width(0, 16).map_err(xlsx_err)?;
    ws.set_column_width(1, 36).map_err(xlsx_err)?;
    ws.set_column_width(2, 14).map_err(xlsx_err)?;
    ws.set_column_width(3, 18).map_err(xlsx_err)?;
    ws.set_column_width(4, 70).map_err(xlsx_err)?;
    ws.set_column_width(5, 36).map_err(xlsx_err)?;
    ws.set_freeze_panes(4, 0).map_err(xlsx_err)?;
    Ok(names)
}

enum CellValue<'a> {
    Text(&'a str),
    Number(f64),
}

/// Where the Projection sheet put its columns.
struct Layout {
    letters: Vec<(String, String)>,
    first: u32,
    last: u32,
}

impl Layout {
    fn letter(&self, key: &str) -> Option<&str> {
        self.letters
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, l)| l.as_str())
    }

    /// The absolute range of a column's months, e.g. `$AB$5:$AB$22`.
    fn range(&self, key: &str) -> String {
        let l = self.letter(key).unwrap_or("A");
        format!("${l}${}:${l}${}", self.first + 1, self.last + 1)
    }
}

fn write_projection(
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
    )
    .map_err(xlsx_err)?;
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
    .map_err(xlsx_err)?;
    for (c, column) in cols.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(HEADER_ROW, c, &column.header, &f.header)
            .map_err(xlsx_err)?;
        let width = match column.kind {
            Kind::Money => 14.0,
            Kind::Number => 12.0,
            Kind::Helper => 11.0,
        };
        ws.set_column_width(c, if c == 0 { 7.0 } else { width })
            .map_err(xlsx_err)?;
    }
    for row in first..=last {
        let month = row - HEADER_ROW;
        ws.write_number(row, 0, f64::from(month))
            .map_err(xlsx_err)?;
        for (c, column) in cols.iter().enumerate().skip(1) {
            let formula = expand(&column.template, row, first, &lookup);
            let format = match column.kind {
                Kind::Money => &f.money,
                Kind::Number | Kind::Helper => &f.number,
            };
            ws.write_formula_with_format(
                row,
                c as u16,
                Formula::new(format!("={formula}")),
                format,
            )
            .map_err(xlsx_err)?;
        }
    }
    // Group the working columns so an analyst can fold them away.
    let position = |key: &str| cols.iter().position(|c| c.key == key).unwrap_or(0) as u16;
    ws.group_columns(position("g"), position("kept_train"))
        .map_err(xlsx_err)?;
    ws.group_columns(position("active"), position("disc_payback"))
        .map_err(xlsx_err)?;
    ws.set_row_height(HEADER_ROW, 45).map_err(xlsx_err)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1).map_err(xlsx_err)?;
    Ok(Layout {
        letters,
        first,
        last,
    })
}

/// Writes the Summary sheet; returns the defined names of its results with their rows.
fn write_summary(
    ws: &mut Worksheet,
    case: &Case,
    lang: Lang,
    f: &Formats,
    layout: &Layout,
    projection: &str,
) -> Result<Vec<(&'static str, u32)>, ReportError> {
    let r = |key: &str| format!("'{projection}'!{}", layout.range(key));
    let none = t(lang, "none", "geen");
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{}: {}",
            t(lang, "Business case", "Businesscase"),
            case.name()
        ),
        &f.title,
    )
    .map_err(xlsx_err)?;
    ws.write_string_with_format(
        1,
        0,
        t(
            lang,
            "Risk-adjusted unless stated. Every figure in column B is a formula on the Projection sheet.",
            "Na risicocorrectie tenzij anders vermeld. Elk cijfer in kolom B is een formule op het blad Projectie.",
        ),
        &f.note,
    )
    .map_err(xlsx_err)?;
    use SummaryFormat::{Decimal1, Money, Month};
    let rows: Vec<(Option<&'static str>, &str, String, SummaryFormat)> = vec![
        (
            None,
            t(lang, "Total costs", "Totale kosten"),
            format!("SUM({})", r("costs")),
            Money,
        ),
        (
            None,
            t(lang, "Total benefits", "Totale baten"),
            format!("SUM({})", r("benefits")),
            Money,
        ),
        (
            Some("res_net_benefit"),
            t(lang, "Net benefit", "Netto opbrengst"),
            format!("SUM({})", r("net")),
            Money,
        ),
        (
            None,
            t(lang, "ROI (%)", "ROI (%)"),
            format!(
                "IF(SUM({c})>0,(SUM({b})-SUM({c}))/SUM({c})*100,\"–\")",
                c = r("costs"),
                b = r("benefits")
            ),
            Decimal1,
        ),
        (
            None,
            t(lang, "NPV", "NCW"),
            format!("NPV(k_monthly_rate,{})", r("net")),
            Money,
        ),
        (
            None,
            t(lang, "IRR (% a year)", "IRR (% per jaar)"),
            format!(
                "IF(SUM({ch})=1,IFERROR(((1+IRR({n}))^12-1)*100,\"–\"),\"–\")",
                ch = r("change"),
                n = r("net")
            ),
            Decimal1,
        ),
        (
            Some("res_first_active"),
            t(
                lang,
                "First month with costs or benefits",
                "Eerste maand met kosten of baten",
            ),
            format!("IF(COUNT({a})=0,\"{none}\",MIN({a}))", a = r("active")),
            Month,
        ),
        (
            Some("res_break_even"),
            t(lang, "Break-even month", "Break-evenmaand"),
            format!("IF(COUNT({b})=0,\"{none}\",MIN({b}))", b = r("be")),
            Month,
        ),
        (
            None,
            t(lang, "Payback (months)", "Terugverdientijd (maanden)"),
            format!(
                "IF(COUNT({b})=0,\"–\",SUM({p}))",
                b = r("be"),
                p = r("payback")
            ),
            Decimal1,
        ),
        (
            Some("res_disc_break_even"),
            t(
                lang,
                "Discounted break-even month",
                "Contante break-evenmaand",
            ),
            format!("IF(COUNT({b})=0,\"{none}\",MIN({b}))", b = r("disc_be")),
            Month,
        ),
        (
            None,
            t(
                lang,
                "Discounted payback (months)",
                "Contante terugverdientijd (maanden)",
            ),
            format!(
                "IF(COUNT({b})=0,\"–\",SUM({p}))",
                b = r("disc_be"),
                p = r("disc_payback")
            ),
            Decimal1,
        ),
        (
            None,
            t(
                lang,
                "Total costs (unadjusted)",
                "Totale kosten (ongecorrigeerd)",
            ),
            format!("SUM({})", r("costs_u")),
            Money,
        ),
        (
            None,
            t(
                lang,
                "Total benefits (unadjusted)",
                "Totale baten (ongecorrigeerd)",
            ),
            format!("SUM({})", r("benefits_u")),
            Money,
        ),
        (
            None,
            t(
                lang,
                "Net benefit (unadjusted)",
                "Netto opbrengst (ongecorrigeerd)",
            ),
            format!("SUM({})", r("net_u")),
            Money,
        ),
        (
            None,
            t(lang, "ROI (%, unadjusted)", "ROI (%, ongecorrigeerd)"),
            format!(
                "IF(SUM({c})>0,(SUM({b})-SUM({c}))/SUM({c})*100,\"–\")",
                c = r("costs_u"),
                b = r("benefits_u")
            ),
            Decimal1,
        ),
    ];
    let mut names = Vec::new();
    ws.write_string_with_format(3, 0, t(lang, "Figure", "Cijfer"), &f.plain_header)
        .map_err(xlsx_err)?;
    ws.write_string_with_format(3, 1, t(lang, "Value", "Waarde"), &f.plain_header)
        .map_err(xlsx_err)?;
    let mut row = 4u32;
    for (name, label, formula, kind) in rows {
        ws.write_string(row, 0, label).map_err(xlsx_err)?;
        let format = match kind {
            Money => &f.money,
            Decimal1 => &f.decimal1,
            Month => &f.whole,
        };
        ws.write_formula_with_format(row, 1, Formula::new(format!("={formula}")), format)
            .map_err(xlsx_err)?;
        if let Some(name) = name {
            names.push((name, row));
        }
        row += 1;
    }
    row += 1;
    // What cannot be a formula in practice: values, and a note saying why.
    let p = &case.projection;
    let initiative_rows = compare::initiative_rows(p, true, lang);
    if !initiative_rows.is_empty() {
        ws.write_string_with_format(
            row,
            0,
            t(
                lang,
                "What each initiative adds (values)",
                "Wat elk initiatief toevoegt (waarden)",
            ),
            &f.bold,
        )
        .map_err(xlsx_err)?;
        let why = t(
            lang,
            "Values, not formulas: each needs the whole model run again without the initiative (or with it alone). They do not follow changes to the inputs; export again after changing them.",
            "Waarden, geen formules: elk vraagt het hele model opnieuw zonder het initiatief (of met alleen dat initiatief). Ze volgen wijzigingen in de invoer niet; exporteer opnieuw na een wijziging.",
        );
        ws.insert_note(row, 0, &Note::new(why).set_width(360).set_height(110))
            .map_err(xlsx_err)?;
        ws.write_string_with_format(row, 2, why, &f.note)
            .map_err(xlsx_err)?;
        row += 1;
        let heads = compare::initiative_headings(lang);
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, *h, &f.plain_header)
                .map_err(xlsx_err)?;
        }
        row += 1;
        for ir in initiative_rows {
            for (c, text) in [
                ir.name,
                ir.alone_net,
                ir.alone_roi,
                ir.alone_break_even,
                ir.adds,
            ]
            .iter()
            .enumerate()
            {
                ws.write_string(row, c as u16, text).map_err(xlsx_err)?;
            }
            row += 1;
        }
        row += 1;
    }
    if let Some(mc) = case.ranged_mc() {
        ws.write_string_with_format(
            row,
            0,
            t(lang, "How sure (values)", "Hoe zeker (waarden)"),
            &f.bold,
        )
        .map_err(xlsx_err)?;
        let why = match lang {
            Lang::En => format!(
                "Values from {} Monte Carlo trials over the inputs with a range: a spreadsheet cannot redraw them. They do not follow changes to the inputs.",
                mc.trials
            ),
            Lang::Nl => format!(
                "Waarden uit {} Monte-Carlotrekkingen over de invoer met een bandbreedte: een spreadsheet kan die niet opnieuw trekken. Ze volgen wijzigingen in de invoer niet.",
                mc.trials
            ),
        };
        ws.insert_note(row, 0, &Note::new(&why).set_width(360).set_height(90))
            .map_err(xlsx_err)?;
        ws.write_string_with_format(row, 2, &why, &f.note)
            .map_err(xlsx_err)?;
        row += 1;
        let heads = ["", "P10", "P50", "P90", t(lang, "Mean", "Gemiddelde")];
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, *h, &f.plain_header)
                .map_err(xlsx_err)?;
        }
        row += 1;
        for pr in uncertainty::percentile_rows(mc, lang) {
            ws.write_string(row, 0, pr.label).map_err(xlsx_err)?;
            for (c, v) in pr.values.iter().enumerate() {
                ws.write_string(row, c as u16 + 1, v).map_err(xlsx_err)?;
            }
            row += 1;
        }
        ws.write_string(
            row,
            0,
            t(
                lang,
                "Chance of break-even within the horizon",
                "Kans op break-even binnen de horizon",
            ),
        )
        .map_err(xlsx_err)?;
        ws.write_string(
            row,
            1,
            uncertainty::share(mc.probability_within_horizon, lang),
        )
        .map_err(xlsx_err)?;
    }
    ws.set_column_width(0, 42).map_err(xlsx_err)?;
    ws.set_column_width(1, 18).map_err(xlsx_err)?;
    for c in 2..5u16 {
        ws.set_column_width(c, 22).map_err(xlsx_err)?;
    }
    Ok(names)
}

/// Writes the plan against the actuals as values (the program values the realised months; the
/// note says so).
fn write_actuals(
    ws: &mut Worksheet,
    case: &Case,
    tr: &crate::sim::tracking::Tracking,
    lang: Lang,
    f: &Formats,
) -> Result<(), ReportError> {
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{}: {}",
            t(lang, "Against the plan", "Tegen het plan"),
            case.name()
        ),
        &f.title,
    )
    .map_err(xlsx_err)?;
    let why = t(
        lang,
        "Values, not formulas: the program values the realised months with the plan's formulas, observed figures in place of planned ones. They do not follow changes to the inputs; export again after changing them. Risk-adjusted.",
        "Waarden, geen formules: het programma waardeert de gerealiseerde maanden met de formules van het plan, waargenomen cijfers in plaats van geplande. Ze volgen wijzigingen in de invoer niet; exporteer opnieuw na een wijziging. Na risicocorrectie.",
    );
    ws.write_string_with_format(1, 0, why, &f.note)
        .map_err(xlsx_err)?;
    ws.insert_note(1, 0, &Note::new(why).set_width(360).set_height(90))
        .map_err(xlsx_err)?;
    let mut headers: Vec<String> = [
        t(lang, "Month", "Maand"),
        t(lang, "Planned costs", "Geplande kosten"),
        t(lang, "Actual costs", "Werkelijke kosten"),
        t(lang, "Planned benefits", "Geplande baten"),
        t(lang, "Actual benefits", "Werkelijke baten"),
        t(lang, "Planned net", "Gepland netto"),
        t(lang, "Actual net", "Werkelijk netto"),
        t(lang, "Planned cumulative", "Gepland cumulatief"),
        t(lang, "Actual cumulative", "Werkelijk cumulatief"),
    ]
    .map(str::to_owned)
    .to_vec();
    for field in crate::model::actuals::FIELDS.iter() {
        headers.push(format!(
            "{} ({})",
            field.label.get(lang),
            t(lang, "observed", "waargenomen")
        ));
    }
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, h, &f.header)
            .map_err(xlsx_err)?;
        ws.set_column_width(c as u16, 14).map_err(xlsx_err)?;
    }
    ws.set_row_height(3, 45).map_err(xlsx_err)?;
    let x =
        |d: rust_decimal::Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(0.0);
    for (i, m) in tr.months.iter().enumerate() {
        let row = 4 + i as u32;
        ws.write_number(row, 0, f64::from(m.month))
            .map_err(xlsx_err)?;
        for (c, v) in [
            m.planned.costs,
            m.actual.costs,
            m.planned.benefits,
            m.actual.benefits,
            m.planned.net,
            m.actual.net,
            m.planned.cumulative_net,
            m.actual.cumulative_net,
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_number_with_format(row, c as u16 + 1, x(v), &f.money)
                .map_err(xlsx_err)?;
        }
        if let Some(a) = case.scenario().actuals.iter().find(|a| a.month == m.month) {
            for (j, field) in crate::model::actuals::FIELDS.iter().enumerate() {
                if let Some(v) = a.get(field) {
                    ws.write_number(row, 9 + j as u16, x(v)).map_err(xlsx_err)?;
                }
            }
        }
    }
    ws.set_freeze_panes(4, 1).map_err(xlsx_err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn templates_refer_to_this_row_the_row_before_and_the_first() {
        let letters = |key: &str| match key {
            "net" => Some("C".to_owned()),
            "cum" => Some("D".to_owned()),
            _ => None,
        };
        assert_eq!(expand("{cum-}+{net}", 4, 4, &letters), "0+C5");
        assert_eq!(expand("{cum-}+{net}", 6, 4, &letters), "D6+C7");
        assert_eq!(
            expand("COUNT({net@first}:{net})*{m}", 6, 4, &letters),
            "COUNT(C$5:C7)*$A7"
        );
    }
}
