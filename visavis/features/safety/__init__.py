"""What a person in distress needs first: the crisis and youth lines (<!-- directory:crisis-lines -->)
and the warnings written once (<!-- directory:notice:ID -->), required on every page and entry whose
text calls for them."""

from __future__ import annotations

from markupsafe import Markup

from ... import render
from .. import Feature as _Feature
from .safety import Safety, load


class Feature(_Feature):
    name = "safety"
    assets = ("safety.css",)

    def __init__(self, site):
        super().__init__(site)
        self.data: Safety = load(site.catalog)

    def blocks(self):
        return {"crisis-lines": self.crisis_lines, "notice": self.notice}

    def arguments(self, block):
        return set(self.data.notices) if block == "notice" else None

    def crisis_lines(self, ctx, _argument=None) -> str:
        return render.render("crisis_lines.html", ctx, lines=self.data.lines(ctx.lang))

    def notice(self, ctx, notice_id) -> Markup:
        """A warning of directory/notices.yml as HTML, for pages and for other features' templates."""
        notice = self.data.notices[notice_id]
        return Markup(
            render.fragment(
                "notice.html",
                ctx,
                id=notice_id,
                title=ctx.plain(notice["title"]),
                paragraphs=self.data.paragraphs(notice_id, ctx.lang),
                sources=notice["sources"],
            )
        )

    def notices_for(self, ctx, text: str) -> list[Markup]:
        """The warnings a generated page whose words are ``text`` must show (the rule of every page:
        a page that mentions screenshots shows the minors' warning)."""
        return [self.notice(ctx, notice_id) for notice_id in self.data.required(text, ctx.lang)]

    def check_page(self, markdown, blocks, lang, shown_as) -> None:
        self.data.check_page(markdown, blocks, lang, shown_as)
