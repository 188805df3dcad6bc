"""The glossary (directory/glossary.yml): its page (<!-- directory:glossary -->) and the definitions
of its abbreviations wherever they appear on the site."""

from __future__ import annotations

from ... import render
from .. import Feature as _Feature
from .glossary import Glossary, load


class Feature(_Feature):
    name = "glossary"

    def __init__(self, site):
        super().__init__(site)
        self.data: Glossary = load(site.catalog)

    def blocks(self):
        return {"glossary": self.page_block}

    def page_block(self, ctx, _argument=None) -> str:
        return render.render("glossary.html", ctx, terms=self.data.entries(ctx.lang))

    def mark_abbreviations(self, html: str, lang: str) -> str:
        return self.data.mark_abbreviations(html, lang)
