"""The questionnaire check as it was before it explored states: every path walked one by one.
Kept beside the tests as the reference the state check must agree with (same verdicts)."""

from __future__ import annotations

from visavis.features.self_assessment.questionnaire import CATEGORIES, MAX_QUESTIONS, _Cycle


def verdicts_by_walking(questionnaire) -> set[str]:
    """The kinds of problems found by walking every path (too-long, missing-<what>, loop,
    dead-end, unreachable-<result>)."""
    found, results = set(), set()
    try:
        for answered, facts in questionnaire.paths():
            if len(answered) > MAX_QUESTIONS:
                found.add("too-long")
            plan = questionnaire.plan(facts)
            results.add(plan.category)
            if plan.category is None:
                found.add("missing-category")
            elif not plan.steps:
                found.add("missing-action")
            elif not plan.contacts:
                found.add("missing-contact")
    except _Cycle:
        return {"loop"}
    except (KeyError, TypeError):
        return {"dead-end"}
    wanted = {rule["category"] for rule in questionnaire.data["categories"]} | set(CATEGORIES)
    return found | {f"unreachable-{r}" for r in wanted - results}
