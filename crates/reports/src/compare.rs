//! The comparison screen's body as markup: the open assessment beside another saved one
//! or a colleague's export, overall and per group with the difference in points, item
//! by item up / down / unchanged / newly answered, documents gained or lost, and, with a
//! file, one row per difference to keep this assessment's answer or take the
//! colleague's.
//!
//! The app keeps the screen's frame (tabs, title, the choice of what to compare with)
//! and the merge itself: it draws this markup into a place of its own and answers the
//! buttons (`data-merge`, `data-id`, `data-take`) with its own edits, so every choice
//! goes through its reducer (undo, saving, other tabs). Here is only what the first
//! download need not carry: the comparison, the merge's differences and their words.

use crate::words::{Labels, Words};
use crate::{read, Unreadable};
use aims_engine::model::evidence_refs;
use aims_engine::reports::compare::{compare, delta, Change, Comparison};
use aims_engine::rules::merge::{differing_documents, differing_items};
use aims_engine::rules::scoring::Figure;
use aims_engine::text::lang::Lang;
use aims_engine::text::markup::escape;
use aims_engine::{Assessment, Catalog, Date, ItemId};
use std::fmt::Write;

/// What to compare, as the app hands it over.
pub struct Request<'a> {
    /// The language of the words (the labels come translated).
    pub lang: Lang,
    /// Every item's label, then every group's, then every document's title, in catalog
    /// order and in the screen's language (the app has the translated catalog).
    pub labels: &'a [String],
    /// The open assessment's export.
    pub mine: &'a [u8],
    /// The other assessment's export.
    pub other: &'a [u8],
    /// With a colleague's file: the open assessment's export before any choice, so a
    /// taken answer stays listed and can be taken back. `None` for a saved assessment.
    pub original: Option<&'a [u8]>,
    /// How the open assessment is named in the summary (name and local date).
    pub mine_label: &'a str,
    /// How the other is named.
    pub other_label: &'a str,
    /// The day both are scored on.
    pub today: Date,
}

/// The comparison's markup for `r`; an export that does not read back or a label list
/// of the wrong length is the app's bug, and says so.
pub fn markup(r: &Request) -> Result<String, Unreadable> {
    let catalog = Catalog::builtin();
    let labels = Labels::split(catalog, r.labels)?;
    let (mine, other) = (read(r.mine)?, read(r.other)?);
    let original = r.original.map(read).transpose()?;
    let w = Words::new(r.lang);
    let m = w.m;
    // Older on the left, so a positive difference is progress.
    let ((old, old_label), (new, new_label)) = if other.updated <= mine.updated {
        ((&other, r.other_label), (&mine, r.mine_label))
    } else {
        ((&mine, r.mine_label), (&other, r.other_label))
    };
    let cmp = compare(catalog, old, new, r.today);
    let mut out = format!(
        "<p class=\"aims-lead\">{}</p>",
        w.tf(
            m.comparison_summary,
            &[("old", old_label), ("new", new_label)]
        )
    );
    let (group, before, after, change) = (
        escape(m.comparison_group),
        escape(m.comparison_before),
        escape(m.comparison_after),
        escape(m.comparison_delta),
    );
    let row = |class: &str, label: &str, o: &Figure, n: &Figure| {
        format!(
            "<tr{class}><th scope=\"row\" data-label=\"{group}\">{}</th><td data-label=\"{before}\">{}</td><td data-label=\"{after}\">{}</td><td data-label=\"{change}\">{}</td></tr>",
            escape(label),
            w.figure(o),
            w.figure(n),
            escape(&w.points(delta(o.conformity, n.conformity)))
        )
    };
    let _ = write!(
        out,
        "<div class=\"aims-table-wrap\"><table class=\"aims-table aims-table--stack\"><thead><tr><th scope=\"col\">{group}</th><th scope=\"col\">{before}</th><th scope=\"col\">{after}</th><th scope=\"col\">{change}</th></tr></thead><tbody>{}",
        row(
            " class=\"aims-compare-overall\"",
            m.results_overall,
            &cmp.old.overall,
            &cmp.new.overall
        )
    );
    for (o, n) in cmp.old.groups.iter().zip(&cmp.new.groups) {
        if catalog.group_parent(o.group).is_none() {
            out.push_str(&row(
                "",
                &labels.groups[o.group.index()],
                &o.figure,
                &n.figure,
            ));
        }
    }
    let _ = write!(
        out,
        "</tbody></table></div><p class=\"aims-rule\">{}</p>",
        escape(m.comparison_rule)
    );
    scope_changes(&mut out, &w, &cmp);
    items_and_documents(&mut out, &w, &labels, &cmp);
    if let Some(original) = &original {
        merge_panel(&mut out, &w, &labels, &mine, &other, original);
    }
    Ok(out)
}

/// The controls newly excluded or included, and a plain warning when a higher figure
/// comes from a smaller scope.
fn scope_changes(out: &mut String, w: &Words, cmp: &Comparison) {
    let m = w.m;
    let catalog = Catalog::builtin();
    let list = |items: Vec<ItemId>| {
        items
            .iter()
            .map(|&i| catalog.item(i).id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = write!(
        out,
        "<section class=\"aims-compare-scope\" aria-labelledby=\"aims-compare-scope\"><h2 class=\"aims-h2\" id=\"aims-compare-scope\">{}</h2>",
        escape(m.comparison_scope_title)
    );
    if cmp.higher_from_smaller_scope() {
        let _ = write!(
            out,
            "<p class=\"aims-alert aims-alert--warn\" role=\"note\">{}</p>",
            w.tf(
                m.comparison_smaller_scope,
                &[
                    ("old", &cmp.old.overall.in_scope.to_string()),
                    ("new", &cmp.new.overall.in_scope.to_string())
                ]
            )
        );
    }
    let excluded: Vec<ItemId> = cmp.newly_excluded().collect();
    let included: Vec<ItemId> = cmp.newly_included().collect();
    if excluded.is_empty() && included.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(m.comparison_scope_same));
    }
    if !excluded.is_empty() {
        let text = w.tf(m.comparison_newly_excluded, &[("list", &list(excluded))]);
        let _ = write!(out, "<p>{text}</p>");
    }
    if !included.is_empty() {
        let text = w.tf(m.comparison_newly_included, &[("list", &list(included))]);
        let _ = write!(out, "<p>{text}</p>");
    }
    out.push_str("</section>");
}

/// The items that moved, and the documents gained and lost.
fn items_and_documents(out: &mut String, w: &Words, labels: &Labels, cmp: &Comparison) {
    let m = w.m;
    let [up, down, same, newly, gone, not] = cmp.counts().map(|n| n.to_string());
    let _ = write!(
        out,
        "<h2 class=\"aims-h2\">{}</h2><p>{}</p><details class=\"aims-details\"><summary>{}</summary><ul class=\"aims-compare-items\">",
        escape(m.comparison_items),
        w.tf(
            m.comparison_counts,
            &[("up", &up), ("down", &down), ("same", &same), ("newly", &newly), ("gone", &gone), ("not", &not)]
        ),
        escape(m.comparison_show_items)
    );
    let level =
        |l: Option<aims_engine::MaturityLevel>| l.map_or("–".to_owned(), |l| l.to_string());
    for i in &cmp.items {
        if !matches!(i.change, Change::Unchanged | Change::NotAnswered) {
            let _ = write!(
                out,
                "<li data-change=\"{}\"><strong>{}</strong> · {}: {} → {}</li>",
                i.change.key(),
                escape(&labels.items[i.item.index()]),
                escape(w.change(i.change)),
                level(i.old),
                level(i.new)
            );
        }
    }
    let _ = write!(
        out,
        "</ul></details><h2 class=\"aims-h2\">{}</h2><p>{}</p><ul class=\"aims-compare-items\">",
        escape(m.comparison_documents),
        w.tf(
            m.comparison_docs_counts,
            &[
                ("gained", &cmp.documents_gained.len().to_string()),
                ("lost", &cmp.documents_lost.len().to_string())
            ]
        )
    );
    for (docs, change, text) in [
        (&cmp.documents_gained, "up", m.comparison_doc_gained),
        (&cmp.documents_lost, "down", m.comparison_doc_lost),
    ] {
        for &d in docs {
            let title = w.tf(text, &[("doc", &labels.documents[d.index()])]);
            let _ = write!(out, "<li data-change=\"{change}\">{title}</li>");
        }
    }
    out.push_str("</ul>");
}

/// Per differing item and document: this assessment's answer before any choice, the
/// colleague's, and the button that takes theirs (or, once taken, keeps mine).
fn merge_panel(
    out: &mut String,
    w: &Words,
    labels: &Labels,
    mine: &Assessment,
    theirs: &Assessment,
    original: &Assessment,
) {
    let (m, catalog) = (w.m, Catalog::builtin());
    // Items where the file differs from what this assessment had before any choice, so
    // a taken answer stays listed (and can be taken back).
    let items = differing_items(catalog, original, theirs);
    let docs = differing_documents(catalog, original, theirs);
    let level = |a: &Assessment, i: ItemId| {
        let ans = a.answer(i);
        let mut parts = vec![ans.maturity.map_or_else(
            || m.item_unanswered.to_owned(),
            |l| format!("{l} · {}", w.level(l)),
        )];
        let evidence = evidence_refs::links(catalog, &a.registers, i).len();
        if evidence > 0 {
            parts.push(w.fill(m.comparison_evidence_n, &[("n", &evidence.to_string())]));
        }
        if !ans.owner.is_empty() {
            parts.push(ans.owner.clone());
        }
        if ans.excluded {
            parts.push(m.item_excluded.to_owned());
        }
        parts.join(" · ")
    };
    let _ = write!(
        out,
        "<section class=\"aims-panel aims-merge\" aria-labelledby=\"aims-merge-title\"><h2 id=\"aims-merge-title\" class=\"aims-h2\">{}</h2><p>{}</p>",
        w.tf(
            m.comparison_merge_title,
            &[("n", &(items.len() + docs.len()).to_string())]
        ),
        escape(m.comparison_merge_lead)
    );
    if items.is_empty() && docs.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-empty\">{}</p>",
            escape(m.comparison_merge_none)
        );
    }
    out.push_str("<ul class=\"aims-merge-list\">");
    let row = |out: &mut String,
               kind: &str,
               id: &str,
               label: &str,
               was: &str,
               theirs: &str,
               taken: bool| {
        let (take, words) = if taken {
            ("mine", m.comparison_keep_mine)
        } else {
            ("theirs", m.comparison_take_theirs)
        };
        let _ = write!(
            out,
            "<li class=\"aims-merge-row\" data-taken=\"{taken}\"><p><strong>{}</strong></p><p class=\"aims-small\">{}</p><p class=\"aims-small\">{}</p><button type=\"button\" class=\"aims-btn aims-btn--small\" data-merge=\"{kind}\" data-id=\"{}\" data-take=\"{take}\">{}</button></li>",
            escape(label),
            w.tf(m.comparison_mine, &[("v", was)]),
            w.tf(m.comparison_theirs, &[("v", theirs)]),
            escape(id),
            escape(words)
        );
    };
    for &i in &items {
        row(
            out,
            "item",
            &catalog.item(i).id,
            &labels.items[i.index()],
            &level(original, i),
            &level(theirs, i),
            mine.answer(i) == theirs.answer(i),
        );
    }
    let yes_no = |b: bool| if b { m.docs_present } else { m.docs_missing };
    for &d in &docs {
        row(
            out,
            "document",
            &catalog.document(d).id,
            &labels.documents[d.index()],
            yes_no(original.document_present(d)),
            yes_no(theirs.document_present(d)),
            mine.document_present(d) == theirs.document_present(d),
        );
    }
    out.push_str("</ul></section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::{apply, export, DocumentId, Edit, MaturityLevel, Timestamp};

    const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/assessment-v3.json");

    fn catalog() -> &'static Catalog {
        Catalog::builtin()
    }

    fn fixture() -> Assessment {
        read(FIXTURE).expect("the fixture imports")
    }

    /// English labels as the app's untranslated catalog gives them.
    fn labels() -> Vec<String> {
        Catalog::builtin().labels()
    }

    fn item(id: &str) -> ItemId {
        catalog().find_item(id).expect("an item")
    }

    /// A missing document of the fixture.
    fn missing_document(a: &Assessment) -> DocumentId {
        catalog()
            .document_ids()
            .find(|&d| !a.document_present(d))
            .expect("a missing document")
    }

    /// The colleague's copy: A.6.2.4 raised to 4 with evidence, 5.2 at 3, one more
    /// document, saved later.
    fn theirs() -> Assessment {
        let mut a = fixture();
        let later = Timestamp::parse("2026-12-15T09:00:00Z").expect("a time");
        for edit in [
            Edit::Maturity(item("A.6.2.4"), Some(MaturityLevel::L4)),
            Edit::AddEvidence(item("A.6.2.4"), "Validation report VR-7".into()),
            Edit::Maturity(item("5.2"), Some(MaturityLevel::L3)),
            Edit::Document(missing_document(&fixture()), true),
        ] {
            apply(catalog(), &mut a, edit, later.clone()).expect("applies");
        }
        a
    }

    fn markup_of(
        lang: Lang,
        mine: &Assessment,
        other: &Assessment,
        original: Option<&Assessment>,
    ) -> String {
        let labels = labels();
        let (mine, other) = (export(catalog(), mine), export(catalog(), other));
        let original = original.map(|a| export(catalog(), a));
        markup(&Request {
            lang,
            labels: &labels,
            mine: mine.as_bytes(),
            other: other.as_bytes(),
            original: original.as_deref().map(str::as_bytes),
            mine_label: "Mine <b>",
            other_label: "Theirs",
            today: Date::EPOCH,
        })
        .expect("markup")
    }

    /// The merge row of `id`, up to its end.
    fn row<'a>(markup: &'a str, id: &str) -> &'a str {
        let at = markup
            .find(&format!("data-id=\"{id}\""))
            .expect("a merge row");
        let start = markup[..at].rfind("<li").expect("its start");
        &markup[start..at + markup[at..].find("</li>").expect("its end")]
    }

    #[test]
    fn a_colleagues_file_shows_the_movements_and_one_merge_row_per_difference() {
        let (mine, theirs) = (fixture(), theirs());
        let out = markup_of(Lang::En, &mine, &theirs, Some(&mine));
        assert!(out.contains("2 up, 0 down"), "{out}");
        assert!(out.contains("1 gained, 0 lost"), "{out}");
        assert!(
            out.contains("Merge the colleague's file (3 differences)"),
            "{out}"
        );
        // Older on the left: the fixture's own label comes first, escaped.
        assert!(
            out.contains("Before: Mine &lt;b&gt;. After: Theirs."),
            "{out}"
        );
        let a624 = row(&out, "A.6.2.4");
        assert!(a624.contains("data-merge=\"item\""), "{a624}");
        assert!(a624.contains("data-take=\"theirs\">Take theirs"), "{a624}");
        assert!(
            a624.contains("4 · Measured · 1 evidence reference"),
            "{a624}"
        );
        let doc = missing_document(&mine);
        let doc_row = row(&out, &catalog().document(doc).id);
        assert!(doc_row.contains("data-merge=\"document\""), "{doc_row}");
        assert!(doc_row.contains("Missing") && doc_row.contains("Present"));
    }

    #[test]
    fn a_taken_answer_stays_listed_and_offers_to_keep_mine() {
        let (original, theirs) = (fixture(), theirs());
        let mut mine = original.clone();
        let i = item("A.6.2.4");
        apply(
            catalog(),
            &mut mine,
            Edit::Answer(
                i,
                Box::new((theirs.answer(i).clone(), theirs.registers.clone())),
            ),
            Timestamp::parse("2026-12-16T09:00:00Z").expect("a time"),
        )
        .expect("applies");
        let out = markup_of(Lang::En, &mine, &theirs, Some(&original));
        let a624 = row(&out, "A.6.2.4");
        assert!(a624.contains("data-taken=\"true\""), "{a624}");
        assert!(a624.contains("data-take=\"mine\">Keep mine"), "{a624}");
        assert!(row(&out, "5.2").contains("data-take=\"theirs\""));
    }

    #[test]
    fn a_saved_assessment_has_no_merge_and_a_smaller_scope_is_called_out() {
        let old = fixture();
        let mut new = old.clone();
        let later = Timestamp::parse("2026-12-20T09:00:00Z").expect("a time");
        let excluded = catalog()
            .item_ids()
            .find(|&i| {
                catalog().item(i).kind == aims_engine::ItemKind::Control
                    && old
                        .answer(i)
                        .maturity
                        .is_some_and(|l| l < MaturityLevel::L3)
            })
            .expect("a weak control");
        for edit in [
            Edit::Applicable(excluded, false),
            Edit::Justification(
                excluded,
                "We build no AI systems in house, so this control has nothing to act on.".into(),
            ),
        ] {
            apply(catalog(), &mut new, edit, later.clone()).expect("applies");
        }
        let out = markup_of(Lang::En, &new, &old, None);
        assert!(!out.contains("aims-merge"), "{out}");
        let id = &catalog().item(excluded).id;
        assert!(out.contains(&format!("Newly excluded: {id}")), "{out}");
        assert!(
            out.contains("part or all of the rise comes from leaving controls out"),
            "{out}"
        );
    }

    #[test]
    fn german_and_french_use_their_words_numbers_and_plurals() {
        let (mine, theirs) = (fixture(), theirs());
        let de = markup_of(Lang::De, &mine, &theirs, Some(&mine));
        assert!(de.contains("2 höher, 0 niedriger"), "{de}");
        assert!(de.contains("(3 Unterschiede)"), "{de}");
        assert!(de.contains("\u{a0}%"), "{de}");
        assert!(!de.contains("Take theirs"), "{de}");
        let fr = markup_of(Lang::Fr, &mine, &theirs, Some(&mine));
        assert!(fr.contains("(3 différences)"), "{fr}");
        assert!(fr.contains("1 preuve"), "{fr}");
        assert!(fr.contains("\u{202f}%"), "{fr}");
    }

    #[test]
    fn labels_and_names_are_escaped_and_a_wrong_request_is_an_error() {
        let mut labels = labels();
        labels[0] = "<script>alert(1)</script>".into();
        let text = export(catalog(), &fixture());
        let other = export(catalog(), &theirs());
        let request = |labels: &[String], mine: &[u8]| {
            markup(&Request {
                lang: Lang::En,
                labels,
                mine,
                other: other.as_bytes(),
                original: None,
                mine_label: "x",
                other_label: "y",
                today: Date::EPOCH,
            })
        };
        let out = request(&labels, text.as_bytes()).expect("markup");
        assert!(!out.contains("<script>"));
        assert!(request(&labels[1..], text.as_bytes()).is_err());
        assert!(request(&labels, b"{").is_err());
    }
}
