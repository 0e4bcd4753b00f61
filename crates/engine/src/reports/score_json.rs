//! The scoring report and the catalog summary as JSON, as printed by `aims-score`
//! (docs/export-format.md).

use crate::model::catalog::{Catalog, ItemId};
use crate::model::decimal::Fixed;
use crate::reports::json_out::{percent, pretty_line};
use crate::rules::scoring::{Blocker, Gap, GroupScore, Score};
use serde::Serialize;

/// The members of the report in the order of docs/export-format.md.
#[derive(Serialize)]
struct ScoreDoc<'a> {
    catalog: CatalogRef<'a>,
    readiness_percent: Option<Fixed>,
    evidenced_readiness_percent: Option<Fixed>,
    clause_readiness_percent: Option<Fixed>,
    annex_a_readiness_percent: Option<Fixed>,
    target_progress_percent: Option<Fixed>,
    coverage_percent: Option<Fixed>,
    in_scope_items: u16,
    answered_items: u16,
    excluded_controls: u16,
    documents_present: u16,
    documents_total: u16,
    verdict: &'static str,
    groups: Vec<GroupDoc<'a>>,
    blockers: Vec<BlockerDoc<'a>>,
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
    readiness_percent: Option<Fixed>,
    evidenced_readiness_percent: Option<Fixed>,
    target_progress_percent: Option<Fixed>,
    in_scope: u16,
    answered: u16,
}

/// A blocker names an item (with its level when the level is the problem) or a document.
#[derive(Serialize)]
struct BlockerDoc<'a> {
    kind: &'static str,
    stage: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
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
pub fn score_json(catalog: &Catalog, report: &Score) -> String {
    let item_ids = |items: &[ItemId]| items.iter().map(|&i| item_id(catalog, i)).collect();
    pretty_line(&ScoreDoc {
        catalog: CatalogRef {
            id: &catalog.id,
            version: catalog.version,
        },
        readiness_percent: percent(report.overall.readiness),
        evidenced_readiness_percent: percent(report.overall.evidenced),
        clause_readiness_percent: percent(report.clauses.readiness),
        annex_a_readiness_percent: percent(report.annex_a.readiness),
        target_progress_percent: percent(report.overall.target_progress),
        coverage_percent: percent(report.overall.coverage()),
        in_scope_items: report.overall.in_scope,
        answered_items: report.overall.answered,
        excluded_controls: report.overall.excluded,
        documents_present: report.documents_present,
        documents_total: report.documents_total,
        verdict: report.verdict.as_str(),
        groups: report.groups.iter().map(|g| group(catalog, g)).collect(),
        blockers: report
            .blockers
            .iter()
            .map(|&b| blocker(catalog, b))
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
        readiness_percent: percent(f.readiness),
        evidenced_readiness_percent: percent(f.evidenced),
        target_progress_percent: percent(f.target_progress),
        in_scope: f.in_scope,
        answered: f.answered,
    }
}

fn blocker(catalog: &Catalog, b: Blocker) -> BlockerDoc<'_> {
    let (item, level, document) = match b {
        Blocker::Unanswered(i)
        | Blocker::SoaDefect(i)
        | Blocker::SoaMissingReason(i)
        | Blocker::NoEvidence(i) => (Some(item_id(catalog, i)), None, None),
        Blocker::BelowMinimum(i, l)
        | Blocker::GateBelowAuditReady(i, l)
        | Blocker::BelowAuditReady(i, l) => (Some(item_id(catalog, i)), Some(l.number()), None),
        Blocker::MissingDocument(d) => (None, None, Some(catalog.document(d).id.as_str())),
    };
    BlockerDoc {
        kind: b.kind(),
        stage: b.stage(catalog).number(),
        item,
        level,
        document,
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
