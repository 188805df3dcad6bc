"""MkDocs adapter for the Vis-à-Vis core (the whole site, not only the directory): loads and checks
the content once, before anything is written; turns the features' generated pages, blocks, scripts
and styles into MkDocs files for every language; enforces the security policy on every page.

Kept thin on purpose: the logic lives in ``visavis/`` (no MkDocs import there), and what is
specific to the theme lives beside this file (theme_scripts.py, theme_output.py), so moving to
another generator means rewriting hooks/ only.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

HOOKS = Path(__file__).resolve().parent
sys.path.insert(0, str(HOOKS))

import mkdocs_settings  # noqa: E402  (puts the core on the path too)
import theme_scripts  # noqa: E402  (the theme's allowed inline scripts)

from visavis import (  # noqa: E402
    links,
    minify,
    security,
    urls,
)
from visavis import site as site_mod  # noqa: E402
from visavis.errors import ContentError  # noqa: E402
from visavis.features import search as search_feature  # noqa: E402
from visavis.features.search import index as search_index  # noqa: E402

# Loaded in on_config (once per language build: cheap, the core caches it) and used by later events.
_site: site_mod.Site | None = None
_warned: list = []  # stale entries are reported once per build, not once per language
ASSETS = "assets/features"  # where the features' scripts and styles are published

# The i18n plugin runs its events at priority -100; ours declare pages before it
# (so it pairs languages) and fill them after it (when it has chosen the files of the language).
_BEFORE_I18N, _AFTER_I18N = 0, -110


# Events --------------------------------------------------------------------------------------


@event_priority(100)  # before the theme's offline plugin, which would add a shim from a CDN
def on_config(config):
    """Validate everything before MkDocs cleans site/: a data error never leaves a half-written site."""
    global _site
    if _offline(config):
        config.extra["polyfills"] = ["assets/javascripts/vendor/iframe-worker-shim.js"]
    if config.repo_url:
        config.edit_uri = "edit/main/docs/"  # pages live under docs/<language>/ on the main branch
    try:
        _site = site_mod.site(mkdocs_settings.read(mkdocs_settings.ROOT))
    except ContentError as err:
        raise PluginError(err.report()) from None
    if not _warned:
        # Entries not checked for a year are reported on every build, but do not fail it (strict
        # mode counts MkDocs warnings): a stale phone number is still better than no entry.
        for warning in _site.catalog.warnings:
            print(f"WARNING (not fatal) - {warning}", file=sys.stderr)
        _warned.append(True)
    return config


@event_priority(_BEFORE_I18N)
def _declare_pages(files, config):
    """Declare every generated page once per language, so the i18n plugin pairs them like real pages."""
    for lang in _site.languages:
        for path in _site.pages:
            files.append(File(f"{lang}/{path}", config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(_AFTER_I18N)
def _fill_pages(files, config):
    """Give each generated page its content for the language being built."""
    lang = _current_language(config)
    for file in files.documentation_pages():
        path = _unprefixed(file.src_uri, _site.languages)
        if path in _site.pages:
            file.content_string = _site.render_page(path, lang, config.use_directory_urls)
            file.generated_by = "visavis"
    return files


on_files = CombinedEvent(_declare_pages, _fill_pages)


def on_page_markdown(markdown, page, config, files):
    """Fill the blocks of hand-written pages, note which features a page uses (their scripts and
    styles go on it), and say so, in the reader's language, when a page is shown in French for lack
    of a translation."""
    lang = _current_language(config)
    try:
        markdown, used = _site.fill_markers(
            markdown, lang, page.file.src_uri, config.use_directory_urls, hand_written=not page.file.generated_by
        )
    except ContentError as err:
        raise PluginError(err.report()) from None
    path = _unprefixed(page.file.src_uri, _site.languages)
    if path in _site.pages:
        used.add((_site.pages[path].feature.name, None))
    page.meta["vav_features"] = used
    if not page.file.generated_by and getattr(page.file, "locale", lang) != lang:
        markdown = _site.untranslated_notice(markdown, lang)
    return markdown


def on_page_content(html_content, page, config, files):
    """Explain the glossary's abbreviations where they appear (on the HTML: data is never Markdown)."""
    return _site.feature("glossary").mark_abbreviations(html_content, _current_language(config))


def on_page_context(context, page, config, nav):
    """'Edit this page' on a generated page opens the data file it is made from."""
    path = _unprefixed(page.file.src_uri, _site.languages)
    if page.file.generated_by and config.repo_url and path in _site.pages:
        source = _site.source_of(path)
        action = "tree" if source.endswith("/") else "edit"
        page.edit_url = f"{config.repo_url.rstrip('/')}/{action}/main/{source}"
    return context


def on_env(env, config, files):
    """Interface words of the language being built, for the theme overrides (404 page included)."""
    env.globals["vav_ui"] = _site.catalog.labels_for(_current_language(config), "ui")
    env.globals["vav_ui_by_language"] = {lang: _site.catalog.labels_for(lang, "ui") for lang in _site.languages}
    return env


# Material's script fetches "sitemap.xml" next to every <link rel=alternate hreflang> of the page
# head; with per-page alternates that is a 404 on every page. The sitemap already carries the
# hreflang pairs for search engines, and the language switcher keeps its own per-page links.
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')

_script_hashes: set[str] = set()  # every allowed inline script of the site, for the _headers file


def on_post_page(output, page, config):
    head, sep, body = output.partition("</head>")
    output = _HEAD_ALTERNATE.sub("", head) + sep + links.protect_outbound(body)
    output = _search(output, page, config)
    output = _feature_assets(output, page)
    # the theme's search dialog has no accessible name
    output = output.replace(
        'data-md-component="search" role="dialog">',
        f'data-md-component="search" role="dialog" aria-label="{html.escape(_search_label(config))}">',
        1,
    )
    # Only the theme's own inline scripts run: anything else smuggled into a page fails the build.
    hashes, problems = theme_scripts.check(output)
    if problems:
        where = f"the page {page.file.src_uri}" if page else "the 404 page"
        raise PluginError(
            f"{where} holds script that the site does not allow:\n  - "
            + "\n  - ".join(problems)
            + "\n    hint: remove it; scripts go in docs/assets/javascripts/ or a feature's assets/ "
            "(if the theme was updated, see hooks/theme_scripts.py)"
        )
    _script_hashes.update(hashes)
    # every page carries its own policy, the offline pack's too (opened from file://, no server sends headers)
    if _offline(config):
        hashes = hashes | theme_scripts.offline_frame_script(output)
    return security.add_meta_policy(output, hashes)


_not_found_page: list[str] = []


def on_post_template(output, template_name, config):
    """There is one 404 page for the whole site, written by every language build: keep the first
    (default language, bilingual text) instead of letting the last build overwrite it."""
    if template_name != "404.html":
        return output
    if not _not_found_page:
        _not_found_page.append(on_post_page(output, None, config))
    return _not_found_page[0]


@event_priority(-200)  # after the i18n plugin has built every language and written the sitemap
def on_post_build(config):
    """Publish the features' scripts and styles; give each language a copy of the sitemap (Material
    looks for <language>/sitemap.xml to switch languages); write the security headers."""
    site_dir = Path(config.site_dir)
    for feature in _site.features.values():
        for asset in feature.assets:
            target = site_dir / ASSETS / feature.name / asset
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(minify.published(feature.folder / "assets" / asset))
    # the site's own scripts and styles (docs/assets/), published minified too; vendored files as they are
    docs_assets = Path(config.docs_dir) / "assets"
    for source in docs_assets.rglob("*"):
        if source.suffix in (".js", ".css") and "vendor" not in source.relative_to(docs_assets).parts:
            (site_dir / "assets" / source.relative_to(docs_assets)).write_bytes(minify.published(source))
    for lang in _site.languages[1:]:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site_dir / name).exists() and (site_dir / lang).is_dir():
                shutil.copyfile(site_dir / name, site_dir / lang / name)
    for lang, pages in _search_pages.items():
        sections = {sid.split("/")[0]: entry.section for sid, entry in pages.items() if entry.section}
        for sid, entry in pages.items():  # pages out of the menu (directory entries) take their folder's section
            entry.section = entry.section or sections.get(sid.split("/")[0], "")
        target = site_dir / _site.config.prefix(lang) / "search" / search_feature.INDEX_FILE
        target.write_text(_site.feature("search").index_script(lang, dict(pages)), encoding="utf-8")
    if not _offline(config):
        (site_dir / "_headers").write_text(security.netlify_headers(security.headers(_script_hashes)), encoding="utf-8")


# Helpers -------------------------------------------------------------------------------------

_search_pages: dict[str, dict] = {}  # language -> site id -> what the search index holds of the page
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)  # the theme's content


def _search(output: str, page, config) -> str:
    """Note the page's content for the search index of its language, and put the link to the
    search page in the header (where the theme's own search button was)."""
    if page is None:  # the 404 page: served at any depth, so no relative link
        return output
    lang = _current_language(config)
    path = _unprefixed(page.file.src_uri, _site.languages)
    article = _ARTICLE.search(output)
    if article and search_feature.site_id(path) not in search_feature.NOT_INDEXED:
        section = page.parent.title if page.parent else ""
        _search_pages.setdefault(lang, {})[search_feature.site_id(path)] = search_index.entry(
            page.url, article.group(1), section, page.title or ""
        )
    target = _site.config.prefix(lang) + urls.page_url(search_feature.SEARCH_PAGE, config.use_directory_urls)
    header = output.find('<header class="md-header')
    end = output.find("</nav>", header)
    if header < 0 or end < 0:
        return output
    link = _site.feature("search").header_link(lang, get_relative_url(target, page.url))
    return output[:end] + link + output[end:]


def _feature_assets(output: str, page) -> str:
    """The scripts and styles of the features this page uses, and of no other."""
    used = (page.meta.get("vav_features") if page else None) or set()
    styles, scripts = [], []
    for feature, asset in _site.assets(used):
        url = html.escape(get_relative_url(f"{ASSETS}/{feature.name}/{asset}", page.url))
        if asset.endswith(".css"):
            styles.append(f'<link rel="stylesheet" href="{url}">')
        else:
            scripts.append(f'<script src="{url}"></script>')
    if styles:
        output = output.replace("</head>", "".join(styles) + "</head>", 1)
    if scripts:
        output = output.replace("</body>", "".join(scripts) + "</body>", 1)
    return output


def _search_label(config) -> str:
    return _site.catalog.label(_current_language(config), "ui", "search_dialog")


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _current_language(config) -> str:
    return config.plugins["i18n"].current_language


def _unprefixed(src_uri: str, languages) -> str:
    """'nl/directory/x.md' -> 'directory/x.md'"""
    head, _, rest = src_uri.partition("/")
    return rest if head in languages else src_uri
