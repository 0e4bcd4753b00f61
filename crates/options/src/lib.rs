//! How the widget was started: stand-alone page, iframe with options in the URL, or
//! inline mount with options from an object or `data-` attributes (docs/embedding.md).
//! Shared by the two builds, the full app and the quick entry (`crates/quick`), so an
//! option means the same in both. Pure Rust: tested natively.
#![deny(missing_docs)]

use aims_engine::text::lang::Lang;

/// Which part of the product to show first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The full assessment (home screen).
    Full,
    /// The quick readiness check only.
    Quick,
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the visitor's system setting.
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// Where share events go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareTarget {
    /// No sharing configured: the share button is not shown and nothing is ever sent.
    None,
    /// Inline mode: a `CustomEvent` named `aims:share` on the mount element.
    DomEvent,
    /// Iframe mode: `postMessage` to the parent, only to this exact origin.
    ParentOrigin(String),
}

/// Start-up options, validated: anything malformed falls back to the default.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// First screen.
    pub mode: Mode,
    /// Storage namespace (see storage.rs).
    pub namespace: String,
    /// Colour scheme.
    pub theme: Theme,
    /// Accent colour as `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    /// Call-to-action text on the quick-check result.
    pub cta_text: Option<String>,
    /// Call-to-action link (http, https or a relative path only).
    pub cta_href: Option<String>,
    /// Where the share summary goes.
    pub share: ShareTarget,
    /// Mounted inside a host page (hides the full-page chrome).
    pub embedded: bool,
    /// Where the files loaded on demand (the guide) are served from, for inline and
    /// custom-element embeds on another page; `None`: beside the page itself.
    pub assets: Option<String>,
    /// A language the embedding fixed (`lang` option); `None`: the visitor chooses.
    pub lang: Option<Lang>,
    /// Inline embeds: the screen to open first (a route such as `/quick/continue`), set
    /// by the loader when the quick entry hands over to the full app; `None`: the mode's.
    pub start: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mode: Mode::Full,
            namespace: "default".into(),
            theme: Theme::Auto,
            accent: None,
            cta_text: None,
            cta_href: None,
            share: ShareTarget::None,
            embedded: false,
            assets: None,
            lang: None,
            start: None,
        }
    }
}

impl Config {
    /// Builds a config from `(name, value)` options, the same names in every embedding
    /// (`mode`, `namespace`, `theme`, `accent`, `cta-text`, `cta-href`, `share-origin`).
    pub fn from_options(options: &[(String, String)], embedded: bool, iframe: bool) -> Config {
        let mut c = Config {
            embedded,
            ..Config::default()
        };
        for (name, value) in options {
            let value = value.trim().to_owned();
            match name.as_str() {
                "mode" if value == "quick" => c.mode = Mode::Quick,
                "mode" if value == "full" => c.mode = Mode::Full,
                "namespace" => c.namespace = value,
                "theme" if value == "light" => c.theme = Theme::Light,
                "theme" if value == "dark" => c.theme = Theme::Dark,
                "accent" if is_hex_colour(&value) => c.accent = Some(value),
                "cta-text" | "cta_text" | "ctaText" if !value.is_empty() => {
                    c.cta_text = Some(value.chars().take(80).collect())
                }
                "cta-href" | "cta_href" | "ctaHref" if is_safe_link(&value) => {
                    c.cta_href = Some(value)
                }
                "share-origin" | "share_origin" | "shareOrigin" if iframe && is_origin(&value) => {
                    c.share = ShareTarget::ParentOrigin(value)
                }
                "lang" | "language" => c.lang = Lang::parse(&value),
                "assets" if !iframe && is_safe_link(&value) => {
                    let slash = if value.ends_with('/') { "" } else { "/" };
                    c.assets = Some(format!("{value}{slash}"))
                }
                "start" if !iframe && value.starts_with('/') && !value.starts_with("//") => {
                    c.start = Some(value.chars().take(200).collect())
                }
                "share" | "share-event" | "shareEvent"
                    if !iframe && (value == "true" || value == "event") =>
                {
                    c.share = ShareTarget::DomEvent
                }
                _ => {}
            }
        }
        c
    }
}

/// `#rgb` or `#rrggbb`: anything else could inject CSS.
pub fn is_hex_colour(v: &str) -> bool {
    let Some(hex) = v.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// http(s) links and relative paths; never `javascript:` or `data:`.
pub fn is_safe_link(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    !v.is_empty()
        && (lower.starts_with("https://")
            || lower.starts_with("http://")
            || (v.starts_with('/') && !v.starts_with("//")))
}

/// An exact origin such as `https://portal.example.com` (scheme, host, optional port;
/// no path, no wildcard).
pub fn is_origin(v: &str) -> bool {
    let Some(rest) = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
    else {
        return false;
    };
    !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        && !rest.starts_with(':')
}

/// The text colour that reads on an accent (`#rgb`/`#rrggbb`): near-black on light
/// accents, white on dark ones (relative luminance above 0.18 counts as light).
pub fn text_on(accent: &str) -> &'static str {
    let hex = accent.trim_start_matches('#');
    let channel = |i: usize| -> f64 {
        let v = if hex.len() == 3 {
            u8::from_str_radix(&hex[i..i + 1].repeat(2), 16)
        } else {
            u8::from_str_radix(hex.get(2 * i..2 * i + 2).unwrap_or("00"), 16)
        };
        // Gamma 2 instead of the exact sRGB curve: close enough to pick black or white,
        // and it keeps `powf` out of the bundle.
        let c = f64::from(v.unwrap_or(0)) / 255.0;
        c * c
    };
    let luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    if luminance > 0.18 {
        "#11151d"
    } else {
        "#ffffff"
    }
}

/// The file a deployer of the iframe version puts beside the widget's page to list the
/// host origins allowed to receive a share (docs/embedding.md):
/// `{"share_origins": ["https://portal.acme.example"]}`.
pub const EMBED_POLICY_FILE: &str = "aims-embed.json";

/// What the deployer's policy file says, as each build reads it with the JSON parser it
/// carries (the full app its own, the quick entry the browser's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedPolicy {
    /// No policy file is deployed.
    Absent,
    /// A file that cannot be read as a policy.
    Unreadable,
    /// The origins the file lists.
    Origins(Vec<String>),
}

impl EmbedPolicy {
    /// Whether the policy lets `origin` receive a share. No policy file: the
    /// `share-origin` the host page passed is used (still only that exact origin, and
    /// only after the visitor presses "Share"). A file that cannot be read as a policy
    /// allows nobody: a restriction that was meant must not fail open.
    pub fn allows(&self, origin: &str) -> bool {
        match self {
            EmbedPolicy::Absent => true,
            EmbedPolicy::Unreadable => false,
            EmbedPolicy::Origins(list) => list.iter().any(|o| o == origin),
        }
    }
}

/// The storage prefix of a namespace: `aims.<ns>.v1.`, the namespace kept to letters,
/// digits, `-` and `_` (at most 40; anything else is dropped; empty: `default`). Both
/// builds keep the quick check's answers under it, so they carry over between them.
pub fn storage_prefix(namespace: &str) -> String {
    let ns: String = namespace
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    let ns = if ns.is_empty() {
        "default"
    } else {
        ns.as_str()
    };
    format!("aims.{ns}.v1.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn share_origin_only_in_a_frame_and_share_event_only_inline() {
        let o = options(&[
            ("share-origin", "https://portal.example"),
            ("share", "event"),
        ]);
        assert_eq!(
            Config::from_options(&o, true, true).share,
            ShareTarget::ParentOrigin("https://portal.example".into())
        );
        assert_eq!(
            Config::from_options(&o, true, false).share,
            ShareTarget::DomEvent
        );
    }

    #[test]
    fn a_policy_file_that_cannot_be_read_allows_nobody() {
        assert!(EmbedPolicy::Absent.allows("https://a.example"));
        assert!(!EmbedPolicy::Unreadable.allows("https://a.example"));
        let listed = EmbedPolicy::Origins(vec!["https://a.example".into()]);
        assert!(listed.allows("https://a.example"));
        assert!(!listed.allows("https://b.example"));
    }

    #[test]
    fn storage_prefixes_keep_to_safe_characters() {
        assert_eq!(storage_prefix("acme-portal"), "aims.acme-portal.v1.");
        assert_eq!(storage_prefix("<script>"), "aims.script.v1.");
        assert_eq!(storage_prefix("..."), "aims.default.v1.");
    }
}
