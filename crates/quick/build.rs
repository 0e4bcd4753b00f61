//! Prepares the stylesheet the quick entry carries, in `OUT_DIR`: the same
//! `assets/styles.css` the full app carries, minified the same way, so both builds look
//! alike and are themed by the same custom properties; of it only the rules for the
//! classes the quick view writes (`build/css_subset.rs` says why).

#[path = "../../build/minify_css.rs"]
mod minify_css;

#[path = "../../build/css_subset.rs"]
mod css_subset;

fn main() {
    const VIEW: &str = "src/view.rs";
    println!("cargo:rerun-if-changed={VIEW}");
    let view = std::fs::read_to_string(VIEW).unwrap_or_else(|error| {
        eprintln!("build.rs: cannot read {VIEW}: {error}");
        std::process::exit(1)
    });
    let classes = css_subset::class_names(&view);
    minify_css::write_minified_styles("../../assets/styles.css", |css| {
        css_subset::keep_rules_for(&css, &classes)
    });
}
