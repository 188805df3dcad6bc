"""The content as each audience reaches it, and the facts an independent check corrected (issue 12).

Expected words and addresses are written here from the sources, not read from the code under test."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from helpers import ROOT

LANGS = ["fr", "nl"]
PREFIX = {"fr": "", "nl": "nl/"}
AUDIENCE_PAGES = ["guide/parents/", "guide/school/", "guide/work/", "guide/after-reporting/"]
# Hosts of press articles and document mirrors: never the source of a legal basis or of an entry.
WEAK_HOSTS = re.compile(
    r"(^|\.)(rtl\.be|rtbf\.be|vrt\.be|lesoir\.be|lalibre\.be|dhnet\.be|hln\.be|nieuwsblad\.be|"
    r"standaard\.be|metrotime\.be|news\.belgium\.be|pdfslide\.fr|123dok\.net|issuu\.com|scribd\.com)$"
)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _pages_within(built_site: Path, start: str, clicks: int) -> set[str]:
    """Site paths reachable from ``start`` by following at most ``clicks`` links (breadth first)."""
    seen, frontier = {start}, [start]
    for _ in range(clicks):
        found = []
        for path in frontier:
            file = built_site / path / "index.html" if path.endswith("/") or not path else built_site / path
            if not file.exists():
                continue
            parser = _Links()
            parser.feed(file.read_text(encoding="utf-8"))
            for href in parser.hrefs:
                target = urlsplit(urljoin("http://site/" + path, href))
                if target.netloc == "site" and target.path.lstrip("/") not in seen:
                    seen.add(target.path.lstrip("/"))
                    found.append(target.path.lstrip("/"))
        frontier = found
    return seen


@pytest.mark.parametrize("lang", LANGS)
def test_a_parent_a_pupil_and_an_employee_find_their_page_within_two_clicks_of_the_home_page(built_site, lang):
    reachable = _pages_within(built_site, PREFIX[lang], 2)
    for page in AUDIENCE_PAGES:
        assert PREFIX[lang] + page in reachable, page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", ["", "guide/right-now/", "directory/"])
def test_the_audience_pages_are_linked_from_where_a_person_would_look(built_site, lang, where):
    direct = _pages_within(built_site, PREFIX[lang] + where, 1)
    for page in AUDIENCE_PAGES:
        assert PREFIX[lang] + page in direct, (where, page)


@pytest.mark.parametrize("lang", LANGS)
def test_every_recourse_page_says_what_happens_next(built_site, lang):
    routes = sorted((ROOT / "directory/recourse").glob("*.yml"))
    for route in routes:
        direct = _pages_within(built_site, f"{PREFIX[lang]}directory/recourse/{route.stem}/", 1)
        assert PREFIX[lang] + "guide/after-reporting/" in direct, route.stem


# The law chapter: what an independent check found wrong or missing ------------------------------

LAW = {lang: (ROOT / "docs" / lang / "guide/law.md").read_text(encoding="utf-8") for lang in LANGS}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["13 juin 2005", "145, § 3bis"]),
        ("nl", ["13 juni 2005", "145, § 3bis"]),  # malicious use of e-communications
        ("fr", ["4 mai 2020", "371/2"]),
        ("nl", ["4 mei 2020", "371/2"]),  # heavier offence for intimate images
        ("fr", ["5 mai 2019"]),
        ("nl", ["5 mei 2019"]),  # negationism extended: adopted
        ("fr", ["VMRI", "CSA", "Medienrat"]),
        ("nl", ["VMRI", "CSA", "Medienrat"]),  # who grants trusted-flagger status
        ("fr", ["20, 1° à 5°"]),
        ("nl", ["20, 1° tot 5°"]),  # the whole of the old anti-racism article
    ],
)
def test_the_law_chapter_carries_the_corrected_facts(lang, words):
    text = " ".join(LAW[lang].split())
    for word in words:
        assert word in text, (lang, word)


def test_the_heavier_offence_for_intimate_images_is_not_dated_2022_in_either_language():
    for lang in LANGS:
        for sentence in re.split(r"(?<=[.!?])\s", " ".join(LAW[lang].split())):
            if re.search(r"intention méchante|but lucratif|kwaadwillig|winstoogmerk", sentence):
                assert "2022" not in sentence or "2020" in sentence, (lang, sentence)


# The directory ---------------------------------------------------------------------------------


def _entries():
    for path in sorted((ROOT / "directory").glob("*/*.yml")):
        if path.parent.name in ("organisations", "recourse", "platforms"):
            yield path, yaml.safe_load(path.read_text(encoding="utf-8"))


def test_no_source_or_legal_basis_is_a_press_article_or_a_document_mirror():
    weak = []
    for path, data in _entries():
        urls = [data.get("source", "")] + [b["url"] for b in data.get("legal_basis", [])]
        weak += [(path.name, url) for url in urls if WEAK_HOSTS.search(urlsplit(url).hostname or "")]
    assert weak == []


def test_whatsapp_channels_is_a_very_large_online_platform_since_26_january_2026():
    data = yaml.safe_load((ROOT / "directory/platforms/whatsapp.yml").read_text(encoding="utf-8"))
    text = " ".join(str(v) for v in _walk(data))
    assert "26 janvier 2026" in text and "26 januari 2026" in text


def test_the_institutes_hours_are_not_picked_from_one_of_its_two_disagreeing_pages():
    data = yaml.safe_load((ROOT / "directory/organisations/iefh-igvm.yml").read_text(encoding="utf-8"))
    text = " ".join(str(v) for v in _walk(data))
    assert re.search(r"heures différentes|diffèrent|pas les mêmes", text)
    assert re.search(r"verschillende uren|verschillen|niet dezelfde", text)


def test_cybersquad_is_not_presented_as_the_place_for_urgent_problems():
    data = yaml.safe_load((ROOT / "directory/organisations/cybersquad.yml").read_text(encoding="utf-8"))
    assert not any(c.get("hours") for c in data["contacts"])  # chat hours could not be confirmed
    for lang in LANGS:  # the 24/7 line is named for urgent problems
        assert "116 000" in data["description"][lang] + data["what_happens"][lang], lang


def _walk(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)
    else:
        yield value


# Words -----------------------------------------------------------------------------------------


def _dutch_texts():
    for path in sorted((ROOT / "docs/nl").rglob("*.md")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "directory").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        yield path.relative_to(ROOT).as_posix(), " ".join(str(v) for v in _walk_language(yaml.safe_load(text), "nl"))


def _walk_language(value, lang):
    if isinstance(value, dict):
        if lang in value and all(isinstance(k, str) and len(k) == 2 for k in value):
            yield value[lang]
        else:
            for item in value.values():
                yield from _walk_language(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from _walk_language(item, lang)


@pytest.mark.parametrize(
    "phrase",
    [
        r"aangifte (te )?doen",
        r"\bZelftest\b",
        r"het feit een (vrouw|man)",
        r"verklaar je(zelf)? (als )?['\"‘“]?benadeelde",
    ],
)
def test_dutch_uses_the_words_people_and_the_official_pages_use(phrase):
    found = [where for where, text in _dutch_texts() if re.search(phrase, text, re.I)]
    assert found == []


def test_no_classroom_activity_has_a_pupil_voice_the_hateful_message():
    for lang, card in (("fr", "LE MESSAGE"), ("nl", "HET BERICHT")):
        sheet = (ROOT / "docs" / lang / "teachers/reacting-as-witness.md").read_text(encoding="utf-8")
        assert card in sheet, lang
