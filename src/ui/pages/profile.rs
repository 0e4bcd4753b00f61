//! Scope and AI roles: the step after creating an assessment, and a tab afterwards. The
//! organization's ISO/IEC 22989 roles, its AI systems in scope, the management systems it
//! already runs, the exclusions its roles suggest (confirmed or rejected one by one) and
//! controls of its own beyond Annex A.

use crate::engine::model::system_names;
use crate::engine::rules::exclusions::suggested_exclusions;
use crate::engine::{AdditionalControl, AiRole, Assessment, Edit, ManagementSystem, MaturityLevel};
use crate::ui::components::{event_checked, event_value, form_field, reset_form, send};
use crate::ui::context::use_dispatch;
use crate::ui::route::Route;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::Link;

/// Props of [`ProfileScreen`].
#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
}

fn role_text(role: AiRole) -> (&'static str, &'static str) {
    match role {
        AiRole::Provider => (msg::role_ai_provider(), msg::role_ai_provider_help()),
        AiRole::Producer => (msg::role_ai_producer(), msg::role_ai_producer_help()),
        AiRole::Customer => (msg::role_ai_customer(), msg::role_ai_customer_help()),
        AiRole::Partner => (msg::role_ai_partner(), msg::role_ai_partner_help()),
        AiRole::Subject => (msg::role_ai_subject(), msg::role_ai_subject_help()),
        AiRole::RelevantAuthority => (
            msg::role_relevant_authority(),
            msg::role_relevant_authority_help(),
        ),
    }
}

/// The display name of a management system.
pub fn system_name(system: ManagementSystem) -> &'static str {
    match system {
        ManagementSystem::Iso27001 => msg::system_iso27001(),
        ManagementSystem::Iso9001 => msg::system_iso9001(),
    }
}

/// The scope and AI roles screen.
#[component]
pub fn ProfileScreen(p: &ProfileProps) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let a = &p.assessment;
    let profile = &a.profile;
    let edit = use_dispatch().reform(Action::Edit);
    let suggestions = suggested_exclusions(c, a);

    let role_box = |role: AiRole| {
        let (label, help) = role_text(role);
        let dom = format!("aims-role-{}", role.as_str());
        let onchange = {
            let edit = edit.clone();
            Callback::from(move |e: Event| edit.emit(Edit::Role(role, event_checked(&e))))
        };
        html! {
            <li class="aims-check">
                <input type="checkbox" id={dom.clone()} checked={profile.has_role(role)} {onchange} aria-describedby={format!("{dom}-help")} />
                <label for={dom.clone()}><strong>{ label }</strong>
                    <span class="aims-muted aims-small" id={format!("{dom}-help")}>{ help }</span></label>
            </li>
        }
    };
    let system_box = |system: ManagementSystem| {
        let dom = format!("aims-ms-{}", system.as_str());
        let onchange = {
            let edit = edit.clone();
            Callback::from(move |e: Event| {
                edit.emit(Edit::ManagementSystem(system, event_checked(&e)))
            })
        };
        html! {
            <li class="aims-check">
                <input type="checkbox" id={dom.clone()} checked={profile.management_systems.contains(&system)} {onchange} />
                <label for={dom}>{ system_name(system) }</label>
            </li>
        }
    };
    let on_add_control = {
        let edit = edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = |name: &str| form_field(&e, name).trim().to_owned();
            edit.emit(Edit::AddControl(AdditionalControl {
                id: field("id"),
                title: field("title"),
                source: field("source"),
                status: None,
                owner: field("owner"),
                reason: field("reason"),
            }));
            reset_form(&e);
        })
    };

    html! {
        <section class="aims-screen aims-profile" aria-labelledby="aims-profile-title">
            <h1 id="aims-profile-title" class="aims-h1">{ msg::profile_title() }</h1>
            <p class="aims-lead">{ msg::profile_lead() }</p>

            <fieldset class="aims-panel">
                <legend class="aims-h2">{ msg::profile_roles() }</legend>
                <ul class="aims-checks">{ for AiRole::ALL.into_iter().map(role_box) }</ul>
            </fieldset>

            <div class="aims-panel">
                <h2 class="aims-h2">{ msg::profile_suggestions() }</h2>
                if suggestions.is_empty() {
                    <p class="aims-muted">{ msg::profile_suggestions_none() }</p>
                } else {
                    <p class="aims-muted">{ msg::profile_suggestions_help() }</p>
                    <p class="aims-small"><em>{ msg::profile_suggest_reason() }</em></p>
                    <ul class="aims-suggestions">
                        { for suggestions.iter().map(|&i| html! {
                            <li class="aims-suggestion" data-item={c.item(i).id.clone()}>
                                <span><strong>{ &c.item(i).id }</strong>{ " " }{ &c.item(i).title }</span>
                                <span class="aims-actions">
                                    <button type="button" class="aims-btn aims-btn--small"
                                        onclick={send(&edit, Edit::AcceptSuggestion(i, msg::profile_suggest_reason().to_owned()))}>{ msg::profile_suggest_accept() }</button>
                                    <button type="button" class="aims-btn aims-btn--small aims-btn--ghost"
                                        onclick={send(&edit, Edit::DeclineSuggestion(i))}>{ msg::profile_suggest_decline() }</button>
                                </span>
                            </li>
                        }) }
                    </ul>
                }
            </div>

            <div class="aims-grid-2">
                <div class="aims-panel">
                    <h2 class="aims-h2">{ msg::profile_systems() }</h2>
                    // The AI system register holds them, with their role, stage and impact
                    // assessment: listed here, changed there.
                    <ul class="aims-systems">{ for system_names::in_scope(&a.registers).map(|name| html! { <li>{ name }</li> }) }</ul>
                    <p class="aims-muted aims-small">{ msg::profile_systems_register() }{ " " }
                        <Link<Route> classes="aims-link" to={Route::Systems { id: a.id.clone() }}>{ msg::profile_systems_open() }</Link<Route>></p>
                </div>
                <fieldset class="aims-panel">
                    <legend class="aims-h2">{ msg::profile_existing() }</legend>
                    <p class="aims-muted aims-small">{ msg::profile_existing_help() }</p>
                    <ul class="aims-checks">{ for ManagementSystem::ALL.into_iter().map(system_box) }</ul>
                </fieldset>
            </div>

            <div class="aims-panel">
                <h2 class="aims-h2">{ msg::profile_additional() }</h2>
                <p class="aims-muted aims-small">{ msg::profile_additional_help() }</p>
                if a.additional.is_empty() {
                    <p class="aims-muted">{ msg::profile_additional_none() }</p>
                } else {
                    <div class="aims-table-wrap">
                        <table class="aims-table">
                            <thead><tr>
                                <th scope="col">{ msg::profile_control_id() }</th><th scope="col">{ msg::profile_control_title() }</th>
                                <th scope="col">{ msg::profile_control_source() }</th><th scope="col">{ msg::profile_control_status() }</th>
                                <th scope="col">{ msg::profile_control_owner() }</th><th scope="col">{ msg::profile_control_reason() }</th><th></th>
                            </tr></thead>
                            <tbody>
                                { for a.additional.iter().enumerate().map(|(k, ctl)| {
                                    let onchange = {
                                        let edit = edit.clone();
                                        Callback::from(move |e: Event| {
                                            let status = event_value(&e).parse().ok().and_then(MaturityLevel::from_number);
                                            edit.emit(Edit::ControlStatus(k, status));
                                        })
                                    };
                                    html! { <tr>
                                        <th scope="row">{ &ctl.id }</th><td>{ &ctl.title }</td><td>{ &ctl.source }</td>
                                        <td><select class="aims-input" aria-label={format!("{} {}", msg::profile_control_status(), ctl.id)} {onchange}>
                                            <option value="" selected={ctl.status.is_none()}>{ msg::profile_control_unanswered() }</option>
                                            { for MaturityLevel::ALL.into_iter().map(|l| html! {
                                                <option value={l.number().to_string()} selected={ctl.status == Some(l)}>{ l.number() }</option>
                                            }) }
                                        </select></td>
                                        <td>{ &ctl.owner }</td><td>{ &ctl.reason }</td>
                                        <td><button type="button" class="aims-btn aims-btn--small aims-btn--ghost" aria-label={tf(msg::profile_control_remove(), &[("id", &ctl.id)])}
                                            onclick={send(&edit, Edit::RemoveControl(k))}>{ "×" }</button></td>
                                    </tr> }
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
                <form class="aims-control-form" onsubmit={on_add_control}>
                    <label class="aims-label" for="aims-ctl-id">{ msg::profile_control_id() }</label>
                    <input id="aims-ctl-id" name="id" class="aims-input" maxlength="200" required=true placeholder="ORG-1" />
                    <label class="aims-label" for="aims-ctl-title">{ msg::profile_control_title() }</label>
                    <input id="aims-ctl-title" name="title" class="aims-input" maxlength="200" required=true />
                    <label class="aims-label" for="aims-ctl-source">{ msg::profile_control_source() }</label>
                    <input id="aims-ctl-source" name="source" class="aims-input" maxlength="200" />
                    <label class="aims-label" for="aims-ctl-owner">{ msg::profile_control_owner() }</label>
                    <input id="aims-ctl-owner" name="owner" class="aims-input" maxlength="200" />
                    <label class="aims-label" for="aims-ctl-reason">{ msg::profile_control_reason() }</label>
                    <input id="aims-ctl-reason" name="reason" class="aims-input" maxlength="10000" />
                    <button type="submit" class="aims-btn">{ msg::profile_control_add() }</button>
                </form>
            </div>

            <div class="aims-actions">
                <Link<Route> classes="aims-btn aims-btn--primary aims-profile-continue" to={Route::Assess { id: a.id.clone() }}>{ msg::profile_continue() }</Link<Route>>
            </div>
        </section>
    }
}
