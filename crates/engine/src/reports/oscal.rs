//! The assessment as an OSCAL 1.2.1 assessment-results document (docs/oscal.md): one
//! result; per in-scope item an observation (its level, target and evidenced level as
//! properties in our namespace, its evidence references) and a finding whose target is
//! satisfied exactly when the item meets the audit bar with evidence; per excluded
//! control a finding marked not applicable with its justification.
//!
//! Every uuid is a version-5 uuid derived from the assessment's id and the part it
//! names, so the same export gives the same document in the app and in `aims-score`.

use crate::format::json::Writer;
use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId, ItemKind};
use crate::model::level::MaturityLevel;
use crate::rules::scoring::evidenced_level;
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

fn prop(w: &mut Writer, name: &str, value: &str) {
    w.begin_object();
    w.key("name").string(name);
    w.key("ns").string(NAMESPACE);
    w.key("value").string(value);
    w.end_object();
}

fn level_text(level: Option<MaturityLevel>) -> String {
    level.map_or_else(|| "unanswered".to_owned(), |l| l.to_string())
}

/// The assessment as an OSCAL assessment-results document (pretty JSON).
pub fn assessment_results(catalog: &Catalog, a: &Assessment) -> String {
    let uuid = |part: &str| uuid_v5(&format!("{}/{part}", a.id));
    let plan_resource = uuid("no-assessment-plan");
    let organization = a.organization.trim();
    let title = |i: ItemId| catalog.item(i).label();
    let kind = |i: ItemId| catalog.item(i).kind.as_str();
    let (in_scope, excluded): (Vec<ItemId>, Vec<ItemId>) =
        catalog.item_ids().partition(|&i| a.in_scope(catalog, i));

    let mut w = Writer::pretty();
    w.begin_object();
    w.key("assessment-results").begin_object();
    w.key("uuid").string(&uuid("assessment-results"));
    w.key("metadata").begin_object();
    let subject = if organization.is_empty() {
        a.name.trim()
    } else {
        organization
    };
    w.key("title").string(&one_line(&format!(
        "{} readiness self-assessment{}{}",
        catalog.title,
        if subject.is_empty() { "" } else { ": " },
        subject
    )));
    w.key("last-modified").string(a.updated.as_str());
    w.key("version").string(a.updated.as_str());
    w.key("oscal-version").string(OSCAL_VERSION);
    if !organization.is_empty() {
        w.key("parties").begin_array().begin_object();
        w.key("uuid").string(&uuid("organization"));
        w.key("type").string("organization");
        w.key("name").string(&one_line(organization));
        w.end_object().end_array();
    }
    w.end_object();
    w.key("import-ap").begin_object();
    w.key("href").string(&format!("#{plan_resource}"));
    w.key("remarks").string(
        "There is no OSCAL assessment plan: this is a self-assessment made with aims-readiness.",
    );
    w.end_object();

    w.key("results").begin_array().begin_object();
    w.key("uuid").string(&uuid("result"));
    w.key("title")
        .string(&format!("{} readiness", catalog.title));
    w.key("description").string(
        "Self-assessed maturity (0-5) of the clause requirements and Annex A controls, with the evidence recorded for each. Level 3 with evidence is the certification audit bar.",
    );
    w.key("start").string(a.created.as_str());
    w.key("end").string(a.updated.as_str());
    w.key("reviewed-controls").begin_object();
    w.key("control-selections").begin_array().begin_object();
    w.key("description")
        .string("Clauses 4 to 10 and the Annex A controls of the Statement of Applicability.");
    w.key("include-controls").begin_array();
    for &i in &in_scope {
        w.begin_object()
            .key("control-id")
            .string(&control_id(catalog, i))
            .end_object();
    }
    w.end_array();
    if !excluded.is_empty() {
        w.key("exclude-controls").begin_array();
        for &i in &excluded {
            w.begin_object()
                .key("control-id")
                .string(&control_id(catalog, i))
                .end_object();
        }
        w.end_array();
    }
    w.end_object().end_array();
    w.end_object();

    w.key("observations").begin_array();
    for &i in &in_scope {
        let ans = a.answer(i);
        let evidence: Vec<&str> = ans
            .evidence
            .iter()
            .map(|e| e.trim())
            .filter(|e| !e.is_empty())
            .collect();
        let evidenced = evidenced_level(ans.maturity, !evidence.is_empty());
        w.begin_object();
        w.key("uuid")
            .string(&uuid(&format!("observation/{}", catalog.item(i).id)));
        w.key("title").string(&title(i));
        w.key("description").string(&match ans.maturity {
            Some(l) => format!("Level {l}: {}.", l.name()),
            None => "Not assessed yet.".to_owned(),
        });
        w.key("props").begin_array();
        prop(&mut w, "item-kind", kind(i));
        prop(&mut w, "maturity-level", &level_text(ans.maturity));
        prop(&mut w, "target-level", &ans.target.number().to_string());
        prop(&mut w, "evidenced-level", &level_text(evidenced));
        w.end_array();
        // Evidence referenced: the auditor can examine it; otherwise it is a claim.
        let method = if evidence.is_empty() {
            "INTERVIEW"
        } else {
            "EXAMINE"
        };
        w.key("methods").begin_array().string(method).end_array();
        w.key("types")
            .begin_array()
            .string("control-objective")
            .end_array();
        if !evidence.is_empty() {
            w.key("relevant-evidence").begin_array();
            for e in evidence {
                w.begin_object().key("description").string(e).end_object();
            }
            w.end_array();
        }
        w.key("collected").string(a.updated.as_str());
        w.end_object();
    }
    w.end_array();

    w.key("findings").begin_array();
    for i in catalog.item_ids() {
        let ans = a.answer(i);
        let control = catalog.item(i).kind == ItemKind::Control;
        let scoped = a.in_scope(catalog, i);
        w.begin_object();
        w.key("uuid")
            .string(&uuid(&format!("finding/{}", catalog.item(i).id)));
        w.key("title").string(&title(i));
        let evidenced = evidenced_level(ans.maturity, !ans.evidence.is_empty());
        let satisfied = evidenced.is_some_and(|l| l >= MaturityLevel::AUDIT_READY);
        w.key("description").string(&if !scoped {
            "Excluded from the Statement of Applicability.".to_owned()
        } else if satisfied {
            "At level 3 or above with evidence: meets the certification audit bar.".to_owned()
        } else if let Some(l) = evidenced {
            format!("Evidenced level {l} is below level 3, the certification audit bar.")
        } else {
            "Not assessed yet, so below level 3, the certification audit bar.".to_owned()
        });
        w.key("props").begin_array();
        prop(&mut w, "item-kind", kind(i));
        if control {
            prop(
                &mut w,
                "applicability",
                if scoped { "included" } else { "excluded" },
            );
        }
        w.end_array();
        w.key("target").begin_object();
        w.key("type").string("objective-id");
        w.key("target-id").string(&control_id(catalog, i));
        if scoped {
            w.key("status").begin_object();
            w.key("state").string(if satisfied {
                "satisfied"
            } else {
                "not-satisfied"
            });
            w.key("reason")
                .string(if satisfied { "pass" } else { "fail" });
            w.end_object();
        } else {
            w.key("implementation-status").begin_object();
            w.key("state").string("not-applicable");
            w.key("remarks").string(ans.justification.trim());
            w.end_object();
        }
        w.end_object();
        if scoped {
            w.key("related-observations").begin_array().begin_object();
            w.key("observation-uuid")
                .string(&uuid(&format!("observation/{}", catalog.item(i).id)));
            w.end_object().end_array();
        }
        if control && scoped {
            let reason = ans.justification.trim();
            w.key("remarks").string(&if ans.excluded {
                "Marked excluded without a justification, so it stays in scope.".to_owned()
            } else if reason.is_empty() {
                "Included; no reason recorded in the Statement of Applicability.".to_owned()
            } else {
                format!("Included: {reason}")
            });
        }
        w.end_object();
    }
    w.end_array();
    w.end_object().end_array();

    w.key("back-matter").begin_object();
    w.key("resources").begin_array().begin_object();
    w.key("uuid").string(&plan_resource);
    w.key("title").string("No assessment plan");
    w.key("description")
        .string("This self-assessment was not made against an OSCAL assessment plan.");
    w.end_object().end_array();
    w.end_object();
    w.end_object();
    w.end_object();
    w.finish_line()
}

/// Line breaks folded into spaces (OSCAL titles and names are single lines).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
