//! `aims-score`: the native command-line scorer. A vendor's server can re-score an
//! export a customer sends instead of trusting a number computed in a browser.
//!
//! ```text
//! aims-score catalog            print the catalog as JSON
//! aims-score score FILE|-       print the readiness report of an export as JSON
//! aims-score validate FILE|-    exit 0 for a valid export, 1 with every problem listed
//! aims-score template           print a blank export in the current format
//! aims-score migrate FILE|-     print an export (any supported version) in the current format
//! aims-score soa FILE [--format json|csv]
//!                               print the Statement of Applicability
//! aims-score plan FILE [--format json|csv] [--today YYYY-MM-DD]
//!                               print the action plan, overdue against today (default:
//!                               the system's date, UTC)
//! aims-score oscal FILE         print the assessment as OSCAL assessment results
//! aims-score ciso-assistant FILE [--plan] [--today YYYY-MM-DD]
//!                               print CISO Assistant's audit import (CSV), or with
//!                               --plan its applied-controls import (docs/interop.md)
//! aims-score compare OLD NEW    print how NEW moved from OLD, as JSON
//! aims-score --version          print the product and its version
//! ```
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
    "usage: aims-score catalog | score FILE | validate FILE | migrate FILE | template
       | soa FILE [--format json|csv] | plan FILE [--format json|csv] [--today YYYY-MM-DD]
       | oscal FILE | ciso-assistant FILE [--plan] [--today YYYY-MM-DD]
       | compare OLD NEW | --version        (FILE may be - for stdin)";

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
    /// Only `--format`.
    Format,
    /// `--format` and `--today` (the action plan).
    Today,
    /// `--plan` and `--today`, not `--format` (CISO Assistant's CSVs).
    PlanAndToday,
}

fn options(rest: &[&str], takes: Takes) -> Result<Options, String> {
    let allow_today = !matches!(takes, Takes::Format);
    let ciso = matches!(takes, Takes::PlanAndToday);
    let today = now().as_str().get(..10).and_then(Date::parse);
    let mut out = Options {
        csv: false,
        today: today.unwrap_or(Date::EPOCH),
        plan: false,
    };
    // Only `plan` uses today; a system clock without a valid date makes it ask for one.
    if allow_today && today.is_none() && !rest.contains(&"--today") {
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
            ("--today", Some(v)) if allow_today => {
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
    catalog: &Catalog,
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
    match read_and_import(catalog, file) {
        Ok(a) => print(&render(&a, &opts)),
        Err(code) => code,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let catalog = Catalog::builtin();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--version"] => print(&format!("{}\n", aims_engine::GENERATOR)),
        ["catalog"] => print(&catalog_json(catalog)),
        ["template"] => {
            let blank = Assessment::new(catalog, "template".into(), String::new(), now());
            print(&export(catalog, &blank))
        }
        ["soa", file, rest @ ..] => report(catalog, file, rest, Takes::Format, |a, o| {
            if o.csv {
                soa::csv(catalog, a, Texts::ENGLISH)
            } else {
                soa::json(catalog, a)
            }
        }),
        ["plan", file, rest @ ..] => report(catalog, file, rest, Takes::Today, |a, o| {
            let r = score(catalog, a);
            if o.csv {
                plan::csv(catalog, a, &r, o.today, Texts::ENGLISH)
            } else {
                plan::json(catalog, a, &r, o.today)
            }
        }),
        ["ciso-assistant", file, rest @ ..] => {
            report(catalog, file, rest, Takes::PlanAndToday, |a, o| {
                if o.plan {
                    let r = score(catalog, a);
                    ciso_assistant::applied_controls_csv(catalog, a, &r, o.today, Texts::ENGLISH)
                } else {
                    ciso_assistant::audit_csv(catalog, a, Texts::ENGLISH)
                }
            })
        }
        ["oscal", file] => match read_and_import(catalog, file) {
            Ok(a) => print(&aims_engine::reports::oscal::assessment_results(
                catalog, &a,
            )),
            Err(code) => code,
        },
        ["compare", old, new] => {
            match (read_and_import(catalog, old), read_and_import(catalog, new)) {
                (Ok(o), Ok(n)) => print(&compare::json(catalog, &o, &n)),
                (Err(code), _) | (_, Err(code)) => code,
            }
        }
        ["score", file] => match read_and_import(catalog, file) {
            Ok(assessment) => print(&score_json(
                catalog,
                &assessment,
                &score(catalog, &assessment),
            )),
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
    let limit = aims_engine::format::import::MAX_IMPORT_BYTES as u64 + 1;
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
