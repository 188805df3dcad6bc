"""The features of the site, one folder each: its data (loaded and checked when the feature is
made), the blocks it puts into Markdown pages (<!-- directory:NAME -->), the pages it generates,
its templates, its scripts and styles (assets/), and its tests (tests/).

A new feature is a new folder with a ``Feature`` subclass and one line in ``FEATURES`` below.
Nothing here knows the site generator: the adapter (hooks/) turns blocks, pages and assets into
the generator's files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:  # only for the type names: the site imports the features, not the other way round
    from ..render import PageContext
    from ..site import Site

FEATURES_DIR = Path(__file__).resolve().parent


@dataclass
class Page:
    """A page a feature generates: where it lives on the site, and the data it is made from."""

    feature: Feature
    template: str
    data: object = None
    source: str = ""  # the repository file (or folder) it is made from, for "edit" links


class Feature:
    """One thing the site does. Subclasses set ``name`` and override what they provide."""

    name = ""
    # Scripts and styles of this feature (files of its assets/ folder), loaded only on the pages
    # that show one of its blocks or pages.
    assets: tuple[str, ...] = ()
    # A block that needs fewer of them: {block name: its assets} (the others load them all).
    block_assets: ClassVar[dict[str, tuple[str, ...]]] = {}
    # Features whose blocks, scripts or styles this one uses (their assets are loaded with it).
    requires: tuple[str, ...] = ()

    def __init__(self, site: Site):
        self.site = site

    @property
    def folder(self) -> Path:
        return FEATURES_DIR / self.name.replace("-", "_")

    def blocks(self) -> dict[str, Callable[[PageContext, str | None], str]]:
        """Marker name -> function(context, argument) returning the block's HTML."""
        return {}

    def arguments(self, block: str) -> set[str] | None:
        """The arguments a block accepts (<!-- directory:notice:ID -->), or None if it takes none."""
        return None

    def pages(self) -> dict[str, Page]:
        """Generated pages by site path ('directory/recourse/index.md'); the same in every language."""
        return {}

    def render_page(self, path: str, page: Page, ctx: PageContext) -> str:
        raise NotImplementedError(path)

    def watched(self) -> list[Path]:
        """Files outside directory/ that the feature reads (the cache reloads when they change)."""
        return []


def registry() -> list[type[Feature]]:
    """The features, in the order they are made: a feature may use those before it."""
    from . import (
        case_file,
        contributing,
        directory,
        downloads,
        exercise,
        finder,
        glossary,
        lesson_sheets,
        safety,
        search,
        self_assessment,
    )

    return [
        safety.Feature,
        directory.Feature,
        finder.Feature,
        self_assessment.Feature,
        case_file.Feature,
        glossary.Feature,
        lesson_sheets.Feature,
        exercise.Feature,
        downloads.Feature,
        contributing.Feature,
        search.Feature,  # last: it knows every page of the features before it
    ]
