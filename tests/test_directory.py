"""The help directory in a real browser: the complete list without JavaScript, and the filters
with it (combinations, no-result message, shareable address, keyboard)."""
from __future__ import annotations

import itertools
from urllib.parse import urlencode

import pytest

from helpers import ROOT
from visavis import build, finder

SITE = build.site(ROOT)
ORGS = SITE.catalog.of("organisation")
UI = SITE.catalog.labels_for("fr", "ui")


def expected(**picks) -> set[str]:
    """Names of the organisations that match, computed from the data with the finder's own rule."""
    def ok(org):
        f = finder.facets(org)
        return all(value in f[facet] for facet, value in picks.items())
    return {o.data["name"]["fr"] for o in ORGS if ok(o)}


def visible_names(page) -> set[str]:
    return set(page.locator("[data-vav-results] li:not([hidden]) .vav-card__name").all_inner_texts())


class TestWithoutJavaScript:
    @pytest.fixture
    def page(self, browser, site_url):
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(site_url + "directory/")
        yield page
        context.close()

    def test_every_organisation_is_listed_grouped_by_need(self, page):
        for need in finder.options(SITE.catalog, "need"):
            group = page.locator(f"section:has(#need-{need})")
            names = set(group.locator(".vav-card__name").all_inner_texts())
            assert names == {o.data["name"]["fr"] for o in ORGS if need in o.data["helps_with"]}, need
        listed = set(page.locator("[data-vav-groups] .vav-card__name").all_inner_texts())
        assert listed == {o.data["name"]["fr"] for o in ORGS}

    def test_the_filter_form_is_not_shown(self, page):
        assert not page.locator("[data-vav-filter]").is_visible()


class TestWithJavaScript:
    def test_combined_filters_show_exactly_the_matching_organisations(self, visit, site_url):
        page = visit.page
        page.goto(site_url + "directory/")
        page.select_option("#vav-f-need", "listen")
        page.select_option("#vav-f-language", "nl")
        want = expected(need="listen", language="nl")
        assert want and visible_names(page) == want
        assert page.locator("[data-vav-count]").inner_text() == UI["filter_count_many"].replace("{n}", str(len(want)))
        assert not page.locator("[data-vav-groups]").is_visible()
        assert "need=listen" in page.url and "language=nl" in page.url
        page.check("#vav-f-free")
        assert visible_names(page) == expected(need="listen", language="nl", cost="free")
        assert visit.outside == [] and visit.console_errors == []

    def test_a_combination_without_result_says_so(self, visit, site_url):
        needs, regions = finder.options(SITE.catalog, "need"), finder.options(SITE.catalog, "region")
        need, region = next((n, r) for n, r in itertools.product(needs, regions) if not expected(need=n, region=r))
        page = visit.page
        page.goto(site_url + "directory/")
        page.select_option("#vav-f-need", need)
        page.select_option("#vav-f-region", region)
        assert visible_names(page) == set()
        assert page.locator("[role=status]").inner_text() == UI["filter_count_none"]

    def test_the_filters_in_the_address_are_restored_on_load(self, visit, site_url):
        page = visit.page
        page.goto(site_url + "directory/?" + urlencode({"need": "report", "region": "brussels"}))
        assert page.locator("#vav-f-need").input_value() == "report"
        assert page.locator("#vav-f-region").input_value() == "brussels"
        assert visible_names(page) == expected(need="report", region="brussels")
        page.reload()
        assert visible_names(page) == expected(need="report", region="brussels")

    def test_reset_shows_the_grouped_list_again(self, visit, site_url):
        page = visit.page
        page.goto(site_url + "directory/?need=report")
        page.click("[data-vav-filter] button[type=reset]")
        page.wait_for_url(site_url + "directory/")
        assert page.locator("[data-vav-groups]").is_visible()

    def test_the_filters_work_with_the_keyboard_alone(self, visit, site_url):
        page = visit.page
        page.goto(site_url + "directory/")
        page.focus("#vav-f-audience")
        for _ in range(10):  # tab until the first filter, as a keyboard user would
            if page.evaluate("document.activeElement.id") == "vav-f-need":
                break
            page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.id") == "vav-f-need"
        page.keyboard.press("ArrowDown")  # first real option
        first = finder.options(SITE.catalog, "need")[0]
        assert page.locator("#vav-f-need").input_value() == first
        assert visible_names(page) == expected(need=first)
