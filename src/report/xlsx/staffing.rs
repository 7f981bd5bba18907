//! Staffing by service level as formulas: the Erlang C search on a helper sheet, the three
//! headcount paths (without the initiatives, with them, and with them at the baseline's
//! attrition) and what they give the lines and the KPIs, as the engine computes them
//! (`sim::staffing`).
//!
//! The helper sheet "Erlang" holds, for each month, the service level of a run of candidate
//! agent counts from the first above the traffic: `1 − C·e^(−(n − A)·t / aht)`, with Erlang C
//! from Poisson terms, `C = P(n) / (P(n) + (1 − A/n)·Q(n − 1))` (`P` the Poisson probability,
//! `Q` the cumulative one, both at mean `A`). The agents needed are the first candidate plus
//! the number that fall short (service level rises with every agent).

use rust_xlsxwriter::{Formula, Worksheet};

use crate::i18n::t;
use crate::model::{HeadcountPolicy, Lang};
use crate::report::{Case, ReportError};

use super::formula::check;
use super::{Formats, HEADER_ROW, column_letters};

/// The policy's word in the Inputs sheet's cell.
pub(super) fn policy_word(policy: HeadcountPolicy, lang: Lang) -> &'static str {
    match policy {
        HeadcountPolicy::KeepHeadcount => t(lang, "keep", "houden"),
        HeadcountPolicy::ShrinkThroughAttrition => t(lang, "attrition", "verloop"),
        HeadcountPolicy::ShrinkWithRedundancies => t(lang, "redundancies", "ontslag"),
    }
}

/// The helper sheet's name.
pub(super) fn erlang_sheet(lang: Lang) -> &'static str {
    t(lang, "Erlang", "Erlang")
}

/// How many candidate agent counts each month's search looks at: enough for this scenario's
/// largest team (square-root staffing puts the answer within a few √agents of the traffic),
/// with room for inputs changed in the sheet.
pub(super) fn candidates(case: &Case) -> u16 {
    let p = &case.projection;
    let s = case.scenario();
    let b = &s.baseline;
    let f =
        |d: rust_decimal::Decimal| rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(0.0);
    let per_agent = f(b.opening_hours_monthly)
        / (f(b.paid_hours_per_fte_monthly) * (1.0 - f(b.shrinkage_pct) / 100.0)).max(1e-9);
    let most = p
        .staffing_kpis
        .iter()
        .chain(&p.baseline_staffing_kpis)
        .map(|k| f(k.agents_required_fte) / per_agent.max(1e-9))
        .fold(0.0, f64::max);
    (4.0 * most.sqrt() + 12.0).ceil().clamp(12.0, 600.0) as u16
}

/// The Erlang C service level of `n` agents on traffic `a` with handle time `aht` seconds
/// (formula text).
fn service_level(n: &str, a: &str, aht: &str) -> String {
    format!(
        "IF({a}<=0,1,IF({n}<={a},0,1-POISSON.DIST({n},{a},FALSE)/(POISSON.DIST({n},{a},FALSE)+(1-{a}/{n})*POISSON.DIST({n}-1,{a},TRUE))*EXP(-({n}-{a})*baseline_service_level_seconds/({aht}))))"
    )
}

/// The Erlang C average speed of answer in seconds (capped at an hour, as the engine).
fn speed_of_answer(n: &str, a: &str, aht: &str) -> String {
    format!(
        "IF({a}<=0,0,IF({n}<={a},3600,MIN(3600,POISSON.DIST({n},{a},FALSE)/(POISSON.DIST({n},{a},FALSE)+(1-{a}/{n})*POISSON.DIST({n}-1,{a},TRUE))*({aht})/({n}-{a}))))"
    )
}

/// A column: key, heading, formula template (see `formula::expand`).
pub(super) type StaffColumn = (String, String, String);

/// The columns of staffing by service level, after the flows: traffic and agents for both
/// workloads, the three paths, each initiative's share of the freed workload, and what the
/// paths save and cost. `k` is the number of candidates on the Erlang sheet per workload.
pub(super) fn columns(lang: Lang, k: u16) -> Vec<StaffColumn> {
    let sheet = erlang_sheet(lang);
    // The Erlang sheet: scenario candidates in columns B.., the baseline's after a gap.
    let (s_from, s_to) = (column_letters(1), column_letters(k));
    let (b_from, b_to) = (column_letters(k + 2), column_letters(2 * k + 1));
    let agents = |erl: &str, from: &str, to: &str| {
        format!(
            "IF({{{erl}}}<=0,0,INT({{{erl}}})+1+COUNTIF('{sheet}'!${from}{{r}}:${to}{{r}},\"<\"&baseline_service_level_pct/100))"
        )
    };
    let keep = policy_word(HeadcountPolicy::KeepHeadcount, lang);
    let redundancies = policy_word(HeadcountPolicy::ShrinkWithRedundancies, lang);
    let mut c: Vec<StaffColumn> = [
        (
            "s_erl",
            t(lang, "Traffic with (Erlangs)", "Verkeer met (erlang)"),
            "{agent}*{g}*{aht}/(baseline_opening_hours_monthly*60)".to_owned(),
        ),
        (
            "s_n",
            t(lang, "Agents on the line with", "Agents aan de lijn met"),
            agents("s_erl", &s_from, &s_to),
        ),
        (
            "s_req",
            t(lang, "Required FTE with", "Benodigde fte met"),
            "{s_n}*k_fte_per_agent".to_owned(),
        ),
        (
            "b_erl",
            t(lang, "Traffic without (Erlangs)", "Verkeer zonder (erlang)"),
            "baseline_contacts_per_month*{g}*k_aht0/(baseline_opening_hours_monthly*60)".to_owned(),
        ),
        (
            "b_n",
            t(
                lang,
                "Agents on the line without",
                "Agents aan de lijn zonder",
            ),
            agents("b_erl", &b_from, &b_to),
        ),
        (
            "b_req",
            t(lang, "Required FTE without", "Benodigde fte zonder"),
            "{b_n}*k_fte_per_agent".to_owned(),
        ),
    ]
    .into_iter()
    .map(|(k, h, f)| (k.to_owned(), h.to_owned(), f))
    .collect();
    // The paths: b without the initiatives, s with them, p with them at the baseline's
    // attrition (what sets training's lower attrition apart).
    for (x, req, attrition, name) in [
        (
            "b",
            "b_req",
            "k_attr_month".to_owned(),
            t(lang, "without", "zonder"),
        ),
        (
            "s",
            "s_req",
            "k_attr_month*(1-{a_train}*training_attrition_reduction_pct/100)".to_owned(),
            t(lang, "with", "met"),
        ),
        (
            "p",
            "s_req",
            "k_attr_month".to_owned(),
            t(lang, "with, plain attrition", "met, gewoon verloop"),
        ),
    ] {
        let head = |what: &str| format!("{what} ({name})");
        c.extend([
            (
                format!("{x}_start"),
                head(t(lang, "Paid FTE at the start", "Betaalde fte bij begin")),
                format!("IF({{m}}=1,baseline_agents_fte,{{{x}_paid-}})"),
            ),
            (
                format!("{x}_leavers"),
                head(t(lang, "Leavers", "Vertrekkers")),
                format!("{{{x}_start}}*{attrition}"),
            ),
            (
                format!("{x}_due"),
                head(t(lang, "Leaving after notice", "Vertrek na opzegging")),
                format!(
                    "IF(staffing_notice_months=0,0,IF({{m}}>staffing_notice_months,MIN(INDEX({{{x}_told@all}},{{m}}-staffing_notice_months),MAX(0,{{{x}_start}}-{{{x}_leavers}}-{{{req}}})),0))"
                ),
            ),
            (
                format!("{x}_after"),
                head(t(lang, "Paid FTE after leavers", "Betaalde fte na vertrek")),
                format!("MAX(0,{{{x}_start}}-{{{x}_leavers}}-{{{x}_due}})"),
            ),
            (
                format!("{x}_hires"),
                head(t(lang, "Hires", "Aangenomen")),
                format!(
                    "IF(staffing_policy=\"{keep}\",MAX(0,MAX({{{req}}},{{{x}_start}})-{{{x}_after}}),MAX(0,{{{req}}}-{{{x}_after}}))"
                ),
            ),
            (
                format!("{x}_pending"),
                head(t(lang, "Told, not yet gone", "Aangezegd, nog niet weg")),
                format!(
                    "IF(staffing_notice_months=0,0,{{{x}_cum-}}-IF({{m}}-staffing_notice_months>=1,INDEX({{{x}_cum@all}},{{m}}-staffing_notice_months),0))"
                ),
            ),
            (
                format!("{x}_told"),
                head(t(lang, "Told to go", "Aangezegd")),
                format!(
                    "IF(AND(staffing_policy=\"{redundancies}\",{{m}}>=staffing_redundancies_from_month),MAX(0,{{{x}_after}}+{{{x}_hires}}-{{{x}_pending}}-{{{req}}}),0)"
                ),
            ),
            (
                format!("{x}_cum"),
                head(t(lang, "Told so far", "Aangezegd tot nu")),
                format!("{{{x}_cum-}}+{{{x}_told}}"),
            ),
            (
                format!("{x}_paid"),
                head(t(lang, "Paid FTE", "Betaalde fte")),
                format!(
                    "{{{x}_after}}+{{{x}_hires}}-IF(staffing_notice_months=0,{{{x}_told}},0)"
                ),
            ),
            (
                format!("{x}_letgo"),
                head(t(lang, "Let go", "Ontslagen")),
                format!("{{{x}_due}}+IF(staffing_notice_months=0,{{{x}_told}},0)"),
            ),
            (
                format!("{x}_payroll"),
                head(t(lang, "Payroll", "Loonkosten")),
                format!(
                    "{{{x}_paid}}*baseline_paid_hours_per_fte_monthly*baseline_agent_cost_per_paid_hour*{{i}}"
                ),
            ),
            (
                format!("{x}_people"),
                head(t(lang, "Payroll and hiring", "Loonkosten en werving")),
                format!("{{{x}_payroll}}+{{{x}_hires}}*baseline_replacement_cost_per_agent"),
            ),
            (
                format!("{x}_sev"),
                head(t(lang, "Severance", "Ontslagvergoeding")),
                format!("{{{x}_letgo}}*staffing_severance_per_fte"),
            ),
        ]);
    }
    c.extend(
        [
        (
            "s_trained",
            t(lang, "Trained FTE", "Opgeleide fte"),
            "IF(training_enabled,MAX(0,IF({m}=training_start_month,{s_start},{s_trained-})*IF({s_start}=0,1,({s_start}-{s_leavers}-{s_letgo})/{s_start}))+IF(AND(staffing_train_new_hires,IF({m}=training_start_month,{s_start},{s_trained-})>0),{s_hires},0),0)".to_owned(),
        ),
        (
            "sh_bot",
            t(lang, "Chatbot share of the freed workload", "Aandeel chatbot in vrijgekomen werk"),
            "IF({min_bot}+{min_omni}+{min_train}<>0,{min_bot}/({min_bot}+{min_omni}+{min_train}),IF(training_enabled,0,IF(chatbot_enabled,1,0)))".to_owned(),
        ),
        (
            "sh_omni",
            t(lang, "Omnichannel share of the freed workload", "Aandeel omnichannel in vrijgekomen werk"),
            "IF({min_bot}+{min_omni}+{min_train}<>0,{min_omni}/({min_bot}+{min_omni}+{min_train}),IF(training_enabled,0,IF(chatbot_enabled,0,IF(omnichannel_enabled,1,0))))".to_owned(),
        ),
        (
            "sh_train",
            t(lang, "Training share of the freed workload", "Aandeel training in vrijgekomen werk"),
            "IF({min_bot}+{min_omni}+{min_train}<>0,1-{sh_bot}-{sh_omni},IF(training_enabled,1,0))".to_owned(),
        ),
        (
            "pp_saving",
            t(lang, "People costs saved by the workload", "Personeelskosten bespaard door de werklast"),
            "{b_people}-{p_people}".to_owned(),
        ),
        (
            "pp_sev",
            t(lang, "Severance beyond the baseline", "Ontslagvergoeding boven de basis"),
            "{p_sev}-{b_sev}".to_owned(),
        ),
        (
            "pp_attr",
            t(lang, "People costs saved by lower attrition", "Personeelskosten bespaard door minder verloop"),
            "{p_people}-{s_people}".to_owned(),
        ),
        (
            "pp_attr_sev",
            t(lang, "Severance from lower attrition", "Ontslagvergoeding door minder verloop"),
            "{s_sev}-{p_sev}".to_owned(),
        ),
    ]
        .into_iter()
        .map(|(k, h, f)| (k.to_owned(), h.to_owned(), f)),
    );
    // How the staff paid answer: interpolated between the whole numbers of agents on the line.
    for (x, erl, aht) in [("s", "s_erl", "{aht}*60"), ("b", "b_erl", "k_aht0*60")] {
        let on = format!("({{{x}_paid}}/k_fte_per_agent)");
        let lo = format!("INT({on})");
        let hi = format!("(INT({on})+1)");
        let a = format!("{{{erl}}}");
        let frac = format!("({on}-INT({on}))");
        c.extend([
            (
                format!("{x}_sl"),
                head_of(
                    x,
                    t(lang, "Answered in time (%)", "Op tijd beantwoord (%)"),
                    lang,
                ),
                format!(
                    "100*({lo_sl}+({hi_sl}-{lo_sl})*{frac})",
                    lo_sl = service_level(&lo, &a, aht),
                    hi_sl = service_level(&hi, &a, aht)
                ),
            ),
            (
                format!("{x}_asa"),
                head_of(x, t(lang, "Speed of answer (s)", "Wachttijd (s)"), lang),
                format!(
                    "{lo_asa}+({hi_asa}-{lo_asa})*{frac}",
                    lo_asa = speed_of_answer(&lo, &a, aht),
                    hi_asa = speed_of_answer(&hi, &a, aht)
                ),
            ),
            (
                format!("{x}_occ"),
                head_of(
                    x,
                    t(
                        lang,
                        "Occupancy on the line (%)",
                        "Bezetting aan de lijn (%)",
                    ),
                    lang,
                ),
                format!("100*IF({on}<=0,IF({a}<=0,0,1),MIN(1,{a}/{on}))"),
            ),
        ]);
    }
    c
}

fn head_of(x: &str, what: &str, lang: Lang) -> String {
    let side = if x == "s" {
        t(lang, "with", "met")
    } else {
        t(lang, "without", "zonder")
    };
    format!("{what} ({side})")
}

/// The share of paid agents trained, for the training adoption (the month of the course: all).
pub(super) fn trained_share() -> &'static str {
    "IF({m}<training_start_month,0,IF({m}=training_start_month,1,IF({s_paid-}=0,0,MIN(1,{s_trained-}/{s_paid-}))))"
}

/// Writes the Erlang helper sheet: each month's candidate service levels for both workloads.
pub(super) fn write_erlang(
    ws: &mut Worksheet,
    case: &Case,
    lang: Lang,
    f: &Formats,
    projection: &str,
    letter: &dyn Fn(&str) -> Option<String>,
    k: u16,
) -> Result<(), ReportError> {
    ws.write_string_with_format(
        0,
        0,
        t(
            lang,
            "Erlang C: the service level of each candidate number of agents on the line, month by month",
            "Erlang C: het servicelevel van elk kandidaat-aantal agents aan de lijn, maand voor maand",
        ),
        &f.title,
    )?;
    ws.write_string_with_format(
        1,
        0,
        t(
            lang,
            "Candidates run from the first whole number above the traffic; the Projection sheet counts those below the target. Left: with the initiatives; right: without.",
            "Kandidaten lopen vanaf het eerste gehele getal boven het verkeer; het blad Projectie telt wie onder het doel blijft. Links: met de initiatieven; rechts: zonder.",
        ),
        &f.note,
    )?;
    let missing =
        |key: &str| ReportError::Formula(format!("no column {key:?} for the Erlang sheet"));
    let (s_erl, b_erl, aht) = (
        letter("s_erl").ok_or_else(|| missing("s_erl"))?,
        letter("b_erl").ok_or_else(|| missing("b_erl"))?,
        letter("aht").ok_or_else(|| missing("aht"))?,
    );
    ws.write_string_with_format(HEADER_ROW, 0, t(lang, "Month", "Maand"), &f.header)?;
    for j in 0..k {
        ws.write_number_with_format(HEADER_ROW, 1 + j, f64::from(j), &f.header)?;
        ws.write_number_with_format(HEADER_ROW, k + 2 + j, f64::from(j), &f.header)?;
    }
    for month in 1..=case.horizon() {
        let row = HEADER_ROW + month;
        let r = row + 1;
        ws.write_number(row, 0, f64::from(month))?;
        for (offset, erl, aht) in [
            (1u16, &s_erl, format!("'{projection}'!${aht}${r}*60")),
            (k + 2, &b_erl, "k_aht0*60".to_owned()),
        ] {
            let a = format!("'{projection}'!${erl}${r}");
            for j in 0..k {
                let n = format!("(INT({a})+1+{j})");
                let formula = service_level(&n, &a, &aht);
                check(&formula)?;
                ws.write_formula_with_format(
                    row,
                    offset + j,
                    Formula::new(format!("={formula}")),
                    &f.number,
                )?;
            }
        }
    }
    Ok(())
}
