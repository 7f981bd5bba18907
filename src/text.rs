//! Words for the engine's findings, in both languages: the warnings of a projection as the
//! command line, the JSON, the window and the report show them.

use rust_decimal::Decimal;

use crate::format;
use crate::model::Lang;
use crate::sim::{Figure, LineId, LineRef, Overflow, Warning};

use crate::i18n::t;

/// A number with at most one decimal, in the language's marks.
fn one(d: Decimal, lang: Lang) -> String {
    let r = format::round(d, 1).normalize();
    format::number(r, r.scale(), lang)
}

/// The warning in words for the command line and the JSON, starting with the path of the
/// input it is about (`baseline.agents_fte: …`), as `check` names inputs.
pub fn warning(w: &Warning, lang: Lang) -> String {
    let at = w.path().map(|p| format!("{p}: ")).unwrap_or_default();
    format!("{at}{}", warning_body(w, lang))
}

/// The warning as a sentence for a reader (the window, presentation mode, the report): the
/// input named by its label in `lang` ("Agents: 40 FTE entered, …."), never by its path.
pub fn warning_sentence(w: &Warning, lang: Lang) -> String {
    let subject = w.path().and_then(|p| {
        if p == "actuals" {
            return Some(t(lang, "Actuals", "Werkelijke cijfers").to_owned());
        }
        let d = crate::model::input_by_path(&p)?;
        Some(match d.group {
            crate::model::Group::Baseline | crate::model::Group::Finance => {
                d.label.get(lang).to_owned()
            }
            g => format!(
                "{} – {}",
                g.title().get(lang),
                d.label.get(lang).to_lowercase()
            ),
        })
    });
    let body = warning_body(w, lang);
    let text = match subject {
        Some(s) => format!("{s}: {body}"),
        None => body,
    };
    let mut chars = text.chars();
    let mut sentence: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !sentence.ends_with('.') {
        sentence.push('.');
    }
    sentence
}

fn warning_body(w: &Warning, lang: Lang) -> String {
    match w {
        Warning::CustomLineAfterHorizon {
            name,
            first,
            last,
            horizon,
            ..
        } => {
            if first > horizon {
                match lang {
                    Lang::En => format!(
                        "“{name}” falls in month {first}{}, after the {horizon}-month horizon; it is not counted",
                        if last > first { format!(" to {last}") } else { String::new() }
                    ),
                    Lang::Nl => format!(
                        "“{name}” valt in maand {first}{}, na de horizon van {horizon} maanden; de post telt niet mee",
                        if last > first { format!(" tot {last}") } else { String::new() }
                    ),
                }
            } else {
                match lang {
                    Lang::En => format!(
                        "“{name}” runs to month {last}, after the {horizon}-month horizon; months {} to {last} are not counted",
                        horizon + 1
                    ),
                    Lang::Nl => format!(
                        "“{name}” loopt tot maand {last}, na de horizon van {horizon} maanden; maand {} tot en met {last} telt niet mee",
                        horizon + 1
                    ),
                }
            }
        }
        Warning::StartsAfterHorizon {
            initiative,
            start_month,
            horizon,
        } => match lang {
            Lang::En => format!(
                "{} starts in month {start_month}, after the {horizon}-month horizon; none of its costs or benefits are counted",
                initiative.title().en
            ),
            Lang::Nl => format!(
                "{} start in maand {start_month}, na de horizon van {horizon} maanden; geen van de kosten of baten telt mee",
                initiative.title().nl
            ),
        },
        Warning::GoesLiveAfterHorizon {
            initiative,
            go_live,
            horizon,
        } => match lang {
            Lang::En => format!(
                "{} goes live in month {go_live}, after the {horizon}-month horizon; its costs are counted but none of its benefits",
                initiative.title().en
            ),
            Lang::Nl => format!(
                "{} gaat live in maand {go_live}, na de horizon van {horizon} maanden; de kosten tellen mee, de baten niet",
                initiative.title().nl
            ),
        },
        Warning::IrrSeveral { count, rates } => match lang {
            Lang::En => format!(
                "IRR: the NPV is zero at {count} rates ({}), so none of them is the IRR; judge by NPV and MIRR",
                irr_rates(*count, rates, lang)
            ),
            Lang::Nl => format!(
                "IRR: de NCW is nul bij {count} rentes ({}), dus geen ervan is de IRR; oordeel op NCW en MIRR",
                irr_rates(*count, rates, lang)
            ),
        },
        Warning::IrrNoRoot => t(
            lang,
            "IRR: no rate makes the NPV zero although the monthly net changes sign; judge by NPV and MIRR",
            "IRR: geen rente maakt de NCW nul, al wisselt het netto per maand van teken; oordeel op NCW en MIRR",
        )
        .to_owned(),
        Warning::IrrTooLarge => t(
            lang,
            "IRR: far above 1000% a year, too large to show as a number; payback is the clearer figure",
            "IRR: ver boven 1000% per jaar, te groot om als getal te tonen; de terugverdientijd is het duidelijkere cijfer",
        )
        .to_owned(),
        Warning::BreakEvenLost { break_even, month } => match lang {
            Lang::En => format!(
                "break-even: the cumulative net reaches zero in month {break_even} but falls below zero again in month {month}; break-even is reported as the first crossing"
            ),
            Lang::Nl => format!(
                "break-even: het cumulatieve netto resultaat bereikt nul in maand {break_even} maar zakt in maand {month} weer onder nul; als break-even geldt de eerste keer"
            ),
        },
        Warning::Headcount {
            entered,
            implied,
            by_service_level,
        } => {
            let apart = if entered.is_zero() {
                String::new()
            } else {
                let pct = (*implied - *entered).abs() / *entered * Decimal::ONE_HUNDRED;
                format!(" ({}% {})", format::number(pct, 0, lang), t(lang, "apart", "verschil"))
            };
            // How the workload was sized, and the inputs that size it.
            let (how, inputs) = match (by_service_level, lang) {
                (true, Lang::En) => (
                    "Erlang C for the service-level target, with shrinkage",
                    "contacts, handle time, opening hours or shrinkage",
                ),
                (true, Lang::Nl) => (
                    "Erlang C voor het servicelevel-doel, met shrinkage",
                    "de contacten, de afhandeltijd, de openingsuren of de shrinkage",
                ),
                (false, Lang::En) => (
                    "contacts × handle time / occupancy / hours per FTE",
                    "handle time, occupancy or hours per FTE",
                ),
                (false, Lang::Nl) => (
                    "contacten × afhandeltijd / bezetting / uren per fte",
                    "de afhandeltijd, de bezetting of de uren per fte",
                ),
            };
            let (entered, implied) = (one(*entered, lang), one(*implied, lang));
            match lang {
                Lang::En => format!(
                    "{entered} FTE entered, but the workload ({how}) needs {implied} FTE{apart}; check the headcount, {inputs}"
                ),
                Lang::Nl => format!(
                    "{entered} fte ingevoerd, maar de werklast ({how}) vraagt {implied} fte{apart}; controleer het aantal agents, {inputs}"
                ),
            }
        }
        Warning::BotMinutesAboveAverage { bot, average } => match lang {
            Lang::En => format!(
                "{} min saved per bot resolution is more than the {} min average handle time; the bot usually takes the shorter, routine contacts",
                one(*bot, lang),
                one(*average, lang)
            ),
            Lang::Nl => format!(
                "{} min bespaard per botoplossing is meer dan de gemiddelde afhandeltijd van {} min; de bot neemt meestal de kortere routinecontacten",
                one(*bot, lang),
                one(*average, lang)
            ),
        },
        Warning::ActualsAfterHorizon { months, horizon } => {
            let list = months
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            match lang {
                Lang::En => format!(
                    "month {list} falls after the {horizon}-month horizon; its actuals are not counted"
                ),
                Lang::Nl => format!(
                    "maand {list} valt na de horizon van {horizon} maanden; de werkelijke cijfers tellen niet mee"
                ),
            }
        }
    }
}

/// The labels of the inputs behind an observed figure ([`Field::assumptions`]) that count in
/// `scenario` (their initiative is on), e.g. "Chatbot – Resolution rate".
///
/// [`Field::assumptions`]: crate::model::actuals::Field::assumptions
pub fn assumption_labels(
    field: &crate::model::actuals::Field,
    scenario: &crate::model::Scenario,
    lang: Lang,
) -> Vec<String> {
    field
        .assumptions()
        .iter()
        .filter_map(|p| crate::model::input_by_path(p))
        .filter(|d| d.group.initiative().is_none_or(|i| scenario.is_enabled(i)))
        .map(|d| format!("{} – {}", d.group.title().get(lang), d.label.get(lang)))
        .collect()
}

/// The rates at which an NPV is zero, as a sentence lists them: "−12.4%, 8.1% and 220.5% a
/// year" (and how many more after three).
pub fn irr_rates(count: u32, rates: &[f64; 3], lang: Lang) -> String {
    let shown: Vec<String> = rates
        .iter()
        .filter(|r| r.is_finite())
        .map(|&r| {
            let d = Decimal::from_f64_retain(r).unwrap_or_default();
            format::percent(d, 1, lang)
        })
        .collect();
    let (and, a_year, more) = match lang {
        Lang::En => ("and", "a year", "more"),
        Lang::Nl => ("en", "per jaar", "meer"),
    };
    let list = match shown.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    };
    let extra = count.saturating_sub(shown.len() as u32);
    if extra > 0 {
        format!("{list} {a_year}, and {extra} {more}")
    } else {
        format!("{list} {a_year}")
    }
}

/// An observed value of `field` as people read it: money in whole euros, counts whole (the
/// label says what they count), the rest with the field's decimals and its unit.
pub fn actual_value(field: &crate::model::actuals::Field, value: Decimal, lang: Lang) -> String {
    use crate::model::actuals::Kind;
    match field.kind {
        Kind::Spend => format::money_whole(value, lang),
        // A count reads by itself: "Contacts 21,500".
        Kind::Kpi if field.decimals() == 0 => format::number(value, 0, lang),
        Kind::Kpi => format!(
            "{} {}",
            format::number(value, field.decimals(), lang),
            field.unit.get(lang)
        ),
    }
}

/// A computed line's name in the ledger, the table and exports ("chatbot licence").
pub fn line_title(id: LineId) -> crate::i18n::Text {
    use LineId::*;
    let t = |en, nl| crate::i18n::Text { en, nl };
    match id {
        ChatbotSetup => t("chatbot implementation", "chatbot implementatie"),
        ChatbotHidden => t("chatbot hidden costs", "chatbot verborgen kosten"),
        ChatbotLicence => t("chatbot licence", "chatbot licentie"),
        ChatbotMaintenance => t(
            "chatbot maintenance and content",
            "chatbot onderhoud en content",
        ),
        ChatbotResolutionFees => t(
            "chatbot fees per resolution",
            "chatbot kosten per oplossing",
        ),
        ChatbotDip => t(
            "chatbot go-live productivity dip",
            "chatbot productiedip bij livegang",
        ),
        ChatbotSeverance => t(
            "chatbot share of severance",
            "chatbot deel ontslagvergoedingen",
        ),
        ChatbotAgentTime => t(
            "agent time saved by the chatbot",
            "agenttijd bespaard door de chatbot",
        ),
        ChatbotRetention => t(
            "margin of customers retained by the chatbot",
            "marge van klanten behouden door de chatbot",
        ),
        OmnichannelSetup => t(
            "omnichannel set-up and integration",
            "omnichannel inrichting en koppelingen",
        ),
        OmnichannelHidden => t("omnichannel hidden costs", "omnichannel verborgen kosten"),
        OmnichannelLicence => t(
            "omnichannel seat licences",
            "omnichannel licenties per plek",
        ),
        OmnichannelDip => t(
            "omnichannel go-live productivity dip",
            "omnichannel productiedip bij livegang",
        ),
        OmnichannelSeverance => t(
            "omnichannel share of severance",
            "omnichannel deel ontslagvergoedingen",
        ),
        OmnichannelAgentTime => t(
            "agent time saved by omnichannel",
            "agenttijd bespaard door omnichannel",
        ),
        OmnichannelRetention => t(
            "margin of customers retained by omnichannel",
            "marge van klanten behouden door omnichannel",
        ),
        TrainingCourse => t("training course fees", "training cursuskosten"),
        TrainingTrainers => t("training trainer days", "training trainersdagen"),
        TrainingHoursOff => t("training hours off the phone", "training uren uit de lijn"),
        TrainingHidden => t("training hidden costs", "training verborgen kosten"),
        TrainingRefresher => t(
            "training refresher and coaching",
            "training opfrissen en coaching",
        ),
        TrainingNewHires => t(
            "training course for new hires",
            "training cursus voor nieuwe agents",
        ),
        TrainingSeverance => t(
            "training share of severance",
            "training deel ontslagvergoedingen",
        ),
        TrainingAgentTime => t(
            "agent time saved by training",
            "agenttijd bespaard door training",
        ),
        TrainingReplacements => t(
            "avoided agent replacements",
            "vermeden vervanging van agents",
        ),
        TrainingRetention => t(
            "margin of customers retained by training",
            "marge van klanten behouden door training",
        ),
    }
}

/// A line of a projection by name in `lang`: a computed line's title, a custom line's own name.
pub fn line_name(line: &crate::sim::Line, lang: Lang) -> String {
    match line.id {
        LineRef::Model(id) => line_title(id).get(lang).to_owned(),
        LineRef::Custom(_) => line.custom_name.clone().unwrap_or_default(),
    }
}

/// The stable key of a line of a projection: a computed line's key (`chatbot_licence`), a
/// custom line's path (`custom.lines[0]`).
pub fn line_key(id: LineRef) -> String {
    match id {
        LineRef::Model(id) => id.key().to_owned(),
        LineRef::Custom(i) => format!("custom.lines[{i}]"),
    }
}

impl std::fmt::Display for Overflow {
    /// In English: errors reach the command line and the logs, not a client's report.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.figure {
            Figure::Line(LineRef::Model(id)) => line_title(id).en.to_owned(),
            Figure::Line(LineRef::Custom(i)) => format!("custom line {}", i + 1),
            Figure::MonthTotal => "the month's total".to_owned(),
            Figure::MonthlyTotals => "the monthly totals".to_owned(),
            Figure::Summary => "the summary".to_owned(),
            Figure::StandAlone => "a stand-alone summary".to_owned(),
            Figure::Marginal => "a marginal contribution".to_owned(),
            Figure::Kpis => "the operational figures".to_owned(),
            Figure::RiskFactor => "a risk factor".to_owned(),
            Figure::Gap => "the gap to plan".to_owned(),
        };
        write!(
            f,
            "{what} in month {} is too large to compute exactly (above 79 228 162 514 264 337 593 543 950 335); lower the amounts or counts it is built from",
            self.month
        )
    }
}

/// A staffing model's name, as the editor and the report show it.
pub fn staffing_model_name(model: crate::model::StaffingModel, lang: Lang) -> &'static str {
    use crate::model::StaffingModel::*;
    match model {
        Simplified => t(lang, "Simplified staffing", "Vereenvoudigde bezetting"),
        ServiceLevel => t(
            lang,
            "Staffing by service level",
            "Bezetting naar servicelevel",
        ),
    }
}

/// A headcount policy's name.
pub fn headcount_policy_name(policy: crate::model::HeadcountPolicy, lang: Lang) -> &'static str {
    use crate::model::HeadcountPolicy::*;
    match policy {
        KeepHeadcount => t(lang, "Keep headcount", "Aantal agents houden"),
        ShrinkThroughAttrition => t(lang, "Shrink through attrition", "Krimpen via verloop"),
        ShrinkWithRedundancies => t(
            lang,
            "Shrink with redundancies",
            "Krimpen met gedwongen vertrek",
        ),
    }
}

/// What a staffing model means, in a sentence (the editor's hover and the report's note).
pub fn staffing_model_meaning(model: crate::model::StaffingModel, lang: Lang) -> &'static str {
    use crate::model::StaffingModel::*;
    match model {
        Simplified => t(
            lang,
            "Simplified staffing (older files): agent hours = contacts × handle time / occupancy, and freed minutes count as money the month they are freed, times the realisation share.",
            "Vereenvoudigde bezetting (oudere bestanden): agenturen = contacten × afhandeltijd / bezettingsgraad, en vrijgekomen minuten tellen als geld in de maand dat ze vrijkomen, maal het realisatiedeel.",
        ),
        ServiceLevel => t(
            lang,
            "Agents on the line by Erlang C for the service-level target, paid FTE through shrinkage; the team moves only as people leave, are hired or let go, and the saving is the payroll difference against the same policy without the initiatives.",
            "Agents aan de lijn volgens Erlang C voor het servicelevel-doel, betaalde fte via shrinkage; het team verandert alleen doordat mensen vertrekken, worden aangenomen of ontslagen, en de besparing is het verschil in loonkosten met hetzelfde beleid zonder de initiatieven.",
        ),
    }
}

/// What a headcount policy does, in a sentence.
pub fn headcount_policy_meaning(policy: crate::model::HeadcountPolicy, lang: Lang) -> &'static str {
    use crate::model::HeadcountPolicy::*;
    match policy {
        KeepHeadcount => t(
            lang,
            "Every leaver is replaced: the payroll stays and the service level improves instead.",
            "Elke vertrekker wordt vervangen: de loonkosten blijven en het servicelevel verbetert.",
        ),
        ShrinkThroughAttrition => t(
            lang,
            "Leavers are not replaced until the team meets what the workload needs.",
            "Vertrekkers worden niet vervangen tot het team past bij wat de werklast vraagt.",
        ),
        ShrinkWithRedundancies => t(
            lang,
            "As through attrition; from the month set, agents no longer needed are let go after their notice, at the severance cost.",
            "Als via verloop; vanaf de gekozen maand vertrekken agents die niet meer nodig zijn na hun opzegtermijn, tegen de ontslagvergoeding.",
        ),
    }
}
