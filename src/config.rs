//! How the widget was started: stand-alone page, iframe with options in the URL, or
//! inline mount with options from an object or `data-` attributes (docs/embedding.md).

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
    pub lang: Option<crate::engine::text::lang::Lang>,
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
                "lang" | "language" => c.lang = crate::engine::text::lang::Lang::parse(&value),
                "assets" if !iframe && is_safe_link(&value) => {
                    let slash = if value.ends_with('/') { "" } else { "/" };
                    c.assets = Some(format!("{value}{slash}"))
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

/// Whether the deployer's policy lets `origin` receive a share. `None`: no policy file is
/// deployed, so the `share-origin` the host page passed is used (still only that exact
/// origin, and only after the visitor presses "Share"). A file that cannot be read as a
/// policy allows nobody: a restriction that was meant must not fail open.
pub fn policy_allows(policy: Option<&str>, origin: &str) -> bool {
    let Some(text) = policy else {
        return true;
    };
    let Ok(root) = crate::engine::format::value::parse(text.as_bytes()) else {
        return false;
    };
    match root.get("share_origins") {
        Some(crate::engine::format::value::Value::Array(list)) => {
            list.iter().any(|v| v.as_str() == Some(origin))
        }
        _ => false,
    }
}
