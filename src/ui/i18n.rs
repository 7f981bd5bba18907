//! The window's two languages: picking the default from the system, and a short way to write
//! a text in both.

use crate::model::Lang;

/// The text in `lang`: `t(lang, "Open…", "Openen…")`.
pub fn t(lang: Lang, en: &'static str, nl: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// Dutch when the system's locale is Dutch, English otherwise.
pub fn system_lang() -> Lang {
    match sys_locale::get_locale() {
        Some(locale) if locale.to_lowercase().starts_with("nl") => Lang::Nl,
        _ => Lang::En,
    }
}
