//! The registers as CSV, for the audit pack: the AI systems, the risks and the evidence
//! records, one row each. The columns are the file format's field names (language-neutral,
//! as a spreadsheet or another tool reads them); values as the format writes them, lists
//! joined with "; ", related records by title rather than id where a person reads it.

use crate::format::registers::open;
use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId};
use crate::model::registers::{Approval, RiskSource};
use crate::reports::csv::Csv;

/// The items named, by id, joined.
fn items(catalog: &Catalog, list: &[ItemId]) -> String {
    list.iter()
        .map(|&i| catalog.item(i).id.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// An approval's who and when (empty when there is none).
fn approval(a: &Option<Approval>) -> [String; 2] {
    a.as_ref().map_or([String::new(), String::new()], |a| {
        [a.by.clone(), a.on.to_string()]
    })
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The three registers' CSV files, each `None` when the register is empty: the AI
/// systems (with their impact assessment's state), the risks, the evidence records.
pub fn csv(catalog: &Catalog, a: &Assessment) -> [Option<String>; 3] {
    let r = open(catalog, &a.registers);
    let systems = (!r.ai_systems.is_empty()).then(|| {
        let mut out = Csv::new(&[
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
            "impact_assessment",
            "impact_approved_by",
            "impact_approved_on",
            "impact_next_review",
        ]);
        for s in &r.ai_systems {
            let impact = s.impact.as_ref();
            let state = match impact {
                None => "none",
                Some(i) if i.approved() => "approved",
                Some(_) => "not approved",
            };
            let [by, on] = approval(&impact.and_then(|i| i.approval.clone()));
            out.row(&[
                s.id.as_str(),
                &s.name,
                &s.owner,
                &s.purpose,
                s.role.as_str(),
                s.stage.as_str(),
                &s.data_categories.join("; "),
                yes(s.personal_data),
                &s.affected,
                &s.risk_tier,
                s.eu_ai_act.as_str(),
                yes(s.in_scope),
                state,
                &by,
                &on,
                &impact
                    .and_then(|i| i.next_review)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]);
        }
        out.finish()
    });
    let system_name = |id: &crate::model::registers::RecordId| {
        r.ai_systems
            .iter()
            .find(|s| s.id == *id)
            .map_or(String::new(), |s| s.name.clone())
    };
    let risks = (!r.risks.is_empty()).then(|| {
        let mut out = Csv::new(&[
            "id",
            "title",
            "source",
            "likelihood",
            "consequence",
            "above_acceptance",
            "treatment",
            "controls",
            "own_controls",
            "owner",
            "residual_likelihood",
            "residual_consequence",
            "accepted_by",
            "accepted_on",
            "closed",
        ]);
        for k in &r.risks {
            let source = match &k.source {
                RiskSource::System(id) => format!("system: {}", system_name(id)),
                RiskSource::Harm(id, n) => format!("harm {n} of {}", system_name(id)),
                RiskSource::AnnexC(text) => format!("annex_c: {text}"),
            };
            let (rl, rc) = k.residual.map_or((String::new(), String::new()), |(l, c)| {
                (l.to_string(), c.to_string())
            });
            let [by, on] = approval(&k.acceptance);
            out.row(&[
                k.id.as_str(),
                &k.title,
                &source,
                &k.likelihood.to_string(),
                &k.consequence.to_string(),
                yes(r.above_acceptance(k)),
                k.treatment.map_or("", |t| t.as_str()),
                &items(catalog, &k.controls),
                &k.own_controls.join("; "),
                &k.owner,
                &rl,
                &rc,
                &by,
                &on,
                yes(k.closed),
            ]);
        }
        out.finish()
    });
    let evidence = (!r.evidence.is_empty()).then(|| {
        let mut out = Csv::new(&[
            "id",
            "title",
            "kind",
            "owner",
            "date",
            "review_by",
            "location",
            "file_name",
            "file_sha256",
            "supports",
        ]);
        for e in &r.evidence {
            let date =
                |d: Option<crate::model::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
            out.row(&[
                e.id.as_str(),
                &e.title,
                e.kind.as_str(),
                &e.owner,
                &date(e.date),
                &date(e.review_by),
                &e.location,
                e.file.as_ref().map_or("", |f| f.name.as_str()),
                e.file.as_ref().map_or("", |f| f.sha256.as_str()),
                &items(catalog, &e.supports),
            ]);
        }
        out.finish()
    });
    [systems, risks, evidence]
}
