//! The two languages the program speaks, at the bottom of the house: every module that words
//! something uses these, and this module uses none of them.
//!
//! - [`Lang`] and [`Text`] (a text in both languages, as declared in tables such as the input
//!   descriptors and the ledger lines);
//! - [`t`] picks one of two literal texts, [`tr!`] formats one of two texts with arguments, so
//!   a sentence is written once per language;
//! - [`words`]: the phrases more than one part of the program writes ("Net benefit", "Month"),
//!   declared once;
//! - [`system_lang`]: the language of the system's locale, the default for the window and
//!   the command line.
//!
//! It must never hold a figure or a formula.

/// The languages the program speaks.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
}

/// A text in both languages the program speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Dutch.
    pub nl: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        t(lang, self.en, self.nl)
    }
}

/// The text in `lang`: `t(lang, "Open…", "Openen…")`.
pub fn t(lang: Lang, en: &'static str, nl: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// One of two format strings with the same arguments, by language:
/// `tr!(lang, "{} months", "{} maanden", n)`. The arguments are written once, so the two
/// sentences cannot drift apart in what they say.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $nl:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En => format!($en $(, $arg)*),
            $crate::i18n::Lang::Nl => format!($nl $(, $arg)*),
        }
    };
}

pub use crate::tr;

/// Dutch when the system's locale is Dutch, English otherwise: the language of the window and
/// of what the command line writes unless `--lang` says otherwise.
pub fn system_lang() -> Lang {
    match sys_locale::get_locale() {
        Some(locale) if locale.to_lowercase().starts_with("nl") => Lang::Nl,
        _ => Lang::En,
    }
}

/// Phrases written in more than one place (window, report, spreadsheet, CSV), declared once.
pub mod words {
    use super::Text;

    const fn text(en: &'static str, nl: &'static str) -> Text {
        Text { en, nl }
    }

    /// "Net benefit".
    pub const NET_BENEFIT: Text = text("Net benefit", "Netto opbrengst");
    /// "Month".
    pub const MONTH: Text = text("Month", "Maand");
    /// "months" (a count).
    pub const MONTHS: Text = text("months", "maanden");
    /// "Costs".
    pub const COSTS: Text = text("Costs", "Kosten");
    /// "Benefits".
    pub const BENEFITS: Text = text("Benefits", "Baten");
    /// "Net".
    pub const NET: Text = text("Net", "Netto");
    /// "Cumulative net".
    pub const CUMULATIVE_NET: Text = text("Cumulative net", "Cumulatief netto");
    /// "Discounted net".
    pub const DISCOUNTED_NET: Text = text("Discounted net", "Contant netto");
    /// "ROI to date (%)".
    pub const ROI_TO_DATE: Text = text("ROI to date (%)", "ROI tot nu (%)");
    /// "NPV".
    pub const NPV: Text = text("NPV", "NCW");
    /// "IRR".
    pub const IRR: Text = text("IRR", "IRR");
    /// "ROI".
    pub const ROI: Text = text("ROI", "ROI");
    /// "Break-even".
    pub const BREAK_EVEN: Text = text("Break-even", "Break-even");
    /// "Payback".
    pub const PAYBACK: Text = text("Payback", "Terugverdientijd");
    /// "Total".
    pub const TOTAL: Text = text("Total", "Totaal");
    /// "unadjusted".
    pub const UNADJUSTED: Text = text("unadjusted", "ongecorrigeerd");
    /// "Risk-adjusted".
    pub const RISK_ADJUSTED: Text = text("Risk-adjusted", "Risicogecorrigeerd");
    /// "Interaction".
    pub const INTERACTION: Text = text("Interaction", "Interactie");
    /// "Whole case".
    pub const WHOLE_CASE: Text = text("Whole case", "Hele case");
    /// "Plan".
    pub const PLAN: Text = text("Plan", "Plan");
    /// "Actual".
    pub const ACTUAL: Text = text("Actual", "Werkelijk");
    /// "Forecast".
    pub const FORECAST: Text = text("Forecast", "Prognose");
}
