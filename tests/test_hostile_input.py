"""A careless paste or a hostile contribution never changes what the site does: text from every
kind of data file, carrying Markdown link, image and attribute-list syntax, HTML and script, shows
as literal text on every page that shows it (entry pages, finder, indexes, the self-assessment,
glossary, exercise, lesson sheets, the rules table, the PDFs and the offline pack), and runs nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
import yaml
from helpers import copy_project

# Everything that would become live markup if it were parsed as Markdown or HTML.
HOSTILE = (
    '[click](https://evil.example/link) ![pic](https://evil.example/pic.png) {: onclick="alert(1)" } '
    '<script>alert(2)</script> <img src=x onerror=alert(3)> **bold** <b>b</b> `tick` &amp; *[DSA]: pwned'
)
# Interface words refuse HTML (their schema), so their hostile text is Markdown only.
HOSTILE_LABEL = (
    '[click](https://evil.example/label) ![pic](https://evil.example/l.png) {: onclick="alert(4)" } **bold**'
)
LITERAL = "[click](https://evil.example/link)"  # how the text must read on the page


def live_markup(html: str) -> list[str]:
    """What the hostile text became as markup, read by an HTML parser (escaped text inside an
    attribute's value or a paragraph is fine): links or images to evil.example, event handlers,
    scripts, formatting."""
    from html.parser import HTMLParser

    found = []

    class Page(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.open = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            found.extend(f"<{tag} {name}>" for name in attrs if name.startswith("on"))
            if any("evil.example" in (attrs.get(a) or "") for a in ("href", "src")) or (
                tag == "img" and attrs.get("src") == "x"
            ):
                found.append(f"<{tag}> to {attrs.get('href') or attrs.get('src')}")
            if tag == "abbr" and attrs.get("title") == "pwned":
                found.append("<abbr> from '*[DSA]: pwned'")
            executable = tag == "script" and attrs.get("type", "text/javascript") in ("text/javascript", "module")
            self.open.append("script" if executable else ("data" if tag == "script" else tag))

        def handle_endtag(self, tag):
            tag = "data" if tag == "script" and self.open and self.open[-1] == "data" else tag
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

        def handle_data(self, data):
            inner = self.open[-1] if self.open else ""
            if (inner, data) in (("strong", "bold"), ("b", "b"), ("code", "tick")) or (
                inner == "script" and "alert(" in data
            ):
                found.append(f"<{inner}>{data}")

    Page().feed(html)
    return found


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


EDITS = {
    # file: [(field path), …] each set to the hostile text in every language
    "directory/organisations/unia.yml": [("name",), ("description",), ("what_happens",), ("contacts", 0, "label")],
    "directory/recourse/keep-evidence.yml": [("title",), ("summary",), ("when",), ("deadlines",)],
    "directory/platforms/facebook.yml": [("name",), ("appeal",), ("dsa",)],
    "directory/glossary.yml": [("terms", 0, "definition")],
    "directory/exercise.yml": [("messages", 0, "text"), ("messages", 0, "explanation")],
    "directory/self-assessment.yml": [
        ("questions", 0, "text"),
        ("questions", 0, "answers", 0, "text"),
        ("category_texts", "a"),
    ],
    "directory/crisis-lines.yml": [("lines", 0, "label")],
    "directory/notices.yml": [("notices", 0, "title")],
}
LIST_EDITS = {
    "directory/recourse/keep-evidence.yml": [("steps",), ("bring",)],
    "directory/platforms/facebook.yml": [("steps",)],
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real project with the hostile text in every kind of data file, built with its packs."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for name in set(EDITS) | set(LIST_EDITS):
        path = project / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where in EDITS.get(name, []):
            _set(data, where, {"fr": HOSTILE, "nl": HOSTILE})
        for where in LIST_EDITS.get(name, []):
            _set(data, where, {"fr": [HOSTILE, "ok"], "nl": [HOSTILE, "ok"]})
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for lang in ("fr", "nl"):
        labels = project / "directory/labels" / f"{lang}.yml"
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        data["ui"]["crisis_title"] = data["ui"]["organisations"] = HOSTILE_LABEL
        data["category"]["a"] = HOSTILE_LABEL
        labels.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sheet = project / "docs/fr/teachers/counter-speech.md"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace("    - ", f"    - {json.dumps(HOSTILE)}\n    - ", 1), encoding="utf-8"
    )
    result = subprocess.run([sys.executable, "scripts/build"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return project / "site"


PAGES = {
    "the organisation's page": "directory/organisations/unia/index.html",
    "the finder": "directory/index.html",
    "the organisations index": "directory/organisations/index.html",
    "the route's page": "directory/recourse/keep-evidence/index.html",
    "the routes index": "directory/recourse/index.html",
    "the platform's page": "directory/platforms/facebook/index.html",
    "the platforms index": "directory/platforms/index.html",
    "the self-assessment": "self-assessment/index.html",
    "the rules table": "self-assessment/how-it-decides/index.html",
    "the glossary": "guide/glossary/index.html",
    "the exercise": "teachers/exercise/index.html",
    "the lesson sheets": "teachers/index.html",
    "the home page (crisis lines)": "index.html",
}


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("where", sorted(PAGES))
def test_hostile_text_is_shown_as_text_and_never_becomes_markup(hostile_site, lang, where):
    html = (hostile_site / ("" if lang == "fr" else "nl/") / PAGES[where]).read_text(encoding="utf-8")
    body = html[html.index("<body") :]
    assert "evil.example" in body, "the hostile text should be shown on this page"
    assert live_markup(body) == []


def test_no_page_of_the_site_or_of_the_offline_pack_turns_the_hostile_text_into_markup(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    for pack in (hostile_site / "downloads").glob("*.zip"):
        with zipfile.ZipFile(pack) as z:
            pages += [(pack.name + ":" + n, z.read(n).decode("utf-8")) for n in z.namelist() if n.endswith(".html")]
    shown = 0
    for page in pages:
        name, html = page if isinstance(page, tuple) else (str(page), page.read_text(encoding="utf-8"))
        if "evil.example" in html:
            shown += 1
            assert live_markup(html[html.find("<body") :]) == [], name
    assert shown > 60


def test_the_pdf_prints_the_hostile_text_as_text(hostile_site):
    for pdf in (hostile_site / "downloads").glob("*.pdf"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "[click](https://evil.example/link)" in " ".join(text.split()) or "evil.example" in text, pdf.name


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_in_the_browser_the_hostile_text_reads_literally_and_runs_nothing(browser, hostile_site, lang):
    from helpers import answer_all

    from conftest import serve

    url, server = serve(hostile_site)
    context = browser.new_context()
    dialogs, outside = [], []
    context.route(
        "**/*",
        lambda route: (outside.append(route.request.url), route.abort())
        if "evil.example" in route.request.url
        else route.continue_(),
    )
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    prefix = "" if lang == "fr" else "nl/"
    try:
        for path in (
            "directory/organisations/unia/",
            "directory/",
            "directory/recourse/keep-evidence/",
            "directory/platforms/facebook/",
            "guide/glossary/",
            "teachers/exercise/",
            "",
        ):
            page.goto(url + prefix + path)
            assert LITERAL in page.locator("article").inner_text(), path
        page.goto(url + prefix + "self-assessment/")
        question = page.locator("[data-vav-sa-app] legend").inner_text()
        assert LITERAL in question
        answer_all(page, ["no"])
        assert page.locator("[data-vav-sa-app] a[href*='evil.example']").count() == 0
        assert dialogs == [] and outside == []
    finally:
        context.close()
        server.shutdown()
