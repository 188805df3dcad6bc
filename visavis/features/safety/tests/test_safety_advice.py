"""What a person in distress needs, on every page: the crisis lines tappable at once on a phone,
their numbers from the directory's data, the warning about images of minors wherever the site
mentions screenshots, and the same advice on 101 and 112 everywhere."""

from __future__ import annotations

import re

import pytest
from helpers import articles

LANGS = ["fr", "nl"]
PREFIX = {"fr": "", "nl": "nl/"}
# The free numbers a person in distress must be able to tap on the home page and on "right now",
# as a person in Belgium dials them, and the href each must call.
CRISIS = {
    "fr": {"101": "tel:101", "112": "tel:112", "0800 32 123": "tel:+3280032123", "103": "tel:103", "107": "tel:107"},
    "nl": {"101": "tel:101", "112": "tel:112", "1813": "tel:1813", "102": "tel:102", "106": "tel:106"},
}
SCREENSHOT_WORDS = re.compile(r"\b(captures?|screenshots?|schermafbeeldingen|schermafbeelding|printscreen)\b", re.I)
# "101 or 112" as alternatives, with at most a role in brackets between them ("101 (police) ou le 112")
POLICE_OR_112 = re.compile(r"\b101\b\s*(\([^)]*\)\s*)?(ou|of|or)\s+(le\s+|bel\s+)?\b112\b(?!\s*\()", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_the_crisis_lines_are_tap_to_call_links_visible_without_scrolling_on_a_phone(visit, site_url, lang):
    page = visit.page
    for path in ("", "guide/right-now/"):
        page.goto(site_url + PREFIX[lang] + path)
        for number, href in CRISIS[lang].items():
            link = page.locator(f'.vav-crisis a[href="{href}"]')
            assert link.count() == 1, (path, number)
            assert number in link.inner_text()
            box = link.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844, (path, number, box)
            # nothing (such as the fixed quick-exit button) covers the link
            hit = page.evaluate(
                "([x, y]) => document.elementFromPoint(x, y).closest('a')?.getAttribute('href')",
                [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
            )
            assert hit == href, (path, number, hit)


def test_every_page_that_mentions_screenshots_carries_the_warning_about_images_of_minors(built_site):
    checked, missing = 0, []
    for page, text, has_warning in articles(built_site):
        if SCREENSHOT_WORDS.search(text):
            checked += 1
            if not has_warning:
                missing.append(page)
    assert checked > 40  # the guide, the entries, the lesson sheets… in both languages
    assert missing == []


def test_every_page_gives_the_same_advice_on_101_and_112(built_site):
    """For the police, call 101 (police.be); 112 is for an ambulance or the fire brigade."""
    found = [(page, m.group(0)) for page, text, _ in articles(built_site) for m in POLICE_OR_112.finditer(text)]
    assert found == []


def test_the_crisis_numbers_come_from_the_directory_data(tmp_path):
    """Change a number in one organisation's file: the home page and 'right now' follow."""
    from helpers import copy_project, run_build

    project = copy_project(tmp_path / "project")
    org = project / "directory/organisations/tele-accueil.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("value: '107'", "value: '1077'"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "guide/right-now/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        block = html[html.index('class="vav-crisis"') : html.index("</section>", html.index('class="vav-crisis"'))]
        assert 'href="tel:1077"' in block and 'href="tel:107"' not in block, page
