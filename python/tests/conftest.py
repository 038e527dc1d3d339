"""Shared fixtures: the repository, its golden outputs, and running from the repository root
(the golden command lines use paths relative to it)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import ldftoolkit

REPOSITORY = Path(__file__).resolve().parents[2]
GOLDEN = REPOSITORY / "Tests" / "Fixtures" / "cli"
LABCHART = REPOSITORY / "Tests" / "Fixtures" / "labchart" / "Shabina_fingertip.txt"
EXPORT_FIXTURE = "Tests/Fixtures/export/flags.csv"

# The golden files hold every decimal number at 6 significant digits (GoldenFile.normalised in
# Tests/LDFCLITests/GoldenOutputTests.swift); the same rule applied to fresh text.
_NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?|-?\d+[eE][-+]?\d+")


def normalised(text: str) -> str:
    """``text`` as the golden files hold it: the repository folder as ``{root}``, every decimal
    number at 6 significant digits."""
    text = text.replace(str(REPOSITORY), "{root}")
    return _NUMBER.sub(lambda m: "%.6g" % float(m.group(0)), text)


def golden_frame(name: str) -> pd.DataFrame:
    """A golden CSV of Tests/Fixtures/cli read as ldftoolkit reads ldf's CSV."""
    return pd.read_csv(GOLDEN / name, keep_default_na=False, na_values=[""])


@pytest.fixture(scope="session")
def ldf_binary() -> Path:
    """The binary the tests run; a missing one fails each test that needs it with the finder's
    message (never a skip)."""
    return ldftoolkit.find_ldf()


@pytest.fixture
def at_repository_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Runs the test in the repository root, where the golden command lines ran."""
    monkeypatch.chdir(REPOSITORY)
    return REPOSITORY
