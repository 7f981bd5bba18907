//! The headline cards: ROI, net benefit, break-even, payback, NPV and IRR, risk-adjusted with
//! the unadjusted figure beside; hovering a card shows its formula with the numbers filled in.

use rust_decimal::Decimal;

use crate::format;
use crate::model::Lang;
use crate::sim::metrics::monthly_rate;
use crate::sim::number::Exact;
use crate::sim::{Figures, Projection};
use crate::ui::app::PlannerApp;
use crate::ui::i18n::t;
use crate::ui::palette::sign_colour;

/// One card's texts.
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

fn month_text(m: Option<u32>, horizon: u32, lang: Lang) -> String {
    match m {
        Some(m) => format!("{} {m}", t(lang, "Month", "Maand")),
        None => format!(
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

/// The six cards for a projection, `risk_adjusted` deciding which variant is the main figure.
pub fn cards(p: &Projection, risk_adjusted: bool, lang: Lang) -> Vec<Card> {
    let main = p.figures(risk_adjusted);
    let other = p.figures(!risk_adjusted);
    let (s, o) = (&main.summary, &other.summary);
    let other_label = if risk_adjusted {
        t(lang, "unadjusted", "ongecorrigeerd")
    } else {
        t(lang, "risk-adjusted", "gecorrigeerd")
    };
    let beside = |text: String| format!("{other_label}: {text}");
    let horizon = p.horizon_months;
    vec![
        Card {
            title: "ROI",
            value: pct(s.roi_pct, lang),
            good: s.roi_pct.map(|r| r >= Decimal::ZERO),
            other: beside(pct(o.roi_pct, lang)),
            formula: format!(
                "ROI = ({b} − {c}) / {c2}\n    = ({bv} − {cv}) / {cv} = {r}",
                b = t(lang, "benefits", "baten"),
                c = t(lang, "costs", "kosten"),
                c2 = t(lang, "costs", "kosten"),
                bv = money(s.total_benefits, lang),
                cv = money(s.total_costs, lang),
                r = pct(s.roi_pct, lang),
            ),
        },
        Card {
            title: t(lang, "Net benefit", "Netto opbrengst"),
            value: money(s.net_benefit, lang),
            good: Some(s.net_benefit >= Decimal::ZERO),
            other: beside(money(o.net_benefit, lang)),
            formula: format!(
                "{} = {} − {}\n    = {} − {} = {}\n{} {horizon} {}",
                t(lang, "Net benefit", "Netto opbrengst"),
                t(lang, "benefits", "baten"),
                t(lang, "costs", "kosten"),
                money(s.total_benefits, lang),
                money(s.total_costs, lang),
                money(s.net_benefit, lang),
                t(lang, "over", "over"),
                t(lang, "months", "maanden"),
            ),
        },
        Card {
            title: t(lang, "Break-even", "Break-even"),
            value: month_text(s.break_even_month, horizon, lang),
            good: Some(s.break_even_month.is_some()),
            other: beside(month_text(o.break_even_month, horizon, lang)),
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
                    "{} = Σ net(m) / (1 + i)^m\ni = (1 + {})^(1/12) − 1 = {} {}\n{} = {}",
                    t(lang, "NPV", "NCW"),
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
            value: pct(s.irr_annual_pct, lang),
            good: s.irr_annual_pct.map(|r| r >= s.discount_rate_annual_pct),
            other: beside(pct(o.irr_annual_pct, lang)),
            formula: match s.irr_annual_pct {
                Some(irr) => format!(
                    "{}\n{} = (1 + r)^12 − 1 = {}\n{} {}",
                    t(
                        lang,
                        "r = the monthly rate at which NPV is zero",
                        "r = de maandrente waarbij de NCW nul is"
                    ),
                    t(lang, "IRR a year", "IRR per jaar"),
                    format::percent(irr, 1, lang),
                    t(
                        lang,
                        "compare with the discount rate of",
                        "vergelijk met de disconteringsvoet van"
                    ),
                    format::percent(s.discount_rate_annual_pct, 1, lang),
                ),
                None => t(
                    lang,
                    "No IRR: the monthly net cash flows never change sign.",
                    "Geen IRR: de netto kasstromen per maand wisselen nooit van teken.",
                )
                .to_owned(),
            },
        },
    ]
}

fn break_even_formula(f: &Figures, horizon: u32, lang: Lang) -> String {
    let head = t(
        lang,
        "First month whose cumulative net is ≥ 0.",
        "Eerste maand waarin het cumulatieve netto resultaat ≥ 0 is.",
    );
    let cumulative = |m: u32| f.months.get(m as usize - 1).map(|x| x.cumulative_net);
    match f.summary.break_even_month {
        Some(m) => {
            let before = if m > 1 { cumulative(m - 1) } else { None };
            let mut text = format!("{head}\n");
            if let Some(b) = before {
                text += &format!(
                    "{} {}: {}\n",
                    t(lang, "Cumulative in month", "Cumulatief in maand"),
                    m - 1,
                    money(b, lang)
                );
            }
            if let Some(c) = cumulative(m) {
                text += &format!(
                    "{} {m}: {}",
                    t(lang, "Cumulative in month", "Cumulatief in maand"),
                    money(c, lang)
                );
            }
            text
        }
        None => format!(
            "{head}\n{} {horizon}: {}",
            t(lang, "Cumulative in month", "Cumulatief in maand"),
            cumulative(horizon).map_or_else(String::new, |c| money(c, lang))
        ),
    }
}

fn payback_formula(f: &Figures, lang: Lang) -> String {
    let head = t(
        lang,
        "Payback = (m − 1) + (−cumulative(m − 1)) / net(m)",
        "Terugverdientijd = (m − 1) + (−cumulatief(m − 1)) / netto(m)",
    );
    let (Some(m), Some(p)) = (f.summary.break_even_month, f.summary.payback_months) else {
        return format!(
            "{head}\n{}",
            t(
                lang,
                "Not paid back within the horizon.",
                "Niet terugverdiend binnen de horizon."
            )
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
            "{head}\n    = {} + {} / {} = {} {}",
            m - 1,
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

/// Draws the cards of document `id`, or what stops it from computing.
pub fn cards_ui(app: &PlannerApp, ui: &mut egui::Ui, id: u64) {
    let Some(doc) = app.doc(id) else { return };
    let Some(view) = doc.cached_view() else {
        return;
    };
    let Some(p) = &view.projection else {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.colored_label(
                ui.visuals().error_fg_color,
                app.t(
                    "This scenario cannot be computed:",
                    "Dit scenario kan niet worden berekend:",
                ),
            );
            for problem in &view.problems {
                ui.label(problem);
            }
        });
        return;
    };
    let cards = cards(p, app.risk_adjusted, app.lang);
    let per_row = if ui.available_width() > 6.0 * 128.0 {
        6
    } else {
        3
    };
    for row in cards.chunks(per_row) {
        ui.columns(per_row, |cols| {
            for (card, ui) in row.iter().zip(cols.iter_mut()) {
                card_ui(ui, card, app.dark);
            }
        });
    }
}

fn card_ui(ui: &mut egui::Ui, card: &Card, dark: bool) {
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(6.0);
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(card.title).small().weak());
            let mut value = egui::RichText::new(&card.value).size(19.0).strong();
            if let Some(good) = card.good {
                value = value.color(sign_colour(good, dark));
            }
            ui.label(value);
            ui.label(egui::RichText::new(&card.other).small().weak());
        })
        .response;
    response.on_hover_text(egui::RichText::new(&card.formula).monospace());
}
