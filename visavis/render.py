"""Turn validated data into page content with Jinja templates (autoescaped: data text is always
escaped, so a name containing '<script>' shows as text)."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import urls
from .catalog import Catalog, Entry, in_language

_HERE = Path(__file__).parent
_ENV = Environment(
    # the shared frame (templates/) and each feature's own templates (features/*/templates/)
    loader=FileSystemLoader([_HERE / "templates", *sorted(_HERE.glob("features/*/templates"))]),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


class PageContext:
    """What a template needs for one page in one language: texts, labels and links."""

    def __init__(self, catalog: Catalog, lang: str, page_path: str, directory_urls: bool = True):
        self.catalog, self.lang, self.page_path, self.directory_urls = catalog, lang, page_path, directory_urls
        self.fell_back = False  # set when a text had to be shown in the default language

    def text(self, entry: Entry, name: str):
        """A translated field; a text missing in this language is shown in French, marked lang="fr"."""
        return self.plain(entry.data.get(name))

    def plain(self, value: dict | None):
        """A translated value (an entry field, contact hours…); French, marked lang="fr", if missing."""
        default = self.catalog.site.default_language
        text, fallback = in_language(value, self.lang, default)
        if text is None:
            return ""
        if fallback:
            self.fell_back = True
            return Markup('<span lang="{}">{}</span>').format(default, text)
        return text

    def front(self, entry: Entry, name: str, prefix: str = "") -> Markup:
        """A translated field as a front-matter value (page title, description)."""
        value, _ = entry.text(name, self.lang, self.catalog.site.default_language)
        return self.front_value(f"{prefix} {value}" if prefix else value)

    @staticmethod
    def front_value(value) -> Markup:
        """The theme prints page titles and descriptions without escaping them: HTML-escape the
        text here, then quote it for YAML (JSON strings are valid YAML)."""
        return Markup(json.dumps(str(escape(" ".join(str(value or "").split()))), ensure_ascii=False))

    def plain_list(self, value: dict | None) -> list:
        """A translated list that is not an entry's field (capture advice…)."""
        items = self.plain(value)
        return items if isinstance(items, list) else []

    def items(self, entry: Entry, name: str) -> list:
        """A translated list (steps…); a list missing in this language is shown in French."""
        value, fallback = entry.text(name, self.lang, self.catalog.site.default_language)
        if fallback:
            self.fell_back = True
            return [Markup('<span lang="{}">{}</span>').format(self.catalog.site.default_language, v) for v in value]
        return value or []

    def sort_key(self, entry: Entry) -> str:
        """Entries are listed alphabetically by their name or title in this language."""
        field = "name" if "name" in entry.data else "title"
        value, _ = entry.text(field, self.lang, self.catalog.site.default_language)
        return (value or entry.id).casefold()

    def name(self, entry: Entry):
        """The display name of any entry (organisations and platforms have a name, routes a title)."""
        return self.text(entry, "name" if "name" in entry.data else "title")

    def label(self, group: str, key: str) -> str:
        return self.catalog.label(self.lang, group, key)

    def ui(self, key: str) -> str:
        return self.catalog.label(self.lang, "ui", key)

    def link(self, to_path: str, anchor: str = "") -> str:
        return urls.relative(self.page_path, to_path, self.directory_urls, anchor)

    def file_link(self, site_path: str) -> str:
        """Link to a file at the root of the built site (shared by all languages), e.g. downloads/x.zip."""
        here = self.catalog.site.prefix(self.lang) + urls.page_url(self.page_path, self.directory_urls)
        folder = here if self.directory_urls else posixpath.dirname(here)
        return posixpath.relpath(site_path, folder or ".")


def fragment(template: str, ctx: PageContext, **values) -> str:
    """A piece of a page (no notice on top: the page it goes into adds one if needed)."""
    return _ENV.get_template(template).render(c=ctx, **values)


def render(template: str, ctx: PageContext, **values) -> str:
    """Render a block of HTML for a page and, where a text fell back to French, put the notice on top."""
    body = _ENV.get_template(template).render(c=ctx, **values)
    return _untranslated_notice(ctx) + "\n\n" + body if ctx.fell_back else body


def page(template: str, ctx: PageContext, **values) -> str:
    """Render a whole generated page (front matter, then one HTML block without blank lines, so
    that the Markdown processor passes it through untouched); where a text fell back to French,
    the notice comes right under the title."""
    text = _ENV.get_template(template).render(c=ctx, **values)
    _, front, body = text.split("---\n", 2)
    body = "\n".join(line for line in body.splitlines() if line.strip())
    if ctx.fell_back:
        body = body.replace("</h1>", "</h1>\n" + _untranslated_notice(ctx), 1)
    return f"---\n{front}---\n{body}\n"


def _untranslated_notice(ctx: PageContext) -> Markup:
    return Markup('<p class="vav-notice" role="note">{}</p>').format(ctx.ui("untranslated_notice"))


def script_json(data) -> Markup:
    """``data`` as JSON for a <script type="application/json"> element: text from data files must
    never end the element or open markup, so <, > and & are written as JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def tel_href(number: str) -> str:
    """'+32 2 212 30 00' -> 'tel:+3222123000'; short numbers stay as they are ('tel:107')."""
    return "tel:" + number.replace(" ", "")


def phone_display(number: str) -> str:
    """A number as a person in Belgium dials it. Free numbers can only be called from Belgium and
    a '+' cannot be typed on a landline, so '+32 800 32 123' is shown as '0800 32 123' (the link
    keeps the international form). Other numbers stay as written: some are meant for callers
    abroad."""
    if number.startswith("+32 800 "):
        return "0800 " + number[len("+32 800 ") :]
    return number


def phone_link(number: str) -> Markup:
    return Markup('<a class="vav-tel" href="{}">{}</a>').format(tel_href(number), phone_display(number))


_ENV.filters["tel"] = tel_href
_ENV.filters["phone"] = phone_display
