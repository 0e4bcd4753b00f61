//! Prepares the stylesheet the quick entry embeds, in `OUT_DIR`: the same
//! `assets/styles.css` the full app carries, minified the same way, so both builds look
//! alike and are themed by the same custom properties.

#[path = "../../build/minify_css.rs"]
mod minify_css;

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let source = "../../assets/styles.css";
    println!("cargo:rerun-if-changed={source}");
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let text = fs::read_to_string(source)
        .unwrap_or_else(|error| fail(&format!("cannot read {source}: {error}")));
    fs::write(
        Path::new(&out_dir).join("styles.min.css"),
        minify_css::minify_css(&text),
    )
    .unwrap_or_else(|error| fail(&format!("cannot write styles.min.css: {error}")));
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
