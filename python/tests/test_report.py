"""`ldf-report`: self-contained pages, atomic writes, the command line's errors, and a page per bundled
recording and a real LabChart export."""

from __future__ import annotations

import re

import pytest

from _plot_data import LABCHART, SAMPLES, golden_study
from ldftoolkit import report

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?!#|data:)|@import|url\((?!#|data:)|<script""", re.IGNORECASE)
"""Anything a page could fetch: a source or link that is not an in-page anchor or data URI, or a script."""

RECORDINGS = sorted(SAMPLES.glob("*.csv")) + [LABCHART / "ShabinaBP.txt"]


def test_study_page_is_self_contained_with_its_sections(tmp_path):
    page = report.study_page(golden_study(tmp_path / "study"))
    text = page.html()
    headings = re.findall(r"<h2>([^<]+)</h2>", text)
    assert headings[:2] == ["Cohort", "Band values by group"]
    assert {"Paired conditions", "Comparisons", "Warnings and errors", "Provenance"} <= set(headings)
    assert text.count("<svg") >= 2 and not EXTERNAL.search(text)
    assert "NO-independent" in text and "endothelial_no_independent band" not in text
    assert page.errors == []


def test_study_command_writes_the_page_atomically(tmp_path, capsys):
    folder = golden_study(tmp_path / "study")
    assert report.main(["study", str(folder)]) == 0
    written = folder / "report.html"
    assert capsys.readouterr().out.strip() == str(written)
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no temporary file is left"


def test_write_atomically_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "deep" / "page.html"
    report.write_atomically(target, "one")
    report.write_atomically(target, "two")
    assert target.read_text() == "two" and [p.name for p in target.parent.iterdir()] == ["page.html"]


def test_an_empty_folder_is_an_error_naming_it(tmp_path, capsys):
    assert report.main(["study", str(tmp_path)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: ") and str(tmp_path) in error and "ldf study run" in error


def test_an_invalid_option_exits_64_with_one_error_line_and_the_usage(capsys):
    with pytest.raises(SystemExit) as stop:
        report.main(["recording", "x.csv", "--porh", "sometimes"])
    assert stop.value.code == report.USAGE_STATUS
    err = capsys.readouterr().err
    assert err.startswith("usage: ldf-report recording") and err.strip().splitlines()[-1].startswith("error: argument --porh")


def test_a_missing_file_makes_a_page_with_the_error_and_exit_1(tmp_path, capsys):
    assert report.main(["recording", str(tmp_path / "absent.csv"), "--out", str(tmp_path)]) == 1
    assert "absent.csv" in capsys.readouterr().err
    assert 'class="error">info:' in (tmp_path / "absent.html").read_text()


@pytest.mark.parametrize("path", RECORDINGS, ids=lambda p: p.name)
def test_every_bundled_recording_gets_a_full_page(path):
    page = report.recording_page(path)
    text = page.html()
    assert page.errors == [], page.errors
    headings = re.findall(r"<h2>([^<]+)</h2>", text)
    assert headings[:4] == ["Recording", "Trace", "Spectrum and bands", "Post-occlusive reactive hyperaemia"] \
        or headings[:3] == ["Recording", "Trace", "Spectrum and bands"], headings
    assert text.count("<svg") >= 3 and not EXTERNAL.search(text)
    version = page.provenance["toolkit"]["version"]
    assert f"Made by ldf-toolkit {version}" in text, "the provenance names the toolkit version"
    if "porh" in path.name:
        assert "Post-occlusive reactive hyperaemia" in headings and "Rest flux" in text
