"""The checks of the self-assessment's data (directory/self-assessment.yml), run when it is loaded:
references (graph, references) and every possible path (paths, which explores states, not paths)."""

from __future__ import annotations

from ...catalog import Catalog
from ...errors import Problem, dotted
from ..safety.safety import Safety
from .questionnaire import (
    AUDIENCES_BY_ANSWER,
    CATEGORIES,
    LAW_CHAPTER,
    MAX_QUESTIONS,
    RESULT,
    RESULTS,
    Questionnaire,
    _Cycle,
    law_anchors,
)


def graph(doc, catalog: Catalog) -> list[Problem]:
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
                problem(
                    ("questions", qi, "next", ni, "to"),
                    f"there is no question '{step['to']}'.",
                    f"use one of: {', '.join(sorted(known))}",
                )
            _check_rule(step.get("when"), facts, ("questions", qi, "next", ni, "when"), problem)
        if q["next"][-1].get("when"):
            problem(
                ("questions", qi, "next"),
                "the last 'next' rule has a 'when': some answers may lead nowhere.",
                "end the list with a rule that has only 'to:'",
            )
    for ri, rule in enumerate(data["categories"]):
        _check_rule(rule.get("when"), facts, ("categories", ri, "when"), problem)
    if data["categories"][-1].get("when"):
        problem(
            ("categories",),
            "the last category rule has a 'when': some paths may get no category.",
            "end the list with a rule that has only 'category:'",
        )
    routes = catalog.entries.get("recourse", {})
    for ai, action in enumerate(data["actions"]):
        if action["recourse"] not in routes:
            problem(
                ("actions", ai, "recourse"),
                f"there is no recourse route '{action['recourse']}'.",
                f"the routes are in directory/recourse/: {', '.join(sorted(routes))}",
            )
        if action["group"] not in data["groups"]:
            problem(
                ("actions", ai, "group"),
                f"unknown group '{action['group']}'.",
                f"use one of: {', '.join(data['groups'])}",
            )
        _check_rule(action.get("when"), {**facts, "category": set(RESULTS)}, ("actions", ai, "when"), problem)
    used = {rule["category"] for rule in data["categories"]}
    for key, needed in (
        ("category_texts", set(CATEGORIES) | used),
        ("group_texts", set(data["groups"])),
        ("role_texts", facts.get("role", set())),
    ):
        for missing in sorted(needed - set(data[key])):
            problem((key,), f"no text for '{missing}'.", f"add '{missing}:' with fr and nl texts")
    reachable = _reachable(data)
    for qi, qid in enumerate(ids):
        if qid not in reachable:
            problem(
                ("questions", qi, "id"),
                f"the question '{qid}' can never be reached.",
                "point a 'next' to it or remove it",
            )
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
                problem(
                    where + (name, vi),
                    f"'{value}' is not a possible answer for '{name}'.",
                    f"possible: {', '.join(sorted(facts[name]))}",
                )


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


def references(doc, catalog: Catalog, safety: Safety) -> list[Problem]:
    """What the rules point at outside this file: the law chapter's paragraphs ('basis'), crisis
    lines ('lines'), warnings ('notice') and organisations ('first_contacts')."""
    data, problems = doc.data, []
    anchors = {lang: law_anchors(catalog.site, lang) for lang in catalog.site.complete_languages}
    line_ids = {
        line["id"]: [c.number for c in safety.line(line["id"], catalog.site.default_language).calls]
        for line in safety._lines
    }

    def problem(where, message, hint=""):
        problems.append(Problem(doc.path, doc.line_of(where), dotted(where), message, hint))

    def check_basis(where, basis):
        for lang, known in anchors.items():
            if basis not in known:
                problem(
                    where,
                    f"the law chapter (docs/{lang}/{LAW_CHAPTER}) has no paragraph with the anchor '{basis}'.",
                    f"known anchors: {', '.join(sorted(known))}",
                )

    def check_lines(where, refs):
        for i, ref in enumerate(refs):
            line_id, _, number = ref.partition(":")
            if line_id not in line_ids:
                problem(
                    where + (i,),
                    f"there is no crisis line '{line_id}' in directory/crisis-lines.yml.",
                    f"known lines: {', '.join(sorted(line_ids))}",
                )
            elif number and number not in line_ids[line_id]:
                problem(
                    where + (i,),
                    f"the line '{line_id}' has no number '{number}'.",
                    f"its numbers: {', '.join(line_ids[line_id])}",
                )

    for qi, question in enumerate(data["questions"]):
        check_lines(("questions", qi, "lines"), question.get("lines", []))
    for ri, rule in enumerate(data["categories"]):
        if "basis" in rule:
            check_basis(("categories", ri, "basis"), rule["basis"])
        elif rule["category"] != "unknown":
            problem(
                ("categories", ri),
                "this rule does not say which paragraph of the law chapter justifies it.",
                "add 'basis: <anchor>' with the anchor of a heading of docs/fr/guide/law.md, such as 'threats'",
            )
    facts = {**_facts(data), "category": set(RESULTS)}
    for ni, note in enumerate(data.get("notes", [])):
        _check_rule(note["when"], facts, ("notes", ni, "when"), problem)
        check_lines(("notes", ni, "lines"), note.get("lines", []))
        if "basis" in note:
            check_basis(("notes", ni, "basis"), note["basis"])
        for lang in catalog.site.complete_languages:
            if "link" in note and not (catalog.site.root / "docs" / lang / note["link"]).exists():
                problem(
                    ("notes", ni, "link"),
                    f"there is no page docs/{lang}/{note['link']}.",
                    "name a page of the guide, such as 'guide/parents.md'",
                )
        if "notice" in note and note["notice"] not in safety.notices:
            problem(
                ("notes", ni, "notice"),
                f"there is no warning '{note['notice']}' in directory/notices.yml.",
                f"known warnings: {', '.join(sorted(safety.notices))}",
            )
    orgs = catalog.entries.get("organisation", {})
    for key in ("first_contacts", "excluded_contacts"):
        for fi, rule in enumerate(data.get(key, [])):
            _check_rule(rule["when"], facts, (key, fi, "when"), problem)
            for oi, org in enumerate(rule["organisations"]):
                if org not in orgs:
                    problem(
                        (key, fi, "organisations", oi),
                        f"there is no organisation '{org}'.",
                        "use the id of a file in directory/organisations/",
                    )
    return problems


def _rules(data) -> list[dict]:
    """Every rule that decides something: 'next', result, action, first and excluded contacts."""
    rules = [step.get("when") for q in data["questions"] for step in q["next"]]
    rules += [
        r.get("when")
        for key in ("categories", "actions", "first_contacts", "excluded_contacts")
        for r in data.get(key, [])
    ]
    return [rule for rule in rules if rule]


def facts_read(data) -> set[str]:
    """The facts that can change a verdict of the check: those named by a rule and those the
    contacts' filters read (AUDIENCES_BY_ANSWER: services for young people only, for adults only,
    for the person's audience first). Other facts, the region and the language, only choose among
    contacts (the last attempt ignores them), so they never decide whether a plan has one."""
    read = {fact for fact, _ in AUDIENCES_BY_ANSWER}
    for rule in _rules(data):
        read |= set(rule)
    return read - {"category"}


def value_classes(data) -> dict[str, dict[str, str]]:
    """For each fact read, each value mapped to the first value that no rule tells apart from it:
    two values that every rule accepts or refuses alike, and that put the same audiences first,
    lead to the same screens and the same plan ('ground' has ten answers, the rules see four)."""
    rules, classes = _rules(data), {}
    for name in facts_read(data):
        seen: dict[tuple, str] = {}
        classes[name] = {
            value: seen.setdefault(
                tuple(value in rule[name] for rule in rules if name in rule)
                + (frozenset(AUDIENCES_BY_ANSWER.get((name, value), ())),),
                value,
            )
            for value in sorted(_facts(data).get(name, ()))
        }
    return classes


def paths(questionnaire: Questionnaire) -> list[Problem]:
    """Every path ends with a result, at least one action and one contact, asks at most
    MAX_QUESTIONS questions, never loops nor leads nowhere; every result is reachable.

    The check explores states, not paths: a state is a screen and what the rules can tell apart
    in the facts given so far (facts_read, value_classes). Paths that differ only in facts no rule
    reads (the region, the language) or in answers the rules treat alike reach the same states,
    so the cost grows with the number of distinct states, not with the number of paths (204,000
    paths, about 9,000 states today). A failure is reported with the path that first reached it,
    spelled out answer by answer."""
    data, doc = questionnaire.data, questionnaire.doc
    classes = value_classes(data)
    problems: list[Problem] = []
    results: set[str] = set()
    memo: dict[tuple, tuple[int, tuple]] = {}  # state -> (most questions still to come, best next state)

    def state_of(screen, facts):  # facts holds only what the rules read, each value as its class
        return screen, frozenset(facts.items())

    def answered(facts, question, answer):
        given = {question.get("fact", question["id"]): answer["value"], **answer.get("sets", {})}
        return {**facts, **{k: classes[k].get(v, v) for k, v in given.items() if k in classes}}

    def problem(message, hint=""):
        problems.append(Problem(doc.path, None, "questions", message, hint))

    def spelled(trail):
        return " → ".join(f"{q}={a}" for q, a in trail) or "(the start)"

    def explore(screen, facts, trail, visiting):
        if screen is None:
            raise _DeadEnd(trail, visiting[-1])
        state = state_of(screen, facts)
        if state in memo:
            return memo[state][0]
        if screen == RESULT:
            plan = questionnaire.plan(dict(state[1]))
            results.add(plan.category)
            missing = (
                "category"
                if plan.category is None
                else "action"
                if not plan.steps
                else "contact"
                if not plan.contacts
                else ""
            )
            if missing and len(problems) <= 20:
                problem(f"the path {spelled(trail)} ends without any {missing}.")
            memo[state] = (0, None)
            return 0
        if screen in visiting:
            raise _Cycle(visiting[visiting.index(screen) :] + (screen,))
        question, best, best_next = questionnaire.questions[screen], -1, None
        if question.get("info"):
            children = [(questionnaire.next_screen(question, facts), facts, trail, None)]
        else:
            children, reached = [], set()
            for answer in question["answers"]:
                new = answered(facts, question, answer)
                child = questionnaire.next_screen(question, new)
                if (child_state := state_of(child, new)) in reached:
                    continue  # an earlier answer leads to the same state
                reached.add(child_state)
                children.append((child, new, trail + [(screen, answer["value"])], answer["value"]))
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
                child, facts, value = memo[state_of(screen, facts)][1]
                if value is not None:
                    trail.append((screen, value))
                screen = child
            problem(f"the path {spelled(trail)} asks {longest} questions (at most {MAX_QUESTIONS}).")
    except _Cycle as cycle:
        problem(
            f"the questions loop: {' → '.join(cycle.args[0])}.", "a 'next' must never lead back to an earlier question"
        )
        return problems
    except _DeadEnd as dead:
        trail, screen = dead.args
        problem(
            f"some answers lead nowhere (a dead end): after {spelled(trail)}, the question '{screen}' has no 'next' that applies.",
            "end every 'next' list with a rule that has only 'to:'",
        )
        return problems
    for missing in sorted(({rule["category"] for rule in data["categories"]} | set(CATEGORIES)) - results):
        problem(f"no path ever leads to the result '{missing}'.")
    questionnaire.states_checked = len(memo)  # for the benchmark
    return problems


class _DeadEnd(Exception):
    pass
