"""The classification exercise: feedback and a score with JavaScript, the answers without it."""

from __future__ import annotations

import pytest
from helpers import load_site

SITE = load_site()
LANGS = SITE.languages


def url(site_url: str, lang: str, path: str) -> str:
    return site_url + SITE.config.prefix(lang) + path


@pytest.mark.parametrize("lang", LANGS)
def test_the_exercise_gives_feedback_and_a_score(visit, site_url, lang):
    page = visit.page
    page.goto(url(site_url, lang, "teachers/exercise/"))
    items = page.locator(".vav-exercise__item")
    assert items.count() == len(SITE.feature("exercise").messages) >= 15
    assert not items.first.locator(".vav-exercise__answer").is_visible()  # not given away
    first, second = SITE.feature("exercise").messages[0], SITE.feature("exercise").messages[1]
    wrong = next(v for v in ("a", "b", "c", "none") if v != second["answer"])
    items.nth(0).locator(f'input[value="{first["answer"]}"]').check()
    items.nth(0).locator("[data-vav-check]").click()
    items.nth(1).locator(f'input[value="{wrong}"]').check()
    items.nth(1).locator("[data-vav-check]").click()
    labels = SITE.catalog.labels_for(lang, "ui")
    assert items.nth(0).locator("[data-vav-feedback]").inner_text() == labels["ex_right"]
    assert items.nth(1).locator("[data-vav-feedback]").inner_text() == labels["ex_wrong"]
    assert second["explanation"][lang].split()[0] in items.nth(1).locator(".vav-exercise__answer").inner_text()
    score = (
        labels["ex_score"]
        .replace("{right}", "1")
        .replace("{done}", "2")
        .replace("{total}", str(len(SITE.feature("exercise").messages)))
    )
    assert page.locator("[data-vav-score]").inner_text() == score


def test_without_javascript_the_answers_are_in_expandable_sections(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url(site_url, "fr", "teachers/exercise/"))
        details = page.locator(".vav-exercise__answer")
        assert details.count() == len(SITE.feature("exercise").messages)
        assert not page.locator(".vav-exercise__choices").first.is_visible()
        details.first.locator("summary").click()
        assert SITE.feature("exercise").messages[0]["explanation"]["fr"][:40] in details.first.inner_text()
    finally:
        context.close()
