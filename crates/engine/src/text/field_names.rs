//! The names of the fields two versions of an assessment merge separately, in the active
//! language, for the notice that says which fields both tabs changed.

use crate::rules::merge::{AnswerField, AssessmentField};
use crate::text::messages::msg;

impl AnswerField {
    /// The field's name, e.g. "level".
    pub fn name(self) -> &'static str {
        match self {
            AnswerField::Level => msg::merge_field_level(),
            AnswerField::Target => msg::merge_field_target(),
            AnswerField::Weight => msg::merge_field_weight(),
            AnswerField::Applicability => msg::merge_field_applicability(),
            AnswerField::Notes => msg::merge_field_notes(),
            AnswerField::Evidence => msg::merge_field_evidence(),
            AnswerField::Owner => msg::merge_field_owner(),
            AnswerField::Due => msg::merge_field_due(),
            AnswerField::Reuse => msg::merge_field_reuse(),
        }
    }
}

impl AssessmentField {
    /// The field's name, e.g. "organization".
    pub fn name(self) -> &'static str {
        match self {
            AssessmentField::Name => msg::merge_field_name(),
            AssessmentField::Organization => msg::merge_field_organization(),
            AssessmentField::PreparedBy => msg::merge_field_prepared_by(),
            AssessmentField::Profile => msg::merge_field_profile(),
            AssessmentField::AdditionalControls => msg::merge_field_additional_controls(),
        }
    }
}
