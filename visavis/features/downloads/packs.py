"""Material for classrooms without internet and for paper: an offline pack (a zip of the site that
works opened from the file system) and a PDF of the whole guide, per language.

The PDF is printed by headless Chromium (through Playwright) from one page that gathers the
chapters of the built site, with a cover, a table of contents and page numbers.
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
import tempfile
import zipfile
from pathlib import Path

from ... import security
from ...settings import SiteConfig

DOWNLOADS = "downloads"
OPEN_FILE = {"fr": "OUVRIR.html", "nl": "OPENEN.html"}  # what the teachers' page tells to open


def zip_name(lang: str) -> str:
    return f"vis-a-vis-offline-{lang}.zip"


def pdf_name(lang: str) -> str:
    return f"vis-a-vis-guide-{lang}.pdf"


# Offline pack ----------------------------------------------------------------------------------


def offline_zip(site: SiteConfig, offline_dir: Path, lang: str, out: Path, labels: dict) -> None:
    """The whole offline site in a folder, plus a start file that opens it in ``lang``."""
    folder = f"vis-a-vis-{lang}"
    start = site.prefix(lang) + "index.html"
    opener = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{security.csp(set())}"><title>Vis-à-Vis</title>'
        f'<meta http-equiv="refresh" content="0; url={start}"></head>'
        f'<p><a href="{start}">{html.escape(labels["offline_open"])}</a></p></html>'
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as pack:
        pack.writestr(f"{folder}/{OPEN_FILE.get(lang, 'OPEN.html')}", opener)
        for path in sorted(offline_dir.rglob("*")):
            relative = path.relative_to(offline_dir).as_posix()
            if path.is_file() and not relative.startswith((DOWNLOADS + "/", "_headers")):
                pack.write(path, f"{folder}/{relative}")


# PDF of the guide ------------------------------------------------------------------------------


def guide_pdf(
    chapters: list[tuple[str, str]], stylesheets: list[str], site_dir: Path, lang: str, out: Path, labels: dict, browser
) -> int:
    """Print the guide of ``lang`` to ``out``: ``chapters`` are (title, HTML of the chapter) in
    reading order and ``stylesheets`` the site-relative styles to print them with, both read from
    the built site by the adapter (it knows the theme's markup). Returns the number of pages."""
    source = site_dir / f"_print-guide-{lang}.html"  # beside assets/, so the stylesheets resolve
    try:
        numbers = ["" for _ in chapters]
        pdf = _print(browser, source, _document(stylesheets, lang, chapters, numbers, labels), labels)
        numbers = _chapter_pages(pdf, [title for title, _ in chapters])
        pdf = _print(browser, source, _document(stylesheets, lang, chapters, numbers, labels), labels)
    finally:
        source.unlink(missing_ok=True)
    out.write_bytes(pdf)
    return len(_pages_text(pdf))


def _document(stylesheets: list[str], lang: str, chapters, numbers, labels: dict) -> str:
    links = "".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in stylesheets)
    toc = "".join(
        f'<li><span>{html.escape(title)}</span><span class="page">{number}</span></li>'
        for (title, _), number in zip(chapters, numbers, strict=True)
    )
    body = "".join(f'<section class="chapter">{article}</section>' for _, article in chapters)
    today = dt.date.today().isoformat()
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(labels["pdf_title"])}</title>{links}<style>
@page {{ size: A4; margin: 18mm 16mm 20mm; }}
body {{ font-size: 11pt; }}
.md-typeset {{ font-size: 11pt; }}
.cover {{ height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }}
.cover h1 {{ font-size: 34pt; margin: 0; color: #283593; }}
.cover p {{ font-size: 14pt; }}
.toc {{ break-after: page; }}
.toc ol {{ list-style: none; padding: 0; }}
.toc li {{ display: flex; justify-content: space-between; border-bottom: 1px dotted #999; padding: 3pt 0; }}
.chapter {{ break-before: page; }}
a {{ color: inherit; }}
</style></head><body><div class="md-typeset">
<section class="cover"><h1>Vis-à-Vis</h1><p>{html.escape(labels["pdf_title"])}</p>
<p>{html.escape(labels["pdf_date"])} {today}</p></section>
<nav class="toc"><h2>{html.escape(labels["pdf_toc"])}</h2><ol>{toc}</ol></nav>
{body}</div></body></html>"""


def _print(browser, source: Path, document: str, labels: dict) -> bytes:
    source.write_text(document, encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(source.as_uri())
        footer = (
            '<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
            f'Vis-à-Vis — {html.escape(labels["pdf_title"])} — <span class="pageNumber"></span> / '
            '<span class="totalPages"></span></div>'
        )
        return page.pdf(
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer,
            margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
        )
    finally:
        page.close()


def _pages_text(pdf: bytes) -> list[str]:
    """The text of each page (pdftotext, from poppler-utils)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(pdf)
        tmp.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", tmp.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _chapter_pages(pdf: bytes, titles: list[str]) -> list[str]:
    """The page where each chapter starts: the first page after the contents that opens with its title."""
    pages = _pages_text(pdf)
    numbers, start = [], 2  # page 1 is the cover, page 2 the contents
    for title in titles:
        words = title.split()
        found = next(
            (i for i in range(start, len(pages)) if " ".join(pages[i].split()[: len(words)]) == " ".join(words)), None
        )
        numbers.append(str(found + 1) if found is not None else "")
        start = found + 1 if found is not None else start
    return numbers
