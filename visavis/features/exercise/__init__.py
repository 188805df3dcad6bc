"""The classroom classification exercise (<!-- directory:exercise -->): messages to place in the
three categories, with feedback and a score in the browser, and the answers without JavaScript."""

from __future__ import annotations

from ... import render
from .. import Feature as _Feature
from .exercise import load_exercise


class Feature(_Feature):
    name = "exercise"
    assets = ("exercise.js", "exercise.css")

    def __init__(self, site):
        super().__init__(site)
        self.messages = load_exercise(site.catalog)

    def blocks(self):
        return {"exercise": self.page_block}

    def page_block(self, ctx, _argument=None) -> str:
        return render.render("exercise.html", ctx, messages=self.messages)
