//! The assessment as an OSCAL 1.2.1 assessment-results document (docs/oscal.md): one
//! result; per in-scope item an observation (its level, target and evidenced level as
//! properties in our namespace, its evidence references) and a finding whose target is
//! satisfied exactly when the scoring model counts the item as conforming today; per excluded
//! control a finding marked not applicable with its justification.
//!
//! Every uuid is a version-5 uuid derived from the assessment's id and the part it
//! names, so the same export gives the same document in the app and in `aims-score`.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId, ItemKind};
use crate::model::evidence_refs;
use crate::model::level::MaturityLevel;
use crate::reports::json_out::pretty_line;
use crate::rules::registers::RegisterFacts;
use crate::rules::scoring::{conforms, evidenced_level};
use crate::text::messages::Texts;
use serde::Serialize;
use uuid::Uuid;

/// The OSCAL version of the document (that of compliance-trestle 5.2.0's models, which
/// validate it in the test command).
pub const OSCAL_VERSION: &str = "1.2.1";

/// The namespace of our properties. An identifier, not an address: nothing is fetched.
pub const NAMESPACE: &str = "https://aims-readiness.invalid/ns/oscal";

/// Our namespace for version-5 uuids (itself a random version-4 uuid, fixed forever).
const UUID_NAMESPACE: Uuid = Uuid::from_bytes([
    0x6f, 0x1c, 0x2b, 0x8e, 0x4d, 0x3a, 0x4f, 0x55, 0x9a, 0x0e, 0x7b, 0x21, 0xc4, 0x5d, 0x88, 0x13,
]);

/// The version-5 uuid of `name` in our namespace, as text.
pub fn uuid_v5(name: &str) -> String {
    Uuid::new_v5(&UUID_NAMESPACE, name.as_bytes()).to_string()
}

/// The OSCAL token for an item: `iso42001-` and its id (a token cannot start with a digit).
fn control_id(catalog: &Catalog, item: ItemId) -> String {
    format!("iso42001-{}", catalog.item(item).id)
}

/// The uuid of a part of the document: the same assessment id and part, the same uuid.
fn part_uuid(a: &Assessment, part: &str) -> String {
    uuid_v5(&format!("{}/{part}", a.id))
}

fn level_text(level: Option<MaturityLevel>) -> String {
    level.map_or_else(|| "unanswered".to_owned(), |l| l.to_string())
}

// The document's model, member by member in the order written. OSCAL names members in
// kebab-case; members the document leaves out when empty are skipped, not `null`.

#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "assessment-results")]
    assessment_results: AssessmentResults<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct AssessmentResults<'a> {
    uuid: String,
    metadata: Metadata<'a>,
    import_ap: ImportAp,
    results: [AssessmentResult<'a>; 1],
    back_matter: BackMatter,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Metadata<'a> {
    title: String,
    last_modified: &'a str,
    version: &'a str,
    oscal_version: &'static str,
    /// What made the document: [`crate::GENERATOR`] as a `generator` property.
    props: [Prop; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parties: Vec<Party>,
}

#[derive(Serialize)]
struct Party {
    uuid: String,
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
struct ImportAp {
    href: String,
    remarks: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct AssessmentResult<'a> {
    uuid: String,
    title: String,
    description: &'static str,
    start: &'a str,
    end: &'a str,
    reviewed_controls: ReviewedControls,
    observations: Vec<Observation<'a>>,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ReviewedControls {
    control_selections: [ControlSelection; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ControlSelection {
    description: &'static str,
    include_controls: Vec<ControlRef>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    exclude_controls: Vec<ControlRef>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ControlRef {
    control_id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Observation<'a> {
    uuid: String,
    title: String,
    description: String,
    props: Vec<Prop>,
    methods: [&'static str; 1],
    types: [&'static str; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relevant_evidence: Vec<Evidence>,
    collected: &'a str,
}

/// A property in our namespace.
#[derive(Serialize)]
struct Prop {
    name: &'static str,
    ns: &'static str,
    value: String,
}

fn prop(name: &'static str, value: impl Into<String>) -> Prop {
    Prop {
        name,
        ns: NAMESPACE,
        value: value.into(),
    }
}

#[derive(Serialize)]
struct Evidence {
    description: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Finding<'a> {
    uuid: String,
    title: String,
    description: String,
    props: Vec<Prop>,
    target: Target<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_observations: Vec<RelatedObservation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
}

/// What a finding is about: a satisfied or not-satisfied status when the control is in
/// scope, an implementation status of not applicable when it is excluded.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Target<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    target_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    implementation_status: Option<ImplementationStatus<'a>>,
}

#[derive(Serialize)]
struct Status {
    state: &'static str,
    reason: &'static str,
}

#[derive(Serialize)]
struct ImplementationStatus<'a> {
    state: &'static str,
    remarks: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RelatedObservation {
    observation_uuid: String,
}

#[derive(Serialize)]
struct BackMatter {
    resources: [Resource; 1],
}

#[derive(Serialize)]
struct Resource {
    uuid: String,
    title: &'static str,
    description: &'static str,
}

const NO_PLAN_REMARKS: &str =
    "There is no OSCAL assessment plan: this is a self-assessment made with aims-readiness.";

const NO_PLAN_DESCRIPTION: &str =
    "This self-assessment was not made against an OSCAL assessment plan.";

const RESULT_DESCRIPTION: &str = "Self-assessed maturity (0-5) of the clause requirements and Annex A controls, with the evidence recorded for each. Level 3 with evidence is the certification audit bar.";

/// The assessment as an OSCAL assessment-results document (pretty JSON).
pub fn assessment_results(catalog: &Catalog, a: &Assessment) -> String {
    let plan_resource = part_uuid(a, "no-assessment-plan");
    pretty_line(&Document {
        assessment_results: AssessmentResults {
            uuid: part_uuid(a, "assessment-results"),
            metadata: metadata(catalog, a),
            import_ap: ImportAp {
                href: format!("#{plan_resource}"),
                remarks: NO_PLAN_REMARKS,
            },
            results: [result(catalog, a)],
            back_matter: BackMatter {
                resources: [Resource {
                    uuid: plan_resource,
                    title: "No assessment plan",
                    description: NO_PLAN_DESCRIPTION,
                }],
            },
        },
    })
}

fn metadata<'a>(catalog: &Catalog, a: &'a Assessment) -> Metadata<'a> {
    let organization = a.organization.trim();
    let subject = if organization.is_empty() {
        a.name.trim()
    } else {
        organization
    };
    let separator = if subject.is_empty() { "" } else { ": " };
    let parties = if organization.is_empty() {
        Vec::new()
    } else {
        vec![Party {
            uuid: part_uuid(a, "organization"),
            kind: "organization",
            name: one_line(organization),
        }]
    };
    Metadata {
        title: one_line(&format!(
            "{} readiness self-assessment{separator}{subject}",
            catalog.title
        )),
        last_modified: a.updated.as_str(),
        version: a.updated.as_str(),
        oscal_version: OSCAL_VERSION,
        props: [prop("generator", crate::GENERATOR)],
        parties,
    }
}

fn result<'a>(catalog: &Catalog, a: &'a Assessment) -> AssessmentResult<'a> {
    // Judged as of the result's end, the assessment's last change, like its other
    // figures: an evidence record counts if it was current then.
    let registers = RegisterFacts::of(catalog, a, a.updated.date());
    let (in_scope, excluded): (Vec<ItemId>, Vec<ItemId>) =
        catalog.item_ids().partition(|&i| a.in_scope(catalog, i));
    let controls = |items: &[ItemId]| -> Vec<ControlRef> {
        let control = |&i: &ItemId| ControlRef {
            control_id: control_id(catalog, i),
        };
        items.iter().map(control).collect()
    };
    AssessmentResult {
        uuid: part_uuid(a, "result"),
        title: format!("{} readiness", catalog.title),
        description: RESULT_DESCRIPTION,
        start: a.created.as_str(),
        end: a.updated.as_str(),
        reviewed_controls: ReviewedControls {
            control_selections: [ControlSelection {
                description:
                    "Clauses 4 to 10 and the Annex A controls of the Statement of Applicability.",
                include_controls: controls(&in_scope),
                exclude_controls: controls(&excluded),
            }],
        },
        observations: in_scope
            .iter()
            .map(|&i| observation(catalog, a, &registers, i))
            .collect(),
        findings: {
            catalog
                .item_ids()
                .map(|i| finding(catalog, a, &registers, i))
                .collect()
        },
    }
}

fn observation<'a>(
    catalog: &Catalog,
    a: &'a Assessment,
    registers: &RegisterFacts,
    i: ItemId,
) -> Observation<'a> {
    let item = catalog.item(i);
    let ans = a.answer(i);
    let evidence: Vec<Evidence> = evidence_refs::links(catalog, &a.registers, i)
        .iter()
        .map(|link| Evidence {
            description: link.reference(),
        })
        .collect();
    let evidenced = evidenced_level(ans.confirmed(), registers.supports(i));
    // Evidence referenced: the auditor can examine it; otherwise it is a claim.
    let method = if evidence.is_empty() {
        "INTERVIEW"
    } else {
        "EXAMINE"
    };
    Observation {
        uuid: part_uuid(a, &format!("observation/{}", item.id)),
        title: item.label(),
        description: match ans.maturity {
            Some(l) if ans.estimate => format!(
                "Estimated at level {l} by the quick check; not confirmed, so it counts as not assessed."
            ),
            Some(l) => format!("Level {l}: {}.", l.name(Texts::ENGLISH)),
            None => "Not assessed yet.".to_owned(),
        },
        props: vec![
            prop("item-kind", item.kind.as_str()),
            prop("maturity-level", level_text(ans.maturity)),
            prop("target-level", ans.target.number().to_string()),
            prop("evidenced-level", level_text(evidenced)),
        ],
        methods: [method],
        types: ["control-objective"],
        relevant_evidence: evidence,
        collected: a.updated.as_str(),
    }
}

fn finding<'a>(
    catalog: &Catalog,
    a: &'a Assessment,
    registers: &RegisterFacts,
    i: ItemId,
) -> Finding<'a> {
    let item = catalog.item(i);
    let ans = a.answer(i);
    let control = item.kind == ItemKind::Control;
    let scoped = a.in_scope(catalog, i);
    let evidenced = evidenced_level(ans.confirmed(), registers.supports(i));
    // Satisfied exactly when the scoring model counts the item as conforming today.
    let satisfied = conforms(catalog, a, registers, i);
    let mut props = vec![prop("item-kind", item.kind.as_str())];
    if control {
        props.push(prop(
            "applicability",
            if scoped { "included" } else { "excluded" },
        ));
    }
    let related_observations = if scoped {
        vec![RelatedObservation {
            observation_uuid: part_uuid(a, &format!("observation/{}", item.id)),
        }]
    } else {
        Vec::new()
    };
    Finding {
        uuid: part_uuid(a, &format!("finding/{}", item.id)),
        title: item.label(),
        description: finding_description(scoped, satisfied, evidenced),
        props,
        target: target(
            control_id(catalog, i),
            scoped,
            satisfied,
            &ans.justification,
        ),
        related_observations,
        remarks: (control && scoped).then(|| inclusion_remarks(ans.excluded, &ans.justification)),
    }
}

/// Satisfied or not when the item is in scope; not applicable, with the justification,
/// when it is excluded.
fn target(target_id: String, scoped: bool, satisfied: bool, justification: &str) -> Target<'_> {
    let (status, implementation_status) = if scoped {
        let status = if satisfied {
            Status {
                state: "satisfied",
                reason: "pass",
            }
        } else {
            Status {
                state: "not-satisfied",
                reason: "fail",
            }
        };
        (Some(status), None)
    } else {
        let excluded = ImplementationStatus {
            state: "not-applicable",
            remarks: justification.trim(),
        };
        (None, Some(excluded))
    };
    Target {
        kind: "objective-id",
        target_id,
        status,
        implementation_status,
    }
}

fn finding_description(scoped: bool, satisfied: bool, evidenced: Option<MaturityLevel>) -> String {
    if !scoped {
        "Excluded from the Statement of Applicability.".to_owned()
    } else if satisfied {
        "At level 3 or above with evidence: meets the certification audit bar.".to_owned()
    } else if evidenced.is_some_and(|l| l >= MaturityLevel::AUDIT_READY) {
        "At level 3 or above with evidence, but a requirement it builds on is below level 3."
            .to_owned()
    } else if let Some(l) = evidenced {
        format!("Evidenced level {l} is below level 3, the certification audit bar.")
    } else {
        "Not assessed yet, so below level 3, the certification audit bar.".to_owned()
    }
}

/// Why an in-scope control is included, as the Statement of Applicability records it.
fn inclusion_remarks(marked_excluded: bool, justification: &str) -> String {
    let reason = justification.trim();
    if marked_excluded {
        "Marked excluded without a justification, so it stays in scope.".to_owned()
    } else if reason.is_empty() {
        "Included; no reason recorded in the Statement of Applicability.".to_owned()
    } else {
        format!("Included: {reason}")
    }
}

/// Line breaks folded into spaces (OSCAL titles and names are single lines).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_match_the_documented_example() {
        // docs/oscal.md: the same uuid as Python's uuid.uuid5 for this name.
        assert_eq!(
            uuid_v5("f3a9c2e1-5b7d-4e0a-9c1f-2d8e6b4a7c10/result"),
            "0062c531-3487-545c-9a95-267f3edbfc3b"
        );
    }

    #[test]
    fn uuids_are_version_5_and_stable() {
        let u = uuid_v5("a/result");
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "5");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(u, uuid_v5("a/result"));
        assert_ne!(u, uuid_v5("b/result"));
    }
}
