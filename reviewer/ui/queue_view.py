"""The queue of filings: a table model over the store that fetches rows a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence
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

CHANGED = "changed"  # the filter of filings with a value that differs from the filer's memory
STATUS_LABELS = {"to_review": "To review", "reviewed": "Reviewed", "flagged": "Flagged"}
STATUS_MARKS = {"to_review": "○", "reviewed": "✓", "flagged": "⚑"}
STATUS_LEGEND = "○ to review   ✓ reviewed   ⚑ flagged"
STATUS_FILTERS = [("To review", "to_review"), ("Reviewed", "reviewed"), ("Flagged", "flagged"),
                  ("All", None), ("Changed since last filing", CHANGED)]


class QueueModel(QAbstractTableModel):
    """Rows are document ids in filter and sort order; their columns are fetched on demand."""

    # (key, header): each key names its stored column in QUEUE_COLUMNS, the store's one map.
    COLUMNS = [("status", "✓"), ("form", "Form"), ("company", "Company"), ("date", "Date")]
    WIDTHS = (26, 56, 0, 84)  # the company column takes what is left
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
        changed = self._status == CHANGED
        self._ids = self.repo.queue_ids(self._filter_text, None if changed else self._status,
                                        *self._sort, changed=changed)
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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section][0] == "status":
            return STATUS_LEGEND
        return None

    def status_of(self, row: int) -> str | None:
        return self._row(row).get("status") if 0 <= row < len(self._ids) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()][0]
        if role == self.DocumentIdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        row = self._row(index.row())
        value = row.get(QUEUE_COLUMNS[key])
        if key == "company" and not value:  # nothing found: the file name, dimmed
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(150, 150, 150)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"no company found: {row.get('file_name')}"
            return row.get("file_name") if role == Qt.ItemDataRole.DisplayRole else None
        if key == "status":
            return self._status_data(row, value, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{value}  ({row.get('file_name')})" if value else row.get("file_name")
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        return "" if value is None else str(value)

    @staticmethod
    def _status_data(row: dict[str, Any], value: str | None, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(220, 120, 0) if row.get("attention") and value == "to_review" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = STATUS_LABELS.get(value or "", value or "")
            if row.get("attention") and value == "to_review":
                text += f": {row['attention']} value(s) under the attention threshold"
            if row.get("flag_note"):
                text += f": {row['flag_note']}"
            return f"{text}\n{STATUS_LEGEND}"
        return STATUS_MARKS.get(value or "", value or "")


class FilterEdit(QLineEdit):
    """The queue's filter box: focus only when the analyst puts it there (a click, Ctrl+L);
    Esc leaves it; the window's undo and redo work here too (the text's own do not)."""

    left = Signal()

    def __init__(self) -> None:
        super().__init__(placeholderText="Filter: company, form, file name (Ctrl+L)")
        self.setClearButtonEnabled(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()  # let the window's Undo/Redo (store changes) have the keys
            return False
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            return
        super().keyPressEvent(event)


class QueueView(QWidget):
    """The filter box, the status filter and the table; says which filing is chosen."""

    document_chosen = Signal(int)
    filter_left = Signal()  # Esc in the filter box: the window puts the focus back

    def __init__(self, repo: Repository, parent=None) -> None:
        super().__init__(parent)
        self.model = QueueModel(repo, self)
        self.filter_edit = FilterEdit()
        self.filter_edit.left.connect(self.filter_left)
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
        for col, width in enumerate(QueueModel.WIDTHS):
            if width:
                header.resizeSection(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the company
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.status_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

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

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

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
