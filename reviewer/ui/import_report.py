"""The import report: what was imported, and each file refused with its reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..pipeline.importer import ImportReport


class ImportReportDialog(QDialog):
    """Non-modal: the analyst can keep reviewing while reading it."""

    def __init__(self, report: ImportReport, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle("Import report")
        self.summary = QLabel(report.summary())
        note = QLabel(f"{len(report.failures)} file(s) could not be imported. Nothing of them was stored;"
                      " the other files were imported.")
        note.setWordWrap(True)
        self.table = QTableWidget(len(report.failures), 3)
        self.table.setHorizontalHeaderLabels(["File", "Folder", "Reason"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for row, failure in enumerate(report.failures):
            path = Path(failure.path)
            for col, text in enumerate((path.name, str(path.parent), failure.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy as text", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.as_text(report)))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for w in (self.summary, note, self.table, buttons):
            layout.addWidget(w)
        self.resize(900, 380)

    @staticmethod
    def as_text(report: ImportReport) -> str:
        """The same lines the command line prints."""
        return "\n".join([report.summary(), *(f.line() for f in report.failures)])
