//! The ISO/IEC 42001 catalog: groups, the 70 assessable items, the mandatory documents
//! and the quick-check questions. It is data (`assets/catalog/iso42001.json`) with its
//! own id and version, embedded at compile time and parsed once.
//!
//! The file's shape is described once, by the serde types in `catalog_data.rs`: the
//! build script reads the file through them (a missing or mistyped field fails the
//! build, naming its line) and embeds it without whitespace, and [`Catalog::builtin`]
//! reads the embedded text through the same types.
//!
//! Identifiers ([`ItemId`], [`GroupId`], [`DocumentId`]) can only be obtained from a
//! catalog lookup, so code cannot name an item that does not exist.

use crate::model::catalog_data::CatalogFile;
pub use crate::model::catalog_data::{
    Basis, Crosswalk, Document, DocumentClass, Group, Item, ItemKind, QuickQuestion,
};
use std::sync::OnceLock;

/// The catalog shipped with the app: `assets/catalog/iso42001.json` without whitespace.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/iso42001.min.json"));

/// A catalog item (index into [`Catalog::items`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId(u8);

/// A group: a clause (4–10) or an Annex A control objective (A.2 … A.10, A.6.1, A.6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupId(u8);

impl Group {
    /// The id and short title, e.g. `A.6 AI system life cycle`.
    pub fn label(&self) -> String {
        format!("{} {}", self.id, self.title)
    }
}

impl Item {
    /// The id and short title, e.g. `6.1.2 AI risk assessment`, as every list shows it.
    pub fn label(&self) -> String {
        format!("{} {}", self.id, self.title)
    }
}

/// A mandatory documented-information entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocumentId(u8);

/// A quick-check question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuickId(u8);

macro_rules! index_id {
    ($($t:ty),*) => {$(
        impl $t {
            /// The position of this entry in its catalog list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}
index_id!(ItemId, GroupId, DocumentId, QuickId);

impl QuickId {
    /// The question at `index` (the quick check's questions are fixed: see
    /// [`crate::model::quick_facts`]).
    pub(crate) fn at(index: usize) -> QuickId {
        QuickId(index as u8)
    }
}

impl ItemKind {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Clause => "clause",
            ItemKind::Control => "control",
        }
    }
}

impl Basis {
    /// The name used in the catalog file.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Published => "published",
            Basis::Judgement => "judgement",
            Basis::Structural => "structural",
        }
    }
}

/// The parsed, checked catalog.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// Catalog id, e.g. `iso42001-2023`.
    pub id: String,
    /// Integer content version; exports name it.
    pub version: u32,
    /// Display title of the standard.
    pub title: String,
    pub(crate) groups: Vec<Group>,
    pub(crate) items: Vec<Item>,
    pub(crate) documents: Vec<Document>,
    pub(crate) quick: Vec<QuickQuestion>,
    /// For each item, its direct group.
    item_group: Vec<GroupId>,
    /// For each group, its parent group.
    group_parent: Vec<Option<GroupId>>,
    /// For each document, the Annex A control that calls for it (`None`: a clause
    /// requires it).
    document_control: Vec<Option<ItemId>>,
    /// For each quick question, the items it maps to.
    quick_items: Vec<Vec<ItemId>>,
}

impl Catalog {
    /// The catalog embedded in the app, parsed on first use.
    ///
    /// The embedded file is checked by the integrity test in `tests/catalog.rs`, so a
    /// parse failure here can only come from a broken build, never from user input.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| match Catalog::parse(BUILTIN_JSON) {
            Ok(catalog) => catalog,
            Err(problems) => panic!(
                "embedded catalog is invalid: {} (and {} more)",
                problems.first().map_or("", String::as_str),
                problems.len().saturating_sub(1)
            ),
        })
    }

    /// Reads a catalog from its JSON text and checks it, returning every integrity
    /// problem found (or the one reason the text is not a catalog file).
    pub fn parse(json: &str) -> Result<Catalog, Vec<String>> {
        // Through a `Value`, whose parser the bundle has anyway: 6 KB gzip smaller than
        // a parser for these types of its own, for 0.4 ms more per parse (natively).
        let raw: CatalogFile = serde_json::from_str(json)
            .and_then(serde_json::from_value)
            .map_err(|e| vec![format!("catalog: {e}")])?;
        let mut problems = Vec::new();
        if raw.id.is_empty() || raw.version == 0 {
            problems.push("catalog: needs an id and a version above 0".into());
        }
        let group_index = |id: &str| raw.groups.iter().position(|g| g.id == id);
        let group_parent = raw
            .groups
            .iter()
            .map(|g| {
                let parent = g.parent.as_deref()?;
                let found = group_index(parent).map(|i| GroupId(i as u8));
                if found.is_none() {
                    problems.push(format!("group {}: parent {parent} does not exist", g.id));
                }
                found
            })
            .collect();
        let item_group = raw
            .items
            .iter()
            .map(|item| match group_index(&item.group) {
                Some(i) => {
                    if raw.groups[i].kind != item.kind {
                        problems.push(format!("item {}: kind differs from its group", item.id));
                    }
                    GroupId(i as u8)
                }
                None => {
                    problems.push(format!(
                        "item {}: group {} does not exist",
                        item.id, item.group
                    ));
                    GroupId(0)
                }
            })
            .collect();
        let item_index = |id: &str| raw.items.iter().position(|i| i.id == id);
        let quick_items = raw
            .quick
            .iter()
            .map(|q| {
                q.items
                    .iter()
                    .filter_map(|id| {
                        let found = item_index(id).map(|i| ItemId(i as u8));
                        if found.is_none() {
                            problems.push(format!("quick {}: item {id} does not exist", q.id));
                        }
                        found
                    })
                    .collect()
            })
            .collect();
        for doc in &raw.documents {
            if item_index(&doc.clause).is_none() && group_index(&doc.clause).is_none() {
                problems.push(format!(
                    "document {}: clause {} does not exist",
                    doc.id, doc.clause
                ));
            }
        }
        let document_control = raw
            .documents
            .iter()
            .map(|doc| {
                item_index(&doc.clause)
                    .filter(|&i| raw.items[i].kind == ItemKind::Control)
                    .map(|i| ItemId(i as u8))
            })
            .collect();
        duplicates(
            "group",
            raw.groups.iter().map(|g| g.id.as_str()),
            &mut problems,
        );
        duplicates(
            "item",
            raw.items.iter().map(|i| i.id.as_str()),
            &mut problems,
        );
        duplicates(
            "document",
            raw.documents.iter().map(|d| d.id.as_str()),
            &mut problems,
        );
        duplicates(
            "quick",
            raw.quick.iter().map(|q| q.id.as_str()),
            &mut problems,
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Catalog {
            id: raw.id,
            version: raw.version,
            title: raw.title,
            groups: raw.groups,
            items: raw.items,
            documents: raw.documents,
            quick: raw.quick,
            item_group,
            group_parent,
            quick_items,
            document_control,
        })
    }

    /// All items in catalog order (clause requirements first, then controls).
    pub fn item_ids(&self) -> impl ExactSizeIterator<Item = ItemId> + Clone + '_ {
        (0..self.items.len()).map(|i| ItemId(i as u8))
    }

    /// All groups in catalog order.
    pub fn group_ids(&self) -> impl ExactSizeIterator<Item = GroupId> + Clone + '_ {
        (0..self.groups.len()).map(|i| GroupId(i as u8))
    }

    /// All mandatory documents in catalog order.
    pub fn document_ids(&self) -> impl ExactSizeIterator<Item = DocumentId> + Clone + '_ {
        (0..self.documents.len()).map(|i| DocumentId(i as u8))
    }

    /// All quick-check questions in order.
    pub fn quick_ids(&self) -> impl ExactSizeIterator<Item = QuickId> + Clone + '_ {
        (0..self.quick.len()).map(|i| QuickId(i as u8))
    }

    /// Number of assessable items.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// Number of mandatory documents.
    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    /// Every item's label, then every group's, then every document's title: the list
    /// the reports module's screens take from the app in the screen's language.
    pub fn labels(&self) -> Vec<String> {
        self.items
            .iter()
            .map(Item::label)
            .chain(self.groups.iter().map(Group::label))
            .chain(self.documents.iter().map(|d| d.title.clone()))
            .collect()
    }

    /// Looks an item up by its display id (`A.6.2.4`).
    pub fn find_item(&self, id: &str) -> Option<ItemId> {
        self.items
            .iter()
            .position(|i| i.id == id)
            .map(|i| ItemId(i as u8))
    }

    /// Looks a group up by its display id.
    pub fn find_group(&self, id: &str) -> Option<GroupId> {
        self.groups
            .iter()
            .position(|g| g.id == id)
            .map(|i| GroupId(i as u8))
    }

    /// Looks a document up by its stable id.
    pub fn find_document(&self, id: &str) -> Option<DocumentId> {
        self.documents
            .iter()
            .position(|d| d.id == id)
            .map(|i| DocumentId(i as u8))
    }

    /// Looks a quick-check question up by its id.
    pub fn find_quick(&self, id: &str) -> Option<QuickId> {
        self.quick
            .iter()
            .position(|q| q.id == id)
            .map(|i| QuickId(i as u8))
    }

    /// The item's data.
    pub fn item(&self, id: ItemId) -> &Item {
        &self.items[id.index()]
    }

    /// The group's data.
    pub fn group(&self, id: GroupId) -> &Group {
        &self.groups[id.index()]
    }

    /// The document's data.
    pub fn document(&self, id: DocumentId) -> &Document {
        &self.documents[id.index()]
    }

    /// The Annex A control that calls for a document, or `None` when a clause of 4–10
    /// requires it (such a document is always required).
    pub fn document_control(&self, id: DocumentId) -> Option<ItemId> {
        self.document_control[id.index()]
    }

    /// The item whose requirement names a document (its clause requirement, or the
    /// control that calls for it), if the document names an item.
    pub fn document_item(&self, id: DocumentId) -> Option<ItemId> {
        self.find_item(&self.document(id).clause)
    }

    /// The top-level group an item belongs to (its clause 4–10 or A.2 … A.10).
    pub fn top_group(&self, item: ItemId) -> GroupId {
        let mut group = self.item_group(item);
        while let Some(parent) = self.group_parent(group) {
            group = parent;
        }
        group
    }

    /// The quick question's data.
    pub fn quick(&self, id: QuickId) -> &QuickQuestion {
        &self.quick[id.index()]
    }

    /// The items a quick question stands for.
    pub fn quick_items(&self, id: QuickId) -> &[ItemId] {
        &self.quick_items[id.index()]
    }

    /// The group an item sits in directly.
    pub fn item_group(&self, id: ItemId) -> GroupId {
        self.item_group[id.index()]
    }

    /// The enclosing group, if any (`A.6` for `A.6.1`).
    pub fn group_parent(&self, id: GroupId) -> Option<GroupId> {
        self.group_parent[id.index()]
    }

    /// Whether `item` belongs to `group`, directly or through a subgroup.
    pub fn item_in_group(&self, item: ItemId, group: GroupId) -> bool {
        let mut current = Some(self.item_group(item));
        while let Some(g) = current {
            if g == group {
                return true;
            }
            current = self.group_parent(g);
        }
        false
    }

    /// The items of a group (including its subgroups), in catalog order.
    pub fn group_items(&self, group: GroupId) -> impl Iterator<Item = ItemId> + '_ {
        self.item_ids()
            .filter(move |&i| self.item_in_group(i, group))
    }

    /// The top-level groups (clauses 4–10 and A.2 … A.10), in catalog order.
    pub fn top_groups(&self) -> impl Iterator<Item = GroupId> + '_ {
        self.group_ids().filter(|&g| self.group_parent(g).is_none())
    }

    /// The direct subgroups of `group`.
    pub fn subgroups(&self, group: GroupId) -> impl Iterator<Item = GroupId> + '_ {
        self.group_ids()
            .filter(move |&g| self.group_parent(g) == Some(group))
    }
}

fn duplicates<'a>(what: &str, ids: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            problems.push(format!("duplicate {what} id {id}"));
        }
        seen.push(id);
    }
}
