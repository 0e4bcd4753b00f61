//! The mandatory documented information checklist.

use crate::engine::{Assessment, DocumentId, Edit};
use crate::ui::context::use_dispatch;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Documents`].
#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
}

/// The documents screen.
#[component]
pub fn Documents(p: &DocumentsProps) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let act = use_dispatch();
    let navigator = yew_router::prelude::use_navigator();
    let a = &p.assessment;
    let required: Vec<_> = c
        .document_ids()
        .filter(|&d| a.document_required(c, d))
        .collect();
    let present = required.iter().filter(|&&d| a.document_present(d)).count();
    let row = |d: DocumentId| {
        let doc = c.document(d);
        let on = a.document_present(d);
        let needed = a.document_required(c, d);
        let cb = act.clone();
        let dom = format!("aims-doc-{}", doc.id);
        let dom_meta = format!("aims-docmeta-{}", doc.id);
        let record = a.document(d);
        let clause = c
            .find_item(&doc.clause)
            .map(|i| c.item(i).title.clone())
            .unwrap_or_default();
        html! {
            <li class="aims-doc" data-on={crate::ui::components::flag(on)} data-required={crate::ui::components::flag(needed)}>
                <input type="checkbox" id={dom.clone()} checked={on}
                    onchange={Callback::from(move |e: Event| cb.emit(Action::Edit(Edit::Document(d, crate::ui::components::event_checked(&e)))))} />
                <label for={dom}>
                    <span class="aims-doc-title">{ &doc.title }</span>
                    <span class="aims-muted aims-small">{ tf(msg::docs_required_by(), &[("clause", &doc.clause), ("title", &clause)]) }</span>
                    <span class="aims-small">{ &doc.description }</span>
                    <span class="aims-small aims-doc-class" data-class={doc.class.as_str()}>{ class_words(c, d) }</span>
                </label>
                if on {
                    <div class="aims-doc-meta">
                        <label class="aims-small" for={format!("{dom_meta}-v")}>{ msg::docs_version() }</label>
                        <input id={format!("{dom_meta}-v")} class="aims-input aims-input--short" maxlength="200" value={record.version.clone()}
                            onchange={{ let cb = act.clone(); Callback::from(move |e: Event| cb.emit(Action::Edit(Edit::DocumentVersion(d, crate::ui::components::event_value(&e).trim().to_owned())))) }} />
                        <label class="aims-small" for={format!("{dom_meta}-a")}>{ msg::docs_approved() }</label>
                        <input id={format!("{dom_meta}-a")} type="date" class="aims-input aims-input--short" value={record.approved.map(|d| d.to_string()).unwrap_or_default()}
                            onchange={{ let cb = act.clone(); Callback::from(move |e: Event| cb.emit(Action::Edit(Edit::DocumentApproved(d, crate::engine::Date::parse(&crate::ui::components::event_value(&e)))))) }} />
                    </div>
                }
                if !needed {
                    <span class="aims-tag">{ tf(msg::docs_not_required(), &[("control", &doc.clause)]) }</span>
                } else if on {
                    <span class="aims-tag aims-tag--ok">{ msg::docs_present() }</span>
                } else {
                    <span class="aims-tag aims-tag--todo">{ msg::docs_missing() }</span>
                }
            </li>
        }
    };
    html! {
        <section class="aims-screen" aria-labelledby="aims-docs-title">
            <h1 id="aims-docs-title" class="aims-h1">{ msg::docs_title() }</h1>
            <p class="aims-lead">{ msg::docs_lead() }{ crate::ui::components::nav::term_link(&navigator, crate::engine::format::guide::terms::DOCUMENTED) }</p>
            <p class="aims-figure-inline"><strong>{ tf(msg::docs_count(), &[("n", &present.to_string()), ("total", &required.len().to_string())]) }</strong></p>
            <h2 class="aims-h2">{ msg::docs_clauses() }</h2>
            <ul class="aims-doclist">{ for c.document_ids().filter(|&d| c.document_control(d).is_none()).map(row) }</ul>
            <h2 class="aims-h2">{ msg::docs_annex() }</h2>
            <ul class="aims-doclist">{ for c.document_ids().filter(|&d| c.document_control(d).is_some()).map(row) }</ul>
        </section>
    }
}

/// A document's class and the audit stage it is needed before, in words.
fn class_words(c: &crate::engine::Catalog, d: DocumentId) -> &'static str {
    use crate::engine::model::catalog::DocumentClass;
    use crate::engine::rules::scoring::document_stage;
    match (c.document(d).class, document_stage(c, d)) {
        (DocumentClass::Design, _) => msg::docs_class_design(),
        (DocumentClass::Record, crate::engine::Stage::One) => msg::docs_class_record_stage1(),
        (DocumentClass::Record, crate::engine::Stage::Two) => msg::docs_class_record(),
    }
}
