"""What the PDF of the guide needs from the built site, read from the theme's markup (Material for
MkDocs): each chapter's title and article, and the stylesheets to print them with. Theme-specific,
so it lives on the adapter side."""

from __future__ import annotations

import html
import re
from pathlib import Path

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def chapters(site_dir: Path, prefix: str, paths: tuple[str, ...]) -> list[tuple[str, str]]:
    """(title, article HTML) of each guide chapter ('guide/law.md') of a language ('' or 'nl/')."""
    out = []
    for path in paths:
        page = site_dir / prefix / path.replace(".md", "") / "index.html"
        article = _ARTICLE.search(page.read_text(encoding="utf-8")).group(1)
        title = re.sub(r"<[^>]+>", "", _H1.search(article).group(1)).strip()
        out.append((html.unescape(title), article))
    return out


def stylesheets(site_dir: Path) -> list[str]:
    """The theme's stylesheet, the site's own, and every feature's (site-relative)."""
    theme = [
        p.relative_to(site_dir).as_posix() for p in sorted((site_dir / "assets/stylesheets").glob("main.*.min.css"))
    ]
    features = [p.relative_to(site_dir).as_posix() for p in sorted((site_dir / "assets/features").rglob("*.css"))]
    return theme + ["assets/site.css"] + features
