"""Tools > Learned Rules: the anchors learned from the analysts' corrections, how often each was
proposed, accepted and rejected, and a switch to turn one off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..store import Repository

COLUMNS = ["On", "Field", "Label", "Where", "Filer", "Proposed", "Accepted", "Rejected"]


class LearnedRulesDialog(QDialog):
    """Non-modal: the analyst can keep reviewing beside it; a switch is stored at once."""

    def __init__(self, repo: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.setObjectName("learned_rules")
        self.setWindowTitle("Learned Rules")
        self.resize(820, 420)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(
            "Each rule proposes a value after a label an analyst filled a field from (or, "
            "where no label stood, after the same words: “…to the company's form”). It "
            "applies to its filer, and to every filer once learned on three. A rule rejected "
            "more often than accepted switches itself off; Space switches the selected one.")
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._ids: list[int] = []
        self._loading = False
        self.table.itemChanged.connect(self._switched)
        self.reload()

    def reload(self) -> None:
        self._loading = True
        anchors = self.repo.learned_anchors()
        self._ids = [a.id for a in anchors]
        self.table.setRowCount(len(anchors))
        for row, a in enumerate(anchors):
            switch = QTableWidgetItem()
            switch.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                            | Qt.ItemFlag.ItemIsSelectable)
            switch.setCheckState(Qt.CheckState.Checked if a.enabled else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, switch)
            for col, text in enumerate((a.field, a.label, a.region, a.filer, str(a.proposed),
                                        str(a.accepted), str(a.rejected)), 1):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.note.setVisible(True)
        self._loading = False

    def set_enabled(self, row: int, on: bool) -> None:
        """Switch the rule on a row (the check box, or Space on the selected row)."""
        self.table.item(row, 0).setCheckState(Qt.CheckState.Checked if on
                                              else Qt.CheckState.Unchecked)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        row = self.table.currentRow()
        if event.key() == Qt.Key.Key_Space and row >= 0:
            item = self.table.item(row, 0)
            self.set_enabled(row, item.checkState() != Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)

    def _switched(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        self.repo.set_anchor_enabled(self._ids[item.row()],
                                     item.checkState() == Qt.CheckState.Checked)
