//! An AI system's impact assessment on the systems screen (issue 22, part 2), following
//! the structure of ISO/IEC 42005 in the product's own words: screening, intended use
//! and foreseeable misuse, who is affected, benefits and harms with their severity and
//! likelihood, measures, residual impact, approval and next review. A harm becomes a
//! risk of the register in one click, linked both ways.
//!
//! Risks name a harm by its system and its place among the effects, so removing an
//! effect moves the later ones' risks along with them, and an effect a risk comes from
//! cannot be removed.

use crate::registers::{control, field, form_close, form_open, levels, Control, Form};
use crate::words::Words;
use aims_engine::model::registers::Registers;
use aims_engine::text::markup::escape;
use aims_engine::Assessment;
use serde_json::{json, Value};
use std::fmt::Write;

/// The system `id`'s place among `a`'s AI systems, and its record.
fn system(a: &Assessment, id: &str) -> Option<(usize, Value)> {
    let list = a.registers.0[0].as_ref()?.as_array()?;
    list.iter()
        .position(|s| s["id"] == id)
        .map(|i| (i, list[i].clone()))
}

/// `a` with the impact assessment of system `id` as the form describes it, and its
/// risks' harm numbers moved along with removed effects; or, when a removed effect is
/// the source of a risk, the reason in the person's words.
pub(crate) fn save(
    w: &Words,
    a: &Assessment,
    id: &str,
    form: &[(String, String)],
) -> Result<Assessment, String> {
    let (s, mut record) = system(a, id).ok_or_else(String::new)?;
    let old = record["impact_assessment"]["effects"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut effects = Vec::new();
    let mut removed = Vec::new();
    for i in 0..=old.len() {
        let f = |k: &str| field(form, &format!("effects.{i}.{k}")).to_owned();
        let description = f("description");
        if i == old.len() && description.is_empty() {
            break;
        }
        if f("remove") == "true" {
            removed.push(i);
            continue;
        }
        effects.push(json!({
            "kind": f("kind"),
            "description": description,
            "severity": crate::registers::number(&f("severity")),
            "likelihood": crate::registers::number(&f("likelihood")),
            "risk": old.get(i).map_or(Value::Null, |e| e["risk"].clone()),
        }));
    }
    let mut b = a.clone();
    if let Some(risks) = b.registers.0[2].as_mut().and_then(Value::as_array_mut) {
        for risk in risks.iter_mut() {
            // `get_mut`, not indexing: indexing would add a `harm` to every source.
            let Some(harm) = risk.get_mut("source").and_then(|s| s.get_mut("harm")) else {
                continue;
            };
            if harm["system"] != id {
                continue;
            }
            let at = harm["effect"].as_u64().unwrap_or(0) as usize;
            if removed.contains(&at) {
                return Err(escape(w.m.registers_impact_harm_has_risk));
            }
            harm["effect"] = Value::from(at - removed.iter().filter(|r| **r < at).count());
        }
    }
    let text = |k: &str| Value::String(field(form, k).to_owned());
    record["impact_assessment"] = json!({
        "full_needed": field(form, "full_needed") == "true",
        "screening_reason": text("screening_reason"),
        "intended_use": text("intended_use"),
        "misuse": text("misuse"),
        "affected": crate::registers::lines(field(form, "affected")),
        "effects": effects,
        "measures": text("measures"),
        "residual": text("residual"),
        "approval": crate::registers::approval(form, "approval"),
        "next_review": crate::registers::date(field(form, "next_review")),
    });
    if let Some(list) = b.registers.0[0].as_mut().and_then(Value::as_array_mut) {
        list[s] = record;
    }
    Ok(b)
}

/// `a` with the harm `target` (`<system id>:<effect>`) turned into a new risk `new_id`
/// (its description as title, its likelihood, its severity as consequence), the harm
/// linked to it; and the risk's title. `None` when it is not a harm without a risk.
pub(crate) fn harm_to_risk(
    a: &Assessment,
    target: &str,
    new_id: &str,
) -> Option<(Assessment, String)> {
    let (id, at) = target.rsplit_once(':')?;
    let at: usize = at.parse().ok()?;
    let (s, mut record) = system(a, id)?;
    let effect = record["impact_assessment"]["effects"].get_mut(at)?;
    if effect["kind"] != "harm" || !effect["risk"].is_null() {
        return None;
    }
    let title: String = effect["description"].as_str()?.chars().take(200).collect();
    let risk = json!({
        "id": new_id,
        "title": title.trim(),
        "source": { "harm": { "system": id, "effect": at } },
        "likelihood": effect["likelihood"].clone(),
        "consequence": effect["severity"].clone(),
        "treatment": null,
        "controls": [],
        "own_controls": [],
        "owner": "",
        "residual": null,
        "acceptance": null,
        "closed": false,
    });
    effect["risk"] = Value::String(new_id.to_owned());
    let mut b = a.clone();
    if let Some(list) = b.registers.0[0].as_mut().and_then(Value::as_array_mut) {
        list[s] = record;
    }
    let mut risks = b.registers.0[2]
        .take()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    risks.push(risk);
    b.registers.0[2] = Some(Value::Array(risks));
    Some((b, title.trim().to_owned()))
}

/// The impact assessment's form for the system of `form.target`.
pub(crate) fn draw(out: &mut String, w: &Words, r: &Registers, form: &Form, name: &str) {
    let m = w.m;
    let ia = &form.record;
    let v = |k: &str| ia.get(k).cloned().unwrap_or(Value::Null);
    let sub = |k: &str, s: &str| {
        ia.get(k)
            .and_then(|x| x.get(s))
            .cloned()
            .unwrap_or(Value::Null)
    };
    form_open(
        out,
        form,
        &w.fill(m.registers_impact_title, &[("name", name)]),
        "impact_save",
    );
    let _ = write!(out, "<p>{}</p>", escape(m.registers_impact_lead));
    let full = if ia.is_null() {
        Value::Bool(true)
    } else {
        v("full_needed")
    };
    control(
        out,
        form,
        "full_needed",
        m.registers_impact_full_needed,
        None,
        Control::Tick,
        &full,
    );
    control(
        out,
        form,
        "screening_reason",
        m.registers_impact_screening,
        None,
        Control::Long,
        &v("screening_reason"),
    );
    control(
        out,
        form,
        "intended_use",
        m.registers_impact_intended_use,
        None,
        Control::Long,
        &v("intended_use"),
    );
    control(
        out,
        form,
        "misuse",
        m.registers_impact_misuse,
        None,
        Control::Long,
        &v("misuse"),
    );
    control(
        out,
        form,
        "affected",
        m.registers_impact_affected,
        Some(m.registers_list_hint),
        Control::Lines,
        &v("affected"),
    );
    let _ = write!(
        out,
        "<h3 class=\"aims-h3\">{}</h3>",
        escape(m.registers_impact_effects)
    );
    let (lmax, cmax) = r
        .risk_criteria
        .map_or((5, 5), |c| (c.likelihoods(), c.consequences()));
    let effects = v("effects").as_array().cloned().unwrap_or_default();
    for i in 0..=effects.len() {
        let e = effects.get(i).cloned().unwrap_or(Value::Null);
        let legend = if i < effects.len() {
            w.fill(m.registers_impact_effect_n, &[("n", &(i + 1).to_string())])
        } else {
            m.registers_impact_effect_new.to_owned()
        };
        let _ = write!(
            out,
            "<fieldset class=\"aims-panel\"><legend>{}</legend>",
            escape(&legend)
        );
        let name = |k: &str| format!("effects.{i}.{k}");
        let kinds = vec![
            ("harm".to_owned(), m.registers_impact_harm),
            ("benefit".to_owned(), m.registers_impact_benefit),
        ];
        control(
            out,
            form,
            &name("kind"),
            m.registers_impact_kind,
            None,
            Control::Choice(kinds),
            &e["kind"],
        );
        control(
            out,
            form,
            &name("description"),
            m.registers_impact_description,
            None,
            Control::Long,
            &e["description"],
        );
        control(
            out,
            form,
            &name("severity"),
            m.registers_impact_severity,
            None,
            Control::Choice(levels(cmax)),
            &e["severity"],
        );
        control(
            out,
            form,
            &name("likelihood"),
            m.registers_impact_likelihood,
            None,
            Control::Choice(levels(lmax)),
            &e["likelihood"],
        );
        if i < effects.len() {
            control(
                out,
                form,
                &name("remove"),
                m.registers_impact_remove,
                None,
                Control::Tick,
                &Value::Bool(false),
            );
            if e["kind"] == "harm" {
                match e["risk"].as_str() {
                    Some(risk) => {
                        let title = r
                            .risks
                            .iter()
                            .find(|k| k.id.as_str() == risk)
                            .map_or(risk, |k| k.title.as_str());
                        let _ = write!(
                            out,
                            "<p class=\"aims-small\">{}</p>",
                            w.tf(m.registers_impact_linked, &[("risk", title)])
                        );
                    }
                    None => {
                        let _ = write!(
                            out,
                            "<p><button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"harm_risk\" data-target=\"{}:{i}\">{}</button></p>",
                            escape(form.target),
                            escape(m.registers_impact_to_risk)
                        );
                    }
                }
            }
        }
        out.push_str("</fieldset>");
    }
    control(
        out,
        form,
        "measures",
        m.registers_impact_measures,
        None,
        Control::Long,
        &v("measures"),
    );
    control(
        out,
        form,
        "residual",
        m.registers_impact_residual,
        None,
        Control::Long,
        &v("residual"),
    );
    control(
        out,
        form,
        "approval.by",
        m.registers_impact_approved_by,
        None,
        Control::Text,
        &sub("approval", "by"),
    );
    control(
        out,
        form,
        "approval.on",
        m.registers_impact_approved_on,
        None,
        Control::Date,
        &sub("approval", "on"),
    );
    control(
        out,
        form,
        "next_review",
        m.registers_impact_next_review,
        None,
        Control::Date,
        &v("next_review"),
    );
    form_close(out, w);
}
