"""The content checks: each typical contributor mistake gives one plain message naming the file,
the field and the line, with a hint where the fix is obvious.

The table of mistakes is tests/fixtures/invalid/<kind>/<case>.yml, one mistake per file; the first
lines of each say why it is wrong and the exact message and hint it must produce
(reason / field / line / message / hint).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import mkdocs_settings
import pytest

from visavis import catalog
from visavis.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CASES = sorted((FIXTURES / "invalid").glob("*/*.yml"))


def make_project(tmp_path: Path) -> Path:
    """A minimal project: the real configuration, schemas and labels, and one valid organisation."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "directory" / "schemas", tmp_path / "directory" / "schemas")
    shutil.copytree(ROOT / "directory" / "labels", tmp_path / "directory" / "labels")
    for folder in catalog.KINDS.values():
        (tmp_path / "directory" / folder).mkdir(parents=True)
    shutil.copy(FIXTURES / "valid" / "tele-accueil.yml", tmp_path / "directory" / "organisations")
    return tmp_path


def problems_for(project: Path) -> list:
    try:
        catalog.load(mkdocs_settings.read(project))
    except ContentError as err:
        return err.problems
    return []


def expectations(case: Path) -> dict:
    """The '# key: value' lines at the top of a fixture."""
    found = {}
    for line in case.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith("# "):
            break
        key, _, value = line[2:].partition(": ")
        found[key] = value
    return found


def test_the_valid_example_has_no_problem(tmp_path):
    assert problems_for(make_project(tmp_path)) == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_mistake_is_reported_with_file_field_and_line(tmp_path, case):
    want = expectations(case)
    project = make_project(tmp_path)
    kind_folder = catalog.KINDS[case.parent.name]
    shown = f"directory/{kind_folder}/{case.name}"
    shutil.copy(case, project / shown)
    problems = problems_for(project)
    matching = [p for p in problems if p.file == shown and p.field == want["field"]]
    assert matching, f"no problem on field '{want['field']}' of {shown}; got:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    assert problem.message == want["message"], str(problem)
    assert problem.hint == want.get("hint", ""), str(problem)
    assert problem.line == int(want["line"]), str(problem)


def test_the_table_has_at_least_twenty_distinct_mistakes():
    assert len({expectations(case)["reason"] for case in CASES}) >= 20


def test_every_problem_is_listed_at_once_not_only_the_first(tmp_path):
    project = make_project(tmp_path)
    text = (FIXTURES / "valid" / "tele-accueil.yml").read_text(encoding="utf-8")
    text = text.replace("id: tele-accueil", "id: three-mistakes").replace("kind: helpline", "kind: helpine")
    text = text.replace('value: "107"', 'value: "02 212 30 00"').replace("website: https", "website: http")
    (project / "directory/organisations/three-mistakes.yml").write_text(text, encoding="utf-8")
    fields = {p.field for p in problems_for(project)}
    assert {"kind", "contacts[0].value", "website"} <= fields


def test_two_files_with_the_same_id_are_reported(tmp_path):
    project = make_project(tmp_path)
    shutil.copy(FIXTURES / "valid" / "tele-accueil.yml", project / "directory/organisations/tele-accueil.yaml")
    problems = problems_for(project)
    assert any(
        p.field == "id" and "is already used by directory/organisations/tele-accueil." in p.message for p in problems
    ), problems


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    project = make_project(tmp_path)
    (project / "directory/organisations/latin1.yml").write_bytes("name: Télé".encode("latin-1"))
    problems = problems_for(project)
    assert any(p.file == "directory/organisations/latin1.yml" and "not UTF-8" in p.message for p in problems)


def test_a_missing_vocabulary_label_is_reported(tmp_path):
    project = make_project(tmp_path)
    labels = project / "directory/labels/nl.yml"
    labels.write_text(labels.read_text(encoding="utf-8").replace("  lgbtqi: LGBTQI+-personen\n", ""), encoding="utf-8")
    problems = problems_for(project)
    assert any(p.file == "directory/labels/nl.yml" and p.field == "audience.lgbtqi" for p in problems), problems


def test_scripts_check_prints_the_problems_and_fails(tmp_path):
    project = make_project(tmp_path)
    shutil.copytree(ROOT / "visavis", project / "visavis")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copytree(ROOT / "hooks", project / "hooks")
    shutil.copy(FIXTURES / "invalid/organisation/bad-phone.yml", project / "directory/organisations")
    result = subprocess.run([sys.executable, "scripts/check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    line = expectations(FIXTURES / "invalid/organisation/bad-phone.yml")["line"]
    assert f"directory/organisations/bad-phone.yml:{line}: field 'contacts[0].value'" in result.stderr


def test_the_real_content_passes_the_check():
    result = subprocess.run([sys.executable, "scripts/check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content OK")


# One verdict everywhere: the build's schema check and the editors' / pre-commit's check-jsonschema
# (ECMA-262 regular expressions) accept and refuse the same values.
PATTERN_CASES = [
    "bad-phone",
    "bad-email",
    "http-url",
    "javascript-url",
    "data-url",
    "email-with-name",
    "value-ending-with-newline",
    "unknown-region",
]


@pytest.mark.parametrize("case", PATTERN_CASES)
def test_the_build_and_the_pre_commit_schema_check_give_the_same_verdict(case):
    from visavis import schema, yamlfile

    fixture = FIXTURES / "invalid/organisation" / f"{case}.yml"
    doc, problems = yamlfile.load(fixture, fixture.name)
    assert doc is not None and not problems
    ours = schema.check(doc, schema.validator(ROOT / "directory/schemas", "organisation"))
    theirs = _check_jsonschema(fixture)
    assert bool(ours) == (theirs.returncode == 1) == True, (ours, theirs.stdout)  # noqa: E712  both refuse


def test_the_valid_example_passes_both_checks():
    from visavis import schema, yamlfile

    fixture = FIXTURES / "valid/tele-accueil.yml"
    doc, _ = yamlfile.load(fixture, fixture.name)
    assert schema.check(doc, schema.validator(ROOT / "directory/schemas", "organisation")) == []
    theirs = _check_jsonschema(fixture)
    assert theirs.returncode == 0, theirs.stdout


def _check_jsonschema(fixture: Path) -> subprocess.CompletedProcess:
    """The editors' and pre-commit's check of an organisation file."""
    schema_file = ROOT / "directory/schemas/organisation.schema.json"
    command = [str(Path(sys.executable).parent / "check-jsonschema"), "--schemafile", str(schema_file), str(fixture)]
    return subprocess.run(command, capture_output=True, text=True)


def test_a_file_over_the_size_limit_is_refused_with_a_message(tmp_path):
    from visavis import yamlfile

    big = tmp_path / "pasted.yml"
    big.write_text("id: pasted\ndescription:\n  fr: " + "x" * (yamlfile.MAX_BYTES + 10) + "\n", encoding="utf-8")
    doc, problems = yamlfile.load(big, "directory/organisations/pasted.yml")
    assert doc is None and "a data file may be at most" in problems[0].message
    assert problems[0].file == "directory/organisations/pasted.yml"


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path):
    from visavis import yamlfile

    path = tmp_path / "bom.yml"
    path.write_bytes("\ufeffid: bom\n".encode())
    doc, problems = yamlfile.load(path, "bom.yml")
    assert problems == [] and doc.data == {"id": "bom"}


# The interface words are checked like the data -------------------------------------------------

LABEL_MISTAKES = {
    "http quick exit": (
        "nl",
        lambda t: t.replace("quick_exit_url: https://", "quick_exit_url: http://"),
        "ui.quick_exit_url",
        "expected a full web address starting with 'https://'",
    ),
    "script in a label": (
        "fr",
        lambda t: t.replace(
            "  skip_to_content: Aller au contenu", "  skip_to_content: Aller au contenu<script>alert(1)</script>"
        ),
        "ui.skip_to_content",
        "expected plain text, without HTML",
    ),
    "missing in Dutch": (
        "nl",
        lambda t: t.replace("  sa_back:", "  sa_bakc:"),
        "ui.sa_back",
        "this interface text is missing.",
    ),
    "unknown key": (
        "nl",
        lambda t: t.replace("  sa_back:", "  sa_bakc:"),
        "ui.sa_bakc",
        "'sa_bakc' is not an interface text of the site.",
    ),
    "label of an unknown value": (
        "fr",
        lambda t: t.replace("  brussels: Bruxelles", "  brussels: Bruxelles\n  antwerp: Anvers"),
        "region",
        "received 'antwerp'; expected one of: belgium",
    ),
    "key written twice": (
        "fr",
        lambda t: t.replace(
            "  skip_to_content: Aller au contenu", "  skip_to_content: Aller au contenu\n  skip_to_content: Contenu"
        ),
        "ui.skip_to_content",
        "is written twice",
    ),
}


@pytest.mark.parametrize("case", sorted(LABEL_MISTAKES))
def test_each_mistake_in_the_interface_words_is_reported(tmp_path, case):
    lang, edit, field, words = LABEL_MISTAKES[case]
    project = make_project(tmp_path)
    path = project / "directory/labels" / f"{lang}.yml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = [p for p in problems_for(project) if p.file == f"directory/labels/{lang}.yml"]
    assert any(p.field == field and words in p.message and p.line for p in problems), "\n".join(map(str, problems))
