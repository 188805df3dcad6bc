"""The finder (<!-- directory:finder -->): every organisation, grouped by need so that the page is
complete without JavaScript, with filters (need, region, language, audience, channel, cost) that a
small script applies in the browser; the choices never go into the address or the history."""

from __future__ import annotations

from .. import Feature as _Feature
from . import finder


class Feature(_Feature):
    name = "finder"
    requires = ("directory",)  # the cards of the list
    assets = ("filter.js", "filter.css")

    def blocks(self):
        return {"finder": self.page_block}

    def page_block(self, ctx, _argument=None) -> str:
        return finder.render_finder(self.site.catalog, ctx, self.site.feature("directory").path_of)
