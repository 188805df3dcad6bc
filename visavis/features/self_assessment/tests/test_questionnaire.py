"""The self-assessment data as a graph: every path is walked and checked, and each kind of
mistake in the YAML is reported with file, field and line."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import mkdocs_settings
import pytest
from helpers import ROOT, load_site

from visavis import site as site_mod
from visavis.errors import ContentError
from visavis.features.self_assessment import checks, questionnaire

SITE = load_site()
Q = SITE.feature("self-assessment").questionnaire
PATHS = list(Q.paths())


def test_every_path_ends_with_a_category_an_action_and_a_contact():
    assert len(PATHS) > 1000
    for answered, facts in PATHS:
        plan = Q.plan(facts)
        assert plan.category in questionnaire.RESULTS, answered
        assert plan.steps, answered
        assert plan.contacts, answered


def test_no_path_asks_more_than_eight_questions():
    assert max(len(answered) for answered, _ in PATHS) <= 8


def test_every_category_and_every_question_is_reachable():
    assert Counter(Q.plan(f).category for _, f in PATHS).keys() == {"a", "b", "c", "maybe", "unknown"}
    asked = {qid for answered, _ in PATHS for qid, _ in answered}
    assert asked == {q["id"] for q in Q.data["questions"] if not q.get("info")}


def test_the_first_question_is_about_danger_and_yes_leads_to_the_emergency_numbers():
    first = Q.questions[Q.data["start"]]
    assert first["fact"] == "danger"
    screen = Q.next_screen(first, {"danger": "yes"})
    assert "112" in Q.questions[screen]["text"]["fr"] and "101" in Q.questions[screen]["text"]["nl"]
    assert Q.next_screen(Q.questions[screen], {"danger": "yes"}) == "role"  # nothing else is cut off


def test_a_witness_follows_a_path_of_their_own():
    """Steps written for a witness (never the victim's complaint and 'declare yourself an injured
    party'), listening lines for a witness who is upset, and their own age asked."""
    plans = [Q.plan(f) for _, f in PATHS if f["role"] == "witness"]
    assert plans and all({("report", "witness-report"), ("support", "get-support")} <= set(p.steps) for p in plans)
    assert all(("report", "police-complaint") not in p.steps for p in plans)
    witness_questions = {qid for answered, f in PATHS if f["role"] == "witness" for qid, _ in answered}
    assert "minor" in witness_questions


def test_a_minor_with_intimate_images_gets_child_focus_first_and_never_the_adults_only_institute():
    paths = [f for _, f in PATHS if f["what"] == "intimate-images" and f["minor"] == "yes"]
    assert {f["role"] for f in paths} == {"victim", "parent", "witness"}
    for facts in paths:
        contacts = Q.plan(facts).contacts
        suicide_lines = [c for c in contacts if c in ("centre-prevention-suicide", "zelfmoordlijn-1813")]
        # only a suicide line may come before Child Focus (for a person who might hurt themselves)
        assert contacts[len(suicide_lines) if facts["danger"] == "self-harm" else 0] == "child-focus", facts
        assert "iefh-igvm" not in contacts, facts


def test_a_person_who_might_hurt_themselves_gets_the_suicide_line_first_in_every_plan():
    paths = [f for _, f in PATHS if f["danger"] == "self-harm"]
    assert paths
    for facts in paths:
        first = Q.plan(facts).contacts[0]
        assert first in ("centre-prevention-suicide", "zelfmoordlijn-1813"), facts
        if facts["language"] in ("fr", "nl"):
            assert first == {"fr": "centre-prevention-suicide", "nl": "zelfmoordlijn-1813"}[facts["language"]], facts


def test_not_sure_never_leads_to_probably_legal():
    for _, facts in PATHS:
        if facts["what"] in ("unsure",) or facts.get("call") == "unsure":
            assert Q.plan(facts).category == "unknown", facts


def test_insults_on_a_protected_ground_are_never_called_probably_an_offence():
    protected = {"origin", "religion", "sex", "gender-identity", "orientation", "disability", "age", "other"}
    for _, facts in PATHS:
        if facts["what"] == "insult" and facts["ground"] in protected:
            assert Q.plan(facts).category == "maybe", facts


def test_i_am_not_sure_is_a_possible_answer_where_a_person_may_not_know():
    for qid in ("danger", "what", "ground", "where"):
        assert "unsure" in {a["value"] for a in Q.questions[qid]["answers"]}, qid


def test_contacts_suit_the_person():
    """A Dutch-speaking adult in Flanders gets services that speak Dutch and work in Flanders."""
    orgs = SITE.catalog.entries["organisation"]
    for _, facts in PATHS:
        if facts.get("minor") == "no" and facts["region"] == "flanders" and facts["language"] == "nl":
            for org in Q.plan(facts).contacts:
                data = orgs[org].data
                assert "nl" in data["languages"] and {"flanders", "belgium"} & set(data["regions"]), org
                assert not set(data["audiences"]) <= {"minors", "parents", "education"}, org


# Broken data -------------------------------------------------------------------------------


def project_with(tmp_path: Path, edit) -> list:
    """A copy of the content with self-assessment.yml changed by ``edit``; the problems found."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "directory", tmp_path / "directory")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")  # the rules name the law chapter's anchors and pages
    path = tmp_path / "directory" / questionnaire.FILE
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        site_mod.Site(mkdocs_settings.read(tmp_path))
    except ContentError as err:
        return err.problems
    return []


CASES = {
    "dangling-next": (
        lambda t: t.replace("      - to: ground\n", "      - to: grond\n", 1),
        "there is no question 'grond'",
    ),
    "cycle": (
        lambda t: t.replace(
            "    next:\n      - to: region\n\n  - id: region", "    next:\n      - to: danger\n\n  - id: region", 1
        ),
        "the questions loop",
    ),
    "dead-end": (
        lambda t: t.replace(
            "      - when: {danger: [\"yes\", unsure]}\n        to: emergency\n      - to: role",
            "      - when: {danger: [\"yes\", unsure]}\n        to: emergency",
        ),
        "the last 'next' rule has a 'when'",
    ),
    "unknown-recourse": (
        lambda t: t.replace("recourse: keep-evidence", "recourse: keep-evidense"),
        "there is no recourse route 'keep-evidense'",
    ),
    "unknown-value": (
        lambda t: t.replace("when: {what: [threat]}", "when: {what: [threats]}"),
        "'threats' is not a possible answer for 'what'",
    ),
    "missing-dutch": (
        lambda t: t.replace("      nl: Wie wordt er geviseerd?\n", ""),
        "the Dutch text ('nl') is missing",
    ),
    "unreachable": (
        lambda t: t.replace("      - when: {role: [victim, witness, group]}\n        to: minor\n", ""),
        "can never be reached",
    ),
    "no-category-c": (
        lambda t: t.replace("  - category: c\n", "  - category: b\n"),
        "no path ever leads to the result 'c'",
    ),
    "unknown-basis": (
        lambda t: t.replace("    basis: threats\n", "    basis: menaces\n"),
        "has no paragraph with the anchor 'menaces'",
    ),
    "unknown-line": (
        lambda t: t.replace('lines: [suicide, "danger:112"]', 'lines: [suicides, "danger:112"]', 1),
        "there is no crisis line 'suicides'",
    ),
    "unknown-number": (
        lambda t: t.replace('lines: [suicide, "danger:112"]', 'lines: [suicide, "danger:113"]', 1),
        "the line 'danger' has no number '113'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_questionnaire_mistake_is_reported(tmp_path, case):
    edit, expected = CASES[case]
    problems = project_with(tmp_path, edit)
    matching = [p for p in problems if expected in p.message]
    assert matching, f"{case}: " + "\n".join(map(str, problems))
    assert all(p.file == "directory/self-assessment.yml" for p in matching)


def test_a_reference_mistake_names_the_line(tmp_path):
    problems = project_with(tmp_path, CASES["unknown-recourse"][0])
    problem = next(p for p in problems if "keep-evidense" in p.message)
    text = (ROOT / "directory" / questionnaire.FILE).read_text(encoding="utf-8").splitlines()
    assert "recourse: keep-evidence" in text[problem.line - 1]
    assert re.fullmatch(r"actions\[\d+\]\.recourse", problem.field)


# The state check gives the same verdicts as walking every path ------------------------------------


def verdicts(problems) -> set[str]:
    """The kinds of the problems the state check reports, read from its messages."""
    kinds = set()
    for p in problems:
        m = p.message
        if "asks" in m and "questions (at most" in m:
            kinds.add("too-long")
        elif "ends without any" in m:
            kinds.add("missing-" + m.rsplit("any ", 1)[1].rstrip("."))
        elif "loop" in m:
            kinds.add("loop")
        elif "lead nowhere" in m:
            kinds.add("dead-end")
        elif "no path ever leads to the result" in m:
            kinds.add("unreachable-" + m.split("'")[1])
    return kinds


def mutated(edit):
    """The real questionnaire with ``edit`` applied to a copy of its data (checks bypassed)."""
    import copy

    data = copy.deepcopy(Q.data)
    edit(data)
    doc = copy.copy(Q.doc)
    doc.data = data
    return questionnaire.Questionnaire(doc, SITE.catalog)


def _too_long(d):  # one more question on every path
    d["questions"].append(
        {
            "id": "extra",
            "fact": "extra",
            "text": {"fr": "?", "nl": "?"},
            "next": [{"to": "result"}],
            "answers": [{"value": "a", "text": {"fr": "a", "nl": "a"}}, {"value": "b", "text": {"fr": "b", "nl": "b"}}],
        }
    )
    next(q for q in d["questions"] if q["id"] == "language")["next"] = [{"to": "extra"}]


def _no_contact(d):  # for insults, every organisation is excluded
    d["excluded_contacts"] = d.get("excluded_contacts", []) + [
        {"when": {"what": ["insult"]}, "organisations": sorted(SITE.catalog.entries["organisation"])}
    ]


def _no_action(d):  # only category (a) gets a step
    d["actions"] = [{"group": "report", "recourse": "police-complaint", "when": {"category": ["a"]}}]


def _loop(d):
    next(q for q in d["questions"] if q["id"] == "minor")["next"] = [{"to": "danger"}]


def _dead_end(d):
    next(q for q in d["questions"] if q["id"] == "where")["next"] = [{"when": {"role": ["victim"]}, "to": "minor"}]


def _no_category(d):
    d["categories"] = d["categories"][:-1]


def _unreachable_c(d):
    d["categories"] = [r for r in d["categories"] if r["category"] != "c"] + [
        {"category": "c", "when": {"what": ["nothing"]}}
    ]


def _no_contact_for_one_ground(d):  # 'religion' alone: the rules see it like four other grounds
    d["excluded_contacts"] = d.get("excluded_contacts", []) + [
        {"when": {"ground": ["religion"]}, "organisations": sorted(SITE.catalog.entries["organisation"])}
    ]


def _no_action_in_groups(d):  # no step for what happens in a group ('public' and 'game' look the same to the rules)
    places = sorted(next(q for q in d["questions"] if q["id"] == "where")["answers"], key=lambda a: a["value"])
    for action in d["actions"]:
        allowed = (action.get("when") or {}).get("where", [a["value"] for a in places])
        action["when"] = {**(action.get("when") or {}), "where": [p for p in allowed if p != "group"]}


MUTATIONS = {
    "real": lambda d: None,
    "too-long": _too_long,
    "no-contact": _no_contact,
    "no-action": _no_action,
    "loop": _loop,
    "dead-end": _dead_end,
    "no-category": _no_category,
    "unreachable-c": _unreachable_c,
    "no-contact-for-one-ground": _no_contact_for_one_ground,
    "no-action-in-groups": _no_action_in_groups,
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_the_state_check_gives_the_same_verdicts_as_walking_every_path(name):
    from reference_walk import verdicts_by_walking

    q = mutated(MUTATIONS[name])
    state = verdicts(checks.paths(q))
    assert state == verdicts_by_walking(mutated(MUTATIONS[name]))
    assert (state == set()) == (name == "real"), state  # each mutation breaks its guarantee


def test_a_failure_is_reported_with_the_path_spelled_out():
    problems = checks.paths(mutated(_too_long))
    message = next(p.message for p in problems if "questions (at most" in p.message)
    assert message.startswith("the path danger=") and "→ extra=" in message and "asks 9 questions" in message


def test_the_check_explores_far_fewer_states_than_there_are_paths():
    q = mutated(lambda d: None)
    checks.paths(q)
    assert q.states_checked * 4 < len(PATHS)
