//! The registers an auditor samples (issue 22): the AI systems in scope with an impact
//! assessment each, the organization's risk criteria and its AI risks, and dated
//! evidence records. Plain data with the few rules of their own (what counts as an
//! approval, when a risk is above the acceptance level, when evidence is stale);
//! `rules::registers` says what they change in the figures.
//!
//! An assessment keeps its registers as the file's checked JSON ([`Kept`]); these types
//! are what `format::registers` reads that JSON into and writes it from, where the
//! engine's `registers` feature is on (the native scorer, the on-demand modules). The
//! rules read the kept JSON itself, so the app and the scorer apply the same code
//! (docs/scoring.md, "Registers").

use crate::model::catalog::ItemId;
use crate::model::date::Date;
use crate::model::profile::AiRole;

/// A register record's id: a random UUID (version 4, 122 random bits), lowercase.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordId(String);

impl RecordId {
    /// The id in `text` when it is a version-4 UUID in its canonical lowercase form
    /// (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`): ids that carry fewer random bits
    /// (names, counters) could collide between two colleagues' copies.
    pub fn parse(text: &str) -> Option<RecordId> {
        let b = text.as_bytes();
        let hex = |c: &u8| matches!(c, b'0'..=b'9' | b'a'..=b'f');
        let shape = b.len() == 36
            && b.iter().enumerate().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => *c == b'-',
                _ => hex(c),
            });
        (shape && b[14] == b'4' && matches!(b[19], b'8' | b'9' | b'a' | b'b'))
            .then(|| RecordId(text.to_owned()))
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who approved something, and when. It counts when the name says something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Approval {
    /// The person (and role) who approved.
    pub by: String,
    /// The day.
    pub on: Date,
}

impl Approval {
    /// Whether the approval names somebody: as much as an evidence reference must say
    /// (`substance::evidence_counts`), so "-" or "x" cannot stand in for a person.
    pub fn counts(&self) -> bool {
        crate::model::substance::evidence_counts(&self.by)
    }
}

/// The stages of an AI system's life cycle (ISO/IEC 22989, 6.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LifeCycleStage {
    /// Inception.
    Inception,
    /// Design and development.
    DesignAndDevelopment,
    /// Verification and validation.
    VerificationAndValidation,
    /// Deployment.
    Deployment,
    /// Operation and monitoring.
    OperationAndMonitoring,
    /// Re-evaluation.
    ReEvaluation,
    /// Retirement.
    Retirement,
}

/// How the organization itself judges an AI system under the EU AI Act (its own
/// judgement, not a legal assessment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EuAiActClass {
    /// A prohibited practice (Article 5).
    Prohibited,
    /// High-risk, Annex III point 1: biometrics.
    HighRisk1,
    /// High-risk, Annex III point 2: critical infrastructure.
    HighRisk2,
    /// High-risk, Annex III point 3: education and vocational training.
    HighRisk3,
    /// High-risk, Annex III point 4: employment and workers management.
    HighRisk4,
    /// High-risk, Annex III point 5: access to essential services and benefits.
    HighRisk5,
    /// High-risk, Annex III point 6: law enforcement.
    HighRisk6,
    /// High-risk, Annex III point 7: migration, asylum and border control.
    HighRisk7,
    /// High-risk, Annex III point 8: administration of justice and democratic processes.
    HighRisk8,
    /// Transparency obligations (Article 50).
    Transparency,
    /// Minimal risk.
    Minimal,
    /// Not judged yet.
    NotJudged,
}

/// A benefit or a harm an impact assessment weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffectKind {
    /// A benefit.
    Benefit,
    /// A harm.
    Harm,
}

/// One benefit or harm, with its severity and likelihood on the risk criteria's scales.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effect {
    /// Benefit or harm.
    pub kind: EffectKind,
    /// What it is, and for whom (individuals, groups, society).
    pub description: String,
    /// Severity, 1 (lowest) up to the criteria's consequence levels.
    pub severity: u8,
    /// Likelihood, 1 (lowest) up to the criteria's likelihood levels.
    pub likelihood: u8,
    /// The risk in the register this harm became, if any.
    pub risk: Option<RecordId>,
}

/// An AI system impact assessment (clauses 6.1.4 and 8.4, control A.5), following the
/// structure of ISO/IEC 42005 in our own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImpactAssessment {
    /// Screening: whether a full assessment is needed.
    pub full_needed: bool,
    /// Why (or why not).
    pub screening_reason: String,
    /// Intended use.
    pub intended_use: String,
    /// Reasonably foreseeable misuse.
    pub misuse: String,
    /// Who is affected: individuals, groups, society.
    pub affected: Vec<String>,
    /// Benefits and harms.
    pub effects: Vec<Effect>,
    /// What is done about the harms.
    pub measures: String,
    /// The impact that remains.
    pub residual: String,
    /// Its approval.
    pub approval: Option<Approval>,
    /// When it is to be reviewed next.
    pub next_review: Option<Date>,
}

impl ImpactAssessment {
    /// Approved by somebody named.
    pub fn approved(&self) -> bool {
        self.approval.as_ref().is_some_and(Approval::counts)
    }
}

/// One AI system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AiSystem {
    /// Its id.
    pub id: RecordId,
    /// Its name.
    pub name: String,
    /// Who owns it.
    pub owner: String,
    /// Purpose and intended use.
    pub purpose: String,
    /// The organization's role for this system (ISO/IEC 22989).
    pub role: AiRole,
    /// Its life-cycle stage.
    pub stage: LifeCycleStage,
    /// The categories of data it uses.
    pub data_categories: Vec<String>,
    /// Whether it uses personal data.
    pub personal_data: bool,
    /// Who is affected by it.
    pub affected: String,
    /// The organization's own risk tier for it.
    pub risk_tier: String,
    /// The organization's own EU AI Act classification.
    pub eu_ai_act: EuAiActClass,
    /// In the scope of the AI management system.
    pub in_scope: bool,
    /// Its impact assessment.
    pub impact: Option<ImpactAssessment>,
}

/// The organization's risk criteria (clause 6.1.1): a likelihood × consequence matrix of
/// 3×3 to 5×5, and the highest level (likelihood × consequence) it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskCriteria {
    likelihoods: u8,
    consequences: u8,
    acceptance: u8,
}

impl RiskCriteria {
    /// The criteria, when the matrix is 3 to 5 levels each way and the acceptance level
    /// lies inside it.
    pub fn new(likelihoods: u8, consequences: u8, acceptance: u8) -> Option<RiskCriteria> {
        let sizes = matches!((likelihoods, consequences), (3..=5, 3..=5));
        (sizes && acceptance != 0 && acceptance <= likelihoods * consequences).then_some(
            RiskCriteria {
                likelihoods,
                consequences,
                acceptance,
            },
        )
    }

    /// Likelihood levels.
    pub fn likelihoods(self) -> u8 {
        self.likelihoods
    }

    /// Consequence levels.
    pub fn consequences(self) -> u8 {
        self.consequences
    }

    /// The highest accepted level.
    pub fn acceptance(self) -> u8 {
        self.acceptance
    }

    /// Whether a risk of this likelihood and consequence lies above the acceptance
    /// level (values off the matrix count as its highest, never as acceptable).
    pub fn above(self, likelihood: u8, consequence: u8) -> bool {
        let l = likelihood.clamp(1, self.likelihoods);
        let c = consequence.clamp(1, self.consequences);
        let off_matrix = likelihood > self.likelihoods || consequence > self.consequences;
        off_matrix || l * c > self.acceptance
    }
}

/// Where a risk comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RiskSource {
    /// An AI system.
    System(RecordId),
    /// A harm in an AI system's impact assessment (its position among the effects).
    Harm(RecordId, usize),
    /// An objective or risk source of Annex C, by its name.
    AnnexC(String),
}

/// A risk treatment option (clause 6.1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Treatment {
    /// Modify the risk (controls).
    Modify,
    /// Avoid it.
    Avoid,
    /// Share it.
    Share,
    /// Retain it.
    Retain,
}

/// One AI risk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Risk {
    /// Its id.
    pub id: RecordId,
    /// What it is.
    pub title: String,
    /// Where it comes from.
    pub source: RiskSource,
    /// Likelihood on the criteria's scale.
    pub likelihood: u8,
    /// Consequence on the criteria's scale.
    pub consequence: u8,
    /// The treatment chosen.
    pub treatment: Option<Treatment>,
    /// The Annex A controls that treat it.
    pub controls: Vec<ItemId>,
    /// The organization's own controls that treat it.
    pub own_controls: Vec<String>,
    /// Who owns it.
    pub owner: String,
    /// Likelihood and consequence after treatment.
    pub residual: Option<(u8, u8)>,
    /// The acceptance of the residual risk.
    pub acceptance: Option<Approval>,
    /// No longer open (its source is gone); kept for the record.
    pub closed: bool,
}

/// The most records of each register a file can hold.
pub const MAX_RECORDS: usize = 5_000;

/// The kind of an evidence record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceKind {
    /// A document.
    Document,
    /// A record.
    Record,
    /// A system configuration.
    Configuration,
    /// An interview note.
    Interview,
}

/// A file kept with an evidence record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRef {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, lowercase hex.
    pub sha256: String,
}

/// One piece of evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// Its id.
    pub id: RecordId,
    /// What it is.
    pub title: String,
    /// Its kind.
    pub kind: EvidenceKind,
    /// Who owns it.
    pub owner: String,
    /// Its date (`None`: imported from a free-text reference without one).
    pub date: Option<Date>,
    /// When it must be reviewed by.
    pub review_by: Option<Date>,
    /// Where it lives (a reference or a path).
    pub location: String,
    /// The file itself, when kept in the browser.
    pub file: Option<FileRef>,
    /// The clause requirements and controls it supports.
    pub supports: Vec<ItemId>,
}

impl Evidence {
    /// Past its review-by date on `today`: it no longer counts.
    pub fn stale(&self, today: Date) -> bool {
        self.review_by.is_some_and(|by| by < today)
    }
}

/// The names a unit-like enum has in exports: `ALL` (in the order lists show them),
/// `as_str` and `parse`.
macro_rules! export_names {
    ($t:ident { $($v:ident => $name:literal),+ $(,)? }) => {
        impl $t {
            /// Every value, in the order lists show them.
            pub const ALL: [$t; [$($name),+].len()] = [$($t::$v),+];

            /// The name used in exports.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($t::$v => $name),+
                }
            }

            /// The value an export names, if any.
            pub fn parse(s: &str) -> Option<$t> {
                $t::ALL.into_iter().find(|v| v.as_str() == s)
            }
        }
    };
}

export_names!(LifeCycleStage {
    Inception => "inception",
    DesignAndDevelopment => "design_and_development",
    VerificationAndValidation => "verification_and_validation",
    Deployment => "deployment",
    OperationAndMonitoring => "operation_and_monitoring",
    ReEvaluation => "re_evaluation",
    Retirement => "retirement",
});

export_names!(EuAiActClass {
    NotJudged => "not_judged",
    Prohibited => "prohibited",
    HighRisk1 => "high_risk_1",
    HighRisk2 => "high_risk_2",
    HighRisk3 => "high_risk_3",
    HighRisk4 => "high_risk_4",
    HighRisk5 => "high_risk_5",
    HighRisk6 => "high_risk_6",
    HighRisk7 => "high_risk_7",
    HighRisk8 => "high_risk_8",
    Transparency => "transparency",
    Minimal => "minimal",
});

export_names!(EffectKind {
    Benefit => "benefit",
    Harm => "harm",
});

export_names!(Treatment {
    Modify => "modify",
    Avoid => "avoid",
    Share => "share",
    Retain => "retain",
});

export_names!(EvidenceKind {
    Document => "document",
    Record => "record",
    Configuration => "configuration",
    Interview => "interview",
});

/// The registers as an assessment keeps them: the file's four members (`ai_systems`,
/// `risk_criteria`, `risks`, `evidence`, in that order), each as JSON already checked
/// and in canonical form, `None` when empty. Made only by the import: from the typed
/// reader's output where the engine reads registers, or taken as they are from text
/// whose registers were checked before (`import_keeping`). Written back unchanged, so
/// a build that does not read registers never loses them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept(pub [Option<serde_json::Value>; 4]);

impl Kept {
    /// No register has a record.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

/// The registers of one assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registers {
    /// The AI systems.
    pub ai_systems: Vec<AiSystem>,
    /// The risk criteria, once defined.
    pub risk_criteria: Option<RiskCriteria>,
    /// The AI risks.
    pub risks: Vec<Risk>,
    /// The evidence records.
    pub evidence: Vec<Evidence>,
}

impl Registers {
    /// Whether `risk` is open and above the acceptance level (with no criteria defined
    /// yet, every open risk is: nothing can be called acceptable without them).
    pub fn above_acceptance(&self, risk: &Risk) -> bool {
        !risk.closed
            && self
                .risk_criteria
                .is_none_or(|c| c.above(risk.likelihood, risk.consequence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_uuids_only() {
        assert!(RecordId::parse("0b7c1f0e-3d2a-4c5b-9e8f-1a2b3c4d5e6f").is_some());
        for bad in [
            "R-3",
            "0B7C1F0E-3D2A-4C5B-9E8F-1A2B3C4D5E6F",
            "0b7c1f0e-3d2a-1c5b-9e8f-1a2b3c4d5e6f",
            "0b7c1f0e-3d2a-4c5b-7e8f-1a2b3c4d5e6f",
            "0b7c1f0e3d2a4c5b9e8f1a2b3c4d5e6f",
            "",
        ] {
            assert!(RecordId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn criteria_are_3x3_to_5x5_with_an_acceptance_level_inside() {
        assert!(RiskCriteria::new(3, 3, 4).is_some());
        assert!(RiskCriteria::new(5, 4, 20).is_some());
        assert!(RiskCriteria::new(2, 3, 4).is_none());
        assert!(RiskCriteria::new(3, 6, 4).is_none());
        assert!(RiskCriteria::new(3, 3, 10).is_none());
        assert!(RiskCriteria::new(3, 3, 0).is_none());
        let c = RiskCriteria::new(5, 5, 6).expect("valid");
        assert!(!c.above(2, 3), "6 is accepted");
        assert!(c.above(7, 1), "off the matrix is never acceptable");
    }

    #[test]
    fn an_approval_names_somebody_and_evidence_goes_stale_after_its_review_date() {
        let day = |t| Date::parse(t).expect("a date");
        assert!(!Approval {
            by: " - ".into(),
            on: day("2026-12-01")
        }
        .counts());
        assert!(Approval {
            by: "Jo Smith, CISO".into(),
            on: day("2026-12-01")
        }
        .counts());
        let e = Evidence {
            id: RecordId::parse("0b7c1f0e-3d2a-4c5b-9e8f-1a2b3c4d5e6f").expect("id"),
            title: "AI policy v2".into(),
            kind: EvidenceKind::Document,
            owner: String::new(),
            date: None,
            review_by: Some(day("2026-12-06")),
            location: String::new(),
            file: None,
            supports: Vec::new(),
        };
        assert!(!e.stale(day("2026-12-06")), "due today still counts");
        assert!(e.stale(day("2026-12-07")));
    }
}
