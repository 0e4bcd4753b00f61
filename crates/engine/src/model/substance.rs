//! What a written reason or an evidence reference needs before it counts. A verdict
//! that a keystroke per control could turn into "ready" would be worthless, so the
//! scoring rules, the Statement of Applicability and the UI all ask these two functions.

/// The shortest justification that counts, in characters.
pub const REASON_MIN_CHARS: usize = 20;
/// The fewest words a justification that counts has.
pub const REASON_MIN_WORDS: usize = 3;
/// The fewest letters or digits an evidence reference that counts has.
pub const EVIDENCE_MIN_ALPHANUMERIC: usize = 3;

/// Whether a justification counts: at least [`REASON_MIN_CHARS`] characters and
/// [`REASON_MIN_WORDS`] words once trimmed. "-", "n/a" or "x" tell an auditor nothing,
/// and letting them count would let a Statement of Applicability be emptied with a
/// keystroke per control.
pub fn reason_counts(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() >= REASON_MIN_CHARS && text.split_whitespace().count() >= REASON_MIN_WORDS
}

/// Whether an evidence reference counts: at least [`EVIDENCE_MIN_ALPHANUMERIC`] letters
/// or digits, so "." or "x" cannot stand in for a record an auditor could ask to see.
pub fn evidence_counts(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).count() >= EVIDENCE_MIN_ALPHANUMERIC
}
