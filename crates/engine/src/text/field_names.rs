//! The names of the fields two versions of an assessment merge separately, in a given
//! language, for the notice that says which fields both tabs changed.

use crate::rules::merge::{AnswerField, AssessmentField};
use crate::text::messages::Texts;

impl AnswerField {
    /// The field's name, e.g. "level".
    pub fn name(self, texts: Texts) -> &'static str {
        match self {
            AnswerField::Level => texts.merge_field_level(),
            AnswerField::Target => texts.merge_field_target(),
            AnswerField::Weight => texts.merge_field_weight(),
            AnswerField::Applicability => texts.merge_field_applicability(),
            AnswerField::Notes => texts.merge_field_notes(),
            AnswerField::Owner => texts.merge_field_owner(),
            AnswerField::Due => texts.merge_field_due(),
            AnswerField::Reuse => texts.merge_field_reuse(),
        }
    }
}

impl AssessmentField {
    /// The field's name, e.g. "organization".
    pub fn name(self, texts: Texts) -> &'static str {
        match self {
            AssessmentField::Name => texts.merge_field_name(),
            AssessmentField::Organization => texts.merge_field_organization(),
            AssessmentField::PreparedBy => texts.merge_field_prepared_by(),
            AssessmentField::Profile => texts.merge_field_profile(),
            AssessmentField::AdditionalControls => texts.merge_field_additional_controls(),
            AssessmentField::Soa => texts.merge_field_soa(),
            AssessmentField::Registers => texts.merge_field_registers(),
        }
    }
}
