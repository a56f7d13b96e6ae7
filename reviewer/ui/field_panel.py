"""The fields of a filing, built from the schema and grouped; each value with state and confidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)

from ..core.review import events_reported
from ..core.schema import FieldDef, Schema
from ..core.values import FieldValue, State
from ..store import MEMORY_WHO
from . import theme

GROUP_LABELS = {"filing": "Filing", "cover": "Cover", "press_release": "Press release",
                "event": "Event", "custom": "Custom"}
COL_FIELD, COL_VALUE, COL_STATE, COL_CONF = range(4)
KeyRole = Qt.ItemDataRole.UserRole + 1  # (field name, field value id or None)


# (field, text typed) -> (normal value or None, message for the analyst)
Validator = Callable[[str, str], tuple[str | None, str]]
ADD_VALUE = "＋ add value"


class ValueDelegate(QStyledItemDelegate):
    """The value editor: shows the expected form, and checks the text as it is typed."""

    def __init__(self, panel: FieldPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self._keys: dict[QLineEdit, RowKey | None] = {}

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = QLineEdit(parent)
        key = self.panel.itemFromIndex(index).data(0, KeyRole)
        fd = self.panel.schema.get(key.field) if key else None
        if fd is not None:
            from ..core.review import EXPECTED_FORM

            editor.setPlaceholderText(EXPECTED_FORM.get(fd.type, ""))
        editor.textEdited.connect(lambda text, e=editor, k=key: self._check(e, k, text))
        self._keys[editor] = key
        editor.destroyed.connect(lambda _=None, e=editor: self._keys.pop(e, None))
        return editor

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt's name
        """Enter on a value that is not of the field's form keeps the editor open, marked,
        with the form expected: nothing typed is thrown away."""
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(editor, QLineEdit) and editor.text().strip()
                and self.panel.validator is not None):
            key = self._keys.get(editor)
            if key is not None and self.panel.validator(key.field, editor.text())[0] is None:
                self._check(editor, key, editor.text())
                return True
        return super().eventFilter(editor, event)

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt's name
        text = index.data()
        editor.setText("" if text == ADD_VALUE else (text or ""))

    def _check(self, editor: QLineEdit, key: RowKey | None, text: str) -> None:
        if key is None or self.panel.validator is None or not text.strip():
            editor.setStyleSheet("")
            self.panel.hint.emit("")
            return
        value, message = self.panel.validator(key.field, text)
        editor.setStyleSheet("" if value else "QLineEdit { border: 2px solid #d04040; }")
        self.panel.hint.emit(f"→ {value}" if value else message)


@dataclass(frozen=True, slots=True)
class RowKey:
    field: str
    value_id: int | None  # None: the field has no value (missing), or a new value to add


class FieldPanel(QTreeWidget):
    """One row per value (a multi field has several), and one per missing field."""

    focused = Signal(object)  # RowKey
    value_edited = Signal(object, str)  # RowKey, the text typed
    hint = Signal(str)  # what the text being typed will be stored as, or what is expected

    def __init__(self, schema: Schema, parent=None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.setColumnCount(4)
        self.setHeaderLabels(["Field", "Value", "State", "Conf."])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.header()
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_VALUE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONF, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._items: dict[RowKey, QTreeWidgetItem] = {}
        self._loading = False
        self._text = ""
        self._changed: dict[str, str] = {}
        self._sources: dict[int, str] = {}
        self.validator: Validator | None = None
        self.setItemDelegateForColumn(COL_VALUE, ValueDelegate(self))
        self.currentItemChanged.connect(self._current_changed)
        self.itemChanged.connect(self._item_changed)

    def show_values(self, values: list[FieldValue], form_type: str | None = None, text: str = "",
                    every_field: bool = False, changed: dict[str, str] | None = None,
                    sources: dict[int, str] | None = None) -> None:
        """Rebuild the rows for a filing's values; the fields it can hold (its form's, and the
        details of the events it reports, or all of the form's with `every_field`) are listed
        as missing when they have no value."""
        self._text = text
        self._changed = changed or {}  # field -> "was X in the filing of <date>"
        self._sources = sources or {}  # value id -> "from the filing of <date>" (memory)
        self._loading = True
        self.clear()
        self._items.clear()
        by_field: dict[str, list[FieldValue]] = {}
        for fv in values:
            by_field.setdefault(fv.field, []).append(fv)
        groups: dict[str, QTreeWidgetItem] = {}
        events = None if every_field else events_reported(values)
        for fd in self.schema.fields:
            if fd.name not in by_field and not fd.applies(form_type, events):
                continue
            group = groups.get(fd.group)
            if group is None:  # built detached, added at the end: one insertion for the view
                group = QTreeWidgetItem([GROUP_LABELS.get(fd.group, fd.group.title())])
                font = QFont(group.font(0))
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[fd.group] = group
            entries = by_field.get(fd.name) or [None]
            for n, fv in enumerate(entries):
                self._add_row(group, fd, fv, first=n == 0)
            if fd.multi and entries[0] is not None:  # a row to add one more value
                self._add_row(group, fd, None, first=False, adding=True)
        self.addTopLevelItems(list(groups.values()))
        for group in groups.values():
            group.setFirstColumnSpanned(True)
        for fv in values:  # values of fields the schema no longer has still show
            if self.schema.get(fv.field) is None:
                self._add_row(self.invisibleRootItem(), FieldDef(fv.field, fv.field, "text", "custom"),
                              fv, first=True)
        self.expandAll()
        self._loading = False

    def _add_row(self, parent: QTreeWidgetItem, fd: FieldDef, fv: FieldValue | None, first: bool,
                 adding: bool = False) -> None:
        key = RowKey(fd.name, fv.id if fv else None)
        item = QTreeWidgetItem(parent)
        item.setData(0, KeyRole, key)
        item.setText(COL_FIELD, fd.label if first else "")
        item.setToolTip(COL_FIELD, f"{fd.name} ({fd.type}{', multi' if fd.multi else ''})\n{fd.help}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable)
        self._fill(item, fv, adding)
        self._items[key] = item

    def _fill(self, item: QTreeWidgetItem, fv: FieldValue | None, adding: bool = False) -> None:
        state = fv.state if fv else ("" if adding else "missing")
        item.setText(COL_VALUE, (fv.value or "") if fv else (ADD_VALUE if adding else ""))
        if adding:
            item.setForeground(COL_VALUE, QBrush(theme.STATE_COLOURS["missing"]))
        withheld = fv is not None and fv.state is State.REJECTED and fv.updated_by == MEMORY_WHO
        item.setText(COL_STATE, "withheld" if withheld else state)  # by memory, not a person
        item.setForeground(COL_STATE, QBrush(theme.STATE_COLOURS.get(state, theme.STATE_COLOURS["missing"])))
        conf = fv.confidence if fv and fv.state is State.EXTRACTED else None
        item.setText(COL_CONF, f"{conf:.2f}" if conf is not None else "")
        if fv is not None and conf is not None and fv.needs_attention:
            item.setForeground(COL_CONF, QBrush(theme.STATE_COLOURS["rejected"]))
        tip = self._evidence_tip(fv) if fv else ""
        was = self._changed.get(item.data(0, KeyRole).field) if item.data(0, KeyRole) else None
        if was and not adding and (fv is None or fv.state is not State.REJECTED):
            tip = f"changed since the filer's last filing: {was}" + (f"\n{tip}" if tip else "")
            item.setText(COL_STATE, f"{state} ≠" if state else "≠")
            item.setForeground(COL_STATE, QBrush(theme.CHANGED_COLOUR))
            item.setForeground(COL_FIELD, QBrush(theme.CHANGED_COLOUR))
        item.setToolTip(COL_VALUE, tip)
        item.setToolTip(COL_STATE, tip if was else state)
        font = QFont(item.font(COL_VALUE))
        font.setStrikeOut(state == State.REJECTED)
        item.setFont(COL_VALUE, font)

    def _evidence_tip(self, fv: FieldValue) -> str:
        """The value in full, the text it came from, and who proposed it."""
        lines = [fv.value or ""]
        text = getattr(self, "_text", "")
        if fv.span_start is not None and fv.span_end is not None and text:
            evidence = " ".join(text[fv.span_start : fv.span_end].split())
            lines.append(f"evidence: “{evidence[:300]}”")
        if fv.extracted_value is not None and fv.extracted_value != fv.value:
            lines.append(f"extracted: {fv.extracted_value}")
        if fv.rule:
            lines.append(f"rule: {fv.rule}")
        if fv.id in self._sources:
            lines.append(self._sources[fv.id])
        lines.append(f"{fv.state} by {fv.updated_by}")
        return "\n".join(lines)

    def current_key(self) -> RowKey | None:
        item = self.currentItem()
        return item.data(0, KeyRole) if item is not None else None

    def select_key(self, key: RowKey) -> bool:
        item = self._items.get(key)
        if item is None:
            return False
        self.setCurrentItem(item, COL_VALUE)
        self.scrollToItem(item)
        return True

    def keys(self) -> list[RowKey]:
        """The rows in display order."""
        return list(self._items)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None and current.data(0, KeyRole) is not None:
            self.focused.emit(current.data(0, KeyRole))

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != COL_VALUE:
            return
        key = item.data(0, KeyRole)
        if key is not None and item.text(COL_VALUE) != ADD_VALUE:
            # After the editor has closed (Qt closes it right after this commit): the window
            # rebuilds the rows, and an editor whose row is gone would stay open with the focus.
            text = item.text(COL_VALUE)
            QTimer.singleShot(0, lambda: self.value_edited.emit(key, text))
