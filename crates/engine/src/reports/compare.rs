//! Two assessments side by side (progress over time): readiness per group and overall
//! with their differences, each item up, down, unchanged or newly answered, and the
//! documents gained or lost. `aims-score compare` prints [`json`]; the app shows the
//! same [`Comparison`].

use crate::format::json::Writer;
use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, DocumentId, ItemId};
use crate::model::level::MaturityLevel;
use crate::model::percent::Percent;
use crate::rules::scoring::{score, Figure, Score};

/// How one item moved from the older assessment to the newer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A higher level.
    Up,
    /// A lower level.
    Down,
    /// The same level.
    Unchanged,
    /// Unanswered before, answered now.
    NewlyAnswered,
    /// Answered before, unanswered now.
    NoLongerAnswered,
    /// Unanswered in both.
    NotAnswered,
}

impl Change {
    /// A stable name for JSON.
    pub fn key(self) -> &'static str {
        match self {
            Change::Up => "up",
            Change::Down => "down",
            Change::Unchanged => "unchanged",
            Change::NewlyAnswered => "newly_answered",
            Change::NoLongerAnswered => "no_longer_answered",
            Change::NotAnswered => "not_answered",
        }
    }

    fn between(old: Option<MaturityLevel>, new: Option<MaturityLevel>) -> Change {
        match (old, new) {
            (None, None) => Change::NotAnswered,
            (None, Some(_)) => Change::NewlyAnswered,
            (Some(_), None) => Change::NoLongerAnswered,
            (Some(o), Some(n)) if n > o => Change::Up,
            (Some(o), Some(n)) if n < o => Change::Down,
            _ => Change::Unchanged,
        }
    }
}

/// One item in both assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemChange {
    /// The item.
    pub item: ItemId,
    /// Its level before.
    pub old: Option<MaturityLevel>,
    /// Its level now.
    pub new: Option<MaturityLevel>,
    /// In scope before (not excluded with a justification).
    pub old_in_scope: bool,
    /// In scope now.
    pub new_in_scope: bool,
    /// The movement.
    pub change: Change,
}

/// The difference between two figures, in tenths of a percentage point; `None` when
/// either is missing (a figure over no items).
pub fn delta(old: Option<Percent>, new: Option<Percent>) -> Option<i32> {
    Some(i32::from(new?.tenths()) - i32::from(old?.tenths()))
}

/// Two assessments compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The older one's report.
    pub old: Score,
    /// The newer one's report.
    pub new: Score,
    /// Every item, in catalog order.
    pub items: Vec<ItemChange>,
    /// Documents present now and not before (required or not).
    pub documents_gained: Vec<DocumentId>,
    /// Documents present before and not now.
    pub documents_lost: Vec<DocumentId>,
}

impl Comparison {
    /// How many items moved each way: up, down, unchanged, newly answered, no longer
    /// answered, not answered.
    pub fn counts(&self) -> [usize; 6] {
        let all = [
            Change::Up,
            Change::Down,
            Change::Unchanged,
            Change::NewlyAnswered,
            Change::NoLongerAnswered,
            Change::NotAnswered,
        ];
        all.map(|c| self.items.iter().filter(|i| i.change == c).count())
    }
}

/// Compares `old` with `new` (both against `catalog`).
pub fn compare(catalog: &Catalog, old: &Assessment, new: &Assessment) -> Comparison {
    let items = catalog
        .item_ids()
        .map(|item| {
            let (o, n) = (old.answer(item).maturity, new.answer(item).maturity);
            ItemChange {
                item,
                old: o,
                new: n,
                old_in_scope: old.in_scope(catalog, item),
                new_in_scope: new.in_scope(catalog, item),
                change: Change::between(o, n),
            }
        })
        .collect();
    let docs = |had: bool| -> Vec<DocumentId> {
        catalog
            .document_ids()
            .filter(|&d| old.document_present(d) == had && new.document_present(d) != had)
            .collect()
    };
    Comparison {
        old: score(catalog, old),
        new: score(catalog, new),
        items,
        documents_gained: docs(false),
        documents_lost: docs(true),
    }
}

fn figure_pair(w: &mut Writer, old: &Figure, new: &Figure) {
    let pct = |w: &mut Writer, key: &str, p: Option<Percent>| {
        w.key(key);
        match p {
            Some(p) => w.fixed(u64::from(p.tenths()), 1),
            None => w.null(),
        };
    };
    pct(w, "old_readiness_percent", old.readiness);
    pct(w, "new_readiness_percent", new.readiness);
    w.key("delta_points");
    match delta(old.readiness, new.readiness) {
        Some(d) => w.signed_fixed(d.into(), 1),
        None => w.null(),
    };
    w.key("old_in_scope").uint(u64::from(old.in_scope));
    w.key("new_in_scope").uint(u64::from(new.in_scope));
    w.key("old_answered").uint(u64::from(old.answered));
    w.key("new_answered").uint(u64::from(new.answered));
}

/// The comparison as pretty JSON (docs/reports.md).
pub fn json(catalog: &Catalog, old: &Assessment, new: &Assessment) -> String {
    let c = compare(catalog, old, new);
    let mut w = Writer::pretty();
    w.begin_object();
    w.key("document").string("comparison");
    for (key, a, r) in [("old", old, &c.old), ("new", new, &c.new)] {
        w.key(key).begin_object();
        w.key("id").string(&a.id);
        w.key("name").string(&a.name);
        w.key("updated").string(a.updated.as_str());
        w.key("verdict").string(r.verdict.as_str());
        w.end_object();
    }
    w.key("overall").begin_object();
    figure_pair(&mut w, &c.old.overall, &c.new.overall);
    w.end_object();
    w.key("groups").begin_array();
    for (o, n) in c.old.groups.iter().zip(&c.new.groups) {
        w.begin_object();
        w.key("id").string(&catalog.group(o.group).id);
        figure_pair(&mut w, &o.figure, &n.figure);
        w.end_object();
    }
    w.end_array();
    w.key("items").begin_array();
    for i in &c.items {
        w.begin_object();
        w.key("id").string(&catalog.item(i.item).id);
        w.key("change").string(i.change.key());
        w.key("old_level")
            .opt_uint(i.old.map(|l| u64::from(l.number())));
        w.key("new_level")
            .opt_uint(i.new.map(|l| u64::from(l.number())));
        w.key("old_in_scope").bool(i.old_in_scope);
        w.key("new_in_scope").bool(i.new_in_scope);
        w.end_object();
    }
    w.end_array();
    for (key, docs) in [
        ("documents_gained", &c.documents_gained),
        ("documents_lost", &c.documents_lost),
    ] {
        w.key(key).begin_array();
        for &d in docs {
            w.string(&catalog.document(d).id);
        }
        w.end_array();
    }
    w.end_object();
    w.finish_line()
}
