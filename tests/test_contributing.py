"""The contributor path: a new entry from scripts/new-entry is valid and builds, the examples are
up to date, the GitHub workflow passes actionlint and calls make targets that exist, and the
pre-commit schema checks accept the real data."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import mkdocs_settings
import pytest
import yaml
from helpers import ROOT, copy_project, run_build

from visavis import catalog, scaffold

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def run(project: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True)


@pytest.mark.parametrize("kind", sorted(catalog.KINDS))
def test_a_new_entry_passes_the_check_and_builds_and_its_id_cannot_be_taken_twice(tmp_path, kind):
    project = copy_project(tmp_path / "project")
    created = run(project, "scripts/new-entry", kind, "new-test-entry")
    assert created.returncode == 0, created.stderr
    path = project / "directory" / catalog.KINDS[kind] / "new-test-entry.yml"
    assert path.exists()
    checked = run(project, "scripts/check")
    assert checked.returncode == 0, checked.stderr
    assert "field 'source': this field still has to be filled in." in checked.stdout  # marked to fill in
    again = run(project, "scripts/new-entry", kind, "new-test-entry")
    assert again.returncode == 1
    assert "There is already an entry with the id 'new-test-entry'" in again.stderr
    if kind == "organisation":  # one full build is enough to prove it
        built = run_build(project)
        assert built.returncode == 0, built.stderr
        assert (project / "site/directory/organisations/new-test-entry/index.html").exists()


def test_a_bad_id_is_refused_with_an_example(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run(project, "scripts/new-entry", "organisation", "Child Focus")
    assert result.returncode == 2 and "such as 'child-focus'" in result.stderr


def test_the_example_of_each_kind_is_up_to_date_and_valid(tmp_path):
    site = mkdocs_settings.read(ROOT)
    for kind in catalog.KINDS:
        example = ROOT / "directory/examples" / f"{kind}.yml"
        expected = scaffold.skeleton(site.directory / "schemas", kind, f"example-{kind}", "2026-01-31", site.languages)
        assert example.read_text(encoding="utf-8") == expected, f"run scripts/new-entry --examples ({kind})"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_the_workflow_passes_actionlint(workflow):
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    result = subprocess.run([actionlint, str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          fetch-deph: 0\n"
    )
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert subprocess.run([actionlint, str(broken)], capture_output=True).returncode != 0


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_the_make_targets_the_workflow_calls_exist(workflow):
    targets = set(re.findall(r"run:\s*make (\w+)", workflow.read_text(encoding="utf-8")))
    assert {"ci", "build"} <= targets  # make ci runs the content check and make test
    for target in targets:
        result = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, f"make {target}: {result.stderr}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make serve" in readme


def test_the_pre_commit_schema_checks_accept_the_real_data():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "check-jsonschema"]
    assert len(hooks) >= 3
    for hook in hooks:
        files = [
            p for p in ROOT.glob("directory/**/*.y*ml") if re.search(hook["files"], p.relative_to(ROOT).as_posix())
        ]
        assert files, hook["name"]
        result = subprocess.run(
            [str(Path(sys.executable).parent / "check-jsonschema"), *hook["args"], *map(str, files)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_contributing_guides_exist_in_both_languages_and_are_linked():
    fr, nl = ROOT / "CONTRIBUTING.md", ROOT / "CONTRIBUTING.nl.md"
    assert "CONTRIBUTING.nl.md" in fr.read_text(encoding="utf-8")
    assert "CONTRIBUTING.md" in nl.read_text(encoding="utf-8")
    assert "CONTRIBUTING.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (fr.read_text(encoding="utf-8"), nl.read_text(encoding="utf-8")):
        assert "scripts/new-entry" in text and "make serve" in text and "verified_on" in text
