"""The help directory's pages: one per organisation, recourse route and platform, and an index per
kind (the finder, which filters the organisations, is a feature of its own)."""

from __future__ import annotations

from ... import render
from ...catalog import KINDS, REFERENCES, Entry
from .. import Feature as _Feature
from .. import Page

# Where each kind's pages live on the site (same path in every language).
SECTIONS = {
    "organisation": "directory/organisations",
    "recourse": "directory/recourse",
    "platform": "directory/platforms",
}


class Feature(_Feature):
    name = "directory"
    assets = ("directory.css",)
    requires = ("safety",)  # the warnings on entry pages

    def pages(self):
        pages = {}
        for kind, section in SECTIONS.items():
            pages[f"{section}/index.md"] = Page(self, f"{kind}_index.html", kind, f"directory/{KINDS[kind]}/")
            for entry in self.site.catalog.of(kind):
                pages[self.path_of(entry)] = Page(self, f"{kind}.html", entry, entry.doc.path)
        return pages

    def render_page(self, path, page, ctx):
        if isinstance(page.data, Entry):  # one entry's page: only its related entries, so the cost per page stays flat
            notice = self.site.feature("safety").notice
            case_file = self.site.features.get("case-file")  # every route links to the case file and its letters
            return render.page(
                page.template,
                ctx,
                entry=page.data,
                letters=case_file.data.letters_for(page.data.id) if case_file else [],
                letter_path=case_file.letter_path if case_file else None,
                related=self.related(page.data),
                path_of=self.path_of,
                notice=lambda notice_id: notice(ctx, notice_id),
            )
        entries = sorted(self.site.catalog.of(page.data), key=ctx.sort_key)
        return render.page(page.template, ctx, entries=entries, path_of=self.path_of)

    @staticmethod
    def path_of(entry: Entry) -> str:
        """The site path of an entry's page ('directory/organisations/unia.md')."""
        return f"{SECTIONS[entry.kind]}/{entry.id}.md"

    def related(self, entry: Entry) -> dict[str, list[Entry]]:
        """Entries linked to ``entry`` in either direction (a route names the organisations that
        help with it; an organisation page lists those routes back)."""
        catalog, out = self.site.catalog, {}
        for (kind, name), target in REFERENCES.items():
            if entry.kind == kind:
                known = catalog.entries[target]
                out[target] = [known[i] for i in entry.data.get(name, []) if i in known]
            elif entry.kind == target:
                out[kind] = [e for e in catalog.of(kind) if entry.id in e.data.get(name, [])]
        return out
