//! The quick entry's own page, `quick.html`, as deployed: the stylesheet inline and the
//! first screen already in the HTML, so a visitor sees the first question as soon as
//! the page itself arrives (as fast as a static page) while the build loads. The build
//! then renders the same markup from [`crate::view`] over it and keeps an answer given
//! before it arrived.
//!
//! The first screen is the one an English visitor with nothing saved sees. The page's
//! inline check hides it (showing "Loading…" until the build renders) for everyone
//! else: options in the address, a framed page, answers or another language kept, or a
//! browser preferring German or French. Native only: `examples/quick_page.rs` writes
//! the page at build time.

use crate::view::{self, State};
use aims_engine::rules::quick::QuickAnswers;
use aims_engine::text::lang::Lang;
use aims_options::Config;

/// The stylesheet (the full app's, minified by build.rs), inline in the page and the
/// file `aims-quick.css` the build fetches everywhere else.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));

/// Where the template takes the stylesheet.
pub const STYLES_MARK: &str = "<!--aims:styles-->";

/// Where the template takes the first screen.
pub const FIRST_SCREEN_MARK: &str = "<!--aims:first-screen-->";

/// The first screen an English visitor with nothing saved sees on the app's own page:
/// exactly what the build renders for that visit.
pub fn first_screen() -> String {
    let state = State::new(
        Config::from_options(&[], false, false),
        QuickAnswers::new(),
        Lang::En,
    );
    // The result screen alone formats percentages or links to the guide.
    view::render(&state, &|p| p.to_string(), "index.html#/guide/about")
}

/// The page made from `template` (the repository's `quick.html`), which must hold each
/// mark exactly once.
pub fn page(template: &str) -> Result<String, String> {
    for mark in [STYLES_MARK, FIRST_SCREEN_MARK] {
        let found = template.matches(mark).count();
        if found != 1 {
            return Err(format!(
                "quick.html must hold {mark} exactly once, found it {found} times"
            ));
        }
    }
    Ok(template
        .replace(
            STYLES_MARK,
            &format!("<style data-aims-styles>{STYLES}</style>"),
        )
        .replace(FIRST_SCREEN_MARK, &first_screen()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = include_str!("../../../quick.html");

    #[test]
    fn the_page_shows_the_first_question_in_english_with_its_styles() {
        let page = page(TEMPLATE).unwrap();
        assert!(page.contains("<style data-aims-styles>"));
        assert!(
            page.contains(".aims-quick-options"),
            "the stylesheet is inline"
        );
        assert!(page.contains("Question 1 of 15"), "{page}");
        assert!(
            page.contains("name=\"aims-q-"),
            "the first question's options"
        );
        assert!(!page.contains(STYLES_MARK) && !page.contains(FIRST_SCREEN_MARK));
        // The next button waits for an answer; the build enables it.
        assert!(page.contains("type=\"submit\" class=\"aims-btn aims-btn--primary\" disabled"));
    }

    #[test]
    fn the_stylesheet_cannot_close_its_style_element() {
        assert!(!STYLES.contains("</"));
    }

    #[test]
    fn a_template_without_its_marks_is_refused() {
        let error = page("<html></html>").unwrap_err();
        assert!(error.contains(STYLES_MARK), "{error}");
        assert!(page(&TEMPLATE.replace(FIRST_SCREEN_MARK, "")).is_err());
        let twice = format!("{TEMPLATE}{STYLES_MARK}");
        assert!(page(&twice).unwrap_err().contains("2 times"));
    }
}
