//! The Statement of Applicability (clause 6.1.3): every Annex A control with its
//! applicability, the reason for it, how far it is implemented, who owns it, the
//! evidence and the due date; the defects an auditor would raise are marked on the row.
//! One function builds the rows; the CSV and JSON writers only format them, so the app
//! and `aims-score soa` print the same bytes.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId, ItemKind};
use crate::model::date::Date;
use crate::model::evidence_refs::{self, EvidenceLink};
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::reports::csv::Csv;
use crate::reports::json_out::pretty_line;
use crate::rules::exclusions::conflicting_clause;
use crate::rules::registers::{risks_treated_by, RegisterFacts};
use crate::text::messages::Texts;
use serde::Serialize;

/// How far an applicable control is implemented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// No level recorded.
    NotAssessed,
    /// A level against the target, and whether evidence is recorded.
    Assessed {
        /// The level recorded.
        level: MaturityLevel,
        /// The organization's target.
        target: TargetLevel,
        /// At least one evidence reference is recorded.
        evidenced: bool,
    },
    /// Excluded with a justification: not implemented, on purpose.
    Excluded,
}

impl Status {
    /// A stable name for JSON: `not_assessed`, `not_implemented`, `partly_implemented`,
    /// `implemented`, `target_met` or `excluded`.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotAssessed => "not_assessed",
            Status::Excluded => "excluded",
            Status::Assessed { level, target, .. } => match level {
                MaturityLevel::L0 => "not_implemented",
                MaturityLevel::L1 | MaturityLevel::L2 => "partly_implemented",
                l if l >= target.as_maturity() => "target_met",
                _ => "implemented",
            },
        }
    }

    /// The status in words, e.g. "Partly implemented: level 2 of target 3".
    pub fn words(self, texts: Texts) -> String {
        let Status::Assessed {
            level,
            target,
            evidenced,
        } = self
        else {
            return match self {
                Status::Excluded => texts.soa_status_excluded().to_owned(),
                _ => texts.soa_status_not_assessed().to_owned(),
            };
        };
        let name = match self.key() {
            "not_implemented" => texts.soa_status_not_implemented(),
            "partly_implemented" => texts.soa_status_partly(),
            "target_met" => texts.soa_status_target_met(),
            _ => texts.soa_status_implemented(),
        };
        let mut words = texts.tf(
            texts.soa_status_level(),
            &[
                ("status", name),
                ("level", &level.to_string()),
                ("target", &target.number().to_string()),
            ],
        );
        if level >= MaturityLevel::AUDIT_READY && !evidenced {
            words.push_str(texts.soa_status_no_evidence());
        }
        words
    }
}

/// What an auditor would raise about a row of the Statement of Applicability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defect {
    /// Marked excluded with no justification: the exclusion does not count.
    ExclusionWithoutJustification,
    /// Applicable with no reason for including it.
    InclusionWithoutReason,
    /// Applicable with no implementation status (or only an unconfirmed estimate).
    NoStatus,
    /// Excluded although a mandatory clause is carried out through it.
    ExcludesClauseControl,
}

impl Defect {
    /// A stable name for JSON.
    pub fn key(self) -> &'static str {
        match self {
            Defect::ExclusionWithoutJustification => "exclusion_without_justification",
            Defect::InclusionWithoutReason => "inclusion_without_reason",
            Defect::NoStatus => "no_status",
            Defect::ExcludesClauseControl => "exclusion_conflicts_with_clause",
        }
    }

    /// The defect in words.
    pub fn words(self, texts: Texts) -> &'static str {
        match self {
            Defect::ExclusionWithoutJustification => texts.soa_defect_exclusion(),
            Defect::InclusionWithoutReason => texts.soa_defect_reason(),
            Defect::NoStatus => texts.soa_defect_status(),
            Defect::ExcludesClauseControl => texts.soa_defect_clause(),
        }
    }
}

/// One Annex A control in the Statement of Applicability.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    /// The control.
    pub control: ItemId,
    /// Included (not excluded, or excluded without a justification, which does not count).
    pub applicable: bool,
    /// The person's reason for including or excluding it.
    pub justification: &'a str,
    /// The titles of the open risks above the acceptance level it treats: its reason for
    /// inclusion where no other is written ("treats …").
    pub treats: Vec<&'a str>,
    /// Implementation status.
    pub status: Status,
    /// Its evidence records, one reference each ([`EvidenceLink::reference`]).
    pub evidence: Vec<String>,
    /// Who is responsible.
    pub owner: &'a str,
    /// When the gap should be closed.
    pub due: Option<Date>,
    /// The defects, in [`Defect`] order.
    pub defects: Vec<Defect>,
}

/// The rows of the Statement of Applicability, in catalog order, on `today` (evidence
/// records past their review-by date do not count).
pub fn rows<'a>(catalog: &Catalog, assessment: &'a Assessment, today: Date) -> Vec<Row<'a>> {
    let registers = RegisterFacts::of(catalog, assessment, today);
    let evidence = evidence_refs::by_item(catalog, &assessment.registers);
    catalog
        .item_ids()
        .filter(|&i| catalog.item(i).kind == ItemKind::Control)
        .map(|control| {
            let evidence = evidence[control.index()]
                .iter()
                .map(EvidenceLink::reference);
            row(catalog, assessment, &registers, control, evidence.collect())
        })
        .collect()
}

fn row<'a>(
    catalog: &Catalog,
    assessment: &'a Assessment,
    registers: &RegisterFacts,
    control: ItemId,
    evidence: Vec<String>,
) -> Row<'a> {
    let a = assessment.answer(control);
    let applicable = assessment.in_scope(catalog, control);
    let status = match a.confirmed() {
        _ if !applicable => Status::Excluded,
        None => Status::NotAssessed,
        Some(level) => Status::Assessed {
            level,
            target: a.target,
            evidenced: registers.supports(control),
        },
    };
    let treats = if registers.treats_risk(control) {
        risks_treated_by(catalog, &assessment.registers, control)
    } else {
        Vec::new()
    };
    let mut defects = Vec::new();
    if a.excluded && !a.has_reason() {
        defects.push(Defect::ExclusionWithoutJustification);
    }
    if !a.excluded && !a.has_reason() && treats.is_empty() {
        defects.push(Defect::InclusionWithoutReason);
    }
    if status == Status::NotAssessed {
        defects.push(Defect::NoStatus);
    }
    if a.excluded && conflicting_clause(catalog, control).is_some() {
        defects.push(Defect::ExcludesClauseControl);
    }
    Row {
        control,
        applicable,
        justification: a.justification.trim(),
        treats,
        status,
        evidence,
        owner: a.owner.trim(),
        due: a.due,
        defects,
    }
}

/// The CSV columns in the active language, in their documented order (docs/reports.md).
pub fn csv_columns(texts: Texts) -> [&'static str; 13] {
    [
        texts.csv_soa_control(),
        texts.csv_soa_title(),
        texts.csv_soa_control_objective(),
        texts.csv_soa_applicable(),
        texts.csv_soa_justification(),
        texts.csv_soa_status(),
        texts.csv_soa_level(),
        texts.csv_soa_target_level(),
        texts.csv_soa_evidence(),
        texts.csv_soa_owner(),
        texts.csv_soa_due(),
        texts.csv_soa_defects(),
        texts.csv_soa_source(),
    ]
}

impl Row<'_> {
    /// The reason for its inclusion or exclusion as the document states it: the one
    /// written, else the risks it treats.
    pub fn reason(&self, texts: Texts) -> String {
        if self.justification.is_empty() && !self.treats.is_empty() {
            texts.tf(texts.soa_treats(), &[("risks", &self.treats.join("; "))])
        } else {
            self.justification.to_owned()
        }
    }
}

/// The Statement of Applicability as CSV on `today`: one row per Annex A control, then
/// one per control of the organization's own.
pub fn csv(catalog: &Catalog, assessment: &Assessment, today: Date, texts: Texts) -> String {
    let mut out = Csv::new(&csv_columns(texts));
    for r in rows(catalog, assessment, today) {
        let item = catalog.item(r.control);
        let (level, target) = match r.status {
            Status::Assessed { level, target, .. } => {
                (level.to_string(), target.number().to_string())
            }
            _ => (String::new(), String::new()),
        };
        let defects: Vec<&str> = r.defects.iter().map(|d| d.words(texts)).collect();
        out.row(&[
            item.id.as_str(),
            &item.title,
            &catalog.group(catalog.item_group(r.control)).id,
            yes_no(r.applicable, texts),
            &r.reason(texts),
            &r.status.words(texts),
            &level,
            &target,
            &r.evidence.join("; "),
            r.owner,
            &r.due.map(|d| d.to_string()).unwrap_or_default(),
            &defects.join("; "),
            "ISO/IEC 42001:2023 Annex A",
        ]);
    }
    for c in &assessment.additional {
        out.row(&[
            c.id.as_str(),
            &c.title,
            "",
            yes_no(true, texts),
            &c.reason,
            c.status
                .map_or(texts.soa_status_not_assessed(), |l| l.name(texts)),
            &c.status.map_or_else(String::new, |l| l.to_string()),
            "",
            "",
            &c.owner,
            "",
            "",
            &c.source,
        ]);
    }
    out.finish()
}

fn yes_no(b: bool, texts: Texts) -> &'static str {
    if b {
        texts.soa_yes()
    } else {
        texts.soa_no()
    }
}

/// The Statement of Applicability as JSON (docs/reports.md).
#[derive(Serialize)]
struct SoaDoc<'a> {
    document: &'static str,
    standard: &'a str,
    organization: &'a str,
    scope: &'a str,
    assessment: &'a str,
    version: &'a str,
    prepared_by: &'a str,
    approval: Approval<'a>,
    defects: usize,
    controls: Vec<ControlDoc<'a>>,
    additional_controls: Vec<AdditionalDoc<'a>>,
}

/// Who approved the Statement of Applicability, when, and its version (empty and `null`
/// while not said).
#[derive(Serialize)]
struct Approval<'a> {
    approver: &'a str,
    approved: Option<String>,
    version: &'a str,
}

/// One Annex A control; `level` is `null` unless it is assessed and applicable.
#[derive(Serialize)]
struct ControlDoc<'a> {
    id: &'a str,
    title: &'a str,
    applicable: bool,
    justification: &'a str,
    /// The open risks above the acceptance level it treats (titles).
    treats_risks: &'a [&'a str],
    status: &'static str,
    level: Option<u8>,
    target: u8,
    evidence: &'a [String],
    owner: &'a str,
    due: Option<String>,
    defects: Vec<&'static str>,
}

/// A control of the organization's own.
#[derive(Serialize)]
struct AdditionalDoc<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
    reason: &'a str,
    level: Option<u8>,
    owner: &'a str,
    complete: bool,
}

/// Every defect of the document: those of its rows, a missing scope, and each control of
/// the organization's own without a reason that counts or without a status.
pub fn defect_count(rows: &[Row], assessment: &Assessment) -> usize {
    rows.iter().map(|r| r.defects.len()).sum::<usize>()
        + usize::from(assessment.profile.scope_note.trim().is_empty())
        + assessment
            .additional
            .iter()
            .filter(|c| !c.is_complete())
            .count()
}

/// The Statement of Applicability as pretty JSON (docs/reports.md) on `today`, with its
/// title block.
pub fn json(catalog: &Catalog, assessment: &Assessment, today: Date) -> String {
    let all = rows(catalog, assessment, today);
    let additional = assessment.additional.iter().map(|c| AdditionalDoc {
        id: &c.id,
        title: &c.title,
        source: &c.source,
        reason: &c.reason,
        level: c.status.map(MaturityLevel::number),
        owner: &c.owner,
        complete: c.is_complete(),
    });
    pretty_line(&SoaDoc {
        document: "statement_of_applicability",
        standard: &catalog.title,
        organization: &assessment.organization,
        scope: assessment.profile.scope_note.trim(),
        assessment: &assessment.name,
        version: assessment.updated.as_str(),
        prepared_by: assessment.prepared_by.trim(),
        approval: Approval {
            approver: assessment.soa.approver.trim(),
            approved: assessment.soa.approved.map(|d| d.to_string()),
            version: assessment.soa.version.trim(),
        },
        defects: defect_count(&all, assessment),
        controls: all
            .iter()
            .map(|r| control(catalog, assessment, r))
            .collect(),
        additional_controls: additional.collect(),
    })
}

fn control<'a>(catalog: &'a Catalog, assessment: &Assessment, r: &'a Row<'a>) -> ControlDoc<'a> {
    let item = catalog.item(r.control);
    let level = match r.status {
        Status::Assessed { level, .. } => Some(level.number()),
        _ => None,
    };
    ControlDoc {
        id: &item.id,
        title: &item.title,
        applicable: r.applicable,
        justification: r.justification,
        treats_risks: &r.treats,
        status: r.status.key(),
        level,
        target: assessment.answer(r.control).target.number(),
        evidence: &r.evidence,
        owner: r.owner,
        due: r.due.map(|d| d.to_string()),
        defects: r.defects.iter().map(|d| d.key()).collect(),
    }
}
