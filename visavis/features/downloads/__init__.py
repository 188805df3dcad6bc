"""Material for classrooms without internet and for paper: the offline pack and the guide's PDF per
language (made by scripts/build after the site, see packs.py), and the links to them
(<!-- directory:downloads -->)."""

from __future__ import annotations

from ... import render
from .. import Feature as _Feature
from . import packs


class Feature(_Feature):
    name = "downloads"

    def blocks(self):
        return {"downloads": self.links}

    def links(self, ctx, _argument=None) -> str:
        files = {
            "zip": f"{packs.DOWNLOADS}/{packs.zip_name(ctx.lang)}",
            "pdf": f"{packs.DOWNLOADS}/{packs.pdf_name(ctx.lang)}",
        }
        return render.render("downloads.html", ctx, files=files, open_file=packs.OPEN_FILE.get(ctx.lang, "OPEN.html"))
