"""The guided self-assessment: load its YAML, check it as a graph, and turn answers into a plan.

The same three rules run in the browser (docs/assets/javascripts/self-assessment.js); the tests
compare both on every path. Keep them identical:
  - a rule {fact: [values]} matches when every fact listed has one of the values;
  - 'next' and 'categories' take the first rule that matches; 'actions' take every one;
  - contacts are the organisations named by the plan's routes, filtered by what was answered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import yamlfile
from .catalog import Catalog, in_language, load_file
from .errors import ContentError, Problem, dotted
from .render import phone_display, tel_href
from .safety import Safety

FILE = "self-assessment.yml"
RESULT = "result"
CATEGORIES = ("a", "b", "c")                  # the three categories (adapted from UNESCO's)
RESULTS = CATEGORIES + ("maybe", "unknown")   # what a path can end with
LAW_CHAPTER = "guide/law.md"                  # where each rule's 'basis' anchor must exist
MAX_QUESTIONS = 8     # "at most about eight questions on any path" (product brief)
MAX_CONTACTS = 8      # enough to choose from on a phone, few enough to read
PER_STEP = 2          # organisations shown per step of the plan
ALL_REGIONS = "belgium"
# The person the page without JavaScript describes for each situation: targeted, an adult, not in
# danger now, in public, reason unknown. (Nothing is asked, so nothing typed can leave the browser.)
TYPICAL = {"danger": "no", "role": "victim", "ground": "unsure", "where": "public", "minor": "no"}
MINOR_AUDIENCES = {"minors", "parents"}
YOUTH_ONLY = {"minors", "parents", "education"}  # services that only young people (and those around them) can use


def matches(rule: dict | None, facts: dict) -> bool:
    """Every fact named by the rule has one of the allowed values (a missing fact never matches)."""
    return all(facts.get(name) in allowed for name, allowed in (rule or {}).items())


def preferred_audiences(facts: dict) -> frozenset:
    """Audiences whose specialised services should come first for this person."""
    audiences = set()
    if facts.get("minor") == "yes":
        audiences |= MINOR_AUDIENCES
    if facts.get("ground") in ("orientation", "gender-identity"):
        audiences.add("lgbtqi")
    if facts.get("ground") == "sex":
        audiences.add("women")
    return frozenset(audiences)


@dataclass
class Plan:
    category: str
    steps: list[tuple[str, str]]            # (group, recourse id), in display order
    contacts: list[str] = field(default_factory=list)  # organisation ids
    notes: list[int] = field(default_factory=list)     # indexes of the matching 'notes'


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
        return all(facts.get(name) in allowed for name, allowed in compiled)

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
        contacts = self.contacts(tuple(r for _, r in steps), facts.get("region"), facts.get("language"),
                                 preferred_audiences(facts), first, excluded)
        notes = [i for i, note in enumerate(self.data.get("notes", [])) if self._match(note["when"], facts)]
        return Plan(category, steps, contacts, notes)

    def _organisations(self, key: str, facts: dict) -> tuple:
        """The organisations named by every matching rule of ``key`` ('first_contacts'…), in order."""
        return tuple(org for rule in self.data.get(key, []) if self._match(rule["when"], facts) for org in rule["organisations"])

    def _contacts(self, routes: tuple, region: str | None, language: str | None, preferred: frozenset,
                  first: tuple = (), excluded: frozenset = frozenset()) -> list[str]:
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
            region_ok = not by_region or region in (None, "unsure") or bool({region, ALL_REGIONS} & set(data["regions"]))
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
                fitting = [i for i in named if known[i].data["intake"] == "open" and suits(i, by_region, by_language)
                           and (minor or not set(known[i].data["audiences"]) <= YOUTH_ONLY)]
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


def load(catalog: Catalog, safety: Safety) -> Questionnaire:
    """Read and check directory/self-assessment.yml; raise ContentError listing every problem."""
    doc = load_file(catalog.site, FILE, "self-assessment")
    questionnaire = Questionnaire(doc, catalog)
    problems = _check_graph(doc, catalog) + _check_references(doc, catalog, safety)
    if not problems:  # walking the paths needs a sound graph
        problems = _check_paths(questionnaire)
    if problems:
        raise ContentError(problems)
    return questionnaire


def law_anchors(site, lang: str) -> dict[str, str]:
    """The stable anchors of the law chapter's headings in ``lang`` ('### Menaces { #threats }'),
    each with its heading's words."""
    path = site.root / "docs" / lang / LAW_CHAPTER
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return {anchor: title.strip() for title, anchor in re.findall(r"(?m)^#+ (.*?)\{\s*#([a-z0-9-]+)\s*\}\s*$", text)}


def _check_references(doc, catalog: Catalog, safety: Safety) -> list[Problem]:
    """What the rules point at outside this file: the law chapter's paragraphs ('basis'), crisis
    lines ('lines'), warnings ('notice') and organisations ('first_contacts')."""
    data, problems = doc.data, []
    anchors = {lang: law_anchors(catalog.site, lang) for lang in catalog.site.complete_languages}
    line_ids = {line["id"]: [c.number for c in safety.line(line["id"], catalog.site.default_language).calls]
                for line in safety._lines}

    def problem(where, message, hint=""):
        problems.append(Problem(doc.path, doc.line_of(where), dotted(where), message, hint))

    def check_basis(where, basis):
        for lang, known in anchors.items():
            if basis not in known:
                problem(where, f"the law chapter (docs/{lang}/{LAW_CHAPTER}) has no paragraph with the anchor '{basis}'.",
                        f"known anchors: {', '.join(sorted(known))}")

    def check_lines(where, refs):
        for i, ref in enumerate(refs):
            line_id, _, number = ref.partition(":")
            if line_id not in line_ids:
                problem(where + (i,), f"there is no crisis line '{line_id}' in directory/crisis-lines.yml.",
                        f"known lines: {', '.join(sorted(line_ids))}")
            elif number and number not in line_ids[line_id]:
                problem(where + (i,), f"the line '{line_id}' has no number '{number}'.",
                        f"its numbers: {', '.join(line_ids[line_id])}")

    for qi, question in enumerate(data["questions"]):
        check_lines(("questions", qi, "lines"), question.get("lines", []))
    for ri, rule in enumerate(data["categories"]):
        if "basis" in rule:
            check_basis(("categories", ri, "basis"), rule["basis"])
        elif rule["category"] != "unknown":
            problem(("categories", ri), "this rule does not say which paragraph of the law chapter justifies it.",
                    "add 'basis: <anchor>' with the anchor of a heading of docs/fr/guide/law.md, such as 'threats'")
    facts = {**_facts(data), "category": set(RESULTS)}
    for ni, note in enumerate(data.get("notes", [])):
        _check_rule(note["when"], facts, ("notes", ni, "when"), problem)
        check_lines(("notes", ni, "lines"), note.get("lines", []))
        if "basis" in note:
            check_basis(("notes", ni, "basis"), note["basis"])
        for lang in catalog.site.complete_languages:
            if "link" in note and not (catalog.site.root / "docs" / lang / note["link"]).exists():
                problem(("notes", ni, "link"), f"there is no page docs/{lang}/{note['link']}.",
                        "name a page of the guide, such as 'guide/parents.md'")
        if "notice" in note and note["notice"] not in safety.notices:
            problem(("notes", ni, "notice"), f"there is no warning '{note['notice']}' in directory/notices.yml.",
                    f"known warnings: {', '.join(sorted(safety.notices))}")
    orgs = catalog.entries.get("organisation", {})
    for key in ("first_contacts", "excluded_contacts"):
        for fi, rule in enumerate(data.get(key, [])):
            _check_rule(rule["when"], facts, (key, fi, "when"), problem)
            for oi, org in enumerate(rule["organisations"]):
                if org not in orgs:
                    problem((key, fi, "organisations", oi), f"there is no organisation '{org}'.",
                            "use the id of a file in directory/organisations/")
    return problems


def result_label(catalog: Catalog, lang: str, result: str) -> str:
    """How a result is named: a category's one wording, or the words for 'maybe' and 'unknown'."""
    return catalog.label(lang, "category", result) if result in CATEGORIES else catalog.label(lang, "ui", f"sa_result_{result}")


def _check_graph(doc, catalog: Catalog) -> list[Problem]:
    """References: every 'next' to a known screen, every route known, every rule on a known fact
    and value, every result and group explained, every question reachable."""
    data, problems = doc.data, []

    def problem(where, message, hint=""):
        problems.append(Problem(doc.path, doc.line_of(where), dotted(where), message, hint))

    ids = [q["id"] for q in data["questions"]]
    known = set(ids) | {RESULT}
    for index, qid in enumerate(ids):
        if ids.index(qid) != index:
            problem(("questions", index, "id"), f"the question id '{qid}' is used twice.")
    if data["start"] not in known:
        problem(("start",), f"there is no question '{data['start']}'.")
    facts = _facts(data)
    for qi, q in enumerate(data["questions"]):
        if not q.get("info") and not q.get("answers"):
            problem(("questions", qi), "a question needs answers (or 'info: true' for a screen that only informs).")
        for ni, step in enumerate(q["next"]):
            if step["to"] not in known:
                problem(("questions", qi, "next", ni, "to"), f"there is no question '{step['to']}'.",
                        f"use one of: {', '.join(sorted(known))}")
            _check_rule(step.get("when"), facts, ("questions", qi, "next", ni, "when"), problem)
        if q["next"][-1].get("when"):
            problem(("questions", qi, "next"), "the last 'next' rule has a 'when': some answers may lead nowhere.",
                    "end the list with a rule that has only 'to:'")
    for ri, rule in enumerate(data["categories"]):
        _check_rule(rule.get("when"), facts, ("categories", ri, "when"), problem)
    if data["categories"][-1].get("when"):
        problem(("categories",), "the last category rule has a 'when': some paths may get no category.",
                "end the list with a rule that has only 'category:'")
    routes = catalog.entries.get("recourse", {})
    for ai, action in enumerate(data["actions"]):
        if action["recourse"] not in routes:
            problem(("actions", ai, "recourse"), f"there is no recourse route '{action['recourse']}'.",
                    f"the routes are in directory/recourse/: {', '.join(sorted(routes))}")
        if action["group"] not in data["groups"]:
            problem(("actions", ai, "group"), f"unknown group '{action['group']}'.", f"use one of: {', '.join(data['groups'])}")
        _check_rule(action.get("when"), {**facts, "category": set(RESULTS)}, ("actions", ai, "when"), problem)
    used = {rule["category"] for rule in data["categories"]}
    for key, needed in (("category_texts", set(CATEGORIES) | used), ("group_texts", set(data["groups"])),
                        ("role_texts", facts.get("role", set()))):
        for missing in sorted(needed - set(data[key])):
            problem((key,), f"no text for '{missing}'.", f"add '{missing}:' with fr and nl texts")
    reachable = _reachable(data)
    for qi, qid in enumerate(ids):
        if qid not in reachable:
            problem(("questions", qi, "id"), f"the question '{qid}' can never be reached.", "point a 'next' to it or remove it")
    return problems


def _facts(data) -> dict[str, set]:
    """Every fact the answers can set, with its possible values."""
    facts: dict[str, set] = {}
    for q in data["questions"]:
        for answer in q.get("answers", []):
            facts.setdefault(q.get("fact", q["id"]), set()).add(answer["value"])
            for name, value in answer.get("sets", {}).items():
                facts.setdefault(name, set()).add(value)
    return facts


def _check_rule(rule, facts, where, problem):
    for name, values in (rule or {}).items():
        if name not in facts:
            problem(where + (name,), f"no answer sets the fact '{name}'.", f"known facts: {', '.join(sorted(facts))}")
            continue
        for vi, value in enumerate(values):
            if value not in facts[name]:
                problem(where + (name, vi), f"'{value}' is not a possible answer for '{name}'.",
                        f"possible: {', '.join(sorted(facts[name]))}")


def _reachable(data) -> set:
    seen, todo = set(), [data["start"]]
    questions = {q["id"]: q for q in data["questions"]}
    while todo:
        node = todo.pop()
        if node in seen or node not in questions:
            continue
        seen.add(node)
        todo += [step["to"] for step in questions[node]["next"]]
    return seen


def facts_read(data) -> set[str]:
    """The facts that can change a verdict of the check: those named by a rule ('next', result,
    action, first and excluded contacts) and 'minor', which the contacts' filters read (services
    for young people only; services for adults only). Other facts — the region and the language —
    only choose among contacts (the last attempt ignores them), so they never decide whether a
    plan has one."""
    read = {"minor"}
    rules = [step.get("when") for q in data["questions"] for step in q["next"]]
    rules += [r.get("when") for key in ("categories", "actions", "first_contacts", "excluded_contacts")
              for r in data.get(key, [])]
    for rule in rules:
        read |= set(rule or {})
    return read - {"category"}


def _check_paths(questionnaire: Questionnaire) -> list[Problem]:
    """Every path ends with a result, at least one action and one contact, asks at most
    MAX_QUESTIONS questions, never loops nor leads nowhere; every result is reachable.

    The check explores states, not paths: a state is a screen and the facts the rules can read
    (facts_read). Paths that differ only in other facts (the region, the language…) reach the same
    states, so the cost grows with the number of distinct states, not with the number of paths
    (204,000 paths, about 4,000 states today). A failure is reported with the path that first
    reached it, spelled out answer by answer."""
    data, doc = questionnaire.data, questionnaire.doc
    read = facts_read(data)
    problems: list[Problem] = []
    results: set[str] = set()
    memo: dict[tuple, tuple[int, tuple]] = {}  # state -> (most questions still to come, best next state)

    def problem(message, hint=""):
        problems.append(Problem(doc.path, None, "questions", message, hint))

    def spelled(trail):
        return " → ".join(f"{q}={a}" for q, a in trail) or "(the start)"

    def explore(screen, facts, trail, visiting):
        if screen is None:
            raise _DeadEnd(trail, visiting[-1])
        state = (screen, frozenset((k, v) for k, v in facts.items() if k in read))
        if state in memo:
            return memo[state][0]
        if screen == RESULT:
            plan = questionnaire.plan(dict(state[1]))
            results.add(plan.category)
            missing = "category" if plan.category is None else "action" if not plan.steps else "contact" if not plan.contacts else ""
            if missing and len(problems) <= 20:
                problem(f"the path {spelled(trail)} ends without any {missing}.")
            memo[state] = (0, None)
            return 0
        if screen in visiting:
            raise _Cycle(visiting[visiting.index(screen):] + (screen,))
        question, best, best_next = questionnaire.questions[screen], -1, None
        if question.get("info"):
            children = [(questionnaire.next_screen(question, facts), facts, trail, None)]
        else:
            children = []
            answers = question["answers"]
            if question.get("fact", screen) not in read and not any(set(a.get("sets", {})) & read for a in answers):
                answers = answers[:1]  # no rule reads this answer: every answer leads to the same state
            for answer in answers:
                new = {**facts, question.get("fact", screen): answer["value"], **answer.get("sets", {})}
                children.append((questionnaire.next_screen(question, new), new, trail + [(screen, answer["value"])], answer["value"]))
        for child, child_facts, child_trail, value in children:
            length = explore(child, child_facts, child_trail, visiting + (screen,))
            if length > best:
                best, best_next = length, (child, child_facts, value)
        asked = best + (0 if question.get("info") else 1)
        memo[state] = (asked, best_next)
        return asked

    try:
        longest = explore(data["start"], {}, [], ())
        if longest > MAX_QUESTIONS:  # spell out one of the longest paths
            screen, facts, trail = data["start"], {}, []
            while screen != RESULT:
                state = (screen, frozenset((k, v) for k, v in facts.items() if k in read))
                child, facts, value = memo[state][1]
                if value is not None:
                    trail.append((screen, value))
                screen = child
            problem(f"the path {spelled(trail)} asks {longest} questions (at most {MAX_QUESTIONS}).")
    except _Cycle as cycle:
        problem(f"the questions loop: {' → '.join(cycle.args[0])}.", "a 'next' must never lead back to an earlier question")
        return problems
    except _DeadEnd as dead:
        trail, screen = dead.args
        problem(f"some answers lead nowhere (a dead end): after {spelled(trail)}, the question '{screen}' has no 'next' that applies.",
                "end every 'next' list with a rule that has only 'to:'")
        return problems
    for missing in sorted(({rule["category"] for rule in data["categories"]} | set(CATEGORIES)) - results):
        problem(f"no path ever leads to the result '{missing}'.")
    questionnaire.states_checked = len(memo)  # for the benchmark
    return problems


class _DeadEnd(Exception):
    pass


# What the browser needs -------------------------------------------------------------------------

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
            out += [{"number": phone_display(c.number), "href": tel_href(c.number), "name": c.name}
                    for c in safety.line(line_id, ctx.lang).calls if not number or c.number == number]
        return out

    routes = catalog.entries["recourse"]
    orgs = catalog.entries["organisation"]
    named = {i for r in routes.values() for i in r.data.get("organisations", []) if i in orgs}
    named |= {i for rule in data.get("first_contacts", []) for i in rule["organisations"]}
    results = [r for r in RESULTS if r in data["category_texts"]]
    return {
        "start": data["start"],
        "remaining": remaining_questions(data),
        "questions": [{
            "id": q["id"], "fact": q.get("fact", q["id"]), "info": bool(q.get("info")),
            "text": text(q["text"]), "why": text(q.get("why")), "next": q["next"], "calls": calls(q.get("lines", [])),
            "answers": [{"value": a["value"], "text": text(a["text"]), "sets": a.get("sets", {})}
                        for a in q.get("answers", [])],
        } for q in data["questions"]],
        "categories": [{k: v for k, v in rule.items() if k != "basis"} for rule in data["categories"]],
        "categoryTexts": {k: text(v) for k, v in data["category_texts"].items()},
        "categoryLabels": {k: result_label(catalog, ctx.lang, k) for k in results},
        "notes": [{"when": n["when"], "first": bool(n.get("first")), "text": text(n.get("text")),
                   "calls": calls(n.get("lines", [])), "notice": n.get("notice"),
                   "basis": ctx.link(LAW_CHAPTER, n["basis"]) if n.get("basis") else None,
                   "link": ctx.link(n["link"]) if n.get("link") else None}
                  for n in data.get("notes", [])],
        "firstContacts": data.get("first_contacts", []),
        "excludedContacts": data.get("excluded_contacts", []),
        "groups": data["groups"],
        "groupTexts": {k: text(v) for k, v in data["group_texts"].items()},
        "roleTexts": {k: text(v) for k, v in data["role_texts"].items()},
        "actions": data["actions"],
        "routes": {rid: {"title": text(r.data["title"]), "summary": text(r.data["summary"]),
                         "url": ctx.link(path_of(r)), "organisations": r.data.get("organisations", []),
                         "adultsOnly": r.data.get("adults_only", [])}
                   for rid, r in routes.items()},
        "organisations": {oid: {"name": text(orgs[oid].data["name"]), "url": ctx.link(path_of(orgs[oid])),
                                **_phone(orgs[oid].data),
                                **{k: orgs[oid].data[k] for k in ("regions", "languages", "audiences", "intake")}}
                          for oid in sorted(named)},
        "limits": {"perStep": PER_STEP, "contacts": MAX_CONTACTS},
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

    rows = [{"conditions": conditions(rule.get("when")), "result": result_label(catalog, ctx.lang, rule["category"]),
             "basis": basis(rule.get("basis"))} for rule in data["categories"]]
    # a note that shows a warning is described by the warning's title
    notes = [{"conditions": conditions(n["when"]), "basis": basis(n.get("basis")),
              "text": text(n["text"] if "text" in n else safety.notices[n["notice"]]["title"])}
             for n in data.get("notes", [])]
    return rows, notes
