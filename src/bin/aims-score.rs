//! `aims-score`: the native command-line scorer. A vendor's server can re-score an
//! export a customer sends instead of trusting a number computed in a browser.
//!
//! ```text
//! aims-score catalog            print the catalog as JSON
//! aims-score score FILE|-       print the readiness report of an export as JSON
//! aims-score validate FILE|-    exit 0 for a valid export, 1 with every problem listed
//! aims-score template           print a blank export in the current format
//! aims-score migrate FILE|-     print an export (any supported version) in the current format
//! ```

use aims_readiness::engine::messages::{msg, tf};
use aims_readiness::engine::report_json::{catalog_json, report_json};
use aims_readiness::engine::{export, import_with_notices, score, Assessment, Catalog, Timestamp};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str =
    "usage: aims-score catalog | score FILE | validate FILE | migrate FILE | template   (FILE may be - for stdin)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let catalog = Catalog::builtin();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["catalog"] => print(&catalog_json(catalog)),
        ["template"] => {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let blank = Assessment::new(
                catalog,
                "template".into(),
                String::new(),
                Timestamp::from_unix_seconds(now),
            );
            print(&export(catalog, &blank))
        }
        ["score", file] => match read_and_import(catalog, file) {
            Ok(assessment) => print(&report_json(catalog, &score(catalog, &assessment))),
            Err(code) => code,
        },
        ["migrate", file] => match read_and_import(catalog, file) {
            Ok(assessment) => print(&export(catalog, &assessment)),
            Err(code) => code,
        },
        ["validate", file] => match read_and_import(catalog, file) {
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

/// Reads FILE (or stdin for `-`) and imports it, printing every problem on failure.
fn read_and_import(catalog: &Catalog, file: &str) -> Result<Assessment, ExitCode> {
    // Read one byte past the limit so an oversized input is reported, not truncated.
    let limit = aims_readiness::engine::import::MAX_IMPORT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        eprintln!("aims-score: cannot read {file}: {e}");
        return Err(ExitCode::FAILURE);
    }
    match import_with_notices(catalog, &bytes) {
        Ok(imported) => {
            if !imported.raised_targets.is_empty() {
                let ids = imported.raised_targets.join(", ");
                eprintln!(
                    "{file}: {}",
                    tf(msg::NOTICE_TARGETS_RAISED, &[("ids", &ids)])
                );
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
