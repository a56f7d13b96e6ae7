"""Slow work off the GUI thread: an import job with progress and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ..importer import Failure, ImportReport, import_paths
from ..reextract import ReextractReport, reextract_all
from ..store import Repository, open_store


class _StoreJob(QObject):
    """A job on its own thread with its own store connection; cancellable; never loses an error."""

    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the job's report

    def __init__(self, store_path: Path, who: str, workers: int | None = None):
        super().__init__()
        self.store_path, self.who, self.workers = store_path, who, workers
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        report = self.empty_report()
        try:
            db = open_store(self.store_path)
            try:
                report = self.work(Repository(db))
            finally:
                db.conn.close()
        except Exception as exc:  # noqa: BLE001 - reported in the window, never lost
            self.record_error(report, f"{type(exc).__name__}: {exc}")
        self.finished.emit(report)

    def empty_report(self):
        raise NotImplementedError

    def work(self, repo: Repository):
        raise NotImplementedError

    def record_error(self, report, message: str) -> None:
        raise NotImplementedError


class ImportJob(_StoreJob):
    """Imports paths into the store; each new filing is announced as soon as it is stored."""

    imported = Signal(int)  # a new document id

    def __init__(self, store_path: Path, paths: list[str], who: str, workers: int | None = None):
        super().__init__(store_path, who, workers)
        self.paths = paths

    def empty_report(self) -> ImportReport:
        return ImportReport()

    def work(self, repo: Repository) -> ImportReport:
        return import_paths(repo, self.paths, self.who,
                            progress=lambda d, t, p: self.progress.emit(d, t, p),
                            cancelled=self._cancel.is_set, on_imported=self.imported.emit,
                            workers=self.workers)

    def record_error(self, report: ImportReport, message: str) -> None:
        report.failures.append(Failure(str(self.store_path), message))


class ReextractJob(_StoreJob):
    """Re-runs extraction over the whole store; values a person decided are kept."""

    def empty_report(self) -> ReextractReport:
        return ReextractReport()

    def work(self, repo: Repository) -> ReextractReport:
        return reextract_all(repo, self.who, workers=self.workers,
                             progress=lambda d, t: self.progress.emit(d, t, "re-extracting"),
                             cancelled=self._cancel.is_set)

    def record_error(self, report: ReextractReport, message: str) -> None:
        report.failures.append((0, message))


def start_job(job: QObject) -> QThread:
    """Run `job` on a new thread that ends (and is deleted) when the job finishes."""
    thread = QThread()
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.finished.connect(thread.quit)
    thread.start()
    return thread
