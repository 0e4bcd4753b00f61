//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use aims_engine::model::evidence_refs;
use aims_engine::{Assessment, Catalog, Date, ItemId, ItemKind, MaturityLevel, Timestamp};

pub fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

pub fn blank() -> Assessment {
    let created = Timestamp::parse("2026-11-29T08:00:00Z").expect("valid timestamp");
    Assessment::new(catalog(), "test-1".into(), "Test".into(), created)
}

pub fn item(id: &str) -> ItemId {
    catalog()
        .find_item(id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

pub fn level(n: u64) -> MaturityLevel {
    MaturityLevel::from_number(n).expect("level 0-5")
}

/// Sets every item of `kind` to `n`.
pub fn set_all(a: &mut Assessment, kind: ItemKind, n: u64) {
    let c = catalog();
    for i in c.item_ids().filter(|&i| c.item(i).kind == kind) {
        a.update(c, i, |ans| ans.maturity = Some(level(n)))
            .expect("edit");
    }
}

pub fn set(a: &mut Assessment, id: &str, n: u64) {
    a.update(catalog(), item(id), |ans| ans.maturity = Some(level(n)))
        .expect("edit");
}

pub fn all_documents(a: &mut Assessment) {
    for d in catalog().document_ids() {
        a.set_document(d, true);
    }
}

pub fn add_evidence_everywhere(a: &mut Assessment) {
    let c = catalog();
    for i in c.item_ids() {
        evidence_refs::link(c, &mut a.registers, "test-1", i, "doc").expect("room");
    }
}

/// Puts a carried-over estimate of level `n` on an item, as the quick check would.
pub fn set_estimate(a: &mut Assessment, id: &str, n: u64) {
    a.update(catalog(), item(id), |ans| {
        ans.maturity = Some(level(n));
        ans.estimate = true;
    })
    .expect("edit");
}

/// Writes a reason for the applicability decision on every control.
pub fn reasons_everywhere(a: &mut Assessment) {
    let c = catalog();
    for i in c
        .item_ids()
        .filter(|&i| c.item(i).kind == ItemKind::Control)
    {
        a.update(c, i, |ans| ans.justification = REASON.into())
            .expect("edit");
    }
}

/// A reason that counts (at least 20 characters and three words).
pub const REASON: &str = "Treats an assessed AI risk";

/// Writes the scope of the AI management system (the SoA's title block needs one).
pub fn scope(a: &mut Assessment) {
    a.profile.scope_note = "All AI systems of the analytics division".into();
}

/// Excludes a control with `reason`.
pub fn exclude(a: &mut Assessment, id: &str, reason: &str) {
    a.update(catalog(), item(id), |ans| {
        ans.excluded = true;
        ans.justification = reason.into();
    })
    .expect("controls can be excluded");
}

/// Sets an item's evidence: links it to the records made from `refs`, and to no
/// other evidence record.
pub fn evidence(a: &mut Assessment, id: &str, refs: &[&str]) {
    let c = catalog();
    let linked: Vec<String> = evidence_refs::links(c, &a.registers, item(id))
        .iter()
        .map(|l| l.id.to_owned())
        .collect();
    for record in linked {
        evidence_refs::unlink(c, &mut a.registers, &record, item(id));
    }
    for r in refs {
        evidence_refs::link(c, &mut a.registers, "test-1", item(id), r).expect("room");
    }
}

/// An assessment that is `ready`: every item at level 3 with evidence, every control
/// with a reason, every document present and the scope stated.
pub fn ready_baseline() -> Assessment {
    let mut a = blank();
    set_all(&mut a, ItemKind::Clause, 3);
    set_all(&mut a, ItemKind::Control, 3);
    add_evidence_everywhere(&mut a);
    reasons_everywhere(&mut a);
    all_documents(&mut a);
    scope(&mut a);
    treated_risk(&mut a);
    a
}

/// The day the tests score on.
pub fn today() -> Date {
    Date::parse("2026-12-07").expect("a date")
}

/// Risk criteria (5 × 5, accepted up to 6) and one risk above them, treated by A.6.2.4
/// and its residual risk accepted by somebody named: the risk register of a ready
/// assessment. Written as format 3's JSON, which is what an assessment keeps.
pub fn treated_risk(a: &mut Assessment) {
    a.registers.0[1] = Some(serde_json::json!({
        "likelihoods": 5, "consequences": 5, "acceptance": 6
    }));
    a.registers.0[2] = Some(serde_json::json!([{
        "id": "0b7c1f0e-3d2a-4c5b-9e8f-1a2b3c4d5e6f",
        "title": "Biased ticket triage",
        "source": {"annex_c": "Fairness"},
        "likelihood": 4,
        "consequence": 4,
        "treatment": "modify",
        "controls": ["A.6.2.4"],
        "own_controls": [],
        "owner": "Jo Smith",
        "residual": {"likelihood": 1, "consequence": 2},
        "acceptance": {"by": "Jo Smith, CISO", "on": "2026-12-01"},
        "closed": false
    }]));
}

/// A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records), so the
/// tests check what a spreadsheet would read back rather than the text's shape.
pub fn read_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("byte-order mark");
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "text ends with a complete record"
    );
    rows
}
