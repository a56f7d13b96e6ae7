"""The window tests' set-up: a store with the sample filings, settings of their own, the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui import SAMPLES, open_window
from PySide6.QtCore import QSettings

from reviewer.pipeline.importer import import_paths
from reviewer.store import Repository, open_store


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def seeded_store(tmp_path: Path) -> Path:
    path = tmp_path / "gui.db"
    db = open_store(path)
    import_paths(Repository(db), [SAMPLES], "importer", workers=0)  # set-up: in process
    db.conn.close()
    return path


@pytest.fixture
def window(qtbot, seeded_store: Path, settings: QSettings):
    return open_window(qtbot, seeded_store, settings)
