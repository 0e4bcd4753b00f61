//! Every change a person can make to an assessment, as data. The UI's reducer only
//! forwards these to [`apply`], so the rules live here and are tested natively.

use crate::model::assessment::{Answer, Assessment, EditError};
use crate::model::catalog::{Catalog, DocumentId, ItemId};
use crate::model::date::{Date, Timestamp};
use crate::model::evidence_refs;
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::model::profile::{AdditionalControl, AiRole, ManagementSystem};
use crate::model::registers::Kept;
use crate::model::weight::Weight;

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
    /// Links the item to the evidence record made from a free-text reference, making
    /// the record when there is none (blank text is ignored; see
    /// [`crate::model::evidence_refs`]).
    AddEvidence(ItemId, String),
    /// Unlinks the item from an evidence record (by the record's id).
    RemoveEvidence(ItemId, String),
    /// Sets who owns the item's gap.
    Owner(ItemId, String),
    /// Sets (or clears) the item's due date.
    Due(ItemId, Option<Date>),
    /// Marks a mandatory document present or missing.
    Document(DocumentId, bool),
    /// Sets a mandatory document's version.
    DocumentVersion(DocumentId, String),
    /// Sets (or clears) the date a mandatory document was approved.
    DocumentApproved(DocumentId, Option<Date>),
    /// Sets who approved the Statement of Applicability.
    SoaApprover(String),
    /// Sets (or clears) the date the Statement of Applicability was approved.
    SoaApproved(Option<Date>),
    /// Sets the Statement of Applicability's version.
    SoaVersion(String),
    /// Renames the assessment.
    Name(String),
    /// Sets the organization.
    Organization(String),
    /// Adds or removes one of the organization's AI roles.
    Role(AiRole, bool),
    /// Records whether the organization runs a management system already.
    ManagementSystem(ManagementSystem, bool),
    /// Confirms a suggested exclusion: the control is excluded with the given reason
    /// (kept if the person had already written one).
    AcceptSuggestion(ItemId, String),
    /// Rejects a suggested exclusion; it is not suggested again.
    DeclineSuggestion(ItemId),
    /// Records that an item's process is shared with an existing management system.
    Reused(ItemId, bool),
    /// Adds a control of the organization's own (refused without an id or a title).
    AddControl(AdditionalControl),
    /// Removes the additional control at a position.
    RemoveControl(usize),
    /// Sets the status of the additional control at a position.
    ControlStatus(usize, Option<MaturityLevel>),
    /// Sets who prepared the assessment.
    PreparedBy(String),
    /// Sets the scope note of the AI management system.
    ScopeNote(String),
    /// Replaces an item's whole answer and the evidence records it links with those of
    /// another copy of the assessment, whose registers are given (taking a colleague's
    /// answer when merging; refused for an excluded clause requirement like any other
    /// edit).
    Answer(ItemId, Box<(Answer, Kept)>),
    /// Replaces the registers with ones already checked (the register screens check
    /// every change with the engine's reader before they hand it over).
    Registers(Box<Kept>),
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
            let id = &assessment.id;
            let linked = evidence_refs::link(catalog, &mut assessment.registers, id, item, &text)
                .map_err(|_| EditError::EvidenceRegisterFull)?;
            if !linked {
                return Ok(());
            }
        }
        Edit::RemoveEvidence(item, record) => {
            if !evidence_refs::unlink(catalog, &mut assessment.registers, &record, item) {
                return Ok(());
            }
        }
        Edit::Owner(item, text) => assessment.update(catalog, item, |a| a.owner = text)?,
        Edit::Due(item, date) => assessment.update(catalog, item, |a| a.due = date)?,
        Edit::Document(doc, present) => assessment.set_document(doc, present),
        Edit::DocumentVersion(doc, text) => assessment.update_document(doc, |d| d.version = text),
        Edit::DocumentApproved(doc, date) => assessment.update_document(doc, |d| d.approved = date),
        Edit::SoaApprover(text) => assessment.soa.approver = text,
        Edit::SoaApproved(date) => assessment.soa.approved = date,
        Edit::SoaVersion(text) => assessment.soa.version = text,
        Edit::Name(name) => assessment.name = name,
        Edit::Organization(org) => assessment.organization = org,
        Edit::Role(role, on) => assessment.profile.set_role(role, on),
        Edit::ManagementSystem(system, on) => assessment.profile.set_management_system(system, on),
        Edit::AcceptSuggestion(item, reason) => assessment.update(catalog, item, |a| {
            a.excluded = true;
            if !a.has_reason() {
                a.justification = reason;
            }
        })?,
        Edit::DeclineSuggestion(item) => {
            if !assessment.profile.declined.contains(&item) {
                assessment.profile.declined.push(item);
                assessment.profile.declined.sort_unstable();
            }
        }
        Edit::Reused(item, on) => assessment.update(catalog, item, |a| a.reused = on)?,
        Edit::AddControl(control) => {
            if control.id.trim().is_empty() || control.title.trim().is_empty() {
                return Ok(());
            }
            assessment.additional.push(control);
        }
        Edit::RemoveControl(index) => {
            if index < assessment.additional.len() {
                assessment.additional.remove(index);
            }
        }
        Edit::ControlStatus(index, status) => {
            if let Some(c) = assessment.additional.get_mut(index) {
                c.status = status;
            }
        }
        Edit::PreparedBy(name) => assessment.prepared_by = name,
        Edit::ScopeNote(text) => assessment.profile.scope_note = text,
        Edit::Answer(item, taken) => {
            let (answer, from) = *taken;
            assessment.update(catalog, item, |a| *a = answer)?;
            evidence_refs::take_links(catalog, &mut assessment.registers, &from, item)
                .map_err(|_| EditError::EvidenceRegisterFull)?;
        }
        Edit::Registers(kept) => assessment.registers = *kept,
    }
    assessment.updated = now;
    Ok(())
}
