//! The ISO/IEC 42001 catalog: groups, the 70 assessable items, the mandatory documents
//! and the quick-check questions. It is data (`assets/catalog/iso42001.json`) with its
//! own id and version, embedded at compile time and parsed once.
//!
//! What is embedded is not the JSON but its cells, made by `build.rs`: every value on
//! its own line, field by field, in this order (`n` is the number of entries before,
//! `[..]` means one line per entry, empty lines stand for absent optional values):
//!
//! 1. catalog id, version, title;
//! 2. groups `n`; ids[..], kinds[..], titles[..], summaries[..], parents[..];
//! 3. items `n`; ids[..], kinds[..], groups[..], titles[..], questions[..],
//!    explanations[..], ISO/IEC 27001 references[..]; the 6 level hints of each item;
//!    evidence counts[..] and then the evidence examples of each item; for the NIST AI
//!    RMF and then the EU AI Act, per item a count and that many reference/basis pairs;
//! 4. documents `n`; ids[..], clauses[..], titles[..], descriptions[..];
//! 5. quick questions `n`; ids[..], topics[..], questions[..], helps[..], next steps[..];
//!    per question: foundation (0/1), a count and that many item ids.
//!
//! Identifiers ([`ItemId`], [`GroupId`], [`DocumentId`]) can only be obtained from a
//! catalog lookup, so code cannot name an item that does not exist.

use std::sync::OnceLock;

/// The catalog shipped with the app, as cells (see the module documentation).
pub const BUILTIN_CELLS: &str = include_str!(concat!(env!("OUT_DIR"), "/iso42001.cells"));

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

/// Whether an item is a clause requirement (4–10) or an Annex A control.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// A requirement of clauses 4–10: always in scope.
    #[default]
    Clause,
    /// An Annex A control: can be excluded with a justification.
    Control,
}

impl ItemKind {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Clause => "clause",
            ItemKind::Control => "control",
        }
    }

    fn parse(s: &str) -> Option<ItemKind> {
        [ItemKind::Clause, ItemKind::Control]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Whether a crosswalk entry comes from a published crosswalk or is our own judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Taken from a published crosswalk.
    Published,
    /// The project's own mapping.
    Judgement,
    /// Same clause number and purpose in the harmonized structure that ISO management
    /// system standards share (ISO/IEC 27001 clauses 4–10).
    Structural,
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

    fn parse(s: &str) -> Option<Basis> {
        [Basis::Published, Basis::Judgement]
            .into_iter()
            .find(|b| b.as_str() == s)
    }
}

/// One mapping to another framework.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crosswalk {
    /// The target reference, e.g. `GOVERN 1.1` or `Art. 9(2)`.
    pub reference: String,
    /// Where the mapping comes from.
    pub basis: Basis,
}

/// A clause or a control objective.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Display id, e.g. `6` or `A.6.1`.
    pub id: String,
    /// Clause group or Annex A group.
    pub kind: ItemKind,
    /// The enclosing group's id (`A.6` for `A.6.1`), if any.
    pub parent: Option<String>,
    /// Official short title.
    pub title: String,
    /// One sentence in our own words.
    pub summary: String,
}

/// One assessable item: a lowest-level clause requirement or an Annex A control.
#[derive(Clone, Debug, Default)]
pub struct Item {
    /// Display id, e.g. `6.1.2` or `A.6.2.4`.
    pub id: String,
    /// Clause requirement or control.
    pub kind: ItemKind,
    /// Id of the group the item sits in directly.
    pub group: String,
    /// Official short title.
    pub title: String,
    /// Plain-language question a non-expert can answer.
    pub question: String,
    /// Why the item matters, in our own words.
    pub explanation: String,
    /// Examples of good evidence.
    pub evidence: Vec<String>,
    /// What each maturity level 0–5 means for this item.
    pub levels: [String; 6],
    /// NIST AI RMF categories.
    pub nist_ai_rmf: Vec<Crosswalk>,
    /// EU AI Act articles.
    pub eu_ai_act: Vec<Crosswalk>,
    /// The ISO/IEC 27001:2022 clause or control that shares this item's purpose.
    pub iso27001: Option<String>,
}

/// A mandatory documented-information entry.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Stable id, e.g. `statement-of-applicability`.
    pub id: String,
    /// The clause that requires it.
    pub clause: String,
    /// Short title in our own words.
    pub title: String,
    /// One sentence in our own words.
    pub description: String,
}

/// A quick-check question standing for a set of catalog items.
#[derive(Clone, Debug, Default)]
pub struct QuickQuestion {
    /// Stable id, e.g. `q01`.
    pub id: String,
    /// Short topic name.
    pub topic: String,
    /// The yes/no question.
    pub question: String,
    /// One sentence of help.
    pub help: String,
    /// Ids of the catalog items this question stands for.
    pub items: Vec<String>,
    /// What to do first when this topic is weak.
    pub next_step: String,
    /// Foundational topics cap the quick-check band when they are missing.
    pub foundation: bool,
}

/// Reads the catalog's cells in order, noting each malformed cell and a text that ends
/// early (once).
struct Cells<'a> {
    lines: std::str::Split<'a, char>,
    problems: Vec<String>,
    ended: bool,
}

impl Cells<'_> {
    fn text(&mut self) -> String {
        match self.lines.next() {
            Some(line) => line.to_owned(),
            None => {
                if !self.ended {
                    self.problems.push("catalog: the text ends early".into());
                    self.ended = true;
                }
                String::new()
            }
        }
    }

    /// An optional value: an empty cell is none.
    fn optional(&mut self) -> Option<String> {
        Some(self.text()).filter(|t| !t.is_empty())
    }

    /// A number of entries that follow; at most 255, as ids are bytes.
    fn count(&mut self) -> usize {
        let text = self.text();
        match text.parse::<u8>() {
            Ok(n) => usize::from(n),
            Err(_) => {
                self.problems
                    .push(format!("catalog: expected a count, found \"{text}\""));
                0
            }
        }
    }

    fn kind(&mut self) -> ItemKind {
        let text = self.text();
        ItemKind::parse(&text).unwrap_or_else(|| {
            self.problems
                .push(format!("catalog: unknown kind \"{text}\""));
            ItemKind::Clause
        })
    }

    fn crosswalks(&mut self) -> Vec<Crosswalk> {
        let n = self.count();
        (0..n)
            .map(|_| {
                let reference = self.text();
                let basis = self.text();
                let basis = Basis::parse(&basis).unwrap_or_else(|| {
                    self.problems
                        .push(format!("{reference}: crosswalk basis \"{basis}\""));
                    Basis::Judgement
                });
                Crosswalk { reference, basis }
            })
            .collect()
    }

    /// The next `n` values.
    fn texts(&mut self, n: usize) -> Vec<String> {
        (0..n).map(|_| self.text()).collect()
    }

    /// `n` entries with their defaults, to be filled field by field.
    fn entries<T: Default>(&mut self) -> Vec<T> {
        let n = self.count();
        (0..n).map(|_| T::default()).collect()
    }
}

/// Reads every cell (see the module documentation) into entries, in order.
fn read_cells(text: &str) -> (RawCatalog, Vec<String>) {
    let mut c = Cells {
        lines: text.split('\n'),
        problems: Vec::new(),
        ended: false,
    };
    let id = c.text();
    let version = c.text().parse::<u32>().unwrap_or(0);
    let title = c.text();

    let mut groups: Vec<Group> = c.entries();
    groups.iter_mut().for_each(|g| g.id = c.text());
    groups.iter_mut().for_each(|g| g.kind = c.kind());
    groups.iter_mut().for_each(|g| g.title = c.text());
    groups.iter_mut().for_each(|g| g.summary = c.text());
    groups.iter_mut().for_each(|g| g.parent = c.optional());

    let mut items: Vec<Item> = c.entries();
    items.iter_mut().for_each(|i| i.id = c.text());
    items.iter_mut().for_each(|i| i.kind = c.kind());
    items.iter_mut().for_each(|i| i.group = c.text());
    items.iter_mut().for_each(|i| i.title = c.text());
    items.iter_mut().for_each(|i| i.question = c.text());
    items.iter_mut().for_each(|i| i.explanation = c.text());
    items.iter_mut().for_each(|i| i.iso27001 = c.optional());
    for item in &mut items {
        item.levels.iter_mut().for_each(|l| *l = c.text());
    }
    let evidence: Vec<usize> = items.iter().map(|_| c.count()).collect();
    for (item, n) in items.iter_mut().zip(evidence) {
        item.evidence = c.texts(n);
    }
    items
        .iter_mut()
        .for_each(|i| i.nist_ai_rmf = c.crosswalks());
    items.iter_mut().for_each(|i| i.eu_ai_act = c.crosswalks());

    let mut documents: Vec<Document> = c.entries();
    documents.iter_mut().for_each(|d| d.id = c.text());
    documents.iter_mut().for_each(|d| d.clause = c.text());
    documents.iter_mut().for_each(|d| d.title = c.text());
    documents.iter_mut().for_each(|d| d.description = c.text());

    let mut quick: Vec<QuickQuestion> = c.entries();
    quick.iter_mut().for_each(|q| q.id = c.text());
    quick.iter_mut().for_each(|q| q.topic = c.text());
    quick.iter_mut().for_each(|q| q.question = c.text());
    quick.iter_mut().for_each(|q| q.help = c.text());
    quick.iter_mut().for_each(|q| q.next_step = c.text());
    for q in &mut quick {
        q.foundation = c.text() == "1";
        let n = c.count();
        q.items = c.texts(n);
    }
    if c.lines.any(|rest| !rest.is_empty()) {
        c.problems
            .push("catalog: cells left over at the end".into());
    }
    let raw = RawCatalog {
        id,
        version,
        title,
        groups,
        items,
        documents,
        quick,
    };
    (raw, c.problems)
}

struct RawCatalog {
    id: String,
    version: u32,
    title: String,
    groups: Vec<Group>,
    items: Vec<Item>,
    documents: Vec<Document>,
    quick: Vec<QuickQuestion>,
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
        CATALOG.get_or_init(|| match Catalog::parse(BUILTIN_CELLS) {
            Ok(catalog) => catalog,
            Err(problems) => panic!(
                "embedded catalog is invalid: {} (and {} more)",
                problems.first().map_or("", String::as_str),
                problems.len().saturating_sub(1)
            ),
        })
    }

    /// Reads a catalog from its cells (see the module documentation) and checks it,
    /// returning every integrity problem found.
    pub fn parse(cells: &str) -> Result<Catalog, Vec<String>> {
        let (raw, mut problems) = read_cells(cells);
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
