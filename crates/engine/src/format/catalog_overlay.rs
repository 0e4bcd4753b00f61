//! The catalog's texts in another language (`assets/catalog/iso42001.<lang>.json`): the
//! file overlays the English texts of the built-in catalog, keyed by id.

use crate::format::value::Value;
use crate::model::catalog::Catalog;

impl Catalog {
    /// A copy of the catalog with its texts in another language, from a translation file
    /// (`assets/catalog/iso42001.<lang>.json`): every group and item title and summary,
    /// item question, explanation, evidence example and level hint, every document
    /// title and description and every quick-check text must be there and not blank,
    /// with as many evidence examples as in English. Clause titles follow the harmonized
    /// structure's wording in that language; Annex A titles stay English with a marker
    /// such as "(Originaltitel)" (docs/i18n.md). Ids, kinds and crosswalks stay as they
    /// are. Every problem is listed.
    pub fn translated(&self, overlay: &Value) -> Result<Catalog, Vec<String>> {
        let mut out = self.clone();
        let mut problems = Vec::new();
        let entry = |section: &str, id: &str, problems: &mut Vec<String>| {
            let found = overlay.get(section).and_then(|s| s.get(id)).cloned();
            if found.is_none() {
                problems.push(format!("{section}.{id} is missing"));
            }
            found
        };
        let text = |v: &Value, at: &str, key: &str, problems: &mut Vec<String>| -> Option<String> {
            match v.get(key).and_then(Value::as_str) {
                Some(t) if !t.trim().is_empty() => Some(t.to_owned()),
                _ => {
                    problems.push(format!("{at}.{key} is missing or blank"));
                    None
                }
            }
        };
        let texts = |v: &Value, at: &str, key: &str, n: usize, problems: &mut Vec<String>| {
            let list: Vec<String> = match v.get(key) {
                Some(Value::Array(list)) => list
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|t| !t.trim().is_empty())
                    .map(str::to_owned)
                    .collect(),
                _ => Vec::new(),
            };
            if list.len() == n {
                Some(list)
            } else {
                problems.push(format!("{at}.{key} needs {n} texts, has {}", list.len()));
                None
            }
        };
        for g in &mut out.groups {
            let at = format!("groups.{}", g.id);
            if let Some(v) = entry("groups", &g.id, &mut problems) {
                g.title = text(&v, &at, "title", &mut problems).unwrap_or_default();
                g.summary = text(&v, &at, "summary", &mut problems).unwrap_or_default();
            }
        }
        for it in &mut out.items {
            let at = format!("items.{}", it.id);
            let Some(v) = entry("items", &it.id, &mut problems) else {
                continue;
            };
            it.title = text(&v, &at, "title", &mut problems).unwrap_or_default();
            it.question = text(&v, &at, "question", &mut problems).unwrap_or_default();
            it.explanation = text(&v, &at, "explanation", &mut problems).unwrap_or_default();
            it.evidence =
                texts(&v, &at, "evidence", it.evidence.len(), &mut problems).unwrap_or_default();
            if let Some(levels) = texts(&v, &at, "levels", 6, &mut problems) {
                for (slot, level) in it.levels.iter_mut().zip(levels) {
                    *slot = level;
                }
            }
        }
        for d in &mut out.documents {
            let at = format!("documents.{}", d.id);
            if let Some(v) = entry("documents", &d.id, &mut problems) {
                d.title = text(&v, &at, "title", &mut problems).unwrap_or_default();
                d.description = text(&v, &at, "description", &mut problems).unwrap_or_default();
            }
        }
        for q in &mut out.quick {
            let at = format!("quick.{}", q.id);
            if let Some(v) = entry("quick", &q.id, &mut problems) {
                q.topic = text(&v, &at, "topic", &mut problems).unwrap_or_default();
                q.question = text(&v, &at, "question", &mut problems).unwrap_or_default();
                q.help = text(&v, &at, "help", &mut problems).unwrap_or_default();
                q.next_step = text(&v, &at, "next_step", &mut problems).unwrap_or_default();
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }
}
