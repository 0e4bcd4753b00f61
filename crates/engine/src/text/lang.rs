//! The languages of the app: English is compiled in, German and French are loaded at
//! run time (`assets/i18n/<code>.json`, checked against English by the build).

/// A language of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (built in).
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The language code (`en`, `de`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, for the menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
        }
    }

    /// What follows a percentage in this language: a space and `%` in English, a
    /// no-break space in German, a narrow no-break space in French.
    pub fn percent_sign(self) -> &'static str {
        match self {
            Lang::En => " %",
            Lang::De => "\u{a0}%",
            Lang::Fr => "\u{202f}%",
        }
    }

    /// The language to start in: the one an embedding fixed, else the one the person
    /// chose before (`saved`, a stored code), else the first of the browser's preferred
    /// languages (`browser`, tags such as `de-CH`) the app has, else English. Both builds
    /// start this way.
    pub fn preferred(fixed: Option<Lang>, saved: Option<&str>, browser: &[String]) -> Lang {
        fixed
            .or_else(|| saved.and_then(Lang::parse))
            .or_else(|| browser.iter().find_map(|tag| Lang::parse(tag)))
            .unwrap_or_default()
    }

    /// The language of a code or a browser tag (`de`, `de-CH`, `fr_FR`), if supported.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn the_fixed_language_then_the_saved_one_then_the_browsers_then_english() {
        let browser = tags(&["it-IT", "fr-CH", "de"]);
        assert_eq!(
            Lang::preferred(Some(Lang::De), Some("fr"), &browser),
            Lang::De
        );
        assert_eq!(Lang::preferred(None, Some("fr"), &browser), Lang::Fr);
        assert_eq!(
            Lang::preferred(None, Some("xx"), &browser),
            Lang::Fr,
            "an unknown saved code is skipped"
        );
        assert_eq!(
            Lang::preferred(None, None, &browser),
            Lang::Fr,
            "the first the app has"
        );
        assert_eq!(Lang::preferred(None, None, &tags(&["it", "es"])), Lang::En);
    }
}
