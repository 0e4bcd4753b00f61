//! The native scorer `aims-score`, run as a vendor's server would run it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_aims-score");
const FIXTURE: &str = "../../tests/fixtures/assessment-v1.json";

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aims-score starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("aims-score finishes")
}

/// Asserts that the command succeeded, showing what it said on stderr if it did not.
fn assert_succeeded(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The product and this build's version, as every file names what wrote it.
const GENERATOR: &str = concat!("aims-readiness ", env!("CARGO_PKG_VERSION"));

#[test]
fn version_prints_the_product_and_its_version() {
    let out = run(&["--version"], None);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{GENERATOR}\n")
    );
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn catalog_lists_items_groups_and_documents() {
    let out = run(&["catalog"], None);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["items"].as_array().map(Vec::len), Some(70));
    // 22 required by clauses 4–10 (9.2.2's audit programme and audit results apart),
    // 27 called for by Annex A controls; each with its class.
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(49));
    assert_eq!(v["items"][0]["id"], "4.1");
    assert_eq!(v["items"][0]["kind"], "clause");
    assert_eq!(v["items"][69]["id"], "A.10.4");
    assert_eq!(v["items"][69]["group"], "A.10");
    assert_eq!(v["documents"][5]["id"], "statement-of-applicability");
    assert_eq!(v["documents"][5]["clause"], "6.1.3");
    assert_eq!(v["documents"][5]["class"], "design");
    assert_eq!(v["documents"][18]["id"], "audit-results");
    assert_eq!(v["documents"][18]["class"], "record");
}

#[test]
fn score_reports_figures_verdict_blockers_and_gaps_for_the_fixture() {
    let out = run(&["score", FIXTURE], None);
    assert_succeeded(&out);
    let v = json(&out);
    for key in [
        "conformity_percent",
        "maturity_percent",
        "readiness_percent",
        "evidenced_maturity_percent",
        "clause_conformity_percent",
        "clause_maturity_percent",
        "annex_a_conformity_percent",
        "annex_a_maturity_percent",
        "target_progress_percent",
        "coverage_percent",
    ] {
        let p = v[key].as_f64().unwrap_or(-1.0);
        assert!((0.0..=100.0).contains(&p), "{key} = {p}");
    }
    // The headline: items conforming today over items in scope; maturity is secondary
    // and `readiness_percent` its alias for one release.
    let conforming = v["conforming_items"].as_f64().expect("conforming_items");
    let in_scope = v["in_scope_items"].as_f64().expect("in_scope_items");
    let conformity = v["conformity_percent"].as_f64().expect("conformity");
    assert!((conformity - (1000.0 * conforming / in_scope).round() / 10.0).abs() < 1e-9);
    assert!(conformity < v["maturity_percent"].as_f64().expect("maturity"));
    // Model 2's names stay for one release as aliases of the maturity figures.
    for (alias, name) in [
        ("readiness_percent", "maturity_percent"),
        ("evidenced_readiness_percent", "evidenced_maturity_percent"),
        ("clause_readiness_percent", "clause_maturity_percent"),
        ("annex_a_readiness_percent", "annex_a_maturity_percent"),
    ] {
        assert_eq!(v[alias], v[name], "{alias}");
    }
    assert!(v["groups"].as_array().is_some_and(|g| g
        .iter()
        .all(|g| g["readiness_percent"] == g["maturity_percent"])));
    assert_eq!(v["unconfirmed_estimates"], 2);
    // Warnings name the document, its requirement and the level it is at.
    assert!(v["warnings"]
        .as_array()
        .is_some_and(
            |w| w.iter().any(|w| w["kind"] == "document_without_practice"
                && w["document"] == "ai-policy"
                && w["item"] == "5.2"
                && w["level"] == 0)
        ));
    // A claim resting on a weaker requirement names it.
    assert!(v["blockers"].as_array().is_some_and(|b| b
        .iter()
        .any(|b| b["kind"] == "inconsistent_claim"
            && b["item"] == "6.1.3"
            && b["basis"] == "6.1.2")));
    assert_eq!(v["verdict"], "not_ready");
    assert_eq!(v["soa_defects"], serde_json::json!(["A.10.3"]));
    // Every blocker names its stage: 1 before Stage 1, 2 before Stage 2 only.
    assert!(v["blockers"]
        .as_array()
        .is_some_and(|b| b.iter().all(|b| b["stage"] == 1 || b["stage"] == 2)));
    assert!(v["blockers"].as_array().is_some_and(|b| b
        .iter()
        .any(|b| b["kind"] == "soa_defect" && b["stage"] == 1)));
    assert!(v["blockers"].as_array().is_some_and(|b| b
        .iter()
        .any(|b| b["kind"] == "soa_defect" && b["item"] == "A.10.3")));
    assert!(v["blockers"]
        .as_array()
        .is_some_and(|b| b.iter().any(|b| b["kind"] == "missing_document")));
    let gaps = v["gaps"].as_array().expect("gaps");
    assert!(
        gaps.windows(2)
            .all(|w| w[0]["priority"].as_f64() >= w[1]["priority"].as_f64()),
        "sorted by priority"
    );
    assert_eq!(v["excluded_controls"], 2);
    let a6 = v["groups"]
        .as_array()
        .and_then(|g| g.iter().find(|g| g["id"] == "A.6"))
        .expect("A.6");
    assert_eq!(a6["in_scope"], 9);
}

#[test]
fn score_reads_stdin_and_matches_the_file_result() {
    let text = std::fs::read_to_string(FIXTURE).expect("fixture");
    let from_stdin = run(&["score", "-"], Some(&text));
    let from_file = run(&["score", FIXTURE], None);
    assert!(from_stdin.status.success());
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn validate_accepts_the_fixture_and_lists_every_problem_otherwise() {
    assert!(run(&["validate", FIXTURE], None).status.success());
    let bad = r#"{"format":"aims-readiness/assessment","format_version":1,"catalog":{"id":"iso42001-2023","version":1},
      "assessment":{"id":"x","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z",
      "items":{"A.6.2.4":{"maturity":7},"8.2":{"applicable":false}}}}"#;
    let out = run(&["validate", "-"], Some(bad));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("assessment.items.A.6.2.4.maturity: 7 is not a level 0–5"),
        "{err}"
    );
    assert!(err.contains("assessment.items.8.2.applicable"), "{err}");
    assert!(err.contains("2 problem(s)"), "{err}");
}

#[test]
fn template_is_a_blank_valid_export() {
    let out = run(&["template"], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["format_version"], 3);
    assert_eq!(v["generator"], GENERATOR, "the file says what wrote it");
    assert_eq!(
        v["assessment"]["documents"].as_object().map(|m| m.len()),
        Some(49)
    );
    assert_eq!(
        v["assessment"]["documents"]["scope"],
        serde_json::json!({"present": false, "version": "", "approved": null})
    );
    assert_eq!(
        v["assessment"]["items"].as_object().map(|m| m.len()),
        Some(70)
    );
    assert!(v["assessment"]["items"]["4.1"]["maturity"].is_null());
    assert!(run(&["validate", "-"], Some(&text)).status.success());
}

#[test]
fn bad_usage_and_missing_files_fail_with_a_message() {
    let out = run(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    let out = run(&["score", "/nonexistent/file.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn a_version_1_file_with_low_targets_is_valid_and_the_raised_items_are_named() {
    let input = r#"{"format":"aims-readiness/assessment","format_version":1,
        "catalog":{"id":"iso42001-2023","version":1},
        "assessment":{"id":"x","name":"n","organization":"","created":"2026-01-01T00:00:00Z",
        "updated":"2026-01-01T00:00:00Z","items":{"9.2.1":{"maturity":1,"target":1}},"documents":{}}}"#;
    let out = run(&["validate", "-"], Some(input));
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("raised to 3 on 9.2.1"), "{said}");
    let out = run(&["score", "-"], Some(input));
    let v = json(&out);
    let gap = v["gaps"]
        .as_array()
        .and_then(|g| g.iter().find(|g| g["id"] == "9.2.1"))
        .cloned();
    assert_eq!(gap.map(|g| g["target"].clone()), Some(serde_json::json!(3)));
}

#[test]
fn migrate_prints_a_version_1_file_in_the_current_format() {
    let out = run(&["migrate", FIXTURE], None);
    assert!(out.status.success());
    // The same bytes as the version-2 fixture read in and written out again.
    let v2 = run(
        &["migrate", "../../tests/fixtures/assessment-v2.json"],
        None,
    );
    assert!(v2.status.success());
    assert_eq!(out.stdout, v2.stdout);
    let v = json(&out);
    assert_eq!(v["format_version"], 3);
    assert_eq!(v["catalog"]["version"], 3);
}

#[test]
fn report_commands_print_soa_plan_oscal_and_comparison() {
    let soa = run(&["soa", FIXTURE, "--format", "csv"], None);
    assert!(soa.status.success());
    assert!(
        soa.stdout.starts_with(b"\xef\xbb\xbfControl,Title,"),
        "CSV with BOM"
    );
    let soa_json = json(&run(&["soa", FIXTURE], None));
    assert_eq!(soa_json["document"], "statement_of_applicability");
    let plan = json(&run(&["plan", FIXTURE, "--today", "2026-11-30"], None));
    assert_eq!(plan["today"], "2026-11-30");
    let oscal = json(&run(&["oscal", FIXTURE], None));
    assert_eq!(
        oscal["assessment-results"]["metadata"]["oscal-version"],
        "1.2.1"
    );
    assert_eq!(
        oscal["assessment-results"]["metadata"]["props"][0],
        serde_json::json!({"name": "generator", "ns": "https://aims-readiness.invalid/ns/oscal", "value": GENERATOR})
    );
    let cmp = json(&run(&["compare", FIXTURE, FIXTURE], None));
    assert_eq!(cmp["overall"]["delta_points"], 0);
    // Bad options are refused with the usage, and no output.
    for bad in [
        &["plan", FIXTURE, "--today", "2026-02-30"][..],
        &["soa", FIXTURE, "--format", "xml"],
        &["soa", FIXTURE, "--today", "2026-11-31"],
        &["plan", FIXTURE, "--colour"],
    ] {
        let out = run(bad, None);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
    }
}

#[test]
fn ciso_assistant_prints_the_audit_and_the_applied_controls_imports() {
    let v2 = "../../tests/fixtures/assessment-v2.json";
    let audit = run(&["ciso-assistant", v2], None);
    assert!(audit.status.success());
    let text = String::from_utf8_lossy(&audit.stdout).into_owned();
    assert!(text.starts_with("\u{feff}urn,assessable,ref_id,name,compliance_result,"));
    assert_eq!(
        text.matches("\r\nurn:intuitem:risk:req_node:iso42001-2023:")
            .count(),
        67
    );
    let plan = run(
        &["ciso-assistant", v2, "--plan", "--today", "2026-12-06"],
        None,
    );
    assert!(plan.status.success());
    let plan_text = String::from_utf8_lossy(&plan.stdout).into_owned();
    assert!(plan_text.starts_with("\u{feff}ref_id,name,description,status,priority,eta,owner,"));
    assert!(plan_text.contains("\r\nAIMS-001,"));
    // The order of the options does not matter; the date decides what is overdue.
    let again = run(
        &["ciso-assistant", v2, "--today", "2026-12-06", "--plan"],
        None,
    );
    assert_eq!(again.stdout, plan.stdout);
    for bad in [
        &["ciso-assistant", v2, "--format", "json"][..],
        &["ciso-assistant", v2, "--today", "2026-13-01"],
        &["ciso-assistant"],
    ] {
        let out = run(bad, None);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
    }
}

/// A temporary folder for one test, named after it.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("aims-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn encrypt_and_decrypt_round_trip_and_every_reading_command_reads_age_files() {
    let dir = scratch("age");
    let pass = dir.join("pass.txt");
    std::fs::write(&pass, "violet tractor puzzle ember 7\n").expect("passphrase");
    let pass = pass.to_str().expect("path");
    let sealed = dir.join("assessment.json.age");
    let sealed = sealed.to_str().expect("path");
    let out = run(
        &["encrypt", FIXTURE, "-o", sealed, "--passphrase-file", pass],
        None,
    );
    assert_succeeded(&out);
    let bytes = std::fs::read(sealed).expect("written");
    assert!(bytes.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    let opened = dir.join("assessment.json");
    let opened = opened.to_str().expect("path");
    let out = run(
        &["--passphrase-file", pass, "decrypt", sealed, "-o", opened],
        None,
    );
    assert_succeeded(&out);
    assert_eq!(
        std::fs::read(opened).expect("written"),
        std::fs::read(FIXTURE).expect("fixture"),
        "the same bytes"
    );
    // Each reading command gives the same output for the encrypted file as for the
    // plain one.
    for command in [
        vec!["score"],
        vec!["validate"],
        vec!["migrate"],
        vec!["soa", "--format", "csv"],
        vec!["plan", "--today", "2026-01-15"],
        vec!["oscal"],
        vec!["ciso-assistant", "--today", "2026-01-15"],
    ] {
        let with = |file: &str| {
            let mut args = vec![command[0], file];
            args.extend(&command[1..]);
            args.extend(["--passphrase-file", pass]);
            run(&args, None)
        };
        let (plain, age) = (with(FIXTURE), with(sealed));
        assert!(
            age.status.success(),
            "{command:?}: {}",
            String::from_utf8_lossy(&age.stderr)
        );
        if command[0] != "oscal" {
            // OSCAL stamps the time it was made.
            assert_eq!(plain.stdout, age.stdout, "{command:?}");
        }
    }
    let out = run(
        &["compare", FIXTURE, sealed, "--passphrase-file", pass],
        None,
    );
    assert_succeeded(&out);
}

#[test]
fn a_wrong_or_missing_passphrase_a_cut_file_and_a_weak_passphrase_are_refused_clearly() {
    let dir = scratch("age-errors");
    let good = dir.join("good.txt");
    std::fs::write(&good, "violet tractor puzzle ember 7\n").expect("passphrase");
    let wrong = dir.join("wrong.txt");
    std::fs::write(&wrong, "another long passphrase 99\n").expect("passphrase");
    let weak = dir.join("weak.txt");
    std::fs::write(&weak, "password\n").expect("passphrase");
    let (good, wrong, weak) = (
        good.to_str().unwrap(),
        wrong.to_str().unwrap(),
        weak.to_str().unwrap(),
    );
    let sealed = dir.join("a.age");
    let sealed = sealed.to_str().unwrap();
    assert!(run(
        &["encrypt", FIXTURE, "-o", sealed, "--passphrase-file", good],
        None
    )
    .status
    .success());
    let stderr = |out: &Output| String::from_utf8_lossy(&out.stderr).into_owned();

    let out = run(&["score", sealed, "--passphrase-file", wrong], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the passphrase does not open this file"),
        "{}",
        stderr(&out)
    );

    let out = run(&["score", sealed], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is encrypted (age); pass --passphrase-file P"));

    let cut = dir.join("cut.age");
    let bytes = std::fs::read(sealed).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() - 40]).unwrap();
    let out = run(
        &["validate", cut.to_str().unwrap(), "--passphrase-file", good],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("damaged or cut short"),
        "{}",
        stderr(&out)
    );

    let refused = dir.join("weak.age");
    let out = run(
        &[
            "encrypt",
            FIXTURE,
            "-o",
            refused.to_str().unwrap(),
            "--passphrase-file",
            weak,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the passphrase is very weak"),
        "{}",
        stderr(&out)
    );
    assert!(!refused.exists(), "nothing written");

    let out = run(&["encrypt", FIXTURE, "-o", refused.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2), "usage: no passphrase");
}

#[test]
fn pack_writes_an_audit_pack_that_verify_pack_accepts_and_a_changed_one_it_refuses() {
    let dir = scratch("pack");
    let pack = dir.join("pack.zip");
    let pack = pack.to_str().expect("utf-8 path");
    let v3 = "../../tests/fixtures/assessment-v3.json";
    let out = run(&["pack", v3, "-o", pack, "--today", "2026-12-07"], None);
    assert_succeeded(&out);
    let first = std::fs::read(pack).expect("written");
    // The same input and day: the same bytes.
    assert!(
        run(&["pack", v3, "-o", pack, "--today", "2026-12-07"], None)
            .status
            .success()
    );
    assert_eq!(std::fs::read(pack).expect("written"), first);
    let out = run(&["verify-pack", pack], None);
    assert_succeeded(&out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("ok: 2026 readiness review"), "{said}");
    assert!(said.contains("  assessment.json  "), "{said}");
    // One byte of the pack changed: refused, with the reason.
    let mut changed = first.clone();
    let at = changed.len() / 3;
    changed[at] ^= 0x55;
    let bad = dir.join("changed.zip");
    std::fs::write(&bad, changed).expect("written");
    let out = run(&["verify-pack", bad.to_str().expect("utf-8")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("changed.zip: "));
    // An encrypted pack verifies with its passphrase.
    let pass = dir.join("pass.txt");
    std::fs::write(&pass, "correct horse battery staple pack\n").expect("written");
    let sealed = dir.join("pack.zip.age");
    let (pass, sealed) = (
        pass.to_str().expect("utf-8"),
        sealed.to_str().expect("utf-8"),
    );
    assert!(run(
        &["encrypt", pack, "-o", sealed, "--passphrase-file", pass],
        None
    )
    .status
    .success());
    assert!(
        run(&["verify-pack", sealed, "--passphrase-file", pass], None)
            .status
            .success()
    );
    let out = run(&["verify-pack", sealed], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is encrypted (age)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pack_takes_the_evidence_files_from_a_folder_named_by_record_id() {
    let dir = scratch("pack-files");
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("folder");
    let policy = "4d5e6f7a-8b9c-4dae-b1f2-3a4b5c6d7e8f";
    let file = b"%PDF-1.7 the signed AI policy".to_vec();
    let mut doc: serde_json::Value = serde_json::from_str(include_str!(
        "../../../tests/fixtures/assessment-v3-registers.json"
    ))
    .expect("json");
    doc["assessment"]["evidence"][0]["file"] = serde_json::json!({
        "name": "ai-policy-v2.pdf", "size": file.len(), "sha256": aims_pack::sha256_hex(&file)
    });
    let assessment = dir.join("assessment.json");
    std::fs::write(&assessment, doc.to_string()).expect("written");
    let (assessment, pack, folder) = (
        assessment.to_str().expect("utf-8"),
        dir.join("pack.zip"),
        files.to_str().expect("utf-8"),
    );
    let pack = pack.to_str().expect("utf-8");
    // The folder lacks the file the record keeps: refused, naming both.
    let out = run(&["pack", assessment, "-o", pack, "--files", folder], None);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(policy) && said.contains("ai-policy-v2.pdf"),
        "{said}"
    );
    // Another file under the record's id: refused as not the record's file.
    std::fs::write(files.join(policy), b"something else").expect("written");
    let out = run(&["pack", assessment, "-o", pack, "--files", folder], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not the one the record names"));
    // The right file: packed, and verify-pack names its record and what it supports.
    std::fs::write(files.join(policy), &file).expect("written");
    let out = run(
        &[
            "pack",
            assessment,
            "-o",
            pack,
            "--today",
            "2026-12-07",
            "--files",
            folder,
        ],
        None,
    );
    assert_succeeded(&out);
    let out = run(&["verify-pack", pack], None);
    assert_succeeded(&out);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!("evidence/5.2/{policy}-ai-policy-v2.pdf"))
            && said.contains(&format!("evidence record {policy}, supports 5.2, A.2.2")),
        "{said}"
    );
    // `--files` without a folder is a usage error.
    assert_eq!(
        run(&["pack", assessment, "-o", pack, "--files"], None)
            .status
            .code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
