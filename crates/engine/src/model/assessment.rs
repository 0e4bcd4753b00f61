//! One organization's answers: a maturity level, target and applicability per item, the
//! evidence behind them, and which mandatory documents exist.

use crate::model::catalog::{Catalog, DocumentId, ItemId, ItemKind};
use crate::model::date::{Date, Timestamp};
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::model::profile::{AdditionalControl, Profile};
use crate::model::registers::Kept;
use crate::model::substance::reason_counts;
use crate::model::weight::Weight;

/// Everything recorded about one item.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Answer {
    /// The assessed level, or `None` while unanswered.
    pub maturity: Option<MaturityLevel>,
    /// `true` while the level is only a starting estimate carried over from the quick
    /// check and not yet confirmed by a person.
    pub estimate: bool,
    /// The level the organization aims for.
    pub target: TargetLevel,
    /// Relative weight in the weighted means.
    pub weight: Weight,
    /// For controls: excluded from the Statement of Applicability.
    pub excluded: bool,
    /// Why a control is excluded (or included); required for an exclusion to count.
    pub justification: String,
    /// Free notes.
    pub notes: String,
    /// Who is responsible for closing the gap.
    pub owner: String,
    /// When the gap should be closed.
    pub due: Option<Date>,
    /// The item's process is shared with a management system the organization already
    /// runs (recorded by the person; the item's evidence records say where it is shown).
    pub reused: bool,
}

impl Answer {
    /// Whether the answer holds nothing but defaults.
    pub fn is_blank(&self) -> bool {
        *self == Answer::default()
    }

    /// The exclusion only counts when it is written down with a reason.
    pub fn has_valid_exclusion(&self) -> bool {
        self.excluded && self.has_reason()
    }

    /// A reason for the applicability decision is written down (clause 6.1.3 asks for
    /// one for every control, included or excluded) and says something: see
    /// [`reason_counts`].
    pub fn has_reason(&self) -> bool {
        reason_counts(&self.justification)
    }

    /// The level a person stands behind: a quick-check estimate not yet confirmed counts
    /// as no answer at all.
    pub fn confirmed(&self) -> Option<MaturityLevel> {
        self.maturity.filter(|_| !self.estimate)
    }
}

/// The approval of the Statement of Applicability, as its title block states it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SoaApproval {
    /// Who approved it (a name and role).
    pub approver: String,
    /// When it was approved.
    pub approved: Option<Date>,
    /// Its version, as the organization numbers it ("1.2").
    pub version: String,
}

/// What is recorded about one required document.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DocumentRecord {
    /// The document exists.
    pub present: bool,
    /// Its version, as the organization numbers it.
    pub version: String,
    /// When it was last approved.
    pub approved: Option<Date>,
}

/// A whole self-assessment against one catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Stable id (survives export and import).
    pub id: String,
    /// Display name, e.g. "2026 readiness review".
    pub name: String,
    /// The organization assessed.
    pub organization: String,
    /// Who prepared the assessment (shown on the Statement of Applicability and reports).
    pub prepared_by: String,
    /// When the assessment was started.
    pub created: Timestamp,
    /// When it last changed.
    pub updated: Timestamp,
    /// The organization's AI roles, AI systems in scope and existing management systems.
    pub profile: Profile,
    /// Controls of the organization's own beyond Annex A.
    pub additional: Vec<AdditionalControl>,
    /// The Statement of Applicability's approval.
    pub soa: SoaApproval,
    /// The AI systems, risk criteria, AI risks and evidence records, as checked JSON.
    pub registers: Kept,
    answers: Vec<Answer>,
    documents: Vec<DocumentRecord>,
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// Clause requirements are mandatory and cannot be excluded.
    ClauseCannotBeExcluded(ItemId),
    /// The evidence register is full: a reference that needs a new record is not added.
    EvidenceRegisterFull,
}

impl Assessment {
    /// A blank assessment over `catalog`: everything unanswered, no document present.
    pub fn new(catalog: &Catalog, id: String, name: String, created: Timestamp) -> Assessment {
        Assessment {
            id,
            name,
            organization: String::new(),
            prepared_by: String::new(),
            updated: created.clone(),
            created,
            profile: Profile::default(),
            additional: Vec::new(),
            soa: SoaApproval::default(),
            registers: Kept::default(),
            answers: vec![Answer::default(); catalog.item_count()],
            documents: vec![DocumentRecord::default(); catalog.document_count()],
        }
    }

    /// The answer for one item.
    pub fn answer(&self, item: ItemId) -> &Answer {
        &self.answers[item.index()]
    }

    /// Changes one item's answer. Excluding a clause requirement is refused and leaves
    /// the assessment as it was.
    pub fn update(
        &mut self,
        catalog: &Catalog,
        item: ItemId,
        change: impl FnOnce(&mut Answer),
    ) -> Result<(), EditError> {
        let mut answer = self.answers[item.index()].clone();
        change(&mut answer);
        if answer.excluded && catalog.item(item).kind == ItemKind::Clause {
            return Err(EditError::ClauseCannotBeExcluded(item));
        }
        self.answers[item.index()] = answer;
        Ok(())
    }

    /// Whether a mandatory document is marked present.
    pub fn document_present(&self, doc: DocumentId) -> bool {
        self.documents[doc.index()].present
    }

    /// Marks a mandatory document present or missing.
    pub fn set_document(&mut self, doc: DocumentId, present: bool) {
        self.documents[doc.index()].present = present;
    }

    /// Everything recorded about a mandatory document.
    pub fn document(&self, doc: DocumentId) -> &DocumentRecord {
        &self.documents[doc.index()]
    }

    /// Changes what is recorded about a mandatory document.
    pub fn update_document(&mut self, doc: DocumentId, change: impl FnOnce(&mut DocumentRecord)) {
        change(&mut self.documents[doc.index()]);
    }

    /// Whether an item counts in the scores: clause requirements always do; a control
    /// does unless it is excluded with a written justification.
    pub fn in_scope(&self, catalog: &Catalog, item: ItemId) -> bool {
        catalog.item(item).kind == ItemKind::Clause || !self.answer(item).has_valid_exclusion()
    }

    /// Whether a document is required now: documents of clauses 4–10 always; one that an
    /// Annex A control calls for only while that control is in scope.
    pub fn document_required(&self, catalog: &Catalog, doc: DocumentId) -> bool {
        catalog
            .document_control(doc)
            .is_none_or(|control| self.in_scope(catalog, control))
    }

    /// Applicable controls with no reason for their inclusion: gaps of the Statement of
    /// Applicability.
    pub fn missing_reasons<'a>(
        &'a self,
        catalog: &'a Catalog,
    ) -> impl Iterator<Item = ItemId> + 'a {
        catalog.item_ids().filter(move |&i| {
            let a = self.answer(i);
            catalog.item(i).kind == ItemKind::Control && !a.excluded && !a.has_reason()
        })
    }

    /// Controls marked excluded without a justification: they stay in scope and are
    /// listed as defects of the Statement of Applicability.
    pub fn soa_defects<'a>(&'a self, catalog: &'a Catalog) -> impl Iterator<Item = ItemId> + 'a {
        catalog.item_ids().filter(move |&i| {
            let a = self.answer(i);
            catalog.item(i).kind == ItemKind::Control && a.excluded && !a.has_valid_exclusion()
        })
    }
}
