"""The guided self-assessment: load its YAML, check it as a graph, and turn answers into a plan.

The same three rules run in the browser (assets/self-assessment.js, beside this file); the tests
compare both on every path. Keep them identical:
  - a rule {fact: [values]} matches when every fact listed has one of the values;
  - 'next' and 'categories' take the first rule that matches; 'actions' take every one;
  - contacts are the organisations named by the plan's routes, filtered by what was answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ... import yamlfile
from ...catalog import Catalog

FILE = "self-assessment.yml"
RESULT = "result"
CATEGORIES = ("a", "b", "c")  # the three categories (adapted from UNESCO's)
RESULTS = CATEGORIES + ("maybe", "unknown")  # what a path can end with
LAW_CHAPTER = "guide/law.md"  # where each rule's 'basis' anchor must exist
MAX_QUESTIONS = 8  # "at most about eight questions on any path" (product brief)
MAX_CONTACTS = 8  # enough to choose from on a phone, few enough to read
PER_STEP = 2  # organisations shown per step of the plan
ALL_REGIONS = "belgium"
# The person the page without JavaScript describes for each situation: targeted, an adult, not in
# danger now, in public, reason unknown. (Nothing is asked, so nothing typed can leave the browser.)
TYPICAL = {"danger": "no", "role": "victim", "ground": "unsure", "where": "public", "minor": "no"}
MINOR_AUDIENCES = {"minors", "parents"}
YOUTH_ONLY = {"minors", "parents", "education"}  # services that only young people (and those around them) can use


def matches(rule: dict | None, facts: dict) -> bool:
    """Every fact named by the rule has one of the allowed values (a missing fact never matches)."""
    return all(facts.get(name) in allowed for name, allowed in (rule or {}).items())


# The answers that put specialised services first: (fact, value) -> audiences. The one place for
# this rule: the script receives the table (browser.py), and the check tells these values apart.
AUDIENCES_BY_ANSWER = {
    ("minor", "yes"): MINOR_AUDIENCES,
    ("ground", "orientation"): {"lgbtqi"},
    ("ground", "gender-identity"): {"lgbtqi"},
    ("ground", "sex"): {"women"},
}


def preferred_audiences(facts: dict) -> frozenset:
    """Audiences whose specialised services should come first for this person."""
    audiences = set()
    for (fact, value), extra in AUDIENCES_BY_ANSWER.items():
        if facts.get(fact) == value:
            audiences |= extra
    return frozenset(audiences)


@dataclass
class Plan:
    category: str
    steps: list[tuple[str, str]]  # (group, recourse id), in display order
    contacts: list[str] = field(default_factory=list)  # organisation ids
    notes: list[int] = field(default_factory=list)  # indexes of the matching 'notes'


class Questionnaire:
    def __init__(self, doc: yamlfile.YamlDocument, catalog: Catalog):
        self.doc, self.catalog, self.data = doc, catalog, doc.data
        self.questions = {q["id"]: q for q in self.data["questions"]}
        # many paths share their contacts: cached per questionnaire (a cache on the class would
        # keep every questionnaire of every rebuild of `make serve` alive)
        self.contacts = lru_cache(maxsize=4096)(self._contacts)
        # each rule as ((fact, allowed values), …), made once: the check evaluates them many times
        self._compiled: dict[int, tuple] = {}

    def _match(self, rule: dict | None, facts: dict) -> bool:
        """matches(), with the rule compiled once (rules live as long as the questionnaire)."""
        if not rule:
            return True
        compiled = self._compiled.get(id(rule))
        if compiled is None:
            compiled = self._compiled[id(rule)] = tuple((name, frozenset(allowed)) for name, allowed in rule.items())
        for name, allowed in compiled:  # noqa: SIM110  a loop, not all(): the check calls this ~100,000 times
            if facts.get(name) not in allowed:
                return False
        return True

    # The rules ----------------------------------------------------------------------------

    def next_screen(self, question: dict, facts: dict) -> str | None:
        return next((step["to"] for step in question["next"] if self._match(step.get("when"), facts)), None)

    def category(self, facts: dict) -> str | None:
        return next((r["category"] for r in self.data["categories"] if self._match(r.get("when"), facts)), None)

    def plan(self, facts: dict) -> Plan:
        category = self.category(facts)
        facts = {**facts, "category": category}
        steps, seen = [], set()
        matching = [action for action in self.data["actions"] if self._match(action.get("when"), facts)]
        for group in self.data["groups"]:
            for action in matching:
                if action["group"] == group and action["recourse"] not in seen:
                    steps.append((group, action["recourse"]))
                    seen.add(action["recourse"])
        first = self._organisations("first_contacts", facts)
        excluded = frozenset(self._organisations("excluded_contacts", facts))
        contacts = self.contacts(
            tuple(r for _, r in steps),
            facts.get("region"),
            facts.get("language"),
            preferred_audiences(facts),
            first,
            excluded,
        )
        notes = [i for i, note in enumerate(self.data.get("notes", [])) if self._match(note["when"], facts)]
        return Plan(category, steps, contacts, notes)

    def _organisations(self, key: str, facts: dict) -> tuple:
        """The organisations named by every matching rule of ``key`` ('first_contacts'…), in order."""
        return tuple(
            org for rule in self.data.get(key, []) if self._match(rule["when"], facts) for org in rule["organisations"]
        )

    def _contacts(
        self,
        routes: tuple,
        region: str | None,
        language: str | None,
        preferred: frozenset,
        first: tuple = (),
        excluded: frozenset = frozenset(),
    ) -> list[str]:
        """The organisations named by ``first`` (a rule of 'first_contacts': the suicide-prevention
        line for a person who might hurt themselves), then for each step of the plan, in order, up
        to PER_STEP organisations that the route names, that take requests and that suit the person:
        their region (or all of Belgium) and their language, services for young people only for a
        minor, never a service that helps only adults with that route for a minor, and services
        for the person's own audience (young people, LGBTQI+ people, women) first. If nothing suits,
        relax the language, then the region: a path must never end without someone to call.
        Organisations in ``excluded`` (rules of 'excluded_contacts') are never offered."""
        known = {k: v for k, v in self.catalog.entries.get("organisation", {}).items() if k not in excluded}
        recourse = self.catalog.entries.get("recourse", {})
        minor = bool(preferred & MINOR_AUDIENCES)

        def suits(org_id, by_region, by_language):
            data = known[org_id].data
            region_ok = (
                not by_region or region in (None, "unsure") or bool({region, ALL_REGIONS} & set(data["regions"]))
            )
            return region_ok and (not by_language or language is None or language in data["languages"])

        # The first contacts in the person's language, wherever they live (a line answers by phone
        # from anywhere); if none speaks it, all of them: a person who asked for help in English
        # still needs the suicide line or Child Focus first.
        leading = [i for i in first if i in known and suits(i, False, True)] or [i for i in first if i in known]
        for by_region, by_language in ((True, True), (True, False), (False, False)):
            chosen = list(leading)
            for route in routes:
                data = recourse[route].data if route in recourse else {}
                adults_only = set(data.get("adults_only", [])) if minor else set()
                named = [i for i in data.get("organisations", []) if i in known and i not in adults_only]
                fitting = [
                    i
                    for i in named
                    if known[i].data["intake"] == "open"
                    and suits(i, by_region, by_language)
                    and (minor or not set(known[i].data["audiences"]) <= YOUTH_ONLY)
                ]
                fitting.sort(key=lambda i: not (set(known[i].data["audiences"]) & preferred))
                chosen += [i for i in fitting[:PER_STEP] if i not in chosen]
            if len(chosen) > len(leading):  # someone to call for the plan's steps, not only the first ones
                return chosen[:MAX_CONTACTS]
        return leading[:MAX_CONTACTS]

    # Walking every path -------------------------------------------------------------------

    def paths(self):
        """Every complete path: (list of (question id, answer value) pairs, facts)."""
        stack = [(self.data["start"], [], {}, ())]
        while stack:
            node, answered, facts, visited = stack.pop()
            if node == RESULT:
                yield answered, facts
                continue
            if node in visited:
                raise _Cycle(visited + (node,))
            question = self.questions[node]
            visited = visited + (node,)
            if question.get("info"):
                stack.append((self.next_screen(question, facts), answered, facts, visited))
                continue
            for answer in question["answers"]:
                new = {**facts, question.get("fact", node): answer["value"], **answer.get("sets", {})}
                stack.append((self.next_screen(question, new), answered + [(node, answer["value"])], new, visited))


class _Cycle(Exception):
    pass


def law_anchors(site, lang: str) -> dict[str, str]:
    """The stable anchors of the law chapter's headings in ``lang`` ('### Menaces { #threats }'),
    each with its heading's words."""
    path = site.root / "docs" / lang / LAW_CHAPTER
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return {anchor: title.strip() for title, anchor in re.findall(r"(?m)^#+ (.*?)\{\s*#([a-z0-9-]+)\s*\}\s*$", text)}


def result_label(catalog: Catalog, lang: str, result: str) -> str:
    """How a result is named: a category's one wording, or the words for 'maybe' and 'unknown'."""
    return (
        catalog.label(lang, "category", result)
        if result in CATEGORIES
        else catalog.label(lang, "ui", f"sa_result_{result}")
    )
