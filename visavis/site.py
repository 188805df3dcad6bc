"""The site, as the generator's adapter sees it: the checked content, and what each feature adds
(blocks for Markdown pages, generated pages, scripts and styles). A loop over the features of
``features.registry()``; nothing here is specific to one feature.

Content is loaded once per process and again only when a file it reads changes (the i18n plugin
runs one full build per language, and ``mkdocs serve`` rebuilds on edits).
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from . import catalog as catalog_mod
from . import render
from .errors import ContentError, Problem
from .features import Feature, Page, registry
from .settings import SiteConfig

# <!-- directory:finder --> in a Markdown page is replaced by a feature's block; some blocks take an
# argument: <!-- directory:notice:minors-images -->.
_MARKER = re.compile(r"<!--\s*directory:([a-z-]+)(?::([a-z0-9-]+))?\s*-->")


class Site:
    def __init__(self, settings: SiteConfig):
        self.config = settings
        self.languages = settings.languages
        self.catalog = catalog_mod.load(settings)
        # every feature checks its content; the problems of all of them are reported at once
        self.features: dict[str, Feature] = {}
        problems: list[Problem] = []
        for feature_class in registry():
            try:
                self.features[feature_class.name] = feature_class(self)
            except ContentError as err:
                problems += err.problems
        if problems:
            raise ContentError(problems)
        self.pages: dict[str, Page] = {path: page for f in self.features.values() for path, page in f.pages().items()}
        self.blocks = {name: (f, fn) for f in self.features.values() for name, fn in f.blocks().items()}

    def feature(self, name: str) -> Feature:
        return self.features[name]

    def render_page(self, path: str, lang: str, directory_urls: bool = True) -> str:
        """A generated page: front matter, then HTML only (see templates/page.html)."""
        page = self.pages[path]
        return page.feature.render_page(path, page, render.PageContext(self.catalog, lang, path, directory_urls))

    def source_of(self, path: str) -> str:
        """The repository file (or folder) a generated page is made from, for 'edit' links."""
        return self.pages[path].source

    def fill_markers(
        self, markdown: str, lang: str, src_path: str, directory_urls: bool = True, hand_written: bool = True
    ) -> tuple[str, set[tuple[str, str]]]:
        """Replace each marker by its feature's block, and name the blocks used on the page, as
        (feature, block) (their scripts and styles go there). An unknown marker is an error. A hand-written page must also
        show the warnings that its text, or a block generated on it, makes mandatory."""
        head, _, rest = src_path.partition("/")
        path = rest if head in self.languages else src_path
        blocks: list[tuple[int, str]] = []  # (line of the marker, what it generated)
        used: set[tuple[str, str]] = set()

        def replace(match: re.Match) -> str:
            name, argument = match.groups()
            line = markdown[: match.start()].count("\n") + 1
            if name not in self.blocks:
                raise ContentError(
                    [
                        Problem(
                            f"docs/{src_path}",
                            line,
                            "",
                            f"unknown marker 'directory:{name}'.",
                            f"known markers: {', '.join(sorted(self.blocks))}",
                        )
                    ]
                )
            feature, fill = self.blocks[name]
            accepted = feature.arguments(name)
            if accepted is not None and argument not in accepted:
                known = ", ".join(f"directory:{name}:{a}" for a in sorted(accepted))
                raise ContentError(
                    [Problem(f"docs/{src_path}", line, "", f"unknown marker '{match.group(0)}'.", f"known: {known}")]
                )
            out = fill(render.PageContext(self.catalog, lang, path, directory_urls), argument)
            used.add((feature.name, name))
            if name != "notice":  # a warning's own words mention screenshots
                blocks.append((line, out))
            return out

        filled = _MARKER.sub(replace, markdown)
        if hand_written:
            self.feature("safety").check_page(markdown, blocks, lang, f"docs/{src_path}")
        return filled, used

    def assets(self, used: set[tuple[str, str | None]]) -> list[tuple[Feature, str]]:
        """The scripts and styles (feature, file of its assets/ folder) that a page showing ``used``
        needs: (feature, block) for a block, (feature, None) for a page of the feature; with those
        of the features they require, in the order of the features."""
        wanted: dict[str, set[str]] = {}
        todo = list(used)
        while todo:  # what a required feature requires, too
            name, block = todo.pop()
            feature = self.features[name]
            files = set(feature.block_assets.get(block, feature.assets))
            if name not in wanted or not files <= wanted[name]:
                wanted[name] = wanted.get(name, set()) | files
                todo += [(required, None) for required in feature.requires]
        return [
            (f, asset)
            for f in self.features.values()
            if f.name in wanted
            for asset in f.assets
            if asset in wanted[f.name]
        ]

    def untranslated_notice(self, markdown: str, lang: str) -> str:
        """Put a notice, in ``lang``, right under the title of a page shown in French."""
        notice = Markup('<p class="vav-notice" role="note">{}</p>').format(
            self.catalog.label(lang, "ui", "page_untranslated_notice")
        )
        head, _, rest = markdown.partition("\n")
        if head.startswith("# "):
            return f"{head}\n\n{notice}\n{rest}"
        return f"{notice}\n\n{markdown}"


_cache: dict[Path, tuple[tuple, SiteConfig, Site]] = {}  # one Site per project: a rebuild replaces it


def site(settings: SiteConfig) -> Site:
    """The Site for these settings, made again only when they or a file it reads changed."""
    stamp = _stamp(settings.root)
    cached = _cache.get(settings.root)
    if cached and cached[0] == stamp and cached[1] == settings:
        return cached[2]
    built = Site(settings)
    _cache[settings.root] = (stamp, settings, built)
    return built


def _stamp(root: Path) -> tuple:
    """Every file the Site reads: data and schemas, the pages (lesson sheets' front matter, the law
    chapter's anchors, the pages the self-assessment links to), contributor guides."""
    files = [
        *sorted((root / "directory").rglob("*")),
        *sorted((root / "docs").rglob("*.md")),
        *sorted(root.glob("CONTRIBUTING*.md")),
    ]
    return tuple((str(p), p.stat().st_mtime_ns) for p in files if p.is_file())
