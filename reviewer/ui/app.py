"""The composition root of the window: store, schema, session, jobs, window; no widget reaches
a global, and nothing is attached to the window after it is built."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.review import ReviewSession
from ..core.schema import SchemaError, load_schema
from ..paths import user_schema_dir
from ..resources import resource, sample_filings
from ..store import Repository, StoreError, open_store
from .jobs import Jobs
from .main_window import MainWindow


def build_window(store_path: Path, who: str, settings: QSettings | None = None) -> MainWindow:
    """The window on `store_path`, ready to show (tests build it this way too)."""
    settings = settings or QSettings("FilingReviewer", "Reviewer")
    db = open_store(store_path)
    repo = Repository(db)
    who = settings.value("reviewer/name") or who  # Preferences override the OS user name
    session = ReviewSession(repo, load_schema([user_schema_dir()]), who)
    jobs = Jobs(store_path, session.schema, lambda: session.who)
    window = MainWindow(repo, session, jobs, store_path, settings)
    jobs.setParent(window)
    window.setWindowIcon(app_icon())
    return window


def app_icon() -> QIcon:
    """The application icon in every size shipped (resources/icons)."""
    icon = QIcon()
    for png in sorted(resource("icons").glob("filing-reviewer-*.png")):
        icon.addFile(str(png))
    return icon


def resume(window: MainWindow) -> None:
    """Open the filing the analyst left, else the first in the queue."""
    last = window.settings.value("session/document")
    if last is None or not window.queue.select_document(int(last)):
        window.queue.select_row(0)
    window.restore_field()


def run_gui(store_path: Path, paths: list[str], who: str, quit_after_ms: int | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Filing Reviewer")
    app.setOrganizationName("FilingReviewer")
    app.setDesktopFileName("io.github.filingreviewer.FilingReviewer")
    app.setWindowIcon(app_icon())
    try:
        window = build_window(store_path, who)
    except (StoreError, SchemaError) as exc:
        QMessageBox.critical(None, "Filing Reviewer", f"Cannot open the store:\n{exc}")
        print(f"reviewer: {exc}", file=sys.stderr)
        return 1
    window.show()
    resume(window)
    if quit_after_ms is not None:  # smoke test and cold-start benchmark: say when shown, then quit
        app.processEvents()
        print(f"window shown: {window.queue.model.rowCount()} filings in the queue", flush=True)
        QTimer.singleShot(quit_after_ms, app.quit)
    if paths:
        window.start_import(paths)
    else:
        offer_samples(window)
    return app.exec()


def first_run(window: MainWindow) -> bool:
    """An empty store opened by someone who has never imported: show them the samples."""
    return (window.repo.progress()["documents"] == 0
            and not window.settings.value("session/samples_offered"))


def offer_samples(window: MainWindow) -> bool:
    """Import the bundled sample filings once, so a new user sees a real filing at once."""
    if not first_run(window):
        return False
    window.settings.setValue("session/samples_offered", True)
    return window.start_import([str(p) for p in sample_filings()])
