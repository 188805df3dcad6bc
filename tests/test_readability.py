"""scripts/readability: the plain-language pages (home, right now, reacting, witnesses) meet the B1
threshold in both languages, a page of long sentences is caught, and only the text a reader reads
is scored."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, copy_project


def run_readability(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/readability", *args], cwd=project, capture_output=True, text=True)


def load_script():
    loader = importlib.machinery.SourceFileLoader("readability", str(ROOT / "scripts/readability"))
    spec = importlib.util.spec_from_loader("readability", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_the_plain_language_pages_meet_the_b1_threshold():
    result = run_readability(ROOT, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Every plain-language page meets the B1 threshold." in result.stdout


def test_a_page_rewritten_in_long_sentences_is_reported_below_the_threshold(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/fr/guide/witnesses.md"
    front, body = re.match(r"(?s)(---\n.*?\n---\n)(.*)", page.read_text(encoding="utf-8")).groups()
    # The same words, but every paragraph and list glued into one sentence: no full stop, no bullet.
    body = re.sub(r"(?m)^\s*(?:[-*]|\d+\.)\s+", "", body)
    body = re.sub(r"(?<=\S)\n\n(?=[^#\n])", "\n", body)
    body = re.sub(r"[.!?;:](?=\s|$)", ",", body)
    body = re.sub(r"(?m),\s*$", ",", body)
    page.write_text(front + body, encoding="utf-8")

    result = run_readability(project, "--check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"docs/fr/guide/witnesses\.md: reading ease \d+\.\d is below 60", result.stderr), result.stderr
    assert "Some plain-language pages miss the B1 threshold." in result.stdout
    # Without --check the script only reports.
    assert run_readability(project).returncode == 0


def test_only_the_text_a_reader_reads_is_scored():
    script = load_script()
    text = script.readable_text(
        "---\ntitle: Essai\n---\n\n# Titre de la page { #titre }\n\n<!-- directory:crisis-lines -->\n\n"
        "Voyez [la page d'aide](https://example.org/une/adresse/tres/longue) [3] et unia.be.[^note]\n\n"
        "- premier point ;\n- second point\n\n```\ncode ignoré\n```\n\n"
        "## Sources\n\n1. Une source, [https://example.org](https://example.org).\n\n"
        "## Et maintenant ?\n\n[^note]: Une note de bas de page.\n    Sa suite.\n"
    )
    assert text.split("\n") == [
        "Titre de la page.",
        "Voyez la page d'aide et uniabe.",
        "premier point.",
        "second point.",
        "Et maintenant ?",
    ]
