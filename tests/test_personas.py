"""The people most at risk, in both languages, in a real browser: what each of them sees.

The expected numbers, names and words are written here from the product's safety rules (issue 11),
not computed by the code under test."""

from __future__ import annotations

import re

import pytest
from helpers import answer_all, articles

LANGS = ["fr", "nl"]
PREFIX = {"fr": "", "nl": "nl/"}

SUICIDE_LINE = {"fr": "0800 32 123", "nl": "1813"}
YOUTH_LINES = {"fr": {"103 Écoute-Enfants", "Child Focus", "CyberSquad"}, "nl": {"Awel", "Child Focus", "CyberSquad"}}
ADULTS_ONLY = ["Institut pour l'égalité des femmes et des hommes", "Instituut voor de gelijkheid van vrouwen en mannen"]
CATEGORY_A = {"fr": "(a) punissable par la loi pénale", "nl": "(a) strafbaar volgens het strafrecht"}
CATEGORY_C = {"fr": "(c) légal, mais blessant et nuisible", "nl": "(c) legaal, maar kwetsend en schadelijk"}
INJURED_PARTY = {"fr": "personne lésée", "nl": "benadeelde"}
PRESS_OFFENCE = {"fr": "délit de presse", "nl": "drukpersmisdrijf"}
MINORS_WARNING = {"fr": "moins de 18 ans", "nl": "jonger dan 18"}
LANGUAGE_ANSWER = {"fr": "fr", "nl": "nl"}
REGION = {"fr": "brussels", "nl": "flanders"}


def start(visit, site_url, lang):
    page = visit.page
    page.goto(site_url + PREFIX[lang] + "self-assessment/")
    return page


def open_plan(page):
    page.locator("[data-vav-sa-app] .vav-sa__nav .md-button--primary").click()  # "see my plan"
    page.locator(".vav-sa__category").wait_for()
    return page.locator("[data-vav-sa-app]")


def contacts(plan) -> list[str]:
    return plan.locator(".vav-cards .vav-card__name").all_inner_texts()


@pytest.mark.parametrize("lang", LANGS)
class TestAPersonInDistress:
    def test_on_the_home_page_the_three_things_to_do_come_before_the_words_about_the_site(self, visit, site_url, lang):
        page = visit.page
        page.goto(site_url + PREFIX[lang])
        headings = page.locator("article h2").all_inner_texts()
        three_things = next(i for i, h in enumerate(headings) if re.search(r"trois choses|Drie dingen", h))
        assert three_things <= 1  # after at most the crisis lines' own heading

    def test_someone_who_might_hurt_themselves_sees_the_suicide_line_first(self, visit, site_url, lang):
        page = start(visit, site_url, lang)
        answer_all(page, ["self-harm"])
        info = page.locator("[data-vav-sa-app] .vav-sa__info")
        calls = page.locator("[data-vav-sa-app] .vav-sa__calls a")
        assert info.is_visible()
        assert SUICIDE_LINE[lang] in calls.first.inner_text()
        assert calls.first.get_attribute("href").startswith("tel:")
        assert any("112" in c for c in calls.all_inner_texts())
        # then they can go on, and the plan starts with the suicide line too
        answer_all(page, ["victim", "insult", "none", "private", "no", REGION[lang], LANGUAGE_ANSWER[lang]])
        plan = open_plan(page)
        first_note = plan.locator(".vav-sa__note--first").first
        assert SUICIDE_LINE[lang] in first_note.inner_text()
        title_y = plan.locator("#vav-sa-title").bounding_box()["y"]
        note_y = first_note.bounding_box()["y"]
        category_y = plan.locator(".vav-sa__category").bounding_box()["y"]
        assert title_y < note_y < category_y
        assert contacts(plan)[0] in ("Centre de Prévention du Suicide", "Zelfmoordlijn 1813")


@pytest.mark.parametrize("lang", LANGS)
class TestMinors:
    def test_a_15_year_old_whose_intimate_images_are_shared_is_sent_to_child_focus_never_to_an_adults_only_service(
        self, visit, site_url, lang
    ):
        page = start(visit, site_url, lang)
        answer_all(
            page, ["no", "victim", "intimate-images", "none", "public", "yes", REGION[lang], LANGUAGE_ANSWER[lang]]
        )
        plan = open_plan(page)
        text = plan.inner_text()
        assert contacts(plan)[0] == "Child Focus"
        assert not any(name in contacts(plan) for name in ADULTS_ONLY)
        # the warning about images of minors comes before any step that says to keep evidence
        warning = plan.locator("[data-vav-notice=minors-images]")
        assert warning.count() == 1 and MINORS_WARNING[lang] in warning.inner_text()
        assert warning.bounding_box()["y"] < plan.locator(".vav-sa__steps").first.bounding_box()["y"]
        # StopNCII is never offered without its limit (images taken at 18 or over)
        for sentence in re.split(r"(?<=[.!?])\s", text):
            if "StopNCII" in sentence:
                assert "18" in sentence, sentence

    def test_the_intimate_images_route_shows_child_focus_first_and_marks_the_institute_as_adults_only(
        self, visit, site_url, lang
    ):
        page = visit.page
        page.goto(site_url + PREFIX[lang] + "directory/recourse/remove-intimate-images/")
        cards = page.locator("article .vav-cards .vav-card")
        assert cards.first.locator(".vav-card__name").inner_text() == "Child Focus"
        institute = cards.filter(has_text=re.compile("|".join(ADULTS_ONLY)))
        assert institute.locator(".vav-badge--adults").count() == 1
        assert "18" in institute.locator(".vav-badge--adults").inner_text()

    def test_a_14_year_old_witness_is_asked_their_age_and_offered_a_youth_line(self, visit, site_url, lang):
        page = start(visit, site_url, lang)
        answer_all(page, ["no", "witness", "insult", "origin", "group"])
        assert page.locator('.vav-sa__form input[name="minor"]').count() == 2  # "are you under 18?"
        answer_all(page, ["yes", REGION[lang], LANGUAGE_ANSWER[lang]])
        plan = open_plan(page)
        assert set(contacts(plan)) & YOUTH_LINES[lang]
        assert INJURED_PARTY[lang] not in plan.inner_text()  # steps written for a witness

    def test_a_parent_of_a_12_year_old_gets_steps_for_a_parent(self, visit, site_url, lang):
        page = start(visit, site_url, lang)
        answer_all(page, ["no", "parent", "harassment", "none", "group", REGION[lang], LANGUAGE_ANSWER[lang]])
        plan = open_plan(page)
        first_step = plan.locator(".vav-sa__steps > li > a").first
        assert first_step.inner_text() in ("Aider votre enfant", "Je kind helpen")
        assert "Child Focus" in contacts(plan)


@pytest.mark.parametrize("lang", LANGS)
class TestHonestResults:
    def test_an_adult_insulted_for_their_religion_in_a_public_comment_is_not_told_it_is_probably_an_offence(
        self, visit, site_url, lang
    ):
        page = start(visit, site_url, lang)
        answer_all(page, ["no", "victim", "insult", "religion", "public", "no", REGION[lang], LANGUAGE_ANSWER[lang]])
        plan = open_plan(page)
        category = plan.locator(".vav-sa__category h3").inner_text()
        assert CATEGORY_A[lang] not in category and "(a)" not in category
        assert "Unia" in plan.locator(".vav-sa__category").inner_text()  # who can assess it
        assert PRESS_OFFENCE[lang] in plan.inner_text()  # the caveat of the law chapter

    @pytest.mark.parametrize(
        "answers",
        [
            ["unsure", "victim", "unsure", "unsure", "unsure", "no", "unsure", "fr"],
            ["unsure", "group", "unsure", "unsure", "unsure", "no", "unsure", "fr"],
        ],
    )
    def test_someone_who_answers_not_sure_everywhere_is_never_told_it_is_probably_legal(
        self, visit, site_url, lang, answers
    ):
        page = start(visit, site_url, lang)
        answer_all(page, answers)
        plan = open_plan(page)
        category = plan.locator(".vav-sa__category h3").inner_text()
        assert CATEGORY_C[lang] not in category and "(c)" not in category
        assert "(a)" not in category and "(b)" not in category


# Every page, read as built ---------------------------------------------------------------------


CATEGORY_WORDS = {
    "fr": [
        "(a) punissable par la loi pénale",
        "(b) pas pénal, mais retrait ou action civile possible",
        "(c) légal, mais blessant et nuisible",
    ],
    "nl": [
        "(a) strafbaar volgens het strafrecht",
        "(b) niet strafbaar, maar verwijdering of burgerlijke procedure mogelijk",
        "(c) legaal, maar kwetsend en schadelijk",
    ],
}
UNESCO_ADAPTED = {
    "fr": "adaptées au droit belge à partir de la classification de l'UNESCO",
    "nl": "afgeleid van de indeling van UNESCO en aangepast aan het Belgische recht",
}


def test_every_page_that_presents_the_three_categories_uses_one_wording_and_says_they_are_adapted_from_unesco(
    built_site,
):
    presenting = 0
    for page, text, _ in articles(built_site):
        lang = "nl" if page.startswith("nl/") else "fr"
        flat = " ".join(text.split()).casefold()
        if not all(f"({x})" in flat for x in "abc"):
            continue
        presenting += 1
        for words in CATEGORY_WORDS[lang]:
            assert words.casefold() in flat, (page, words)
        assert UNESCO_ADAPTED[lang].casefold() in flat, page
    assert presenting >= 20
