//! The stylesheet minifier both build scripts use (the full app's `build.rs` and the
//! quick entry's `crates/quick/build.rs`): one stylesheet, `assets/styles.css`, carried
//! by both builds without comments and runs of whitespace.

use std::path::Path;

/// Writes `source` (the stylesheet, relative to the calling crate) minified, then
/// through `keep` (the whole sheet, or the part a build uses), to
/// `OUT_DIR/styles.min.css`, and asks Cargo to run the build script again when it
/// changes. Stops the build with a message when either file cannot be used.
pub fn write_minified_styles(source: &str, keep: impl FnOnce(String) -> String) {
    println!("cargo:rerun-if-changed={source}");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let text = std::fs::read_to_string(source)
        .unwrap_or_else(|error| fail(&format!("cannot read {source}: {error}")));
    std::fs::write(
        Path::new(&out_dir).join("styles.min.css"),
        keep(minify_css(&text)),
    )
    .unwrap_or_else(|error| fail(&format!("cannot write styles.min.css: {error}")));
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}

/// Removes comments, collapses whitespace to one space and drops it next to `{`, `}`,
/// `;` and `,`, and drops the last `;` of a block. Other spaces (inside `calc()`, in
/// selectors, after `:`) are kept as one space, because some of them are significant.
pub fn minify_css(text: &str) -> String {
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
