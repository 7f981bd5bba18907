//! Names that tell scenarios apart: what to call a duplicate, and whether a name still says
//! what the scenario holds.

use crate::i18n::t;
use crate::model::{Initiative, Lang, Scenario};
use crate::view::compare::differing_inputs;

/// The separator between a scenario's name and what marks a variant of it.
pub const SEPARATOR: &str = " – ";

/// The name without a trailing "– what-if N" (or "– wat-als N").
fn base_name(name: &str) -> &str {
    match name.rsplit_once(SEPARATOR) {
        Some((base, tail))
            if ["what-if", "wat-als"]
                .iter()
                .any(|w| tail.trim_start().starts_with(w)) =>
        {
            base
        }
        _ => name,
    }
}

/// The name suggested for a copy of `scenario`, identical to it when made: "name – what-if N"
/// with the first N from 2 that no open scenario (`taken`) uses. Once the copy is edited its
/// name says what changed ([`variant_name`]).
pub fn duplicate_name(scenario: &Scenario, taken: &[&str], lang: Lang) -> String {
    numbered_what_if(base_name(&scenario.name), taken, lang)
}

/// "base – what-if N" with the first N from 2 that `taken` does not hold.
fn numbered_what_if(base: &str, taken: &[&str], lang: Lang) -> String {
    let word = t(lang, "what-if", "wat-als");
    (2..)
        .map(|n| format!("{base}{SEPARATOR}{word} {n}"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or_else(|| base.to_owned())
}

/// The name of `scenario`, a copy of `origin`, that says what changed: "name – what changed"
/// (its first two inputs that differ from the origin's, with their new values), or
/// "name – what-if N" while nothing does; unique among `taken`.
pub fn variant_name(origin: &Scenario, scenario: &Scenario, taken: &[&str], lang: Lang) -> String {
    let base = base_name(&origin.name);
    let rows = differing_inputs(&[origin, scenario], lang);
    if rows.is_empty() {
        return numbered_what_if(base, taken, lang);
    }
    let what: Vec<String> = rows
        .iter()
        .take(2)
        .map(|r| {
            let label = r.label.rsplit(SEPARATOR).next().unwrap_or(&r.label);
            let value = r.values.get(1).cloned().unwrap_or_default();
            format!("{} {value}", label.to_lowercase())
        })
        .collect();
    unique_name(&format!("{base}{SEPARATOR}{}", what.join(", ")), taken)
}

/// `name`, or "name (N)" with the first N from 2 that `taken` does not hold: a second copy of
/// an example is told apart from the first.
pub fn unique_name(name: &str, taken: &[&str]) -> String {
    if !taken.contains(&name) {
        return name.to_owned();
    }
    let stem = match name.rsplit_once(" (") {
        Some((stem, tail))
            if tail
                .strip_suffix(')')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) =>
        {
            stem
        }
        _ => name,
    };
    (2..)
        .map(|n| format!("{stem} ({n})"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or_else(|| name.to_owned())
}

/// `text` in at most `max` characters, the middle replaced by "…" when it is longer: the
/// start says what the scenario is, the end what tells it apart ("– what-if 2").
pub fn short_middle(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max || max < 5 {
        return text.to_owned();
    }
    let tail = (max - 1) / 2;
    let head = max - 1 - tail;
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    format!("{}…{}", start.trim_end(), end.trim_start())
}

/// The switched-off initiatives whose name appears in the scenario's name.
pub fn mentioned_but_off(scenario: &Scenario) -> Vec<Initiative> {
    let name = scenario.name.to_lowercase();
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .collect();
    [
        Initiative::Chatbot,
        Initiative::Omnichannel,
        Initiative::Training,
    ]
    .into_iter()
    .filter(|i| !scenario.is_enabled(*i))
    .filter(|i| {
        let title = i.title();
        [title.en, title.nl]
            .iter()
            .any(|w| words.contains(&w.to_lowercase().as_str()))
    })
    .collect()
}

/// A name made of the initiatives that are on ("Chatbot and training"), keeping what follows
/// the separator in the current name.
pub fn name_from_initiatives(scenario: &Scenario, lang: Lang) -> String {
    let on: Vec<&str> = [
        Initiative::Chatbot,
        Initiative::Omnichannel,
        Initiative::Training,
    ]
    .into_iter()
    .filter(|i| scenario.is_enabled(*i))
    .map(|i| i.title().get(lang))
    .collect();
    let list = match on.as_slice() {
        [] => t(lang, "No initiatives", "Geen initiatieven").to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        (*w).to_owned()
                    } else {
                        w.to_lowercase()
                    }
                })
                .collect();
            format!(
                "{} {} {}",
                rest.join(", "),
                t(lang, "and", "en"),
                last.to_lowercase()
            )
        }
    };
    match scenario.name.split_once(SEPARATOR) {
        Some((_, tail)) => format!("{list}{SEPARATOR}{tail}"),
        None => list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn combined() -> Scenario {
        crate::bundled::find("combined")
            .and_then(|b| b.load().ok())
            .map(|v| v.into_inner())
            .unwrap_or_default()
    }

    #[test]
    fn a_duplicate_is_numbered_then_says_what_changed() {
        let s = combined();
        let name = s.name.clone();
        let first = duplicate_name(&s, &[&name], Lang::En);
        assert_eq!(first, format!("{name} – what-if 2"));
        let second = duplicate_name(&s, &[&name, &first], Lang::En);
        assert_eq!(second, format!("{name} – what-if 3"));
        // Duplicating the what-if does not stack suffixes.
        let mut copy = s.clone();
        copy.name = first.clone();
        assert_eq!(
            duplicate_name(&copy, &[&name, &first], Lang::En),
            format!("{name} – what-if 3")
        );
        // Once the copy is edited its name says what changed, in the window's language.
        let mut changed = s.clone();
        changed.chatbot.containment_pct = rust_decimal::Decimal::from(45);
        assert_eq!(
            variant_name(&s, &changed, &[&name], Lang::En),
            format!("{name} – resolution rate 45 %")
        );
        changed.omnichannel.enabled = false;
        assert_eq!(
            variant_name(&s, &changed, &[&name], Lang::Nl),
            format!("{name} – omnichannel uit, oplospercentage 45 %")
        );
        // Nothing changed (an edit undone): numbered again.
        assert_eq!(
            variant_name(&s, &s, &[&name], Lang::En),
            format!("{name} – what-if 2")
        );
    }

    #[test]
    fn a_second_copy_gets_a_number() {
        assert_eq!(unique_name("Chatbot", &["Training"]), "Chatbot");
        assert_eq!(unique_name("Chatbot", &["Chatbot"]), "Chatbot (2)");
        assert_eq!(
            unique_name("Chatbot", &["Chatbot", "Chatbot (2)"]),
            "Chatbot (3)"
        );
        // A copy of the copy counts on rather than stacking "(2) (2)".
        assert_eq!(
            unique_name("Chatbot (2)", &["Chatbot", "Chatbot (2)"]),
            "Chatbot (3)"
        );
    }

    #[test]
    fn long_names_keep_their_start_and_end() {
        let name = "Chatbot, omnichannel and training – what-if 2";
        let short = short_middle(name, 22);
        assert_eq!(short, "Chatbot, om…what-if 2");
        assert!(short.chars().count() <= 22);
        assert_eq!(short_middle("Chatbot 25%", 22), "Chatbot 25%");
    }

    #[test]
    fn a_name_that_lists_a_switched_off_initiative_is_noticed() {
        let mut s = combined();
        assert!(mentioned_but_off(&s).is_empty());
        s.omnichannel.enabled = false;
        assert_eq!(mentioned_but_off(&s), [Initiative::Omnichannel]);
        assert_eq!(name_from_initiatives(&s, Lang::En), "Chatbot and training");
        assert_eq!(name_from_initiatives(&s, Lang::Nl), "Chatbot en training");
    }
}
