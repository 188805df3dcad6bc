"""The test run itself: a check that does not run makes the run fail, and CI runs one recipe."""

from __future__ import annotations

import shutil
import subprocess
import sys

from helpers import ROOT


def test_a_skipped_test_makes_the_run_fail(tmp_path):
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_sample.py").write_text(
        "import pytest\n\ndef test_runs():\n    assert True\n\n"
        "@pytest.mark.skip(reason='not today')\ndef test_skipped():\n    assert False\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout
    assert "did not run" in result.stdout


def test_ci_and_the_github_workflow_call_the_same_recipe():
    recipe = "make ci"
    assert recipe in (ROOT / ".ci/run").read_text(encoding="utf-8")
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    assert f"run: {recipe}" in workflow
    assert "make test" not in workflow.replace("make test-", "")  # no second recipe beside it
