//! Two assessments side by side (progress over time): conformity and maturity per group
//! and overall with their differences, each item up, down, unchanged or newly answered,
//! the controls newly excluded or included (a higher figure from a smaller scope is
//! said as such), and the documents gained or lost. `aims-score compare` prints [`json`]; the app shows the
//! same [`Comparison`].

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, DocumentId, ItemId};
use crate::model::date::Date;
use crate::model::decimal::Fixed;
use crate::model::level::MaturityLevel;
use crate::model::percent::Percent;
use crate::reports::json_out::{percent, pretty_line};
use crate::rules::scoring::{score, Figure, Score};
use serde::Serialize;

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

    /// Controls in scope before and excluded now, in catalog order.
    pub fn newly_excluded(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.items
            .iter()
            .filter(|i| i.old_in_scope && !i.new_in_scope)
            .map(|i| i.item)
    }

    /// Controls excluded before and in scope now, in catalog order.
    pub fn newly_included(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.items
            .iter()
            .filter(|i| !i.old_in_scope && i.new_in_scope)
            .map(|i| i.item)
    }

    /// Whether fewer items are in scope now than before.
    pub fn scope_shrank(&self) -> bool {
        self.new.overall.in_scope < self.old.overall.in_scope
    }

    /// Whether the conformity figure rose while the scope shrank: part or all of the
    /// rise comes from leaving controls out, not from work done, and must be said so.
    pub fn higher_from_smaller_scope(&self) -> bool {
        self.scope_shrank()
            && delta(self.old.overall.conformity, self.new.overall.conformity)
                .is_some_and(|d| d > 0)
    }
}

/// Compares `old` with `new` (both against `catalog`, scored on `today`).
pub fn compare(catalog: &Catalog, old: &Assessment, new: &Assessment, today: Date) -> Comparison {
    let items = catalog
        .item_ids()
        .map(|item| {
            // Confirmed levels, as the figures count them: an estimate is not an answer,
            // so confirming one reads as newly answered.
            let (o, n) = (old.answer(item).confirmed(), new.answer(item).confirmed());
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
        old: score(catalog, old, today),
        new: score(catalog, new, today),
        items,
        documents_gained: docs(false),
        documents_lost: docs(true),
    }
}

/// The comparison as JSON (docs/reports.md).
#[derive(Serialize)]
struct CompareDoc<'a> {
    document: &'static str,
    old: Side<'a>,
    new: Side<'a>,
    overall: FigurePair,
    groups: Vec<GroupPair<'a>>,
    items: Vec<ItemDoc<'a>>,
    newly_excluded: Vec<&'a str>,
    newly_included: Vec<&'a str>,
    scope_shrank: bool,
    higher_from_smaller_scope: bool,
    documents_gained: Vec<&'a str>,
    documents_lost: Vec<&'a str>,
}

/// Which assessment one side is, and its verdict.
#[derive(Serialize)]
struct Side<'a> {
    id: &'a str,
    name: &'a str,
    updated: &'a str,
    verdict: &'static str,
}

/// A figure before and after; deltas are in percentage points. The `readiness` keys and
/// `delta_points` repeat maturity for one release (docs/reports.md).
#[derive(Serialize)]
struct FigurePair {
    old_conformity_percent: Option<Fixed>,
    new_conformity_percent: Option<Fixed>,
    conformity_delta_points: Option<Fixed>,
    old_conforming: u16,
    new_conforming: u16,
    old_maturity_percent: Option<Fixed>,
    new_maturity_percent: Option<Fixed>,
    maturity_delta_points: Option<Fixed>,
    old_readiness_percent: Option<Fixed>,
    new_readiness_percent: Option<Fixed>,
    delta_points: Option<Fixed>,
    old_in_scope: u16,
    new_in_scope: u16,
    old_excluded: u16,
    new_excluded: u16,
    old_answered: u16,
    new_answered: u16,
}

#[derive(Serialize)]
struct GroupPair<'a> {
    id: &'a str,
    #[serde(flatten)]
    figures: FigurePair,
}

#[derive(Serialize)]
struct ItemDoc<'a> {
    id: &'a str,
    change: &'static str,
    old_level: Option<u8>,
    new_level: Option<u8>,
    old_in_scope: bool,
    new_in_scope: bool,
}

fn points(old: Option<Percent>, new: Option<Percent>) -> Option<Fixed> {
    delta(old, new).map(|d| Fixed {
        units: d.into(),
        decimals: 1,
    })
}

fn figure_pair(old: &Figure, new: &Figure) -> FigurePair {
    FigurePair {
        old_conformity_percent: percent(old.conformity),
        new_conformity_percent: percent(new.conformity),
        conformity_delta_points: points(old.conformity, new.conformity),
        old_conforming: old.conforming,
        new_conforming: new.conforming,
        old_maturity_percent: percent(old.maturity),
        new_maturity_percent: percent(new.maturity),
        maturity_delta_points: points(old.maturity, new.maturity),
        old_readiness_percent: percent(old.maturity),
        new_readiness_percent: percent(new.maturity),
        delta_points: points(old.maturity, new.maturity),
        old_in_scope: old.in_scope,
        new_in_scope: new.in_scope,
        old_excluded: old.excluded,
        new_excluded: new.excluded,
        old_answered: old.answered,
        new_answered: new.answered,
    }
}

fn side<'a>(a: &'a Assessment, r: &Score) -> Side<'a> {
    Side {
        id: &a.id,
        name: &a.name,
        updated: a.updated.as_str(),
        verdict: r.verdict.as_str(),
    }
}

/// The comparison as pretty JSON (docs/reports.md).
pub fn json(catalog: &Catalog, old: &Assessment, new: &Assessment, today: Date) -> String {
    let c = compare(catalog, old, new, today);
    let groups = c
        .old
        .groups
        .iter()
        .zip(&c.new.groups)
        .map(|(o, n)| GroupPair {
            id: &catalog.group(o.group).id,
            figures: figure_pair(&o.figure, &n.figure),
        });
    let items = c.items.iter().map(|i| ItemDoc {
        id: &catalog.item(i.item).id,
        change: i.change.key(),
        old_level: i.old.map(MaturityLevel::number),
        new_level: i.new.map(MaturityLevel::number),
        old_in_scope: i.old_in_scope,
        new_in_scope: i.new_in_scope,
    });
    let ids = |docs: &[DocumentId]| {
        docs.iter()
            .map(|&d| catalog.document(d).id.as_str())
            .collect()
    };
    let item_ids = |items: Vec<ItemId>| -> Vec<&str> {
        items.iter().map(|&i| catalog.item(i).id.as_str()).collect()
    };
    pretty_line(&CompareDoc {
        document: "comparison",
        old: side(old, &c.old),
        new: side(new, &c.new),
        overall: figure_pair(&c.old.overall, &c.new.overall),
        groups: groups.collect(),
        items: items.collect(),
        newly_excluded: item_ids(c.newly_excluded().collect()),
        newly_included: item_ids(c.newly_included().collect()),
        scope_shrank: c.scope_shrank(),
        higher_from_smaller_scope: c.higher_from_smaller_scope(),
        documents_gained: ids(&c.documents_gained),
        documents_lost: ids(&c.documents_lost),
    })
}
