//! Merging two tabs' versions of one assessment field by field: when this tab
//! saves and finds that another tab saved since this tab last read it, each field takes
//! the side that changed it; a field both sides changed differently keeps this tab's
//! value and is reported, so the person is told and nothing is lost silently.

use crate::model::assessment::{Answer, Assessment};
use crate::model::catalog::{Catalog, DocumentId, ItemId};
use crate::model::evidence_refs;
use crate::rules::registers::list;
use serde_json::Value;

/// A field both tabs changed to different values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// A field of an item's answer.
    Item(ItemId, AnswerField),
    /// Whether a document is present.
    Document(DocumentId),
    /// A field of the assessment as a whole.
    Assessment(AssessmentField),
}

/// The parts of an item's answer that merge separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerField {
    /// The maturity level (with its estimate flag).
    Level,
    /// The target level.
    Target,
    /// The weight.
    Weight,
    /// Applicability (with the justification).
    Applicability,
    /// Notes.
    Notes,
    /// The owner.
    Owner,
    /// The due date.
    Due,
    /// Reuse from another management system.
    Reuse,
}

/// The parts of an assessment beyond its items and documents that merge separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessmentField {
    /// The assessment's name.
    Name,
    /// The organization.
    Organization,
    /// Who prepared it.
    PreparedBy,
    /// The AI role profile and scope.
    Profile,
    /// The controls of the organization's own.
    AdditionalControls,
    /// The Statement of Applicability's approval.
    Soa,
    /// The registers: a record both tabs changed differently (records merge one by
    /// one, by id; the risk criteria as a whole).
    Registers,
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
            ($name:expr, $get:expr) => {{
                let get = $get;
                let (value, conflict) = pick(&get(b), &get(m), &get(t));
                if conflict {
                    conflicts.push(Conflict::Item(item, $name));
                }
                value
            }};
        }
        (out.maturity, out.estimate) =
            field!(AnswerField::Level, |a: &Answer| (a.maturity, a.estimate));
        out.target = field!(AnswerField::Target, |a: &Answer| a.target);
        out.weight = field!(AnswerField::Weight, |a: &Answer| a.weight);
        (out.excluded, out.justification) = field!(AnswerField::Applicability, |a: &Answer| (
            a.excluded,
            a.justification.clone()
        ));
        out.notes = field!(AnswerField::Notes, |a: &Answer| a.notes.clone());
        out.owner = field!(AnswerField::Owner, |a: &Answer| a.owner.clone());
        out.due = field!(AnswerField::Due, |a: &Answer| a.due);
        out.reused = field!(AnswerField::Reuse, |a: &Answer| a.reused);
        // Both sides are valid answers: a clause requirement is excluded on neither, so
        // the merged answer is accepted.
        let _ = merged.update(catalog, item, |a| *a = out);
    }
    for doc in catalog.document_ids() {
        // Presence, version and approval travel together.
        let record = |a: &Assessment| a.document(doc).clone();
        let (value, conflict) = pick(&record(base), &record(mine), &record(theirs));
        if conflict {
            conflicts.push(Conflict::Document(doc));
        }
        merged.update_document(doc, |r| *r = value);
    }
    macro_rules! whole {
        ($name:expr, $field:ident) => {{
            let (value, conflict) = pick(&base.$field, &mine.$field, &theirs.$field);
            if conflict {
                conflicts.push(Conflict::Assessment($name));
            }
            merged.$field = value;
        }};
    }
    whole!(AssessmentField::Name, name);
    whole!(AssessmentField::Organization, organization);
    whole!(AssessmentField::PreparedBy, prepared_by);
    whole!(AssessmentField::Profile, profile);
    whole!(AssessmentField::AdditionalControls, additional);
    whole!(AssessmentField::Soa, soa);
    let mut registers_conflict = false;
    for (n, out) in merged.registers.0.iter_mut().enumerate() {
        let [b, m, t] = [base, mine, theirs].map(|a| a.registers.0[n].as_ref());
        let (value, conflict) = if n == 1 {
            // The risk criteria: one record.
            let (value, conflict) = pick(&b, &m, &t);
            (value.cloned(), conflict)
        } else {
            merge_records(b, m, t)
        };
        *out = value;
        registers_conflict |= conflict;
    }
    if registers_conflict {
        conflicts.push(Conflict::Assessment(AssessmentField::Registers));
    }
    merged.updated = std::cmp::max(mine.updated.clone(), theirs.updated.clone());
    (merged, conflicts)
}

/// One register's records merged one by one, by id: each from the side that changed it
/// (a record one side deleted and the other left alone stays deleted); `true` when a
/// record was changed differently on both sides (this tab's version is kept). In this
/// tab's order, then the other tab's new records.
fn merge_records(
    base: Option<&Value>,
    mine: Option<&Value>,
    theirs: Option<&Value>,
) -> (Option<Value>, bool) {
    let id = |r: &Value| r.get("id").and_then(Value::as_str).map(str::to_owned);
    let (b, m, t) = (list(base), list(mine), list(theirs));
    let mut ids: Vec<String> = Vec::new();
    for found in m.iter().chain(t).filter_map(id) {
        if !ids.contains(&found) {
            ids.push(found);
        }
    }
    let (mut out, mut conflict) = (Vec::new(), false);
    for wanted in &ids {
        let (record, clash) = pick(&find(b, wanted), &find(m, wanted), &find(t, wanted));
        conflict |= clash;
        out.extend(record.cloned());
    }
    ((!out.is_empty()).then_some(Value::Array(out)), conflict)
}

/// The record of `list` with id `wanted`.
fn find<'a>(list: &'a [Value], wanted: &str) -> Option<&'a Value> {
    list.iter()
        .find(|r| r.get("id").and_then(Value::as_str) == Some(wanted))
}

/// Items whose answers differ between `mine` and `theirs` (a colleague's export of the
/// same organization), in catalog order: what a person chooses between.
pub fn differing_items(catalog: &Catalog, mine: &Assessment, theirs: &Assessment) -> Vec<ItemId> {
    let (m, t) = (
        evidence_refs::by_item(catalog, &mine.registers),
        evidence_refs::by_item(catalog, &theirs.registers),
    );
    catalog
        .item_ids()
        .filter(|&i| {
            mine.answer(i) != theirs.answer(i)
                || !evidence_refs::same_links(&m[i.index()], &t[i.index()])
        })
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
        let _ = evidence_refs::take_links(catalog, &mut out.registers, &theirs.registers, i);
    }
    for &d in documents {
        out.set_document(d, theirs.document_present(d));
    }
    out
}
