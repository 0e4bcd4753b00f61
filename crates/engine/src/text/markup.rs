//! Text made safe inside HTML markup, for the builds that write their screens as markup
//! (the quick entry, the encrypted-files module) rather than through Yew.

/// `text` with `&`, `<`, `>` and `"` escaped, for element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_become_entities_and_the_rest_stays() {
        assert_eq!(
            super::escape(r#"<a href="x">Tom & Jerry</a> – Straße"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt; – Straße"
        );
    }
}
