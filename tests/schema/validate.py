"""Validates the export files we publish against their JSON Schemas (docs/), and checks
that each schema refuses a file the importer refuses, so the two cannot drift apart
unnoticed. Run by scripts/test.sh with the pinned jsonschema in .tools/venv."""
import json
import subprocess
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCORER = sys.argv[1]  # path to the aims-score binary


def schema(name):
    s = json.loads((ROOT / "docs" / name).read_text())
    Draft202012Validator.check_schema(s)
    return Draft202012Validator(s)


def errors(validator, doc):
    return [e.message for e in validator.iter_errors(doc)]


v1, v2 = schema("export-format.schema.json"), schema("export-format-v2.schema.json")
fixture_v1 = json.loads((ROOT / "tests/fixtures/assessment-v1.json").read_text())
fixture_v2 = json.loads((ROOT / "tests/fixtures/assessment-v2.json").read_text())
template = json.loads(subprocess.run([SCORER, "template"], check=True, capture_output=True, text=True).stdout)
# A v2 file that uses every new field, as the app writes it.
full = json.loads(json.dumps(fixture_v2))
full["assessment"]["profile"] = {"roles": ["ai_customer", "ai_subject"], "ai_systems": ["Support chatbot"],
                                 "management_systems": ["iso27001"], "declined_suggestions": ["A.7.2"]}
full["assessment"]["additional_controls"] = [{"id": "ORG-1", "title": "Prompt logging", "source": "Contract",
                                              "status": 2, "owner": "CISO", "reason": "Customer requirement"}]
full["assessment"]["items"]["9.2.1"]["reused"] = True

failures = []
imported = subprocess.run([SCORER, "validate", "-"], input=json.dumps(full), capture_output=True, text=True)
if imported.returncode != 0:
    failures_import = [f"the importer refuses the full v2 file: {imported.stderr}"]
else:
    failures_import = []
for name, validator, doc in [("v1 fixture", v1, fixture_v1), ("v2 fixture", v2, fixture_v2), ("template (v2)", v2, template), ("full v2 file", v2, full)]:
    found = errors(validator, doc)
    if found:
        failures.append(f"{name} does not validate: {found[:3]}")

# Files the importer refuses must not pass the schema either.
refused = {
    "v2 with an unknown document": lambda d: d["assessment"]["documents"].update({"no-such-document": True}),
    "v2 with format_version 3": lambda d: d.update(format_version=3),
    "v2 with an unknown AI role": lambda d: d["assessment"]["profile"].update(roles=["deployer"]),
    "v2 with an additional control without a title": lambda d: d["assessment"].update(additional_controls=[{"id": "X"}]),
}
for name, change in refused.items():
    doc = json.loads(json.dumps(fixture_v2))
    change(doc)
    if not errors(v2, doc):
        failures.append(f"the v2 schema accepts a file it must refuse: {name}")

failures += failures_import
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"4 published files validate (the full one imports too); {len(refused)} files the importer refuses are refused by the v2 schema")
