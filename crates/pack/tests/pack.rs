//! The audit pack end to end: what `build` writes, `open` reads back byte for byte, and
//! every hostile pack is refused with its own error (issue 22, part 8).

use aims_engine::{export, import, Catalog, Date};
use aims_pack::{
    build, kept_files, open, sha256_hex, EvidenceFile, Limits, Manifest, PackError, Role, Writer,
    LIMITS, MANIFEST,
};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The version-3 fixture without registers (its references, which import as evidence
/// records, left out): the packs with registers are built from it below.
fn fixture() -> aims_engine::Assessment {
    let text = include_str!("../../../tests/fixtures/assessment-v3.json");
    let mut a = import(Catalog::builtin(), text.as_bytes()).expect("the fixture imports");
    a.registers = Default::default();
    a
}

fn today() -> Date {
    Date::parse("2026-12-07").expect("a date")
}

fn pack() -> Vec<u8> {
    build(Catalog::builtin(), &fixture(), today(), &[]).expect("built")
}

/// The pack's entries, as written.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("an entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("read");
            (f.name().to_owned(), data)
        })
        .collect()
}

/// A zip of `files` as given (names unchecked, deflated).
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in files {
        zip.start_file(*name, options).expect("start");
        zip.write_all(data).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

/// The real pack's entries with `change` applied, zipped again.
fn altered(change: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> Vec<u8> {
    let mut files = entries(&pack());
    change(&mut files);
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip_of(&refs)
}

/// Replaces every occurrence of `from` in `bytes` by `to` (same length).
fn patch(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut found = 0;
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            found += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    assert!(found > 0, "nothing to patch");
}

/// Sets the uncompressed size of every entry (local headers and central directory) to `size`.
fn declare_size(bytes: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 4 <= bytes.len() {
        match &bytes[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] => bytes[i + 22..i + 26].copy_from_slice(&size.to_le_bytes()),
            [0x50, 0x4b, 0x01, 0x02] => bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes()),
            _ => {}
        }
        i += 1;
    }
}

fn refused(bytes: &[u8]) -> PackError {
    match open(Catalog::builtin(), bytes, LIMITS) {
        Ok(_) => panic!("a hostile pack was opened"),
        Err(e) => e,
    }
}

#[test]
fn a_pack_holds_the_assessment_its_reports_and_a_manifest_of_their_hashes() {
    let bytes = pack();
    let files = entries(&bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "assessment.json",
            "statement-of-applicability.csv",
            "action-plan.csv",
            "oscal-assessment-results.json",
            "report.html",
            MANIFEST
        ]
    );
    let manifest = Manifest::parse(&files[5].1).expect("the manifest parses");
    assert_eq!(manifest.created, "2026-12-07");
    assert_eq!(manifest.assessment.name, fixture().name);
    for ((name, data), listed) in files.iter().zip(&manifest.files) {
        assert_eq!(&listed.path, name);
        assert_eq!(listed.size, data.len() as u64);
        assert_eq!(listed.sha256, sha256_hex(data));
    }
    assert_eq!(manifest.files[0].role, Role::Assessment);
    assert_eq!(
        files[0].1,
        export(Catalog::builtin(), &fixture()).into_bytes(),
        "the assessment is the export, byte for byte"
    );
    let html = String::from_utf8(files[4].1.clone()).expect("utf-8");
    assert!(
        html.contains("of 70 in scope") || html.contains(" in scope)"),
        "denominators beside the figures"
    );
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
}

#[test]
fn the_same_assessment_and_day_give_the_same_bytes() {
    assert_eq!(pack(), pack());
}

#[test]
fn a_pack_opens_again_to_the_same_assessment_and_files() {
    let bytes = pack();
    let opened = open(Catalog::builtin(), &bytes, LIMITS).expect("opens");
    assert_eq!(
        export(Catalog::builtin(), &opened.assessment),
        export(Catalog::builtin(), &fixture())
    );
    let written = entries(&bytes);
    assert_eq!(opened.files, written[..5].to_vec());
}

#[test]
fn a_path_that_climbs_out_is_refused() {
    for name in [
        "../evil.txt",
        "evidence/../../evil.txt",
        "/etc/evil",
        "C:/evil",
        "a\\..\\evil",
    ] {
        let bytes = altered(|files| files.push((name.into(), b"x".to_vec())));
        assert_eq!(
            refused(&bytes),
            PackError::UnsafePath(name.into()),
            "{name}"
        );
    }
}

#[test]
fn a_file_changed_after_packing_is_refused() {
    let bytes = altered(|files| {
        let csv = &mut files[1].1;
        csv[0] ^= 1;
    });
    assert_eq!(
        refused(&bytes),
        PackError::HashMismatch("statement-of-applicability.csv".into())
    );
    let bytes = altered(|files| files[2].1.push(b'\n'));
    assert!(matches!(refused(&bytes), PackError::SizeMismatch { .. }));
}

#[test]
fn unlisted_missing_and_duplicate_files_are_refused() {
    let bytes = altered(|files| files.push(("extra.txt".into(), b"hi".to_vec())));
    assert_eq!(refused(&bytes), PackError::Unlisted("extra.txt".into()));
    let bytes = altered(|files| {
        files.remove(3);
    });
    assert_eq!(
        refused(&bytes),
        PackError::Missing("oscal-assessment-results.json".into())
    );
    let bytes = altered(|files| {
        files.remove(5);
    });
    assert_eq!(refused(&bytes), PackError::NoManifest);
    // Two entries named alike: written under two names of one length, then renamed.
    let mut bytes = zip_of(&[("a.txt", b"one"), ("b.txt", b"two")]);
    patch(&mut bytes, b"b.txt", b"a.txt");
    assert_eq!(refused(&bytes), PackError::DuplicateName("a.txt".into()));
}

#[test]
fn a_zip_bomb_is_refused_before_or_while_unpacking() {
    // 64 MB of zeros deflate to about 64 KB: declared honestly, it is over the limit.
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let honest = altered(|files| files.push(("evidence/bomb.bin".into(), zeros.clone())));
    assert!(honest.len() < 2 * 1024 * 1024);
    assert!(matches!(refused(&honest), PackError::TooLarge { .. }));
    // A 1 KB entry whose header claims more than 1 GB is refused on its claim.
    let mut claimed = zip_of(&[("bomb.bin", &[0u8; 1024])]);
    declare_size(&mut claimed, 0x7fff_ffff);
    assert!(matches!(refused(&claimed), PackError::TooLarge { .. }));
    // An entry declaring 1 KB that unpacks to 8 MB is stopped one byte past its
    // declared size (the zip reader would go on: the check is ours).
    let mut lying = zip_of(&[("bomb.bin", &zeros[..8 * 1024 * 1024])]);
    declare_size(&mut lying, 1024);
    assert_eq!(refused(&lying), PackError::Inflates("bomb.bin".into()));
}

#[test]
fn too_many_entries_and_too_much_in_all_are_refused() {
    let small = Limits {
        entries: 3,
        ..LIMITS
    };
    assert!(matches!(
        open(Catalog::builtin(), &pack(), small),
        Err(PackError::TooManyEntries { count: 6, limit: 3 })
    ));
    let tight = Limits {
        total: 1000,
        ..LIMITS
    };
    assert_eq!(
        open(Catalog::builtin(), &pack(), tight).err(),
        Some(PackError::TotalTooLarge { limit: 1000 })
    );
}

#[test]
fn a_manifest_as_strict_as_its_schema_and_an_assessment_the_importer_refuses() {
    let bytes = altered(|files| {
        let text = String::from_utf8(files[5].1.clone()).expect("utf-8");
        files[5].1 = text
            .replacen(
                "\"format_version\": 1,",
                "\"format_version\": 1, \"extra\": true,",
                1,
            )
            .into_bytes();
    });
    assert!(matches!(refused(&bytes), PackError::BadManifest(why) if why.contains("extra")));
    let not_zip = refused(b"this is not a zip file");
    assert!(matches!(not_zip, PackError::NotZip(_)));
    assert!(not_zip.to_string().starts_with("this is not a zip file"));
    // An assessment the importer refuses, with a manifest that matches it.
    let bytes = altered(|files| {
        files[0].1 = b"{\"format\": \"something else\"}".to_vec();
        let mut manifest = Manifest::parse(&files[5].1).expect("parses");
        manifest.files[0].size = files[0].1.len() as u64;
        manifest.files[0].sha256 = sha256_hex(&files[0].1);
        files[5].1 = manifest.to_json().into_bytes();
    });
    assert!(matches!(refused(&bytes), PackError::Assessment(_)));
}

#[test]
fn every_error_reads_as_a_sentence_for_a_person() {
    let e = PackError::UnsafePath("../evil".into());
    assert!(e
        .to_string()
        .contains("\"../evil\" outside its own folders"));
    let e = PackError::TooLarge {
        path: "x".into(),
        size: 60 * 1024 * 1024,
        limit: 50 * 1024 * 1024,
    };
    assert_eq!(
        e.to_string(),
        "\"x\" is 60.0 MB; a file in a pack may be at most 50.0 MB"
    );
}

#[test]
fn a_cut_or_scrambled_pack_is_refused_without_a_panic() {
    let bytes = pack();
    for cut in (0..bytes.len()).step_by(97) {
        assert!(
            open(Catalog::builtin(), &bytes[..cut], LIMITS).is_err(),
            "cut at {cut}"
        );
    }
    let mut opened = 0;
    for at in (0..bytes.len()).step_by(61) {
        let mut scrambled = bytes.clone();
        scrambled[at] ^= 0xa5;
        // Some bytes do not matter (a header's "version made by"); none may panic.
        opened += usize::from(open(Catalog::builtin(), &scrambled, LIMITS).is_ok());
    }
    assert!(
        opened < bytes.len() / 61 / 10,
        "almost every change is caught ({opened})"
    );
}

#[test]
fn a_pack_another_zip_implementation_wrote_opens_too() {
    // The zip crate read the pack in every test above (`entries`); here a pack it wrote
    // itself, deflated, opens too. (Python's zipfile does both in tests/schema.)
    let rewritten = altered(|_| {});
    assert!(open(Catalog::builtin(), &rewritten, LIMITS).is_ok());
}

#[test]
fn a_pack_of_an_assessment_with_registers_holds_each_as_csv_and_opens_to_them() {
    let text = include_str!("../../../tests/fixtures/assessment-v3-registers.json");
    let a = import(Catalog::builtin(), text.as_bytes()).expect("imports");
    let bytes = build(Catalog::builtin(), &a, today(), &[]).expect("built");
    let files = entries(&bytes);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "registers/ai-systems.csv",
        "registers/risks.csv",
        "registers/evidence.csv",
    ] {
        assert!(names.contains(&name), "{names:?}");
    }
    let risks = String::from_utf8(
        files
            .iter()
            .find(|(n, _)| n == "registers/risks.csv")
            .expect("risks")
            .1
            .clone(),
    )
    .expect("text");
    let mut lines = risks.lines();
    assert_eq!(
        lines.next(),
        Some("\u{feff}id,title,source,likelihood,consequence,above_acceptance,treatment,controls,own_controls,owner,residual_likelihood,residual_consequence,accepted_by,accepted_on,closed")
    );
    assert_eq!(
        lines.next(),
        Some("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d,Chatbot promises refunds it cannot give,harm 1 of Support chatbot,3,3,yes,modify,A.6.2.4; A.9.2,Refund hand-over rule,Head of Customer Service,1,3,\"Jana Novak, AI governance lead\",2026-11-21,no")
    );
    let manifest = Manifest::parse(
        &files
            .iter()
            .find(|(n, _)| n == MANIFEST)
            .expect("manifest")
            .1,
    )
    .expect("a manifest");
    assert_eq!(
        manifest
            .files
            .iter()
            .filter(|f| f.role == Role::Register)
            .count(),
        3
    );
    let opened = open(Catalog::builtin(), &bytes, LIMITS).expect("opens");
    assert_eq!(export(Catalog::builtin(), &opened.assessment), text);
    // Without registers, no register file.
    assert!(!entries(&pack())
        .iter()
        .any(|(n, _)| n.starts_with("registers/")));
}

/// The fixture with registers, its AI policy record keeping `bytes` as its file.
fn with_kept_file(bytes: &[u8]) -> aims_engine::Assessment {
    let text = include_str!("../../../tests/fixtures/assessment-v3-registers.json");
    let mut a = import(Catalog::builtin(), text.as_bytes()).expect("imports");
    let evidence = a.registers.0[3]
        .as_mut()
        .and_then(|v| v.as_array_mut())
        .expect("evidence records");
    evidence[0]["file"] = serde_json::json!({
        "name": "../AI policy v2.pdf", "size": bytes.len(), "sha256": sha256_hex(bytes)
    });
    a
}

const POLICY: &str = "4d5e6f7a-8b9c-4dae-b1f2-3a4b5c6d7e8f";

/// The pack of `a` with one evidence file: `bytes` given as the file of `record`.
fn with_file(
    a: &aims_engine::Assessment,
    record: &str,
    bytes: &[u8],
) -> Result<Vec<u8>, PackError> {
    build(
        Catalog::builtin(),
        a,
        today(),
        &[EvidenceFile { record, bytes }],
    )
}

#[test]
fn an_evidence_file_goes_in_once_under_its_first_item_and_opens_byte_for_byte() {
    let file: Vec<u8> = (0..70_000u32).map(|n| (n * 7 % 251) as u8).collect();
    let a = with_kept_file(&file);
    assert_eq!(
        kept_files(Catalog::builtin(), &a),
        [(POLICY.to_owned(), "../AI policy v2.pdf".to_owned())]
    );
    let evidence = [EvidenceFile {
        record: POLICY,
        bytes: &file,
    }];
    let bytes = build(Catalog::builtin(), &a, today(), &evidence).expect("built");
    // The file once, under the first item it supports; its name made one safe segment.
    let path = format!("evidence/5.2/{POLICY}-.._AI policy v2.pdf");
    let written = entries(&bytes);
    assert_eq!(
        written.iter().filter(|(_, d)| *d == file).count(),
        1,
        "once, though it supports 5.2 and A.2.2"
    );
    let opened = open(Catalog::builtin(), &bytes, LIMITS).expect("opens");
    let listed = opened
        .manifest
        .files
        .iter()
        .find(|f| f.role == Role::Evidence)
        .expect("listed");
    assert_eq!(listed.path, path);
    assert_eq!(listed.record.as_deref(), Some(POLICY));
    assert_eq!(listed.supports, ["5.2", "A.2.2"]);
    assert_eq!(listed.sha256, sha256_hex(&file));
    let back = opened
        .files
        .iter()
        .find(|(p, _)| *p == path)
        .expect("the file");
    assert_eq!(back.1, file, "byte for byte");
    // The same assessment, files and day: the same pack.
    assert_eq!(
        build(Catalog::builtin(), &a, today(), &evidence).expect("built"),
        bytes
    );
}

#[test]
fn written_piece_by_piece_a_pack_is_the_same_bytes_and_names_the_files_it_wants() {
    let file: Vec<u8> = (0..50_000u32).map(|n| (n % 13) as u8).collect();
    let a = with_kept_file(&file);
    let (mut writer, mut pieces) = Writer::start(Catalog::builtin(), &a, today()).expect("starts");
    assert_eq!(writer.wanted(), [(POLICY.to_owned(), sha256_hex(&file))]);
    let header = writer.evidence(POLICY, &file).expect("its file");
    // Only the header comes back: the file goes out as it is, stored (not deflated,
    // though it would shrink), so the browser need not copy it.
    assert!(header.len() < 200, "{} bytes", header.len());
    pieces.extend(header);
    pieces.extend_from_slice(&file);
    assert_eq!(
        writer.evidence(POLICY, &file),
        Err(PackError::DuplicateName(POLICY.into()))
    );
    pieces.extend(writer.finish().expect("finishes"));
    assert_eq!(pieces, with_file(&a, POLICY, &file).expect("built"));
    // The file given in pieces of any size: the same pack; a piece missing: refused.
    let (mut writer, mut chunked) = Writer::start(Catalog::builtin(), &a, today()).expect("starts");
    let mut incoming = writer.begin(POLICY).expect("its record");
    let mut short = incoming.clone();
    for piece in file.chunks(7_001) {
        incoming.update(piece);
    }
    chunked.extend(writer.end(incoming).expect("its file"));
    chunked.extend_from_slice(&file);
    chunked.extend(writer.finish().expect("finishes"));
    assert_eq!(chunked, pieces);
    short.update(&file[1..]);
    let (mut writer, _) = Writer::start(Catalog::builtin(), &a, today()).expect("starts");
    assert_eq!(
        writer.end(short),
        Err(PackError::EvidenceMismatch(POLICY.into()))
    );
    assert!(matches!(
        writer.begin("00000000-0000-4000-8000-000000000000"),
        Err(PackError::EvidenceUnknown(_))
    ));
    let opened = open(Catalog::builtin(), &pieces, LIMITS).expect("opens");
    assert!(opened.files.iter().any(|(_, d)| *d == file));
    let mut zip = ZipArchive::new(Cursor::new(&pieces)).expect("a zip");
    let entry = zip
        .by_name(&format!("evidence/5.2/{POLICY}-.._AI policy v2.pdf"))
        .expect("the file");
    assert_eq!(entry.compression(), CompressionMethod::Stored);
}

#[test]
fn an_evidence_file_that_is_not_its_records_is_refused() {
    let file = b"the signed AI policy".to_vec();
    let a = with_kept_file(&file);
    let other = b"another file".to_vec();
    assert_eq!(
        with_file(&a, POLICY, &other),
        Err(PackError::EvidenceMismatch(POLICY.into()))
    );
    // The interview record keeps no file; an id the assessment does not have.
    for id in [
        "5e6f7a8b-9c0d-4ebf-8203-4b5c6d7e8f90",
        "00000000-0000-4000-8000-000000000000",
    ] {
        assert_eq!(
            with_file(&a, id, &file),
            Err(PackError::EvidenceUnknown(id.into()))
        );
    }
    // A pack whose file was swapped, its manifest made to match: the record still says
    // which file it keeps.
    let bytes = with_file(&a, POLICY, &file).expect("built");
    let mut files = entries(&bytes);
    let at = files
        .iter()
        .position(|(n, _)| n.starts_with("evidence/"))
        .expect("the file");
    let name = files[at].0.clone();
    files[at].1 = other.clone();
    let manifest_at = files
        .iter()
        .position(|(n, _)| n == MANIFEST)
        .expect("manifest");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&files[manifest_at].1).expect("json");
    for f in manifest["files"].as_array_mut().expect("files") {
        if f["path"] == name.as_str() {
            f["size"] = other.len().into();
            f["sha256"] = sha256_hex(&other).into();
        }
    }
    files[manifest_at].1 = serde_json::to_vec(&manifest).expect("json");
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    assert_eq!(
        refused(&zip_of(&refs)),
        PackError::EvidenceMismatch(POLICY.into())
    );
}
