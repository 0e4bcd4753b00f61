//! Prepares the stylesheet the app embeds, in `OUT_DIR`: `assets/styles.css` stays
//! readable and is what people edit; the bundle carries it without comments and runs
//! of whitespace. (The catalog and the messages are the engine crate's: see
//! `crates/engine/build.rs`.)

#[path = "build/minify_css.rs"]
mod minify_css;

fn main() {
    // The whole sheet: the full app uses every part of it.
    minify_css::write_minified_styles("assets/styles.css", |css| css);
}
