//! Every change a person can make to an assessment, as data. The UI's reducer only
//! forwards these to [`apply`], so the rules live here and are tested natively.

use super::assessment::{Assessment, EditError};
use super::catalog::{Catalog, DocumentId, ItemId};
use super::date::{Date, Timestamp};
use super::level::{MaturityLevel, TargetLevel};
use super::weight::Weight;

/// One change to an assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets (or clears) an item's level; a level set by a person is never an estimate.
    Maturity(ItemId, Option<MaturityLevel>),
    /// Confirms a carried-over estimate as the person's own answer.
    ConfirmEstimate(ItemId),
    /// Sets an item's target level.
    Target(ItemId, TargetLevel),
    /// Sets an item's weight.
    Weight(ItemId, Weight),
    /// Includes or excludes a control (refused for clause requirements).
    Applicable(ItemId, bool),
    /// Sets the justification of a control's inclusion or exclusion.
    Justification(ItemId, String),
    /// Sets an item's notes.
    Notes(ItemId, String),
    /// Adds an evidence reference (blank text is ignored).
    AddEvidence(ItemId, String),
    /// Removes the evidence reference at a position.
    RemoveEvidence(ItemId, usize),
    /// Sets who owns the item's gap.
    Owner(ItemId, String),
    /// Sets (or clears) the item's due date.
    Due(ItemId, Option<Date>),
    /// Marks a mandatory document present or missing.
    Document(DocumentId, bool),
    /// Renames the assessment.
    Name(String),
    /// Sets the organization.
    Organization(String),
}

/// Applies one edit and stamps `updated`. A refused edit changes nothing.
pub fn apply(
    catalog: &Catalog,
    assessment: &mut Assessment,
    edit: Edit,
    now: Timestamp,
) -> Result<(), EditError> {
    match edit {
        Edit::Maturity(item, level) => assessment.update(catalog, item, |a| {
            a.maturity = level;
            a.estimate = false;
        })?,
        Edit::ConfirmEstimate(item) => assessment.update(catalog, item, |a| a.estimate = false)?,
        Edit::Target(item, target) => assessment.update(catalog, item, |a| a.target = target)?,
        Edit::Weight(item, weight) => assessment.update(catalog, item, |a| a.weight = weight)?,
        Edit::Applicable(item, applicable) => {
            assessment.update(catalog, item, |a| a.excluded = !applicable)?
        }
        Edit::Justification(item, text) => {
            assessment.update(catalog, item, |a| a.justification = text)?
        }
        Edit::Notes(item, text) => assessment.update(catalog, item, |a| a.notes = text)?,
        Edit::AddEvidence(item, text) => {
            let text = text.trim().to_owned();
            if text.is_empty() {
                return Ok(());
            }
            assessment.update(catalog, item, |a| a.evidence.push(text))?
        }
        Edit::RemoveEvidence(item, index) => assessment.update(catalog, item, |a| {
            if index < a.evidence.len() {
                a.evidence.remove(index);
            }
        })?,
        Edit::Owner(item, text) => assessment.update(catalog, item, |a| a.owner = text)?,
        Edit::Due(item, date) => assessment.update(catalog, item, |a| a.due = date)?,
        Edit::Document(doc, present) => assessment.set_document(doc, present),
        Edit::Name(name) => assessment.name = name,
        Edit::Organization(org) => assessment.organization = org,
    }
    assessment.updated = now;
    Ok(())
}
