"""The teachers' lesson sheets: their front matter checked, and a table to filter them by age and
duration (<!-- directory:lesson-sheets -->)."""

from __future__ import annotations

from ... import render
from .. import Feature as _Feature
from .sheets import SHEETS, load_sheets


class Feature(_Feature):
    name = "lesson-sheets"
    assets = ("lesson-sheets.css",)
    requires = ("finder",)  # the finder's filter script and styles filter the table too

    def __init__(self, site):
        super().__init__(site)
        self.sheets = load_sheets(site.catalog)

    def blocks(self):
        return {"lesson-sheets": self.table}

    def watched(self):
        return sorted((self.site.config.root / "docs").glob(f"*/{SHEETS}/*.md"))

    def table(self, ctx, _argument=None) -> str:
        """The teachers' table, from the sheets' front matter (the page's language, else French)."""
        sheets = self.sheets.get(ctx.lang) or self.sheets[self.site.config.default_language]
        ages = sorted({age for s in sheets for age in s.ages})
        durations = sorted({s.meta["duration"] for s in sheets})
        return render.render("lesson_sheets.html", ctx, sheets=sheets, ages=ages, durations=durations)
