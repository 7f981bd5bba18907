//! The headline cards: ROI, net benefit, break-even, payback, NPV and IRR, risk-adjusted with
//! the unadjusted figure beside (or the other way round), each with its formula and the
//! numbers filled in for the hover text.

use rust_decimal::Decimal;

use crate::format;
use crate::i18n::t;
use crate::model::Lang;
use crate::sim::metrics::monthly_rate;
use crate::sim::number::Exact;
use crate::sim::{Figures, IrrNote, Projection, Summary};

/// The IRR above which the card shows "> 1000%" instead of the number, in percent a year.
pub const IRR_SHOWN_MAX_PCT: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// One card's texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The title.
    pub title: &'static str,
    /// The main figure.
    pub value: String,
    /// Whether the main figure is good news (green) or bad (red); none: neutral.
    pub good: Option<bool>,
    /// The other variant's figure.
    pub other: String,
    /// The formula with the numbers filled in.
    pub formula: String,
}

fn money(d: Decimal, lang: Lang) -> String {
    format::money_whole(d, lang)
}

fn pct(d: Option<Decimal>, lang: Lang) -> String {
    d.map_or_else(|| "–".to_owned(), |d| format::percent(d, 1, lang))
}

/// A break-even month: "Month 7", "Not within 18 months", or "–" when nothing happens.
pub fn month_text(s: &Summary<Decimal>, horizon: u32, lang: Lang) -> String {
    match (s.break_even_month, s.first_active_month) {
        (Some(m), _) => format!("{} {m}", t(lang, "Month", "Maand")),
        (None, None) => "–".to_owned(),
        (None, Some(_)) => format!(
            "{} {horizon} {}",
            t(lang, "Not within", "Niet binnen"),
            t(lang, "months", "maanden")
        ),
    }
}

fn months_text(d: Option<Decimal>, lang: Lang) -> String {
    d.map_or_else(
        || "–".to_owned(),
        |d| {
            format!(
                "{} {}",
                format::months(d, lang),
                t(lang, "months", "maanden")
            )
        },
    )
}

/// The IRR as a card shows it: the percentage, "> 1000%" above that, or "–".
pub fn irr_text(s: &Summary<Decimal>, lang: Lang) -> String {
    match (s.irr_annual_pct, s.irr_note) {
        (Some(irr), _) if irr > IRR_SHOWN_MAX_PCT => format!("> {IRR_SHOWN_MAX_PCT}%"),
        (None, Some(IrrNote::TooLarge)) => format!("> {IRR_SHOWN_MAX_PCT}%"),
        (irr, _) => pct(irr, lang),
    }
}

/// The six cards for a projection, `risk_adjusted` deciding which variant is the main figure.
pub fn cards(p: &Projection, risk_adjusted: bool, lang: Lang) -> Vec<Card> {
    let main = p.figures(risk_adjusted);
    let other = p.figures(!risk_adjusted);
    let (s, o) = (&main.summary, &other.summary);
    let other_label = if !p.has_risk_adjustment() {
        t(lang, "no risk adjustment", "geen risicocorrectie")
    } else if risk_adjusted {
        t(lang, "unadjusted", "ongecorrigeerd")
    } else {
        t(lang, "risk-adjusted", "gecorrigeerd")
    };
    let beside = |text: String| {
        if p.has_risk_adjustment() {
            format!("{other_label}: {text}")
        } else {
            other_label.to_owned()
        }
    };
    let horizon = p.horizon_months;
    vec![
        Card {
            title: "ROI",
            value: pct(s.roi_pct, lang),
            good: s.roi_pct.map(|r| r >= Decimal::ZERO),
            other: format!(
                "{} {} · {}",
                t(lang, "on present values", "op contante waarden"),
                pct(s.roi_pv_pct, lang),
                beside(pct(o.roi_pct, lang))
            ),
            formula: format!(
                "ROI = ({b} − {c}) / {c}\n    = ({bv} − {cv}) / {cv} = {r}\n{pv_title} = ({pb} − {pc}) / {pc} = {rpv}",
                b = t(lang, "benefits", "baten"),
                c = t(lang, "costs", "kosten"),
                bv = money(s.total_benefits, lang),
                cv = money(s.total_costs, lang),
                r = pct(s.roi_pct, lang),
                pv_title = t(lang, "ROI on present values", "ROI op contante waarden"),
                pb = t(lang, "PV of benefits", "CW van de baten"),
                pc = t(lang, "PV of costs", "CW van de kosten"),
                rpv = pct(s.roi_pv_pct, lang),
            ),
        },
        Card {
            title: t(lang, "Net benefit", "Netto opbrengst"),
            value: money(s.net_benefit, lang),
            good: Some(s.net_benefit >= Decimal::ZERO),
            other: beside(money(o.net_benefit, lang)),
            formula: net_benefit_formula(p, s, risk_adjusted, lang),
        },
        Card {
            title: t(lang, "Break-even", "Break-even"),
            value: month_text(s, horizon, lang),
            good: s.first_active_month.map(|_| s.break_even_month.is_some()),
            other: beside(month_text(o, horizon, lang)),
            formula: break_even_formula(main, horizon, lang),
        },
        Card {
            title: t(lang, "Payback", "Terugverdientijd"),
            value: months_text(s.payback_months, lang),
            good: None,
            other: beside(months_text(o.payback_months, lang)),
            formula: payback_formula(main, lang),
        },
        Card {
            title: t(lang, "NPV", "NCW"),
            value: money(s.npv, lang),
            good: Some(s.npv >= Decimal::ZERO),
            other: beside(money(o.npv, lang)),
            formula: {
                let monthly = monthly_rate(Exact::from(s.discount_rate_annual_pct))
                    .get()
                    .unwrap_or_default()
                    * Decimal::ONE_HUNDRED;
                format!(
                    "{} = {}\ni = (1 + {})^(1/12) − 1 = {} {}\n{} = {}",
                    t(lang, "NPV", "NCW"),
                    t(
                        lang,
                        "the sum over the months of net(m) / (1 + i)^m",
                        "de som over de maanden van netto(m) / (1 + i)^m"
                    ),
                    format::percent(s.discount_rate_annual_pct, 1, lang),
                    format::percent(monthly, 3, lang),
                    t(lang, "a month", "per maand"),
                    t(lang, "NPV", "NCW"),
                    money(s.npv, lang),
                )
            },
        },
        Card {
            title: t(lang, "IRR", "IRR"),
            value: irr_text(s, lang),
            good: s.irr_annual_pct.map(|r| r >= s.discount_rate_annual_pct),
            other: format!(
                "MIRR {} · {}",
                pct(s.mirr_annual_pct, lang),
                beside(irr_text(o, lang))
            ),
            formula: format!("{}\n\n{}", irr_formula(s, lang), mirr_formula(s, lang)),
        },
    ]
}

fn net_benefit_formula(
    p: &Projection,
    s: &Summary<Decimal>,
    risk_adjusted: bool,
    lang: Lang,
) -> String {
    let savings = s.total_benefits - s.total_revenue;
    let mut text = format!(
        "{} = {} − {}\n    = {} − {} = {}\n{} {} {}",
        t(lang, "Net benefit", "Netto opbrengst"),
        t(lang, "benefits", "baten"),
        t(lang, "costs", "kosten"),
        money(s.total_benefits, lang),
        money(s.total_costs, lang),
        money(s.net_benefit, lang),
        t(lang, "over", "over"),
        p.horizon_months,
        t(lang, "months", "maanden"),
    );
    text += &format!(
        "\n\n{}: {} {} + {} {}",
        t(lang, "Benefits", "Baten"),
        money(savings, lang),
        t(lang, "savings", "besparingen"),
        money(s.total_revenue, lang),
        t(
            lang,
            "revenue (retained margin, revenue lines)",
            "omzet (behouden marge, omzetposten)"
        ),
    );
    if risk_adjusted && p.has_risk_adjustment() {
        let cut = |factor: Decimal| (Decimal::ONE - factor) * Decimal::ONE_HUNDRED;
        text += &format!(
            "\n{}: {} −{}, {} −{}, {} +{}",
            t(lang, "Risk adjustment", "Risicocorrectie"),
            t(lang, "savings", "besparingen"),
            format::percent(cut(p.benefit_factor), 0, lang),
            t(lang, "revenue", "omzet"),
            format::percent(cut(p.revenue_factor), 0, lang),
            t(lang, "costs", "kosten"),
            format::percent(-cut(p.cost_factor), 0, lang),
        );
    }
    text
}

fn break_even_formula(f: &Figures, horizon: u32, lang: Lang) -> String {
    let head = t(
        lang,
        "First month whose cumulative net is ≥ 0 (from the first month with any cost or benefit).",
        "Eerste maand waarin het cumulatieve netto resultaat ≥ 0 is (vanaf de eerste maand met kosten of baten).",
    );
    let cumulative = |m: u32| f.months.get(m as usize - 1).map(|x| x.cumulative_net);
    let line = |m: u32, c: Decimal| {
        format!(
            "{} {m}: {}",
            t(lang, "Cumulative in month", "Cumulatief in maand"),
            money(c, lang)
        )
    };
    let s = &f.summary;
    let mut text = match (s.break_even_month, s.first_active_month) {
        (_, None) => format!(
            "{head}\n{}",
            t(
                lang,
                "Nothing happens within the horizon: no cost, no benefit.",
                "Binnen de horizon gebeurt niets: geen kosten, geen baten."
            )
        ),
        (Some(m), _) => {
            let mut text = format!("{head}\n");
            if m > 1
                && let Some(b) = cumulative(m - 1)
            {
                text += &line(m - 1, b);
                text.push('\n');
            }
            if let Some(c) = cumulative(m) {
                text += &line(m, c);
            }
            text
        }
        (None, Some(_)) => format!(
            "{head}\n{}",
            cumulative(horizon).map_or_else(String::new, |c| line(horizon, c))
        ),
    };
    if let (Some(m), Some(lost)) = (s.break_even_month, s.break_even_lost_month) {
        text += &match lang {
            Lang::En => format!(
                "\nThe cumulative net falls below zero again in month {lost}; break-even is the first crossing (month {m})."
            ),
            Lang::Nl => format!(
                "\nHet cumulatieve netto resultaat zakt in maand {lost} weer onder nul; break-even is de eerste keer (maand {m})."
            ),
        };
    }
    text
}

fn payback_formula(f: &Figures, lang: Lang) -> String {
    let head = t(
        lang,
        "Payback = (m − s) + (−cumulative(m − 1)) / net(m)\nm: break-even month, s: first month with any cost or benefit",
        "Terugverdientijd = (m − s) + (−cumulatief(m − 1)) / netto(m)\nm: break-evenmaand, s: eerste maand met kosten of baten",
    );
    let s = &f.summary;
    let (Some(m), Some(p), Some(start)) =
        (s.break_even_month, s.payback_months, s.first_active_month)
    else {
        return format!(
            "{head}\n{}",
            if s.first_active_month.is_none() {
                t(
                    lang,
                    "Nothing happens within the horizon.",
                    "Binnen de horizon gebeurt niets.",
                )
            } else {
                t(
                    lang,
                    "Not paid back within the horizon.",
                    "Niet terugverdiend binnen de horizon.",
                )
            }
        );
    };
    let before = if m > 1 {
        f.months.get(m as usize - 2).map(|x| x.cumulative_net)
    } else {
        None
    };
    let net = f.months.get(m as usize - 1).map(|x| x.net);
    match (before, net) {
        (Some(b), Some(n)) if b < Decimal::ZERO => format!(
            "{head}\n    = ({m} − {start}) + {} / {} = {} {}",
            money(-b, lang),
            money(n, lang),
            format::number(p, 2, lang),
            t(lang, "months", "maanden")
        ),
        _ => format!(
            "{head}\n    = {} {}",
            format::number(p, 2, lang),
            t(lang, "months", "maanden")
        ),
    }
}

/// How the MIRR is worked out, as its card's hover says it.
fn mirr_formula(s: &Summary<Decimal>, lang: Lang) -> String {
    let rate = format::percent(s.discount_rate_annual_pct, 1, lang);
    match lang {
        Lang::En => format!(
            "MIRR = (FV of the positive months ÷ −PV of the negative months)^(1/(n − 1)) − 1 a month, as a spreadsheet's MIRR of the n monthly nets; the finance and the reinvestment rate are both the discount rate ({rate} a year). MIRR a year = {}",
            pct(s.mirr_annual_pct, lang)
        ),
        Lang::Nl => format!(
            "MIRR = (TW van de positieve maanden ÷ −CW van de negatieve maanden)^(1/(n − 1)) − 1 per maand, zoals MIRR in een spreadsheet over de n maandbedragen; financierings- en herbeleggingsrente zijn allebei de disconteringsvoet ({rate} per jaar). MIRR per jaar = {}",
            pct(s.mirr_annual_pct, lang)
        ),
    }
}

fn irr_formula(s: &Summary<Decimal>, lang: Lang) -> String {
    let definition = t(
        lang,
        "r = the monthly rate at which NPV is zero",
        "r = de maandrente waarbij de NCW nul is",
    );
    match (s.irr_annual_pct, s.irr_note) {
        (Some(irr), _) => {
            let mut text = format!(
                "{definition}\n{} = (1 + r)^12 − 1 = {}\n{} {}",
                t(lang, "IRR a year", "IRR per jaar"),
                format::percent(irr, 1, lang),
                t(
                    lang,
                    "compare with the discount rate of",
                    "vergelijk met de disconteringsvoet van"
                ),
                format::percent(s.discount_rate_annual_pct, 1, lang),
            );
            if irr > IRR_SHOWN_MAX_PCT {
                text += "\n\n";
                text += t(
                    lang,
                    "An IRR this high says little: the investment is small next to what it returns within months. Payback is the clearer figure.",
                    "Een IRR zo hoog zegt weinig: de investering is klein naast wat ze binnen maanden oplevert. De terugverdientijd is het duidelijkere cijfer.",
                );
            }
            text
        }
        (None, Some(IrrNote::Several { count, rates })) => match lang {
            Lang::En => format!(
                "No IRR: the NPV is zero at {count} rates ({}), so none of them is the IRR. Judge by NPV and MIRR.",
                crate::text::irr_rates(count, &rates, lang)
            ),
            Lang::Nl => format!(
                "Geen IRR: de NCW is nul bij {count} rentes ({}), dus geen ervan is de IRR. Oordeel op NCW en MIRR.",
                crate::text::irr_rates(count, &rates, lang)
            ),
        },
        (None, Some(IrrNote::NoRoot)) => t(
            lang,
            "No IRR: no rate makes the NPV zero, although the monthly net changes sign. Judge by NPV and MIRR.",
            "Geen IRR: geen rente maakt de NCW nul, al wisselt het netto per maand van teken. Oordeel op NCW en MIRR.",
        )
        .to_owned(),
        (None, Some(IrrNote::TooLarge)) => t(
            lang,
            "The IRR is far above 1000% a year, too large to show as a number. Payback is the clearer figure.",
            "De IRR ligt ver boven 1000% per jaar, te groot om als getal te tonen. De terugverdientijd is het duidelijkere cijfer.",
        )
        .to_owned(),
        (None, _) => t(
            lang,
            "No IRR: the monthly net cash flows never change sign.",
            "Geen IRR: de netto kasstromen per maand wisselen nooit van teken.",
        )
        .to_owned(),
    }
}

/// One line stating the assumptions that carry the case: the risk adjustment, how freed time
/// becomes money (the headcount policy, or the share realised with the simplified staffing),
/// the discount rate and the retention delay.
pub fn assumptions(s: &crate::model::Scenario, lang: Lang) -> String {
    let f = &s.finance;
    let pct = |d: Decimal| {
        let d = d.normalize();
        format::percent(d, d.scale().min(1), lang)
    };
    let staffing = match s.staffing.model {
        crate::model::StaffingModel::ServiceLevel => format!(
            "{}, {} {}",
            crate::text::headcount_policy_name(s.staffing.policy, lang),
            pct(s.baseline.service_level_pct),
            match lang {
                Lang::En => format!("in {} s", s.baseline.service_level_seconds.normalize()),
                Lang::Nl => format!("binnen {} s", s.baseline.service_level_seconds.normalize()),
            }
        ),
        crate::model::StaffingModel::Simplified => match lang {
            Lang::En => format!("{} of freed agent time realised", pct(f.realisation_pct)),
            Lang::Nl => format!(
                "{} van de vrijgekomen agenttijd verzilverd",
                pct(f.realisation_pct)
            ),
        },
    };
    match lang {
        Lang::En => format!(
            "Assumptions: risk on savings −{}, on revenue −{}, on costs +{} · {staffing} · discount rate {} a year · retention counts {} months after go-live",
            pct(f.benefit_risk_pct),
            pct(f.revenue_risk_pct),
            pct(f.cost_risk_pct),
            pct(f.discount_rate_annual_pct),
            f.retention_delay_months
        ),
        Lang::Nl => format!(
            "Aannames: risico op besparingen −{}, op omzet −{}, op kosten +{} · {staffing} · disconteringsvoet {} per jaar · klantbehoud telt {} maanden na livegang",
            pct(f.benefit_risk_pct),
            pct(f.revenue_risk_pct),
            pct(f.cost_risk_pct),
            pct(f.discount_rate_annual_pct),
            f.retention_delay_months
        ),
    }
}
