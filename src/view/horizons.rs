//! The case at its own horizon and at a longer one side by side, and each initiative's verdict
//! in a sentence where it costs more than it brings (risk-adjusted). Built from two
//! projections; shared by the window, the report and the JSON.

use rust_decimal::Decimal;

use crate::format;
use crate::i18n::{Lang, t};
use crate::model::Initiative;
use crate::sim::{InitiativeFigures, Projection, Summary};
use crate::view::cards::{irr_text, month_text};

/// One figure at both horizons.
#[derive(Clone, Debug, PartialEq)]
pub struct HorizonRow {
    /// What it is.
    pub label: String,
    /// At the case's horizon.
    pub at_horizon: String,
    /// At the longer one.
    pub at_longer: String,
    /// Whether the verdict (the sign of a money figure) changes between them.
    pub flips: bool,
}

/// The headline and each initiative's contribution at both horizons.
#[derive(Clone, Debug, PartialEq)]
pub struct LongerView {
    /// The two horizons in months.
    pub horizons: (u32, u32),
    /// The rows.
    pub rows: Vec<HorizonRow>,
}

fn pct(d: Option<Decimal>, lang: Lang) -> String {
    d.map_or_else(|| "–".to_owned(), |d| format::percent(d, 1, lang))
}

/// The initiative figures of `i` in `p`.
fn figures(p: &Projection, i: Initiative) -> Option<&InitiativeFigures> {
    p.initiatives.iter().find(|f| f.initiative == i)
}

impl LongerView {
    /// The case `p` beside `longer` (the same case at the second horizon), risk-adjusted.
    pub fn build(p: &Projection, longer: &Projection, lang: Lang) -> Self {
        let (a, b) = (&p.adjusted.summary, &longer.adjusted.summary);
        let money = |d: Decimal| format::money_whole(d, lang);
        let row =
            |label: &str, f: &dyn Fn(&Summary<Decimal>, u32) -> String, flips: bool| HorizonRow {
                label: label.to_owned(),
                at_horizon: f(a, p.horizon_months),
                at_longer: f(b, longer.horizon_months),
                flips,
            };
        let flips = |x: Decimal, y: Decimal| (x < Decimal::ZERO) != (y < Decimal::ZERO);
        let mut rows = vec![
            row(
                t(lang, "Net benefit", "Netto opbrengst"),
                &|s, _| money(s.net_benefit),
                flips(a.net_benefit, b.net_benefit),
            ),
            row("ROI", &|s, _| pct(s.roi_pct, lang), false),
            row(
                t(lang, "ROI on present values", "ROI op contante waarden"),
                &|s, _| pct(s.roi_pv_pct, lang),
                false,
            ),
            row(
                t(lang, "NPV", "NCW"),
                &|s, _| money(s.npv),
                flips(a.npv, b.npv),
            ),
            row("IRR", &|s, _| irr_text(s, lang), false),
            row("MIRR", &|s, _| pct(s.mirr_annual_pct, lang), false),
            row(
                t(lang, "Break-even", "Break-even"),
                &|s, h| month_text(s, h, lang),
                false,
            ),
        ];
        for f in &p.initiatives {
            let Some(g) = figures(longer, f.initiative) else {
                continue;
            };
            let (x, y) = (
                f.marginal_net_benefit_adjusted,
                g.marginal_net_benefit_adjusted,
            );
            rows.push(HorizonRow {
                label: crate::tr!(
                    lang,
                    "What {} adds",
                    "Wat {} toevoegt",
                    f.initiative.title().get(lang)
                ),
                at_horizon: money(x),
                at_longer: money(y),
                flips: flips(x, y),
            });
        }
        LongerView {
            horizons: (p.horizon_months, longer.horizon_months),
            rows,
        }
    }
}

/// A sentence for each initiative whose contribution to the whole (risk-adjusted) is negative
/// at the horizon, or turns negative at the longer one: what it costs beyond what it brings,
/// its stand-alone figures, and when it pays back at the longer horizon.
pub fn verdicts(p: &Projection, longer: Option<&Projection>, lang: Lang) -> Vec<String> {
    let money = |d: Decimal| format::money_whole(d, lang);
    let h = p.horizon_months;
    let mut out = Vec::new();
    for f in &p.initiatives {
        let name = f.initiative.title().get(lang);
        let marginal = f.marginal_net_benefit_adjusted;
        let alone = &f.standalone_adjusted;
        let at_longer = longer.and_then(|l| figures(l, f.initiative).map(|g| (l, g)));
        if marginal < Decimal::ZERO {
            let alone_text = match lang {
                Lang::En => format!(
                    "on its own: net {}, break-even {}",
                    money(alone.net_benefit),
                    month_text(alone, h, lang).to_lowercase()
                ),
                Lang::Nl => format!(
                    "op zichzelf: netto {}, break-even {}",
                    money(alone.net_benefit),
                    month_text(alone, h, lang).to_lowercase()
                ),
            };
            let mut sentence = match lang {
                Lang::En => format!(
                    "{name} costs {} more than it brings within {h} months ({alone_text})",
                    money(-marginal)
                ),
                Lang::Nl => format!(
                    "{name} kost binnen {h} maanden {} meer dan het oplevert ({alone_text})",
                    money(-marginal)
                ),
            };
            if let Some((l, g)) = at_longer {
                let lh = l.horizon_months;
                sentence += &match (g.marginal_break_even_month_adjusted, lang) {
                    (Some(m), Lang::En) => {
                        format!("; it pays back in month {m} at {lh} months")
                    }
                    (Some(m), Lang::Nl) => {
                        format!("; op {lh} maanden verdient het zich terug in maand {m}")
                    }
                    (None, Lang::En) => format!(
                        "; at {lh} months it still costs {} more",
                        money(-g.marginal_net_benefit_adjusted)
                    ),
                    (None, Lang::Nl) => format!(
                        "; op {lh} maanden kost het nog steeds {} meer",
                        money(-g.marginal_net_benefit_adjusted)
                    ),
                };
            }
            out.push(format!("{sentence}."));
        } else if let Some((l, g)) = at_longer
            && g.marginal_net_benefit_adjusted < Decimal::ZERO
        {
            let (adds, costs, lh) = (
                money(marginal),
                money(-g.marginal_net_benefit_adjusted),
                l.horizon_months,
            );
            out.push(match lang {
                Lang::En => format!(
                    "{name} adds {adds} within {h} months but costs {costs} more than it brings at {lh} months."
                ),
                Lang::Nl => format!(
                    "{name} voegt binnen {h} maanden {adds} toe, maar kost op {lh} maanden {costs} meer dan het oplevert."
                ),
            });
        }
    }
    out
}
