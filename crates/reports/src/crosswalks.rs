//! The crosswalks screen's body as markup: pick an EU AI Act provision, a NIST AI RMF
//! function or category, or an ISO/IEC 27001 clause, and see which items of the
//! assessment cover it, on what basis, and how many of them conform today.
//! Judgement-based mappings are marked on every row.
//!
//! The app keeps the screen's frame (tabs, title) and the choice: it draws this markup
//! into a place of its own, keeps the framework and reference chosen (`name` and `value`
//! of the controls here) and asks again, and follows the item links (`data-item`)
//! with its own router, so they work in embeds too.

use crate::words::{Labels, Words};
use crate::{read, Unreadable};
use aims_engine::model::catalog::Basis;
use aims_engine::reports::crosswalk::{covering, references, Framework};
use aims_engine::rules::scoring::figure_of;
use aims_engine::text::lang::Lang;
use aims_engine::text::markup::escape;
use aims_engine::{Catalog, Date};
use std::fmt::Write;

/// What to show, as the app hands it over.
pub struct Request<'a> {
    /// The language of the words (the labels come translated).
    pub lang: Lang,
    /// The catalog's labels in that language (see `compare::Request::labels`).
    pub labels: &'a [String],
    /// The assessment's export.
    pub export: &'a [u8],
    /// The framework chosen (`Framework::key`; the first when unknown).
    pub framework: &'a str,
    /// The reference chosen within it (the first when not one of its references).
    pub reference: &'a str,
    /// The day the assessment is scored on.
    pub today: Date,
}

/// The crosswalks' markup for `r`; an export that does not read back or a label list of
/// the wrong length is the app's bug, and says so.
pub fn markup(r: &Request) -> Result<String, Unreadable> {
    let catalog = Catalog::builtin();
    let labels = Labels::split(catalog, r.labels)?;
    let a = read(r.export)?;
    let w = Words::new(r.lang);
    let m = w.m;
    let framework = Framework::parse(r.framework).unwrap_or(Framework::EuAiAct);
    let refs = references(catalog, framework);
    let reference = refs
        .iter()
        .find(|x| *x == r.reference)
        .or(refs.first())
        .cloned()
        .unwrap_or_default();
    let items = covering(catalog, framework, &reference);
    let figure = figure_of(catalog, &a, items.iter().map(|(i, _)| *i), r.today);
    let mut out = format!(
        "<fieldset class=\"aims-segmented\"><legend class=\"aims-sr\">{}</legend>",
        escape(m.crosswalks_framework)
    );
    for f in Framework::ALL {
        let name = match f {
            Framework::EuAiAct => m.crosswalks_eu,
            Framework::NistAiRmf => m.crosswalks_nist,
            Framework::Iso27001 => m.crosswalks_iso27001,
        };
        let on = f == framework;
        let _ = write!(
            out,
            "<label class=\"aims-option aims-option--inline\" data-on=\"{on}\"><input type=\"radio\" name=\"aims-cw-framework\" value=\"{}\"{}> {}</label>",
            f.key(),
            if on { " checked" } else { "" },
            escape(name)
        );
    }
    let _ = write!(
        out,
        "</fieldset><div class=\"aims-field\"><label for=\"aims-cw-ref\">{}</label><select id=\"aims-cw-ref\" name=\"aims-cw-ref\" class=\"aims-input\">",
        escape(m.crosswalks_reference)
    );
    for x in &refs {
        let _ = write!(
            out,
            "<option value=\"{0}\"{1}>{0}</option>",
            escape(x),
            if *x == reference { " selected" } else { "" }
        );
    }
    let n = |v: u16| v.to_string();
    let _ = write!(
        out,
        "</select></div><div class=\"aims-stat\"><p class=\"aims-stat-label\">{}</p><p class=\"aims-stat-value\">{}</p><p class=\"aims-stat-note\">{}</p><p class=\"aims-stat-note\">{}</p><p class=\"aims-stat-note\">{}</p></div>",
        w.tf(m.crosswalks_readiness, &[("ref", &reference)]),
        escape(&w.pct(figure.conformity)),
        w.tf(
            m.results_conforming,
            &[("n", &n(figure.conforming)), ("total", &n(figure.in_scope))]
        ),
        w.tf(m.results_maturity, &[("pct", &w.pct(figure.maturity))]),
        w.tf(
            m.results_over,
            &[
                ("answered", &n(figure.answered)),
                ("total", &n(figure.in_scope)),
                ("excluded", &n(figure.excluded))
            ]
        )
    );
    let (item, basis, now, scope) = (
        escape(m.results_gap_item),
        escape(m.crosswalks_basis),
        escape(m.results_gap_current),
        escape(m.crosswalks_scope),
    );
    let _ = write!(
        out,
        "<div class=\"aims-table-wrap\"><table class=\"aims-table aims-table--stack\"><thead><tr><th scope=\"col\">{item}</th><th scope=\"col\">{basis}</th><th scope=\"col\">{now}</th><th scope=\"col\">{scope}</th></tr></thead><tbody>"
    );
    for &(i, b) in &items {
        let id = &catalog.item(i).id;
        let level = a.answer(i).maturity.map_or_else(
            || m.item_unanswered.to_owned(),
            |l| format!("{l} · {}", w.level(l)),
        );
        let words = match b {
            Basis::Published => m.crosswalks_published,
            Basis::Judgement => m.crosswalks_judgement,
            Basis::Structural => m.crosswalks_structural,
        };
        let scoped = if a.in_scope(catalog, i) {
            m.soa_yes
        } else {
            m.soa_no
        };
        let _ = write!(
            out,
            "<tr><th scope=\"row\" data-label=\"{item}\"><a class=\"aims-link\" href=\"#/a/{}/assess/{}\" data-item=\"{1}\">{}</a></th><td data-label=\"{basis}\"><span class=\"aims-tag\" data-basis=\"{}\">{}</span></td><td data-label=\"{now}\">{}</td><td data-label=\"{scope}\">{}</td></tr>",
            escape(&a.id),
            escape(id),
            escape(&labels.items[i.index()]),
            b.as_str(),
            escape(words),
            escape(&level),
            escape(scoped)
        );
    }
    let _ = write!(
        out,
        "</tbody></table></div><p class=\"aims-rule\">{}</p>",
        escape(m.crosswalks_note)
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::export;

    const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/assessment-v2.json");

    /// English labels as the app's untranslated catalog gives them.
    fn labels() -> Vec<String> {
        Catalog::builtin().labels()
    }

    fn markup_for(lang: Lang, framework: &str, reference: &str) -> String {
        let a = read(FIXTURE).expect("the fixture");
        let text = export(Catalog::builtin(), &a);
        markup(&Request {
            lang,
            labels: &labels(),
            export: text.as_bytes(),
            framework,
            reference,
            today: Date::EPOCH,
        })
        .expect("markup")
    }

    #[test]
    fn a_reference_lists_the_items_covering_it_with_their_basis_and_links() {
        let out = markup_for(Lang::En, "nist-ai-rmf", "GOVERN 1.1");
        assert!(out.contains("value=\"nist-ai-rmf\" checked"), "{out}");
        assert!(
            out.contains("<option value=\"GOVERN 1.1\" selected>"),
            "{out}"
        );
        assert!(out.contains("Conformity today of the items covering GOVERN 1.1"));
        // 4.1 covers GOVERN 1.1, linked to its place in the assessment.
        assert!(out.contains("data-item=\"4.1\">4.1 "), "{out}");
        assert!(out.contains("href=\"#/a/"), "{out}");
        let iso = markup_for(Lang::En, "iso27001", "9.2.1");
        assert!(iso.contains("Same clause"), "{iso}");
    }

    #[test]
    fn an_unknown_choice_falls_back_to_the_first_and_german_reads_german() {
        let out = markup_for(Lang::En, "cobit", "nothing");
        assert!(out.contains("value=\"eu-ai-act\" checked"), "{out}");
        assert!(out.contains(" selected>"), "the first reference is chosen");
        let de = markup_for(Lang::De, "eu-ai-act", "");
        assert!(!de.contains("Conformity today"), "{de}");
        assert!(de.contains("\u{a0}%"), "{de}");
    }
}
