//! The register screens (issue 22, part 9): the AI systems, the risks with the risk
//! criteria and their heat maps before and after treatment, and the evidence records;
//! each a list with a form to add, edit and delete a record (and undo a delete).
//!
//! One call is one step: the app hands over the assessment's export, the screen, what
//! the person did (a button's `data-action` and `data-target`, or a form submitted) and
//! the form's fields, and gets back the markup to show and, when the registers changed,
//! the new export. Nothing is kept here between calls. A changed register is checked by
//! the engine's own reader (the same checks as a file), so the screens cannot save what
//! an import would refuse; each problem is shown at its field.

use crate::words::Words;
use crate::Unreadable;
use aims_engine::format::import::{ImportError, Problem};
use aims_engine::format::registers::open;
use aims_engine::model::registers::{
    EuAiActClass, Evidence, EvidenceKind, LifeCycleStage, Registers, RiskCriteria, RiskSource,
    Treatment,
};
use aims_engine::text::lang::Lang;
use aims_engine::text::markup::escape;
use aims_engine::text::messages::Texts;
use aims_engine::{export, import, AiRole, Assessment, Catalog, Date, ItemId};
use serde_json::{json, Map, Value};
use std::fmt::Write;

/// Which register a screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The AI systems.
    Systems,
    /// The risk criteria and the risks.
    Risks,
    /// The evidence records.
    Evidence,
}

impl Screen {
    /// Every screen, in tab order.
    pub const ALL: [Screen; 3] = [Screen::Systems, Screen::Risks, Screen::Evidence];

    /// Its name in addresses (`#/a/<id>/systems`).
    pub fn key(self) -> &'static str {
        match self {
            Screen::Systems => "systems",
            Screen::Risks => "risks",
            Screen::Evidence => "evidence",
        }
    }

    /// The screen an address names.
    pub fn parse(key: &str) -> Option<Screen> {
        Screen::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Its register's place in [`Kept`].
    fn index(self) -> usize {
        match self {
            Screen::Systems => 0,
            Screen::Risks => 2,
            Screen::Evidence => 3,
        }
    }
}

/// One step, as the app hands it over.
pub struct Request<'a> {
    /// The language of the words.
    pub lang: Lang,
    /// The assessment's export.
    pub export: &'a [u8],
    /// Today, for evidence past its review date.
    pub today: Date,
    /// The screen.
    pub screen: Screen,
    /// What the person did: `""` (show), `new`, `edit`, `delete`, `undo`, `cancel`,
    /// `save` (the record form submitted), `criteria` (the criteria form submitted),
    /// `filter` (evidence).
    pub action: &'a str,
    /// What it applies to: a record's id (`edit`, `delete`, `save` of an existing
    /// record), the deleted record (`undo`: its position and JSON), a filter's name.
    pub target: &'a str,
    /// The form's fields as `name`, `value` (checkboxes only when ticked).
    pub form: &'a [(String, String)],
    /// The id a new record gets (a random UUID, made by the caller).
    pub new_id: &'a str,
}

/// What a step gives: the markup, and the new export when the registers changed.
#[derive(Debug, PartialEq)]
pub struct Response {
    /// The screen's body.
    pub markup: String,
    /// The assessment's export with its new registers (canonical), when they changed.
    pub export: Option<String>,
}

/// A form being shown: the record's id (empty for a new one), its fields' values, and the
/// problems found at them.
pub(crate) struct Form<'a> {
    /// The record's id (the system's, for its impact assessment).
    pub target: &'a str,
    /// What the fields show.
    pub record: Value,
    /// The problems, by field name.
    pub problems: Vec<(String, String)>,
    /// An AI system's impact assessment rather than a record.
    pub impact: bool,
}

/// One step of a register screen; an export that does not read back is the app's bug.
pub fn step(r: &Request) -> Result<Response, Unreadable> {
    let a = crate::read_kept(r.export)?;
    let registers = open(Catalog::builtin(), &a.registers);
    step_on_read(r, &a, &registers)
}

/// One step of a register screen on `a`, the assessment `r.export` reads as, and
/// `opened`, its registers read into their types (both read before, when the same
/// export came with an earlier step).
pub fn step_on_read(
    r: &Request,
    a: &Assessment,
    opened: &Registers,
) -> Result<Response, Unreadable> {
    let catalog = Catalog::builtin();
    let w = Words::new(r.lang);
    let n = r.screen.index();
    let records = |a: &Assessment| -> Vec<Value> {
        a.registers.0[n]
            .as_ref()
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let find = |a: &Assessment, id: &str| records(a).into_iter().find(|x| x["id"] == id);
    let mut notice = String::new();
    let mut form: Option<Form> = None;
    let mut changed: Option<Assessment> = None;
    match r.action {
        "new" => {
            form = Some(Form {
                target: "",
                // From an item card: a record supporting that item (its id the target).
                record: match r.target {
                    "" => Value::Null,
                    item => json!({ "supports": [item] }),
                },
                problems: Vec::new(),
                impact: false,
            })
        }
        "edit" => {
            form = find(a, r.target).map(|record| Form {
                target: r.target,
                record,
                problems: Vec::new(),
                impact: false,
            })
        }
        "impact" => {
            form = find(a, r.target).map(|record| Form {
                target: r.target,
                record: record["impact_assessment"].clone(),
                problems: Vec::new(),
                impact: true,
            })
        }
        "impact_save" => match crate::impact::save(&w, a, r.target, r.form) {
            Ok(b) => match canonical(catalog, &b) {
                Ok(b) => {
                    let name = find(a, r.target).map(|s| title(&s)).unwrap_or_default();
                    notice = w.tf(w.m.registers_saved, &[("name", &name)]);
                    changed = Some(b);
                }
                Err(problems) => {
                    let at = records(a).iter().position(|x| x["id"] == r.target);
                    let prefix = format!(
                        "assessment.ai_systems[{}].impact_assessment",
                        at.unwrap_or(0)
                    );
                    let record =
                        find(&b, r.target).map_or(Value::Null, |s| s["impact_assessment"].clone());
                    form = Some(Form {
                        target: r.target,
                        record,
                        problems: impact_fields(&w, &problems, &prefix),
                        impact: true,
                    });
                    notice = escape(w.m.registers_not_saved);
                }
            },
            Err(why) => notice = why,
        },
        "harm_risk" => {
            if let Some((b, name)) = crate::impact::harm_to_risk(a, r.target, r.new_id) {
                match canonical(catalog, &b) {
                    Ok(b) => {
                        notice = w.tf(w.m.registers_impact_risk_added, &[("name", &name)]);
                        changed = Some(b);
                    }
                    Err(problems) => notice = first_problem(&w, &problems),
                }
            }
        }
        "save" => {
            let mut list = records(a);
            let old = list.iter().position(|x| x["id"] == r.target);
            let base = old.map(|i| list[i].clone()).unwrap_or(Value::Null);
            let id = if old.is_some() { r.target } else { r.new_id };
            let record = from_form(r.screen, &base, id, r.form);
            let at = match old {
                Some(i) => {
                    list[i] = record.clone();
                    i
                }
                None => {
                    list.push(record.clone());
                    list.len() - 1
                }
            };
            match saved(catalog, a, n, list) {
                Ok(b) => {
                    notice = w.tf(w.m.registers_saved, &[("name", &title(&record))]);
                    changed = Some(b);
                }
                Err(problems) => {
                    let prefix = format!("assessment.{}[{at}]", key(n));
                    form = Some(Form {
                        target: if old.is_some() { r.target } else { "" },
                        record,
                        problems: at_fields(&w, &problems, &prefix),
                        impact: false,
                    });
                    notice = escape(w.m.registers_not_saved);
                }
            }
        }
        "delete" => {
            let mut list = records(a);
            if let Some(i) = list.iter().position(|x| x["id"] == r.target) {
                let record = list.remove(i);
                match saved(catalog, a, n, list) {
                    Ok(b) => {
                        let kept = format!("{i}:{record}");
                        notice = format!(
                            "{} <button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"undo\" data-target=\"{}\">{}</button>",
                            w.tf(w.m.registers_deleted, &[("name", &title(&record))]),
                            escape(&kept),
                            escape(w.m.registers_undo)
                        );
                        changed = Some(b);
                    }
                    Err(problems) => notice = first_problem(&w, &problems),
                }
            }
        }
        "undo" => {
            if let Some((i, record)) = r.target.split_once(':').and_then(|(i, json)| {
                Some((
                    i.parse::<usize>().ok()?,
                    serde_json::from_str::<Value>(json).ok()?,
                ))
            }) {
                let mut list = records(a);
                if !list.iter().any(|x| x["id"] == record["id"]) {
                    list.insert(i.min(list.len()), record);
                    match saved(catalog, a, n, list) {
                        Ok(b) => changed = Some(b),
                        Err(problems) => notice = first_problem(&w, &problems),
                    }
                }
            }
        }
        // A file kept in the browser for a record, or one taken from it (crates/reports/
        // src/files.js keeps the bytes): the target is JSON, `[id, name, size, sha256]`.
        "file" | "unfile" => {
            let given: Vec<String> = serde_json::from_str(r.target).unwrap_or_default();
            let mut list = records(a);
            let at = given
                .first()
                .and_then(|id| list.iter().position(|x| &x["id"] == id));
            if let Some(i) = at {
                let before = list[i].clone();
                match (r.action, given.as_slice()) {
                    ("file", [_, name, size, sha]) => {
                        list[i]["file"] =
                            json!({ "name": name, "size": number(size), "sha256": sha });
                    }
                    _ => {
                        if let Some(o) = list[i].as_object_mut() {
                            o.remove("file");
                        }
                    }
                }
                let record = list[i].clone();
                match saved(catalog, a, n, list) {
                    Ok(b) => {
                        notice = match &before["file"] {
                            Value::Object(f) if r.action == "unfile" => format!(
                                "{} <button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"file\" data-target=\"{}\">{}</button>",
                                w.tf(w.m.registers_evidence_file_removed, &[("title", &title(&record))]),
                                escape(&json!([record["id"], f["name"], f["size"].to_string(), f["sha256"]]).to_string()),
                                escape(w.m.registers_undo)
                            ),
                            _ => w.tf(
                                w.m.registers_evidence_file_kept,
                                &[
                                    ("name", given.get(1).map_or("", String::as_str)),
                                    ("size", &w.size(given.get(2).and_then(|s| s.parse().ok()).unwrap_or(0))),
                                    ("title", &title(&record)),
                                ],
                            ),
                        };
                        changed = Some(b);
                    }
                    Err(problems) => notice = first_problem(&w, &problems),
                }
            }
        }
        // A file that could not be kept, or opened: `[id, name, why]`, `why` one of
        // `big`, `full`, `none`, `missing`, or the browser's words.
        "file_refused" => {
            let given: Vec<String> = serde_json::from_str(r.target).unwrap_or_default();
            if let [id, name, why] = given.as_slice() {
                let record_title = find(a, id).map(|x| title(&x)).unwrap_or_default();
                let args = [
                    ("name", name.as_str()),
                    ("title", record_title.as_str()),
                    ("reason", why.as_str()),
                ];
                let text = match why.as_str() {
                    "big" => w.m.registers_evidence_file_big,
                    "full" => w.m.registers_evidence_file_full,
                    "none" => w.m.registers_evidence_file_none,
                    "missing" => w.m.registers_evidence_file_missing,
                    _ => w.m.registers_evidence_file_failed,
                };
                notice = w.tf(text, &args);
            }
        }
        "criteria" => {
            let value = |k: &str| field(r.form, k).parse::<u64>().unwrap_or(0);
            let mut b = a.clone();
            b.registers.0[1] = Some(json!({
                "likelihoods": value("likelihoods"),
                "consequences": value("consequences"),
                "acceptance": value("acceptance"),
            }));
            match canonical(catalog, &b) {
                Ok(b) => changed = Some(b),
                Err(problems) => notice = first_problem(&w, &problems),
            }
        }
        _ => {}
    }
    let shown = changed.as_ref().unwrap_or(a);
    let reopened = changed.as_ref().map(|b| open(catalog, &b.registers));
    let registers = reopened.as_ref().unwrap_or(opened);
    let mut out = String::new();
    tabs(&mut out, &w, &shown.id, registers, r.screen);
    if !notice.is_empty() {
        let _ = write!(out, "<p class=\"aims-notice\" role=\"status\">{notice}</p>");
    }
    // A long register shows a page of rows at a time ("Show more", which keeps the
    // evidence filter): a screen with 2,000 records draws as fast as one with 100.
    let (limit, filter) = match r.action {
        "more" => {
            let (n, filter) = r.target.split_once(' ').unwrap_or((r.target, ""));
            (n.parse().unwrap_or(PAGE), filter)
        }
        "filter" => (PAGE, r.target),
        _ => (PAGE, ""),
    };
    let total = match r.screen {
        Screen::Systems => systems(&mut out, &w, registers, form.as_ref(), limit),
        Screen::Risks => risks(&mut out, &w, catalog, registers, form.as_ref(), limit),
        Screen::Evidence => evidence(
            &mut out,
            &w,
            catalog,
            registers,
            form.as_ref(),
            r.today,
            (limit, filter),
        ),
    };
    if total > limit {
        let _ = write!(
            out,
            "<p class=\"aims-noprint\"><button type=\"button\" class=\"aims-btn\" data-action=\"more\" data-target=\"{} {}\">{}</button></p>",
            limit + PAGE,
            escape(filter),
            w.tf(
                w.m.registers_show_more,
                &[
                    ("n", &PAGE.min(total - limit).to_string()),
                    ("shown", &limit.to_string()),
                    ("total", &total.to_string()),
                ]
            )
        );
    }
    Ok(Response {
        markup: out,
        export: changed.map(|b| export(catalog, &b)),
    })
}

/// How many rows of a register a screen shows at first, and each "Show more" adds.
const PAGE: usize = 100;

/// The key of register `n` in the file.
fn key(n: usize) -> &'static str {
    aims_engine::format::v3::REGISTER_KEYS[n]
}

/// A field's value in the submitted form (empty when absent).
pub(crate) fn field<'f>(form: &'f [(String, String)], name: &str) -> &'f str {
    form.iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.trim())
}

/// `a` with register `n` replaced by `list`, checked and in canonical form.
fn saved(
    catalog: &Catalog,
    a: &Assessment,
    n: usize,
    list: Vec<Value>,
) -> Result<Assessment, Vec<ImportError>> {
    let mut b = a.clone();
    b.registers.0[n] = (!list.is_empty()).then_some(Value::Array(list));
    canonical(catalog, &b)
}

/// `b` through the engine's reader: the same checks as a file, and the registers as the
/// writer puts them.
fn canonical(catalog: &Catalog, b: &Assessment) -> Result<Assessment, Vec<ImportError>> {
    import(catalog, export(catalog, b).as_bytes())
}

/// What a record is called in a notice.
fn title(record: &Value) -> String {
    ["name", "title"]
        .iter()
        .find_map(|k| record[*k].as_str())
        .unwrap_or_default()
        .to_owned()
}

/// A problem in the person's words where there are some ("Required."), else the
/// engine's (in English).
fn problem_words(w: &Words, e: &ImportError) -> String {
    match e.problem {
        Problem::Empty | Problem::Missing => w.m.registers_required.to_owned(),
        _ => e.problem.describe(Texts::ENGLISH),
    }
}

/// The first problem, with its path, for a notice.
fn first_problem(w: &Words, problems: &[ImportError]) -> String {
    problems.first().map_or_else(String::new, |e| {
        escape(&format!("{}: {}", e.path, problem_words(w, e)))
    })
}

/// The problems of the record at `prefix`, by the form field they belong to (the first
/// part of the path after the record: `likelihood`, `acceptance.by`, `controls`); the
/// rest under the empty name (shown above the form).
fn at_fields(w: &Words, problems: &[ImportError], prefix: &str) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|e| {
            let name = e
                .path
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('.'))
                .map(|rest| {
                    let end = rest.find('[').unwrap_or(rest.len());
                    let rest = &rest[..end];
                    // Two levels for the pairs a form shows as two fields.
                    match rest.split_once('.') {
                        Some((head, tail))
                            if ["acceptance", "residual", "source"].contains(&head) =>
                        {
                            format!("{head}.{}", tail.split('.').next().unwrap_or(tail))
                        }
                        _ => rest.split('.').next().unwrap_or(rest).to_owned(),
                    }
                })
                .unwrap_or_default();
            (name, problem_words(w, e))
        })
        .collect()
}

/// The problems of an impact assessment at `prefix`, by field name: the path after
/// it, list positions as parts (`effects.1.description`).
fn impact_fields(w: &Words, problems: &[ImportError], prefix: &str) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|e| {
            let name = e
                .path
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('.'))
                .map(|rest| rest.replace('[', ".").replace(']', ""))
                .unwrap_or_default();
            (name, problem_words(w, e))
        })
        .collect()
}

/// The lines of a text, trimmed, without empty ones.
pub(crate) fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Value::String(l.to_owned()))
        .collect()
}

/// A date field: the text, or `null` when empty.
pub(crate) fn date(text: &str) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::String(text.to_owned())
    }
}

/// A level field: the number, or the text as typed (the reader then says what is
/// wrong with it).
pub(crate) fn number(text: &str) -> Value {
    text.parse::<u64>()
        .map_or_else(|_| Value::String(text.to_owned()), Value::from)
}

/// A named approval from two fields: `null` when both are empty.
pub(crate) fn approval(form: &[(String, String)], name: &str) -> Value {
    let (by, on) = (
        field(form, &format!("{name}.by")),
        field(form, &format!("{name}.on")),
    );
    if by.is_empty() && on.is_empty() {
        Value::Null
    } else {
        json!({ "by": by, "on": date(on) })
    }
}

/// The record a form describes: `base` (the record edited, or `null`) with the form's
/// fields written over it, so what the form does not show (an impact assessment) stays.
fn from_form(screen: Screen, base: &Value, id: &str, form: &[(String, String)]) -> Value {
    let text = |k: &str| Value::String(field(form, k).to_owned());
    let ticked = |k: &str| Value::Bool(field(form, k) == "true");
    let mut record: Map<String, Value> = base.as_object().cloned().unwrap_or_default();
    let mut set = |k: &str, v: Value| {
        record.insert(k.to_owned(), v);
    };
    set("id", Value::String(id.to_owned()));
    match screen {
        Screen::Systems => {
            for k in [
                "name",
                "owner",
                "purpose",
                "role",
                "stage",
                "affected",
                "risk_tier",
                "eu_ai_act",
            ] {
                set(k, text(k));
            }
            set(
                "data_categories",
                Value::Array(lines(field(form, "data_categories"))),
            );
            set("personal_data", ticked("personal_data"));
            set("in_scope", ticked("in_scope"));
        }
        Screen::Risks => {
            set("title", text("title"));
            set(
                "source",
                match field(form, "source.system") {
                    "" => json!({ "annex_c": field(form, "source.annex_c") }),
                    system => json!({ "system": system }),
                },
            );
            set("likelihood", number(field(form, "likelihood")));
            set("consequence", number(field(form, "consequence")));
            set(
                "treatment",
                match field(form, "treatment") {
                    "" => Value::Null,
                    t => Value::String(t.to_owned()),
                },
            );
            set("controls", Value::Array(lines(field(form, "controls"))));
            set(
                "own_controls",
                Value::Array(lines(field(form, "own_controls"))),
            );
            set("owner", text("owner"));
            let (l, c) = (
                field(form, "residual.likelihood"),
                field(form, "residual.consequence"),
            );
            set(
                "residual",
                if l.is_empty() && c.is_empty() {
                    Value::Null
                } else {
                    json!({ "likelihood": number(l), "consequence": number(c) })
                },
            );
            set("acceptance", approval(form, "acceptance"));
            set("closed", ticked("closed"));
        }
        Screen::Evidence => {
            for k in ["title", "kind", "owner", "location"] {
                set(k, text(k));
            }
            set("date", date(field(form, "date")));
            set("review_by", date(field(form, "review_by")));
            set("supports", Value::Array(lines(field(form, "supports"))));
        }
    }
    Value::Object(record)
}

/// The tabs of the three registers, with their counts.
fn tabs(out: &mut String, w: &Words, id: &str, r: &Registers, current: Screen) {
    let m = w.m;
    let _ = write!(
        out,
        "<p class=\"aims-lead\">{}</p><nav class=\"aims-subtabs\" aria-label=\"{}\"><ul>",
        escape(m.registers_lead),
        escape(m.registers_title)
    );
    for s in Screen::ALL {
        let (text, count) = match s {
            Screen::Systems => (m.registers_tab_systems, r.ai_systems.len()),
            Screen::Risks => (m.registers_tab_risks, r.risks.len()),
            Screen::Evidence => (m.registers_tab_evidence, r.evidence.len()),
        };
        let _ = write!(
            out,
            "<li><a class=\"aims-subtab\" href=\"#/a/{}/{}\" data-screen=\"{1}\"{}>{}</a></li>",
            escape(id),
            s.key(),
            if s == current {
                " aria-current=\"page\""
            } else {
                ""
            },
            w.tf(text, &[("n", &count.to_string())])
        );
    }
    out.push_str("</ul></nav>");
}

/// A field of a form: its label, its control, and its problems.
pub(crate) enum Control<'a> {
    /// One line of text.
    Text,
    /// Several lines.
    Long,
    /// One line per entry of a list.
    Lines,
    /// A date.
    Date,
    /// A box to tick.
    Tick,
    /// One of these values, with their words.
    Choice(Vec<(String, &'a str)>),
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn control(
    out: &mut String,
    form: &Form,
    name: &str,
    label: &str,
    help: Option<&str>,
    kind: Control,
    value: &Value,
) {
    let id = format!("aims-reg-{}", name.replace('.', "-"));
    let problems: Vec<&str> = form
        .problems
        .iter()
        .filter(|(f, _)| f == name)
        .map(|(_, p)| p.as_str())
        .collect();
    let invalid = if problems.is_empty() {
        String::new()
    } else {
        format!(" aria-invalid=\"true\" aria-describedby=\"{id}-problem\"")
    };
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(list) => list
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    };
    out.push_str("<div class=\"aims-field\">");
    if let Control::Tick = kind {
        let _ = write!(
            out,
            "<label class=\"aims-check\"><input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"true\"{}{invalid}> {}</label>",
            if value == &Value::Bool(true) { " checked" } else { "" },
            escape(label)
        );
    } else {
        let _ = write!(out, "<label for=\"{id}\">{}</label>", escape(label));
        match kind {
            Control::Text | Control::Date => {
                let _ = write!(
                    out,
                    "<input class=\"aims-input\" type=\"{}\" id=\"{id}\" name=\"{name}\" value=\"{}\"{invalid}>",
                    if matches!(kind, Control::Date) { "date" } else { "text" },
                    escape(&text)
                );
            }
            Control::Long | Control::Lines => {
                let _ = write!(
                    out,
                    "<textarea class=\"aims-input\" rows=\"3\" id=\"{id}\" name=\"{name}\"{invalid}>{}</textarea>",
                    escape(&text)
                );
            }
            Control::Choice(options) => {
                let _ = write!(
                    out,
                    "<select class=\"aims-input\" id=\"{id}\" name=\"{name}\"{invalid}>"
                );
                for (v, words) in options {
                    let _ = write!(
                        out,
                        "<option value=\"{}\"{}>{}</option>",
                        escape(&v),
                        if v == text { " selected" } else { "" },
                        escape(words)
                    );
                }
                out.push_str("</select>");
            }
            Control::Tick => {}
        }
    }
    if let Some(help) = help {
        let _ = write!(
            out,
            "<p class=\"aims-small aims-muted\">{}</p>",
            escape(help)
        );
    }
    if !problems.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-field-problem\" id=\"{id}-problem\">{}</p>",
            escape(&problems.join(" "))
        );
    }
    out.push_str("</div>");
}

/// The form's frame: what it is about, what sending it does (`action`), and the
/// problems that belong to no field.
pub(crate) fn form_open(out: &mut String, form: &Form, heading: &str, action: &str) {
    let _ = write!(
        out,
        "<form class=\"aims-panel aims-register-form\" data-action=\"{action}\" data-target=\"{}\" novalidate><h2 class=\"aims-h2\">{}</h2>",
        escape(form.target),
        escape(heading)
    );
    let general: Vec<&str> = form
        .problems
        .iter()
        .filter(|(f, _)| f.is_empty())
        .map(|(_, p)| p.as_str())
        .collect();
    if !general.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-alert\" role=\"alert\">{}</p>",
            escape(&general.join(" "))
        );
    }
}

pub(crate) fn form_close(out: &mut String, w: &Words) {
    let _ = write!(
        out,
        "<div class=\"aims-actions\"><button type=\"submit\" class=\"aims-btn aims-btn--primary\">{}</button> <button type=\"button\" class=\"aims-btn\" data-action=\"cancel\">{}</button></div></form>",
        escape(w.m.registers_save),
        escape(w.m.registers_cancel)
    );
}

/// The buttons of a row.
fn row_actions(w: &Words, id: &str) -> String {
    format!(
        "<button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"edit\" data-target=\"{0}\">{1}</button> <button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"delete\" data-target=\"{0}\">{2}</button>",
        escape(id),
        escape(w.m.registers_edit),
        escape(w.m.registers_delete)
    )
}

/// A table's head.
fn table_open(out: &mut String, columns: &[&str]) {
    out.push_str(
        "<div class=\"aims-table-wrap\"><table class=\"aims-table aims-table--stack\"><thead><tr>",
    );
    for c in columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c));
    }
    out.push_str("</tr></thead><tbody>");
}

/// A row: its first cell a header, each cell labelled for the stacked phone layout.
fn table_row(out: &mut String, columns: &[&str], cells: &[String]) {
    out.push_str("<tr>");
    for (i, (c, cell)) in columns.iter().zip(cells).enumerate() {
        let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
        let _ = write!(
            out,
            "<{tag} data-label=\"{}\">{cell}</{}>",
            escape(c),
            &tag[..2]
        );
    }
    out.push_str("</tr>");
}

fn yes_no(w: &Words, b: bool) -> &'static str {
    if b {
        w.m.registers_yes
    } else {
        w.m.registers_no
    }
}

fn role_words(w: &Words, role: AiRole) -> &'static str {
    let m = w.m;
    match role {
        AiRole::Provider => m.role_ai_provider,
        AiRole::Producer => m.role_ai_producer,
        AiRole::Customer => m.role_ai_customer,
        AiRole::Partner => m.role_ai_partner,
        AiRole::Subject => m.role_ai_subject,
        AiRole::RelevantAuthority => m.role_relevant_authority,
    }
}

fn stage_words(w: &Words, s: LifeCycleStage) -> &'static str {
    let m = w.m;
    match s {
        LifeCycleStage::Inception => m.registers_stage_inception,
        LifeCycleStage::DesignAndDevelopment => m.registers_stage_design_and_development,
        LifeCycleStage::VerificationAndValidation => m.registers_stage_verification_and_validation,
        LifeCycleStage::Deployment => m.registers_stage_deployment,
        LifeCycleStage::OperationAndMonitoring => m.registers_stage_operation_and_monitoring,
        LifeCycleStage::ReEvaluation => m.registers_stage_re_evaluation,
        LifeCycleStage::Retirement => m.registers_stage_retirement,
    }
}

fn eu_words(w: &Words, e: EuAiActClass) -> &'static str {
    let m = w.m;
    match e {
        EuAiActClass::NotJudged => m.registers_eu_not_judged,
        EuAiActClass::Prohibited => m.registers_eu_prohibited,
        EuAiActClass::HighRisk1 => m.registers_eu_high_risk_1,
        EuAiActClass::HighRisk2 => m.registers_eu_high_risk_2,
        EuAiActClass::HighRisk3 => m.registers_eu_high_risk_3,
        EuAiActClass::HighRisk4 => m.registers_eu_high_risk_4,
        EuAiActClass::HighRisk5 => m.registers_eu_high_risk_5,
        EuAiActClass::HighRisk6 => m.registers_eu_high_risk_6,
        EuAiActClass::HighRisk7 => m.registers_eu_high_risk_7,
        EuAiActClass::HighRisk8 => m.registers_eu_high_risk_8,
        EuAiActClass::Transparency => m.registers_eu_transparency,
        EuAiActClass::Minimal => m.registers_eu_minimal,
    }
}

fn treatment_words(w: &Words, t: Option<Treatment>) -> &'static str {
    let m = w.m;
    match t {
        None => m.registers_treatment_none,
        Some(Treatment::Modify) => m.registers_treatment_modify,
        Some(Treatment::Avoid) => m.registers_treatment_avoid,
        Some(Treatment::Share) => m.registers_treatment_share,
        Some(Treatment::Retain) => m.registers_treatment_retain,
    }
}

fn kind_words(w: &Words, k: EvidenceKind) -> &'static str {
    let m = w.m;
    match k {
        EvidenceKind::Document => m.registers_kind_document,
        EvidenceKind::Record => m.registers_kind_record,
        EvidenceKind::Configuration => m.registers_kind_configuration,
        EvidenceKind::Interview => m.registers_kind_interview,
    }
}

/// The choices of a set of names, with their words.
fn choices<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    words: impl Fn(T) -> &'static str,
) -> Vec<(String, &'static str)> {
    all.iter()
        .map(|&v| (name(v).to_owned(), words(v)))
        .collect()
}

/// The "add" button, or the form when one is open.
fn add_or_form(
    out: &mut String,
    form: Option<&Form>,
    add: &str,
    draw: impl FnOnce(&mut String, &Form),
) {
    match form {
        Some(f) => draw(out, f),
        None => {
            let _ = write!(
                out,
                "<p><button type=\"button\" class=\"aims-btn aims-btn--primary\" data-action=\"new\">{}</button></p>",
                escape(add)
            );
        }
    }
}

/// The systems screen's body, `limit` rows at most: how many rows there are.
fn systems(out: &mut String, w: &Words, r: &Registers, form: Option<&Form>, limit: usize) -> usize {
    let m = w.m;
    if let Some(f) = form.filter(|f| f.impact) {
        let name = r
            .ai_systems
            .iter()
            .find(|s| s.id.as_str() == f.target)
            .map_or("", |s| s.name.as_str());
        crate::impact::draw(out, w, r, f, name);
    }
    add_or_form(
        out,
        form.filter(|f| !f.impact),
        m.registers_add_system,
        |out, f| {
            let v = |k: &str| f.record.get(k).cloned().unwrap_or(Value::Null);
            form_open(out, f, m.registers_add_system, "save");
            control(
                out,
                f,
                "name",
                m.registers_system_name,
                None,
                Control::Text,
                &v("name"),
            );
            control(
                out,
                f,
                "owner",
                m.registers_system_owner,
                None,
                Control::Text,
                &v("owner"),
            );
            control(
                out,
                f,
                "purpose",
                m.registers_system_purpose,
                None,
                Control::Long,
                &v("purpose"),
            );
            let roles = choices(&AiRole::ALL, AiRole::as_str, |x| role_words(w, x));
            control(
                out,
                f,
                "role",
                m.registers_system_role,
                None,
                Control::Choice(roles),
                &v("role"),
            );
            let stages = choices(&LifeCycleStage::ALL, LifeCycleStage::as_str, |x| {
                stage_words(w, x)
            });
            control(
                out,
                f,
                "stage",
                m.registers_system_stage,
                None,
                Control::Choice(stages),
                &v("stage"),
            );
            control(
                out,
                f,
                "data_categories",
                m.registers_system_data,
                Some(m.registers_list_hint),
                Control::Lines,
                &v("data_categories"),
            );
            control(
                out,
                f,
                "personal_data",
                m.registers_system_personal,
                None,
                Control::Tick,
                &v("personal_data"),
            );
            control(
                out,
                f,
                "affected",
                m.registers_system_affected,
                None,
                Control::Long,
                &v("affected"),
            );
            control(
                out,
                f,
                "risk_tier",
                m.registers_system_tier,
                None,
                Control::Text,
                &v("risk_tier"),
            );
            let classes = choices(&EuAiActClass::ALL, EuAiActClass::as_str, |x| eu_words(w, x));
            control(
                out,
                f,
                "eu_ai_act",
                m.registers_system_eu,
                Some(m.registers_system_eu_help),
                Control::Choice(classes),
                &v("eu_ai_act"),
            );
            // A new system is in scope until the person says otherwise.
            let in_scope = if f.record.is_null() {
                Value::Bool(true)
            } else {
                v("in_scope")
            };
            control(
                out,
                f,
                "in_scope",
                m.registers_system_in_scope,
                None,
                Control::Tick,
                &in_scope,
            );
            form_close(out, w);
        },
    );
    if r.ai_systems.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-empty\">{}</p>",
            escape(m.registers_none_systems)
        );
        return 0;
    }
    let columns = [
        m.registers_col_name,
        m.registers_system_role,
        m.registers_system_stage,
        m.registers_system_eu,
        m.registers_system_in_scope,
        m.registers_system_impact,
        m.registers_col_actions,
    ];
    table_open(out, &columns);
    for s in r.ai_systems.iter().take(limit) {
        let impact = match &s.impact {
            None => m.registers_impact_none.to_owned(),
            Some(i) if !i.approved() => m.registers_impact_draft.to_owned(),
            Some(i) => w.fill(
                m.registers_impact_approved,
                &[(
                    "date",
                    &i.approval
                        .as_ref()
                        .map(|a| a.on.to_string())
                        .unwrap_or_default(),
                )],
            ),
        };
        table_row(
            out,
            &columns,
            &[
                escape(&s.name),
                escape(role_words(w, s.role)),
                escape(stage_words(w, s.stage)),
                escape(eu_words(w, s.eu_ai_act)),
                escape(yes_no(w, s.in_scope)),
                format!(
                    "{} <button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"impact\" data-target=\"{}\">{}</button>",
                    escape(&impact),
                    escape(s.id.as_str()),
                    escape(m.registers_impact)
                ),
                row_actions(w, s.id.as_str()),
            ],
        );
    }
    out.push_str("</tbody></table></div>");
    r.ai_systems.len()
}

/// The criteria's scale for likelihood or consequence: 1 up to its levels.
pub(crate) fn levels(max: u8) -> Vec<(String, &'static str)> {
    const DIGITS: [&str; 5] = ["1", "2", "3", "4", "5"];
    DIGITS[..usize::from(max).min(5)]
        .iter()
        .map(|d| ((*d).to_owned(), *d))
        .collect()
}

/// The risks screen's body, `limit` rows at most: how many rows there are.
fn risks(
    out: &mut String,
    w: &Words,
    catalog: &Catalog,
    r: &Registers,
    form: Option<&Form>,
    limit: usize,
) -> usize {
    let m = w.m;
    let criteria = r.risk_criteria;
    // The criteria: what they are, and their form.
    let _ = write!(
        out,
        "<section class=\"aims-panel\" aria-labelledby=\"aims-reg-criteria\"><h2 class=\"aims-h2\" id=\"aims-reg-criteria\">{}</h2><p>{}</p><p>{}</p>",
        escape(m.registers_criteria_title),
        escape(m.registers_criteria_lead),
        match criteria {
            Some(c) => w.tf(
                m.registers_criteria_summary,
                &[
                    ("l", &c.likelihoods().to_string()),
                    ("c", &c.consequences().to_string()),
                    ("a", &c.acceptance().to_string()),
                ]
            ),
            None => escape(m.registers_criteria_none),
        }
    );
    let (l, c, a) = criteria.map_or((5, 5, 6), |c| {
        (c.likelihoods(), c.consequences(), c.acceptance())
    });
    let criteria_form = Form {
        target: "",
        record: json!({ "likelihoods": l, "consequences": c, "acceptance": a }),
        problems: Vec::new(),
        impact: false,
    };
    out.push_str("<form class=\"aims-criteria-form\" data-action=\"criteria\" novalidate><div class=\"aims-grid-2\">");
    let three = || levels(5).split_off(2);
    control(
        out,
        &criteria_form,
        "likelihoods",
        m.registers_criteria_likelihoods,
        None,
        Control::Choice(three()),
        &json!(l),
    );
    control(
        out,
        &criteria_form,
        "consequences",
        m.registers_criteria_consequences,
        None,
        Control::Choice(three()),
        &json!(c),
    );
    control(
        out,
        &criteria_form,
        "acceptance",
        m.registers_criteria_acceptance,
        None,
        Control::Text,
        &json!(a),
    );
    let _ = write!(
        out,
        "</div><button type=\"submit\" class=\"aims-btn\">{}</button></form></section>",
        escape(m.registers_save)
    );
    if !r.risks.is_empty() {
        heat_maps(out, w, r, criteria);
    }
    add_or_form(out, form, m.registers_add_risk, |out, f| {
        let v = |k: &str| f.record.get(k).cloned().unwrap_or(Value::Null);
        let sub = |k: &str, s: &str| {
            f.record
                .get(k)
                .and_then(|x| x.get(s))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let (lmax, cmax) = criteria.map_or((5, 5), |c| (c.likelihoods(), c.consequences()));
        form_open(out, f, m.registers_add_risk, "save");
        control(
            out,
            f,
            "title",
            m.registers_risk_title,
            None,
            Control::Text,
            &v("title"),
        );
        let mut systems: Vec<(String, &str)> = vec![(String::new(), m.registers_none)];
        systems.extend(
            r.ai_systems
                .iter()
                .map(|s| (s.id.as_str().to_owned(), s.name.as_str())),
        );
        control(
            out,
            f,
            "source.system",
            m.registers_risk_source_system,
            None,
            Control::Choice(systems),
            &sub("source", "system"),
        );
        control(
            out,
            f,
            "source.annex_c",
            m.registers_risk_source_annex_c,
            None,
            Control::Text,
            &sub("source", "annex_c"),
        );
        control(
            out,
            f,
            "likelihood",
            m.registers_risk_likelihood,
            None,
            Control::Choice(levels(lmax)),
            &v("likelihood"),
        );
        control(
            out,
            f,
            "consequence",
            m.registers_risk_consequence,
            None,
            Control::Choice(levels(cmax)),
            &v("consequence"),
        );
        let mut treatments = vec![(String::new(), m.registers_treatment_none)];
        treatments.extend(choices(&Treatment::ALL, Treatment::as_str, |x| {
            treatment_words(w, Some(x))
        }));
        control(
            out,
            f,
            "treatment",
            m.registers_risk_treatment,
            None,
            Control::Choice(treatments),
            &v("treatment"),
        );
        control(
            out,
            f,
            "controls",
            m.registers_risk_controls,
            Some(m.registers_risk_controls_help),
            Control::Lines,
            &v("controls"),
        );
        control(
            out,
            f,
            "own_controls",
            m.registers_risk_own_controls,
            Some(m.registers_list_hint),
            Control::Lines,
            &v("own_controls"),
        );
        control(
            out,
            f,
            "owner",
            m.registers_risk_owner,
            None,
            Control::Text,
            &v("owner"),
        );
        let with_none = |max| {
            let mut list = vec![(String::new(), m.registers_none)];
            list.extend(levels(max));
            list
        };
        control(
            out,
            f,
            "residual.likelihood",
            m.registers_risk_residual_likelihood,
            None,
            Control::Choice(with_none(lmax)),
            &sub("residual", "likelihood"),
        );
        control(
            out,
            f,
            "residual.consequence",
            m.registers_risk_residual_consequence,
            None,
            Control::Choice(with_none(cmax)),
            &sub("residual", "consequence"),
        );
        control(
            out,
            f,
            "acceptance.by",
            m.registers_risk_accepted_by,
            None,
            Control::Text,
            &sub("acceptance", "by"),
        );
        control(
            out,
            f,
            "acceptance.on",
            m.registers_risk_accepted_on,
            None,
            Control::Date,
            &sub("acceptance", "on"),
        );
        control(
            out,
            f,
            "closed",
            m.registers_risk_closed,
            None,
            Control::Tick,
            &v("closed"),
        );
        form_close(out, w);
    });
    if r.risks.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-empty\">{}</p>",
            escape(m.registers_none_risks)
        );
        return 0;
    }
    let columns = [
        m.registers_risk_title,
        m.registers_risk_source,
        m.registers_risk_level,
        m.registers_risk_treatment,
        m.registers_risk_controls,
        m.registers_risk_residual_likelihood,
        m.registers_risk_accepted_by,
        m.registers_col_actions,
    ];
    table_open(out, &columns);
    for k in r.risks.iter().take(limit) {
        let system_name = |id: &aims_engine::model::registers::RecordId| {
            r.ai_systems
                .iter()
                .find(|s| s.id == *id)
                .map_or(String::new(), |s| s.name.clone())
        };
        let source = match &k.source {
            RiskSource::System(id) => system_name(id),
            RiskSource::Harm(id, _) => w.fill(
                m.registers_risk_source_harm,
                &[("system", &system_name(id))],
            ),
            RiskSource::AnnexC(text) => text.clone(),
        };
        let above = r.above_acceptance(k);
        let level = format!(
            "{} × {} = {} · <span class=\"aims-tag\" data-above=\"{above}\">{}</span>",
            k.likelihood,
            k.consequence,
            u16::from(k.likelihood) * u16::from(k.consequence),
            escape(if above {
                m.registers_risk_above
            } else {
                m.registers_risk_within
            })
        );
        let controls: Vec<&str> = k
            .controls
            .iter()
            .map(|&i| catalog.item(i).id.as_str())
            .collect();
        table_row(
            out,
            &columns,
            &[
                escape(&k.title),
                escape(&source),
                level,
                escape(treatment_words(w, k.treatment)),
                escape(&controls.join(", ")),
                k.residual
                    .map_or_else(|| escape(m.registers_none), |(l, c)| format!("{l} × {c}")),
                escape(
                    k.acceptance
                        .as_ref()
                        .map_or(m.registers_none, |a| a.by.as_str()),
                ),
                row_actions(w, k.id.as_str()),
            ],
        );
    }
    out.push_str("</tbody></table></div>");
    r.risks.len()
}

/// The criteria's matrix twice, before and after treatment: how many open risks lie in
/// each cell, the cells above the acceptance level marked.
fn heat_maps(out: &mut String, w: &Words, r: &Registers, criteria: Option<RiskCriteria>) {
    let m = w.m;
    let (lmax, cmax, accept) = criteria.map_or((5, 5, 0), |c| {
        (c.likelihoods(), c.consequences(), c.acceptance())
    });
    let _ = write!(
        out,
        "<p class=\"aims-small aims-muted\">{}</p><div class=\"aims-heat-maps\">",
        escape(m.registers_heat_caption)
    );
    for (after, caption) in [
        (false, m.registers_heat_before),
        (true, m.registers_heat_after),
    ] {
        let _ = write!(
            out,
            "<table class=\"aims-heat\"><caption>{}</caption><tbody>",
            escape(caption)
        );
        for l in (1..=lmax).rev() {
            let _ = write!(out, "<tr><th scope=\"row\">{l}</th>");
            for c in 1..=cmax {
                let count = r
                    .risks
                    .iter()
                    .filter(|k| !k.closed)
                    .filter(|k| {
                        let at = if after {
                            k.residual.unwrap_or((k.likelihood, k.consequence))
                        } else {
                            (k.likelihood, k.consequence)
                        };
                        at == (l, c)
                    })
                    .count();
                let above = criteria.is_none() || u16::from(l) * u16::from(c) > u16::from(accept);
                let label = w.fill(
                    m.registers_heat_cell,
                    &[
                        ("l", &l.to_string()),
                        ("c", &c.to_string()),
                        ("n", &count.to_string()),
                    ],
                );
                let _ = write!(
                    out,
                    "<td data-above=\"{above}\" title=\"{0}\" aria-label=\"{0}\">{1}</td>",
                    escape(&label),
                    if count == 0 {
                        String::new()
                    } else {
                        count.to_string()
                    }
                );
            }
            out.push_str("</tr>");
        }
        out.push_str("<tr><td></td>");
        for c in 1..=cmax {
            let _ = write!(out, "<th scope=\"col\">{c}</th>");
        }
        out.push_str("</tr></tbody></table>");
    }
    out.push_str("</div>");
}

fn evidence(
    out: &mut String,
    w: &Words,
    catalog: &Catalog,
    r: &Registers,
    form: Option<&Form>,
    today: Date,
    (limit, filter): (usize, &str),
) -> usize {
    let m = w.m;
    add_or_form(out, form, m.registers_add_evidence, |out, f| {
        let v = |k: &str| f.record.get(k).cloned().unwrap_or(Value::Null);
        form_open(out, f, m.registers_add_evidence, "save");
        control(
            out,
            f,
            "title",
            m.registers_evidence_title,
            None,
            Control::Text,
            &v("title"),
        );
        let kinds = choices(&EvidenceKind::ALL, EvidenceKind::as_str, |x| {
            kind_words(w, x)
        });
        control(
            out,
            f,
            "kind",
            m.registers_evidence_kind,
            None,
            Control::Choice(kinds),
            &v("kind"),
        );
        control(
            out,
            f,
            "owner",
            m.registers_evidence_owner,
            None,
            Control::Text,
            &v("owner"),
        );
        control(
            out,
            f,
            "date",
            m.registers_evidence_date,
            None,
            Control::Date,
            &v("date"),
        );
        control(
            out,
            f,
            "review_by",
            m.registers_evidence_review_by,
            None,
            Control::Date,
            &v("review_by"),
        );
        control(
            out,
            f,
            "location",
            m.registers_evidence_location,
            None,
            Control::Text,
            &v("location"),
        );
        control(
            out,
            f,
            "supports",
            m.registers_evidence_supports,
            Some(m.registers_evidence_supports_help),
            Control::Lines,
            &v("supports"),
        );
        form_close(out, w);
    });
    if r.evidence.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-empty\">{}</p>",
            escape(m.registers_none_evidence)
        );
        return 0;
    }
    let _ = write!(
        out,
        "<div class=\"aims-field aims-noprint\"><label for=\"aims-reg-filter\">{}</label><select class=\"aims-input\" id=\"aims-reg-filter\" data-action=\"filter\">",
        escape(m.registers_evidence_filter)
    );
    // The fixed filters, then one per item some record supports ("item:<id>").
    let mut supported: Vec<ItemId> = r.evidence.iter().flat_map(|e| e.supports.clone()).collect();
    supported.sort_unstable();
    supported.dedup();
    let by_item: Vec<(String, String)> = supported
        .iter()
        .map(|&i| {
            let id = &catalog.item(i).id;
            (
                format!("item:{id}"),
                w.fill(m.registers_evidence_filter_item, &[("item", id)]),
            )
        })
        .collect();
    let fixed = [
        ("", m.registers_evidence_filter_all),
        ("stale", m.registers_evidence_filter_stale),
        ("no_date", m.registers_evidence_filter_no_date),
        ("no_file", m.registers_evidence_filter_no_file),
    ];
    let options = fixed
        .iter()
        .map(|(v, t)| (*v, *t))
        .chain(by_item.iter().map(|(v, t)| (v.as_str(), t.as_str())));
    for (value, words) in options {
        let _ = write!(
            out,
            "<option value=\"{}\"{}>{}</option>",
            escape(value),
            if value == filter { " selected" } else { "" },
            escape(words)
        );
    }
    out.push_str("</select></div>");
    let columns = [
        m.registers_evidence_title,
        m.registers_evidence_kind,
        m.registers_evidence_owner,
        m.registers_evidence_date,
        m.registers_evidence_review_by,
        m.registers_evidence_supports,
        m.registers_evidence_file,
        m.registers_col_actions,
    ];
    // Filled in by files.js (`filesSpace`): the files this browser has of those the
    // records name (`sha256:size` each), and the browser's own figures.
    let files: Vec<String> = r
        .evidence
        .iter()
        .filter_map(|e| e.file.as_ref())
        .map(|f| format!("{}:{}", f.sha256, f.size))
        .collect();
    let _ = write!(
        out,
        "<p class=\"aims-hint\" id=\"aims-ev-space\" data-files=\"{}\"></p>",
        escape(&files.join(" "))
    );
    table_open(out, &columns);
    let shown = r.evidence.iter().filter(|e| match filter {
        "stale" => e.stale(today),
        "no_date" => e.date.is_none(),
        "no_file" => e.file.is_none(),
        f => match f.strip_prefix("item:") {
            Some(id) => e.supports.iter().any(|&i| catalog.item(i).id == id),
            None => true,
        },
    });
    let shown: Vec<&Evidence> = shown.collect();
    // A date kept whole in a narrow column.
    let day = |d: Date| format!("<time datetime=\"{d}\">{d}</time>");
    for e in shown.iter().take(limit) {
        let review = match e.review_by {
            None => escape(m.registers_none),
            Some(d) if e.stale(today) => format!(
                "{} · <span class=\"aims-tag\" data-stale=\"true\">{}</span>",
                day(d),
                escape(m.registers_evidence_stale)
            ),
            Some(d) => day(d),
        };
        let supports: Vec<&str> = e
            .supports
            .iter()
            .map(|&i| catalog.item(i).id.as_str())
            .collect();
        table_row(
            out,
            &columns,
            &[
                escape(&e.title),
                escape(kind_words(w, e.kind)),
                escape(&e.owner),
                e.date.map_or_else(|| escape(m.registers_none), day),
                review,
                escape(&supports.join(", ")),
                file_cell(w, e),
                row_actions(w, e.id.as_str()),
            ],
        );
    }
    out.push_str("</tbody></table></div>");
    shown.len()
}

/// The file cell of an evidence record: its kept file (a button that downloads it, and
/// one that takes it off the record), or a control that attaches one.
fn file_cell(w: &Words, e: &Evidence) -> String {
    let m = w.m;
    match &e.file {
        Some(f) => format!(
            "<button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"open_file\" data-target=\"{}\" data-sha=\"{}\" data-name=\"{}\">{}</button> <button type=\"button\" class=\"aims-btn aims-btn--small\" data-action=\"unfile\" data-target=\"{}\">{}</button>",
            escape(e.id.as_str()),
            escape(&f.sha256),
            escape(&f.name),
            w.tf(m.registers_evidence_download, &[("name", &f.name), ("size", &w.size(f.size))]),
            escape(&json!([e.id.as_str()]).to_string()),
            escape(m.registers_evidence_unfile)
        ),
        None => format!(
            "<label class=\"aims-btn aims-btn--small aims-file-pick\">{}<input type=\"file\" class=\"aims-sr\" data-action=\"attach\" data-target=\"{}\" aria-label=\"{}\"></label>",
            escape(m.registers_evidence_attach),
            escape(e.id.as_str()),
            w.tf(m.registers_evidence_attach_to, &[("title", &e.title)])
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/assessment-v3-registers.json");
    const NEW_ID: &str = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

    fn today() -> Date {
        Date::parse("2026-12-07").expect("a date")
    }

    fn step_on(
        export: &str,
        screen: Screen,
        action: &str,
        target: &str,
        form: &[(&str, &str)],
    ) -> Response {
        let form: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        step(&Request {
            lang: Lang::En,
            export: export.as_bytes(),
            today: today(),
            screen,
            action,
            target,
            form: &form,
            new_id: NEW_ID,
        })
        .expect("a step")
    }

    fn registers_of(export: &str) -> Registers {
        let a = read(export.as_bytes()).expect("reads");
        open(Catalog::builtin(), &a.registers)
    }

    fn system_form(name: &str) -> Vec<(&'static str, &str)> {
        vec![
            ("name", name),
            ("owner", "Head of HR"),
            ("role", "ai_customer"),
            ("stage", "deployment"),
            ("data_categories", "CVs\n\nInterview notes"),
            ("personal_data", "true"),
            ("eu_ai_act", "high_risk_4"),
            ("in_scope", "true"),
        ]
    }

    #[test]
    fn the_systems_screen_lists_each_system_with_its_class_and_impact_assessment() {
        let out = step_on(FIXTURE, Screen::Systems, "", "", &[]);
        assert_eq!(out.export, None);
        let m = out.markup;
        assert!(
            m.contains("AI systems (2)") && m.contains("Risks (3)") && m.contains("Evidence (2)"),
            "{m}"
        );
        assert!(
            m.contains("data-screen=\"systems\" aria-current=\"page\""),
            "{m}"
        );
        assert!(
            m.contains("Support chatbot") && m.contains("Approved 2026-11-20"),
            "{m}"
        );
        assert!(
            m.contains("High-risk: access to essential services (Annex III, 5)"),
            "{m}"
        );
        assert!(
            m.contains("None yet"),
            "the fraud model has no impact assessment"
        );
    }

    #[test]
    fn a_new_system_is_checked_by_the_engine_and_saved_in_canonical_form() {
        // Without a name: the field says so, and nothing is saved.
        let refused = step_on(FIXTURE, Screen::Systems, "save", "", &system_form(" "));
        assert_eq!(refused.export, None);
        assert!(
            refused
                .markup
                .contains("id=\"aims-reg-name-problem\">Required."),
            "{}",
            refused.markup
        );
        assert!(refused.markup.contains("Not saved"));
        assert!(
            refused.markup.contains("value=\"Head of HR\""),
            "what was typed stays"
        );
        let saved = step_on(
            FIXTURE,
            Screen::Systems,
            "save",
            "",
            &system_form("CV screening"),
        );
        let export = saved.export.expect("saved");
        assert!(
            saved.markup.contains("Saved “CV screening”."),
            "{}",
            saved.markup
        );
        let r = registers_of(&export);
        let added = r.ai_systems.last().expect("a system");
        assert_eq!(added.id.as_str(), NEW_ID);
        assert_eq!(added.data_categories, ["CVs", "Interview notes"]);
        assert_eq!(added.eu_ai_act, EuAiActClass::HighRisk4);
        // Canonical: the export reads and writes back byte for byte.
        let again = read(export.as_bytes()).expect("reads");
        assert_eq!(aims_engine::export(Catalog::builtin(), &again), export);
    }

    #[test]
    fn editing_a_system_keeps_its_impact_assessment() {
        let id = "5f0c1e2a-7b3d-4e8f-9a1b-2c3d4e5f6a7b";
        let form = step_on(FIXTURE, Screen::Systems, "edit", id, &[]);
        assert!(
            form.markup.contains("value=\"Support chatbot\""),
            "{}",
            form.markup
        );
        let saved = step_on(
            FIXTURE,
            Screen::Systems,
            "save",
            id,
            &system_form("Support chatbot v2"),
        );
        let r = registers_of(&saved.export.expect("saved"));
        assert_eq!(r.ai_systems.len(), 2);
        assert_eq!(r.ai_systems[0].name, "Support chatbot v2");
        assert!(r.ai_systems[0]
            .impact
            .as_ref()
            .is_some_and(|i| i.approved()));
    }

    #[test]
    fn a_risk_with_a_clause_as_control_is_refused_at_that_field() {
        let form = [
            ("title", "Bias in CV screening"),
            ("source.annex_c", "Fairness"),
            ("likelihood", "3"),
            ("consequence", "4"),
            ("treatment", "modify"),
            ("controls", "A.7.4\n5.2"),
        ];
        let refused = step_on(FIXTURE, Screen::Risks, "save", "", &form);
        assert_eq!(refused.export, None);
        assert!(
            refused.markup.contains(
                "id=\"aims-reg-controls-problem\">&quot;5.2&quot; is not an Annex A control"
            ),
            "{}",
            refused.markup
        );
        let form = [
            ("title", "Bias in CV screening"),
            ("source.annex_c", "Fairness"),
            ("likelihood", "3"),
            ("consequence", "4"),
            ("treatment", "modify"),
            ("controls", "A.7.4"),
            ("acceptance.by", "Jana Novak"),
            ("acceptance.on", "2026-12-01"),
        ];
        let saved = step_on(FIXTURE, Screen::Risks, "save", "", &form);
        let r = registers_of(&saved.export.expect("saved"));
        let k = r.risks.last().expect("a risk");
        assert_eq!((k.likelihood, k.consequence), (3, 4));
        assert!(matches!(&k.source, RiskSource::AnnexC(t) if t == "Fairness"));
        assert_eq!(
            k.acceptance.as_ref().map(|a| a.by.as_str()),
            Some("Jana Novak")
        );
    }

    #[test]
    fn a_delete_can_be_undone_and_a_record_others_refer_to_is_not_deleted() {
        let id = "5e6f7a8b-9c0d-4ebf-8203-4b5c6d7e8f90";
        let deleted = step_on(FIXTURE, Screen::Evidence, "delete", id, &[]);
        let export = deleted.export.expect("deleted");
        assert_eq!(registers_of(&export).evidence.len(), 1);
        let pattern = "data-action=\"undo\" data-target=\"";
        let start = deleted.markup.find(pattern).expect("undo") + pattern.len();
        let end = start + deleted.markup[start..].find('"').expect("end");
        let target = deleted.markup[start..end]
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        let undone = step_on(&export, Screen::Evidence, "undo", &target, &[]);
        assert!(
            undone.export.as_deref() == Some(FIXTURE),
            "back as it was, byte for byte"
        );
        // The chatbot is the source of a risk: deleting it is refused, with the reason.
        let refused = step_on(
            FIXTURE,
            Screen::Systems,
            "delete",
            "5f0c1e2a-7b3d-4e8f-9a1b-2c3d4e5f6a7b",
            &[],
        );
        assert_eq!(refused.export, None);
        assert!(
            refused.markup.contains("assessment.risks[0].source"),
            "{}",
            refused.markup
        );
    }

    #[test]
    fn the_criteria_are_checked_against_the_risks_and_drawn_as_heat_maps() {
        let refused = step_on(
            FIXTURE,
            Screen::Risks,
            "criteria",
            "",
            &[
                ("likelihoods", "3"),
                ("consequences", "3"),
                ("acceptance", "4"),
            ],
        );
        assert_eq!(
            refused.export, None,
            "a risk at likelihood 4 is off a 3×3 matrix"
        );
        assert!(
            refused.markup.contains("is not a whole number from 1 to 3"),
            "{}",
            refused.markup
        );
        let saved = step_on(
            FIXTURE,
            Screen::Risks,
            "criteria",
            "",
            &[
                ("likelihoods", "4"),
                ("consequences", "5"),
                ("acceptance", "8"),
            ],
        );
        let export = saved.export.expect("saved");
        assert_eq!(
            registers_of(&export).risk_criteria.map(|c| (
                c.likelihoods(),
                c.consequences(),
                c.acceptance()
            )),
            Some((4, 5, 8))
        );
        let m = saved.markup;
        assert!(m.contains("4 × 5 matrix; accepted up to 8."), "{m}");
        // Before treatment: the chatbot's risk at 3 × 3 (above 8), after it at 1 × 3.
        assert!(
            m.contains("title=\"Likelihood 3, consequence 3: 1 risk\""),
            "{m}"
        );
        assert!(
            m.contains("title=\"Likelihood 1, consequence 3: 1 risk\""),
            "{m}"
        );
        assert!(
            m.contains("data-above=\"true\" title=\"Likelihood 3, consequence 3"),
            "{m}"
        );
    }

    #[test]
    fn evidence_past_its_review_date_is_marked_and_can_be_listed_alone() {
        let all = step_on(FIXTURE, Screen::Evidence, "", "", &[]).markup;
        assert!(
            all.contains("AI policy v2") && all.contains("data-stale=\"true\""),
            "{all}"
        );
        let stale = step_on(FIXTURE, Screen::Evidence, "filter", "stale", &[]).markup;
        assert!(!stale.contains("AI policy v2"), "{stale}");
        assert!(stale.contains("Interview with the support lead"), "{stale}");
        // Without a kept file; by an item a record supports (an option for each).
        let no_file = step_on(FIXTURE, Screen::Evidence, "filter", "no_file", &[]).markup;
        assert!(!no_file.contains("AI policy v2") && no_file.contains("Interview with"));
        let by_item = step_on(FIXTURE, Screen::Evidence, "filter", "item:8.4", &[]).markup;
        assert!(!by_item.contains("AI policy v2") && by_item.contains("Interview with"));
        assert!(by_item.contains("<option value=\"item:A.2.2\">Supporting A.2.2</option>"));
        assert!(by_item.contains("<option value=\"item:8.4\" selected>Supporting 8.4</option>"));
    }

    #[test]
    fn a_file_kept_in_the_browser_joins_its_record_and_can_be_taken_off_and_back() {
        const INTERVIEW: &str = "5e6f7a8b-9c0d-4ebf-8203-4b5c6d7e8f90";
        let sha = "a".repeat(64);
        let given = json!([INTERVIEW, "notes.txt", "2048", sha]).to_string();
        let kept = step_on(FIXTURE, Screen::Evidence, "file", &given, &[]);
        assert!(
            kept.markup.contains(
                "“notes.txt” (2 KB) is kept in this browser with “Interview with the support lead”"
            ),
            "{}",
            kept.markup
        );
        let export = kept.export.expect("saved");
        let file = registers_of(&export).evidence[1]
            .file
            .clone()
            .expect("a file");
        assert_eq!(
            (file.name.as_str(), file.size, file.sha256.as_str()),
            ("notes.txt", 2048, sha.as_str())
        );
        // Its row downloads it now, and no longer offers to attach one.
        let row = kept
            .markup
            .split("Interview with the support lead</th>")
            .nth(1)
            .unwrap_or_default();
        let row = row.split("</tr>").next().unwrap_or_default();
        assert!(
            row.contains("data-action=\"open_file\"") && !row.contains("type=\"file\""),
            "{row}"
        );
        // Taken off: the record keeps no file, and the notice offers it back.
        let off = step_on(
            &export,
            Screen::Evidence,
            "unfile",
            &json!([INTERVIEW]).to_string(),
            &[],
        );
        let without = off.export.expect("saved");
        assert!(registers_of(&without).evidence[1].file.is_none());
        let undo = off
            .markup
            .split("data-action=\"file\" data-target=\"")
            .nth(1)
            .expect("an undo");
        let target = undo
            .split('"')
            .next()
            .unwrap_or_default()
            .replace("&quot;", "\"");
        let back = step_on(&without, Screen::Evidence, "file", &target, &[])
            .export
            .expect("saved");
        assert_eq!(registers_of(&back).evidence[1].file, Some(file));
        // A hash that is not one is refused by the engine's reader: nothing saved.
        let bad = json!([INTERVIEW, "x", "1", "not a hash"]).to_string();
        assert_eq!(
            step_on(FIXTURE, Screen::Evidence, "file", &bad, &[]).export,
            None
        );
    }

    #[test]
    fn a_file_that_cannot_be_kept_says_why_and_changes_nothing() {
        for (why, words) in [
            ("big", "larger than 50 MB"),
            ("full", "no room left for “scan.pdf”"),
            ("none", "cannot keep files"),
            (
                "QuotaExceededError: x",
                "could not be kept (QuotaExceededError: x)",
            ),
        ] {
            let target =
                json!(["5e6f7a8b-9c0d-4ebf-8203-4b5c6d7e8f90", "scan.pdf", why]).to_string();
            let r = step_on(FIXTURE, Screen::Evidence, "file_refused", &target, &[]);
            assert!(r.markup.contains(words), "{why}: {}", r.markup);
            assert_eq!(r.export, None);
        }
        let size = |lang, bytes| Words::new(lang).size(bytes);
        assert_eq!(size(Lang::En, 850 * 1024), "850 KB");
        assert_eq!(size(Lang::En, 12 * 1024 * 1024 + 400 * 1024), "12.3 MB");
        assert_eq!(size(Lang::De, 12 * 1024 * 1024 + 400 * 1024), "12,3 MB");
        assert_eq!(size(Lang::Fr, 1), "1 Ko");
        assert_eq!(size(Lang::Fr, 10 * 1024 * 1024 * 1024 - 1), "9,9 Go");
    }

    #[test]
    fn a_new_record_from_an_item_card_supports_that_item() {
        let form = step_on(FIXTURE, Screen::Evidence, "new", "A.7.4", &[]).markup;
        let supports = form.split("name=\"supports\"").nth(1).unwrap_or_default();
        assert!(
            supports
                .split("</textarea>")
                .next()
                .unwrap_or_default()
                .ends_with(">A.7.4"),
            "{form}"
        );
        let blank = step_on(FIXTURE, Screen::Evidence, "new", "", &[]).markup;
        let supports = blank.split("name=\"supports\"").nth(1).unwrap_or_default();
        assert!(supports
            .split("</textarea>")
            .next()
            .unwrap_or_default()
            .ends_with('>'));
    }

    #[test]
    fn a_long_register_shows_a_page_at_a_time_and_more_keeps_the_filter() {
        let mut json: Value = serde_json::from_str(FIXTURE).expect("json");
        let template = json["assessment"]["evidence"][1].clone();
        let many: Vec<Value> = (0..250)
            .map(|k| {
                let mut e = template.clone();
                e["id"] = json!(format!("00000000-0000-4000-8000-{k:012}"));
                e["title"] = json!(format!("Record {k:03}"));
                e
            })
            .collect();
        json["assessment"]["evidence"] = Value::Array(many);
        let export = json.to_string();
        let rows = |markup: &str| markup.matches("<th scope=\"row\"").count();
        let first = step_on(&export, Screen::Evidence, "", "", &[]).markup;
        assert_eq!(rows(&first), 100);
        assert!(first.contains("data-action=\"more\" data-target=\"200 \">Show 100 more (100 of 250 shown)</button>"), "{first}");
        let more = step_on(&export, Screen::Evidence, "more", "200 no_file", &[]).markup;
        assert_eq!(rows(&more), 200);
        assert!(more.contains("<option value=\"no_file\" selected>"));
        assert!(more.contains("data-target=\"300 no_file\">Show 50 more (200 of 250 shown)"));
        let all = step_on(&export, Screen::Evidence, "more", "300 no_file", &[]).markup;
        assert_eq!(rows(&all), 250);
        assert!(!all.contains("data-action=\"more\""));
    }

    const CHATBOT: &str = "5f0c1e2a-7b3d-4e8f-9a1b-2c3d4e5f6a7b";
    const FRAUD: &str = "8d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f";

    /// The chatbot's impact assessment as its form sends it, with `changes`.
    fn chatbot_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut form = vec![
            ("full_needed", "true"),
            (
                "screening_reason",
                "It talks to customers and reads their orders.",
            ),
            ("effects.0.kind", "benefit"),
            ("effects.0.description", "Faster answers at night."),
            ("effects.0.severity", "2"),
            ("effects.0.likelihood", "4"),
            ("effects.1.kind", "harm"),
            (
                "effects.1.description",
                "A wrong refund promise to a customer.",
            ),
            ("effects.1.severity", "3"),
            ("effects.1.likelihood", "3"),
            ("approval.by", "Jana Novak, AI governance lead"),
            ("approval.on", "2026-11-20"),
        ];
        for (k, v) in changes {
            form.retain(|(name, _)| name != k);
            form.push((k, v));
        }
        form
    }

    #[test]
    fn an_impact_assessment_is_written_approved_and_its_harm_becomes_a_linked_risk() {
        let form = step_on(FIXTURE, Screen::Systems, "impact", FRAUD, &[]);
        assert!(
            form.markup.contains("Impact assessment of Fraud scoring"),
            "{}",
            form.markup
        );
        assert!(form.markup.contains("data-action=\"impact_save\""));
        let sent = [
            ("full_needed", "true"),
            ("intended_use", "Scores card payments."),
            ("effects.0.kind", "harm"),
            ("effects.0.description", "A legitimate payment is blocked"),
            ("effects.0.severity", "3"),
            ("effects.0.likelihood", "2"),
            ("approval.by", "Head of Risk"),
            ("approval.on", "2026-12-01"),
        ];
        let saved = step_on(FIXTURE, Screen::Systems, "impact_save", FRAUD, &sent);
        let export = saved.export.expect("saved");
        assert!(
            saved.markup.contains("Approved 2026-12-01"),
            "{}",
            saved.markup
        );
        let r = registers_of(&export);
        assert!(r.ai_systems[1]
            .impact
            .as_ref()
            .is_some_and(|i| i.approved()));
        // The harm, turned into a risk: linked both ways.
        let target = format!("{FRAUD}:0");
        let turned = step_on(&export, Screen::Systems, "harm_risk", &target, &[]);
        assert!(
            turned.markup.contains("added to the risk register"),
            "{}",
            turned.markup
        );
        let r = registers_of(&turned.export.expect("saved"));
        let risk = r.risks.last().expect("a risk");
        assert_eq!(risk.id.as_str(), NEW_ID);
        assert_eq!((risk.likelihood, risk.consequence), (2, 3));
        assert!(matches!(&risk.source, RiskSource::Harm(s, 0) if s.as_str() == FRAUD));
        let effect = &r.ai_systems[1].impact.as_ref().expect("impact").effects[0];
        assert_eq!(effect.risk.as_ref().map(|id| id.as_str()), Some(NEW_ID));
    }

    #[test]
    fn removing_an_effect_moves_later_risks_along_and_a_harm_with_a_risk_stays() {
        // The benefit goes: the refund risk now comes from effect 0.
        let saved = step_on(
            FIXTURE,
            Screen::Systems,
            "impact_save",
            CHATBOT,
            &chatbot_form(&[("effects.0.remove", "true")]),
        );
        let r = registers_of(&saved.export.expect("saved"));
        assert_eq!(
            r.ai_systems[0]
                .impact
                .as_ref()
                .expect("impact")
                .effects
                .len(),
            1
        );
        assert!(matches!(&r.risks[0].source, RiskSource::Harm(_, 0)));
        // The harm a risk comes from cannot go.
        let refused = step_on(
            FIXTURE,
            Screen::Systems,
            "impact_save",
            CHATBOT,
            &chatbot_form(&[("effects.1.remove", "true")]),
        );
        assert_eq!(refused.export, None);
        assert!(
            refused.markup.contains("remove that risk first"),
            "{}",
            refused.markup
        );
        // A problem is shown at its field.
        let blank = step_on(
            FIXTURE,
            Screen::Systems,
            "impact_save",
            CHATBOT,
            &chatbot_form(&[("effects.1.description", " ")]),
        );
        assert_eq!(blank.export, None);
        assert!(
            blank
                .markup
                .contains("id=\"aims-reg-effects-1-description-problem\">Required."),
            "{}",
            blank.markup
        );
    }

    #[test]
    fn german_shows_german_words() {
        let form: Vec<(String, String)> = Vec::new();
        let out = step(&Request {
            lang: Lang::De,
            export: FIXTURE.as_bytes(),
            today: today(),
            screen: Screen::Risks,
            action: "",
            target: "",
            form: &form,
            new_id: NEW_ID,
        })
        .expect("a step");
        assert!(out.markup.contains("Risiken (3)"), "{}", out.markup);
        assert!(!out.markup.contains("Add a risk"), "{}", out.markup);
    }
}
