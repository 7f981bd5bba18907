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

pub use crate::text::system_lang;
