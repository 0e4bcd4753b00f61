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
    buttons_with(submit, &button("cancel", cancel, false))
}

/// The status line and the buttons under a form: submit, then `others`.
fn buttons_with(submit: &str, others: &str) -> String {
    format!(
        r#"<p class="aims-small" data-aims-status role="status"></p><div class="aims-actions"><button type="submit" class="aims-btn aims-btn--primary" disabled>{submit}</button>{others}</div>"#
    )
}

/// A button that does `act` (`cancel` closes the form) when pressed.
fn button(act: &str, label: &str, danger: bool) -> String {
    let kind = if danger { "danger" } else { "ghost" };
    format!(
        r#"<button type="button" class="aims-btn aims-btn--{kind}" data-aims-act="{act}">{label}</button>"#
    )
}

/// A new passphrase typed twice, with its strength and mismatch lines (the same ids as
/// the export form's, so [`check`] runs on both).
fn new_passphrase(m: &SealMessages) -> String {
    format!(
        r#"{}<p class="aims-small" data-aims-strength aria-live="polite"></p>{}<p class="aims-small" data-aims-mismatch aria-live="polite"></p>"#,
        field("aims-seal-pass", m.seal_passphrase, true),
        field("aims-seal-again", m.seal_repeat, true),
    )
}

/// The export form.
/// The export form; `with_pack`: the audit pack is offered beside the assessment.
pub fn export_form(m: &SealMessages, with_pack: bool) -> String {
    let what = if with_pack {
        format!(
            r#"<fieldset style="border:0;padding:0;margin:0;display:grid;gap:.4rem"><legend class="aims-label">{}</legend><label class="aims-check"><input type="radio" name="aims-seal-what" value="json" checked> {}</label><label class="aims-check"><input type="radio" name="aims-seal-what" id="aims-seal-pack" value="pack"> {}</label></fieldset>"#,
            m.seal_what, m.seal_what_json, m.seal_what_pack
        )
    } else {
        String::new()
    };
    format!(
        r#"<form class="aims-panel aims-seal" aria-labelledby="aims-seal-title"><h2 class="aims-h2" id="aims-seal-title">{}</h2><p class="aims-small">{}</p>{what}{}{}</form>"#,
        m.seal_title,
        m.seal_help,
        new_passphrase(m),
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

/// The minutes without use after which the lock closes every tab, offered to choose.
pub const IDLE_CHOICES: [u32; 5] = [5, 15, 30, 60, 240];

/// The idle minutes of a new lock.
pub const IDLE_DEFAULT: u32 = 15;

/// The lock screen in the language `lang`: the passphrase, and for a lost one the plain
/// explanation and the way out (delete the `assessments` locked records and start
/// again). It stands where the app will, in the app's frame (its styles apply to it).
pub fn unlock_form(m: &SealMessages, lang: &str, assessments: usize) -> String {
    format!(
        r#"<div class="aims-app" data-theme="auto" data-embedded="false" lang="{}"><main class="aims-main" style="max-width:40rem;padding-top:10vh"><form class="aims-panel aims-seal aims-lock" aria-labelledby="aims-lock-title"><h1 class="aims-h2" id="aims-lock-title">{}</h1><p class="aims-small">{}</p>{}{}<details class="aims-lock-forgot"><summary>{}</summary><div class="aims-panel" style="padding:.5rem 0 0"><p class="aims-small">{}</p><div>{}</div></div></details></form></main></div>"#,
        escape(lang),
        m.seal_lock_title,
        m.seal_lock_help,
        field("aims-lock-pass", m.seal_passphrase, false),
        buttons_with(m.seal_unlock, ""),
        m.seal_forgot,
        m.seal_forgot_help,
        button(
            "forget",
            &m.seal_forget.replace("{n}", &assessments.to_string()),
            true
        ),
    )
}

/// Which part of the lock's settings shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Settings {
    /// No lock yet: choose a passphrase and the idle time (after the warning).
    Off,
    /// The lock is on: lock now, the idle time, change or remove.
    On,
    /// The current passphrase, then a new one.
    Change,
    /// The current passphrase confirms removing the lock.
    Remove,
}

/// The idle-time choice, `minutes` chosen.
fn idle_select(m: &SealMessages, minutes: u32) -> String {
    let options: String = IDLE_CHOICES
        .iter()
        .map(|&n| {
            let chosen = if n == minutes { " selected" } else { "" };
            format!(
                r#"<option value="{n}"{chosen}>{}</option>"#,
                m.seal_minutes.replace("{n}", &n.to_string())
            )
        })
        .collect();
    format!(
        r#"<label class="aims-label" for="aims-lock-idle">{}</label><select id="aims-lock-idle" class="aims-input">{options}</select>"#,
        m.seal_idle
    )
}

/// The lock's settings in the part `part`: `minutes` of idle time, `assessments` kept
/// (offered as an export before the lock is set).
pub fn settings_form(m: &SealMessages, part: Settings, minutes: u32, assessments: usize) -> String {
    let (title, body) = match part {
        Settings::Off => {
            let export = if assessments > 0 {
                button(
                    "export",
                    &m.seal_export_all.replace("{n}", &assessments.to_string()),
                    false,
                )
            } else {
                String::new()
            };
            (
                m.seal_set_title,
                format!(
                    r#"<p class="aims-small">{}</p><div class="aims-alert aims-alert--warn"><p>{}</p>{export}</div>{}{}{}"#,
                    m.seal_set_help,
                    m.seal_set_warning,
                    new_passphrase(m),
                    idle_select(m, minutes),
                    buttons(m.seal_set, m.seal_close),
                ),
            )
        }
        Settings::On => (
            m.seal_on_title,
            format!(
                r#"<p class="aims-small">{}</p>{}<p class="aims-small" data-aims-status role="status"></p><div class="aims-actions">{}{}{}{}</div>"#,
                m.seal_on_help,
                idle_select(m, minutes),
                button("lock", m.seal_lock_now, false),
                button("change", m.seal_change, false),
                button("remove", m.seal_remove, false),
                button("cancel", m.seal_close, false),
            ),
        ),
        Settings::Change => (
            m.seal_change_title,
            format!(
                "{}{}{}",
                field("aims-lock-current", m.seal_current, false),
                new_passphrase(m),
                buttons_with(m.seal_change_submit, &button("back", m.seal_cancel, false)),
            ),
        ),
        Settings::Remove => (
            m.seal_remove_title,
            format!(
                r#"<p class="aims-small">{}</p>{}{}"#,
                m.seal_remove_help,
                field("aims-lock-current", m.seal_current, false),
                buttons_with(m.seal_remove_submit, &button("back", m.seal_cancel, false)),
            ),
        ),
    };
    format!(
        r#"<form class="aims-panel aims-seal aims-lock" aria-labelledby="aims-lock-title"><h2 class="aims-h2" id="aims-lock-title">{title}</h2>{body}</form>"#
    )
}

/// What the lock's JavaScript answered (`''` done, `wrong`, else the browser's reason),
/// in the person's words: `None` when it was done.
pub fn lock_outcome(m: &SealMessages, outcome: &str) -> Option<String> {
    match outcome {
        "" => None,
        "wrong" => Some(m.seal_wrong_current.into()),
        reason => Some(m.seal_not_changed.replace("{reason}", reason)),
    }
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
    fn the_export_form_offers_the_audit_pack_only_when_there_is_one() {
        let m = texts("en");
        assert!(!export_form(m, false).contains("aims-seal-what"));
        let both = export_form(m, true);
        assert!(
            both.contains(r#"value="json" checked"#),
            "the assessment by default"
        );
        assert!(both.contains(r#"id="aims-seal-pack" value="pack""#));
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
    fn the_lock_screen_explains_a_lost_passphrase_and_counts_what_deleting_removes() {
        let screen = unlock_form(texts("de"), "de", 3);
        assert!(screen.contains(r#"lang="de""#));
        assert!(screen.contains(texts("de").seal_forgot_help));
        assert!(
            screen.contains("Die gesperrten Bewertungen löschen (3)…"),
            "{screen}"
        );
        assert!(screen.contains(r#"id="aims-lock-pass""#));
        assert!(
            !screen.contains("data-aims-act=\"cancel\""),
            "no way around the lock"
        );
    }

    #[test]
    fn the_settings_warn_before_the_lock_and_ask_the_current_passphrase_to_change_it() {
        let m = texts("en");
        let off = settings_form(m, Settings::Off, IDLE_DEFAULT, 2);
        assert!(off.contains(m.seal_set_warning));
        assert!(
            off.contains("Export every assessment (2, one file each)"),
            "the export is offered"
        );
        assert!(
            off.contains(r#"<option value="15" selected>15 minutes</option>"#),
            "{off}"
        );
        assert!(
            !settings_form(m, Settings::Off, IDLE_DEFAULT, 0).contains(r#"data-aims-act="export""#),
            "nothing to export"
        );
        let on = settings_form(m, Settings::On, 60, 2);
        for act in ["lock", "change", "remove", "cancel"] {
            assert!(on.contains(&format!(r#"data-aims-act="{act}""#)), "{act}");
        }
        assert!(on.contains(r#"<option value="60" selected>"#));
        for part in [Settings::Change, Settings::Remove] {
            assert!(settings_form(m, part, 15, 2).contains(r#"id="aims-lock-current""#));
        }
        assert!(settings_form(m, Settings::Change, 15, 2).contains(r#"id="aims-seal-again""#));
    }

    #[test]
    fn the_locks_outcomes_read_as_the_persons_words() {
        let m = texts("fr");
        assert_eq!(lock_outcome(m, ""), None);
        assert_eq!(
            lock_outcome(m, "wrong").as_deref(),
            Some(m.seal_wrong_current)
        );
        let failed = lock_outcome(m, "QuotaExceededError").unwrap_or_default();
        assert!(failed.contains("(QuotaExceededError)"), "{failed}");
    }

    #[test]
    fn a_file_name_cannot_write_markup() {
        let form = open_form(texts("en"), "<img src=x onerror=alert(1)>.age");
        assert!(!form.contains("<img"), "{form}");
        assert!(form.contains("&lt;img src=x onerror=alert(1)&gt;.age"));
    }
}
