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
from . import render, siteconfig
from .errors import ContentError, Problem

# <!-- directory:organisations --> in a Markdown page is replaced by generated content.
_MARKER = re.compile(r"<!--\s*directory:([a-z-]+)\s*-->")


@dataclass
class GeneratedPage:
    template: str
    entry: catalog_mod.Entry | None = None


class Site:
    def __init__(self, root: Path):
        self.config = siteconfig.read(root)
        self.catalog = catalog_mod.load(self.config)
        self.languages = self.config.languages
        self.pages: dict[str, GeneratedPage] = {}
        for entry in self.catalog.of("organisation"):
            self.pages[f"directory/organisations/{entry.id}.md"] = GeneratedPage("organisation.md", entry)

    def render_page(self, path: str, lang: str, directory_urls: bool = True) -> str:
        page = self.pages[path]
        ctx = render.PageContext(self.catalog, lang, path, directory_urls)
        return render.render(page.template, ctx, entry=page.entry)

    def fill_markers(self, markdown: str, lang: str, src_path: str, directory_urls: bool = True) -> str:
        """Replace each marker by its generated block; an unknown marker is an error."""
        path = src_path.split("/", 1)[1] if src_path.split("/", 1)[0] in self.languages else src_path

        def replace(match: re.Match) -> str:
            name = match.group(1)
            if name not in _BLOCKS:
                line = markdown[: match.start()].count("\n") + 1
                raise ContentError([Problem(f"docs/{src_path}", line, "",
                                            f"unknown marker 'directory:{name}'.",
                                            f"known markers: {', '.join(sorted(_BLOCKS))}")])
            ctx = render.PageContext(self.catalog, lang, path, directory_urls)
            return _BLOCKS[name](self, ctx)

        return _MARKER.sub(replace, markdown)


def _organisation_list(site: Site, ctx: render.PageContext) -> str:
    entries = sorted(site.catalog.of("organisation"), key=lambda e: ctx.text(e, "name").lower())
    return render.render("organisation_list.html", ctx, entries=entries)


_BLOCKS = {"organisations": _organisation_list}

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
    files = [root / "mkdocs.yml", *sorted((root / "directory").rglob("*"))]
    return tuple((str(p), p.stat().st_mtime_ns) for p in files if p.is_file())
