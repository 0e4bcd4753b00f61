//! JSON as the engine reads it: `serde_json`, with numbers kept as written and objects
//! in document order (the crate's `arbitrary_precision` and `preserve_order` features),
//! and a parse error that says what is wrong (worded in any language) with a 1-based
//! line and column counted in characters.

use crate::text::messages::Texts;
use serde::de::DeserializeOwned;
use serde::Serialize;
pub use serde_json::{Map, Number, Value};

/// How JSON text is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// No whitespace: what browser storage keeps.
    Compact,
    /// Two-space indent, `"key": value`, ending with a newline: what a person downloads
    /// and what `aims-score` prints.
    Pretty,
}

/// `doc` as JSON text. Every document goes through a [`Value`] first: each type then
/// needs its serializer once (to a value), and the bundle carries one printer per
/// layout instead of one per type and layout. Writing cannot fail for the engine's
/// types (every map key is text, every number's text parses); if it did, the text would
/// be empty rather than a panic.
pub fn to_text(doc: &impl Serialize, layout: Layout) -> String {
    let Ok(value) = serde_json::to_value(doc) else {
        return String::new();
    };
    match layout {
        Layout::Compact => value.to_string(),
        Layout::Pretty => {
            let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
            out.push('\n');
            out
        }
    }
}

/// A document of type `T` read from text through [`parse`] (so every reader shares one
/// parser), or `None` when it is not JSON or not a `T`.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(parse(text.as_bytes()).ok()?).ok()
}

/// Why a text is not JSON: what and where (1-based line and column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong.
    pub message: JsonError,
}

/// What is wrong with a text that is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not valid UTF-8.
    NotUtf8,
    /// Text after the end of the document.
    TrailingText,
    /// The document ends where a value was expected.
    EndsEarly,
    /// A key that is not a quoted string.
    ExpectedKey,
    /// No `:` after a key.
    ExpectedColon,
    /// Something that is not a value.
    ExpectedValue,
    /// Nested deeper than the parser goes.
    TooDeep,
    /// No `,` or closing bracket where one belongs.
    ExpectedComma,
    /// A malformed or unrepresentable number.
    InvalidNumber,
    /// A `\u` escape that is no character.
    InvalidUEscape,
    /// A lone half of a surrogate pair.
    UnpairedSurrogate,
    /// An unknown escape.
    InvalidEscape,
    /// A string that does not end.
    UnfinishedString,
    /// A control character inside a string.
    ControlCharacter,
}

impl JsonError {
    /// The words for it in `texts`' language.
    pub fn text(self, texts: Texts) -> &'static str {
        match self {
            JsonError::NotUtf8 => texts.json_not_utf8(),
            JsonError::TrailingText => texts.json_trailing_text(),
            JsonError::EndsEarly => texts.json_ends_early(),
            JsonError::ExpectedKey => texts.json_expected_key(),
            JsonError::ExpectedColon => texts.json_expected_colon(),
            JsonError::ExpectedValue => texts.json_expected_value(),
            JsonError::TooDeep => texts.json_too_deep(),
            JsonError::ExpectedComma => texts.json_expected_comma(),
            JsonError::InvalidNumber => texts.json_invalid_number(),
            JsonError::InvalidUEscape => texts.json_invalid_u_escape(),
            JsonError::UnpairedSurrogate => texts.json_unpaired_surrogate(),
            JsonError::InvalidEscape => texts.json_invalid_escape(),
            JsonError::UnfinishedString => texts.json_unfinished_string(),
            JsonError::ControlCharacter => texts.json_control_character(),
        }
    }
}

/// Parses a whole JSON document. Nesting deeper than `serde_json`'s limit (128) is
/// refused, never a stack overflow; a repeated key keeps its first place and its last
/// value, as in every browser's `JSON.parse`.
pub fn parse(bytes: &[u8]) -> Result<Value, ParseError> {
    // UTF-8 first, so the error points at the first bad byte wherever it is (serde_json
    // only notices inside strings).
    let text = std::str::from_utf8(bytes)
        .map_err(|e| error_at(bytes, e.valid_up_to(), JsonError::NotUtf8))?;
    serde_json::from_str(text).map_err(|e| {
        let (message, at_end) = describe(&e);
        // serde_json's column is the last byte it read on the line (0: none). The
        // problem is at that byte, or just after it when the text ended or the nesting
        // went one level too deep.
        let in_line = if at_end {
            e.column()
        } else {
            e.column().saturating_sub(1)
        };
        error_at(bytes, line_start(text, e.line()) + in_line, message)
    })
}

/// What a serde_json syntax error means, and whether it is reported just after the
/// last byte read.
fn describe(e: &serde_json::Error) -> (JsonError, bool) {
    let text = e.to_string();
    let has = |words: &str| text.starts_with(words);
    if has("EOF while parsing a string") {
        (JsonError::UnfinishedString, true)
    } else if has("EOF while parsing") {
        (JsonError::EndsEarly, true)
    } else if has("recursion limit exceeded") {
        (JsonError::TooDeep, true)
    } else if has("trailing characters") {
        (JsonError::TrailingText, false)
    } else if has("key must be a string") {
        (JsonError::ExpectedKey, false)
    } else if has("expected `:`") {
        (JsonError::ExpectedColon, false)
    } else if has("expected `,`") || has("trailing comma") {
        (JsonError::ExpectedComma, false)
    } else if has("invalid number") || has("number out of range") {
        (JsonError::InvalidNumber, false)
    } else if has("lone leading surrogate") || has("unexpected end of hex escape") {
        (JsonError::UnpairedSurrogate, false)
    } else if has("invalid unicode code point") {
        (JsonError::InvalidUEscape, false)
    } else if has("invalid escape") {
        (JsonError::InvalidEscape, false)
    } else if has("control character") {
        (JsonError::ControlCharacter, false)
    } else {
        (JsonError::ExpectedValue, false)
    }
}

/// The byte offset where 1-based line `line` starts.
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(at, _)| at + 1)
}

/// The error at byte `at`, with its line and its column in characters.
fn error_at(bytes: &[u8], at: usize, message: JsonError) -> ParseError {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    // Characters, not bytes: every byte but a UTF-8 continuation byte starts one.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    ParseError {
        line,
        column,
        message,
    }
}

/// A non-negative integer written without fraction or exponent (`3`, not `3.0`).
pub fn whole(value: &Value) -> Option<u64> {
    let Value::Number(n) = value else {
        return None;
    };
    let text = n.to_string();
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A non-negative number with at most `decimals` fractional digits, as an integer
/// count of 10^-decimals (`1.5` with 2 decimals is 150). Exponents are refused.
pub fn fixed(value: &Value, decimals: u32) -> Option<u64> {
    let Value::Number(n) = value else {
        return None;
    };
    let text = n.to_string();
    let (int, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (kept, rest) = fraction.split_at(fraction.len().min(decimals as usize));
    if rest.bytes().any(|b| b != b'0') {
        return None;
    }
    let scale = 10u64.checked_pow(decimals)?;
    let mut units = int.parse::<u64>().ok()?.checked_mul(scale)?;
    let kept_scale = 10u64.pow(decimals - kept.len() as u32);
    if !kept.is_empty() {
        units = units.checked_add(kept.parse::<u64>().ok()?.checked_mul(kept_scale)?)?;
    }
    Some(units)
}

/// The value as compact JSON, for messages. A number reads as written, except that
/// serde_json keeps an exponent as `e+999` where the file may have had `e999`: the
/// plus sign is dropped again, so a message quotes `1e999` as the person wrote it.
pub fn compact(value: &Value) -> String {
    let mut out = String::new();
    write_compact(&mut out, value);
    out
}

fn write_compact(out: &mut String, value: &Value) {
    match value {
        Value::Number(n) => out.push_str(&n.to_string().replace("e+", "e")),
        Value::Array(list) => {
            out.push('[');
            for (i, v) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(out, v);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_compact(out, v);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text_and_objects_their_order() {
        let v = parse(br#"{"b": 1e999, "a": -0, "c": 18446744073709551616, "d": 1.50}"#)
            .expect("valid");
        assert_eq!(
            compact(&v),
            r#"{"b":1e999,"a":-0,"c":18446744073709551616,"d":1.50}"#
        );
        assert_eq!(whole(&v["c"]), None, "beyond u64");
        assert_eq!(fixed(&v["d"], 2), Some(150));
        assert_eq!(fixed(&v["b"], 2), None);
    }

    #[test]
    fn a_repeated_key_keeps_its_place_and_its_last_value() {
        let v = parse(br#"{"a": 1, "b": 2, "a": 3}"#).expect("valid");
        assert_eq!(compact(&v), r#"{"a":3,"b":2}"#);
    }

    #[test]
    fn errors_say_what_and_where_in_characters() {
        let e = |text: &[u8]| parse(text).expect_err("invalid");
        assert_eq!(
            e(b"{\n  \"a\": ?\n}"),
            ParseError {
                line: 2,
                column: 8,
                message: JsonError::ExpectedValue
            }
        );
        assert_eq!(e(b"").column, 1);
        assert_eq!(e(b"[1,").message, JsonError::EndsEarly);
        assert_eq!(e(b"[1,").column, 4);
        assert_eq!(e(b"\"\xc3\xa9\xff\"").column, 3, "é is one character");
        assert_eq!(e(b"\"\xc3\xa9\xff\"").message, JsonError::NotUtf8);
        assert_eq!(e(b"[1] x").message, JsonError::TrailingText);
        let deep = "[".repeat(100_000);
        assert_eq!(e(deep.as_bytes()).message, JsonError::TooDeep);
    }
}
