//! Writes compact copies of the three text assets the crate embeds (catalog, message
//! catalog, stylesheet) into `OUT_DIR`, so the download carries no indentation or
//! comments. The files under `assets/` stay readable and are what people edit; the
//! minified copies carry exactly the same data (the JSON minifier only drops whitespace
//! outside strings, the CSS one only comments and runs of whitespace).

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    for (source, target, minify) in [
        (
            "assets/catalog/iso42001.json",
            "iso42001.min.json",
            minify_json as fn(&str) -> String,
        ),
        ("assets/i18n/en.json", "en.min.json", minify_json),
        ("assets/styles.css", "styles.min.css", minify_css),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(source)
            .unwrap_or_else(|error| fail(&format!("cannot read {source}: {error}")));
        let compact = minify(&text);
        fs::write(Path::new(&out_dir).join(target), compact)
            .unwrap_or_else(|error| fail(&format!("cannot write {target}: {error}")));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}

/// Drops whitespace between JSON tokens; strings (with their escapes) are copied as they are.
fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Removes comments, collapses whitespace to one space and drops it next to `{`, `}`,
/// `;` and `,`, and drops the last `;` of a block. Other spaces (inside `calc()`, in
/// selectors, after `:`) are kept as one space, because some of them are significant.
fn minify_css(text: &str) -> String {
    let mut without_comments = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    let mut pending_space = false;
    for c in without_comments.chars() {
        if c.is_ascii_whitespace() {
            pending_space = true;
            continue;
        }
        let tight_before = matches!(c, '{' | '}' | ';' | ',');
        let tight_after = matches!(out.chars().last(), None | Some('{' | '}' | ';' | ','));
        if pending_space && !tight_before && !tight_after {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}
