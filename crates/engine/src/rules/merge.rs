//! Merging two tabs' versions of one assessment field by field (issue 13): when this tab
//! saves and finds that another tab saved since this tab last read it, each field takes
//! the side that changed it; a field both sides changed differently keeps this tab's
//! value and is reported, so the person is told and nothing is lost silently.

use crate::model::assessment::{Answer, Assessment};
use crate::model::catalog::{Catalog, DocumentId, ItemId};

/// A field both tabs changed to different values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// A field of an item's answer (`"level"`, `"notes"`, …).
    Item(ItemId, &'static str),
    /// Whether a document is present.
    Document(DocumentId),
    /// The name, the organization, the profile or the additional controls.
    Assessment(&'static str),
}

/// Takes the side that changed a field from `base`; when both changed it differently,
/// `mine`, and `true` for a conflict.
fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> (T, bool) {
    if mine == base {
        (theirs.clone(), false)
    } else {
        (mine.clone(), theirs != base && theirs != mine)
    }
}

/// `mine` merged with `theirs`, both made from `base`; the conflicts, in catalog order.
pub fn merge(
    catalog: &Catalog,
    base: &Assessment,
    mine: &Assessment,
    theirs: &Assessment,
) -> (Assessment, Vec<Conflict>) {
    let mut merged = mine.clone();
    let mut conflicts = Vec::new();
    for item in catalog.item_ids() {
        let (b, m, t) = (base.answer(item), mine.answer(item), theirs.answer(item));
        let mut out = Answer::default();
        // Each field from the side that changed it; the level and its estimate flag
        // travel together, as do the applicability and its reason.
        macro_rules! field {
            ($name:literal, $get:expr) => {{
                let get = $get;
                let (value, conflict) = pick(&get(b), &get(m), &get(t));
                if conflict {
                    conflicts.push(Conflict::Item(item, $name));
                }
                value
            }};
        }
        (out.maturity, out.estimate) = field!("level", |a: &Answer| (a.maturity, a.estimate));
        out.target = field!("target", |a: &Answer| a.target);
        out.weight = field!("weight", |a: &Answer| a.weight);
        (out.excluded, out.justification) = field!("applicability", |a: &Answer| (
            a.excluded,
            a.justification.clone()
        ));
        out.notes = field!("notes", |a: &Answer| a.notes.clone());
        out.evidence = field!("evidence", |a: &Answer| a.evidence.clone());
        out.owner = field!("owner", |a: &Answer| a.owner.clone());
        out.due = field!("due date", |a: &Answer| a.due);
        out.reused = field!("reuse", |a: &Answer| a.reused);
        // Both sides are valid answers: a clause requirement is excluded on neither, so
        // the merged answer is accepted.
        let _ = merged.update(catalog, item, |a| *a = out);
    }
    for doc in catalog.document_ids() {
        let present = |a: &Assessment| a.document_present(doc);
        let (value, conflict) = pick(&present(base), &present(mine), &present(theirs));
        if conflict {
            conflicts.push(Conflict::Document(doc));
        }
        merged.set_document(doc, value);
    }
    macro_rules! whole {
        ($name:literal, $field:ident) => {{
            let (value, conflict) = pick(&base.$field, &mine.$field, &theirs.$field);
            if conflict {
                conflicts.push(Conflict::Assessment($name));
            }
            merged.$field = value;
        }};
    }
    whole!("name", name);
    whole!("organization", organization);
    whole!("prepared by", prepared_by);
    whole!("profile", profile);
    whole!("additional controls", additional);
    merged.updated = std::cmp::max(mine.updated.clone(), theirs.updated.clone());
    (merged, conflicts)
}

/// Items whose answers differ between `mine` and `theirs` (a colleague's export of the
/// same organization), in catalog order: what a person chooses between.
pub fn differing_items(catalog: &Catalog, mine: &Assessment, theirs: &Assessment) -> Vec<ItemId> {
    catalog
        .item_ids()
        .filter(|&i| mine.answer(i) != theirs.answer(i))
        .collect()
}

/// Documents marked present on one side only.
pub fn differing_documents(
    catalog: &Catalog,
    mine: &Assessment,
    theirs: &Assessment,
) -> Vec<DocumentId> {
    catalog
        .document_ids()
        .filter(|&d| mine.document_present(d) != theirs.document_present(d))
        .collect()
}

/// `mine` with `theirs`' answers on the chosen items and `theirs`' state of the chosen
/// documents; everything not chosen stays as it is in `mine`.
pub fn take_theirs(
    catalog: &Catalog,
    mine: &Assessment,
    theirs: &Assessment,
    items: &[ItemId],
    documents: &[DocumentId],
) -> Assessment {
    let mut out = mine.clone();
    for &i in items {
        // `theirs` is a checked assessment, so its answer is never a refused edit (an
        // excluded clause requirement); if it were, `mine` would simply stay.
        let _ = out.update(catalog, i, |a| *a = theirs.answer(i).clone());
    }
    for &d in documents {
        out.set_document(d, theirs.document_present(d));
    }
    out
}
