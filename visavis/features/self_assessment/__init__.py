"""The guided self-assessment: questions and rules in directory/self-assessment.yml, checked as a
graph and over every possible path; one question per screen in the browser, an action plan at the
end; a complete page without JavaScript; the rules in words for a lawyer's review."""

from __future__ import annotations

from typing import ClassVar

from markupsafe import Markup

from ... import render
from ...catalog import load_file
from ...errors import ContentError
from .. import Feature as _Feature
from . import browser, checks
from .questionnaire import FILE, TYPICAL, Questionnaire, result_label


class Feature(_Feature):
    name = "self-assessment"
    assets = ("self-assessment.js", "self-assessment.css")
    block_assets: ClassVar = {"self-assessment-rules": ("self-assessment.css",)}  # a table: no script
    requires = ("safety",)  # the crisis lines and the warnings in the plan

    def __init__(self, site):
        super().__init__(site)
        doc = load_file(site.catalog.site, FILE, "self-assessment")
        self.questionnaire = Questionnaire(doc, site.catalog)
        safety = site.feature("safety").data
        problems = checks.graph(doc, site.catalog) + checks.references(doc, site.catalog, safety)
        if not problems:  # exploring the states needs a sound graph
            problems = checks.paths(self.questionnaire)
        if problems:
            raise ContentError(problems)

    def blocks(self):
        return {"self-assessment": self.page_block, "self-assessment-rules": self.rules_block}

    def watched(self):
        return [self.site.config.root / "docs" / lang / "guide/law.md" for lang in self.site.languages]

    def page_block(self, ctx, _argument=None) -> str:
        """The questionnaire's data for the script, and a complete page for when it does not run:
        the crisis lines, then for each kind of situation the plan a typical person in it would get."""
        q, site = self.questionnaire, self.site
        directory, safety = site.feature("directory"), site.feature("safety")
        data = browser.browser_data(q, ctx, directory.path_of, safety.data)
        data["caseFile"] = ctx.link("case-file/index.md")
        data["ui"] = {
            k: v
            for k, v in site.catalog.labels_for(ctx.lang, "ui").items()
            if k.startswith("sa_") or k == "categories_origin"
        }
        what = next(x for x in q.data["questions"] if x.get("fact") == "what")
        situations = []
        for answer in what["answers"]:
            plan = q.plan({**TYPICAL, "what": answer["value"]})
            routes = [site.catalog.entries["recourse"][r] for _, r in plan.steps]
            situations.append((answer, result_label(site.catalog, ctx.lang, plan.category), routes))
        payload = render.script_json(data)
        notices = {n["notice"]: safety.notice(ctx, n["notice"]) for n in q.data.get("notes", []) if n.get("notice")}
        return render.render(
            "self_assessment.html",
            ctx,
            payload=payload,
            situations=situations,
            path_of=directory.path_of,
            crisis=Markup(safety.crisis_lines(ctx)),
            notices=notices,
        )

    def rules_block(self, ctx, _argument=None) -> str:
        rows, notes = browser.rules_in_words(self.questionnaire, ctx, self.site.feature("safety").data)
        return render.render("self_assessment_rules.html", ctx, rows=rows, notes=notes)
