"""Import and export from the window: files in off the GUI thread with progress; CSV out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.export import write_csv
from ..importer import ImportReport
from .import_report import ImportReportDialog
from .workers import ImportJob, ReextractJob, start_job

REFRESH_MS = 300  # while importing, the queue is reloaded at most this often


class Transfers(QObject):
    """Owns the running import job of a MainWindow and its status-bar progress widgets.

    A QObject of the GUI thread, so the job's signals arrive here queued, never on the job's thread.
    """

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.job: ImportJob | ReextractJob | None = None
        self.thread = None
        self.last_report: ImportReport | None = None
        self.report_dialog: ImportReportDialog | None = None
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_queue)
        a = window.actions
        a["import_files"].triggered.connect(self.choose_files)
        a["import_folder"].triggered.connect(self.choose_folder)
        a["export_csv"].triggered.connect(self.export_csv)
        a["reextract"].triggered.connect(self.reextract)
        window.cancel_button.clicked.connect(self.cancel)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import filings")
        if paths:
            self.start(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import a folder of filings")
        if folder:
            self.start([folder])

    def start(self, paths: list[str]) -> bool:
        """Import `paths` in the background; False if an import is already running."""
        if self.job is not None:
            self.window.statusBar().showMessage("An import is already running", 4000)
            return False
        w = self.window
        self.job = ImportJob(w.store_path, [str(p) for p in paths], w.session.who)
        self.job.progress.connect(self._progress)
        self.job.imported.connect(self._imported)
        self.job.finished.connect(self._finished)
        self._show_progress("Importing…")
        self.thread = start_job(self.job)
        return True

    def reextract(self) -> bool:
        """Re-run the extractor on every stored filing; values a person decided are kept."""
        if self.job is not None:
            self.window.statusBar().showMessage("Another job is running", 4000)
            return False
        w = self.window
        self.job = ReextractJob(w.store_path, w.session.who)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._reextracted)
        self._show_progress("Re-extracting…")
        self.thread = start_job(self.job)
        return True

    @Slot(object)
    def _reextracted(self, report) -> None:
        w = self.window
        self._stop_thread()
        w.queue.model.reload()
        if w.doc_id is not None:
            w.open_document(w.doc_id)
        w.update_status()
        w.statusBar().showMessage(report.summary(), 10000)

    def _show_progress(self, label: str) -> None:
        w = self.window
        for widget in (w.progress_label, w.progress, w.cancel_button):
            widget.show()
        w.progress.setRange(0, 0)
        w.progress_label.setText(label)

    def _stop_thread(self) -> None:
        w = self.window
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
        self.job = self.thread = None
        for widget in (w.progress_label, w.progress, w.cancel_button):
            widget.hide()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.window.progress_label.setText("Cancelling…")

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, path: str) -> None:
        w = self.window
        w.progress.setRange(0, max(total, 1))
        w.progress.setValue(done)
        verb = "Re-extracting" if isinstance(self.job, ReextractJob) else "Importing"
        w.progress_label.setText(f"{verb} {done}/{total}: {Path(path).name}")

    @Slot(int)
    def _imported(self, _doc_id: int) -> None:
        """A filing landed: the queue shows it within REFRESH_MS (one reload for a burst)."""
        if not self._refresh.isActive():
            self._refresh.start()

    def _refresh_queue(self) -> None:
        w = self.window
        current = w.queue.current_document()
        w.queue.model.reload()
        if current is not None:
            w.queue.select_document(current, emit=False)
        elif w.queue.model.rowCount():
            w.queue.select_row(0)

    @Slot(object)
    def _finished(self, report: ImportReport) -> None:
        w = self.window
        self.last_report = report
        self._stop_thread()
        self._refresh.stop()
        self._refresh_queue()
        w.update_status()
        w.statusBar().showMessage("Import: " + report.summary(), 10000)
        if report.failures:
            self.report_dialog = ImportReportDialog(report, w)
            self.report_dialog.show()

    def export_csv(self) -> None:
        w = self.window
        choice = QMessageBox.question(
            w, "Export CSV", "Export reviewed filings only?\n\nNo exports every filing.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel)
        if choice == QMessageBox.StandardButton.Cancel:
            return
        path, _ = QFileDialog.getSaveFileName(w, "Export CSV", "reviewed.csv", "CSV files (*.csv)")
        if path:
            n = self.write(Path(path), include_unreviewed=choice == QMessageBox.StandardButton.No)
            w.statusBar().showMessage(f"{n} filings exported to {path}", 8000)

    def write(self, path: Path, include_unreviewed: bool) -> int:
        tmp = path.with_name(path.name + ".part")
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            n = write_csv(fh, self.window.session.schema,
                          self.window.repo.export_rows(include_unreviewed))
        tmp.replace(path)
        return n
