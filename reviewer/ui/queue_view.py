"""The queue of filings: a table model over the store that fetches rows a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import Repository
from ..store.figures import QUEUE_COLUMNS

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

STATUS_LABELS = {"to_review": "To review", "reviewed": "Reviewed", "flagged": "Flagged"}
STATUS_FILTERS = [("To review", "to_review"), ("Reviewed", "reviewed"), ("Flagged", "flagged"),
                  ("All", None)]


class QueueModel(QAbstractTableModel):
    """Rows are document ids in filter and sort order; their columns are fetched on demand."""

    # (key, header): each key names its stored column in QUEUE_COLUMNS, the store's one map.
    COLUMNS = [("status", "Status"), ("form", "Form"), ("company", "Company"), ("date", "Date"),
               ("file", "File"), ("attention", "Check")]
    PAGE = 200
    DocumentIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, repo: Repository, parent=None) -> None:
        super().__init__(parent)
        self.repo = repo
        self._ids: list[int] = []
        self._rows: dict[int, dict[str, Any]] = {}
        self._filter_text = ""
        self._status: str | None = "to_review"
        self._sort = ("id", False)

    # -- the query -------------------------------------------------------------------------

    def set_filter(self, text: str, status: str | None) -> None:
        self._filter_text, self._status = text, status
        self.reload()

    def reload(self) -> None:
        """Run the query again (after a filter, a sort or new filings)."""
        self.beginResetModel()
        self._ids = self.repo.queue_ids(self._filter_text, self._status, *self._sort)
        self._rows.clear()
        self.endResetModel()

    def refresh_rows(self, doc_ids: list[int]) -> None:
        """Re-read these filings' columns (after a change) without moving any row."""
        for doc_id in doc_ids:
            self._rows.pop(doc_id, None)
            row = self.row_of(doc_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][0] if 0 <= column < len(self.COLUMNS) else "id"  # -1: import order
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # -- rows ------------------------------------------------------------------------------

    def document_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: int) -> int:
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> dict[str, Any]:
        doc_id = self._ids[row]
        if doc_id not in self._rows:
            start = row - row % self.PAGE
            page = self._ids[start : start + self.PAGE]
            self._rows.update(self.repo.queue_rows([i for i in page if i not in self._rows]))
        return self._rows.get(doc_id, {})

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()][0]
        if role == self.DocumentIdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole):
            return None
        row = self._row(index.row())
        value = row.get(QUEUE_COLUMNS[key])
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "attention" and value:
                return QColor(220, 120, 0)
            return None
        if key == "status":
            text = STATUS_LABELS.get(value, value or "")
            if role == Qt.ItemDataRole.ToolTipRole and row.get("flag_note"):
                return f"{text}: {row['flag_note']}"
            return text
        if key == "attention":
            return str(value) if value else ""
        return "" if value is None else str(value)


class QueueView(QWidget):
    """The filter box, the status filter and the table; says which filing is chosen."""

    document_chosen = Signal(int)

    def __init__(self, repo: Repository, parent=None) -> None:
        super().__init__(parent)
        self.model = QueueModel(repo, self)
        self.filter_edit = QLineEdit(placeholderText="Filter: company, form, file name")
        self.filter_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status_combo.addItem(label, value)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((80, 60, 180, 85, 160, 50)):
            header.resizeSection(col, width)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.status_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._debounce.start)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def apply_filter(self) -> None:
        current = self.current_document()
        self.model.set_filter(self.filter_edit.text(), self.status_combo.currentData())
        if current is not None:
            self.select_document(current, emit=False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.model.document_id(current.row())
        if doc_id is not None:
            self.document_chosen.emit(doc_id)

    def current_document(self) -> int | None:
        return self.model.document_id(self.table.currentIndex().row())

    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def select_document(self, doc_id: int, emit: bool = True) -> bool:
        row = self.model.row_of(doc_id)
        if row < 0:
            return False
        if not emit:
            self.table.selectionModel().blockSignals(True)
        try:
            return self.select_row(row)
        finally:
            self.table.selectionModel().blockSignals(False)

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) filing in the queue."""
        row = self.table.currentIndex().row()
        return self.select_row(row + delta if row >= 0 else 0)
