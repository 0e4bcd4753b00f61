//! `aims-score`: the native command-line scorer. A vendor's server can re-score an
//! export a customer sends instead of trusting a number computed in a browser.
//!
//! ```text
//! aims-score catalog            print the catalog as JSON
//! aims-score score FILE|- [--today YYYY-MM-DD]
//!                               print the readiness report of an export as JSON, scored
//!                               on today (default: the system's date, UTC): evidence
//!                               records past their review-by date no longer count
//! aims-score validate FILE|-    exit 0 for a valid export, 1 with every problem listed
//! aims-score template           print a blank export in the current format
//! aims-score migrate FILE|-     print an export (any supported version) in the current format
//! aims-score soa FILE [--format json|csv] [--today YYYY-MM-DD]
//!                               print the Statement of Applicability
//! aims-score plan FILE [--format json|csv] [--today YYYY-MM-DD]
//!                               print the action plan, overdue against today (default:
//!                               the system's date, UTC)
//! aims-score oscal FILE         print the assessment as OSCAL assessment results
//! aims-score ciso-assistant FILE [--plan] [--today YYYY-MM-DD]
//!                               print CISO Assistant's audit import (CSV), or with
//!                               --plan its applied-controls import (docs/interop.md)
//! aims-score compare OLD NEW    print how NEW moved from OLD, as JSON
//! aims-score encrypt FILE -o OUT.age --passphrase-file P
//!                               encrypt any file with a passphrase (age v1, scrypt)
//! aims-score decrypt FILE.age -o OUT --passphrase-file P
//!                               decrypt it again
//! aims-score pack FILE -o PACK.zip [--today YYYY-MM-DD] [--files DIR]
//!                               write the audit pack: the assessment, its SoA and plan
//!                               (CSV), OSCAL, the printable report (HTML), the registers
//!                               (CSV), the evidence files (from DIR, each named by its
//!                               evidence record's id) and a manifest of their SHA-256
//!                               hashes (docs/audit-pack.md)
//! aims-score verify-pack PACK.zip
//!                               check every name, size and hash of a pack and import
//!                               its assessment; exit 1 with the reason if any fails
//! aims-score --version          print the product and its version
//! ```
//!
//! Every command that reads an assessment reads an age-encrypted one too, given
//! `--passphrase-file P` (the passphrase is the file's first line).
//!
//! CSV and OSCAL come from the same engine functions the app uses, so a file gives the
//! same bytes here and in the browser.

use aims_engine::reports::score_json::{catalog_json, score_json};
use aims_engine::reports::{ciso_assistant, compare, plan, soa};
use aims_engine::text::messages::Texts;
use aims_engine::{export, import_with_notices, score, Assessment, Catalog, Date, Timestamp};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str =
    "usage: aims-score catalog | score FILE [--today YYYY-MM-DD] | validate FILE | migrate FILE | template
       | soa FILE [--format json|csv] [--today YYYY-MM-DD] | plan FILE [--format json|csv] [--today YYYY-MM-DD]
       | oscal FILE | ciso-assistant FILE [--plan] [--today YYYY-MM-DD]
       | compare OLD NEW | encrypt FILE -o OUT | decrypt FILE -o OUT
       | pack FILE -o PACK.zip [--today YYYY-MM-DD] [--files DIR] | verify-pack PACK.zip | --version
       [--passphrase-file P: the passphrase for age-encrypted files, its first line]
       (FILE may be - for stdin)";

fn now() -> Timestamp {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Timestamp::from_unix_seconds(seconds)
}

/// The options after a report command's file: `--format json|csv`, `--today DATE` and
/// (`ciso-assistant`) `--plan`.
struct Options {
    csv: bool,
    today: Date,
    plan: bool,
}

/// Which options a report command takes.
#[derive(Clone, Copy)]
enum Takes {
    /// `--format` and `--today` (the action plan, the SoA, the score).
    Today,
    /// `--plan` and `--today`, not `--format` (CISO Assistant's CSVs).
    PlanAndToday,
}

fn options(rest: &[&str], takes: Takes) -> Result<Options, String> {
    let ciso = matches!(takes, Takes::PlanAndToday);
    let today = now().as_str().get(..10).and_then(Date::parse);
    let mut out = Options {
        csv: false,
        today: today.unwrap_or(Date::EPOCH),
        plan: false,
    };
    // The reports are scored on today; a system clock without a valid date makes it ask for one.
    if today.is_none() && !rest.contains(&"--today") {
        return Err("the system clock gives no valid date; pass --today YYYY-MM-DD".into());
    }
    let mut rest = rest.iter();
    while let Some(&flag) = rest.next() {
        if ciso && flag == "--plan" {
            out.plan = true;
            continue;
        }
        let value = rest.next().copied();
        match (flag, value) {
            ("--format", _) if ciso => return Err("ciso-assistant writes CSV only".into()),
            ("--format", Some("csv")) => out.csv = true,
            ("--format", Some("json")) => out.csv = false,
            ("--format", other) => {
                return Err(format!(
                    "--format takes json or csv, not {}",
                    other.unwrap_or("nothing")
                ))
            }
            ("--today", Some(v)) => {
                out.today =
                    Date::parse(v).ok_or(format!("--today takes a date YYYY-MM-DD, not {v}"))?
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(out)
}

/// Runs a report command: reads FILE, parses the options, prints what `render` makes.
fn report(
    input: &Input,
    file: &str,
    rest: &[&str],
    takes: Takes,
    render: impl Fn(&Assessment, &Options) -> String,
) -> ExitCode {
    let opts = match options(rest, takes) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("aims-score: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match input.assessment(file) {
        Ok(a) => print(&render(&a, &opts)),
        Err(code) => code,
    }
}

/// How files are read: the catalog, and the passphrase for age-encrypted ones.
struct Input {
    catalog: &'static Catalog,
    passphrase: Option<String>,
}

/// The passphrase in `path`: its first line (a file ending with a newline is the norm).
fn read_passphrase(path: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the passphrase file {path}: {e}"))?;
    let line = text.lines().next().unwrap_or_default().to_owned();
    if line.is_empty() {
        return Err(format!("the passphrase file {path} is empty"));
    }
    Ok(line)
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let catalog = Catalog::builtin();
    let mut passphrase = None;
    if let Some(at) = args.iter().position(|a| a == "--passphrase-file") {
        let Some(path) = args.get(at + 1).cloned() else {
            eprintln!("aims-score: --passphrase-file needs a file\n{USAGE}");
            return ExitCode::from(2);
        };
        args.drain(at..at + 2);
        match read_passphrase(&path) {
            Ok(p) => passphrase = Some(p),
            Err(e) => {
                eprintln!("aims-score: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let input = Input {
        catalog,
        passphrase,
    };
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["encrypt", file, "-o", out] => seal(&input, file, out, true),
        ["decrypt", file, "-o", out] => seal(&input, file, out, false),
        ["pack", file, "-o", out, rest @ ..] => write_pack(&input, file, out, rest),
        ["verify-pack", file] => verify_pack(&input, file),
        ["--version"] => print(&format!("{}\n", aims_engine::GENERATOR)),
        ["catalog"] => print(&catalog_json(catalog)),
        ["template"] => {
            let blank = Assessment::new(catalog, "template".into(), String::new(), now());
            print(&export(catalog, &blank))
        }
        ["soa", file, rest @ ..] => report(&input, file, rest, Takes::Today, |a, o| {
            if o.csv {
                soa::csv(catalog, a, o.today, Texts::ENGLISH)
            } else {
                soa::json(catalog, a, o.today)
            }
        }),
        ["plan", file, rest @ ..] => report(&input, file, rest, Takes::Today, |a, o| {
            let r = score(catalog, a, o.today);
            if o.csv {
                plan::csv(catalog, a, &r, o.today, Texts::ENGLISH)
            } else {
                plan::json(catalog, a, &r, o.today)
            }
        }),
        ["ciso-assistant", file, rest @ ..] => {
            report(&input, file, rest, Takes::PlanAndToday, |a, o| {
                if o.plan {
                    let r = score(catalog, a, o.today);
                    ciso_assistant::applied_controls_csv(catalog, a, &r, o.today, Texts::ENGLISH)
                } else {
                    ciso_assistant::audit_csv(catalog, a, Texts::ENGLISH)
                }
            })
        }
        ["oscal", file] => match input.assessment(file) {
            Ok(a) => print(&aims_engine::reports::oscal::assessment_results(
                catalog, &a,
            )),
            Err(code) => code,
        },
        ["compare", old, new] => match (input.assessment(old), input.assessment(new)) {
            (Ok(o), Ok(n)) => print(&compare::json(catalog, &o, &n, now().date())),
            (Err(code), _) | (_, Err(code)) => code,
        },
        ["score", file, rest @ ..] => report(&input, file, rest, Takes::Today, |a, o| {
            score_json(catalog, a, &score(catalog, a, o.today))
        }),
        ["migrate", file] => match input.assessment(file) {
            Ok(assessment) => print(&export(catalog, &assessment)),
            Err(code) => code,
        },
        ["validate", file] => match input.assessment(file) {
            Ok(_) => {
                eprintln!("valid: {file}");
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn print(text: &str) -> ExitCode {
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("aims-score: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads FILE (or stdin for `-`), at most `limit` bytes and one more (so an oversized
/// input is reported, not truncated).
fn read_bytes(file: &str, limit: u64) -> Result<Vec<u8>, ExitCode> {
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin().take(limit + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    match read {
        Ok(_) => Ok(bytes),
        Err(e) => {
            eprintln!("aims-score: cannot read {file}: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// The largest file `encrypt` and `decrypt` take (an audit pack with its evidence).
const MAX_SEALED_BYTES: u64 = 2 << 30;

/// Reads FILE (or stdin) whole, refusing one over [`MAX_SEALED_BYTES`] with a message.
fn read_large(file: &str) -> Result<Vec<u8>, ExitCode> {
    let bytes = read_bytes(file, MAX_SEALED_BYTES)?;
    if bytes.len() as u64 > MAX_SEALED_BYTES {
        eprintln!(
            "aims-score: {file} is larger than {} MB",
            MAX_SEALED_BYTES >> 20
        );
        return Err(ExitCode::FAILURE);
    }
    Ok(bytes)
}

/// `encrypt` (`sealing`) or `decrypt` FILE into OUT with the passphrase.
fn seal(input: &Input, file: &str, out: &str, sealing: bool) -> ExitCode {
    let Some(passphrase) = &input.passphrase else {
        eprintln!(
            "aims-score: {} needs --passphrase-file P\n{USAGE}",
            if sealing { "encrypt" } else { "decrypt" }
        );
        return ExitCode::from(2);
    };
    let bytes = match read_large(file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let result = if sealing {
        aims_crypt::encrypt(&bytes, passphrase)
    } else {
        aims_crypt::decrypt(&bytes, passphrase)
    };
    match result {
        Ok(done) => match std::fs::write(out, done) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("aims-score: cannot write {out}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("aims-score: {file}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The evidence files of `assessment` from `dir`, each named by its record's id; every
/// record that keeps a file must find it there, and none may be over the pack's limit.
fn evidence_files(
    catalog: &Catalog,
    assessment: &Assessment,
    dir: &str,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    for (id, name) in aims_pack::kept_files(catalog, assessment) {
        let path = std::path::Path::new(dir).join(&id);
        let size = std::fs::metadata(&path)
            .map_err(|e| {
                format!(
                    "the evidence record {id} keeps \"{name}\", but {} cannot be read: {e}",
                    path.display()
                )
            })?
            .len();
        if size > aims_pack::LIMITS.file {
            return Err(format!(
                "{} is {size} bytes; an evidence file may be at most {} bytes",
                path.display(),
                aims_pack::LIMITS.file
            ));
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push((id, bytes));
    }
    Ok(out)
}

/// `pack`: the audit pack of the assessment in FILE, with the evidence files from
/// `--files DIR`, written to OUT.
fn write_pack(input: &Input, file: &str, out: &str, rest: &[&str]) -> ExitCode {
    let (files_dir, rest): (Option<&str>, Vec<&str>) =
        match rest.iter().position(|a| *a == "--files") {
            Some(at) => match rest.get(at + 1) {
                Some(dir) => (
                    Some(*dir),
                    rest[..at].iter().chain(&rest[at + 2..]).copied().collect(),
                ),
                None => {
                    eprintln!("aims-score: --files needs a folder\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            None => (None, rest.to_vec()),
        };
    let options = match options(&rest, Takes::Today) {
        Ok(o) if !o.csv => o,
        Ok(_) => {
            eprintln!("aims-score: pack takes --today only\n{USAGE}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("aims-score: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let assessment = match input.assessment(file) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let files = match files_dir.map(|dir| evidence_files(input.catalog, &assessment, dir)) {
        None => Vec::new(),
        Some(Ok(files)) => files,
        Some(Err(e)) => {
            eprintln!("aims-score: {e}");
            return ExitCode::FAILURE;
        }
    };
    let evidence: Vec<aims_pack::EvidenceFile> = files
        .iter()
        .map(|(record, bytes)| aims_pack::EvidenceFile { record, bytes })
        .collect();
    match aims_pack::build(input.catalog, &assessment, options.today, &evidence) {
        Ok(pack) => match std::fs::write(out, pack) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("aims-score: cannot write {out}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("aims-score: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `verify-pack`: opens PACK (decrypting an age file with the passphrase) with every
/// check, and lists what it holds.
fn verify_pack(input: &Input, file: &str) -> ExitCode {
    let bytes = match read_large(file).and_then(|b| input.opened(file, b)) {
        Ok(b) => b,
        Err(code) => return code,
    };
    match aims_pack::open(input.catalog, &bytes, aims_pack::LIMITS) {
        Ok(opened) => {
            let mut text = format!(
                "ok: {} ({}), made {} by {}; every file's size and SHA-256 match, the assessment imports\n",
                opened.manifest.assessment.name,
                opened.manifest.assessment.id,
                opened.manifest.created,
                opened.manifest.generator
            );
            for f in &opened.manifest.files {
                text.push_str(&format!(
                    "  {}  {} bytes  sha256 {}\n",
                    f.path, f.size, f.sha256
                ));
                if let Some(record) = &f.record {
                    text.push_str(&format!(
                        "    evidence record {record}, supports {}\n",
                        f.supports.join(", ")
                    ));
                }
            }
            print(&text)
        }
        Err(e) => {
            eprintln!("aims-score: {file}: {e}");
            ExitCode::FAILURE
        }
    }
}

impl Input {
    /// `bytes` read from FILE, decrypted with the passphrase if they are an age file.
    fn opened(&self, file: &str, bytes: Vec<u8>) -> Result<Vec<u8>, ExitCode> {
        if !aims_crypt::is_encrypted(&bytes) {
            return Ok(bytes);
        }
        let Some(passphrase) = &self.passphrase else {
            eprintln!("aims-score: {file} is encrypted (age); pass --passphrase-file P");
            return Err(ExitCode::FAILURE);
        };
        aims_crypt::decrypt(&bytes, passphrase).map_err(|e| {
            eprintln!("aims-score: {file}: {e}");
            ExitCode::FAILURE
        })
    }

    /// Reads FILE (or stdin for `-`), decrypts it if it is an age file, and imports it,
    /// printing every problem on failure.
    fn assessment(&self, file: &str) -> Result<Assessment, ExitCode> {
        let limit = aims_engine::format::import::MAX_IMPORT_BYTES as u64;
        // An encrypted export is a little longer than the export itself.
        let bytes = read_bytes(file, limit + limit / 64 + 4096)?;
        let mut bytes = self.opened(file, bytes)?;
        bytes.truncate(limit as usize + 1);
        match import_with_notices(self.catalog, &bytes) {
            Ok(imported) => {
                if !imported.raised_targets.is_empty() {
                    let ids = imported.raised_targets.join(", ");
                    let english = Texts::ENGLISH;
                    let said = english.tf(english.notice_targets_raised(), &[("ids", &ids)]);
                    eprintln!("{file}: {said}");
                }
                Ok(imported.assessment)
            }
            Err(problems) => {
                eprintln!("{file}: {} problem(s):", problems.len());
                for problem in problems {
                    eprintln!("  {problem}");
                }
                Err(ExitCode::FAILURE)
            }
        }
    }
}
