"""Everything the site generator needs from the core: the validated catalog, the list of
generated pages, their content per language, and the markers hand-written pages may use.

Data is loaded once per process and reloaded only when a file under directory/ changes
(the i18n plugin runs one full build per language, and ``mkdocs serve`` rebuilds on edits).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import catalog as catalog_mod
import json

from markupsafe import Markup

from . import finder, glossary, packs, questionnaire, render, safety, siteconfig, teaching
from .errors import ContentError, Problem

# <!-- directory:finder --> in a Markdown page is replaced by generated content; some blocks take an
# argument: <!-- directory:notice:minors-images -->.
_MARKER = re.compile(r"<!--\s*directory:([a-z-]+)(?::([a-z0-9-]+))?\s*-->")

# Where each kind's pages live on the site (same path in every language).
SECTIONS = {"organisation": "directory/organisations", "recourse": "directory/recourse", "platform": "directory/platforms"}


@dataclass
class GeneratedPage:
    template: str
    entry: catalog_mod.Entry | None = None
    kind: str = ""


class Site:
    def __init__(self, root: Path):
        self.config = siteconfig.read(root)
        self.catalog = catalog_mod.load(self.config)
        self.languages = self.config.languages
        self.safety = safety.load(self.catalog)
        self.questionnaire = questionnaire.load(self.catalog, self.safety)
        self.glossary = glossary.load(self.catalog)
        self.sheets = teaching.load_sheets(self.catalog)
        self.exercise = teaching.load_exercise(self.catalog)
        self.pages: dict[str, GeneratedPage] = {}
        for kind, section in SECTIONS.items():
            self.pages[f"{section}/index.md"] = GeneratedPage(f"{kind}_index.html", kind=kind)
            for entry in self.catalog.of(kind):
                self.pages[entry_path(entry)] = GeneratedPage(f"{kind}.html", entry, kind)

    def render_page(self, path: str, lang: str, directory_urls: bool = True) -> str:
        """A generated page: front matter, then HTML only (see templates/page.html)."""
        page = self.pages[path]
        ctx = render.PageContext(self.catalog, lang, path, directory_urls)
        if page.entry:  # one entry's page: only its related entries, so the cost per page stays flat
            return render.page(page.template, ctx, entry=page.entry, related=self.related(page.entry),
                               path_of=entry_path, notice=lambda notice_id: notice(self, ctx, notice_id))
        entries = sorted(self.catalog.of(page.kind), key=ctx.sort_key)
        return render.page(page.template, ctx, entries=entries, path_of=entry_path)

    def related(self, entry: catalog_mod.Entry) -> dict[str, list[catalog_mod.Entry]]:
        """Entries linked to ``entry`` in either direction (a route names the organisations that
        help with it; an organisation page lists those routes back)."""
        out: dict[str, list] = {}
        for (kind, name), target in catalog_mod.REFERENCES.items():
            if entry.kind == kind:
                known = self.catalog.entries[target]
                out[target] = [known[i] for i in entry.data.get(name, []) if i in known]
            elif entry.kind == target:
                out[kind] = [e for e in self.catalog.of(kind) if entry.id in e.data.get(name, [])]
        return out

    def fill_markers(self, markdown: str, lang: str, src_path: str, directory_urls: bool = True,
                     hand_written: bool = True) -> str:
        """Replace each marker by its generated block; an unknown marker is an error. A hand-written
        page must also show the warnings that its text, or a block generated on it, makes mandatory."""
        head, _, rest = src_path.partition("/")
        path = rest if head in self.languages else src_path
        blocks: list[tuple[int, str]] = []  # (line of the marker, what it generated)

        def replace(match: re.Match) -> str:
            name, argument = match.groups()
            line = markdown[: match.start()].count("\n") + 1
            if name not in _BLOCKS:
                raise ContentError([Problem(f"docs/{src_path}", line, "",
                                            f"unknown marker 'directory:{name}'.",
                                            f"known markers: {', '.join(sorted(_BLOCKS))}")])
            if name in _WITH_ARGUMENT and argument not in _WITH_ARGUMENT[name](self):
                known = ", ".join(f"directory:{name}:{a}" for a in sorted(_WITH_ARGUMENT[name](self)))
                raise ContentError([Problem(f"docs/{src_path}", line, "", f"unknown marker '{match.group(0)}'.",
                                            f"known: {known}")])
            ctx = render.PageContext(self.catalog, lang, path, directory_urls)
            out = _BLOCKS[name](self, ctx, argument) if name in _WITH_ARGUMENT else _BLOCKS[name](self, ctx)
            if name != "notice":  # a warning's own words mention screenshots
                blocks.append((line, out))
            return out

        filled = _MARKER.sub(replace, markdown)
        if hand_written:
            self.safety.check_page(markdown, blocks, lang, f"docs/{src_path}")
        return filled

    def source_of(self, path: str) -> str:
        """The repository file (or folder) a generated page is made from, for 'edit' links."""
        page = self.pages[path]
        if page.entry:
            return page.entry.doc.path
        return f"directory/{catalog_mod.KINDS[page.kind]}/"

    def untranslated_notice(self, markdown: str, lang: str) -> str:
        """Put a notice, in ``lang``, right under the title of a page shown in French."""
        notice = Markup('<p class="vav-notice" role="note">{}</p>').format(self.catalog.label(lang, "ui", "page_untranslated_notice"))
        head, sep, rest = markdown.partition("\n")
        if head.startswith("# "):
            return f"{head}\n\n{notice}\n{rest}"
        return f"{notice}\n\n{markdown}"


def entry_path(entry: catalog_mod.Entry) -> str:
    return f"{SECTIONS[entry.kind]}/{entry.id}.md"


def _finder(site: Site, ctx: render.PageContext) -> str:
    return finder.render_finder(site.catalog, ctx, entry_path)


def _self_assessment(site: Site, ctx: render.PageContext) -> str:
    """The questionnaire's data for the script, and a complete page for when it does not run:
    the crisis lines, then for each kind of situation the plan a typical person in it would get."""
    q = site.questionnaire
    data = questionnaire.browser_data(q, ctx, entry_path, site.safety)
    data["ui"] = {k: v for k, v in site.catalog.labels_for(ctx.lang, "ui").items()
                  if k.startswith("sa_") or k == "categories_origin"}
    what = next(x for x in q.data["questions"] if x.get("fact") == "what")
    situations = []
    for answer in what["answers"]:
        plan = q.plan({**questionnaire.TYPICAL, "what": answer["value"]})
        routes = [site.catalog.entries["recourse"][r] for _, r in plan.steps]
        situations.append((answer, questionnaire.result_label(site.catalog, ctx.lang, plan.category), routes))
    # Text from data files must never end the script element or open markup: JSON allows \u003c.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    notices = {n["notice"]: notice(site, ctx, n["notice"]) for n in q.data.get("notes", []) if n.get("notice")}
    return render.render("self_assessment.html", ctx, payload=payload, situations=situations, path_of=entry_path,
                         crisis=Markup(_crisis_lines(site, ctx)), notices=notices)


def _self_assessment_rules(site: Site, ctx: render.PageContext) -> str:
    rows, notes = questionnaire.rules_in_words(site.questionnaire, ctx, site.safety)
    return render.render("self_assessment_rules.html", ctx, rows=rows, notes=notes)


def _glossary(site: Site, ctx: render.PageContext) -> str:
    return render.render("glossary.html", ctx, terms=site.glossary.entries(ctx.lang))


def _lesson_sheets(site: Site, ctx: render.PageContext) -> str:
    """The teachers' table, from the sheets' front matter (the page's language, else French)."""
    sheets = site.sheets.get(ctx.lang) or site.sheets[site.config.default_language]
    ages = sorted({age for s in sheets for age in s.ages})
    durations = sorted({s.meta["duration"] for s in sheets})
    return render.render("lesson_sheets.html", ctx, sheets=sheets, ages=ages, durations=durations)


def _exercise(site: Site, ctx: render.PageContext) -> str:
    return render.render("exercise.html", ctx, messages=site.exercise)


def _downloads(site: Site, ctx: render.PageContext) -> str:
    files = {"zip": f"{packs.DOWNLOADS}/{packs.zip_name(ctx.lang)}", "pdf": f"{packs.DOWNLOADS}/{packs.pdf_name(ctx.lang)}"}
    return render.render("downloads.html", ctx, files=files, open_file=packs.OPEN_FILE.get(ctx.lang, "OPEN.html"))


def _contributing(site: Site, ctx: render.PageContext) -> str:
    """The contributor guide of the repository (CONTRIBUTING.md, CONTRIBUTING.<lang>.md), shown on
    the site as well: one text, two places. Links to repository files become plain text."""
    names = [f"CONTRIBUTING.{ctx.lang}.md", "CONTRIBUTING.md"]  # a missing translation falls back to French
    found = next((site.config.root / n for n in names if (site.config.root / n).exists()), None)
    if found is None:
        raise ContentError([Problem("CONTRIBUTING.md", None, "", "the contributor guide is missing.",
                                    "restore CONTRIBUTING.md at the root of the repository")])
    text = found.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "CONTRIBUTING" not in line]  # the other-language link
    body = "\n".join(lines)
    body = re.sub(r"(?m)^# .*\n", "", body, count=1)  # the page has its own title
    return re.sub(r"\[([^\]]+)\]\((?!https?://|#|mailto:)[^)]+\)", r"\1", body)


def _crisis_lines(site: Site, ctx: render.PageContext) -> str:
    return render.render("crisis_lines.html", ctx, lines=site.safety.lines(ctx.lang))


def notice(site: Site, ctx: render.PageContext, notice_id: str) -> Markup:
    """A warning of directory/notices.yml as HTML, for pages and for the entry templates."""
    data = site.safety.notices[notice_id]
    return Markup(render.fragment("notice.html", ctx, id=notice_id, title=ctx.plain(data["title"]),
                                  paragraphs=site.safety.paragraphs(notice_id, ctx.lang), sources=data["sources"]))


_WITH_ARGUMENT = {"notice": lambda site: site.safety.notices}

_BLOCKS = {"crisis-lines": _crisis_lines, "notice": notice, "self-assessment-rules": _self_assessment_rules, "contributing": _contributing, "downloads": _downloads, "finder": _finder, "self-assessment": _self_assessment, "glossary": _glossary,
           "lesson-sheets": _lesson_sheets, "exercise": _exercise}

_cache: dict[Path, tuple[tuple, Site]] = {}


def site(root: Path) -> Site:
    """The Site for ``root``, rebuilt only when a data file, schema or mkdocs.yml changed."""
    stamp = _stamp(root)
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    built = Site(root)
    _cache[root] = (stamp, built)
    return built


def _stamp(root: Path) -> tuple:
    """Every file the Site reads: data and schemas, mkdocs.yml, the pages (lesson sheets' front matter,
    the law chapter's anchors, the pages the self-assessment links to), contributor guides."""
    files = [root / "mkdocs.yml", *sorted((root / "directory").rglob("*")),
             *sorted((root / "docs").rglob("*.md")), *sorted(root.glob("CONTRIBUTING*.md"))]
    return tuple((str(p), p.stat().st_mtime_ns) for p in files if p.is_file())
