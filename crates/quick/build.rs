//! Prepares the stylesheet the quick entry embeds, in `OUT_DIR`: the same
//! `assets/styles.css` the full app carries, minified the same way, so both builds look
//! alike and are themed by the same custom properties.

#[path = "../../build/minify_css.rs"]
mod minify_css;

fn main() {
    minify_css::write_minified_styles("../../assets/styles.css");
}
