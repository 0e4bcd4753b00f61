//! What the browser's evidence files need besides their bytes (src/browser_files.rs
//! and files.js do the rest): the pack's writer with the files it wants, an opened
//! pack's files to keep, and the words around them. Plain Rust, tested natively.

use crate::words::Words;
use crate::{day, read, Unreadable};
use aims_engine::format::registers::open;
use aims_engine::text::lang::Lang;
use aims_engine::{export, Catalog};

/// An audit pack about to be written with the browser's files.
pub struct PackPlan {
    /// The writer, started.
    pub writer: aims_pack::Writer<'static>,
    /// The pack's first bytes.
    pub head: Vec<u8>,
    /// For each file wanted: the evidence record's id, the file's SHA-256, and the
    /// words for a file the browser does not have (the pack goes without it).
    pub wanted: Vec<String>,
    /// The progress bar's heading.
    pub heading: String,
}

/// The pack of the assessment `export` as of `today` (`YYYY-MM-DD`), words in `lang`.
pub fn pack_plan(export: &[u8], today: &str, lang: Lang) -> Result<PackPlan, Unreadable> {
    let catalog = Catalog::builtin();
    let a = read(export)?;
    let (writer, head) = aims_pack::Writer::start(catalog, &a, day(today)?)
        .map_err(|e| Unreadable(e.to_string()))?;
    let w = Words::new(lang);
    let registers = open(catalog, &a.registers);
    let mut wanted = Vec::new();
    for (record, sha) in writer.wanted() {
        let title = registers
            .evidence
            .iter()
            .find(|e| e.id.as_str() == record)
            .map(|e| e.title.clone())
            .unwrap_or_default();
        let missing = w.fill(w.m.registers_pack_without_file, &[("title", &title)]);
        wanted.extend([record, sha, missing]);
    }
    Ok(PackPlan {
        writer,
        head,
        wanted,
        heading: w.m.registers_pack_writing.to_owned(),
    })
}

/// An audit pack opened, its files to keep before its assessment is imported.
pub struct RestorePlan {
    /// Its assessment, as an export.
    pub export: String,
    /// Each evidence file: its SHA-256 and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// The words for a failure: any reason (`{reason}`), no room, no database.
    pub failed: [String; 3],
    /// The progress bar's heading.
    pub heading: String,
}

/// Opens the pack `bytes` with every check (crates/pack); the reason it is refused, for
/// the person, otherwise.
pub fn restore_plan(bytes: &[u8], lang: Lang) -> Result<RestorePlan, Unreadable> {
    let catalog = Catalog::builtin();
    let opened = aims_pack::open(catalog, bytes, aims_pack::LIMITS)
        .map_err(|e| Unreadable(e.to_string()))?;
    let files = opened
        .manifest
        .files
        .iter()
        .zip(opened.files)
        .filter(|(f, _)| f.record.is_some())
        .map(|(f, (_, data))| (f.sha256.clone(), data))
        .collect();
    let w = Words::new(lang);
    Ok(RestorePlan {
        export: export(catalog, &opened.assessment),
        files,
        failed: [
            w.m.registers_pack_restore_failed,
            w.m.registers_pack_restore_full,
            w.m.registers_evidence_file_none,
        ]
        .map(String::from),
        heading: w.m.registers_pack_restoring.to_owned(),
    })
}

/// The line on space, `{kept}`, `{used}` and `{quota}` left for the browser's figures,
/// and the tag of a file the browser does not have.
pub fn space_words(lang: Lang) -> [&'static str; 6] {
    let w = Words::new(lang);
    let [kb, mb, gb, comma] = w.size_units();
    [
        w.m.registers_evidence_space,
        w.m.registers_evidence_file_absent,
        kb,
        mb,
        gb,
        comma,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::{import, Date};

    const FIXTURE: &str = include_str!("../../../tests/fixtures/assessment-v3-registers.json");
    const POLICY: &str = "4d5e6f7a-8b9c-4dae-b1f2-3a4b5c6d7e8f";

    /// The fixture with its policy record keeping `file`.
    fn with_file(file: &[u8]) -> String {
        let mut json: serde_json::Value = serde_json::from_str(FIXTURE).expect("json");
        json["assessment"]["evidence"][0]["file"] = serde_json::json!({
            "name": "policy.pdf", "size": file.len(), "sha256": aims_pack::sha256_hex(file)
        });
        json.to_string()
    }

    #[test]
    fn the_browsers_pack_wants_each_kept_file_and_restores_it_from_the_pack() {
        let file = b"%PDF the signed policy".to_vec();
        let export_text = with_file(&file);
        let plan = pack_plan(export_text.as_bytes(), "2026-12-07", Lang::De).expect("a plan");
        let sha = aims_pack::sha256_hex(&file);
        assert_eq!(plan.wanted[..2], [POLICY.to_owned(), sha.clone()]);
        assert!(
            plan.wanted[2].contains("„AI policy v2“"),
            "{}",
            plan.wanted[2]
        );
        assert!(plan.heading.contains("Auditpaket"));
        let mut writer = plan.writer;
        let mut pack = plan.head;
        pack.extend(writer.evidence(POLICY, &file).expect("its file"));
        pack.extend_from_slice(&file);
        pack.extend(writer.finish().expect("done"));
        let restored = restore_plan(&pack, Lang::En).expect("opens");
        assert_eq!(restored.files, [(sha, file)]);
        let a = import(Catalog::builtin(), restored.export.as_bytes()).expect("imports");
        let b = import(Catalog::builtin(), export_text.as_bytes()).expect("imports");
        assert_eq!(a.registers, b.registers);
        assert!(restored.failed[0].contains("{reason}"));
        // A pack without its files restores nothing but opens; a damaged one says why.
        let today = Date::parse("2026-12-07").expect("a date");
        let bare = aims_pack::build(Catalog::builtin(), &b, today, &[]).expect("built");
        assert!(restore_plan(&bare, Lang::En)
            .expect("opens")
            .files
            .is_empty());
        let refused = restore_plan(b"PK\x03\x04 not a pack", Lang::En)
            .err()
            .expect("refused");
        assert!(refused.0.contains("not a zip file"), "{}", refused.0);
    }

    #[test]
    fn the_line_on_space_leaves_the_figures_to_the_browser() {
        let [line, absent, kb, mb, gb, comma] = space_words(Lang::Fr);
        assert!(["{kept}", "{quota}", "{used}"]
            .iter()
            .all(|k| line.contains(k)));
        assert_eq!(absent, "absent de ce navigateur");
        assert_eq!([kb, mb, gb, comma], ["Ko", "Mo", "Go", ","]);
    }
}
