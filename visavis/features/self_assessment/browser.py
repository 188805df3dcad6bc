"""What the browser needs (the questionnaire's data for the script, in one language) and the rules
in words (the page "How the self-assessment decides")."""

from __future__ import annotations

from ...catalog import in_language
from ...render import phone_display, tel_href
from ..safety.safety import Safety
from .questionnaire import (
    AUDIENCES_BY_ANSWER,
    LAW_CHAPTER,
    MAX_CONTACTS,
    MINOR_AUDIENCES,
    PER_STEP,
    RESULT,
    RESULTS,
    YOUTH_ONLY,
    Questionnaire,
    law_anchors,
    result_label,
)


def remaining_questions(data) -> dict[str, int]:
    """For each screen, the most questions that can still come (itself included): the progress bar."""
    questions = {q["id"]: q for q in data["questions"]}
    memo: dict[str, int] = {RESULT: 0}

    def longest(node):
        if node not in memo:
            q = questions[node]
            memo[node] = (0 if q.get("info") else 1) + max(longest(step["to"]) for step in q["next"])
        return memo[node]

    for qid in questions:
        longest(qid)
    return memo


def browser_data(questionnaire: Questionnaire, ctx, path_of, safety: Safety) -> dict:
    """Everything the script needs, in one language: the graph and rules as they are, texts in
    ``ctx.lang`` (French where a text is missing), links relative to the page, and the numbers of
    the crisis lines the screens and notes name. A warning ('notice') is not sent as data: the
    page holds it, rendered once, in a <template> the script copies."""
    data, catalog = questionnaire.data, questionnaire.catalog
    default = catalog.site.default_language

    def text(value):  # plain text: the script inserts it with textContent, never as HTML
        return in_language(value, ctx.lang, default)[0] or ""

    def calls(refs):
        out = []
        for ref in refs:
            line_id, _, number = ref.partition(":")
            out += [
                {"number": phone_display(c.number), "href": tel_href(c.number), "name": c.name}
                for c in safety.line(line_id, ctx.lang).calls
                if not number or c.number == number
            ]
        return out

    routes = catalog.entries["recourse"]
    orgs = catalog.entries["organisation"]
    named = {i for r in routes.values() for i in r.data.get("organisations", []) if i in orgs}
    named |= {i for rule in data.get("first_contacts", []) for i in rule["organisations"]}
    results = [r for r in RESULTS if r in data["category_texts"]]
    return {
        "start": data["start"],
        "remaining": remaining_questions(data),
        "questions": [
            {
                "id": q["id"],
                "fact": q.get("fact", q["id"]),
                "info": bool(q.get("info")),
                "text": text(q["text"]),
                "why": text(q.get("why")),
                "next": q["next"],
                "calls": calls(q.get("lines", [])),
                "answers": [
                    {"value": a["value"], "text": text(a["text"]), "sets": a.get("sets", {})}
                    for a in q.get("answers", [])
                ],
            }
            for q in data["questions"]
        ],
        "categories": [{k: v for k, v in rule.items() if k != "basis"} for rule in data["categories"]],
        "categoryTexts": {k: text(v) for k, v in data["category_texts"].items()},
        "categoryLabels": {k: result_label(catalog, ctx.lang, k) for k in results},
        "notes": [
            {
                "when": n["when"],
                "first": bool(n.get("first")),
                "text": text(n.get("text")),
                "calls": calls(n.get("lines", [])),
                "notice": n.get("notice"),
                "basis": ctx.link(LAW_CHAPTER, n["basis"]) if n.get("basis") else None,
                "link": ctx.link(n["link"]) if n.get("link") else None,
            }
            for n in data.get("notes", [])
        ],
        "firstContacts": data.get("first_contacts", []),
        "excludedContacts": data.get("excluded_contacts", []),
        "groups": data["groups"],
        "groupTexts": {k: text(v) for k, v in data["group_texts"].items()},
        "roleTexts": {k: text(v) for k, v in data["role_texts"].items()},
        "actions": data["actions"],
        "routes": {
            rid: {
                "title": text(r.data["title"]),
                "summary": text(r.data["summary"]),
                "url": ctx.link(path_of(r)),
                "organisations": r.data.get("organisations", []),
                "adultsOnly": r.data.get("adults_only", []),
            }
            for rid, r in routes.items()
        },
        "organisations": {
            oid: {
                "name": text(orgs[oid].data["name"]),
                "url": ctx.link(path_of(orgs[oid])),
                **_phone(orgs[oid].data),
                **{k: orgs[oid].data[k] for k in ("regions", "languages", "audiences", "intake")},
            }
            for oid in sorted(named)
        },
        "limits": {"perStep": PER_STEP, "contacts": MAX_CONTACTS},
        "audiences": {
            "byAnswer": [[fact, value, sorted(extra)] for (fact, value), extra in AUDIENCES_BY_ANSWER.items()],
            "minor": sorted(MINOR_AUDIENCES),
            "youthOnly": sorted(YOUTH_ONLY),
        },
    }


def _phone(org: dict) -> dict:
    """An organisation's first phone number, as shown and as a link (none if it has no phone)."""
    number = next((c["value"] for c in org["contacts"] if c["type"] == "phone"), None)
    return {"phone": phone_display(number), "phoneHref": tel_href(number)} if number else {"phone": None}


# The rules in words (the page "How the self-assessment decides") --------------------------------


def rules_in_words(questionnaire: Questionnaire, ctx, safety: Safety) -> tuple[list, list]:
    """Every result rule and every note as (conditions in the reader's words, result, basis link):
    the table a lawyer reviews, each basis titled with its heading in the law chapter."""
    data, catalog = questionnaire.data, questionnaire.catalog
    law_titles = law_anchors(catalog.site, ctx.lang)
    default = catalog.site.default_language

    def text(value):
        return in_language(value, ctx.lang, default)[0] or ""

    # how each value of each fact is worded: the answer that gives it (or sets it)
    words: dict[str, dict[str, str]] = {}
    questions: dict[str, str] = {}
    for q in data["questions"]:
        questions[q.get("fact", q["id"])] = text(q["text"])
    for q in data["questions"]:
        fact = q.get("fact", q["id"])
        for answer in q.get("answers", []):
            words.setdefault(fact, {})[answer["value"]] = text(answer["text"])
            for name, value in answer.get("sets", {}).items():
                questions.setdefault(name, text(q["text"]))
                words.setdefault(name, {})[value] = text(answer["text"])
    questions["category"] = catalog.label(ctx.lang, "ui", "rules_result_so_far")
    words["category"] = {r: result_label(catalog, ctx.lang, r) for r in RESULTS}

    def conditions(rule):
        return [(questions[fact], [words[fact].get(v, v) for v in values]) for fact, values in (rule or {}).items()]

    def basis(anchor):
        return {"url": ctx.link(LAW_CHAPTER, anchor), "title": law_titles.get(anchor, anchor)} if anchor else None

    rows = [
        {
            "conditions": conditions(rule.get("when")),
            "result": result_label(catalog, ctx.lang, rule["category"]),
            "basis": basis(rule.get("basis")),
        }
        for rule in data["categories"]
    ]
    # a note that shows a warning is described by the warning's title
    notes = [
        {
            "conditions": conditions(n["when"]),
            "basis": basis(n.get("basis")),
            "text": text(n["text"] if "text" in n else safety.notices[n["notice"]]["title"]),
        }
        for n in data.get("notes", [])
    ]
    return rows, notes
