"""The self-assessment in a real browser, in both languages: the paths a person takes, changing
an answer, the opt-in storage, and not a single request while answering."""

from __future__ import annotations

import json
import random

import pytest
from helpers import answer_all, load_site

from visavis.features.self_assessment import questionnaire

SITE = load_site()
Q = SITE.feature("self-assessment").questionnaire
ROUTES = SITE.catalog.entries["recourse"]
ORGS = SITE.catalog.entries["organisation"]
LANGS = SITE.languages


def page_url(site_url: str, lang: str) -> str:
    return site_url + SITE.config.prefix(lang) + "self-assessment/"


def facts_for(answers: list[str]) -> dict:
    """The facts the Python rules derive from the same answers."""
    facts, screen, given = {}, Q.data["start"], list(answers)
    while screen != "result":
        q = Q.questions[screen]
        if not q.get("info"):
            value = given.pop(0)
            answer = next(a for a in q["answers"] if a["value"] == value)
            facts.update({q["fact"]: value, **answer.get("sets", {})})
        screen = Q.next_screen(q, facts)
    return facts


def shown_plan(page) -> tuple[str, list[str], list[str]]:
    app = page.locator("[data-vav-sa-app]")
    category = app.locator(".vav-sa__category h3").inner_text()
    steps = app.locator(".vav-sa__steps > li > a").all_inner_texts()
    contacts = app.locator(".vav-cards .vav-card__name").all_inner_texts()
    return category, steps, contacts


def expected_plan(lang: str, answers: list[str]):
    plan = Q.plan(facts_for(answers))
    label = questionnaire.result_label(SITE.catalog, lang, plan.category)
    steps = [ROUTES[r].data["title"][lang] for _, r in plan.steps]
    contacts = [ORGS[o].data["name"][lang] for o in plan.contacts]
    return plan, label, steps, contacts


def finish(page, lang, answers):
    """Answer, check the summary lists every answer, and open the plan."""
    answer_all(page, answers)
    summary = page.locator(".vav-sa__summary dd")
    assert summary.count() == len(answers)
    page.get_by_role("button", name=SITE.catalog.label(lang, "ui", "sa_see_plan")).click()
    return shown_plan(page)


SCENARIOS = {
    # name: answers in order
    "minor insulted for their origin": ["no", "victim", "insult", "origin", "public", "yes", "brussels", "fr"],
    "threat to kill": ["no", "victim", "threat", "none", "private", "no", "wallonia", "fr"],
    "repeated sexist harassment": ["no", "victim", "harassment", "sex", "public", "no", "flanders", "nl"],
    "hateful but legal comment about a group": ["no", "group", "no", "religion", "public", "no", "brussels", "nl"],
    "witness of a threat": ["unsure", "witness", "threat", "orientation", "group", "no", "unsure", "en"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_path_ends_with_the_plan_the_rules_give(visit, site_url, lang, name):
    answers = SCENARIOS[name]
    page = visit.page
    page.goto(page_url(site_url, lang), wait_until="networkidle")  # the page and its search index
    loaded = len(visit.requests)
    category, steps, contacts = finish(page, lang, answers)
    _plan, label, want_steps, want_contacts = expected_plan(lang, answers)
    assert label in category
    assert steps == want_steps
    assert contacts == want_contacts
    assert len(visit.requests) == loaded, visit.requests[loaded:]  # nothing sent while answering
    assert visit.outside == [] and visit.console_errors == []


def test_the_scenarios_get_the_expected_kind_of_plan():
    """What the help desk expects for each situation, independently of the browser."""

    def plan(name):
        return Q.plan(facts_for(SCENARIOS[name]))

    assert plan("threat to kill").category == "a" and ("report", "police-complaint") in plan("threat to kill").steps
    minor = plan("minor insulted for their origin")
    assert ("report", "report-to-unia") in minor.steps
    assert any({"minors", "parents"} & set(ORGS[o].data["audiences"]) for o in minor.contacts)
    assert ("report", "report-to-iefh") in plan("repeated sexist harassment").steps
    legal = plan("hateful but legal comment about a group")
    assert legal.category == "c"
    assert {("report", "report-to-platform"), ("support", "counter-speech-and-support")} <= set(legal.steps)


@pytest.mark.parametrize("lang", LANGS)
def test_the_danger_path_shows_the_emergency_numbers_then_goes_on(visit, site_url, lang):
    page = visit.page
    page.goto(page_url(site_url, lang))
    page.locator('.vav-sa__form input[value="yes"]').check()
    page.locator('.vav-sa__form button[type="submit"]').click()
    info = page.locator(".vav-sa__info")
    assert "112" in info.inner_text() and "101" in info.inner_text()
    assert page.locator('[data-vav-sa-app] a[href="tel:112"]').count() == 1
    assert page.locator('[data-vav-sa-app] a[href="tel:101"]').count() == 1
    page.locator(".vav-sa__nav button").first.click()
    assert page.locator('.vav-sa__form input[value="victim"]').count() == 1


def test_going_back_and_changing_an_answer_changes_the_plan(visit, site_url):
    page = visit.page
    answers = SCENARIOS["threat to kill"]
    page.goto(page_url(site_url, "fr"))
    answer_all(page, answers[:3])
    page.get_by_role("button", name=SITE.catalog.label("fr", "ui", "sa_back"), exact=True).click()
    assert page.locator('.vav-sa__form input[value="threat"]').is_checked()  # the answer is kept
    page.locator('.vav-sa__form input[value="insult"]').check()
    page.locator('.vav-sa__form button[type="submit"]').click()
    answer_all(page, answers[3:])
    change = page.locator(".vav-sa__change").nth(2)  # the third answer: what happened
    change.click()
    page.locator('.vav-sa__form input[value="doxxing"]').check()
    page.locator('.vav-sa__form button[type="submit"]').click()
    # later answers are still valid: straight back to the summary
    assert page.locator(".vav-sa__summary dd").count() == len(answers)
    page.get_by_role("button", name=SITE.catalog.label("fr", "ui", "sa_see_plan")).click()
    changed = answers[:2] + ["doxxing"] + answers[3:]
    _, label, steps, _ = expected_plan("fr", changed)
    category, shown_steps, _ = shown_plan(page)
    assert label in category and shown_steps == steps


def test_each_new_question_receives_the_keyboard_focus(visit, site_url):
    page = visit.page
    page.goto(page_url(site_url, "fr"))
    page.locator('.vav-sa__form input[value="no"]').focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # submits the form
    assert page.evaluate("document.activeElement.tagName") == "LEGEND"
    assert page.evaluate("document.activeElement.textContent") == Q.questions["role"]["text"]["fr"]


def test_nothing_is_stored_unless_asked_and_one_button_erases_it(visit, site_url):
    page = visit.page
    page.goto(page_url(site_url, "fr"))
    answer_all(page, ["no", "victim"])
    stored = lambda: page.evaluate("JSON.stringify(Object.assign({}, localStorage))")  # noqa: E731
    assert stored() == "{}"
    page.check("#vav-sa-remember")
    assert "victim" in stored()
    page.reload()
    assert page.locator('.vav-sa__form input[value="threat"]').count() == 1  # back on the third question
    assert page.is_checked("#vav-sa-remember")
    page.get_by_role("button", name=SITE.catalog.label("fr", "ui", "sa_forget")).click()
    assert stored() == "{}"
    assert page.locator('.vav-sa__form input[value="yes"]').count() == 1  # restarted


def test_the_plan_can_be_copied_as_plain_text(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(page_url(site_url, "fr"))
        answer_all(page, SCENARIOS["threat to kill"])
        page.get_by_role("button", name=SITE.catalog.label("fr", "ui", "sa_see_plan")).click()
        page.get_by_role("button", name=SITE.catalog.label("fr", "ui", "sa_copy")).click()
        page.wait_for_selector(".vav-sa__live:not(:empty)")
        text = page.evaluate("navigator.clipboard.readText()")
        _, _, steps, contacts = expected_plan("fr", SCENARIOS["threat to kill"])
        assert all(step in text for step in steps) and contacts[0] in text
        assert "<" not in text
    finally:
        context.close()


def test_the_browser_rules_agree_with_the_python_rules_on_many_paths(visit, site_url):
    paths = [facts for _, facts in Q.paths()]
    sample = random.Random(7).sample(paths, 400)
    page = visit.page
    page.goto(page_url(site_url, "fr"))
    got = page.evaluate(
        """facts => facts.map(f => {
        const p = window.vavSelfAssessment.plan(f);
        return [p.category, p.steps.map(s => s.recourse), p.contacts];
    })""",
        sample,
    )
    for facts, (category, steps, contacts) in zip(sample, got, strict=True):
        plan = Q.plan(facts)
        assert [category, steps, contacts] == [plan.category, [r for _, r in plan.steps], plan.contacts], json.dumps(
            facts
        )


def test_without_javascript_the_page_leads_to_the_routes_and_the_directory(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(page_url(site_url, "fr"))
        static = page.locator("[data-vav-sa-static]")
        assert static.is_visible()
        what = next(q for q in Q.data["questions"] if q.get("fact") == "what")
        assert static.locator(".vav-situation h2").count() == len(what["answers"])
        assert static.locator(".vav-crisis a[href^=\"tel:\"]").count() >= 5  # the crisis lines come first
        links = static.locator("ol a")
        assert links.count() > len(what["answers"])
        href = links.first.get_attribute("href")
        page.goto(page.url + href)
        assert page.locator("h1").count() == 1 and "404" not in page.title()
    finally:
        context.close()


def test_the_printed_plan_shows_the_plan_and_nothing_around_it(visit, site_url):
    page = visit.page
    page.goto(page_url(site_url, "fr"))
    answer_all(page, SCENARIOS["threat to kill"])
    page.get_by_role("button", name=SITE.catalog.label("fr", "ui", "sa_see_plan")).click()
    page.emulate_media(media="print")
    assert page.locator(".vav-sa__steps").first.is_visible()
    for hidden in (".vav-topbar", ".md-header", ".vav-sa__storage", ".vav-sa__nav", "article > p"):
        assert not page.locator(hidden).first.is_visible(), hidden
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
