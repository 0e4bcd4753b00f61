//! The full app's on-demand module (`aims-seal.js`, `aims-seal_bg.wasm`): encrypted
//! files, with the screens that ask for their passphrase. Loaded the first time a person
//! exports encrypted or opens an encrypted file, never part of the app's first download
//! (docs/size.md); the app hands it an element to draw in and gets back what it made.
//!
//! - Export: the assessment's export encrypted in the age format (`crates/crypt`) with a
//!   passphrase typed twice, its strength shown, very weak ones refused, and the warning
//!   that a forgotten passphrase cannot be recovered; the `.age` file is downloaded.
//! - Open: an age file's passphrase asked for; a wrong one says so and changes nothing;
//!   the plaintext goes back to the app, which imports it as any export.
//!
//! The screens are markup made here from the state (plain Rust, tested natively), in the
//! person's language; `web` (wasm32 only) puts them in the page and runs the crypto.
#![deny(missing_docs)]

use aims_crypt::{CryptError, Strength};
use aims_engine::text::markup::escape;

#[cfg(target_arch = "wasm32")]
mod web;

include!(concat!(env!("OUT_DIR"), "/seal_texts.rs"));

/// The messages for a language code (`de`, `fr`; anything else English).
pub fn texts(lang: &str) -> &'static SealMessages {
    match lang {
        "de" => &SEAL_TEXTS[1],
        "fr" => &SEAL_TEXTS[2],
        _ => &SEAL_TEXTS[0],
    }
}

/// Why a file could not be encrypted or decrypted, in the person's words.
pub fn failure(m: &SealMessages, e: &CryptError) -> String {
    match e {
        CryptError::WrongPassphrase => m.seal_wrong.into(),
        CryptError::NotAge | CryptError::Damaged => m.seal_damaged.into(),
        CryptError::NotPassphrase => m.seal_not_passphrase.into(),
        CryptError::ExcessiveWork { .. } => m.seal_too_slow.into(),
        CryptError::WeakPassphrase(_) => m.seal_grade0.into(),
        CryptError::Other(words) => m.seal_failed.replace("{reason}", words),
    }
}

/// What the export form shows under the passphrase and whether it may encrypt: the
/// strength line (empty before anything is typed), the mismatch line, and the verdict.
pub fn check(m: &SealMessages, passphrase: &str, again: &str) -> (String, String, bool) {
    if passphrase.is_empty() {
        return (String::new(), String::new(), false);
    }
    let s = Strength::of(passphrase);
    let grade = match s.label() {
        "very weak" => m.seal_grade0,
        "weak" => m.seal_grade1,
        "fair" => m.seal_grade2,
        _ => m.seal_grade3,
    };
    let template = m.seal_strength;
    let strength = template
        .replace("{grade}", grade)
        .replace("{bits}", &s.bits.to_string());
    let differ = !again.is_empty() && again != passphrase;
    let mismatch = if differ { m.seal_mismatch } else { "" };
    (
        strength,
        mismatch.into(),
        s.accepted() && again == passphrase,
    )
}

/// A passphrase field: its label, the input (`new`: one being chosen, so the browser may
/// offer to generate one; else one being recalled).
fn field(id: &str, label: &str, new: bool) -> String {
    let complete = if new {
        "new-password"
    } else {
        "current-password"
    };
    format!(
        r#"<label class="aims-label" for="{id}">{label}</label><input id="{id}" name="{id}" type="password" class="aims-input" autocomplete="{complete}">"#
    )
}

/// The buttons under a form: submit (disabled until it may run) and Cancel.
fn buttons(submit: &str, cancel: &str) -> String {
    format!(
        r#"<p class="aims-small" data-aims-status role="status"></p><div class="aims-actions"><button type="submit" class="aims-btn aims-btn--primary" disabled>{submit}</button><button type="button" class="aims-btn aims-btn--ghost" data-aims-cancel>{cancel}</button></div>"#
    )
}

/// The export form.
pub fn export_form(m: &SealMessages) -> String {
    format!(
        r#"<form class="aims-panel aims-seal" aria-labelledby="aims-seal-title"><h2 class="aims-h2" id="aims-seal-title">{}</h2><p class="aims-small">{}</p>{}<p class="aims-small" data-aims-strength aria-live="polite"></p>{}<p class="aims-small" data-aims-mismatch aria-live="polite"></p>{}</form>"#,
        m.seal_title,
        m.seal_help,
        field("aims-seal-pass", m.seal_passphrase, true),
        field("aims-seal-again", m.seal_repeat, true),
        buttons(m.seal_submit, m.seal_cancel),
    )
}

/// The form that opens the encrypted file `name`.
pub fn open_form(m: &SealMessages, name: &str) -> String {
    format!(
        r#"<form class="aims-alert aims-seal" aria-labelledby="aims-open-title"><p id="aims-open-title"><strong>{}</strong></p><p class="aims-small">{}</p>{}{}</form>"#,
        escape(&m.seal_open_title.replace("{file}", name)),
        m.seal_open_help,
        field("aims-open-pass", m.seal_passphrase, false),
        buttons(m.seal_open, m.seal_cancel),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "correct-horse-battery-staple-42";

    #[test]
    fn every_language_has_the_messages_and_unknown_codes_read_english() {
        assert_eq!(texts("en").seal_open, "Open and import");
        assert_eq!(texts("de").seal_open, "Öffnen und importieren");
        assert_eq!(texts("fr").seal_open, "Ouvrir et importer");
        assert_eq!(texts("xx").seal_open, texts("en").seal_open);
    }

    #[test]
    fn the_export_form_allows_encrypting_only_with_a_strong_enough_repeated_passphrase() {
        let m = texts("en");
        assert_eq!(check(m, "", ""), (String::new(), String::new(), false));
        let (strength, _, ok) = check(m, "password", "password");
        assert!(strength.contains("too weak"), "{strength}");
        assert!(!ok, "a very weak passphrase is refused");
        let (strength, mismatch, ok) = check(m, GOOD, "correct-horse");
        assert!(strength.starts_with("Strength: strong"), "{strength}");
        assert_eq!(mismatch, m.seal_mismatch);
        assert!(!ok, "the two differ");
        assert!(check(m, GOOD, GOOD).2, "strong and repeated");
        assert_eq!(
            check(m, GOOD, "").1,
            "",
            "no mismatch before the second is typed"
        );
    }

    #[test]
    fn crypt_failures_read_as_the_persons_words() {
        let m = texts("de");
        assert_eq!(failure(m, &CryptError::WrongPassphrase), m.seal_wrong);
        assert_eq!(failure(m, &CryptError::Damaged), m.seal_damaged);
        assert_eq!(failure(m, &CryptError::NotAge), m.seal_damaged);
        assert!(failure(m, &CryptError::Other("disk".into())).contains("(disk)"));
    }

    #[test]
    fn a_file_name_cannot_write_markup() {
        let form = open_form(texts("en"), "<img src=x onerror=alert(1)>.age");
        assert!(!form.contains("<img"), "{form}");
        assert!(form.contains("&lt;img src=x onerror=alert(1)&gt;.age"));
    }
}
