//! The scoring report as JSON, as printed by `aims-score score` (docs/export-format.md).

use super::catalog::Catalog;
use super::percent::Percent;
use super::scoring::{Blocker, Report};
use serde::Serialize;

#[derive(Serialize)]
struct ReportOut<'a> {
    catalog: CatalogOut<'a>,
    readiness_percent: Option<Percent>,
    evidenced_readiness_percent: Option<Percent>,
    clause_readiness_percent: Option<Percent>,
    annex_a_readiness_percent: Option<Percent>,
    coverage_percent: Option<Percent>,
    in_scope_items: u16,
    answered_items: u16,
    excluded_controls: u16,
    documents_present: u16,
    documents_total: usize,
    verdict: &'static str,
    groups: Vec<GroupOut<'a>>,
    blockers: Vec<BlockerOut<'a>>,
    gaps: Vec<GapOut<'a>>,
    soa_defects: Vec<&'a str>,
}

#[derive(Serialize)]
struct CatalogOut<'a> {
    id: &'a str,
    version: u32,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    readiness_percent: Option<Percent>,
    evidenced_readiness_percent: Option<Percent>,
    in_scope: u16,
    answered: u16,
}

#[derive(Serialize)]
struct BlockerOut<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
}

#[derive(Serialize)]
struct GapOut<'a> {
    id: &'a str,
    kind: &'static str,
    current: Option<u8>,
    target: u8,
    priority: f64,
}

/// The report as pretty JSON with a trailing newline.
pub fn report_json(catalog: &Catalog, report: &Report) -> String {
    let item_id = |i| catalog.item(i).id.as_str();
    let blocker = |b: &Blocker| {
        let (item, document, level) = match *b {
            Blocker::Unanswered(i) | Blocker::SoaDefect(i) => (Some(item_id(i)), None, None),
            Blocker::BelowMinimum(i, l) | Blocker::BelowAuditReady(i, l) => {
                (Some(item_id(i)), None, Some(l.number()))
            }
            Blocker::MissingDocument(d) => (None, Some(catalog.document(d).id.as_str()), None),
        };
        BlockerOut {
            kind: b.kind(),
            item,
            document,
            level,
        }
    };
    let out = ReportOut {
        catalog: CatalogOut {
            id: &catalog.id,
            version: catalog.version,
        },
        readiness_percent: report.overall.readiness,
        evidenced_readiness_percent: report.overall.evidenced,
        clause_readiness_percent: report.clauses.readiness,
        annex_a_readiness_percent: report.annex_a.readiness,
        coverage_percent: report.overall.coverage(),
        in_scope_items: report.overall.in_scope,
        answered_items: report.overall.answered,
        excluded_controls: report.overall.excluded,
        documents_present: report.documents_present,
        documents_total: catalog.document_count(),
        verdict: report.verdict.as_str(),
        groups: report
            .groups
            .iter()
            .map(|g| {
                let group = catalog.group(g.group);
                GroupOut {
                    id: &group.id,
                    title: &group.title,
                    kind: group.kind.as_str(),
                    readiness_percent: g.figure.readiness,
                    evidenced_readiness_percent: g.figure.evidenced,
                    in_scope: g.figure.in_scope,
                    answered: g.figure.answered,
                }
            })
            .collect(),
        blockers: report.blockers.iter().map(blocker).collect(),
        gaps: report
            .gaps
            .iter()
            .map(|g| GapOut {
                id: item_id(g.item),
                kind: catalog.item(g.item).kind.as_str(),
                current: g.current.map(|l| l.number()),
                target: g.target.number(),
                priority: g.priority,
            })
            .collect(),
        soa_defects: report.soa_defects.iter().map(|&i| item_id(i)).collect(),
    };
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

/// The catalog summary printed by `aims-score catalog`.
pub fn catalog_json(catalog: &Catalog) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        id: &'a str,
        version: u32,
        title: &'a str,
        items: Vec<ItemOut<'a>>,
        groups: Vec<GroupRow<'a>>,
        documents: Vec<DocOut<'a>>,
    }
    #[derive(Serialize)]
    struct ItemOut<'a> {
        id: &'a str,
        title: &'a str,
        kind: &'static str,
        group: &'a str,
    }
    #[derive(Serialize)]
    struct GroupRow<'a> {
        id: &'a str,
        title: &'a str,
        kind: &'static str,
        parent: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct DocOut<'a> {
        id: &'a str,
        title: &'a str,
        clause: &'a str,
    }
    let out = Out {
        id: &catalog.id,
        version: catalog.version,
        title: &catalog.title,
        items: catalog
            .item_ids()
            .map(|i| {
                let item = catalog.item(i);
                ItemOut {
                    id: &item.id,
                    title: &item.title,
                    kind: item.kind.as_str(),
                    group: &item.group,
                }
            })
            .collect(),
        groups: catalog
            .group_ids()
            .map(|g| {
                let group = catalog.group(g);
                GroupRow {
                    id: &group.id,
                    title: &group.title,
                    kind: group.kind.as_str(),
                    parent: group.parent.as_deref(),
                }
            })
            .collect(),
        documents: catalog
            .document_ids()
            .map(|d| {
                let doc = catalog.document(d);
                DocOut {
                    id: &doc.id,
                    title: &doc.title,
                    clause: &doc.clause,
                }
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}
