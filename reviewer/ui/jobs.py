"""The window's slow work, off the GUI thread: import, re-extraction and CSV export.

`Jobs` runs one job at a time on a thread of its own, with its own store connection, and
reports through signals; it never touches a widget. The window decides what to show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.export import export_csv
from ..core.schema import Schema
from ..pipeline.importer import Failure, ImportReport, import_paths
from ..pipeline.reextract import ReextractReport, reextract_all
from ..store import Repository, StoreError, open_store


@dataclass(slots=True)
class ExportReport:
    path: Path
    rows: int = 0
    error: str | None = None

    def summary(self) -> str:
        if self.error:
            return f"Export to {self.path} failed: {self.error}"
        return f"{self.rows} filings exported to {self.path}"


class _Job(QObject):
    """A job on its own thread with its own store connection; cancellable; never loses an error."""

    progress = Signal(int, int, str)  # done, total, what
    imported = Signal(int)  # a new document id (imports only)
    finished = Signal(object)  # the job's report

    kind = ""
    verb = ""

    def __init__(self, store_path: Path, who: str, work: Callable[[Repository, _Job], Any],
                 report: Any, on_error: Callable[[Any, str], None]) -> None:
        super().__init__()
        self.store_path, self.who = store_path, who
        self._work, self._report, self._on_error = work, report, on_error
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        report = self._report
        try:
            db = open_store(self.store_path)
            try:
                report = self._work(Repository(db), self)
            finally:
                db.conn.close()
        except StoreError as exc:  # a full disk, a read-only or damaged store: its own words
            self._on_error(report, str(exc))
        except Exception as exc:  # noqa: BLE001 - reported in the window, never lost
            self._on_error(report, f"{type(exc).__name__}: {exc}")
        self.finished.emit(report)


class Jobs(QObject):
    """Starts, cancels and reports the window's background jobs, one at a time."""

    started = Signal(str)  # what runs, for the status bar: "Importing…"
    progress = Signal(int, int, str)  # done, total, "Importing 3/10: name.txt"
    imported = Signal(int)  # a filing landed in the store
    finished = Signal(str, object)  # kind (import, reextract, export), its report
    busy = Signal(str)  # a job was asked for while another runs

    def __init__(self, store_path: Path, schema: Schema, who: Callable[[], str],
                 workers: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store_path, self.schema, self.who, self.workers = store_path, schema, who, workers
        self.job: _Job | None = None
        self.kind: str | None = None
        self._worker_thread: QThread | None = None
        self.last_report: Any = None

    @property
    def running(self) -> bool:
        return self.job is not None

    # -- the jobs --------------------------------------------------------------------------

    def start_import(self, paths: list[str]) -> bool:
        """Import `paths` in the background; False if a job is already running."""
        def work(repo: Repository, job: _Job) -> ImportReport:
            return import_paths(repo, paths, job.who,
                                progress=lambda d, t, p: job.progress.emit(d, t, Path(p).name),
                                cancelled=job.cancelled, on_imported=job.imported.emit,
                                workers=self.workers)

        def failed(report: ImportReport, message: str) -> None:
            report.failures.append(Failure(str(self.store_path), message))

        return self._start("import", "Importing", work, ImportReport(), failed)

    def start_reextract(self, outdated_only: bool = False) -> bool:
        """Re-run the extractor on stored filings; values a person decided are kept."""
        def work(repo: Repository, job: _Job) -> ReextractReport:
            return reextract_all(repo, job.who, workers=self.workers,
                                 progress=lambda d, t, what: job.progress.emit(d, t, what),
                                 cancelled=job.cancelled, outdated_only=outdated_only)

        def failed(report: ReextractReport, message: str) -> None:
            report.failures.append((0, message))

        return self._start("reextract", "Re-extracting", work, ReextractReport(), failed)

    def start_export(self, path: Path, include_unreviewed: bool) -> bool:
        """Write the CSV to `path` whole (never half a file), reviewed filings or all."""
        def work(repo: Repository, _job: _Job) -> ExportReport:
            rows = export_csv(path, self.schema, repo.export_rows(include_unreviewed))
            return ExportReport(path, rows)

        def failed(report: ExportReport, message: str) -> None:
            report.error = message

        return self._start("export", "Exporting", work, ExportReport(path), failed)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def wait(self) -> None:
        """Block until the running job's thread ends (closing the window)."""
        if self.job is not None:
            self.job.cancel()
        if self._worker_thread is not None:
            self._worker_thread.quit()
            self._worker_thread.wait()

    # -- running one -----------------------------------------------------------------------

    def _start(self, kind: str, verb: str, work: Callable[[Repository, _Job], Any], report: Any,
               failed: Callable[[Any, str], None]) -> bool:
        if self.job is not None:
            self.busy.emit("Another job is running")
            return False
        job = _Job(self.store_path, self.who(), work, report, failed)
        job.progress.connect(lambda d, t, what: self.progress.emit(d, t, f"{verb} {d}/{t}: {what}"))
        job.imported.connect(self.imported)
        job.finished.connect(self._finished)
        self.job, self.kind = job, kind
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.finished.connect(thread.quit)
        self._worker_thread = thread
        self.started.emit(f"{verb}…")
        thread.start()
        return True

    @Slot(object)
    def _finished(self, report: Any) -> None:
        kind = self.kind or ""
        if self._worker_thread is not None:
            self._worker_thread.quit()
            self._worker_thread.wait()
            self._worker_thread.deleteLater()
        self.job = self.kind = self._worker_thread = None
        self.last_report = report
        self.finished.emit(kind, report)
