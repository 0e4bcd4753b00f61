//! The part of the stylesheet a build's markup can use: the quick entry's `build.rs`
//! keeps only the rules whose selectors name classes its view writes. Measured: the
//! quick check matches 62 of the stylesheet's 319 rules, and the whole sheet was 40 %
//! of `quick.html`'s bytes and the bulk of what the browser parses before the first
//! question shows. Hand-written because the stylesheet is built here, in a build
//! script, where a CSS toolchain (lightningcss, PurgeCSS) would cost more to compile or
//! install than these few lines; its result is checked in the browser against the
//! whole sheet, pixel for pixel (`tests/e2e/quick.test.mjs`).

use std::collections::BTreeSet;

/// The class-like names (`aims-…`) anywhere in `source`: the quick view's source,
/// which writes every class it uses as a literal. A name that is not a class only
/// keeps a rule that could have gone; it never drops one.
pub fn class_names(source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = source;
    while let Some(at) = rest.find("aims-") {
        let name: String = rest[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        rest = &rest[at + name.len()..];
        names.insert(name);
    }
    names
}

/// The rules of `css` (minified: no comments) that can match markup using only
/// `classes`: a style rule stays when one of its selectors names no class outside
/// them (classes inside `:not(…)` are not needed for a match); `@media` and
/// `@supports` blocks keep their rules that stay; other at-rules stay whole.
pub fn keep_rules_for(css: &str, classes: &BTreeSet<String>) -> String {
    let mut out = String::new();
    for (prelude, body) in blocks(css) {
        if prelude.starts_with("@media") || prelude.starts_with("@supports") {
            let inner = keep_rules_for(body, classes);
            if !inner.is_empty() {
                out.push_str(&format!("{prelude}{{{inner}}}"));
            }
        } else if prelude.starts_with('@')
            || split_top(prelude, ',')
                .any(|selector| needed(selector).all(|c| classes.contains(&c)))
        {
            out.push_str(&format!("{prelude}{{{body}}}"));
        }
    }
    out
}

/// The top-level `prelude{body}` blocks of `css`, quotes and nesting respected.
fn blocks(css: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let (mut depth, mut quote, mut start, mut open) = (0usize, None, 0usize, 0usize);
    for (i, c) in css.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            (None, '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    found.push((css[start..open].trim(), &css[open + 1..i]));
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    found
}

/// `text` split at `separator` outside parentheses.
fn split_top(text: &str, separator: char) -> impl Iterator<Item = &str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if c == separator && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts.into_iter()
}

/// The classes a selector needs for a match: those outside `:not(…)`.
fn needed(selector: &str) -> impl Iterator<Item = String> {
    let mut kept = String::new();
    let mut rest = selector;
    while let Some(at) = rest.find(":not(") {
        kept.push_str(&rest[..at]);
        let mut depth = 0usize;
        let mut end = rest.len();
        for (i, c) in rest[at + 4..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = at + 4 + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    kept.push_str(rest);
    let mut classes = Vec::new();
    let mut text = kept.as_str();
    while let Some(at) = text.find('.') {
        let name: String = text[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        text = &text[at + 1 + name.len()..];
        // A number such as `.5` in an attribute value is no class.
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            classes.push(name);
        }
    }
    classes.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn class_names_are_read_from_the_source() {
        let names =
            class_names(r#"write!(out, "<p class=\"aims-muted aims-small\">"); "aims-btn--ghost""#);
        assert_eq!(names, set(&["aims-btn--ghost", "aims-muted", "aims-small"]));
    }

    #[test]
    fn only_rules_the_classes_can_match_stay() {
        let css = ":host{all:initial}.aims-a{color:red}.aims-b,.aims-a .aims-c{x:1}.aims-d{y:2}\
            @media (max-width:40rem){.aims-a{z:3}.aims-d{z:4}}@media print{.aims-d{w:5}}\
            .aims-a:not(.aims-d){v:6}.aims-a[data-x=\"{\"]{u:7}@keyframes k{from{o:0}}";
        let kept = keep_rules_for(css, &set(&["aims-a", "aims-b"]));
        assert_eq!(
            kept,
            ":host{all:initial}.aims-a{color:red}.aims-b,.aims-a .aims-c{x:1}\
             @media (max-width:40rem){.aims-a{z:3}}.aims-a:not(.aims-d){v:6}\
             .aims-a[data-x=\"{\"]{u:7}@keyframes k{from{o:0}}"
        );
        assert_eq!(
            keep_rules_for(css, &set(&[])),
            ":host{all:initial}@keyframes k{from{o:0}}"
        );
    }

    #[test]
    fn a_descendant_of_a_missing_class_goes() {
        assert_eq!(
            keep_rules_for(".aims-x .aims-a{c:1}", &set(&["aims-a"])),
            ""
        );
        assert_eq!(
            keep_rules_for(".aims-a{padding:.5rem}", &set(&["aims-a"])),
            ".aims-a{padding:.5rem}"
        );
    }
}
