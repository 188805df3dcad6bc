"""The contributor guide of the repository (CONTRIBUTING.md, CONTRIBUTING.<lang>.md) shown on the
site as well (<!-- directory:contributing -->): one text, two places."""

from __future__ import annotations

import re

from ...errors import ContentError, Problem
from .. import Feature as _Feature


class Feature(_Feature):
    name = "contributing"

    def blocks(self):
        return {"contributing": self.guide}

    def watched(self):
        return sorted(self.site.config.root.glob("CONTRIBUTING*.md"))

    def guide(self, ctx, _argument=None) -> str:
        """The guide in the page's language (else French); links to repository files become plain text."""
        root = self.site.config.root
        names = [f"CONTRIBUTING.{ctx.lang}.md", "CONTRIBUTING.md"]
        found = next((root / n for n in names if (root / n).exists()), None)
        if found is None:
            raise ContentError(
                [
                    Problem(
                        "CONTRIBUTING.md",
                        None,
                        "",
                        "the contributor guide is missing.",
                        "restore CONTRIBUTING.md at the root of the repository",
                    )
                ]
            )
        lines = [line for line in found.read_text(encoding="utf-8").splitlines() if "CONTRIBUTING" not in line]
        body = re.sub(r"(?m)^# .*\n", "", "\n".join(lines), count=1)  # the page has its own title
        return re.sub(r"\[([^\]]+)\]\((?!https?://|#|mailto:)[^)]+\)", r"\1", body)
