"""The help directory in a real browser: the complete list without JavaScript, and the filters
with it (combinations, no-result message, a link made only on request, nothing in the history,
keyboard)."""

from __future__ import annotations

import itertools
from urllib.parse import urlencode

import pytest
from helpers import ROOT, load_site

from visavis.features.finder import finder

SITE = load_site()
ORGS = SITE.catalog.of("organisation")
UI = SITE.catalog.labels_for("fr", "ui")


ALL_REGIONS = {"brussels", "wallonia", "flanders", "german-speaking"}
ALL_AUDIENCES = {"minors", "parents", "lgbtqi", "women", "education"}


def expected(**picks) -> set[str]:
    """Names of the organisations that match, read from the YAML files with the rule the directory
    promises, written out here independently of the code that writes the page: a service for the
    whole country serves every region, a service for everyone serves every audience."""
    import yaml

    def serves(data, facet, value):
        if facet == "need":
            return value in data["helps_with"]
        if facet == "region":
            return value in data["regions"] or ("belgium" in data["regions"] and value in ALL_REGIONS)
        if facet == "audience":
            return value in data["audiences"] or ("everyone" in data["audiences"] and value in ALL_AUDIENCES)
        if facet == "language":
            return value in data["languages"]
        if facet == "channel":
            return any(c["type"] == value for c in data["contacts"])
        if facet == "cost":
            return data["cost"] == value
        raise KeyError(facet)

    names = set()
    for path in (ROOT / "directory/organisations").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if all(serves(data, facet, value) for facet, value in picks.items()):
            names.add(data["name"]["fr"])
    return names


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
        assert page.locator("[data-vav-count]").inner_text() == UI["filter_count_none"]

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
        assert page.locator("[data-vav-groups]").is_visible()

    def test_the_choices_never_reach_the_address_bar_or_the_history_on_their_own(self, visit, site_url):
        """An address like ?audience=lgbtqi&need=psychological tells whoever looks at the device
        what the person is going through."""
        page = visit.page
        page.goto(site_url + "directory/")
        length = page.evaluate("history.length")
        page.select_option("#vav-f-audience", "lgbtqi")
        page.select_option("#vav-f-need", "psychological")
        page.check("#vav-f-free")
        assert visible_names(page) == expected(audience="lgbtqi", need="psychological", cost="free")
        assert page.url == site_url + "directory/"
        assert page.evaluate("location.search") == "" and page.evaluate("history.length") == length

    def test_a_link_to_the_selection_is_made_only_when_asked_and_opens_with_the_same_filters(self, browser, site_url):
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        try:
            page.goto(site_url + "directory/")
            page.select_option("#vav-f-need", "report")
            page.select_option("#vav-f-region", "brussels")
            assert page.url == site_url + "directory/"
            page.click("[data-vav-copy-link]")
            page.locator("[data-vav-copy-status]:not(:empty)").wait_for()
            link = page.evaluate("navigator.clipboard.readText()")
            assert "need=report" in link and "region=brussels" in link
            assert page.url == site_url + "directory/"  # copied, not written in the address bar
            assert "montre ce que vous cherchez" in page.locator("[data-vav-copy-status]").inner_text()
            page.goto(link)
            assert visible_names(page) == expected(need="report", region="brussels")
        finally:
            context.close()

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
