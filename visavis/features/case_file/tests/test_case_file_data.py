"""The case file's data and its Python core: letters and steps checked with the usual file / line /
field messages, letters filled with blanks, and dossiers written and read back (the monitor writes
them with the same code)."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import zipfile

import pytest
from helpers import copy_project, load_site

from visavis import dossier as dossier_mod
from visavis import letters
from visavis.errors import ContentError


def problems_of(project):
    with pytest.raises(ContentError) as err:
        load_site(project)
    return [str(p) for p in err.value.problems]


def test_every_letter_loads_in_every_language_with_known_placeholders_and_routes():
    site = load_site()
    found = site.feature("case-file").data.letters
    assert len(found) >= 7
    for letter in found.values():
        for lang in site.languages:
            assert letter.text("body", lang) and letter.text("subject", lang)
        assert letter.data["legal_basis"]
        assert letter.data["route"] in site.catalog.entries["recourse"]


def test_an_unknown_placeholder_is_named_with_its_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "directory/letters/dsa-notice.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    body = next(i for i, x in enumerate(lines) if x.startswith("body:"))
    fr = next(i for i in range(body, len(lines)) if lines[i].strip().startswith("fr:"))
    lines[fr + 1] += " {link}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems_of(project)
    assert f"directory/letters/dsa-notice.yml:{fr + 1}: field 'body.fr': unknown placeholder '{{link}}'." in "\n".join(
        found
    ), found


def test_a_letter_for_a_route_that_does_not_exist_is_refused(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "directory/letters/report-unia.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("route: report-to-unia", "route: report-to-unai"), encoding="utf-8"
    )
    found = problems_of(project)
    assert any("report-unia.yml" in p and "report-to-unai" in p for p in found), found


def test_a_step_that_leads_nowhere_is_named_with_its_line(tmp_path):
    project = copy_project(tmp_path / "p")
    steps = project / "directory/case-file.yml"
    text = steps.read_text(encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "if_refused: out-of-court" in x)
    steps.write_text(text.replace("if_refused: out-of-court", "if_refused: out-of-cour"), encoding="utf-8")
    found = problems_of(project)
    assert any(f"directory/case-file.yml:{line}" in p and "out-of-cour" in p for p in found), found


def test_a_letter_missing_its_dutch_text_is_refused(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "directory/letters/gdpr-erasure.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith("purpose:"))
    nl = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("nl:"))
    del lines[nl]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert any("gdpr-erasure.yml" in p and "purpose" in p and "'nl'" in p for p in problems_of(project))


def test_fill_leaves_a_visible_blank_for_what_is_missing():
    letter = letters.Letter(
        "x", {"subject": {"fr": "Signalement {url}"}, "body": {"fr": "Je suis {name}.\n\nVu le {seen_at}."}}, ""
    )
    text = letters.fill(letter, "fr", {"url": "https://example.org/a", "name": " "})
    assert text == "Signalement https://example.org/a\n\nJe suis [name].\n\nVu le [seen_at].\n"


def dossier_with(files: dict[str, bytes]) -> dict:
    return {
        "format": "vis-a-vis-dossier",
        "version": 1,
        "created": "2026-12-02T10:00:00+01:00",
        "language": "fr",
        "items": [
            {
                "id": "item-1",
                "platform": "x",
                "platform_name": "X",
                "url": "https://x.com/a/status/1",
                "account": "@a",
                "seen_at": "2026-12-01T21:14:00+01:00",
                "description": "<script>alert(1)</script>",
                "files": [
                    {
                        "path": path,
                        "name": path.rsplit("/", 1)[1],
                        "type": "image/png",
                        "size": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "added_at": "2026-12-02T09:00:00+01:00",
                    }
                    for path, data in files.items()
                ],
            }
        ],
        "steps": [],
    }


def test_a_dossier_written_in_python_verifies_with_sha256sum_and_reads_back(tmp_path):
    files = {"files/item-1/1-a.png": b"\x89PNG one", "files/item-1/2-b.png": b"\x89PNG two"}
    labels = load_site().catalog.labels_for("fr", "ui")
    target = tmp_path / "d.zip"
    dossier_mod.write_dossier(target, dossier_with(files), files, labels)
    zipfile.ZipFile(target).extractall(tmp_path / "u")
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path / "u", capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout.count(": OK") == 4, check.stdout + check.stderr
    summary = (tmp_path / "u/summary.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in summary and "<script>" not in summary  # data is escaped
    read, read_files = dossier_mod.read_dossier(target)
    assert read == dossier_with(files) and read_files == files


def test_the_reader_refuses_an_altered_file_a_missing_file_and_an_unsafe_path(tmp_path):
    files = {"files/item-1/1-a.png": b"one"}
    labels = load_site().catalog.labels_for("fr", "ui")
    good = tmp_path / "d.zip"
    dossier_mod.write_dossier(good, dossier_with(files), files, labels)
    members = {n: zipfile.ZipFile(good).read(n) for n in zipfile.ZipFile(good).namelist()}

    def zipped(changes: dict) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            for name, data in {**members, **changes}.items():
                if data is not None:
                    z.writestr(name, data)
        return buffer.getvalue()

    with pytest.raises(dossier_mod.DossierError, match=r"item-1: the file '1-a.png' .* altered"):
        dossier_mod.read_dossier(zipped({"files/item-1/1-a.png": b"two"}))
    with pytest.raises(dossier_mod.DossierError, match=r"item-1: .* missing"):
        dossier_mod.read_dossier(zipped({"files/item-1/1-a.png": None}))
    with pytest.raises(dossier_mod.DossierError, match="unsafe path"):
        dossier_mod.read_dossier(zipped({"../evil.sh": b"x"}))
    bad_version = json.loads(members["dossier.json"]) | {"version": 2}
    with pytest.raises(dossier_mod.DossierError, match="version"):
        dossier_mod.read_dossier(zipped({"dossier.json": json.dumps(bad_version).encode()}))
    with pytest.raises(dossier_mod.DossierError, match="cannot be read"):
        dossier_mod.read_dossier(b"not a zip")


def test_write_refuses_files_that_do_not_match_the_dossier(tmp_path):
    files = {"files/item-1/1-a.png": b"one"}
    with pytest.raises(dossier_mod.DossierError, match="item-1"):
        dossier_mod.write_dossier(tmp_path / "d.zip", dossier_with(files), {"files/item-1/1-a.png": b"two"}, {})
    assert not (tmp_path / "d.zip").exists()


def test_an_address_is_recognised_as_its_platform_from_the_directory():
    from helpers import ROOT

    from visavis.monitor.decide import platform_of
    from visavis.platforms import platform_for

    platforms = [e.data for e in load_site().catalog.of("platform")]
    expected = {
        "https://m.facebook.com/story.php?id=1": "facebook",
        "https://youtu.be/abc": "youtube",
        "https://twitter.com/someone/status/1": "x",
        "https://t.me/somechannel/12": "telegram",
        "https://www.tiktok.com/@a/video/1": "tiktok",
        "https://notfacebook.com/x": None,
        "https://forum.example.org/t/1": None,
        "not an address": None,
    }
    assert {url: (platform_for(url, platforms) or {}).get("id") for url in expected} == expected
    assert platform_of(ROOT, "https://www.youtube.com/watch?v=1", "nl") == ("youtube", "YouTube")
    assert platform_of(ROOT, "https://forum.example.org/t/1", "fr") == (None, "forum.example.org")
