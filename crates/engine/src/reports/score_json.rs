//! The scoring report and the catalog summary as JSON, as printed by `aims-score`
//! (docs/export-format.md).

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId};
use crate::model::decimal::Fixed;
use crate::reports::json_out::{percent, pretty_line};
use crate::rules::registers::{evidence_record, finding_record};
use crate::rules::scoring::{Blocker, Gap, GroupScore, Score, Warning};
use serde::Serialize;

/// The members of the report in the order of docs/export-format.md.
#[derive(Serialize)]
struct ScoreDoc<'a> {
    catalog: CatalogRef<'a>,
    conformity_percent: Option<Fixed>,
    conforming_items: u16,
    maturity_percent: Option<Fixed>,
    /// The name `maturity_percent` had before scoring model 3; kept for one release.
    readiness_percent: Option<Fixed>,
    evidenced_maturity_percent: Option<Fixed>,
    /// Model 2's name of `evidenced_maturity_percent`; kept for one release.
    evidenced_readiness_percent: Option<Fixed>,
    clause_conformity_percent: Option<Fixed>,
    clause_maturity_percent: Option<Fixed>,
    /// Model 2's name of `clause_maturity_percent`; kept for one release.
    clause_readiness_percent: Option<Fixed>,
    annex_a_conformity_percent: Option<Fixed>,
    annex_a_maturity_percent: Option<Fixed>,
    /// Model 2's name of `annex_a_maturity_percent`; kept for one release.
    annex_a_readiness_percent: Option<Fixed>,
    target_progress_percent: Option<Fixed>,
    coverage_percent: Option<Fixed>,
    in_scope_items: u16,
    answered_items: u16,
    unconfirmed_estimates: u16,
    excluded_controls: u16,
    documents_present: u16,
    documents_total: u16,
    verdict: &'static str,
    groups: Vec<GroupDoc<'a>>,
    blockers: Vec<BlockerDoc<'a>>,
    warnings: Vec<WarningDoc<'a>>,
    gaps: Vec<GapDoc<'a>>,
    soa_defects: Vec<&'a str>,
    soa_missing_reasons: Vec<&'a str>,
}

#[derive(Serialize)]
struct CatalogRef<'a> {
    id: &'a str,
    version: u32,
}

#[derive(Serialize)]
struct GroupDoc<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    conformity_percent: Option<Fixed>,
    conforming: u16,
    maturity_percent: Option<Fixed>,
    evidenced_maturity_percent: Option<Fixed>,
    /// Model 2's names of the two maturity figures; kept for one release.
    readiness_percent: Option<Fixed>,
    evidenced_readiness_percent: Option<Fixed>,
    target_progress_percent: Option<Fixed>,
    in_scope: u16,
    answered: u16,
}

/// A blocker names what it is about: an item (with its level when the level is the
/// problem, the item it builds on, or the clause an exclusion leaves without its
/// control), a document, or a control of the organization's own.
#[derive(Serialize)]
struct BlockerDoc<'a> {
    kind: &'static str,
    stage: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    own_control: Option<&'a str>,
    /// The register record a finding of the registers names: its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a str>,
}

#[derive(Serialize)]
struct WarningDoc<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    /// The evidence record a `stale_evidence` warning names: its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a str>,
}

#[derive(Serialize)]
struct GapDoc<'a> {
    id: &'a str,
    kind: &'static str,
    current: Option<u8>,
    target: u8,
    priority: Fixed,
}

/// The report as pretty JSON with a trailing newline.
pub fn score_json(catalog: &Catalog, assessment: &Assessment, report: &Score) -> String {
    let item_ids = |items: &[ItemId]| items.iter().map(|&i| item_id(catalog, i)).collect();
    let o = &report.overall;
    pretty_line(&ScoreDoc {
        catalog: CatalogRef {
            id: &catalog.id,
            version: catalog.version,
        },
        conformity_percent: percent(o.conformity),
        conforming_items: o.conforming,
        maturity_percent: percent(o.maturity),
        readiness_percent: percent(o.maturity),
        evidenced_maturity_percent: percent(o.evidenced),
        evidenced_readiness_percent: percent(o.evidenced),
        clause_conformity_percent: percent(report.clauses.conformity),
        clause_maturity_percent: percent(report.clauses.maturity),
        clause_readiness_percent: percent(report.clauses.maturity),
        annex_a_conformity_percent: percent(report.annex_a.conformity),
        annex_a_maturity_percent: percent(report.annex_a.maturity),
        annex_a_readiness_percent: percent(report.annex_a.maturity),
        target_progress_percent: percent(o.target_progress),
        coverage_percent: percent(o.coverage()),
        in_scope_items: o.in_scope,
        answered_items: o.answered,
        unconfirmed_estimates: o.estimates,
        excluded_controls: o.excluded,
        documents_present: report.documents_present,
        documents_total: report.documents_total,
        verdict: report.verdict.as_str(),
        groups: report.groups.iter().map(|g| group(catalog, g)).collect(),
        blockers: report
            .blockers
            .iter()
            .map(|&b| blocker(catalog, assessment, b))
            .collect(),
        warnings: report
            .warnings
            .iter()
            .map(|&w| warning(catalog, assessment, w))
            .collect(),
        gaps: report.gaps.iter().map(|g| gap(catalog, g)).collect(),
        soa_defects: item_ids(&report.soa_defects),
        soa_missing_reasons: item_ids(&report.soa_missing_reasons),
    })
}

fn item_id(catalog: &Catalog, i: ItemId) -> &str {
    catalog.item(i).id.as_str()
}

fn group<'a>(catalog: &'a Catalog, g: &GroupScore) -> GroupDoc<'a> {
    let group = catalog.group(g.group);
    let f = &g.figure;
    GroupDoc {
        id: &group.id,
        title: &group.title,
        kind: group.kind.as_str(),
        conformity_percent: percent(f.conformity),
        conforming: f.conforming,
        maturity_percent: percent(f.maturity),
        evidenced_maturity_percent: percent(f.evidenced),
        readiness_percent: percent(f.maturity),
        evidenced_readiness_percent: percent(f.evidenced),
        target_progress_percent: percent(f.target_progress),
        in_scope: f.in_scope,
        answered: f.answered,
    }
}

fn blocker<'a>(catalog: &'a Catalog, assessment: &'a Assessment, b: Blocker) -> BlockerDoc<'a> {
    let mut doc = BlockerDoc {
        kind: b.kind(),
        stage: b.stage(catalog).number(),
        item: b.item().map(|i| item_id(catalog, i)),
        level: None,
        basis: None,
        clause: None,
        document: None,
        own_control: None,
        record: None,
    };
    match b {
        Blocker::BelowMinimum(_, l)
        | Blocker::GateBelowUnderWay(_, l)
        | Blocker::GateBelowAuditReady(_, l)
        | Blocker::BelowAuditReady(_, l) => doc.level = Some(l.number()),
        Blocker::InconsistentClaim { basis, .. } => doc.basis = Some(item_id(catalog, basis)),
        Blocker::ExclusionConflict { clause, .. } => doc.clause = Some(item_id(catalog, clause)),
        Blocker::MissingDocument(d) => doc.document = Some(catalog.document(d).id.as_str()),
        Blocker::OwnControlIncomplete(n) => {
            doc.own_control = assessment.additional.get(n).map(|c| c.id.as_str())
        }
        Blocker::Register(f) => {
            doc.record = finding_record(&assessment.registers, f).map(|(id, _)| id)
        }
        _ => {}
    }
    doc
}

fn warning<'a>(catalog: &'a Catalog, assessment: &'a Assessment, w: Warning) -> WarningDoc<'a> {
    match w {
        Warning::DocumentWithoutPractice {
            document,
            item,
            level,
        } => WarningDoc {
            kind: w.kind(),
            document: Some(catalog.document(document).id.as_str()),
            item: Some(item_id(catalog, item)),
            level: Some(level.number()),
            record: None,
        },
        Warning::NoAiRoleInScope => WarningDoc {
            kind: w.kind(),
            document: None,
            item: None,
            level: None,
            record: None,
        },
        Warning::StaleEvidence(n) => WarningDoc {
            kind: w.kind(),
            document: None,
            item: None,
            level: None,
            record: Some(evidence_record(&assessment.registers, n).0),
        },
    }
}

fn gap<'a>(catalog: &'a Catalog, g: &Gap) -> GapDoc<'a> {
    GapDoc {
        id: item_id(catalog, g.item),
        kind: catalog.item(g.item).kind.as_str(),
        current: g.current.map(|l| l.number()),
        target: g.target.number(),
        priority: Fixed {
            units: g.priority.into(),
            decimals: 2,
        },
    }
}

/// The catalog summary: its items, groups and mandatory documents.
#[derive(Serialize)]
struct CatalogDoc<'a> {
    id: &'a str,
    version: u32,
    title: &'a str,
    items: Vec<CatalogItem<'a>>,
    groups: Vec<CatalogGroup<'a>>,
    documents: Vec<CatalogDocument<'a>>,
}

#[derive(Serialize)]
struct CatalogItem<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    group: &'a str,
}

#[derive(Serialize)]
struct CatalogGroup<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    parent: Option<&'a str>,
}

#[derive(Serialize)]
struct CatalogDocument<'a> {
    id: &'a str,
    title: &'a str,
    clause: &'a str,
    /// `design` (needed before Stage 1) or `record` (see docs/scoring.md).
    class: &'static str,
}

/// The catalog summary printed by `aims-score catalog`.
pub fn catalog_json(catalog: &Catalog) -> String {
    let items = catalog.item_ids().map(|i| {
        let item = catalog.item(i);
        CatalogItem {
            id: &item.id,
            title: &item.title,
            kind: item.kind.as_str(),
            group: &item.group,
        }
    });
    let groups = catalog.group_ids().map(|g| {
        let group = catalog.group(g);
        CatalogGroup {
            id: &group.id,
            title: &group.title,
            kind: group.kind.as_str(),
            parent: group.parent.as_deref(),
        }
    });
    let documents = catalog.document_ids().map(|d| {
        let doc = catalog.document(d);
        CatalogDocument {
            id: &doc.id,
            title: &doc.title,
            clause: &doc.clause,
            class: doc.class.as_str(),
        }
    });
    pretty_line(&CatalogDoc {
        id: &catalog.id,
        version: catalog.version,
        title: &catalog.title,
        items: items.collect(),
        groups: groups.collect(),
        documents: documents.collect(),
    })
}
