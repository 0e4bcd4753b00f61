//! Writes the export format, version 2 (docs/export-format.md). The output is canonical:
//! every item and document in catalog order, every field present, so that
//! export → import → export is byte-identical.

use crate::format::json::Writer;
use crate::model::assessment::Assessment;
use crate::model::catalog::Catalog;
use crate::model::profile::Profile;

/// The value of the `format` field.
pub const FORMAT: &str = "aims-readiness/assessment";
/// The current `format_version`. Version 2 adds the documents Annex A controls call
/// for, the AI role profile, controls of the organization's own and `reused` per item,
/// and allows targets 3–5 only; version-1 files still import (targets 1–2 read as 3).
pub const FORMAT_VERSION: u32 = 2;

/// The assessment as export JSON (pretty-printed, trailing newline): what a
/// person downloads.
pub fn export(catalog: &Catalog, assessment: &Assessment) -> String {
    let mut out = write(Writer::pretty(), catalog, assessment);
    out.push('\n');
    out
}

/// The same document without whitespace: what browser storage keeps (about half the size).
pub fn export_compact(catalog: &Catalog, assessment: &Assessment) -> String {
    write(Writer::compact(), catalog, assessment)
}

fn write(mut w: Writer, catalog: &Catalog, a: &Assessment) -> String {
    w.begin_object();
    w.key("format").string(FORMAT);
    w.key("format_version").uint(u64::from(FORMAT_VERSION));
    w.key("catalog").begin_object();
    w.key("id")
        .string(&catalog.id)
        .key("version")
        .uint(u64::from(catalog.version));
    w.end_object();
    w.key("assessment").begin_object();
    w.key("id").string(&a.id);
    w.key("name").string(&a.name);
    w.key("organization").string(&a.organization);
    w.key("prepared_by").string(&a.prepared_by);
    w.key("created").string(a.created.as_str());
    w.key("updated").string(a.updated.as_str());
    w.key("items").begin_object();
    for item in catalog.item_ids() {
        let ans = a.answer(item);
        w.key(&catalog.item(item).id).begin_object();
        w.key("maturity")
            .opt_uint(ans.maturity.map(|l| u64::from(l.number())));
        w.key("estimate").bool(ans.estimate);
        w.key("target").uint(u64::from(ans.target.number()));
        w.key("weight").fixed(u64::from(ans.weight.hundredths()), 2);
        w.key("applicable").bool(!ans.excluded);
        w.key("justification").string(&ans.justification);
        w.key("notes").string(&ans.notes);
        w.key("evidence").begin_array();
        for e in &ans.evidence {
            w.string(e);
        }
        w.end_array();
        w.key("owner").string(&ans.owner);
        w.key("due")
            .opt_string(ans.due.map(|d| d.to_string()).as_deref());
        w.key("reused").bool(ans.reused);
        w.end_object();
    }
    w.end_object();
    w.key("documents").begin_object();
    for doc in catalog.document_ids() {
        w.key(&catalog.document(doc).id)
            .bool(a.document_present(doc));
    }
    w.end_object();
    write_profile(&mut w, catalog, &a.profile);
    w.key("additional_controls").begin_array();
    for c in &a.additional {
        w.begin_object();
        w.key("id").string(&c.id);
        w.key("title").string(&c.title);
        w.key("source").string(&c.source);
        w.key("status")
            .opt_uint(c.status.map(|l| u64::from(l.number())));
        w.key("owner").string(&c.owner);
        w.key("reason").string(&c.reason);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_object();
    w.finish()
}

fn write_profile(w: &mut Writer, catalog: &Catalog, profile: &Profile) {
    w.key("profile").begin_object();
    w.key("roles").begin_array();
    for r in &profile.roles {
        w.string(r.as_str());
    }
    w.end_array();
    w.key("ai_systems").begin_array();
    for name in &profile.ai_systems {
        w.string(name);
    }
    w.end_array();
    w.key("scope_note").string(&profile.scope_note);
    w.key("management_systems").begin_array();
    for m in &profile.management_systems {
        w.string(m.as_str());
    }
    w.end_array();
    w.key("declined_suggestions").begin_array();
    for &i in &profile.declined {
        w.string(&catalog.item(i).id);
    }
    w.end_array();
    w.end_object();
}
