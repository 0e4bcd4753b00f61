//! The scoring report and the catalog summary as JSON, as printed by `aims-score`
//! (docs/export-format.md).

use crate::format::json::Writer;
use crate::model::catalog::Catalog;
use crate::model::percent::Percent;
use crate::rules::scoring::{Blocker, Figure, Score};

fn percent(w: &mut Writer, key: &str, p: Option<Percent>) {
    w.key(key);
    match p {
        Some(p) => w.fixed(u64::from(p.tenths()), 1),
        None => w.null(),
    };
}

fn figures(w: &mut Writer, f: &Figure) {
    percent(w, "readiness_percent", f.readiness);
    percent(w, "evidenced_readiness_percent", f.evidenced);
    percent(w, "target_progress_percent", f.target_progress);
    w.key("in_scope").uint(u64::from(f.in_scope));
    w.key("answered").uint(u64::from(f.answered));
}

/// The report as pretty JSON with a trailing newline.
pub fn score_json(catalog: &Catalog, report: &Score) -> String {
    let item_id = |i| catalog.item(i).id.as_str();
    let mut w = Writer::pretty();
    w.begin_object();
    w.key("catalog")
        .begin_object()
        .key("id")
        .string(&catalog.id)
        .key("version")
        .uint(u64::from(catalog.version));
    w.end_object();
    percent(&mut w, "readiness_percent", report.overall.readiness);
    percent(
        &mut w,
        "evidenced_readiness_percent",
        report.overall.evidenced,
    );
    percent(&mut w, "clause_readiness_percent", report.clauses.readiness);
    percent(
        &mut w,
        "annex_a_readiness_percent",
        report.annex_a.readiness,
    );
    percent(
        &mut w,
        "target_progress_percent",
        report.overall.target_progress,
    );
    percent(&mut w, "coverage_percent", report.overall.coverage());
    w.key("in_scope_items")
        .uint(u64::from(report.overall.in_scope));
    w.key("answered_items")
        .uint(u64::from(report.overall.answered));
    w.key("excluded_controls")
        .uint(u64::from(report.overall.excluded));
    w.key("documents_present")
        .uint(u64::from(report.documents_present));
    w.key("documents_total")
        .uint(u64::from(report.documents_total));
    w.key("verdict").string(report.verdict.as_str());
    w.key("groups").begin_array();
    for g in &report.groups {
        let group = catalog.group(g.group);
        w.begin_object();
        w.key("id")
            .string(&group.id)
            .key("title")
            .string(&group.title)
            .key("kind")
            .string(group.kind.as_str());
        figures(&mut w, &g.figure);
        w.end_object();
    }
    w.end_array();
    w.key("blockers").begin_array();
    for b in &report.blockers {
        w.begin_object().key("kind").string(b.kind());
        w.key("stage").uint(u64::from(b.stage(catalog).number()));
        match *b {
            Blocker::Unanswered(i)
            | Blocker::SoaDefect(i)
            | Blocker::SoaMissingReason(i)
            | Blocker::NoEvidence(i) => {
                w.key("item").string(item_id(i));
            }
            Blocker::BelowMinimum(i, l)
            | Blocker::GateBelowAuditReady(i, l)
            | Blocker::BelowAuditReady(i, l) => {
                w.key("item")
                    .string(item_id(i))
                    .key("level")
                    .uint(u64::from(l.number()));
            }
            Blocker::MissingDocument(d) => {
                w.key("document").string(&catalog.document(d).id);
            }
        }
        w.end_object();
    }
    w.end_array();
    w.key("gaps").begin_array();
    for g in &report.gaps {
        w.begin_object();
        w.key("id")
            .string(item_id(g.item))
            .key("kind")
            .string(catalog.item(g.item).kind.as_str());
        w.key("current")
            .opt_uint(g.current.map(|l| u64::from(l.number())));
        w.key("target").uint(u64::from(g.target.number()));
        w.key("priority").fixed(u64::from(g.priority), 2);
        w.end_object();
    }
    w.end_array();
    w.key("soa_defects").begin_array();
    for &i in &report.soa_defects {
        w.string(item_id(i));
    }
    w.end_array();
    w.key("soa_missing_reasons").begin_array();
    for &i in &report.soa_missing_reasons {
        w.string(item_id(i));
    }
    w.end_array();
    w.end_object();
    w.finish_line()
}

/// The catalog summary printed by `aims-score catalog`.
pub fn catalog_json(catalog: &Catalog) -> String {
    let mut w = Writer::pretty();
    w.begin_object();
    w.key("id")
        .string(&catalog.id)
        .key("version")
        .uint(u64::from(catalog.version))
        .key("title")
        .string(&catalog.title);
    w.key("items").begin_array();
    for i in catalog.item_ids() {
        let item = catalog.item(i);
        w.begin_object();
        w.key("id")
            .string(&item.id)
            .key("title")
            .string(&item.title);
        w.key("kind")
            .string(item.kind.as_str())
            .key("group")
            .string(&item.group);
        w.end_object();
    }
    w.end_array();
    w.key("groups").begin_array();
    for g in catalog.group_ids() {
        let group = catalog.group(g);
        w.begin_object();
        w.key("id")
            .string(&group.id)
            .key("title")
            .string(&group.title)
            .key("kind")
            .string(group.kind.as_str());
        w.key("parent").opt_string(group.parent.as_deref());
        w.end_object();
    }
    w.end_array();
    w.key("documents").begin_array();
    for d in catalog.document_ids() {
        let doc = catalog.document(d);
        w.begin_object();
        w.key("id")
            .string(&doc.id)
            .key("title")
            .string(&doc.title)
            .key("clause")
            .string(&doc.clause);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish_line()
}
