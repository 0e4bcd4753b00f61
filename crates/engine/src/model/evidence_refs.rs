//! An item's evidence is a list of links to evidence records (issue 22). A free-text
//! reference ("DMS-100: context analysis"), typed on an item's card or read from a file
//! of an earlier format, becomes an undated evidence record that says where the
//! evidence lives and supports the item; the same text on several items is one record
//! supporting each of them.
//!
//! A record made from a reference has an id derived from the assessment's id and the
//! text (a 128-bit FNV-1a hash, with a version-4 UUID's version and variant bits), not
//! a random one: two tabs, or two imports of one file, turning the same reference into
//! a record make the same record, never two. FNV-1a rather than uuid's version 5
//! (SHA-1): the ids must differ, not be secret, and SHA-1 cost the full app's first
//! download 1.9 KB (gzip, measured); FNV-1a is a few instructions.
//!
//! The functions work on the registers' JSON ([`Kept`]) and write records in the
//! canonical form the registers' reader writes, so a build without that reader (the
//! full app) links and unlinks references too.

use crate::model::catalog::{Catalog, ItemId};
use crate::model::registers::{Kept, MAX_RECORDS};
use serde_json::Value;
use uuid::Builder;

/// The register's position in [`Kept`].
const EVIDENCE: usize = 3;

/// The longest title, in characters (a record's title is a name; the reference itself
/// is kept whole as the record's location).
const TITLE_CHARS: usize = 200;

/// FNV-1a's 128-bit offset basis and prime (the published FNV parameters).
const FNV_OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
const FNV_PRIME: u128 = 0x0000000001000000000000000000013b;

/// The evidence register holds [`MAX_RECORDS`] records already: a reference that
/// needs a new one is not added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegisterFull;

/// One evidence record that supports an item, as its card lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceLink<'a> {
    /// The record's id.
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Where the evidence lives.
    pub location: &'a str,
}

impl EvidenceLink<'_> {
    /// The record as one reference, for reports: the reference it was made from, or
    /// its title with where it lives.
    pub fn reference(&self) -> String {
        if self.location.is_empty() {
            self.title.to_owned()
        } else if self.title == title_of(self.location) {
            self.location.to_owned()
        } else {
            format!("{} ({})", self.title, self.location)
        }
    }
}

/// The title of the record made from `reference`: the text itself, cut to
/// [`TITLE_CHARS`] characters with an ellipsis where longer.
fn title_of(reference: &str) -> String {
    if reference.chars().count() <= TITLE_CHARS {
        return reference.to_owned();
    }
    let mut title: String = reference.chars().take(TITLE_CHARS - 1).collect();
    title.push('…');
    title
}

/// The id of the record made from `reference` in assessment `assessment_id`.
pub fn reference_id(assessment_id: &str, reference: &str) -> String {
    let name = [assessment_id.as_bytes(), b"\n", reference.as_bytes()];
    let hash = name
        .iter()
        .flat_map(|part| part.iter())
        .fold(FNV_OFFSET, |h, &b| {
            (h ^ u128::from(b)).wrapping_mul(FNV_PRIME)
        });
    Builder::from_random_bytes(hash.to_be_bytes())
        .into_uuid()
        .to_string()
}

/// The fields of an evidence record, in the format's order (`format::registers`).
const FIELDS: [&str; 9] = [
    "id",
    "title",
    "kind",
    "owner",
    "date",
    "review_by",
    "location",
    "file",
    "supports",
];

/// The record made from `reference`, supporting the items `supports`, in the
/// canonical form (every field, in the format's order).
fn record(id: &str, reference: &str, supports: Vec<Value>) -> Value {
    let values = [
        Value::from(id),
        Value::from(title_of(reference)),
        Value::from("document"),
        Value::from(""),
        Value::Null,
        Value::Null,
        Value::from(reference),
        Value::Null,
        Value::Array(supports),
    ];
    let mut object = serde_json::Map::new();
    for (field, value) in FIELDS.into_iter().zip(values) {
        object.insert(field.to_owned(), value);
    }
    Value::Object(object)
}

fn records(kept: &Kept) -> &[Value] {
    kept.0[EVIDENCE]
        .as_ref()
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn records_mut(kept: &mut Kept) -> &mut Vec<Value> {
    let register = kept.0[EVIDENCE].get_or_insert_with(|| Value::Array(Vec::new()));
    if !register.is_array() {
        *register = Value::Array(Vec::new());
    }
    match register {
        Value::Array(list) => list,
        _ => unreachable!("made an array just above"),
    }
}

fn text<'a>(record: &'a Value, key: &str) -> &'a str {
    record.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The evidence records that support `item`, in the register's order.
pub fn links<'a>(catalog: &Catalog, kept: &'a Kept, item: ItemId) -> Vec<EvidenceLink<'a>> {
    by_item(catalog, kept).swap_remove(item.index())
}

/// Every item's evidence records (by item index), in one pass over the register: for
/// the cards of a whole page.
pub fn by_item<'a>(catalog: &Catalog, kept: &'a Kept) -> Vec<Vec<EvidenceLink<'a>>> {
    let mut out = vec![Vec::new(); catalog.item_count()];
    for r in records(kept) {
        let Some(items) = r.get("supports").and_then(Value::as_array) else {
            continue;
        };
        for item in items {
            if let Some(item) = item.as_str().and_then(|i| catalog.find_item(i)) {
                out[item.index()].push(EvidenceLink {
                    id: text(r, "id"),
                    title: text(r, "title"),
                    location: text(r, "location"),
                });
            }
        }
    }
    out
}

/// The titles of every evidence record, in the register's order: what a card offers
/// to link (typing one links that record).
pub fn titles(kept: &Kept) -> impl Iterator<Item = &str> {
    records(kept).iter().map(|r| text(r, "title"))
}

/// Links `item` to an evidence record: the one made from `reference` (trimmed; blank
/// text links nothing), else the first one titled so, else a new one made from it.
/// `true` when something changed. A record that already exists keeps whatever was
/// filled in since.
pub fn link(
    catalog: &Catalog,
    kept: &mut Kept,
    assessment_id: &str,
    item: ItemId,
    reference: &str,
) -> Result<bool, RegisterFull> {
    let reference = reference.trim();
    if reference.is_empty() {
        return Ok(false);
    }
    let id = reference_id(assessment_id, reference);
    let item_id = catalog.item(item).id.as_str();
    let list = records_mut(kept);
    let found = list
        .iter()
        .position(|r| text(r, "id") == id)
        .or_else(|| list.iter().position(|r| text(r, "title") == reference));
    if let Some(at) = found {
        return Ok(add_item(catalog, &mut list[at], item));
    }
    if list.len() >= MAX_RECORDS {
        tidy(kept);
        return Err(RegisterFull);
    }
    list.push(record(&id, reference, vec![Value::from(item_id)]));
    Ok(true)
}

/// Adds `item` to what `record` supports, in catalog order as the registers' writer
/// keeps a record's items: `true` when it was not there.
fn add_item(catalog: &Catalog, record: &mut Value, item: ItemId) -> bool {
    let Some(Value::Array(items)) = record.get_mut("supports") else {
        return false;
    };
    let mut at = items.len();
    for (n, other) in items.iter().enumerate() {
        match other.as_str().and_then(|i| catalog.find_item(i)) {
            Some(other) if other == item => return false,
            Some(other) if other > item && at == items.len() => at = n,
            _ => {}
        }
    }
    items.insert(at, Value::from(catalog.item(item).id.as_str()));
    true
}

/// Makes `item`'s evidence in `kept` what it is in `from`, another copy of the same
/// assessment (a colleague's file): taking a colleague's answer takes the evidence it
/// rests on. Records `from` has and `kept` lacks come over supporting only `item`;
/// `kept`'s records that `from` does not link are unlinked ([`unlink`]).
pub fn take_links(
    catalog: &Catalog,
    kept: &mut Kept,
    from: &Kept,
    item: ItemId,
) -> Result<(), RegisterFull> {
    let theirs = by_item(catalog, from).swap_remove(item.index());
    let linked = |id: &str| theirs.iter().any(|l| l.id == id);
    let stale: Vec<String> = by_item(catalog, kept)[item.index()]
        .iter()
        .filter(|l| !linked(l.id))
        .map(|l| l.id.to_owned())
        .collect();
    for id in stale {
        unlink(catalog, kept, &id, item);
    }
    for record in records(from).iter().filter(|r| linked(text(r, "id"))) {
        let list = records_mut(kept);
        match list
            .iter()
            .position(|r| text(r, "id") == text(record, "id"))
        {
            Some(at) => {
                add_item(catalog, &mut list[at], item);
            }
            None if list.len() >= MAX_RECORDS => {
                tidy(kept);
                return Err(RegisterFull);
            }
            None => {
                let mut record = record.clone();
                if let Some(supports) = record.get_mut("supports") {
                    *supports = Value::from(vec![catalog.item(item).id.as_str()]);
                }
                list.push(record);
            }
        }
    }
    tidy(kept);
    Ok(())
}

/// Whether `item` links the same evidence records in `a` and `b`.
pub fn same_links(a: &[EvidenceLink], b: &[EvidenceLink]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| y.id == x.id))
}

/// Unlinks `item` from evidence record `record_id`: `true` when something changed. A
/// record left supporting nothing that is still as a reference made it goes too (a
/// reference typed by mistake and removed leaves nothing behind); one filled in since
/// stays in the register.
pub fn unlink(catalog: &Catalog, kept: &mut Kept, record_id: &str, item: ItemId) -> bool {
    let item_id = catalog.item(item).id.as_str();
    let list = records_mut(kept);
    let Some(at) = list.iter().position(|r| text(r, "id") == record_id) else {
        tidy(kept);
        return false;
    };
    let Some(Value::Array(items)) = list[at].get_mut("supports") else {
        return false;
    };
    let Some(at_item) = items.iter().position(|i| i.as_str() == Some(item_id)) else {
        return false;
    };
    items.remove(at_item);
    if items.is_empty() {
        let location = text(&list[at], "location");
        if list[at] == record(record_id, location, Vec::new()) {
            list.remove(at);
        }
    }
    tidy(kept);
    true
}

/// An empty register is none, as the registers' writer leaves it.
fn tidy(kept: &mut Kept) {
    if records(kept).is_empty() {
        kept.0[EVIDENCE] = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registers::RecordId;
    use serde_json::json;

    fn item(id: &str) -> ItemId {
        Catalog::builtin().find_item(id).expect("an item")
    }

    #[test]
    fn a_reference_id_is_a_version_4_uuid_the_same_for_the_same_text() {
        let a = reference_id("assessment-1", "DMS-100");
        assert!(RecordId::parse(&a).is_some(), "{a}");
        assert_eq!(a, reference_id("assessment-1", "DMS-100"));
        assert_ne!(a, reference_id("assessment-1", "DMS-101"));
        assert_ne!(a, reference_id("assessment-2", "DMS-100"));
        // Fixed forever (ids already written must be made again from the same text);
        // the value is FNV-1a 128 as Python computes it, with the version-4 bits set.
        assert_eq!(a, "b2f4f978-1964-4695-8f99-56b0bbfc52e9");
    }

    #[test]
    fn one_record_per_reference_supporting_each_item_in_catalog_order() {
        let c = Catalog::builtin();
        let mut kept = Kept::default();
        assert_eq!(link(c, &mut kept, "a", item("5.2"), " DMS-100 "), Ok(true));
        assert_eq!(link(c, &mut kept, "a", item("4.1"), "DMS-100"), Ok(true));
        assert_eq!(link(c, &mut kept, "a", item("4.1"), "DMS-100"), Ok(false));
        assert_eq!(link(c, &mut kept, "a", item("4.1"), "   "), Ok(false));
        let list = records(&kept);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0]["supports"], json!(["4.1", "5.2"]));
        assert_eq!(list[0]["location"], "DMS-100");
        assert_eq!(list[0]["date"], Value::Null);
        let on_card = links(c, &kept, item("5.2"));
        assert_eq!(on_card.len(), 1);
        assert_eq!(on_card[0].reference(), "DMS-100");
        assert!(links(c, &kept, item("6.1.2")).is_empty());
        assert_eq!(
            by_item(c, &kept)[item("4.1").index()],
            links(c, &kept, item("4.1"))
        );
        // A record of the register, picked by its title, is linked, not copied.
        records_mut(&mut kept).push(record(
            "0b7c1f0e-3d2a-4c5b-9e8f-1a2b3c4d5e6f",
            "AI policy v2",
            vec![],
        ));
        records_mut(&mut kept)[1]["location"] = "SharePoint/AI policy v2.pdf".into();
        assert_eq!(
            link(c, &mut kept, "a", item("5.2"), "AI policy v2"),
            Ok(true)
        );
        assert_eq!(records(&kept).len(), 2);
        assert_eq!(
            links(c, &kept, item("5.2"))[1].reference(),
            "AI policy v2 (SharePoint/AI policy v2.pdf)"
        );
        assert_eq!(
            titles(&kept).collect::<Vec<_>>(),
            ["DMS-100", "AI policy v2"]
        );
    }

    #[test]
    fn a_long_reference_keeps_its_text_whole_as_the_location() {
        let c = Catalog::builtin();
        let mut kept = Kept::default();
        let long = "x".repeat(300);
        link(c, &mut kept, "a", item("4.1"), &long).expect("room");
        let r = &records(&kept)[0];
        assert_eq!(text(r, "title").chars().count(), TITLE_CHARS);
        assert_eq!(text(r, "location"), long);
        assert_eq!(links(c, &kept, item("4.1"))[0].reference(), long);
    }

    #[test]
    fn unlinking_the_last_item_removes_an_untouched_record_only() {
        let c = Catalog::builtin();
        let mut kept = Kept::default();
        link(c, &mut kept, "a", item("4.1"), "typo").expect("room");
        link(c, &mut kept, "a", item("4.1"), "Policy").expect("room");
        let typo = reference_id("a", "typo");
        let policy = reference_id("a", "Policy");
        assert!(unlink(c, &mut kept, &typo, item("4.1")));
        assert!(!unlink(c, &mut kept, &typo, item("4.1")));
        assert_eq!(records(&kept).len(), 1);
        // Filled in since (a review date): it stays, supporting nothing.
        kept.0[EVIDENCE].as_mut().expect("a register")[0]["review_by"] = "2027-01-01".into();
        assert!(unlink(c, &mut kept, &policy, item("4.1")));
        assert_eq!(records(&kept).len(), 1);
        assert_eq!(records(&kept)[0]["supports"], json!([]));
        // The last untouched record gone: no register at all.
        let mut kept = Kept::default();
        link(c, &mut kept, "a", item("4.1"), "typo").expect("room");
        unlink(c, &mut kept, &typo, item("4.1"));
        assert!(kept.is_empty());
    }

    #[test]
    fn taking_a_colleague_s_links_of_an_item_takes_their_records_and_drops_the_rest() {
        let c = Catalog::builtin();
        let (mut mine, mut theirs) = (Kept::default(), Kept::default());
        link(c, &mut mine, "a", item("4.1"), "Only mine").expect("room");
        link(c, &mut mine, "a", item("4.1"), "Both").expect("room");
        link(c, &mut mine, "a", item("5.2"), "Both").expect("room");
        link(c, &mut theirs, "a", item("4.1"), "Both").expect("room");
        link(c, &mut theirs, "a", item("4.1"), "Only theirs").expect("room");
        link(c, &mut theirs, "a", item("6.2"), "Only theirs").expect("room");
        let before = by_item(c, &theirs);
        assert!(!same_links(
            &by_item(c, &mine)[item("4.1").index()],
            &before[item("4.1").index()]
        ));
        take_links(c, &mut mine, &theirs, item("4.1")).expect("room");
        let after = by_item(c, &mine);
        assert!(same_links(
            &after[item("4.1").index()],
            &before[item("4.1").index()]
        ));
        // "Only mine" supported nothing else and was untouched: gone; "Both" still
        // supports 5.2; "Only theirs" came over for 4.1 alone, not for their 6.2.
        assert_eq!(records(&mine).len(), 2);
        assert_eq!(records(&mine)[0]["supports"], json!(["4.1", "5.2"]));
        assert_eq!(records(&mine)[1]["supports"], json!(["4.1"]));
        assert!(after[item("6.2").index()].is_empty());
    }

    #[test]
    fn a_full_register_refuses_a_new_record_and_keeps_linking_existing_ones() {
        let c = Catalog::builtin();
        let mut kept = Kept::default();
        link(c, &mut kept, "a", item("4.1"), "first").expect("room");
        let filler = records(&kept)[0].clone();
        records_mut(&mut kept).resize(MAX_RECORDS, filler);
        assert_eq!(
            link(c, &mut kept, "a", item("4.1"), "one more"),
            Err(RegisterFull)
        );
        assert_eq!(records(&kept).len(), MAX_RECORDS);
        assert_eq!(link(c, &mut kept, "a", item("5.2"), "first"), Ok(true));
    }
}
