"""The status bar's view of a background job: what runs, how far it is, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from .jobs import Jobs


class JobStatus(QWidget):
    """Hidden while nothing runs; shown, with progress, while `jobs` runs something."""

    def __init__(self, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.label = QLabel()
        self.bar = QProgressBar(maximumWidth=200)
        self.cancel_button = QPushButton("Cancel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.label, self.bar, self.cancel_button):
            layout.addWidget(w)
        self.hide()
        self.cancel_button.clicked.connect(self.cancel)
        jobs.started.connect(self._started)
        jobs.progress.connect(self._progress)
        jobs.finished.connect(self._finished)

    def cancel(self) -> None:
        if self.jobs.running:
            self.jobs.cancel()
            self.label.setText("Cancelling…")

    @Slot(str)
    def _started(self, what: str) -> None:
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.label.setText(what)
        self.show()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(text)

    @Slot(str, object)
    def _finished(self, _kind: str, _report: object) -> None:
        self.hide()
