"""What a person in distress needs first, written once: the crisis and youth lines
(directory/crisis-lines.yml) and the warnings shown wherever the site gives the advice they
qualify (directory/notices.yml).

Numbers are never written in these files: a call names an organisation of the directory, so a
number changes in one place (the organisation's file) and everywhere at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ...catalog import Catalog, duplicate_ids, in_language, load_file
from ...errors import ContentError, Problem, dotted
from ...render import phone_link

LINES_FILE = "crisis-lines.yml"
NOTICES_FILE = "notices.yml"
# {call:child-focus} in a notice's paragraph: that organisation's number as a link.
CALL = re.compile(r"\{call:([a-z0-9-]+)\}")
# A warning rendered into a generated block (its own words mention screenshots).
_WARNING_HTML = re.compile(r'<aside [^>]*data-vav-notice="[^"]*".*?</aside>', re.S)


@dataclass(frozen=True)
class Call:
    organisation: str
    name: str  # the organisation's name, or the call's note ('police')
    number: str  # as written in the data: '+32 800 32 123'
    hours: str


@dataclass(frozen=True)
class Line:
    id: str
    label: str
    calls: tuple[Call, ...]


class Safety:
    def __init__(self, catalog: Catalog, lines: list[dict], notices: list[dict]):
        self.catalog, self._lines = catalog, lines
        self.notices = {n["id"]: n for n in notices}

    def lines(self, lang: str) -> list[Line]:
        """The lines in ``lang``: only the calls meant for pages of that language."""
        return [self.line(line["id"], lang) for line in self._lines]

    def line(self, line_id: str, lang: str) -> Line:
        line = next(x for x in self._lines if x["id"] == line_id)
        calls = tuple(self._call(call, lang) for call in line["calls"] if lang in call.get("languages", [lang]))
        return Line(line_id, self._text(line["label"], lang), calls)

    def call(self, org_id: str, lang: str) -> Call:
        return self._call({"organisation": org_id}, lang)

    def _call(self, call: dict, lang: str) -> Call:
        org = self.catalog.entries["organisation"][call["organisation"]]
        phones = [c for c in org.data["contacts"] if c["type"] == "phone"]
        contact = next(c for c in phones if c["value"] == call.get("number", phones[0]["value"]))
        name = self._text(call.get("note") or org.data["name"], lang)
        return Call(org.id, name, contact["value"], self._text(contact.get("hours"), lang))

    def paragraphs(self, notice_id: str, lang: str) -> list[Markup]:
        """A notice's paragraphs, escaped, with each {call:…} turned into a tap-to-call link."""
        texts = in_language(self.notices[notice_id]["paragraphs"], lang, self.catalog.site.default_language)[0]
        out = []
        for text in texts:
            parts = CALL.split(text)  # text, id, text, id, …
            out.append(
                Markup("").join(
                    escape(p) if i % 2 == 0 else phone_link(self.call(p, lang).number) for i, p in enumerate(parts)
                )
            )
        return out

    def required(self, text: str, lang: str) -> dict[str, re.Match]:
        """The warnings that ``text`` (in ``lang``) makes mandatory, each with the first word that did."""
        out = {}
        for notice_id, notice in self.notices.items():
            words = notice.get("required_where_text_mentions", {}).get(lang, [])
            if words:
                found = re.search(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", text, re.I)
                if found:
                    out[notice_id] = found
        return out

    def check_page(self, markdown: str, blocks: list[tuple[int, str]], lang: str, shown_as: str) -> None:
        """A Markdown page that mentions screenshots, in its own text or in a block generated on it
        ((marker line, generated text) in ``blocks``), must carry the minors' warning (its marker)."""
        problems = []
        for notice_id in self.notices:
            if f"directory:notice:{notice_id}" in markdown:
                continue
            found = self.required(markdown, lang).get(notice_id)
            if found:
                line, what = markdown[: found.start()].count("\n") + 1, f"the page mentions '{found.group(0)}'"
            else:
                hits = [
                    (line, self.required(_WARNING_HTML.sub("", text), lang).get(notice_id)) for line, text in blocks
                ]
                hits = [(line, hit) for line, hit in hits if hit]
                if not hits:
                    continue
                line, what = hits[0][0], f"the block generated here mentions '{hits[0][1].group(0)}'"
            problems.append(
                Problem(
                    shown_as,
                    line,
                    "",
                    f"{what} but the page does not show the warning '{notice_id}'.",
                    f"add a line <!-- directory:notice:{notice_id} --> just after the paragraph",
                )
            )
        if problems:
            raise ContentError(problems)

    def _text(self, value, lang: str) -> str:
        return in_language(value, lang, self.catalog.site.default_language)[0] or ""


def load(catalog: Catalog) -> Safety:
    """Read and check both files; every organisation and number named must exist."""
    lines_doc = load_file(catalog.site, LINES_FILE, "crisis-lines")
    notices_doc = load_file(catalog.site, NOTICES_FILE, "notices")
    problems = duplicate_ids(lines_doc, "lines") + duplicate_ids(notices_doc, "notices")
    orgs = catalog.entries.get("organisation", {})

    def phones_of(org_id: str) -> list[str]:
        return [c["value"] for c in orgs[org_id].data["contacts"] if c["type"] == "phone"] if org_id in orgs else []

    for li, line in enumerate(lines_doc.data["lines"]):
        for ci, call in enumerate(line["calls"]):
            where = ("lines", li, "calls", ci)
            problems += _check_phone(lines_doc, where, call["organisation"], call.get("number"), orgs, phones_of)
    for ni, notice in enumerate(notices_doc.data["notices"]):
        for lang, texts in notice["paragraphs"].items():
            for pi, text in enumerate(texts):
                for org_id in CALL.findall(text):
                    problems += _check_phone(
                        notices_doc, ("notices", ni, "paragraphs", lang, pi), org_id, None, orgs, phones_of
                    )
    result = Safety(catalog, lines_doc.data["lines"], notices_doc.data["notices"])
    problems += _check_entries(catalog, result)
    if problems:
        raise ContentError(problems)
    return result


def _texts(value, lang: str, where: tuple):
    """(field path, text) for every text of ``lang`` in an entry, at any depth."""
    if isinstance(value, dict):
        if lang in value and all(isinstance(k, str) and len(k) == 2 for k in value):
            text = value[lang]
            items = text if isinstance(text, list) else [text]
            yield from (
                ((where + (lang, i) if isinstance(text, list) else where + (lang,)), t) for i, t in enumerate(items)
            )
        else:
            for key, item in value.items():
                yield from _texts(item, lang, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, lang, where + (index,))


def _check_entries(catalog: Catalog, safety: Safety) -> list[Problem]:
    """Routes and organisations: their warnings exist, and an entry whose text makes a warning
    mandatory (it mentions screenshots) lists it; a route's adults-only organisations are among
    those it names. (Platform pages always show the minors' warning.)"""
    problems = []
    for entry in catalog.of("recourse") + catalog.of("organisation"):
        doc, listed = entry.doc, entry.data.get("notices", [])
        for i, notice_id in enumerate(listed):
            if notice_id not in safety.notices:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of(("notices", i)),
                        f"notices[{i}]",
                        f"there is no warning '{notice_id}' in directory/{NOTICES_FILE}.",
                        f"known warnings: {', '.join(sorted(safety.notices))}",
                    )
                )
        missing: dict[str, tuple] = {}  # notice id -> (field path, word) of the first mention
        for lang in catalog.site.languages:
            for where, text in _texts(entry.data, lang, ()):
                for notice_id, found in safety.required(text, lang).items():
                    if notice_id not in listed:
                        missing.setdefault(notice_id, (where, found.group(0)))
        for notice_id, (where, word) in missing.items():
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(where),
                    dotted(where),
                    f"this text mentions '{word}' but the entry does not show the warning '{notice_id}'.",
                    f"add a line 'notices: [{notice_id}]' to the entry",
                )
            )
        if entry.kind != "recourse":
            continue
        named = entry.data.get("organisations", [])
        for i, org_id in enumerate(entry.data.get("adults_only", [])):
            if org_id not in named:
                problems.append(
                    Problem(
                        entry.doc.path,
                        entry.doc.line_of(("adults_only", i)),
                        f"adults_only[{i}]",
                        f"'{org_id}' is not one of this route's organisations.",
                        "list it under 'organisations:' too, or remove this line",
                    )
                )
    return problems


def _check_phone(doc, where, org_id, number, orgs, phones_of) -> list[Problem]:
    field = dotted(where)
    if org_id not in orgs:
        return [
            Problem(
                doc.path,
                doc.line_of(where),
                field,
                f"there is no organisation with the id '{org_id}'.",
                f"use the id of a file in directory/organisations/, or create directory/organisations/{org_id}.yml",
            )
        ]
    phones = phones_of(org_id)
    if not phones:
        return [
            Problem(
                doc.path,
                doc.line_of(where),
                field,
                f"the organisation '{org_id}' has no phone number.",
                "name an organisation that can be called, or add its phone contact",
            )
        ]
    if number is not None and number not in phones:
        return [
            Problem(
                doc.path,
                doc.line_of(where + ("number",)),
                field + ".number",
                f"'{number}' is not one of the phone numbers of '{org_id}'.",
                f"its numbers: {', '.join(phones)}",
            )
        ]
    return []
