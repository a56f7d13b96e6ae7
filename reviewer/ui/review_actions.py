"""The analyst's actions on the filing in the window: save and move on, approve what was seen,
walk what needs attention, undo. A mixin of MainWindow: each slot reads the widgets, makes one
call into the review session, and updates the view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ..core.review import InvalidValue
from ..core.values import ATTENTION_BELOW, State
from .field_panel import RowKey

if TYPE_CHECKING:
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class ReviewActions(_Base):
    """What the keyboard loop does; state: the values seen in the filing on screen."""

    def _reset_seen(self) -> None:
        self._seen: set[int] = set()
        self._warned_about: int | None = None  # the filing Ctrl+Return last warned about

    def _mark_seen(self, key: RowKey) -> None:
        """A value counts as seen when its row had focus (its evidence is then on screen)."""
        if key.value_id is not None:
            self._seen.add(key.value_id)

    def unseen_below_threshold(self) -> list[int]:
        """Values under the attention threshold that nobody has looked at in this filing."""
        return [fv.id for fv in self._values if fv.needs_attention and fv.id not in self._seen]

    # -- approving -------------------------------------------------------------------------

    def review_and_next(self) -> None:
        """Ctrl+Return: approve, unless values under the threshold were never looked at; then
        go to the first of them and say how many; a second Ctrl+Return approves anyway."""
        if self.doc_id is None:
            return
        unseen = self.unseen_below_threshold()
        if unseen and self._warned_about != self.doc_id:
            self._warned_about = self.doc_id
            first = next(fv for fv in self._values if fv.id == unseen[0])
            self.fields.select_key(RowKey(first.field, first.id))
            self.fields.setFocus()
            more = len(unseen) - 1
            self.statusBar().showMessage(
                f"{len(unseen)} value{'s' * (len(unseen) > 1)} under {ATTENTION_BELOW:.0%} "
                f"confidence not looked at yet (this one{f' and {more} more' if more else ''}): "
                "Ctrl+Return again, or Ctrl+Shift+Return, approves anyway", 10000)
            return
        self.approve_anyway()

    def approve_anyway(self) -> None:
        """Ctrl+Shift+Return: approve now; values never looked at are recorded as such."""
        if self.doc_id is None:
            return
        approved = self.doc_id
        unseen = self.unseen_below_threshold()
        row = self.queue.table.currentIndex().row()
        self.session.mark_reviewed(approved, unseen)
        self.queue.model.reload()
        if self.queue.model.row_of(approved) >= 0:  # still listed (filter "All"): step on
            row = self.queue.model.row_of(approved) + 1
        if row >= self.queue.model.rowCount():
            self._end_of_queue()
        else:
            self.queue.select_row(row)
        self.update_status()
        if unseen:
            self.statusBar().showMessage(
                f"Approved; {len(unseen)} value(s) recorded as confirmed unseen", 6000)

    def _end_of_queue(self) -> None:
        """Nothing after this filing in the view: say so, and reopen nothing."""
        left = sum(1 for r in range(self.queue.model.rowCount())
                   if self.queue.model.status_of(r) != "reviewed")
        total = self.queue.model.rowCount()
        if left:
            text = f"End of the queue: {left} of {total} filings in this view still to review"
        else:
            text = f"All {total} filings in this view are reviewed"
        self.queue.table.clearSelection()
        self.statusBar().showMessage(text, 15000)

    # -- values ----------------------------------------------------------------------------

    def _value_edited(self, key: RowKey, text: str) -> None:
        """Enter in a value: save it, then move to the next row that needs attention (as a
        spreadsheet moves down); the focus stays in the fields."""
        if self.doc_id is None:
            return
        try:
            fv = self.session.set_value(self.doc_id, key.field, key.value_id, text)
        except InvalidValue as exc:
            self.statusBar().showMessage(str(exc), 5000)
            self._reload_values()
            return
        self._reload_values()
        fd = self.session.schema.get(key.field)
        if key.value_id is None and fd is not None and fd.multi:
            after = RowKey(key.field, None)  # the field's "add value" row: type the next one
        else:
            after = self._next_attention(RowKey(key.field, fv.id if fv.state is not State.REJECTED else
                                                key.value_id))
        self.fields.select_key(after)
        self.fields.setFocus()

    def _next_attention(self, key: RowKey) -> RowKey:
        """The first row needing attention below `key` in the panel, else the first above,
        else `key` itself."""
        wanted = {RowKey(f, i) for f, i in self._attention()}
        rows = self.fields.keys()
        at = rows.index(key) if key in rows else -1
        for candidate in rows[at + 1 :] + rows[: max(at, 0)]:
            if candidate in wanted:
                return candidate
        return key

    def _attention(self) -> list[tuple[str, int | None]]:
        """Values that changed since the filer's last filing first, then the session's order."""
        order = self.session.attention(self._values, self._form, every_field=self.show_all)
        changed = [(fv.field, fv.id) for fv in self._values
                   if fv.field in self._changes and fv.state is not State.REJECTED]
        changed += [(name, None) for name in self._changes
                    if not any(fv.field == name for fv in self._values)]
        return changed + [entry for entry in order if entry not in changed]

    def fill_from_selection(self) -> None:
        """Ctrl+E: the selected text into the focused field, its lines joined the way the
        field joins them (an address with ", ")."""
        key = self.fields.current_key()
        selection = self.viewer.selection()
        if self.doc_id is None or key is None or selection is None:
            self.statusBar().showMessage("Select text in the filing and a field first", 4000)
            return
        text, start, end = selection
        fd = self.session.schema.get(key.field)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        joined = (fd.join if fd else " ").join(lines)
        try:
            fv = self.session.set_value(self.doc_id, key.field, key.value_id, joined, (start, end))
        except InvalidValue as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        self._reload_values()
        self.fields.select_key(RowKey(key.field, fv.id))

    def reject_current(self) -> None:
        key = self.fields.current_key()
        if key is None or key.value_id is None:
            return
        self.session.reject(key.value_id)
        self._reload_values()

    def step_attention(self, delta: int) -> None:
        order = self._attention()
        if not order:
            self.statusBar().showMessage("Nothing left to check in this filing", 3000)
            return
        keys = [RowKey(f, i) for f, i in order]
        current = self.fields.current_key()
        i = keys.index(current) + delta if current in keys else (0 if delta > 0 else -1)
        self.fields.select_key(keys[i % len(keys)])
        self.fields.setFocus()

    # -- undo, flag ------------------------------------------------------------------------

    def _undo_redo(self, step) -> None:
        change = step()
        if change is None:
            return
        self.queue.model.reload()
        if self.repo.is_removed(change.document_id):  # a removal redone: on to the next
            self.queue.select_row(min(max(self.queue.table.currentIndex().row(), 0),
                                      self.queue.model.rowCount() - 1))
        else:
            self.queue.select_document(change.document_id, emit=False)
            self.open_document(change.document_id)
        self.update_status()
        self.fields.setFocus()
        left = self.session.left_alone
        note = (f"; left as someone else set them since: {', '.join(left)}" if left else "")
        self.statusBar().showMessage(f"{step.__name__}: {change.label}{note}", 8000 if left else 3000)

    def remove_current(self) -> None:
        """Remove Filing: after a confirmation, out of the queue and the export; undoable."""
        if self.doc_id is None:
            return
        row = self.repo.document(self.doc_id)
        name = (row.company_name or row.file_name) if row else str(self.doc_id)
        answer = QMessageBox.question(
            self, "Remove filing",
            f"Remove {name} from the queue and the export?\n\nIt stays in the store with its "
            "history; Edit > Undo (Ctrl+Z) brings it back.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed, at = self.doc_id, self.queue.table.currentIndex().row()
        self.session.remove(removed)
        self.queue.model.reload()
        if not self.queue.select_row(min(at, self.queue.model.rowCount() - 1)):
            self.doc_id = None
        self.update_status()
        self.statusBar().showMessage(f"Removed {name}; Ctrl+Z brings it back", 6000)

    def flag_current(self) -> None:
        if self.doc_id is None:
            return
        note, ok = QInputDialog.getText(self, "Flag filing", "Note:")
        if ok:
            self.session.flag(self.doc_id, note)
            self.queue.model.refresh_rows([self.doc_id])
