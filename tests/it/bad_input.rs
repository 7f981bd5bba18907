//! Bad scenario files: each gives one clear message that names the file, the place (line and
//! column, or the field path), what was found and what is allowed; nothing panics.

use std::path::{Path, PathBuf};

use roi_planner::files::{self, LoadError};
use roi_planner::model::file::{self, MAX_FILE_BYTES, ParseError};

/// A valid scenario to break, one change at a time: the bundled chatbot without its ranges
/// (tests/analysis.rs breaks those).
static CHATBOT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let text = include_str!("../../scenarios/chatbot.ron");
    let start = text
        .find("    // How sure we are")
        .expect("a ranges section");
    let end = text.trim_end().rfind(')').expect("the closing bracket");
    format!("{}{}", &text[..start], &text[end..])
});

/// A temporary directory with files written into it.
struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().expect("temporary directory"))
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, bytes).expect("writes");
        path
    }
}

/// The chatbot scenario with `from` replaced by `to` (exactly once).
fn chatbot_with(from: &str, to: &str) -> String {
    assert_eq!(CHATBOT.matches(from).count(), 1, "{from:?} must occur once");
    CHATBOT.replacen(from, to, 1)
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    text[..at].matches('\n').count() + 1
}

/// The load error of a file, after checking it is one line that names the file.
fn load_error(path: &Path) -> String {
    let err = files::load(path).expect_err("the file must be refused");
    let message = err.to_string();
    let name = path.display().to_string();
    assert_eq!(err.lines().len(), 1, "one problem, one line: {message}");
    assert_eq!(err.lines()[0], message);
    assert!(
        message.starts_with(&name),
        "the message names the file {name}: {message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
    message
}

/// Loads `text` as a file and checks the message: the file name, `line:` and a column, and
/// every fragment in `expected`.
fn check_syntax(text: &str, line: usize, expected: &[&str]) {
    let dir = Dir::new();
    let path = dir.write("bad.ron", text);
    let message = load_error(&path);
    let place = format!("{}:{line}:", path.display());
    assert!(
        message.starts_with(&place),
        "expected the place {place}: {message}"
    );
    let column = &message[place.len()..];
    let digits = column.chars().take_while(char::is_ascii_digit).count();
    assert!(
        digits > 0 && column[digits..].starts_with(": "),
        "expected a column after {place}: {message}"
    );
    for fragment in expected {
        assert!(
            message.contains(fragment),
            "expected {fragment:?} in: {message}"
        );
    }
    // The text alone gives the same place.
    match file::parse(text) {
        Err(ParseError::Syntax { line: l, .. }) => assert_eq!(l, line),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

/// Loads `text` as a file and checks the message is exactly `expected` after the file name.
fn check_invalid(text: &str, expected: &[&str]) {
    let dir = Dir::new();
    let path = dir.write("bad.ron", text);
    let err = files::load(&path).expect_err("the file must be refused");
    let name = path.display().to_string();
    let expected: Vec<String> = expected.iter().map(|e| format!("{name}: {e}")).collect();
    assert_eq!(err.lines(), expected);
    assert_eq!(err.to_string(), expected.join("\n"));
    assert!(matches!(file::parse(text), Err(ParseError::Invalid(p)) if p.len() == expected.len()));
}

// ---------------------------------------------------------------------------------------
// The file itself
// ---------------------------------------------------------------------------------------

#[test]
fn missing_file() {
    let dir = Dir::new();
    let path = dir.0.path().join("nowhere.ron");
    let message = load_error(&path);
    assert!(message.contains("cannot read the file"), "{message}");
    assert!(
        matches!(files::load(&path), Err(LoadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound)
    );
}

#[test]
fn a_directory_is_not_a_scenario_file() {
    let dir = Dir::new();
    let path = dir.0.path().join("folder.ron");
    std::fs::create_dir(&path).expect("creates");
    let message = load_error(&path);
    assert!(message.contains("cannot read the file"), "{message}");
}

#[test]
fn a_file_over_10_mib_is_refused_before_parsing() {
    let dir = Dir::new();
    // Valid RON up to the limit (a scenario padded with a comment), one byte over it.
    let mut text = CHATBOT.to_owned();
    text.push_str("//");
    text.push_str(&"x".repeat(MAX_FILE_BYTES as usize - text.len() + 1));
    assert_eq!(text.len() as u64, MAX_FILE_BYTES + 1);
    let path = dir.write("huge.ron", &text);
    let message = load_error(&path);
    assert!(message.contains("larger than 10 MiB"), "{message}");
    assert!(matches!(
        files::load(&path),
        Err(LoadError::TooLarge { .. })
    ));
    // Exactly at the limit it is read (and is the chatbot scenario).
    let path = dir.write("limit.ron", &text[..text.len() - 1]);
    assert_eq!(
        files::load(&path).expect("loads"),
        file::parse(&CHATBOT).expect("valid")
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    let dir = Dir::new();
    // Latin-1 "café" on line 4: the é (0xE9) is the 16th character of `    name: "café",`.
    let mut bytes = CHATBOT
        .replacen("\"AI chatbot\"", "\"caf?\"", 1)
        .into_bytes();
    let at = bytes.iter().position(|&b| b == b'?').expect("marker");
    bytes[at] = 0xE9;
    let path = dir.write("latin1.ron", &bytes);
    let message = load_error(&path);
    let name = path.display();
    assert_eq!(
        message,
        format!("{name}:4:15: the byte 0xE9 is not UTF-8 text; expected a RON scenario file")
    );
    // Binary junk from the first byte.
    let path = dir.write("binary.ron", [0xFF, 0xFE, 0x00, 0x41]);
    let message = load_error(&path);
    assert!(
        message.starts_with(&format!("{}:1:1: the byte 0xFF", path.display())),
        "{message}"
    );
}

// ---------------------------------------------------------------------------------------
// Syntax and types: line and column
// ---------------------------------------------------------------------------------------

#[test]
fn not_ron() {
    check_syntax(
        "this is not a scenario {",
        1,
        &["Expected struct `Scenario` but found `this`"],
    );
    check_syntax("", 1, &["Expected"]);
    // Cut off half-way: reported at the end of the last line.
    let half = &CHATBOT[..CHATBOT.find("chatbot: (").expect("section")];
    check_syntax(
        half,
        line_of(&CHATBOT, "chatbot: (") - 1,
        &["Unexpected end of RON"],
    );
}

#[test]
fn wrong_types() {
    let text = chatbot_with("setup_cost: 25000", "setup_cost: \"lots\"");
    check_syntax(
        &text,
        line_of(&text, "\"lots\""),
        &["setup_cost is \"lots\", expected a number (at most 28 digits)"],
    );
    let text = chatbot_with("enabled: true", "enabled: 1");
    check_syntax(
        &text,
        line_of(&text, "enabled: 1"),
        &["enabled is 1, expected true or false"],
    );
    let text = chatbot_with("ramp_shape: SCurve", "ramp_shape: Wiggly");
    check_syntax(
        &text,
        line_of(&text, "Wiggly"),
        &["ramp_shape is Wiggly, expected Linear or SCurve"],
    );
    let text = chatbot_with("start_month: 1,", "start_month: 1.5,");
    check_syntax(
        &text,
        line_of(&text, "start_month: 1.5"),
        &["start_month is 1.5, expected a whole number from 1 to 120"],
    );
    let text = chatbot_with("name: \"AI chatbot\"", "name: 42");
    check_syntax(
        &text,
        line_of(&text, "name: 42"),
        &["Expected string", "`name: 42`"],
    );
}

#[test]
fn a_missing_field() {
    let text = CHATBOT.replacen("        fcr_pct: 70,\n", "", 1);
    // Reported where the baseline section closes.
    let baseline_end = line_of(&text, "agent_cost_per_paid_hour") + 1;
    check_syntax(
        &text,
        baseline_end,
        &["missing field", "`fcr_pct`", "`Baseline`"],
    );
    let text = CHATBOT.replacen("    finance: (", "    unused: (", 1);
    check_syntax(
        &text,
        line_of(&text, "unused"),
        &["`unused`", "expected one of"],
    );
}

#[test]
fn an_unknown_field_lists_the_allowed_ones() {
    let text = chatbot_with(
        "containment_pct: 35,",
        "containment_pct: 35,\n        containment: 35,",
    );
    check_syntax(
        &text,
        line_of(&text, "containment: 35"),
        &["`containment`", "`containment_pct`"],
    );
}

#[test]
fn whole_numbers_out_of_their_type() {
    // A negative or huge month cannot even be read; the message says what is allowed.
    let text = chatbot_with("horizon_months: 18", "horizon_months: -1");
    check_syntax(
        &text,
        line_of(&text, "horizon_months: -1"),
        &["horizon_months is -1, expected a whole number from 1 to 120"],
    );
    let text = chatbot_with("ramp_months: 3", "ramp_months: 99999999999");
    check_syntax(
        &text,
        line_of(&text, "99999999999"),
        &["ramp_months is 99999999999, expected a whole number from 0 to 36"],
    );
}

#[test]
fn absurd_magnitudes() {
    // 1e30 is beyond what a Decimal holds (about 7.9e28): refused while reading.
    let text = chatbot_with("setup_cost: 25000", "setup_cost: 1e30");
    check_syntax(
        &text,
        line_of(&text, "1e30"),
        &[
            "setup_cost is 1e30, which is not a number",
            "at most 28 digits",
        ],
    );
    let text = chatbot_with(
        "contacts_per_month: 20000",
        "contacts_per_month: 123456789012345678901234567890123",
    );
    check_syntax(
        &text,
        line_of(&text, "123456789"),
        &[
            "contacts_per_month is 123456789012345678901234567890123",
            "at most 28 digits",
        ],
    );
    for not_a_number in ["NaN", "inf", "-inf"] {
        let text = chatbot_with(
            "contacts_per_month: 20000",
            &format!("contacts_per_month: {not_a_number}"),
        );
        check_syntax(
            &text,
            line_of(&text, not_a_number),
            &[
                &format!("contacts_per_month is {not_a_number},"),
                "at most 28 digits",
            ],
        );
    }
    // 1e25 reads, then is out of range.
    check_invalid(
        &chatbot_with("contacts_per_month: 20000", "contacts_per_month: 1e25"),
        &[
            "baseline.contacts_per_month is 10000000000000000000000000, expected 0 to 10000000 (contacts/month)",
        ],
    );
}

#[test]
fn deeply_nested_input() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    check_syntax(
        &deep(10_000),
        1,
        &["Expected opening `(` for struct `Scenario`"],
    );
    check_syntax(
        &format!("{}{}", "(".repeat(10_000), ")".repeat(10_000)),
        1,
        &["Expected identifier"],
    );
    // Nested where a list is expected, and where a number is.
    let text = CHATBOT.replacen(
        "    finance: (",
        &format!(
            "    custom: (enabled: true, lines: {}),\n    finance: (",
            deep(10_000)
        ),
        1,
    );
    check_syntax(&text, line_of(&text, "lines: ["), &["CustomLine"]);
    let text = chatbot_with(
        "setup_cost: 25000",
        &format!("setup_cost: {}", deep(10_000)),
    );
    check_syntax(
        &text,
        line_of(&text, "setup_cost: ["),
        &["setup_cost is [[[", "expected a number (at most 28 digits)"],
    );
    // Where the reader does not say what it found, the message quotes the start of it.
    let text = chatbot_with("name: \"AI chatbot\"", &format!("name: {}", deep(10_000)));
    check_syntax(
        &text,
        line_of(&text, "name: ["),
        &["Expected string in `name: [[[[", "[…`"],
    );
}

// ---------------------------------------------------------------------------------------
// Values out of range: the field path, the value and the range
// ---------------------------------------------------------------------------------------

#[test]
fn values_out_of_range() {
    check_invalid(
        &chatbot_with("contacts_per_month: 20000", "contacts_per_month: -5"),
        &["baseline.contacts_per_month is -5, expected 0 to 10000000 (contacts/month)"],
    );
    check_invalid(
        &chatbot_with("containment_pct: 35", "containment_pct: 140"),
        &["chatbot.containment_pct is 140, expected 0 to 100 (%)"],
    );
    check_invalid(
        &chatbot_with("horizon_months: 18", "horizon_months: 0"),
        &["finance.horizon_months is 0, expected 1 to 120 (months)"],
    );
    check_invalid(
        &chatbot_with("horizon_months: 18", "horizon_months: 10000"),
        &["finance.horizon_months is 10000, expected 1 to 120 (months)"],
    );
    check_invalid(
        &chatbot_with("setup_cost: 25000", "setup_cost: 100000000.01"),
        &["chatbot.setup_cost is 100000000.01, expected 0 to 100000000 (€)"],
    );
}

#[test]
fn every_problem_on_its_own_line() {
    let text = chatbot_with("contacts_per_month: 20000", "contacts_per_month: -5")
        .replacen("containment_pct: 35", "containment_pct: 140", 1)
        .replacen("schema_version: 1", "schema_version: 2", 1)
        .replacen("currency: \"EUR\"", "currency: \"USD\"", 1);
    check_invalid(
        &text,
        &[
            "schema_version is 2, expected 1 to 1 (a newer roi-planner may have written this file)",
            "currency is \"USD\", expected \"EUR\" (the only currency supported)",
            "baseline.contacts_per_month is -5, expected 0 to 10000000 (contacts/month)",
            "chatbot.containment_pct is 140, expected 0 to 100 (%)",
        ],
    );
}

#[test]
fn custom_lines_out_of_range() {
    let with_lines = |lines: &str| {
        CHATBOT.replacen(
            "    finance: (",
            &format!("    custom: (enabled: true, lines: [{lines}]),\n    finance: ("),
            1,
        )
    };
    check_invalid(
        &with_lines(r#"(name: "fee", kind: cost, amount: -1, timing: OneOff(month: 0))"#),
        &[
            "custom.lines[0].amount is -1, expected 0 to 1000000000 (€)",
            "custom.lines[0].timing.month is 0, expected a month from 1 to 120",
        ],
    );
    check_invalid(
        &with_lines(
            r#"(name: "ok", kind: benefit, amount: 1, timing: OneOff(month: 1)), (name: " ", kind: benefit, amount: 5, timing: Spread(from: 7, to: 3))"#,
        ),
        &[
            "custom.lines[1].name is \" \", expected 1 to 200 characters",
            "custom.lines[1].timing runs from month 7 to month 3, expected the first month not after the last",
        ],
    );
    check_invalid(
        &with_lines(
            r#"(name: "licence", kind: cost, amount: 10, timing: Monthly(from: 1, to: 121))"#,
        ),
        &["custom.lines[0].timing.to is 121, expected a month from 1 to 120"],
    );
}

// ---------------------------------------------------------------------------------------
// What editors and other tools do to a file
// ---------------------------------------------------------------------------------------

#[test]
fn a_byte_order_mark_and_any_line_ending_are_accepted() {
    let plain = file::parse(&CHATBOT).expect("the bundled chatbot");
    // Windows tools add a byte order mark and write CR LF; old Mac editors end lines with CR
    // alone (where a `//` comment would otherwise run to the end of the file).
    let bom = format!("\u{feff}{}", *CHATBOT);
    let crlf = CHATBOT.replace('\n', "\r\n");
    let cr = CHATBOT.replace('\n', "\r");
    for (what, text) in [("BOM", &bom), ("CR LF", &crlf), ("CR", &cr)] {
        let read = file::parse(text).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(read, plain, "{what}");
    }
    // Line numbers in messages count CR-only lines as the editor shows them.
    let broken = chatbot_with("ramp_months: 3,", "ramp_months: 3.5,").replace('\n', "\r");
    match file::parse(&broken) {
        Err(ParseError::Syntax { line, .. }) => {
            assert_eq!(line, line_of(&CHATBOT, "ramp_months: 3,"));
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_range_given_twice_is_refused_with_both_places() {
    let text = CHATBOT.replacen(
        "\n)",
        "\n    ranges: {\n        \"chatbot.containment_pct\": (low: 20, high: 55),\n        \"chatbot.setup_cost\": (low: 20000, high: 30000),\n        \"chatbot.containment_pct\": (low: 30, high: 45),\n    },\n)",
        1,
    );
    let first = line_of(&text, "\"chatbot.containment_pct\": (low: 20");
    let second = line_of(&text, "\"chatbot.containment_pct\": (low: 30");
    check_syntax(
        &text,
        second,
        &[
            "ranges gives \"chatbot.containment_pct\" a second time",
            &format!("(first at {first}:9)"),
            "expected each input at most once",
        ],
    );
}

#[test]
fn no_typed_value_is_taken_as_left_out() {
    // Older files leave out the chatbot's minutes per resolution; they get the average handle
    // time. A value typed in the file is kept, whatever it is, and checked like any other:
    // the decimal type's smallest value is refused, not replaced.
    for typed in [
        "-79228162514264337593543950335",
        "-79228162514264337593543950335.0",
        "-7.9228162514264337593543950335",
    ] {
        let text = chatbot_with(
            "handle_time_saved_minutes: 4,",
            &format!("handle_time_saved_minutes: {typed},"),
        );
        let refused = file::parse(&text).expect_err("a negative number of minutes is refused");
        assert!(
            refused.to_string().contains("handle_time_saved_minutes"),
            "{typed}: {refused}"
        );
    }
    let left_out = chatbot_with("handle_time_saved_minutes: 4,", "");
    let read = file::parse(&left_out).expect("an older file").into_inner();
    assert_eq!(
        read.chatbot.handle_time_saved_minutes,
        read.baseline.handle_time_minutes
    );
}

#[test]
fn parser_words_become_sentences_that_name_the_place() {
    let cases = [
        (
            chatbot_with("ramp_shape: SCurve,", "ramp_shape: S-Curve,"),
            "ramp_shape: S-Curve",
            "ramp_shape is S-Curve, expected Linear or SCurve",
        ),
        (
            chatbot_with("containment_pct: 35,", "containment_pct: 35 35,"),
            "containment_pct: 35 35",
            "containment_pct is `35 35`: expected one value, then a comma",
        ),
        (
            chatbot_with("schema_version: 1,", "schema_version: 99999999999,"),
            "schema_version",
            "schema_version is 99999999999, expected 1",
        ),
        (
            CHATBOT.replacen("\n)", "\n    actuals: [(month: 1.5, contacts: 1)],\n)", 1),
            "month: 1.5",
            "month is 1.5, expected a whole number from 1 to 120",
        ),
        (
            CHATBOT.replacen("\n)", "\n    actuals: [(month: 99999999999)],\n)", 1),
            "month: 99999999999",
            "month is 99999999999, expected a whole number from 1 to 120",
        ),
        (
            CHATBOT.replacen(
                "\n)",
                "\n    actuals: [(month: 1, contacts: 1, contacts: 2)],\n)",
                1,
            ),
            "contacts: 2",
            "a month of actuals gives contacts a second time; expected each field once",
        ),
        (
            chatbot_with("containment_pct: 35,", "containment_pct: 1e400,"),
            "containment_pct: 1e400",
            "containment_pct is 1e400, which is not a number this program can hold",
        ),
    ];
    for (text, at, expected) in cases {
        check_syntax(&text, line_of(&text, at), &[expected]);
        let message = file::parse(&text).expect_err("refused").to_string();
        for parser_word in [
            "Expected comma",
            "Integer is out of bounds",
            "invalid std identifier",
        ] {
            assert!(!message.contains(parser_word), "{message}");
        }
    }
}

#[test]
fn a_source_for_no_input_or_given_twice_is_refused() {
    let dir = Dir::new();
    // The chatbot file without its own sources.
    let start = CHATBOT
        .find("    // Where each value comes from")
        .expect("a sources section");
    let end = start + CHATBOT[start..].find("\n    },\n").expect("its end") + "\n    },\n".len();
    let bare = format!("{}{}", &CHATBOT[..start], &CHATBOT[end..]);
    // A path no input has.
    let text = bare.replacen(
        "\n)",
        "\n    sources: {\n        \"chatbot.bogus\": (source: \"somebody\"),\n    },\n)",
        1,
    );
    let message = load_error(&dir.write("bogus.ron", &text));
    assert!(
        message.contains("sources.chatbot.bogus is no input; expected an input's path"),
        "{message}"
    );
    // The same input twice.
    let text = bare.replacen(
        "\n)",
        "\n    sources: {\n        \"chatbot.containment_pct\": (source: \"pilot\"),\n        \"chatbot.containment_pct\": (source: \"vendor\"),\n    },\n)",
        1,
    );
    let message = load_error(&dir.write("twice.ron", &text));
    // Worded as a repeated range is, with the first place too.
    assert!(
        message.contains("sources gives \"chatbot.containment_pct\" a second time (first at "),
        "{message}"
    );
    // Too long a text.
    let long = "x".repeat(roi_planner::model::sources::TEXT_MAX_CHARS + 1);
    let text = bare.replacen(
        "\n)",
        &format!("\n    sources: {{\n        \"chatbot.containment_pct\": (source: \"{long}\"),\n    }},\n)"),
        1,
    );
    let message = load_error(&dir.write("long.ron", &text));
    assert!(
        message.contains(
            "sources.chatbot.containment_pct.source is 501 characters long, expected at most 500"
        ),
        "{message}"
    );
}
