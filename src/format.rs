//! Rounding and formatting of money, percentages and numbers, for people and for exports.
//!
//! Rounding happens only here, for display and export: 2 decimals, midpoint away from zero.
//! Dutch: `€ 1.234.567,89`, `€ -1.234,50`, `12,50%`. English: `€1,234,567.89`, `-€1,234.50`,
//! `12.50%`.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::i18n::Lang;

/// Rounds to `dp` decimals, midpoint away from zero.
pub fn round(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// The export form of an amount or percentage: 2 decimals, `.` as decimal point, no
/// grouping, e.g. `-1234.50`.
pub fn plain2(d: Decimal) -> String {
    let r = round(d, 2);
    // `-0.00` reads as a bug in a report.
    let r = if r.is_zero() { Decimal::ZERO } else { r };
    format!("{r:.2}")
}

/// A number with `dp` decimals and the language's grouping, e.g. `1,234.5` or `1.234,5`.
pub fn number(d: Decimal, dp: u32, lang: Lang) -> String {
    let r = round(d, dp);
    let negative = r.is_sign_negative() && !r.is_zero();
    let text = format!("{:.*}", dp as usize, r.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = match lang {
        Lang::En => (',', '.'),
        Lang::Nl => ('.', ','),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    if negative {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// Money with cents: `€1,234.56` / `€ 1.234,56`.
///
/// ```
/// use roi_planner::format::money;
/// use roi_planner::model::Lang;
/// use rust_decimal::Decimal;
///
/// let amount = Decimal::new(-123456789, 2); // −1,234,567.89
/// assert_eq!(money(amount, Lang::Nl), "€ -1.234.567,89");
/// assert_eq!(money(amount, Lang::En), "-€1,234,567.89");
/// ```
pub fn money(d: Decimal, lang: Lang) -> String {
    money_dp(d, 2, lang)
}

/// Money in whole euros: `€412,000` / `€ 412.000`.
pub fn money_whole(d: Decimal, lang: Lang) -> String {
    money_dp(d, 0, lang)
}

fn money_dp(d: Decimal, dp: u32, lang: Lang) -> String {
    let n = number(d, dp, lang);
    match lang {
        Lang::En => match n.strip_prefix('-') {
            Some(abs) => format!("-€{abs}"),
            None => format!("€{n}"),
        },
        Lang::Nl => format!("€ {n}"),
    }
}

/// A percentage with `dp` decimals: `108.25%` / `108,25%`.
pub fn percent(d: Decimal, dp: u32, lang: Lang) -> String {
    format!("{}%", number(d, dp, lang))
}

/// Months with one decimal: `4.3` / `4,3`.
pub fn months(d: Decimal, lang: Lang) -> String {
    number(d, 1, lang)
}

/// The decimals a chart axis tick needs so that ticks `step` apart read differently.
pub fn tick_decimals(step: f64) -> u32 {
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 4.0) as u32
    }
}

/// Money on a chart axis (window and images alike): whole euros unless the step needs cents,
/// millions shortened (`€1.5m` / `€ 1,5 mln`) when the ticks are at least 100,000 apart. A
/// plot's `f64` value comes in here, at the edge where figures become pixels.
pub fn money_tick(value: f64, step: f64, lang: Lang) -> String {
    let (amount, dp, suffix) = if value.abs() >= 1e6 && step >= 1e5 {
        let dp = if step >= 1e6 { 0 } else { 1 };
        let suffix = match lang {
            Lang::En => "m",
            Lang::Nl => " mln",
        };
        (value / 1e6, dp, suffix)
    } else {
        (value, tick_decimals(step), "")
    };
    let Some(d) = Decimal::from_f64_retain(amount) else {
        return String::new();
    };
    let n = number(d.abs(), dp, lang);
    let negative = amount < 0.0 && !round(d, dp).is_zero();
    match (lang, negative) {
        (Lang::En, false) => format!("€{n}{suffix}"),
        (Lang::En, true) => format!("-€{n}{suffix}"),
        (Lang::Nl, false) => format!("€ {n}{suffix}"),
        (Lang::Nl, true) => format!("€ -{n}{suffix}"),
    }
}

/// A percentage on a chart axis, with the decimals the step needs.
pub fn percent_tick(value: f64, step: f64, lang: Lang) -> String {
    Decimal::from_f64_retain(value)
        .map_or_else(String::new, |d| percent(d, tick_decimals(step), lang))
}

/// A plain number on a chart axis, with the decimals the step needs.
pub fn number_tick(value: f64, step: f64, lang: Lang) -> String {
    Decimal::from_f64_retain(value)
        .map_or_else(String::new, |d| number(d, tick_decimals(step), lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn check(d: Decimal, lang: Lang, expected: &str) {
        assert_eq!(money(d, lang), expected);
    }

    #[test]
    fn money_per_language() {
        // The forms issue 3 asks for.
        check(dec!(1234567.89), Lang::Nl, "€ 1.234.567,89");
        check(dec!(1234567.89), Lang::En, "€1,234,567.89");
        check(dec!(-1234.5), Lang::Nl, "€ -1.234,50");
        check(dec!(-1234.5), Lang::En, "-€1,234.50");
        check(dec!(0.005), Lang::En, "€0.01");
        check(dec!(-0.004), Lang::En, "€0.00");
        check(dec!(999), Lang::Nl, "€ 999,00");
    }

    #[test]
    fn rounding_is_midpoint_away_from_zero() {
        assert_eq!(plain2(dec!(2.345)), "2.35");
        assert_eq!(plain2(dec!(-2.345)), "-2.35");
        assert_eq!(plain2(dec!(-0.001)), "0.00");
        assert_eq!(plain2(dec!(100)), "100.00");
    }

    #[test]
    fn percent_and_numbers() {
        assert_eq!(percent(dec!(108.254), 2, Lang::En), "108.25%");
        assert_eq!(percent(dec!(108.255), 2, Lang::Nl), "108,26%");
        assert_eq!(number(dec!(20000), 0, Lang::Nl), "20.000");
        assert_eq!(money_whole(dec!(412000.4), Lang::En), "€412,000");
    }
}
