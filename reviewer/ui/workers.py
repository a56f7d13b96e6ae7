"""Slow work off the GUI thread: an import job with progress and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ..importer import ImportReport, import_paths
from ..store import Repository, open_store


class ImportJob(QObject):
    """Imports paths into the store on its own thread and connection; reports as it goes."""

    progress = Signal(int, int, str)  # done, total, path
    imported = Signal(int)  # a new document id, as soon as it is stored
    finished = Signal(object)  # the ImportReport

    def __init__(self, store_path: Path, paths: list[str], who: str, workers: int | None = None):
        super().__init__()
        self.store_path = store_path
        self.paths = paths
        self.who = who
        self.workers = workers
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        report = ImportReport()
        try:
            db = open_store(self.store_path)
            try:
                report = import_paths(
                    Repository(db), self.paths, self.who,
                    progress=lambda d, t, p: self.progress.emit(d, t, p),
                    cancelled=self._cancel.is_set,
                    on_imported=self.imported.emit,
                    workers=self.workers,
                )
            finally:
                db.conn.close()
        except Exception as exc:  # noqa: BLE001 - reported in the window, never lost
            from ..importer import Failure

            report.failures.append(Failure(str(self.store_path), f"{type(exc).__name__}: {exc}"))
        self.finished.emit(report)


class ReextractJob(QObject):
    """Re-runs extraction over the whole store on its own thread and connection."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # the ReextractReport

    def __init__(self, store_path: Path, who: str, workers: int | None = None):
        super().__init__()
        self.store_path, self.who, self.workers = store_path, who, workers
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from ..reextract import ReextractReport, reextract_all

        report = ReextractReport()
        try:
            db = open_store(self.store_path)
            try:
                report = reextract_all(Repository(db), self.who, workers=self.workers,
                                       progress=lambda d, t: self.progress.emit(d, t, "re-extracting"),
                                       cancelled=self._cancel.is_set)
            finally:
                db.conn.close()
        except Exception as exc:  # noqa: BLE001 - reported in the window, never lost
            report.failures.append((0, f"{type(exc).__name__}: {exc}"))
        self.finished.emit(report)


def start_job(job: QObject) -> QThread:
    """Run `job` on a new thread that ends (and is deleted) when the job finishes."""
    thread = QThread()
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.finished.connect(thread.quit)
    thread.start()
    return thread
