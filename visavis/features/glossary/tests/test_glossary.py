"""The glossary: its page in every language, and an abbreviation's definition shown when tapped."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from helpers import load_site

SITE = load_site()
LANGS = SITE.languages


@pytest.mark.parametrize("lang", LANGS)
def test_an_abbreviation_shows_its_glossary_definition_when_tapped(browser, site_url, lang):
    abbreviations = {
        term: definition
        for _, term, definition in SITE.feature("glossary").data.entries(lang)
        if any(t.get("abbr") and t["term"].get(lang) == term for t in SITE.feature("glossary").data.terms)
    }
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_url + SITE.config.prefix(lang) + "guide/law/")
        abbr = page.locator("article abbr").first
        term = abbr.inner_text()
        assert term in abbreviations
        abbr.tap()
        tip = page.locator(".md-tooltip2").first
        tip.wait_for()
        assert " ".join(abbreviations[term].split()) in tip.inner_text()
    finally:
        context.close()


def test_the_glossary_page_lists_every_term_in_every_language(built_site):
    for lang in LANGS:
        html = (built_site / SITE.config.prefix(lang) / "guide/glossary/index.html").read_text(encoding="utf-8")
        for term_id, term, _ in SITE.feature("glossary").data.entries(lang):
            shown = re.search(rf'<dt id="{term_id}">(.*?)</dt>', html, re.S)
            assert shown, (lang, term_id)
            assert html_lib.unescape(re.sub(r"<[^>]+>", "", shown.group(1))).strip() == term, (lang, term)
