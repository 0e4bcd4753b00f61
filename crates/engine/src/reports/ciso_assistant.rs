//! Exports for CISO Assistant, the open-source GRC platform with an ISO/IEC 42001
//! library, so an organization that outgrows one browser continues there without
//! starting again (docs/interop.md):
//!
//! - [`audit_csv`]: the assessment as its audit import, one row per assessable
//!   requirement of its library (`urn`, `ref_id`, `compliance_result`,
//!   `requirement_progress`, `score`, `observations`);
//! - [`applied_controls_csv`]: the action plan as its applied-controls import.
//!
//! The app and `aims-score ciso-assistant` call these same functions, so both give the
//! same bytes. The CSV rules are those of every export ([`crate::reports::csv`]).

use crate::model::assessment::{Answer, Assessment};
use crate::model::catalog::{Catalog, ItemId, ItemKind};
use crate::model::date::Date;
use crate::model::evidence_refs::{self, EvidenceLink};
use crate::reports::csv::Csv;
use crate::reports::plan::{plan, Step, Task, When};
use crate::rules::registers::RegisterFacts;
use crate::rules::scoring::{conforms, Score};
use crate::text::messages::Texts;

/// The urn of a requirement node of CISO Assistant's ISO/IEC 42001 library, before its
/// `ref_id`.
pub const REQUIREMENT_URN: &str = "urn:intuitem:risk:req_node:iso42001-2023:";

/// The assessable requirements of CISO Assistant's ISO/IEC 42001 library (version 1),
/// in its order: our catalog's ids, except that it assesses 6.1 as one requirement
/// where we have 6.1.1 to 6.1.4.
pub const ASSESSABLE: [&str; 67] = [
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "7.1", "7.2", "7.3",
    "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2", "8.3", "8.4", "9.1", "9.2.1", "9.2.2", "9.3.1",
    "9.3.2", "9.3.3", "10.1", "10.2", "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2",
    "A.4.3", "A.4.4", "A.4.5", "A.4.6", "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3",
    "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3",
    "A.7.4", "A.7.5", "A.7.6", "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4",
    "A.10.2", "A.10.3", "A.10.4",
];

/// Our items CISO Assistant assesses as its one 6.1.
pub const PARTS_OF_6_1: [&str; 4] = ["6.1.1", "6.1.2", "6.1.3", "6.1.4"];

/// A requirement's result as CISO Assistant records it (`compliance_result`), worst
/// first: the order in which the parts of 6.1 combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ComplianceResult {
    /// Unanswered, or a quick-check estimate not yet confirmed.
    NotAssessed,
    /// Level 0.
    NonCompliant,
    /// Level 1–2, or level 3 or more without what the scoring model requires to conform.
    PartiallyCompliant,
    /// Conforms today under the scoring model (docs/scoring.md).
    Compliant,
    /// A control excluded with a reason that counts.
    NotApplicable,
}

impl ComplianceResult {
    /// The value CISO Assistant's importer reads.
    pub fn key(self) -> &'static str {
        match self {
            ComplianceResult::NotAssessed => "not_assessed",
            ComplianceResult::NonCompliant => "non_compliant",
            ComplianceResult::PartiallyCompliant => "partially_compliant",
            ComplianceResult::Compliant => "compliant",
            ComplianceResult::NotApplicable => "not_applicable",
        }
    }

    /// `requirement_progress` from the same facts: nothing done yet (`to_do`), work
    /// under way (`in_progress`), or nothing left to do for it (`done`).
    pub fn progress(self) -> &'static str {
        match self {
            ComplianceResult::NotAssessed | ComplianceResult::NonCompliant => "to_do",
            ComplianceResult::PartiallyCompliant => "in_progress",
            ComplianceResult::Compliant | ComplianceResult::NotApplicable => "done",
        }
    }
}

/// The result of one of our items, and its `score` (the maturity level; none when not
/// assessed or not applicable).
pub fn item_result(
    catalog: &Catalog,
    a: &Assessment,
    registers: &RegisterFacts,
    item: ItemId,
) -> (ComplianceResult, Option<u8>) {
    if !a.in_scope(catalog, item) {
        return (ComplianceResult::NotApplicable, None);
    }
    let answer = a.answer(item);
    let Some(level) = answer.maturity.filter(|_| !answer.estimate) else {
        return (ComplianceResult::NotAssessed, None);
    };
    let result = if level.number() == 0 {
        ComplianceResult::NonCompliant
    } else if conforms(catalog, a, registers, item) {
        ComplianceResult::Compliant
    } else {
        ComplianceResult::PartiallyCompliant
    };
    (result, Some(level.number()))
}

/// An item's level in words, for the observations of 6.1.
fn level_words(answer: &Answer, texts: Texts) -> String {
    match answer.maturity {
        None => texts.ciso_not_assessed().to_owned(),
        Some(level) if answer.estimate => texts.tf(
            texts.ciso_estimate(),
            &[("level", &level.number().to_string())],
        ),
        Some(level) => texts.tf(
            texts.ciso_level(),
            &[("level", &level.number().to_string())],
        ),
    }
}

/// What the organization wrote about an item, one line each: justification, evidence,
/// owner, due date, notes; `prefix` before each line (the part's id, for 6.1).
fn notes_of(
    catalog: &Catalog,
    a: &Assessment,
    item: ItemId,
    texts: Texts,
    prefix: &str,
    lines: &mut Vec<String>,
) {
    let answer = a.answer(item);
    let evidence = evidence_refs::links(catalog, &a.registers, item)
        .iter()
        .map(EvidenceLink::reference)
        .collect::<Vec<_>>()
        .join("; ");
    let due = answer.due.map(|d| d.to_string()).unwrap_or_default();
    for (label, text) in [
        (texts.csv_soa_justification(), answer.justification.trim()),
        (texts.csv_soa_evidence(), evidence.trim()),
        (texts.csv_soa_owner(), answer.owner.trim()),
        (texts.csv_soa_due(), due.as_str()),
        (texts.ciso_notes(), answer.notes.trim()),
    ] {
        if !text.is_empty() {
            lines.push(format!("{prefix}{label}: {text}"));
        }
    }
}

/// The assessment as CISO Assistant's audit import: a header and one row per assessable
/// requirement of its library, in its order (docs/interop.md has the mapping).
pub fn audit_csv(catalog: &Catalog, a: &Assessment, texts: Texts) -> String {
    let mut out = Csv::new(&[
        "urn",
        "assessable",
        "ref_id",
        "name",
        "compliance_result",
        "requirement_progress",
        "score",
        "observations",
    ]);
    // Judged as of the assessment's last change, like the OSCAL results.
    let registers = RegisterFacts::of(catalog, a, a.updated.date());
    for ref_id in ASSESSABLE {
        let mut lines = Vec::new();
        let (name, result, score) = if ref_id == "6.1" {
            let parts: Vec<ItemId> = PARTS_OF_6_1
                .iter()
                .filter_map(|id| catalog.find_item(id))
                .collect();
            // The whole takes the worst of its parts, and the lowest level once each
            // part has one.
            let results: Vec<(ComplianceResult, Option<u8>)> = parts
                .iter()
                .map(|&i| item_result(catalog, a, &registers, i))
                .collect();
            let result = results
                .iter()
                .map(|r| r.0)
                .min()
                .unwrap_or(ComplianceResult::NotAssessed);
            let score = results
                .iter()
                .map(|r| r.1)
                .collect::<Option<Vec<u8>>>()
                .and_then(|levels| levels.into_iter().min());
            for &i in &parts {
                lines.push(format!(
                    "{}: {}",
                    catalog.item(i).label(),
                    level_words(a.answer(i), texts)
                ));
            }
            for &i in &parts {
                notes_of(
                    catalog,
                    a,
                    i,
                    texts,
                    &format!("{} ", catalog.item(i).id),
                    &mut lines,
                );
            }
            ("6.1.1–6.1.4".to_owned(), result, score)
        } else {
            let Some(item) = catalog.find_item(ref_id) else {
                continue;
            };
            let (result, score) = item_result(catalog, a, &registers, item);
            notes_of(catalog, a, item, texts, "", &mut lines);
            (catalog.item(item).title.clone(), result, score)
        };
        out.row(&[
            format!("{REQUIREMENT_URN}{ref_id}").as_str(),
            "True",
            ref_id,
            &name,
            result.key(),
            result.progress(),
            &score.map(|s| s.to_string()).unwrap_or_default(),
            &lines.join("\n"),
        ]);
    }
    out.finish()
}

/// CISO Assistant's priority (1 highest … 4) of a task: what blocks Stage 1 and is
/// overdue or among the first ten of the plan is 1, the rest of Stage 1 is 2, Stage 2
/// is 3, and what only moves toward the organization's own targets is 4.
pub fn priority(step: &Step, rank: usize) -> u8 {
    match step.when {
        When::BeforeStage1 if step.overdue || rank < 10 => 1,
        When::BeforeStage1 => 2,
        When::BeforeStage2 => 3,
        When::TowardTarget => 4,
    }
}

/// The longest `name` written (CISO Assistant's names are short; the full text goes to
/// `description`).
const NAME_CHARS: usize = 120;

/// The action plan as CISO Assistant's applied-controls import: one row per task, in
/// plan order, overdue against `today` (docs/interop.md).
pub fn applied_controls_csv(
    catalog: &Catalog,
    a: &Assessment,
    report: &Score,
    today: Date,
    texts: Texts,
) -> String {
    let mut out = Csv::new(&[
        "ref_id",
        "name",
        "description",
        "status",
        "priority",
        "eta",
        "owner",
        "reference_control",
        "observation",
    ]);
    for (rank, step) in plan(catalog, a, report, today).iter().enumerate() {
        let words = step.words(catalog, texts);
        let item = step.item.map(|i| catalog.item(i));
        let label = item.map_or_else(String::new, |i| format!("{}: ", i.id));
        let mut name: String = format!("{label}{words}");
        if name.chars().count() > NAME_CHARS {
            name = name.chars().take(NAME_CHARS - 1).collect::<String>() + "…";
        }
        // Work has started where the item already has a confirmed level above 0.
        let started =
            matches!(step.task, Task::Raise { current: Some(level), .. } if level.number() > 0);
        let reference = item
            .filter(|i| i.kind == ItemKind::Control)
            .map_or("", |i| i.id.as_str());
        let observation = match item {
            Some(i) => format!("{} · {}", step.when.words(texts), i.label()),
            None => step.when.words(texts).to_owned(),
        };
        out.row(&[
            format!("AIMS-{:03}", rank + 1).as_str(),
            &name,
            &words,
            if started { "in_progress" } else { "to_do" },
            &priority(step, rank).to_string(),
            &step.due.map(|d| d.to_string()).unwrap_or_default(),
            step.owner,
            reference,
            &observation,
        ]);
    }
    out.finish()
}
