"""The formats we publish, checked with a real JSON Schema validator (run by
scripts/test.sh with the pinned jsonschema in .tools/venv; argument: the aims-score binary).

1. The published files validate against their schemas: the frozen v1 fixture against
   docs/export-format.schema.json; the frozen v2 fixture and a v2 file using every field
   against docs/export-format-v2.schema.json; the frozen v3 fixture, `aims-score
   template` and a v3 file using every field against docs/export-format-v3.schema.json.
2. The v2 and v3 schemas name exactly the catalog's 70 items and 49 documents.
3. Each of the v2 and v3 schemas accepts exactly what the importer accepts: well over a
   hundred mutated exports each (every field, every kind of wrong value, and valid edge
   cases such as leap days) are given to both; any disagreement fails the run and is
   listed.

Numbers are read as exact decimals (`parse_float=Decimal`): with binary floats,
`multipleOf: 0.01` would wrongly refuse weights such as 0.29 (docs/export-format.md).
"""
import copy
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCORER = sys.argv[1]


def load(path):
    return json.loads(Path(path).read_text(), parse_float=Decimal)


def dumps(doc):
    # Decimals back to JSON numbers exactly as written.
    return json.dumps(doc, default=lambda d: float(d) if d != d.to_integral() else int(d), ensure_ascii=False)


def validator(name):
    schema = load(ROOT / "docs" / name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_ok(v, doc):
    return not any(True for _ in v.iter_errors(doc))


def importer_ok(doc_text):
    run = subprocess.run([SCORER, "validate", "-"], input=doc_text, capture_output=True, text=True)
    return run.returncode == 0, run.stderr.strip()


v1, v2 = validator("export-format.schema.json"), validator("export-format-v2.schema.json")
v3 = validator("export-format-v3.schema.json")
catalog = load(ROOT / "assets/catalog/iso42001.json")
fixture_v1 = load(ROOT / "tests/fixtures/assessment-v1.json")
fixture_v2 = load(ROOT / "tests/fixtures/assessment-v2.json")
fixture_v3 = load(ROOT / "tests/fixtures/assessment-v3.json")
fixture_registers = load(ROOT / "tests/fixtures/assessment-v3-registers.json")
template = json.loads(subprocess.run([SCORER, "template"], check=True, capture_output=True, text=True).stdout,
                      parse_float=Decimal)
full = copy.deepcopy(fixture_v2)
full["assessment"]["profile"] = {"roles": ["ai_customer", "ai_subject"], "ai_systems": ["Support chatbot"],
                                 "management_systems": ["iso27001"], "declined_suggestions": ["A.7.2"]}
full["assessment"]["additional_controls"] = [{"id": "ORG-1", "title": "Prompt logging", "source": "Contract",
                                              "status": 2, "owner": "CISO", "reason": "Customer requirement"}]
full["assessment"]["items"]["9.2.1"]["reused"] = True
full_v3 = copy.deepcopy(fixture_v3)
for key in ("profile", "additional_controls"):
    full_v3["assessment"][key] = copy.deepcopy(full["assessment"][key])
full_v3["assessment"]["items"]["9.2.1"]["reused"] = True

failures = []

# 1. The published files.
for name, v, doc in [("v1 fixture", v1, fixture_v1), ("v2 fixture", v2, fixture_v2),
                     ("full v2 file", v2, full), ("v3 fixture", v3, fixture_v3),
                     ("template (v3)", v3, template), ("full v3 file", v3, full_v3),
                     ("v3 fixture with registers", v3, fixture_registers)]:
    errors = [e.message for e in v.iter_errors(doc)]
    if errors:
        failures.append(f"{name} does not validate: {errors[:3]}")

# 2. The schema names the catalog's items and documents.
for version in (2, 3):
    schema = load(ROOT / f"docs/export-format-v{version}.schema.json")
    assessment_schema = schema["properties"]["assessment"]["properties"]
    if list(assessment_schema["items"]["properties"]) != [i["id"] for i in catalog["items"]]:
        failures.append(f"the v{version} schema's item ids are not the catalog's")
    if assessment_schema["documents"]["propertyNames"]["enum"] != [d["id"] for d in catalog["documents"]]:
        failures.append(f"the v{version} schema's document ids are not the catalog's")


# 3. Agreement on mutated files.
def at(doc, path):
    """The container holding the last key of `path` (a list of keys)."""
    for key in path[:-1]:
        doc = doc[key]
    return doc


def set_value(path, value):
    def change(doc):
        at(doc, path)[path[-1]] = value
    return change


def remove(path):
    def change(doc):
        del at(doc, path)[path[-1]]
    return change


def both(*changes):
    def change(doc):
        for c in changes:
            c(doc)
    return change


A = ["assessment"]
I = A + ["items"]
P = A + ["profile"]
C = A + ["additional_controls"]
long200, long10000 = "x" * 201, "x" * 10001
cases = {
    "as written": lambda d: None,
    "format_version 3": set_value(["format_version"], 3),
    "format_version 4": set_value(["format_version"], 4),
    "format_version 0": set_value(["format_version"], 0),
    "format_version as text": set_value(["format_version"], "2"),
    "format_version 2.5": set_value(["format_version"], Decimal("2.5")),
    "another format": set_value(["format"], "something-else"),
    "another catalog": set_value(["catalog", "id"], "iso27001-2022"),
    "catalog version 1": set_value(["catalog", "version"], 1),
    "catalog version 3": set_value(["catalog", "version"], 3),
    "catalog version 0": set_value(["catalog", "version"], 0),
    "extra top-level key": set_value(["extra"], 1),
    "generator named": set_value(["generator"], "aims-readiness 9.9.9"),
    "long generator": set_value(["generator"], long200),
    "generator as a number": set_value(["generator"], 1),
    "no generator": lambda d: d.pop("generator", None),
    "no assessment": remove(["assessment"]),
    "blank id": set_value(A + ["id"], "   "),
    "empty id": set_value(A + ["id"], ""),
    "long id": set_value(A + ["id"], long200),
    "numeric id": set_value(A + ["id"], 5),
    "long name": set_value(A + ["name"], long200),
    "null name": set_value(A + ["name"], None),
    "no name": remove(A + ["name"]),
    "no created": remove(A + ["created"]),
    "created on 29 Feb 2026": set_value(A + ["created"], "2026-02-29T00:00:00Z"),
    "created on 29 Feb 2024": set_value(A + ["created"], "2024-02-29T00:00:00Z"),
    "created on 29 Feb 2000": set_value(A + ["created"], "2000-02-29T10:00:00Z"),
    "created on 29 Feb 2100": set_value(A + ["created"], "2100-02-29T10:00:00Z"),
    "created in month 13": set_value(A + ["created"], "2026-13-01T00:00:00Z"),
    "created at hour 25": set_value(A + ["created"], "2026-01-01T25:00:00Z"),
    "created at minute 60": set_value(A + ["created"], "2026-01-01T10:60:00Z"),
    "created at a leap second": set_value(A + ["created"], "2016-12-31T23:59:60Z"),
    "created without Z": set_value(A + ["created"], "2026-01-01T10:00:00"),
    "created with an offset": set_value(A + ["created"], "2026-01-01T10:00:00+01:00"),
    "created with an empty fraction": set_value(A + ["created"], "2026-01-01T10:00:00.Z"),
    "created with 10 fraction digits": set_value(A + ["created"], "2026-01-01T10:00:00.1234567891Z"),
    "created with 9 fraction digits": set_value(A + ["created"], "2026-01-01T10:00:00.123456789Z"),
    "created in 1899": set_value(A + ["created"], "1899-12-31T00:00:00Z"),
    "created on 31 April": set_value(A + ["created"], "2026-04-31T00:00:00Z"),
    "items not an object": set_value(I, 5),
    "item 4.9": set_value(I + ["4.9"], {}),
    "item A.2.9": set_value(I + ["A.2.9"], {}),
    "item 10.3": set_value(I + ["10.3"], {}),
    "item 4.1.1": set_value(I + ["4.1.1"], {}),
    "item as a number": set_value(I + ["4.1"], 5),
    "empty item": set_value(I + ["4.1"], {}),
    "extra key in documents": set_value(A + ["documents", "no-such-document"], True),
    "document as text": set_value(A + ["documents", "scope"], "yes"),
    "documents not an object": set_value(A + ["documents"], []),
    "no documents": remove(A + ["documents"]),
    "no items": remove(I),
    "profile not an object": set_value(P, []),
    "no profile": remove(P),
    "unknown role": set_value(P + ["roles"], ["deployer"]),
    "blank role": set_value(P + ["roles"], [""]),
    "role twice": set_value(P + ["roles"], ["ai_customer", "ai_customer"]),
    "roles not a list": set_value(P + ["roles"], "ai_customer"),
    "blank AI system": set_value(P + ["ai_systems"], [" "]),
    "long AI system": set_value(P + ["ai_systems"], [long200]),
    "AI system as a number": set_value(P + ["ai_systems"], [3]),
    "long scope note": set_value(P + ["scope_note"], long10000),
    "scope note as a list": set_value(P + ["scope_note"], ["x"]),
    "long prepared by": set_value(A + ["prepared_by"], long200),
    "prepared by as a number": set_value(A + ["prepared_by"], 7),
    "unknown management system": set_value(P + ["management_systems"], ["iso14001"]),
    "declined clause requirement": set_value(P + ["declined_suggestions"], ["4.1"]),
    "declined unknown control": set_value(P + ["declined_suggestions"], ["A.2.9"]),
    "extra key in profile": set_value(P + ["colour"], 1),
    "additional controls not a list": set_value(C, {}),
    "additional control as a number": set_value(C, [5]),
    "additional control without title": set_value(C, [{"id": "X"}]),
    "additional control with blank id": set_value(C, [{"id": " ", "title": "T"}]),
    "additional control with status 6": set_value(C, [{"id": "X", "title": "T", "status": 6}]),
    "additional control with status null": set_value(C, [{"id": "X", "title": "T", "status": None}]),
    "additional control with a long reason": set_value(C, [{"id": "X", "title": "T", "reason": long10000}]),
    "additional control with an extra key": set_value(C, [{"id": "X", "title": "T", "colour": 1}]),
    "no additional controls": remove(C),
}
for item in ["4.1", "A.2.2", "9.2.1", "A.10.4"]:
    field = lambda f: I + [item, f]
    item_cases = {
        "maturity -1": set_value(field("maturity"), -1),
        "maturity 6": set_value(field("maturity"), 6),
        "maturity 2.5": set_value(field("maturity"), Decimal("2.5")),
        "maturity as text": set_value(field("maturity"), "3"),
        "maturity null": set_value(field("maturity"), None),
        "maturity true": set_value(field("maturity"), True),
        "estimate as text": set_value(field("estimate"), "yes"),
        "estimate without level": both(set_value(field("estimate"), True), set_value(field("maturity"), None)),
        "estimate with a level": both(set_value(field("estimate"), True), set_value(field("maturity"), 2)),
        "target 2": set_value(field("target"), 2),
        "target 1": set_value(field("target"), 1),
        "target 6": set_value(field("target"), 6),
        "target 4": set_value(field("target"), 4),
        "target 3.5": set_value(field("target"), Decimal("3.5")),
        "target as text": set_value(field("target"), "4"),
        "weight 0": set_value(field("weight"), 0),
        "weight 0.001": set_value(field("weight"), Decimal("0.001")),
        "weight 0.01": set_value(field("weight"), Decimal("0.01")),
        "weight 0.29": set_value(field("weight"), Decimal("0.29")),
        "weight 100": set_value(field("weight"), 100),
        "weight 100.01": set_value(field("weight"), Decimal("100.01")),
        "weight -1": set_value(field("weight"), -1),
        "weight as text": set_value(field("weight"), "1"),
        "weight null": set_value(field("weight"), None),
        "not applicable": both(set_value(field("applicable"), False), set_value(field("justification"), "Reason")),
        "applicable as text": set_value(field("applicable"), "no"),
        "long justification": set_value(field("justification"), long10000),
        "notes as a number": set_value(field("notes"), 5),
        "evidence as text": set_value(field("evidence"), "doc"),
        "blank evidence": set_value(field("evidence"), ["  "]),
        "numeric evidence": set_value(field("evidence"), [1]),
        "101 evidence references": set_value(field("evidence"), ["ref"] * 101),
        "100 evidence references": set_value(field("evidence"), ["ref"] * 100),
        "long owner": set_value(field("owner"), long200),
        "due 29 Feb 2026": set_value(field("due"), "2026-02-29"),
        "due 29 Feb 2028": set_value(field("due"), "2028-02-29"),
        "due 29 Feb 1900": set_value(field("due"), "1900-02-29"),
        "due 31 Nov": set_value(field("due"), "2026-11-31"),
        "due in two digits": set_value(field("due"), "26-11-30"),
        "due null": set_value(field("due"), None),
        "due as a number": set_value(field("due"), 20261130),
        "reused as text": set_value(field("reused"), "yes"),
        "extra key in item": set_value(field("colour"), "red"),
    }
    for name, change in item_cases.items():
        cases[f"{item}: {name}"] = change

D = A + ["documents", "scope"]
S = A + ["soa"]
cases_v3 = {
    "document as true (version 2's shape)": set_value(D, True),
    "document without fields": set_value(D, {}),
    "document present as text": set_value(D + ["present"], "yes"),
    "document version as a number": set_value(D + ["version"], 2),
    "long document version": set_value(D + ["version"], long200),
    "document approved 29 Feb 2028": set_value(D + ["approved"], "2028-02-29"),
    "document approved 29 Feb 2027": set_value(D + ["approved"], "2027-02-29"),
    "document approved as text": set_value(D + ["approved"], "last week"),
    "document approved null": set_value(D + ["approved"], None),
    "document with an extra key": set_value(D + ["owner"], "x"),
    "soa not an object": set_value(S, "approved"),
    "no soa": remove(S),
    "empty soa": set_value(S, {}),
    "soa approver as a number": set_value(S + ["approver"], 1),
    "long soa approver": set_value(S + ["approver"], long200),
    "soa approved 31 June": set_value(S + ["approved"], "2026-06-31"),
    "soa approved null": set_value(S + ["approved"], None),
    "long soa version": set_value(S + ["version"], long200),
    "soa with an extra key": set_value(S + ["signature"], "x"),
}

# The registers (format 3): the fixture that has every one of them.
full_registers = copy.deepcopy(full_v3)
for key in ("ai_systems", "risk_criteria", "risks", "evidence"):
    full_registers["assessment"][key] = copy.deepcopy(fixture_registers["assessment"][key])
SY, RK, EV = A + ["ai_systems"], A + ["risks"], A + ["evidence"]
IA = SY + [0, "impact_assessment"]
EF = IA + ["effects", 1]
OTHER_ID = "9e0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"
cases_registers = {
    "registers as written": lambda d: None,
    "no registers": both(*(remove(A + [k]) for k in ("ai_systems", "risk_criteria", "risks", "evidence"))),
    "empty registers": both(*(set_value(A + [k], []) for k in ("ai_systems", "risks", "evidence")),
                            set_value(A + ["risk_criteria"], None)),
    "ai_systems not a list": set_value(SY, {}),
    "ai_systems null": set_value(SY, None),
    "system id in capitals": set_value(SY + [0, "id"], "5F0C1E2A-7B3D-4E8F-9A1B-2C3D4E5F6A7B"),
    "system id version 1": set_value(SY + [0, "id"], "5f0c1e2a-7b3d-1e8f-9a1b-2c3d4e5f6a7b"),
    "system id variant 7": set_value(SY + [0, "id"], "5f0c1e2a-7b3d-4e8f-7a1b-2c3d4e5f6a7b"),
    "system id as a number": set_value(SY + [1, "id"], 7),
    "no system id": remove(SY + [1, "id"]),
    "blank system name": set_value(SY + [0, "name"], " "),
    "long system name": set_value(SY + [0, "name"], long200),
    "long purpose": set_value(SY + [0, "purpose"], long10000),
    "unknown role": set_value(SY + [0, "role"], "deployer"),
    "no role": remove(SY + [0, "role"]),
    "unknown stage": set_value(SY + [0, "stage"], "maintenance"),
    "stage retirement": set_value(SY + [0, "stage"], "retirement"),
    "blank data category": set_value(SY + [0, "data_categories"], [""]),
    "personal data as text": set_value(SY + [0, "personal_data"], "yes"),
    "high_risk_8": set_value(SY + [0, "eu_ai_act"], "high_risk_8"),
    "high_risk_9": set_value(SY + [0, "eu_ai_act"], "high_risk_9"),
    "high_risk without a point": set_value(SY + [0, "eu_ai_act"], "high_risk"),
    "eu_ai_act null": set_value(SY + [0, "eu_ai_act"], None),
    "in_scope as text": set_value(SY + [0, "in_scope"], "no"),
    "system with an extra key": set_value(SY + [0, "colour"], 1),
    "impact assessment not an object": set_value(IA, []),
    "empty impact assessment": both(set_value(IA, {}), set_value(RK + [0, "source"], {"annex_c": "Safety"})),
    "impact with an extra key": set_value(IA + ["score"], 1),
    "blank affected group": set_value(IA + ["affected"], [" "]),
    "effects not a list": set_value(IA + ["effects"], {}),
    "effect kind risk": set_value(EF + ["kind"], "risk"),
    "effect without description": remove(EF + ["description"]),
    "effect severity 0": set_value(EF + ["severity"], 0),
    "effect severity 6": set_value(EF + ["severity"], 6),
    "effect likelihood 2.5": set_value(EF + ["likelihood"], Decimal("2.5")),
    "effect likelihood as text": set_value(EF + ["likelihood"], "3"),
    "effect risk not an id": set_value(EF + ["risk"], "R-1"),
    "effect without risk": remove(EF + ["risk"]),
    "approval without on": set_value(IA + ["approval"], {"by": "Jana Novak"}),
    "approval on null": set_value(IA + ["approval", "on"], None),
    "approval by blank": set_value(IA + ["approval", "by"], ""),
    "approval on 29 Feb 2027": set_value(IA + ["approval", "on"], "2027-02-29"),
    "approval with an extra key": set_value(IA + ["approval", "role"], "x"),
    "next review as a number": set_value(IA + ["next_review"], 20270520),
    "criteria null": set_value(A + ["risk_criteria"], None),
    "criteria 2x3": set_value(A + ["risk_criteria", "likelihoods"], 2),
    "criteria 5x6": set_value(A + ["risk_criteria", "consequences"], 6),
    "acceptance 0": set_value(A + ["risk_criteria", "acceptance"], 0),
    "acceptance 25": set_value(A + ["risk_criteria", "acceptance"], 25),
    "acceptance 26": set_value(A + ["risk_criteria", "acceptance"], 26),
    "acceptance 10 of 3x3": set_value(A + ["risk_criteria"], {"likelihoods": 3, "consequences": 3, "acceptance": 10}),
    "acceptance 12 of 3x4": set_value(A + ["risk_criteria"], {"likelihoods": 5, "consequences": 4, "acceptance": 20}),
    "criteria without acceptance": remove(A + ["risk_criteria", "acceptance"]),
    "criteria with an extra key": set_value(A + ["risk_criteria", "colours"], 3),
    "risks not a list": set_value(RK, "none"),
    "risk without title": remove(RK + [0, "title"]),
    "risk without source": remove(RK + [0, "source"]),
    "source with two kinds": set_value(RK + [2, "source"], {"annex_c": "Privacy", "system": OTHER_ID}),
    "empty source": set_value(RK + [2, "source"], {}),
    "source of an unknown kind": set_value(RK + [2, "source"], {"vendor": "x"}),
    "annex_c blank": set_value(RK + [2, "source", "annex_c"], " "),
    "harm without effect": remove(RK + [0, "source", "harm", "effect"]),
    "harm effect -1": set_value(RK + [0, "source", "harm", "effect"], -1),
    "risk likelihood 0": set_value(RK + [0, "likelihood"], 0),
    "risk consequence 6": set_value(RK + [0, "consequence"], 6),
    "treatment null": set_value(RK + [0, "treatment"], None),
    "treatment transfer": set_value(RK + [0, "treatment"], "transfer"),
    "control 5.2": set_value(RK + [0, "controls"], ["5.2"]),
    "control A.2.9": set_value(RK + [0, "controls"], ["A.2.9"]),
    "control twice": set_value(RK + [0, "controls"], ["A.9.2", "A.9.2"]),
    "controls as text": set_value(RK + [0, "controls"], "A.9.2"),
    "blank own control": set_value(RK + [0, "own_controls"], [""]),
    "residual without consequence": set_value(RK + [0, "residual"], {"likelihood": 1}),
    "residual 0": set_value(RK + [0, "residual", "likelihood"], 0),
    "acceptance null": set_value(RK + [0, "acceptance"], None),
    "closed as text": set_value(RK + [0, "closed"], "yes"),
    "risk with an extra key": set_value(RK + [0, "score"], 9),
    "evidence not a list": set_value(EV, 1),
    "evidence without kind": remove(EV + [0, "kind"]),
    "evidence kind email": set_value(EV + [0, "kind"], "email"),
    "evidence date 31 April": set_value(EV + [0, "date"], "2026-04-31"),
    "evidence review_by null": set_value(EV + [0, "review_by"], None),
    "long location": set_value(EV + [0, "location"], long10000),
    "file without hash": remove(EV + [0, "file", "sha256"]),
    "hash in capitals": set_value(EV + [0, "file", "sha256"], "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"),
    "hash too short": set_value(EV + [0, "file", "sha256"], "9f86d0"),
    "file of 50 MiB": set_value(EV + [0, "file", "size"], 52428800),
    "file over 50 MiB": set_value(EV + [0, "file", "size"], 52428801),
    "file size -1": set_value(EV + [0, "file", "size"], -1),
    "blank file name": set_value(EV + [0, "file", "name"], ""),
    "file with an extra key": set_value(EV + [0, "file", "type"], "pdf"),
    "supports an unknown item": set_value(EV + [0, "supports"], ["4.9"]),
    "supports twice": set_value(EV + [0, "supports"], ["5.2", "5.2"]),
    "evidence with an extra key": set_value(EV + [0, "expires"], "2027-01-01"),
}
# What a schema cannot say (docs/export-format.md, "Registers"): the importer refuses
# these and the schema accepts them. Listed, so a change on either side shows.
importer_only = {
    "an id used twice": set_value(EV + [1, "id"], "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
    "a risk from an unknown system": set_value(RK + [1, "source", "system"], OTHER_ID),
    "a risk from a benefit": set_value(RK + [0, "source", "harm", "effect"], 0),
    "a harm's unknown risk": set_value(EF + ["risk"], OTHER_ID),
    "a likelihood off a 3x3 matrix": set_value(A + ["risk_criteria"], {"likelihoods": 3, "consequences": 3, "acceptance": 4}),
}

disagreements = []
for name, change in importer_only.items():
    doc = copy.deepcopy(full_registers)
    change(doc)
    text = dumps(doc)
    if importer_ok(text)[0] or not schema_ok(v3, json.loads(text, parse_float=Decimal)):
        disagreements.append(f"v3 registers, {name}: expected the importer alone to refuse it")
for version, schema, base, all_cases in [(2, v2, full, cases),
                                         (3, v3, full_v3, {**cases, **cases_v3}),
                                         (3, v3, full_registers, cases_registers)]:
    for name, change in all_cases.items():
        doc = copy.deepcopy(base)
        try:
            change(doc)
        except (KeyError, TypeError):
            continue  # a case about a field this version's file does not have
        text = dumps(doc)
        imported, said = importer_ok(text)
        valid = schema_ok(schema, json.loads(text, parse_float=Decimal))
        if imported != valid:
            disagreements.append(f"v{version}, {name}: importer {'accepts' if imported else 'refuses'}, "
                                 f"schema {'accepts' if valid else 'refuses'} ({said[:160]})")
failures += disagreements

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"7 published files validate; the v2 and v3 schemas name the catalog's items and documents; "
      f"importer and schema agree on all {len(cases) + len(cases) + len(cases_v3) + len(cases_registers)} "
      f"mutated files; the importer alone refuses the {len(importer_only)} it must")


# --- The audit pack's manifest (docs/audit-pack.schema.json) ----------------------------
# A pack written by `aims-score pack`: its manifest validates; then each mutation is given
# to the schema and to `aims-score verify-pack` (the manifest changed inside the pack) and
# both must agree.
import hashlib
import io
import tempfile
import zipfile

pack_schema = validator("audit-pack.schema.json")
with tempfile.TemporaryDirectory() as tmp:
    pack_path = Path(tmp) / "pack.zip"
    subprocess.run([SCORER, "pack", str(ROOT / "tests/fixtures/assessment-v3.json"), "-o", str(pack_path),
                    "--today", "2026-12-07"], check=True)
    with zipfile.ZipFile(pack_path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    manifest = json.loads(dict(entries)["manifest.json"])
    pack_failures = [f"the written manifest: {e.message}" for e in pack_schema.iter_errors(manifest)]

    def verify_pack_ok(doc):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in entries:
                z.writestr(name, json.dumps(doc).encode() if name == "manifest.json" else data)
        path = Path(tmp) / "mutated.zip"
        path.write_bytes(buf.getvalue())
        run = subprocess.run([SCORER, "verify-pack", str(path)], capture_output=True, text=True)
        return run.returncode == 0, run.stderr.strip()

    def mutate(change):
        doc = copy.deepcopy(manifest)
        change(doc)
        return doc

    pack_cases = {
        "unchanged": lambda d: None,
        "unknown top-level field": lambda d: d.update(extra=1),
        "unknown file field": lambda d: d["files"][0].update(extra=1),
        "unknown assessment field": lambda d: d["assessment"].update(extra=1),
        "another format": lambda d: d.update(format="aims-readiness/other"),
        "format_version 2": lambda d: d.update(format_version=2),
        "format_version as text": lambda d: d.update(format_version="1"),
        "created not a date": lambda d: d.update(created="yesterday"),
        "created 2026-02-30": lambda d: d.update(created="2026-02-30"),
        "created on a leap day": lambda d: d.update(created="2028-02-29"),
        "created 2027-02-29": lambda d: d.update(created="2027-02-29"),
        "created in 1899": lambda d: d.update(created="1899-12-31"),
        "no generator": lambda d: d.pop("generator"),
        "no files": lambda d: d.pop("files"),
        "no assessment role": lambda d: d["files"][0].update(role="report"),
        "an unknown role": lambda d: d["files"][1].update(role="attachment"),
        "an evidence file without its record": lambda d: d["files"][1].update(role="evidence"),
        "a record on a report": lambda d: d["files"][1].update(record="0b7c1f0e-3d2a-4c5b-9e8f-1a2b3c4d5e6f"),
        "a null record on a report": lambda d: d["files"][1].update(record=None),
        "supports on a report": lambda d: d["files"][1].update(supports=["5.2"]),
        "empty supports on a report": lambda d: d["files"][1].update(supports=[]),
        "supports as text": lambda d: d["files"][1].update(supports="5.2"),
        "a register's role": lambda d: d["files"][1].update(role="register"),
        "sha256 upper case": lambda d: d["files"][1].update(sha256=d["files"][1]["sha256"].upper()),
        "sha256 short": lambda d: d["files"][1].update(sha256=d["files"][1]["sha256"][:63]),
        "negative size": lambda d: d["files"][1].update(size=-1),
        "size as text": lambda d: d["files"][1].update(size="12"),
        "empty path": lambda d: d["files"][1].update(path=""),
        "name as a number": lambda d: d["assessment"].update(name=7),
    }
    for name, change in pack_cases.items():
        doc = mutate(change)
        valid = schema_ok(pack_schema, doc)
        # The files are unchanged: a manifest the schema accepts must open, and one it
        # refuses must be refused by verify-pack for the manifest itself.
        opened, said = verify_pack_ok(doc)
        manifest_refused = (not opened) and "manifest.json is not valid" in said
        if not ((valid and opened) or (not valid and manifest_refused)):
            pack_failures.append(f"pack manifest, {name}: verify-pack {'opens' if opened else 'refuses'} "
                                 f"({said[:160]}), schema {'accepts' if valid else 'refuses'}")
    # A pack with an evidence file (`--files`): its manifest, with the file's record and
    # items, validates too.
    evidence_doc = copy.deepcopy(fixture_registers)
    record = evidence_doc["assessment"]["evidence"][0]
    kept = b"%PDF-1.7 the signed AI policy"
    record["file"] = {"name": "ai-policy-v2.pdf", "size": len(kept), "sha256": hashlib.sha256(kept).hexdigest()}
    (Path(tmp) / "files").mkdir()
    (Path(tmp) / "files" / record["id"]).write_bytes(kept)
    (Path(tmp) / "with-file.json").write_text(dumps(evidence_doc))
    subprocess.run([SCORER, "pack", str(Path(tmp) / "with-file.json"), "-o", str(Path(tmp) / "files.zip"),
                    "--today", "2026-12-07", "--files", str(Path(tmp) / "files")], check=True)
    with zipfile.ZipFile(Path(tmp) / "files.zip") as z:
        with_file = json.loads(z.read("manifest.json"))
    if not any(f.get("record") == record["id"] for f in with_file["files"]):
        pack_failures.append("the pack made with --files lists no evidence file")
    pack_failures += [f"the manifest with an evidence file: {e.message}" for e in pack_schema.iter_errors(with_file)]
    if pack_failures:
        print("\n".join(pack_failures))
        sys.exit(1)
    print(f"the audit pack's manifests validate (one with an evidence file); schema and verify-pack agree on all {len(pack_cases)} mutated manifests")
