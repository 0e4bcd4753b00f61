//! The AI systems the scope screen used to list by name (a profile's `ai_systems`)
//! become records of the AI system register (issue 22): the register replaces the list.
//! A name read from a file of an earlier build becomes a system in scope, its role the
//! first the organization's profile names (AI customer where it names none), its
//! life-cycle stage operation and monitoring, its EU AI Act class not judged: defaults
//! the Systems screen shows for the person to confirm. In scope without an approved
//! impact assessment, it holds back what such a system holds back
//! (`system_without_impact_assessment`): a list of names never answered for that.
//!
//! Like a record made from an evidence reference, its id is derived from the
//! assessment's id and the name ([`evidence_refs::reference_id`]), so two tabs or two
//! imports of one file make one system. Written in the registers' canonical form, for
//! the full app, which does not carry their reader.

use crate::model::evidence_refs::{self, RegisterFull};
use crate::model::registers::{Kept, MAX_RECORDS};
use serde_json::Value;

/// The register's position in [`Kept`].
const SYSTEMS: usize = 0;

/// A system made from a name, in the registers' canonical form (every field, in the
/// format's order: `format::registers`), with `{id}`, `{name}` and `{role}` as JSON
/// strings.
const RECORD: &str = r#"{"id":{id},"name":{name},"owner":"","purpose":"","role":{role},"stage":"operation_and_monitoring","data_categories":[],"personal_data":false,"affected":"","risk_tier":"","eu_ai_act":"not_judged","in_scope":true,"impact_assessment":null}"#;

/// The id of the AI system made from `name` in assessment `assessment_id` (the unit
/// separator keeps it apart from an evidence reference's).
pub fn system_id(assessment_id: &str, name: &str) -> String {
    evidence_refs::reference_id(&format!("{assessment_id}\u{1f}system"), name)
}

/// Adds the AI system named `name` (trimmed; blank adds nothing) to the register in
/// `kept`, with `role` (an AI role's name) and the defaults above, unless a system of
/// that id or name is there already: `true` when one was added.
pub fn add(
    kept: &mut Kept,
    assessment_id: &str,
    name: &str,
    role: &str,
) -> Result<bool, RegisterFull> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(false);
    }
    let id = system_id(assessment_id, name);
    let register = kept.0[SYSTEMS].get_or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(list) = register else {
        return Ok(false);
    };
    let is = |r: &Value, key: &str, value: &str| r.get(key).and_then(Value::as_str) == Some(value);
    if list.iter().any(|r| is(r, "id", &id) || is(r, "name", name)) {
        return Ok(false);
    }
    if list.len() >= MAX_RECORDS {
        return Err(RegisterFull);
    }
    let quoted = |text: &str| Value::from(text).to_string();
    // The name last: what it says is never taken for a placeholder.
    let text = RECORD
        .replace("{id}", &quoted(&id))
        .replace("{role}", &quoted(role))
        .replace("{name}", &quoted(name));
    // The template is JSON and the values are quoted as JSON: it always reads.
    let Ok(record) = serde_json::from_str(&text) else {
        return Ok(false);
    };
    list.push(record);
    Ok(true)
}

/// The names of the register's AI systems in scope, in its order (for the scope
/// screen, which lists them and links to the register).
pub fn in_scope(kept: &Kept) -> impl Iterator<Item = &str> {
    let list = kept.0[SYSTEMS].as_ref().and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .filter(|s| s.get("in_scope").and_then(Value::as_bool) != Some(false))
        .filter_map(|s| s.get("name").and_then(Value::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registers::RecordId;

    #[test]
    fn a_name_becomes_one_system_in_scope_with_defaults_to_confirm() {
        let mut kept = Kept::default();
        assert_eq!(
            add(&mut kept, "a", " Support chatbot ", "ai_provider"),
            Ok(true)
        );
        assert_eq!(
            add(&mut kept, "a", "Support chatbot", "ai_customer"),
            Ok(false)
        );
        assert_eq!(add(&mut kept, "a", "  ", "ai_customer"), Ok(false));
        let list = kept.0[SYSTEMS]
            .as_ref()
            .and_then(Value::as_array)
            .expect("a register");
        assert_eq!(list.len(), 1);
        let s = &list[0];
        assert!(RecordId::parse(s["id"].as_str().unwrap_or_default()).is_some());
        assert_ne!(s["id"], evidence_refs::reference_id("a", "Support chatbot"));
        assert_eq!(s["name"], "Support chatbot");
        assert_eq!(
            (s["role"].as_str(), s["stage"].as_str()),
            (Some("ai_provider"), Some("operation_and_monitoring"))
        );
        assert_eq!(
            (s["eu_ai_act"].as_str(), s["in_scope"].as_bool()),
            (Some("not_judged"), Some(true))
        );
        assert!(s["impact_assessment"].is_null());
        let keys: Vec<&str> = s
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(
            keys,
            [
                "id",
                "name",
                "owner",
                "purpose",
                "role",
                "stage",
                "data_categories",
                "personal_data",
                "affected",
                "risk_tier",
                "eu_ai_act",
                "in_scope",
                "impact_assessment"
            ]
        );
        // A name that needs quoting, or looks like a placeholder, is kept as it is.
        let odd = "Bot \"Ada\" {name} {role}";
        add(&mut kept, "a", odd, "ai_customer").expect("room");
        add(&mut kept, "a", "Retired model", "ai_customer").expect("room");
        if let Some(s) = kept.0[SYSTEMS].as_mut().and_then(|l| l.get_mut(2)) {
            s["in_scope"] = Value::Bool(false);
        }
        assert_eq!(
            in_scope(&kept).collect::<Vec<_>>(),
            ["Support chatbot", odd]
        );
    }
}
