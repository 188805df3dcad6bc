"""The case file: an evidence log, letters and a tracker of steps that live in the visitor's
browser only (nothing is sent anywhere). The page's block carries the data the script needs and,
for everyone, the capture advice; each letter is also a plain page with blanks (no JavaScript)."""

from __future__ import annotations

from markupsafe import Markup, escape

from ... import letters as letters_mod
from ... import render
from .. import Feature as _Feature
from .. import Page
from .case_file import CaseFile, load

PAGE = "case-file/index.md"  # the hand-written page (docs/<lang>/case-file/index.md) with the block
LETTERS = "case-file/letters"
FFLATE = "assets/javascripts/vendor/fflate/fflate.min.js"  # loaded only to export or import
DATABASE = "vis-a-vis-case-file"  # the IndexedDB database, created only when the person asks


class Feature(_Feature):
    name = "case-file"
    assets = ("case-file.js", "case-file.css")
    block_assets = {"letters": ("case-file.css",)}  # noqa: RUF012 — a list of links: no script
    requires = ("safety",)  # the minors' warning in the evidence form

    def __init__(self, site):
        super().__init__(site)
        self.data: CaseFile = load(site.catalog)

    def blocks(self):
        return {"case-file": self.app_block, "letters": self.letters_block}

    def pages(self):
        return {
            f"{LETTERS}/{letter_id}.md": Page(self, "letter.html", letter, letter.path)
            for letter_id, letter in self.data.letters.items()
        }

    def letter_path(self, letter_id: str) -> str:
        return f"{LETTERS}/{letter_id}.md"

    def render_page(self, path, page, ctx):
        letter = page.data
        route = self.site.catalog.entries["recourse"][letter.data["route"]]
        # a letter that mentions screenshots carries the minors' warning, as every page does
        words = " ".join(str(ctx.plain(letter.data.get(name))) for name in ("subject", "body", "to", "how_to_send"))
        words += " " + " ".join(ctx.plain_list(letter.data.get("asks_for")))
        return render.page(
            "letter.html",
            ctx,
            letter=letter,
            notices=self.site.feature("safety").notices_for(ctx, words),
            subject=self.with_blanks(letter.text("subject", ctx.lang), ctx),
            paragraphs=[self.with_blanks(p, ctx) for p in letter.text("body", ctx.lang).strip().split("\n\n")],
            route=route,
            route_path=self.site.feature("directory").path_of(route),
            case_file=PAGE,
        )

    @staticmethod
    def with_blanks(text: str, ctx) -> Markup:
        """A letter's text as HTML with each {field} shown as a blank to fill in, named in words."""
        parts = letters_mod.PLACEHOLDER.split(text)  # text, field, text, field, …
        out = []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                out.append(escape(part).replace("\n", Markup("<br>\n")))
            else:
                out.append(Markup('<span class="vav-blank">[{}]</span>').format(ctx.ui(f"case_field_{part}")))
        return Markup("").join(out)

    def letters_block(self, ctx, _argument=None) -> str:
        return render.render("case_letters.html", ctx, letters=self.data.letters.values(), letter_path=self.letter_path)

    def app_block(self, ctx, _argument=None) -> str:
        """The case file for the script (hidden until it runs), and the capture advice for everyone."""
        catalog = self.site.catalog
        directory = self.site.feature("directory")
        routes = catalog.entries["recourse"]
        payload = {
            "lang": ctx.lang,
            "database": DATABASE,
            "fflate": ctx.file_link(FFLATE),
            "placeholder": letters_mod.PLACEHOLDER.pattern,
            "platforms": [
                {"id": p.id, "name": ctx.plain(p.data["name"]), "domains": p.data.get("domains", [])}
                for p in sorted(catalog.of("platform"), key=ctx.sort_key)
            ],
            "routes": {
                r.id: {"title": ctx.plain(r.data["title"]), "url": ctx.link(directory.path_of(r))}
                for r in routes.values()
            },
            "stages": [
                {
                    "id": s["id"],
                    "route": s["route"],
                    "letter": s.get("letter"),
                    "label": ctx.plain(s["label"]),
                    "reference": ctx.plain(s["reference"]),
                    "if_refused": s.get("if_refused"),
                    "deadlines": [
                        {
                            "from": d["from"],
                            "days": d.get("days", 0),
                            "months": d.get("months", 0),
                            "label": ctx.plain(d["label"]),
                            "basis": ctx.plain(d["basis"]["title"]),
                            "url": d["basis"]["url"],
                        }
                        for d in s.get("deadlines", [])
                    ],
                }
                for s in self.data.stages
            ],
            "letters": [self._letter_data(letter, ctx) for letter in self.data.letters.values()],
            "ui": {k: v for k, v in catalog.labels_for(ctx.lang, "ui").items() if k.startswith("case_")},
        }
        return render.render(
            "case_file.html",
            ctx,
            payload=render.script_json(payload),
            capture=self.data.data["capture"],
            stages=self.data.stages,
            letters=self.data.letters.values(),
            letter_path=self.letter_path,
            platforms=sorted(catalog.of("platform"), key=ctx.sort_key),
            notice=self.site.feature("safety").notice(ctx, "minors-images"),
        )

    def _letter_data(self, letter, ctx) -> dict:
        text = lambda name: ctx.plain(letter.data.get(name))  # noqa: E731
        return {
            "id": letter.id,
            "route": letter.data["route"],
            "title": text("title"),
            "to": text("to"),
            "how_to_send": text("how_to_send"),
            "email": letter.data.get("recipient_email", ""),
            "subject": text("subject"),
            "body": text("body"),
            "fields": letter.fields(),
            "required": letter.data.get("required", []),
            "basis": [{"title": ctx.plain(b["title"]), "url": b["url"]} for b in letter.data["legal_basis"]],
            "page": ctx.link(self.letter_path(letter.id)),
        }
