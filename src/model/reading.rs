//! How the numbers people write are read: typed into an input (either language's way, never
//! silently differently from what was meant) and written in a file whose decimal mark is
//! known (an actuals CSV). Pure text to `Decimal`; the formatting the other way is
//! [`crate::format`]'s.

use rust_decimal::Decimal;

use crate::i18n::Lang;

/// How a typed number was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The number.
    pub value: Decimal,
    /// Whether the text was a plain number in the language's own way (digits, at most one of
    /// the language's decimal marks, a sign): only then is no note needed on how it was read.
    pub plain: bool,
}

/// Reads a number as a person typed it, in either language's way, never silently differently
/// from what they meant. Spaces, `€` and `%` are ignored. Both `.` and `,` may be the decimal
/// mark; a mark counts as grouping only when every group after it has exactly three digits
/// and the group before it is one to three digits not starting with 0 (`80.000` and `80,000`
/// are 80000; `7,5`, `1.2` and `0.500` are decimals). With both marks the last one is the
/// decimal mark (`1.234,5` and `1,234.5` are 1234.5). Anything else is not a number.
pub fn read_number(text: &str, lang: Lang) -> Option<Reading> {
    let trimmed = text.trim();
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '%')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let groups: Vec<&str> = body.split(['.', ',']).collect();
    let marks: Vec<char> = body.chars().filter(|c| *c == '.' || *c == ',').collect();
    if groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let grouping_ok = |groups: &[&str]| {
        groups.first().is_some_and(|first| {
            (1..=3).contains(&first.len())
                && !(first.len() > 1 && first.starts_with('0'))
                && *first != "0"
        }) && groups.iter().skip(1).all(|g| g.len() == 3)
    };
    let (int, frac): (String, Option<&str>) = match marks.as_slice() {
        [] => (body.to_owned(), None),
        [_] => {
            if grouping_ok(&groups) {
                (groups.concat(), None)
            } else {
                (groups[0].to_owned(), Some(groups[1]))
            }
        }
        _ => {
            let last = *marks.last()?;
            let first_kind = marks[0];
            let all_same = marks.iter().all(|m| *m == first_kind);
            if all_same {
                if !grouping_ok(&groups) {
                    return None;
                }
                (groups.concat(), None)
            } else {
                // The last mark is the decimal mark: it appears once, after every grouping mark.
                if marks.iter().filter(|m| **m == last).count() != 1 {
                    return None;
                }
                let (whole, decimals) = groups.split_at(groups.len() - 1);
                if !grouping_ok(whole) {
                    return None;
                }
                (whole.concat(), decimals.first().copied())
            }
        }
    };
    let normal = match frac {
        Some(f) => format!("{}{int}.{f}", if negative { "-" } else { "" }),
        None => format!("{}{int}", if negative { "-" } else { "" }),
    };
    let value = normal.parse::<Decimal>().ok()?;
    let own_mark = match lang {
        Lang::En => '.',
        Lang::Nl => ',',
    };
    let plain_body = trimmed.strip_prefix('-').unwrap_or(trimmed);
    let plain = !plain_body.is_empty()
        && plain_body
            .chars()
            .all(|c| c.is_ascii_digit() || c == own_mark)
        && plain_body.chars().filter(|c| *c == own_mark).count() <= 1
        && !plain_body.starts_with(own_mark)
        && !plain_body.ends_with(own_mark)
        && frac.is_some() == plain_body.contains(own_mark);
    Some(Reading { value, plain })
}

/// Reads a number from a file whose decimal mark is known (`.` or `,`): the other mark may
/// group thousands before the decimal mark (`1,234.5` with a point, `1.234,5` with a comma),
/// never after it; spaces, `€` and `%` are ignored. `38.125` with a point is 38.125, with a
/// comma 38125. Anything else is not a number.
pub fn read_number_with_mark(text: &str, decimal: char) -> Option<Decimal> {
    let group = if decimal == ',' { '.' } else { ',' };
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '%')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (int, frac) = match body.split_once(decimal) {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    if let Some(frac) = frac
        && (frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let groups: Vec<&str> = int.split(group).collect();
    let grouped = groups.len() > 1;
    if grouped {
        let first = groups[0];
        let ok = (1..=3).contains(&first.len())
            && !first.starts_with('0')
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return None;
        }
    }
    let digits = groups.concat();
    if digits.is_empty() {
        return None;
    }
    let normal = match frac {
        Some(f) => format!("{}{digits}.{f}", if negative { "-" } else { "" }),
        None => format!("{}{digits}", if negative { "-" } else { "" }),
    };
    normal.parse().ok()
}

/// The decimal mark a number as written can only have, if it tells: `8,5`, `1,2345` and
/// `1.234,5` can only have a comma, `8.5` and `1,234.5` only a point; `38.125`, `1,000` and
/// `20000` could be either (a single mark before three digits may be grouping).
pub fn decimal_mark_of(text: &str) -> Option<char> {
    let body: String = text
        .chars()
        .filter(|c| *c == '.' || *c == ',' || c.is_ascii_digit())
        .collect();
    let last = body.rfind(['.', ','])?;
    let mark = body[last..].chars().next()?;
    let after = &body[last + 1..];
    let marks = body.chars().filter(|c| *c == '.' || *c == ',').count();
    let other_before = body[..last].contains(if mark == '.' { ',' } else { '.' });
    if other_before || after.len() != 3 || (marks > 1 && body.matches(mark).count() == 1) {
        Some(mark)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    /// The typed texts and their readings in English and in Dutch: (text, English reading,
    /// Dutch reading), each `Some((value, plain))` or `None` for "not a number".
    #[test]
    fn typed_numbers_read_as_meant_in_both_languages() {
        type R = Option<(Decimal, bool)>;
        let cases: &[(&str, R, R)] = &[
            // A decimal in either mark: the language's own mark is plain, the other gets a note.
            ("7,5", Some((dec!(7.5), false)), Some((dec!(7.5), true))),
            ("7.5", Some((dec!(7.5), true)), Some((dec!(7.5), false))),
            ("1.2", Some((dec!(1.2), true)), Some((dec!(1.2), false))),
            ("1,2", Some((dec!(1.2), false)), Some((dec!(1.2), true))),
            // Grouping only with groups of three after the mark.
            (
                "80.000",
                Some((dec!(80000), false)),
                Some((dec!(80000), false)),
            ),
            (
                "80,000",
                Some((dec!(80000), false)),
                Some((dec!(80000), false)),
            ),
            (
                "1.234.567",
                Some((dec!(1234567), false)),
                Some((dec!(1234567), false)),
            ),
            (
                "1 000",
                Some((dec!(1000), false)),
                Some((dec!(1000), false)),
            ),
            // Both marks: the last is the decimal mark.
            (
                "1.234,5",
                Some((dec!(1234.5), false)),
                Some((dec!(1234.5), false)),
            ),
            (
                "1,234.5",
                Some((dec!(1234.5), false)),
                Some((dec!(1234.5), false)),
            ),
            // A leading zero is never grouped; a long first group is never grouped.
            ("0.500", Some((dec!(0.5), true)), Some((dec!(0.5), false))),
            (
                "1500.000",
                Some((dec!(1500), true)),
                Some((dec!(1500), false)),
            ),
            // Plain numbers, signs, symbols.
            (
                "20000",
                Some((dec!(20000), true)),
                Some((dec!(20000), true)),
            ),
            ("-3", Some((dec!(-3), true)), Some((dec!(-3), true))),
            ("€ 35", Some((dec!(35), false)), Some((dec!(35), false))),
            ("12%", Some((dec!(12), false)), Some((dec!(12), false))),
            // Not numbers.
            ("", None, None),
            ("abc", None, None),
            ("1,23.4", None, None),
            ("1.2.3", None, None),
            ("1..2", None, None),
            ("7,", None, None),
            ("1.234,5.6", None, None),
        ];
        for (text, en, nl) in cases {
            for (lang, expected) in [(Lang::En, en), (Lang::Nl, nl)] {
                let read = read_number(text, lang).map(|r| (r.value, r.plain));
                assert_eq!(read, *expected, "{text:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn a_files_decimal_mark_decides_how_its_numbers_read() {
        let cases: &[(&str, char, Option<Decimal>)] = &[
            // A comma-separated file: the point is the decimal mark, whatever follows it.
            ("38.125", '.', Some(dec!(38.125))),
            ("1,234.5", '.', Some(dec!(1234.5))),
            ("3,000.50", '.', Some(dec!(3000.50))),
            ("1,000", '.', Some(dec!(1000))),
            ("1,23", '.', None),
            ("1.234.5", '.', None),
            // A semicolon-separated file: the comma is the decimal mark.
            ("38,125", ',', Some(dec!(38.125))),
            ("38.125", ',', Some(dec!(38125))),
            ("4.000,50", ',', Some(dec!(4000.50))),
            ("1,5", ',', Some(dec!(1.5))),
            ("1.5", ',', None),
            ("", ',', None),
            ("-2,5", ',', Some(dec!(-2.5))),
        ];
        for (text, mark, expected) in cases {
            assert_eq!(
                read_number_with_mark(text, *mark),
                *expected,
                "{text:?} with {mark}"
            );
        }
        for (text, shown) in [
            ("8,5", Some(',')),
            ("1.234,5", Some(',')),
            ("8.5", Some('.')),
            ("1,234.5", Some('.')),
            ("38.125", None),
            ("1,000", None),
            ("20000", None),
        ] {
            assert_eq!(decimal_mark_of(text), shown, "{text:?}");
        }
    }
}
