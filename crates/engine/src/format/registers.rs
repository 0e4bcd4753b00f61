//! The registers in format 3 (docs/export-format.md, "Registers"): `ai_systems`,
//! `risk_criteria`, `risks` and `evidence` on the assessment, each record with a random
//! id.
//!
//! Read in the import's checking pass itself ([`read`]), not through serde types as the
//! rest of the file: what makes a register valid is mostly between its records (ids
//! unique, references that resolve, levels on the organization's own scales), which a
//! type cannot say, so one pass both checks and builds the records. Written as JSON
//! values ([`write`]), in the order the schema lists the fields, every field present.

use crate::format::import::{
    get, join, optional_date, quoted, show, Members, Problem, Problems, MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
};
use crate::format::v3::REGISTER_KEYS;
use crate::format::value::{self, Map, Value};
use crate::model::catalog::{Catalog, ItemId, ItemKind};
use crate::model::date::Date;
use crate::model::profile::AiRole;
use crate::model::registers::{
    AiSystem, Approval, Effect, EffectKind, EuAiActClass, Evidence, EvidenceKind, FileRef,
    ImpactAssessment, Kept, LifeCycleStage, RecordId, Registers, Risk, RiskCriteria, RiskSource,
    Treatment,
};

/// The largest file an evidence record can keep, in bytes (50 MiB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

pub use crate::model::registers::MAX_RECORDS;

/// The fields of each kind of record, in the order they are written.
const SYSTEM_FIELDS: [&str; 13] = [
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
];
const IMPACT_FIELDS: [&str; 10] = [
    "full_needed",
    "screening_reason",
    "intended_use",
    "misuse",
    "affected",
    "effects",
    "measures",
    "residual",
    "approval",
    "next_review",
];
const EFFECT_FIELDS: [&str; 5] = ["kind", "description", "severity", "likelihood", "risk"];
const CRITERIA_FIELDS: [&str; 3] = ["likelihoods", "consequences", "acceptance"];
const RISK_FIELDS: [&str; 12] = [
    "id",
    "title",
    "source",
    "likelihood",
    "consequence",
    "treatment",
    "controls",
    "own_controls",
    "owner",
    "residual",
    "acceptance",
    "closed",
];
const EVIDENCE_FIELDS: [&str; 9] = [
    "id",
    "title",
    "kind",
    "owner",
    "date",
    "review_by",
    "location",
    "file",
    "supports",
];

/// The largest level a scale can have (the criteria's 5×5 matrix).
const MAX_SCALE: u64 = 5;

/// One checking pass over the assessment's registers (`a` is the assessment's object).
struct Reader<'p> {
    p: &'p mut Problems,
    catalog: &'p Catalog,
    /// Every record id seen (a set: 2,000 evidence records are checked in a blink, not
    /// against each other).
    ids: std::collections::BTreeSet<RecordId>,
}

impl Reader<'_> {
    /// A required non-blank text of at most `max` characters.
    fn required(&mut self, o: &Members, at: &str, key: &str, max: usize) -> String {
        self.p.text(&join(at, key), get(o, key), max, true)
    }

    /// An optional text of at most `max` characters (absent: empty).
    fn optional(&mut self, o: &Members, at: &str, key: &str, max: usize) -> String {
        self.p.text(&join(at, key), get(o, key), max, false)
    }

    /// A list of non-blank short texts (absent: empty).
    fn list(&mut self, o: &Members, at: &str, key: &str) -> Vec<String> {
        self.p
            .texts(&join(at, key), get(o, key), MAX_NAME_CHARS)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    /// A record's own id: a random UUID, not used by another record.
    fn own_id(&mut self, o: &Members, at: &str) -> Option<RecordId> {
        let path = join(at, "id");
        let id = self.id(&path, get(o, "id"))?;
        if !self.ids.insert(id.clone()) {
            self.p.add(&path, Problem::DuplicateId);
            return None;
        }
        Some(id)
    }

    /// A record id at `path` (required).
    fn id(&mut self, path: &str, value: Option<&Value>) -> Option<RecordId> {
        match value {
            None => self.p.add(path, Problem::Missing),
            Some(v) => match v.as_str().and_then(RecordId::parse) {
                Some(id) => return Some(id),
                None => self.p.add(path, Problem::NotId(show(v))),
            },
        }
        None
    }

    /// An optional record id (`null` or absent: none).
    fn optional_id(&mut self, o: &Members, at: &str, key: &str) -> Option<RecordId> {
        match get(o, key) {
            None | Some(Value::Null) => None,
            value => self.id(&join(at, key), value),
        }
    }

    /// A whole number from `min` to `max`; `min` when absent and not `required`.
    fn whole(&mut self, o: &Members, at: &str, key: &str, min: u64, max: u64) -> u64 {
        let path = join(at, key);
        match get(o, key) {
            None => {
                self.p.add(&path, Problem::Missing);
                min
            }
            Some(v) => match value::whole(v).filter(|n| (min..=max).contains(n)) {
                Some(n) => n,
                None => {
                    self.p.add(&path, Problem::NotInRange(show(v), min, max));
                    min
                }
            },
        }
    }

    /// A level 1–5 on one of the criteria's scales.
    fn level(&mut self, o: &Members, at: &str, key: &str) -> u8 {
        u8::try_from(self.whole(o, at, key, 1, MAX_SCALE)).unwrap_or(1)
    }

    /// The position in `all` of the name at `key` (a fixed set of names); `None` when
    /// absent or unknown (reported). Not generic: one copy for every kind of name.
    fn choice(&mut self, o: &Members, at: &str, key: &str, all: &[&str]) -> Option<usize> {
        let path = join(at, key);
        match get(o, key) {
            None => self.p.add(&path, Problem::Missing),
            Some(v) => match v.as_str().and_then(|s| all.iter().position(|n| *n == s)) {
                Some(i) => return Some(i),
                None => self
                    .p
                    .add(&path, Problem::NotOneOf(show(v), all.join(", "))),
            },
        }
        None
    }

    /// An optional date (`null` or absent: none).
    fn date(&mut self, o: &Members, at: &str, key: &str) -> Option<Date> {
        let value = get(o, key);
        optional_date(&join(at, key), value, self.p);
        value.and_then(Value::as_str).and_then(Date::parse)
    }

    /// An optional object (`null` or absent: none).
    fn optional_object<'v>(&mut self, o: &'v Members, at: &str, key: &str) -> Option<&'v Members> {
        match get(o, key) {
            None | Some(Value::Null) => None,
            value => self.p.object(&join(at, key), value),
        }
    }

    /// The entries of a list at `at` (absent: none), each with its path.
    fn entries<'v>(&mut self, at: &str, value: Option<&'v Value>) -> Vec<(String, &'v Members)> {
        let list = match value {
            None => return Vec::new(),
            Some(Value::Array(list)) if list.len() > MAX_RECORDS => {
                self.p
                    .add(at, Problem::TooMuchEvidence(list.len(), MAX_RECORDS));
                return Vec::new();
            }
            Some(Value::Array(list)) => list,
            Some(other) => {
                self.p.add(at, Problem::NotArray(show(other)));
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, entry) in list.iter().enumerate() {
            let path = format!("{at}[{i}]");
            if let Some(o) = self.p.object(&path, Some(entry)) {
                out.push((path, o));
            }
        }
        out
    }

    /// Items of the catalog named in a list (`controls_only`: Annex A controls only),
    /// each once.
    fn items(&mut self, o: &Members, at: &str, key: &str, controls_only: bool) -> Vec<ItemId> {
        let mut out = Vec::new();
        for (path, id) in self.p.texts(&join(at, key), get(o, key), MAX_NAME_CHARS) {
            let item = self.catalog.find_item(&id);
            match item {
                _ if id.is_empty() => {}
                None => self
                    .p
                    .add(&path, Problem::UnknownItem(self.catalog.title.clone())),
                Some(i) if controls_only && self.catalog.item(i).kind != ItemKind::Control => {
                    self.p.add(&path, Problem::NotControl(quoted(&id)))
                }
                Some(i) if out.contains(&i) => self.p.add(&path, Problem::DuplicateId),
                Some(i) => out.push(i),
            }
        }
        out
    }

    /// A named approval `{by, on}` (`null` or absent: none).
    fn approval(&mut self, o: &Members, at: &str, key: &str) -> Option<Approval> {
        let path = join(at, key);
        let a = self.optional_object(o, at, key)?;
        self.p.unknown_keys(&path, a, &["by", "on"]);
        let by = self.required(a, &path, "by", MAX_NAME_CHARS);
        let on_path = join(&path, "on");
        let on = match get(a, "on") {
            None | Some(Value::Null) => {
                self.p.add(&on_path, Problem::Missing);
                None
            }
            _ => self.date(a, &path, "on"),
        };
        Some(Approval { by, on: on? })
    }

    fn system(&mut self, at: &str, o: &Members) -> Option<AiSystem> {
        self.p.unknown_keys(at, o, &SYSTEM_FIELDS);
        let id = self.own_id(o, at);
        let name = self.required(o, at, "name", MAX_NAME_CHARS);
        let owner = self.optional(o, at, "owner", MAX_NAME_CHARS);
        let purpose = self.optional(o, at, "purpose", MAX_TEXT_CHARS);
        let role = self.choice(o, at, "role", &AiRole::ALL.map(AiRole::as_str));
        let stage = self.choice(
            o,
            at,
            "stage",
            &LifeCycleStage::ALL.map(LifeCycleStage::as_str),
        );
        let data_categories = self.list(o, at, "data_categories");
        let personal_data =
            self.p
                .boolean(&join(at, "personal_data"), get(o, "personal_data"), false);
        let affected = self.optional(o, at, "affected", MAX_TEXT_CHARS);
        let risk_tier = self.optional(o, at, "risk_tier", MAX_NAME_CHARS);
        let eu_ai_act = self.choice(
            o,
            at,
            "eu_ai_act",
            &EuAiActClass::ALL.map(EuAiActClass::as_str),
        );
        let in_scope = self
            .p
            .boolean(&join(at, "in_scope"), get(o, "in_scope"), true);
        let impact = match self.optional_object(o, at, "impact_assessment") {
            Some(i) => Some(self.impact(&join(at, "impact_assessment"), i)?),
            None => None,
        };
        Some(AiSystem {
            id: id?,
            name,
            owner,
            purpose,
            role: AiRole::ALL[role?],
            stage: LifeCycleStage::ALL[stage?],
            data_categories,
            personal_data,
            affected,
            risk_tier,
            eu_ai_act: EuAiActClass::ALL[eu_ai_act?],
            in_scope,
            impact,
        })
    }

    fn impact(&mut self, at: &str, o: &Members) -> Option<ImpactAssessment> {
        self.p.unknown_keys(at, o, &IMPACT_FIELDS);
        let full_needed = self
            .p
            .boolean(&join(at, "full_needed"), get(o, "full_needed"), true);
        let screening_reason = self.optional(o, at, "screening_reason", MAX_TEXT_CHARS);
        let intended_use = self.optional(o, at, "intended_use", MAX_TEXT_CHARS);
        let misuse = self.optional(o, at, "misuse", MAX_TEXT_CHARS);
        let affected = self.list(o, at, "affected");
        let mut effects = Vec::new();
        let mut complete = true;
        for (path, e) in self.entries(&join(at, "effects"), get(o, "effects")) {
            self.p.unknown_keys(&path, e, &EFFECT_FIELDS);
            let kind = self.choice(e, &path, "kind", &EffectKind::ALL.map(EffectKind::as_str));
            let description = self.required(e, &path, "description", MAX_TEXT_CHARS);
            let severity = self.level(e, &path, "severity");
            let likelihood = self.level(e, &path, "likelihood");
            let risk = self.optional_id(e, &path, "risk");
            match kind {
                Some(kind) => effects.push(Effect {
                    kind: EffectKind::ALL[kind],
                    description,
                    severity,
                    likelihood,
                    risk,
                }),
                None => complete = false,
            }
        }
        let measures = self.optional(o, at, "measures", MAX_TEXT_CHARS);
        let residual = self.optional(o, at, "residual", MAX_TEXT_CHARS);
        let approval = self.approval(o, at, "approval");
        let next_review = self.date(o, at, "next_review");
        complete.then_some(ImpactAssessment {
            full_needed,
            screening_reason,
            intended_use,
            misuse,
            affected,
            effects,
            measures,
            residual,
            approval,
            next_review,
        })
    }

    fn criteria(&mut self, at: &str, o: &Members) -> Option<RiskCriteria> {
        self.p.unknown_keys(at, o, &CRITERIA_FIELDS);
        let likelihoods = self.whole(o, at, "likelihoods", 3, MAX_SCALE);
        let consequences = self.whole(o, at, "consequences", 3, MAX_SCALE);
        let acceptance = self.whole(o, at, "acceptance", 1, likelihoods * consequences);
        let [l, c, a] =
            [likelihoods, consequences, acceptance].map(|n| u8::try_from(n).unwrap_or(0));
        RiskCriteria::new(l, c, a)
    }

    fn risk(&mut self, at: &str, o: &Members) -> Option<Risk> {
        self.p.unknown_keys(at, o, &RISK_FIELDS);
        let id = self.own_id(o, at);
        let title = self.required(o, at, "title", MAX_NAME_CHARS);
        let source = self.source(o, at);
        let likelihood = self.level(o, at, "likelihood");
        let consequence = self.level(o, at, "consequence");
        let treatment = match get(o, "treatment") {
            None | Some(Value::Null) => None,
            Some(_) => self
                .choice(o, at, "treatment", &Treatment::ALL.map(Treatment::as_str))
                .map(|i| Treatment::ALL[i]),
        };
        let controls = self.items(o, at, "controls", true);
        let own_controls = self.list(o, at, "own_controls");
        let owner = self.optional(o, at, "owner", MAX_NAME_CHARS);
        let residual = match self.optional_object(o, at, "residual") {
            Some(r) => {
                let path = join(at, "residual");
                self.p
                    .unknown_keys(&path, r, &["likelihood", "consequence"]);
                Some((
                    self.level(r, &path, "likelihood"),
                    self.level(r, &path, "consequence"),
                ))
            }
            None => None,
        };
        let acceptance = self.approval(o, at, "acceptance");
        let closed = self.p.boolean(&join(at, "closed"), get(o, "closed"), false);
        Some(Risk {
            id: id?,
            title,
            source: source?,
            likelihood,
            consequence,
            treatment,
            controls,
            own_controls,
            owner,
            residual,
            acceptance,
            closed,
        })
    }

    /// A risk's source: exactly one of `{system}`, `{harm: {system, effect}}`,
    /// `{annex_c}`.
    fn source(&mut self, o: &Members, at: &str) -> Option<RiskSource> {
        let path = join(at, "source");
        let s = self.p.object(&path, get(o, "source"))?;
        self.p
            .unknown_keys(&path, s, &["system", "harm", "annex_c"]);
        if s.len() != 1 {
            self.p.add(
                &path,
                Problem::NotOneOf(
                    show(&Value::Object(s.clone())),
                    "system, harm, annex_c".into(),
                ),
            );
            return None;
        }
        if s.contains_key("system") {
            return Some(RiskSource::System(
                self.id(&join(&path, "system"), get(s, "system"))?,
            ));
        }
        if s.contains_key("annex_c") {
            let text = self.required(s, &path, "annex_c", MAX_NAME_CHARS);
            return Some(RiskSource::AnnexC(text));
        }
        let harm_path = join(&path, "harm");
        let h = self.p.object(&harm_path, get(s, "harm"))?;
        self.p.unknown_keys(&harm_path, h, &["system", "effect"]);
        let system = self.id(&join(&harm_path, "system"), get(h, "system"));
        let effect = self.whole(h, &harm_path, "effect", 0, MAX_RECORDS as u64);
        Some(RiskSource::Harm(system?, usize::try_from(effect).ok()?))
    }

    fn evidence(&mut self, at: &str, o: &Members) -> Option<Evidence> {
        self.p.unknown_keys(at, o, &EVIDENCE_FIELDS);
        let id = self.own_id(o, at);
        let title = self.required(o, at, "title", MAX_NAME_CHARS);
        let kind = self.choice(o, at, "kind", &EvidenceKind::ALL.map(EvidenceKind::as_str));
        let owner = self.optional(o, at, "owner", MAX_NAME_CHARS);
        let date = self.date(o, at, "date");
        let review_by = self.date(o, at, "review_by");
        let location = self.optional(o, at, "location", MAX_TEXT_CHARS);
        let file = match self.optional_object(o, at, "file") {
            Some(f) => {
                let path = join(at, "file");
                self.p.unknown_keys(&path, f, &["name", "size", "sha256"]);
                let name = self.required(f, &path, "name", MAX_NAME_CHARS);
                let size = self.whole(f, &path, "size", 0, MAX_FILE_BYTES);
                let sha_path = join(&path, "sha256");
                let sha256 = match get(f, "sha256") {
                    Some(Value::String(h))
                        if h.len() == 64
                            && h.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) =>
                    {
                        h.clone()
                    }
                    Some(v) => {
                        self.p.add(&sha_path, Problem::NotHash(show(v)));
                        String::new()
                    }
                    None => {
                        self.p.add(&sha_path, Problem::Missing);
                        String::new()
                    }
                };
                Some(FileRef { name, size, sha256 })
            }
            None => None,
        };
        let supports = self.items(o, at, "supports", false);
        Some(Evidence {
            id: id?,
            title,
            kind: EvidenceKind::ALL[kind?],
            owner,
            date,
            review_by,
            location,
            file,
            supports,
        })
    }
}

/// Reads and checks the registers of the assessment object `a`, reporting every
/// problem to `p`; what is returned is only meaningful when `p` has no errors.
pub(crate) fn read(catalog: &Catalog, a: &Members, p: &mut Problems) -> Registers {
    let before = p.count();
    let mut r = Reader {
        p,
        catalog,
        ids: std::collections::BTreeSet::new(),
    };
    let mut registers = Registers::default();
    for (at, o) in r.entries("assessment.ai_systems", get(a, "ai_systems")) {
        registers.ai_systems.extend(r.system(&at, o));
    }
    if let Some(o) = r.optional_object(a, "assessment", "risk_criteria") {
        registers.risk_criteria = r.criteria("assessment.risk_criteria", o);
    }
    for (at, o) in r.entries("assessment.risks", get(a, "risks")) {
        registers.risks.extend(r.risk(&at, o));
    }
    for (at, o) in r.entries("assessment.evidence", get(a, "evidence")) {
        registers.evidence.extend(r.evidence(&at, o));
    }
    // A record that did not read is left out, so references to it would be reported
    // as dangling too: the checks between records wait until every record reads.
    if r.p.count() == before {
        check_references(&registers, r.p);
    }
    registers
}

/// The records an assessment keeps ([`Kept`], checked when they were imported) as the
/// registers' types. Kept registers always read; were something in them wrong after
/// all, the records that do not read are left out.
pub fn open(catalog: &Catalog, kept: &Kept) -> Registers {
    let members: Members = REGISTER_KEYS
        .iter()
        .zip(&kept.0)
        .filter_map(|(key, value)| Some(((*key).to_owned(), value.clone()?)))
        .collect();
    read(catalog, &members, &mut Problems::default())
}

/// The checks between records: every reference names a record of the right kind, and
/// every level fits the organization's own scales.
fn check_references(r: &Registers, p: &mut Problems) {
    let system = |id: &RecordId| r.ai_systems.iter().position(|s| s.id == *id);
    let risk = |id: &RecordId| r.risks.iter().any(|k| k.id == *id);
    let (likelihoods, consequences) = r.risk_criteria.map_or((MAX_SCALE, MAX_SCALE), |c| {
        (u64::from(c.likelihoods()), u64::from(c.consequences()))
    });
    let on_scale = |p: &mut Problems, path: &str, key: &str, value: u8, max: u64| {
        if u64::from(value) > max {
            p.add(
                &join(path, key),
                Problem::NotInRange(value.to_string(), 1, max),
            );
        }
    };
    for (s, sys) in r.ai_systems.iter().enumerate() {
        let Some(impact) = &sys.impact else { continue };
        for (e, effect) in impact.effects.iter().enumerate() {
            let at = format!("assessment.ai_systems[{s}].impact_assessment.effects[{e}]");
            if let Some(id) = effect.risk.as_ref().filter(|id| !risk(id)) {
                p.add(
                    &join(&at, "risk"),
                    Problem::UnknownRecord(quoted(id.as_str())),
                );
            }
            // A harm's severity is its consequence on the criteria's scale.
            on_scale(p, &at, "likelihood", effect.likelihood, likelihoods);
            on_scale(p, &at, "severity", effect.severity, consequences);
        }
    }
    for (k, risk) in r.risks.iter().enumerate() {
        let at = format!("assessment.risks[{k}]");
        let resolves = match &risk.source {
            RiskSource::System(id) => system(id).is_some(),
            RiskSource::Harm(id, effect) => system(id)
                .and_then(|s| r.ai_systems[s].impact.as_ref())
                .and_then(|i| i.effects.get(*effect))
                .is_some_and(|e| e.kind == EffectKind::Harm),
            RiskSource::AnnexC(_) => true,
        };
        if !resolves {
            p.add(
                &join(&at, "source"),
                Problem::UnknownRecord(show(&source_value(&risk.source))),
            );
        }
        on_scale(p, &at, "likelihood", risk.likelihood, likelihoods);
        on_scale(p, &at, "consequence", risk.consequence, consequences);
        if let Some((l, c)) = risk.residual {
            let at = join(&at, "residual");
            on_scale(p, &at, "likelihood", l, likelihoods);
            on_scale(p, &at, "consequence", c, consequences);
        }
    }
}

/// A text field's value.
fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// A list of texts.
fn texts(list: &[String]) -> Value {
    Value::Array(list.iter().map(|s| text(s)).collect())
}

/// A date, or `null`.
fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| text(&d.to_string()))
}

/// A record id.
fn id(id: &RecordId) -> Value {
    text(id.as_str())
}

/// A small whole number.
fn number(n: impl Into<u64>) -> Value {
    Value::from(n.into())
}

/// An object of `fields` and `values`, in that order. Slices, not arrays: one copy of
/// this for every shape of record.
fn object(fields: &[&str], values: Vec<Value>) -> Value {
    let mut map = Map::new();
    for (field, value) in fields.iter().zip(values) {
        map.insert((*field).to_owned(), value);
    }
    Value::Object(map)
}

fn approval(a: &Option<Approval>) -> Value {
    a.as_ref().map_or(Value::Null, |a| {
        object(&["by", "on"], vec![text(&a.by), text(&a.on.to_string())])
    })
}

fn items(catalog: &Catalog, items: &[ItemId]) -> Value {
    Value::Array(items.iter().map(|&i| text(&catalog.item(i).id)).collect())
}

fn source_value(source: &RiskSource) -> Value {
    match source {
        RiskSource::System(s) => object(&["system"], vec![id(s)]),
        RiskSource::Harm(s, e) => object(
            &["harm"],
            vec![object(
                &["system", "effect"],
                vec![id(s), number(*e as u64)],
            )],
        ),
        RiskSource::AnnexC(t) => object(&["annex_c"], vec![text(t)]),
    }
}

fn impact(i: &ImpactAssessment) -> Value {
    let effects = i
        .effects
        .iter()
        .map(|e| {
            object(
                &EFFECT_FIELDS,
                vec![
                    text(e.kind.as_str()),
                    text(&e.description),
                    number(e.severity),
                    number(e.likelihood),
                    e.risk.as_ref().map_or(Value::Null, id),
                ],
            )
        })
        .collect();
    object(
        &IMPACT_FIELDS,
        vec![
            Value::Bool(i.full_needed),
            text(&i.screening_reason),
            text(&i.intended_use),
            text(&i.misuse),
            texts(&i.affected),
            Value::Array(effects),
            text(&i.measures),
            text(&i.residual),
            approval(&i.approval),
            date(i.next_review),
        ],
    )
}

/// The registers' members of the assessment object, in `v3::REGISTER_KEYS` order,
/// `None` for an empty register (left out, so a file without any reads and writes as
/// before).
pub fn write(catalog: &Catalog, r: &Registers) -> [Option<Value>; 4] {
    let mut out = [None, None, None, None];
    if !r.ai_systems.is_empty() {
        let systems = r.ai_systems.iter().map(|s| {
            object(
                &SYSTEM_FIELDS,
                vec![
                    id(&s.id),
                    text(&s.name),
                    text(&s.owner),
                    text(&s.purpose),
                    text(s.role.as_str()),
                    text(s.stage.as_str()),
                    texts(&s.data_categories),
                    Value::Bool(s.personal_data),
                    text(&s.affected),
                    text(&s.risk_tier),
                    text(s.eu_ai_act.as_str()),
                    Value::Bool(s.in_scope),
                    s.impact.as_ref().map_or(Value::Null, impact),
                ],
            )
        });
        out[0] = Some(Value::Array(systems.collect()));
    }
    if let Some(c) = r.risk_criteria {
        out[1] = Some(object(
            &CRITERIA_FIELDS,
            vec![
                number(c.likelihoods()),
                number(c.consequences()),
                number(c.acceptance()),
            ],
        ));
    }
    if !r.risks.is_empty() {
        let risks = r.risks.iter().map(|k| {
            object(
                &RISK_FIELDS,
                vec![
                    id(&k.id),
                    text(&k.title),
                    source_value(&k.source),
                    number(k.likelihood),
                    number(k.consequence),
                    k.treatment.map_or(Value::Null, |t| text(t.as_str())),
                    items(catalog, &k.controls),
                    texts(&k.own_controls),
                    text(&k.owner),
                    k.residual.map_or(Value::Null, |(l, c)| {
                        object(&["likelihood", "consequence"], vec![number(l), number(c)])
                    }),
                    approval(&k.acceptance),
                    Value::Bool(k.closed),
                ],
            )
        });
        out[2] = Some(Value::Array(risks.collect()));
    }
    if !r.evidence.is_empty() {
        let evidence = r.evidence.iter().map(|e| {
            object(
                &EVIDENCE_FIELDS,
                vec![
                    id(&e.id),
                    text(&e.title),
                    text(e.kind.as_str()),
                    text(&e.owner),
                    date(e.date),
                    date(e.review_by),
                    text(&e.location),
                    e.file.as_ref().map_or(Value::Null, |f| {
                        object(
                            &["name", "size", "sha256"],
                            vec![text(&f.name), number(f.size), text(&f.sha256)],
                        )
                    }),
                    items(catalog, &e.supports),
                ],
            )
        });
        out[3] = Some(Value::Array(evidence.collect()));
    }
    out
}
