"""Validate OSCAL assessment-results documents with compliance-trestle, plus our own conventions.

Usage: validate.py FILE...   (run with the pinned trestle in .tools/venv:
       .tools/venv/bin/python tests/oscal/validate.py FILE...)

Prints one line per file, "ok FILE" or "FAIL FILE: reason", and exits 1 if any file fails.

Each file goes through, in order:

1. trestle's pre-parse compatibility check (`oscal_backward_compatibility.check_file`, the
   same one `trestle validate` runs first): naive metadata date-times are an error.
2. trestle's pydantic model, `AssessmentResults.oscal_read(path)`: the single top-level key
   `assessment-results`, every required field, uuid / token / string patterns, closed
   enums (finding target type, objective status state), timezone-aware date-times, and no
   unknown keys anywhere (`extra='forbid'`).
3. trestle's "all" validator (from `validator_factory`, as `trestle validate` gets it, then
   `model_is_valid`; it needs no trestle workspace): no duplicate uuids anywhere in the
   document, every metadata responsible-party role-id defined in metadata.roles, back-matter
   links (warnings only).
4. Our conventions, which trestle does not check (docs/oscal.md):
   - `metadata.oscal-version` is exactly trestle's OSCAL_VERSION (trestle 5.2.0 ships its
     version check switched off: any non-blank string passes);
   - every date-time is a JSON string matching the OSCAL JSON Schema pattern (trestle's
     pydantic parser also takes numbers, "1700000000", a space or a lowercase "t");
   - no JSON object repeats a key (Python's json keeps the last one silently);
   - every prop whose name starts with one of ours has `ns` equal to NS, and a value
     from our vocabulary;
   - open OSCAL vocabularies that we emit only from a closed list: observation methods
     and types, implementation-status state, objective-status reason;
   - references resolve: related-observations to an observation, an import-ap href of the
     form "#uuid" to a back-matter resource;
   - an excluded control (applicability=excluded) has target implementation-status
     "not-applicable" with a non-blank remarks (the justification) and no target status.
"""
import argparse
import json
import logging
import re
import sys
from pathlib import Path

import trestle.core.validator_factory as vfact
from trestle.common.const import VAL_MODE_ALL
from trestle.common.err import TrestleError
from trestle.core import oscal_backward_compatibility as compat
from trestle.oscal import OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults

NS = "https://aims-readiness.invalid/ns/oscal"

LEVELS = {"0", "1", "2", "3", "4", "5"}
# Our prop names and the values each may take.
OUR_PROPS = {
    "maturity-level": LEVELS | {"unanswered"},
    "evidenced-level": LEVELS | {"unanswered"},
    "target-level": {"3", "4", "5"},
    "applicability": {"included", "excluded"},
    "item-kind": {"clause", "control"},
}

# OSCAL leaves these vocabularies open (trestle accepts any token or string); we emit only these.
METHODS = {"EXAMINE", "INTERVIEW", "TEST", "UNKNOWN"}
OBSERVATION_TYPES = {"ssp-statement-issue", "control-objective", "mitigation", "finding", "discovery", "historic"}
IMPLEMENTATION_STATES = {"implemented", "partial", "planned", "alternative", "not-applicable"}
STATUS_REASONS = {"pass", "fail", "other"}

# Keys holding a date-time-with-timezone in the assessment-results model. (`start`/`end`
# are integers inside port-ranges, which we skip.)
DATETIME_KEYS = {"last-modified", "published", "start", "end", "collected", "expires", "date"}
# DateTimeWithTimezoneDatatype's pattern in the OSCAL JSON Schema.
DATETIME_RE = re.compile(
    r"^(((2000|2400|2800|(19|2[0-9](0[48]|[2468][048]|[13579][26])))-02-29)"
    r"|(((19|2[0-9])[0-9]{2})-02-(0[1-9]|1[0-9]|2[0-8]))"
    r"|(((19|2[0-9])[0-9]{2})-(0[13578]|10|12)-(0[1-9]|[12][0-9]|3[01]))"
    r"|(((19|2[0-9])[0-9]{2})-(0[469]|11)-(0[1-9]|[12][0-9]|30)))"
    r"T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?"
    r"(Z|(-((0[0-9]|1[0-2]):00|0[39]:30)|\+((0[0-9]|1[0-4]):00|(0[34569]|10):30|(0[58]|12):45)))$"
)


class Captured(logging.Handler):
    """Keeps trestle's warnings (e.g. which uuid is duplicated) for the failure line."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


CAPTURED = Captured()
_trestle_log = logging.getLogger("trestle")
_trestle_log.addHandler(CAPTURED)
_trestle_log.propagate = False


def one_line(text):
    return " | ".join(line.strip() for line in str(text).splitlines() if line.strip())


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise ValueError(f"duplicate JSON key(s) {dupes}")
    return dict(pairs)


def walk(node, path="$"):
    """Yields (path, dict) for every JSON object in the document."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key == "port-ranges":
                continue
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}[{i}]")


def ours(name):
    return next((p for p in OUR_PROPS if isinstance(name, str) and name.startswith(p)), None)


def prop_values(obj, name):
    return [p.get("value") for p in obj.get("props") or [] if p.get("name") == name and p.get("ns") == NS]


def convention_problems(raw):
    problems = []
    doc = raw["assessment-results"]

    version = doc["metadata"]["oscal-version"]
    if version != OSCAL_VERSION:
        problems.append(f"metadata.oscal-version is {version!r}, trestle's model is {OSCAL_VERSION!r}")

    observation_uuids = set()
    for path, obj in walk(doc, "$.assessment-results"):
        for key in DATETIME_KEYS & obj.keys():
            value = obj[key]
            if not (isinstance(value, str) and DATETIME_RE.match(value)):
                problems.append(f"{path}.{key}: {value!r} is not an OSCAL date-time with timezone")
        for i, prop in enumerate(obj.get("props") or []):
            base = ours(prop.get("name"))
            if base is None:
                continue
            where = f"{path}.props[{i}] ({prop['name']})"
            if prop.get("ns") != NS:
                problems.append(f"{where}: ns is {prop.get('ns')!r}, must be {NS!r}")
            if prop["name"] != base:
                problems.append(f"{where}: not one of our prop names {sorted(OUR_PROPS)}")
            elif prop.get("value") not in OUR_PROPS[base]:
                problems.append(f"{where}: value {prop.get('value')!r} not in {sorted(OUR_PROPS[base])}")
        if "methods" in obj and path.split(".")[-1].startswith("observations["):
            observation_uuids.add(obj.get("uuid"))
            bad = [m for m in obj["methods"] if m not in METHODS]
            if bad:
                problems.append(f"{path}.methods: {bad} not in {sorted(METHODS)}")
            bad = [t for t in obj.get("types") or [] if t not in OBSERVATION_TYPES]
            if bad:
                problems.append(f"{path}.types: {bad} not in {sorted(OBSERVATION_TYPES)}")
        if "implementation-status" in obj:
            state = obj["implementation-status"].get("state")
            if state not in IMPLEMENTATION_STATES:
                problems.append(f"{path}.implementation-status.state: {state!r} not in {sorted(IMPLEMENTATION_STATES)}")
        status = obj.get("status") if "target-id" in obj else None
        if isinstance(status, dict) and "reason" in status and status["reason"] not in STATUS_REASONS:
            problems.append(f"{path}.status.reason: {status['reason']!r} not in {sorted(STATUS_REASONS)}")

    for path, obj in walk(doc, "$.assessment-results"):
        for i, rel in enumerate(obj.get("related-observations") or []):
            if rel.get("observation-uuid") not in observation_uuids:
                problems.append(f"{path}.related-observations[{i}]: no observation {rel.get('observation-uuid')}")
        if "target" in obj and "findings[" in path:
            target = obj["target"]
            if "excluded" in prop_values(obj, "applicability") + prop_values(target, "applicability"):
                impl = target.get("implementation-status") or {}
                if impl.get("state") != "not-applicable" or not (impl.get("remarks") or "").strip():
                    problems.append(
                        f"{path}: excluded control needs target.implementation-status "
                        "{state: not-applicable, remarks: <justification>}"
                    )
                if "status" in target:
                    problems.append(f"{path}: excluded control must have no target.status")

    href = doc["import-ap"]["href"]
    if href.startswith("#"):
        resources = {r.get("uuid") for r in (doc.get("back-matter") or {}).get("resources") or []}
        if href[1:] not in resources:
            problems.append(f"import-ap.href {href!r} names no back-matter resource")
    return problems


def check(path):
    """Returns None if the file is valid, else the reason."""
    CAPTURED.messages.clear()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError) as e:
        return f"cannot read: {e}"
    try:
        raw = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except ValueError as e:
        return f"not valid JSON: {e}"

    errors = [str(i) for i in compat.check_file(path) if i.severity == "ERROR"]
    if errors:
        return one_line("; ".join(errors))

    try:
        model = AssessmentResults.oscal_read(path)
    except TrestleError as e:
        return one_line(str(e).replace(f"Schema validation failed — {path}:", "trestle schema:"))
    if model is None:
        return "trestle could not read the file"

    # The "all" validator exactly as `trestle validate` gets it.
    validator = vfact.validator_factory.get(argparse.Namespace(mode=VAL_MODE_ALL))
    if not validator.model_is_valid(model, True, None):
        detail = "; ".join(CAPTURED.messages)
        return one_line(f"trestle: {validator.error_msg()}" + (f" {detail}" if detail else ""))

    problems = convention_problems(raw)
    if problems:
        return "; ".join(problems)
    return None


def main(argv):
    if not argv:
        print("usage: validate.py FILE...", file=sys.stderr)
        return 2
    failed = False
    for name in argv:
        reason = check(Path(name))
        if reason is None:
            print(f"ok {name}")
        else:
            failed = True
            print(f"FAIL {name}: {reason}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
