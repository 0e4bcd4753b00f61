#!/usr/bin/env python3
"""Checks assets/guide/en.json (the in-product guidance pages) against the catalog.

Run from anywhere, no arguments:  python3 tests/guide_check.py
Exits 0 when everything holds; otherwise prints every problem found and exits 1.

What it checks:
- the file is UTF-8 JSON with the agreed shape (version, as_of, pages about / frameworks /
  certification, comparison, glossary, explainers) and only the agreed fields;
- every `[text](item:ID)` link and every "items" entry is an item id of
  assets/catalog/iso42001.json;
- every `[text](glossary:ID)` link points to a glossary entry, and every glossary entry is
  linked at least once from the pages or the explainers;
- no other markup (no bold, HTML, backticks or other link kinds) and no "http" anywhere;
- explainers: exactly one per catalog group whose parent is null;
- "framework" only on frameworks-page sections, "articles" only on the EU AI Act section,
  "tool" on every certification-page section and nowhere else, with allowed values;
- comparison: the five agreed columns, 6 to 9 rows, cells of at most 25 words;
- glossary definitions of 1 to 3 sentences, explainer texts of 1 to 2 sentences;
- every `page/section`, `glossary/ID` and `comparison/Row label` reference in
  docs/guidance-sources.md names an existing section, glossary entry or comparison row.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUIDE = os.path.join(ROOT, "assets", "guide", "en.json")
CATALOG = os.path.join(ROOT, "assets", "catalog", "iso42001.json")
SOURCES_MD = os.path.join(ROOT, "docs", "guidance-sources.md")

PAGE_IDS = ["about", "frameworks", "certification"]
COLUMNS = ["ISO/IEC 42001", "NIST AI RMF", "ISO/IEC 23894", "ISO/IEC 27001", "EU AI Act"]
FRAMEWORKS = {"nist_ai_rmf", "eu_ai_act", "iso27001", "iso23894"}
TOOLS = {"documents", "soa", "plan", "report", "assess", "results", "quick"}
CERT_STEPS = [
    "scoping",
    "gap-assessment",
    "implementation",
    "internal-audit-and-management-review",
    "stage-1-audit",
    "stage-2-audit",
    "certificate-cycle",
]
REQUIRED_GLOSSARY = [
    "ai-management-system", "ai-system", "interested-parties", "scope", "ai-policy",
    "ai-objectives", "ai-risk-assessment", "ai-risk-treatment", "ai-system-impact-assessment",
    "statement-of-applicability", "annex-a-control", "control-objective",
    "documented-information", "competence", "awareness", "operational-planning",
    "monitoring-and-measurement", "internal-audit", "management-review", "nonconformity",
    "corrective-action", "continual-improvement", "top-management", "maturity-level",
    "evidence", "certification-body", "stage-1-audit", "stage-2-audit", "surveillance-audit",
    "harmonised-standard", "exclusion-justification",
    # words the app itself uses (assets/i18n/en.json)
    "target-level", "coverage", "readiness", "blocker", "verdict",
]
SECTION_KEYS = {"id", "heading", "paragraphs", "bullets", "items", "framework", "articles",
                "tool", "as_of", "sources"}
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LINK = re.compile(r"\[([^\[\]]+)\]\((glossary|item):([^()\s]+)\)")
ANY_LINKISH = re.compile(r"\]\(|\[|\]")
FORBIDDEN = [("**", "bold markup"), ("__", "underline/bold markup"), ("`", "backtick"),
             ("<", "HTML-like '<'"), (">", "HTML-like '>'"), ("](", "link of an unknown kind")]
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\[])")
MAX_CELL_WORDS = 25

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def visible(text):
    """The text as a reader sees it: links replaced by their visible words."""
    return LINK.sub(lambda m: m.group(1), text)


def sentences(text):
    t = visible(text).strip()
    return len(SENTENCE_END.findall(t)) + 1 if t else 0


def main():
    try:
        raw = open(GUIDE, "rb").read()
    except OSError as e:
        print(f"cannot read {GUIDE}: {e}")
        return 1
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{GUIDE} is not UTF-8: {e}")
        return 1
    try:
        guide = json.loads(text)
    except json.JSONDecodeError as e:
        print(f"{GUIDE} is not valid JSON: {e}")
        return 1
    if "http" in text.lower():
        for n, line in enumerate(text.splitlines(), 1):
            if "http" in line.lower():
                problem(f"en.json line {n}", "contains 'http' (no external URLs allowed)")
    if "www." in text.lower():
        problem("en.json", "contains 'www.' (no external URLs allowed)")

    catalog = json.load(open(CATALOG, encoding="utf-8"))
    item_ids = {i["id"] for i in catalog["items"]}
    top_groups = [g["id"] for g in catalog["groups"] if g.get("parent") is None]

    if not isinstance(guide, dict):
        print("en.json: top level is not an object")
        return 1
    expected_top = {"version", "as_of", "pages", "comparison", "glossary", "explainers"}
    if set(guide) != expected_top:
        problem("top level", f"keys {sorted(guide)} differ from {sorted(expected_top)}")
    if guide.get("version") != 1:
        problem("version", "must be 1")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(guide.get("as_of", ""))):
        problem("as_of", "must be a date like 2026-11-30")

    glossary = guide.get("glossary") or []
    glossary_ids = [g.get("id") for g in glossary if isinstance(g, dict)]
    glossary_set = set(glossary_ids)
    linked_glossary = set()

    # Every string in the file: markup and link targets.
    def check_text(where, value, count_links):
        if not isinstance(value, str) or not value.strip():
            problem(where, "must be non-empty text")
            return
        for m in LINK.finditer(value):
            kind, target = m.group(2), m.group(3)
            if kind == "item" and target not in item_ids:
                problem(where, f"link to unknown item '{target}'")
            if kind == "glossary":
                if target not in glossary_set:
                    problem(where, f"link to unknown glossary entry '{target}'")
                elif count_links:
                    linked_glossary.add(target)
        rest = LINK.sub("", value)
        for token, name in FORBIDDEN:
            if token in rest:
                problem(where, f"contains {name} ({token!r}); only [text](glossary:ID) and [text](item:ID) links are allowed")
                break
        else:
            if ANY_LINKISH.search(rest):
                problem(where, "contains a stray '[' or ']' (malformed link?)")

    def check_items(where, items):
        if not isinstance(items, list):
            problem(where, "items must be a list")
            return
        for i in items:
            if i not in item_ids:
                problem(where, f"items entry '{i}' is not a catalog item id")
        if len(set(items)) != len(items):
            problem(where, "items has duplicates")

    def check_str_list(where, value, count_links, allow_empty=False):
        if not isinstance(value, list) or (not value and not allow_empty):
            problem(where, "must be a non-empty list of text")
            return
        for n, v in enumerate(value):
            check_text(f"{where}[{n}]", v, count_links)

    # Pages
    pages = guide.get("pages") or []
    page_ids = [p.get("id") for p in pages if isinstance(p, dict)]
    if page_ids != PAGE_IDS:
        problem("pages", f"ids {page_ids} must be exactly {PAGE_IDS} in this order")
    section_index = set()
    all_section_ids = []
    for p in pages:
        pid = p.get("id")
        if set(p) != {"id", "title", "intro", "sections"}:
            problem(f"page {pid}", f"keys {sorted(p)} must be id, title, intro, sections")
        check_text(f"page {pid}.title", p.get("title"), True)
        check_text(f"page {pid}.intro", p.get("intro"), True)
        secs = p.get("sections")
        if not isinstance(secs, list) or not secs:
            problem(f"page {pid}", "needs a non-empty list of sections")
            continue
        seen = set()
        frameworks_seen = []
        for s in secs:
            sid = s.get("id")
            where = f"{pid}/{sid}"
            section_index.add(where)
            all_section_ids.append(sid)
            extra = set(s) - SECTION_KEYS
            if extra:
                problem(where, f"unknown fields {sorted(extra)}")
            if not isinstance(sid, str) or not KEBAB.match(sid):
                problem(where, "id must be a kebab-case slug")
            if sid in seen:
                problem(where, "duplicate section id on this page")
            seen.add(sid)
            check_text(f"{where}.heading", s.get("heading"), True)
            check_str_list(f"{where}.paragraphs", s.get("paragraphs"), True)
            if "bullets" in s:
                check_str_list(f"{where}.bullets", s["bullets"], True)
            if "items" in s:
                check_items(f"{where}.items", s["items"])
            if "as_of" in s:
                check_text(f"{where}.as_of", s["as_of"], False)
                if not str(s["as_of"]).startswith("as of "):
                    problem(f"{where}.as_of", "must start with 'as of '")
            if "sources" in s:
                check_str_list(f"{where}.sources", s["sources"], False)
            fw = s.get("framework")
            if fw is not None:
                if pid != "frameworks":
                    problem(where, "'framework' is only allowed on frameworks-page sections")
                if fw not in FRAMEWORKS:
                    problem(where, f"framework '{fw}' is not one of {sorted(FRAMEWORKS)}")
                frameworks_seen.append(fw)
                if not s.get("items"):
                    problem(where, "a framework section needs a non-empty items list")
            if "articles" in s:
                if fw != "eu_ai_act":
                    problem(where, "'articles' is only allowed on the EU AI Act section")
                arts = s["articles"]
                if not isinstance(arts, list) or not arts:
                    problem(where, "articles must be a non-empty list")
                else:
                    for n, a in enumerate(arts):
                        if not isinstance(a, dict) or set(a) != {"ref", "label"}:
                            problem(f"{where}.articles[{n}]", "must be {ref, label}")
                            continue
                        if not re.fullmatch(r"Art\. \d+[a-z]?", str(a["ref"])):
                            problem(f"{where}.articles[{n}]", f"ref '{a['ref']}' is not like 'Art. 9'")
                        check_text(f"{where}.articles[{n}].label", a["label"], False)
            elif fw == "eu_ai_act":
                problem(where, "the EU AI Act section needs 'articles'")
            if "tool" in s:
                if pid != "certification":
                    problem(where, "'tool' is only allowed on certification-page sections")
                tools = s["tool"]
                if not isinstance(tools, list) or not tools:
                    problem(where, "tool must be a non-empty list")
                else:
                    for t in tools:
                        if t not in TOOLS:
                            problem(where, f"tool '{t}' is not one of {sorted(TOOLS)}")
                    if len(set(tools)) != len(tools):
                        problem(where, "tool has duplicates")
            elif pid == "certification":
                problem(where, "every certification step needs 'tool'")
        if pid == "frameworks":
            if sorted(frameworks_seen) != sorted(FRAMEWORKS):
                problem("frameworks", f"needs exactly one section per framework {sorted(FRAMEWORKS)}, found {frameworks_seen}")
        if pid == "certification":
            ids = [s.get("id") for s in secs]
            if ids != CERT_STEPS:
                problem("certification", f"sections {ids} must be the steps {CERT_STEPS}")
    dup = {i for i in all_section_ids if all_section_ids.count(i) > 1}
    if dup:
        problem("pages", f"section ids used on more than one page: {sorted(dup)}")

    # Comparison
    comp = guide.get("comparison") or {}
    if set(comp) != {"columns", "rows"}:
        problem("comparison", "must have exactly columns and rows")
    if comp.get("columns") != COLUMNS:
        problem("comparison.columns", f"must be {COLUMNS}")
    rows = comp.get("rows") or []
    if not 6 <= len(rows) <= 9:
        problem("comparison.rows", f"has {len(rows)} rows; 6 to 9 expected")
    for n, r in enumerate(rows):
        where = f"comparison.rows[{n}]"
        if set(r) != {"label", "cells"}:
            problem(where, "must have exactly label and cells")
        check_text(f"{where}.label", r.get("label"), False)
        cells = r.get("cells")
        if not isinstance(cells, list) or len(cells) != len(COLUMNS):
            problem(where, f"needs {len(COLUMNS)} cells")
            continue
        for c, cell in enumerate(cells):
            check_text(f"{where}.cells[{c}]", cell, False)
            if isinstance(cell, str) and len(visible(cell).split()) > MAX_CELL_WORDS:
                problem(f"{where}.cells[{c}]", f"has {len(visible(cell).split())} words; at most {MAX_CELL_WORDS}")

    # Glossary
    if len(glossary_ids) != len(glossary_set):
        problem("glossary", "duplicate ids")
    for req in REQUIRED_GLOSSARY:
        if req not in glossary_set:
            problem("glossary", f"required entry '{req}' is missing")
    for n, g in enumerate(glossary):
        gid = g.get("id") if isinstance(g, dict) else None
        where = f"glossary '{gid}'"
        if not isinstance(g, dict) or set(g) != {"id", "term", "definition", "items"}:
            problem(where, "must have exactly id, term, definition, items")
            continue
        if not isinstance(gid, str) or not KEBAB.match(gid):
            problem(where, "id must be kebab case")
        check_text(f"{where}.term", g["term"], False)
        check_text(f"{where}.definition", g["definition"], False)
        k = sentences(g["definition"]) if isinstance(g["definition"], str) else 0
        if not 1 <= k <= 3:
            problem(where, f"definition has {k} sentences; 1 to 3 expected")
        check_items(f"{where}.items", g["items"])

    # Explainers
    expl = guide.get("explainers") or []
    groups = [e.get("group") for e in expl if isinstance(e, dict)]
    if sorted(groups) != sorted(top_groups) or len(groups) != len(set(groups)):
        missing = sorted(set(top_groups) - set(groups))
        extra = sorted(set(groups) - set(top_groups))
        problem("explainers", f"need exactly one per top-level catalog group; missing {missing}, unknown {extra}, found {len(groups)}")
    for e in expl:
        where = f"explainer {e.get('group')}"
        if set(e) != {"group", "about", "auditors"}:
            problem(where, "must have exactly group, about, auditors")
            continue
        for key in ("about", "auditors"):
            check_text(f"{where}.{key}", e[key], True)
            if isinstance(e[key], str) and not 1 <= sentences(e[key]) <= 2:
                problem(f"{where}.{key}", f"has {sentences(e[key])} sentences; 1 to 2 expected")

    unlinked = [g for g in glossary_ids if g not in linked_glossary]
    if unlinked:
        problem("glossary", f"never linked from the pages or explainers: {unlinked}")

    # docs/guidance-sources.md: `page/section` references must exist
    if os.path.exists(SOURCES_MD):
        md = open(SOURCES_MD, encoding="utf-8").read()
        refs = set(re.findall(r"`((?:about|frameworks|certification)/[a-z0-9-]+)`", md))
        if not refs:
            problem("docs/guidance-sources.md", "names no `page/section` location")
        for ref in sorted(refs):
            if ref not in section_index:
                problem("docs/guidance-sources.md", f"refers to `{ref}`, which is not a section of en.json")
        for gid in sorted(set(re.findall(r"`glossary/([a-z0-9-]+)`", md))):
            if gid not in glossary_set:
                problem("docs/guidance-sources.md", f"refers to `glossary/{gid}`, which is not a glossary entry")
        labels = {r.get("label") for r in rows if isinstance(r, dict)}
        for label in sorted(set(re.findall(r"`comparison/([^`]+)`", md))):
            if label not in labels:
                problem("docs/guidance-sources.md", f"refers to `comparison/{label}`, which is not a comparison row")
    else:
        problem("docs/guidance-sources.md", "is missing")

    if problems:
        print(f"assets/guide/en.json: {len(problems)} problem(s):")
        for p in problems:
            print("  - " + p)
        return 1
    n_sections = sum(len(p.get("sections", [])) for p in pages)
    print(f"assets/guide/en.json OK: {len(pages)} pages, {n_sections} sections, "
          f"{len(rows)} comparison rows, {len(glossary)} glossary entries, {len(expl)} explainers, "
          f"{len(raw)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
