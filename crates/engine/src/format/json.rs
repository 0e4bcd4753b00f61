//! A small JSON reader and writer, just what the export format, the catalog and browser
//! storage need. It replaces serde_json in the browser bundle (about a fifth of its
//! size), keeps numbers as their exact text so fixed-point values never pass through
//! floating point, and never panics on any input.

use crate::model::decimal::format_fixed;
use crate::text::messages::msg;
use std::fmt::Write as _;

/// The deepest nesting accepted; deeper input is refused instead of exhausting the stack.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Numbers keep their text (`"1.50"`), objects their key order.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, in document order (a repeated key: the last one wins in [`Value::get`]).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The members of an object, without repeated keys (the last one wins).
    pub fn members(&self) -> Option<Vec<(&str, &Value)>> {
        let Value::Object(members) = self else {
            return None;
        };
        let mut out: Vec<(&str, &Value)> = Vec::with_capacity(members.len());
        for (k, v) in members {
            match out.iter_mut().find(|(seen, _)| *seen == k) {
                Some(slot) => slot.1 = v,
                None => out.push((k, v)),
            }
        }
        Some(out)
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A non-negative integer written without fraction or exponent (`3`, not `3.0`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
            _ => None,
        }
    }

    /// A non-negative number with at most `decimals` fractional digits, as an integer
    /// count of 10^-decimals (`"1.5"` with 2 decimals is 150). Exponents are refused.
    pub fn as_fixed(&self, decimals: u32) -> Option<u64> {
        let Value::Number(text) = self else {
            return None;
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let (kept, rest) = fraction.split_at(fraction.len().min(decimals as usize));
        if rest.bytes().any(|b| b != b'0') {
            return None;
        }
        let scale = 10u64.checked_pow(decimals)?;
        let mut value = whole.parse::<u64>().ok()?.checked_mul(scale)?;
        let kept_scale = 10u64.pow(decimals - kept.len() as u32);
        if !kept.is_empty() {
            value = value.checked_add(kept.parse::<u64>().ok()?.checked_mul(kept_scale)?)?;
        }
        Some(value)
    }

    /// The value as compact JSON, for messages.
    pub fn to_compact(&self) -> String {
        let mut w = Writer::compact();
        w.value(self);
        w.finish()
    }
}

/// Why a text is not JSON: what and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong.
    pub message: &'static str,
}

/// Parses a whole JSON document.
pub fn parse(bytes: &[u8]) -> Result<Value, ParseError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Err(error_at(bytes, e.valid_up_to(), msg::json_not_utf8())),
    };
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    p.skip_ws();
    let value = p.value()?;
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(p.err(msg::json_trailing_text()));
    }
    Ok(value)
}

fn error_at(bytes: &[u8], at: usize, message: &'static str) -> ParseError {
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

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, message: &'static str) -> ParseError {
        error_at(self.s, self.i, message)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, ParseError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.err(msg::json_expected_value()))
        }
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        match self.peek() {
            None => Err(self.err(msg::json_ends_early())),
            Some(b'{') => self.nested(b'}', |p| {
                let mut members = Vec::new();
                loop {
                    p.skip_ws();
                    if p.peek() != Some(b'"') {
                        return Err(p.err(msg::json_expected_key()));
                    }
                    let key = p.string()?;
                    p.skip_ws();
                    if p.peek() != Some(b':') {
                        return Err(p.err(msg::json_expected_colon()));
                    }
                    p.i += 1;
                    p.skip_ws();
                    members.push((key, p.value()?));
                    if !p.separator(b'}')? {
                        return Ok(Value::Object(members));
                    }
                }
            }),
            Some(b'[') => self.nested(b']', |p| {
                let mut items = Vec::new();
                loop {
                    p.skip_ws();
                    items.push(p.value()?);
                    if !p.separator(b']')? {
                        return Ok(Value::Array(items));
                    }
                }
            }),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err(msg::json_expected_value())),
        }
    }

    /// Parses `{…}` or `[…]` with a depth guard; an empty one is handled here.
    fn nested(
        &mut self,
        close: u8,
        body: impl FnOnce(&mut Self) -> Result<Value, ParseError>,
    ) -> Result<Value, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err(msg::json_too_deep()));
        }
        self.i += 1;
        self.skip_ws();
        let result = if self.peek() == Some(close) {
            self.i += 1;
            Ok(if close == b'}' {
                Value::Object(Vec::new())
            } else {
                Value::Array(Vec::new())
            })
        } else {
            body(self)
        };
        self.depth -= 1;
        result
    }

    /// After a member or item: `,` means more (true), the closing bracket means done.
    fn separator(&mut self, close: u8) -> Result<bool, ParseError> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.i += 1;
                Ok(false)
            }
            _ => Err(self.err(msg::json_expected_comma())),
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i - from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            return Err(self.err(msg::json_invalid_number()));
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err(msg::json_invalid_number()));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err(msg::json_invalid_number()));
            }
        }
        // Only ASCII digits, signs, '.' and 'e' got here, so bytes are characters.
        Ok(Value::Number(
            self.s[start..self.i]
                .iter()
                .map(|&b| char::from(b))
                .collect(),
        ))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let hex = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.err(msg::json_invalid_u_escape()))?;
        let text = std::str::from_utf8(hex).map_err(|_| self.err(msg::json_invalid_u_escape()))?;
        let code =
            u32::from_str_radix(text, 16).map_err(|_| self.err(msg::json_invalid_u_escape()))?;
        self.i += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while !matches!(self.peek(), None | Some(b'"' | b'\\' | 0..=0x1f)) {
                self.i += 1;
            }
            // The input is valid UTF-8 and we stopped on ASCII, so this slice is too.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let escaped = self
                        .peek()
                        .ok_or_else(|| self.err(msg::json_unfinished_escape()))?;
                    self.i += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return Err(self.err(msg::json_unpaired_surrogate()));
                                }
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.err(msg::json_unpaired_surrogate()));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.err(msg::json_invalid_u_escape()))?,
                            );
                        }
                        _ => return Err(self.err(msg::json_invalid_escape())),
                    }
                }
                None => return Err(self.err(msg::json_unfinished_string())),
                Some(_) => return Err(self.err(msg::json_control_character())),
            }
        }
    }
}

/// Writes JSON either compact or pretty (two-space indent, `"key": value`, one member
/// per line, empty containers as `{}` / `[]`).
pub struct Writer {
    out: String,
    pretty: bool,
    /// For each open container: whether it has a member yet.
    open: Vec<bool>,
    /// A key was just written; the next value goes on the same line.
    after_key: bool,
}

impl Writer {
    /// A writer without whitespace.
    pub fn compact() -> Writer {
        Writer {
            out: String::new(),
            pretty: false,
            open: Vec::new(),
            after_key: false,
        }
    }

    /// A writer with two-space indentation.
    pub fn pretty() -> Writer {
        Writer {
            pretty: true,
            ..Writer::compact()
        }
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.open.len() {
                self.out.push_str("  ");
            }
        }
    }

    /// Called before any value or key: separators and indentation.
    fn before(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if let Some(has) = self.open.last_mut() {
            let had = *has;
            *has = true;
            if had {
                self.out.push(',');
            }
            self.newline();
        }
    }

    fn close(&mut self, bracket: char) {
        let had = self.open.pop().unwrap_or(false);
        if had {
            self.newline();
        }
        self.out.push(bracket);
    }

    /// Opens an object.
    pub fn begin_object(&mut self) -> &mut Self {
        self.before();
        self.out.push('{');
        self.open.push(false);
        self
    }

    /// Closes an object.
    pub fn end_object(&mut self) -> &mut Self {
        self.close('}');
        self
    }

    /// Opens an array.
    pub fn begin_array(&mut self) -> &mut Self {
        self.before();
        self.out.push('[');
        self.open.push(false);
        self
    }

    /// Closes an array.
    pub fn end_array(&mut self) -> &mut Self {
        self.close(']');
        self
    }

    /// Writes an object key; the next call writes its value.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.before();
        escape_into(&mut self.out, key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
        self.after_key = true;
        self
    }

    /// Writes a string.
    pub fn string(&mut self, s: &str) -> &mut Self {
        self.before();
        escape_into(&mut self.out, s);
        self
    }

    /// Writes an integer.
    pub fn uint(&mut self, n: u64) -> &mut Self {
        self.before();
        let _ = write!(self.out, "{n}");
        self
    }

    /// Writes a fixed-point number given in units of 10^-decimals (150, 2 → `1.5`).
    pub fn fixed(&mut self, units: u64, decimals: u32) -> &mut Self {
        self.before();
        self.out.push_str(&format_fixed(units, decimals));
        self
    }

    /// Writes a signed fixed-point number (-25, 1 → `-2.5`).
    pub fn signed_fixed(&mut self, units: i64, decimals: u32) -> &mut Self {
        self.before();
        if units < 0 {
            self.out.push('-');
        }
        self.out
            .push_str(&format_fixed(units.unsigned_abs(), decimals));
        self
    }

    /// Writes a string, or `null` for `None`.
    pub fn opt_string(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// Writes an integer, or `null` for `None`.
    pub fn opt_uint(&mut self, n: Option<u64>) -> &mut Self {
        match n {
            Some(n) => self.uint(n),
            None => self.null(),
        }
    }

    /// Writes `true` or `false`.
    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.before();
        self.out.push_str(if b { "true" } else { "false" });
        self
    }

    /// Writes `null`.
    pub fn null(&mut self) -> &mut Self {
        self.before();
        self.out.push_str("null");
        self
    }

    /// Writes a parsed value back out.
    pub fn value(&mut self, v: &Value) -> &mut Self {
        match v {
            Value::Null => self.null(),
            Value::Bool(b) => self.bool(*b),
            Value::Number(n) => {
                self.before();
                self.out.push_str(n);
                self
            }
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                self.begin_array();
                for item in items {
                    self.value(item);
                }
                self.end_array()
            }
            Value::Object(members) => {
                self.begin_object();
                for (k, item) in members {
                    self.key(k).value(item);
                }
                self.end_object()
            }
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// The text written, ending with a newline, as a file printed by `aims-score` does.
    pub fn finish_line(self) -> String {
        let mut out = self.out;
        out.push('\n');
        out
    }
}

fn escape_into(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Value, ParseError> {
        parse(s.as_bytes())
    }

    #[test]
    fn parses_every_kind_of_value() {
        let v = p(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#).expect("valid");
        assert_eq!(
            v.get("a"),
            Some(&Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ]))
        );
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"\\/\né😀"));
        assert_eq!(v.get("c"), Some(&Value::Object(vec![])));
    }

    #[test]
    fn rejects_malformed_input_with_a_position() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "\"\\x\"",
            "\"a\nb\"",
            "tru",
            "{} x",
            "\"\\ud800\"",
            "[1 2]",
        ] {
            assert!(p(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(
            p("{\n  \"a\": ?\n}"),
            Err(ParseError {
                line: 2,
                column: 8,
                message: "expected a value"
            })
        );
        assert_eq!(
            parse(&[b'"', 0xff, b'"']).map_err(|e| e.message),
            Err("the text is not valid UTF-8")
        );
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        assert!(p(&"[".repeat(100_000)).is_err());
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(p(&ok).is_ok());
    }

    #[test]
    fn numbers_read_as_integers_and_fixed_point_without_floats() {
        let n = |s: &str| Value::Number(s.into());
        assert_eq!(n("3").as_u64(), Some(3));
        assert_eq!(n("3.0").as_u64(), None);
        assert_eq!(n("-3").as_u64(), None);
        assert_eq!(n("1.5").as_fixed(2), Some(150));
        assert_eq!(n("1.50").as_fixed(2), Some(150));
        assert_eq!(n("0.25").as_fixed(2), Some(25));
        assert_eq!(n("1.500").as_fixed(2), Some(150));
        assert_eq!(n("1.505").as_fixed(2), None);
        assert_eq!(n("1e2").as_fixed(2), None);
        assert_eq!(n("-1").as_fixed(2), None);
        assert_eq!(n("99999999999999999999").as_fixed(2), None);
        assert_eq!(format_fixed(150, 2), "1.5");
        assert_eq!(format_fixed(300, 2), "3");
        assert_eq!(format_fixed(5, 2), "0.05");
        assert_eq!(format_fixed(734, 1), "73.4");
    }

    #[test]
    fn writes_pretty_and_compact_and_round_trips() {
        let text = "{\n  \"a\": [\n    1,\n    \"x\\n\\u0001\"\n  ],\n  \"b\": {},\n  \"c\": []\n}";
        let v = p(text).expect("valid");
        let mut w = Writer::pretty();
        w.value(&v);
        assert_eq!(w.finish(), text);
        assert_eq!(
            v.to_compact(),
            "{\"a\":[1,\"x\\n\\u0001\"],\"b\":{},\"c\":[]}"
        );
    }

    #[test]
    fn members_dedupe_keys_last_wins() {
        let v = p(r#"{"a": 1, "b": 2, "a": 3}"#).expect("valid");
        assert_eq!(v.get("a").and_then(Value::as_u64), Some(3));
        let m = v.members().expect("object");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].1.as_u64(), Some(3));
    }
}
