"""Shared fixtures: the corpus beside the checkout, temporary stores, the sample filings.

Tiers: tests/core, tests/store, tests/pipeline and tests/ui mirror the package; tests/corpus
reads ../shared/corpus. A test that uses the `corpus` fixture is marked `corpus` wherever it
lives; `make test-fast` runs everything but the `corpus` and `slow` marks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("REVIEWER_USER", "tester")
# Off a terminal `reviewer import` prints a progress line every 5 s: none among the failure lines
# a slow test reads (tests/pipeline/test_progress_off_terminal.py sets its own).
os.environ.setdefault("REVIEWER_PROGRESS_SECONDS", "3600")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
HELPERS = Path(__file__).resolve().parent / "helpers"
sys.path.insert(0, str(HELPERS))  # pdfgen, golden, crashy: importable by name from any tier


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "corpus" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "raw").is_dir():
        pytest.skip(f"the corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def samples() -> Path:
    """The sample filings shipped with the application (the three seeds)."""
    return ROOT / "resources" / "samples"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "reviews.db"


@pytest.fixture
def repo(store_path: Path):
    from reviewer.store import Repository, open_store

    db = open_store(store_path)
    yield Repository(db)
    db.conn.close()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("REVIEWER_DB", raising=False)
