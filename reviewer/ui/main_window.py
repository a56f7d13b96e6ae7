"""The shell: queue | filing | fields in splitters, menus, status bar. Slots stay thin."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMessageBox, QSplitter

from ..core.extract import EXTRACTOR_VERSION
from ..core.review import InvalidValue, ReviewSession
from ..core.values import DocumentRecord, FieldValue, State
from ..pipeline.memory import propose_on_open
from ..store import Repository
from . import dialogs, layout
from .actions import create_actions
from .document_view import DocumentView
from .field_panel import FieldPanel, RowKey
from .import_report import ImportReportDialog
from .job_status import JobStatus
from .jobs import Jobs
from .prefetch import Prefetcher
from .queue_view import QueueView
from .review_actions import ReviewActions
from .sources import WITHHELD, memory_sources

REFRESH_MS = 300  # while importing, the queue is reloaded at most this often


class MainWindow(ReviewActions, QMainWindow):
    def __init__(self, repo: Repository, session: ReviewSession, jobs: Jobs, store_path: Path,
                 settings: QSettings) -> None:
        super().__init__()
        self.repo, self.session, self.jobs = repo, session, jobs
        self.store_path, self.settings = store_path, settings
        self.doc_id: int | None = None
        self._values: list[FieldValue] = []
        self._changes: dict[str, str] = {}  # field -> "was X in the filing of <date>"
        self._sources: dict[int, str] = {}  # value id -> where memory got it, or why it withheld it
        self._form: str | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.learned_rules = None  # Tools > Learned Rules, once opened
        self._reset_seen()
        self.show_all = bool(settings.value("view/show_all", False, type=bool))

        self.queue = QueueView(repo)
        self.viewer = DocumentView()
        self.fields = FieldPanel(session.schema)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.queue, self.viewer, self.fields):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.setWindowTitle("Filing Reviewer")
        self.setAcceptDrops(True)

        self.status_label = QLabel()
        self.job_status = JobStatus(jobs)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.job_status)
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_queue)

        self.named_actions = create_actions(self)
        self._build_menus()
        self._connect()
        self._restore_layout()
        self.queue.model.reload()
        self._outdated = 0  # filings an older extractor read: counted on open and after jobs
        self.count_outdated()
        self.prefetch = Prefetcher(store_path, self)
        self._seen_version = repo.data_version()
        self.watch = QTimer(self, interval=1000)
        self.watch.timeout.connect(self.refresh_if_changed)
        self.watch.start()

    # -- construction ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.named_actions
        menus = {
            "&File": ["import_files", "import_folder", None, "export_csv", None, "reextract_outdated",
                      "reextract", None, "quit"],
            "&Edit": ["undo", "redo", None, "fill_from_selection", "reject_value", None, "find", None,
                      "preferences"],
            "&Review": ["review_next", "approve_anyway", "flag", "remove_filing", None, "next_attention",
                        "prev_attention", None, "next_filing", "prev_filing"],
            "&View": ["show_all_fields", None, "focus_filter", None, "reset_layout"],
            "&Tools": ["learned_rules"],
            "&Help": ["shortcuts", "about"],
        }
        for title, names in menus.items():
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[name])

    def _connect(self) -> None:
        a = self.named_actions
        a["import_files"].triggered.connect(lambda: self.start_import(dialogs.choose_files(self)))
        a["import_folder"].triggered.connect(lambda: self.start_import(dialogs.choose_folder(self)))
        a["export_csv"].triggered.connect(self.export_csv)
        a["reextract"].triggered.connect(lambda: self.jobs.start_reextract())
        a["reextract_outdated"].triggered.connect(lambda: self.jobs.start_reextract(True))
        self.jobs.imported.connect(self._imported)
        self.jobs.finished.connect(self._job_finished)
        self.jobs.busy.connect(lambda text: self.statusBar().showMessage(text, 4000))
        a["review_next"].triggered.connect(self.review_and_next)
        a["approve_anyway"].triggered.connect(self.approve_anyway)
        a["remove_filing"].triggered.connect(self.remove_current)
        a["learned_rules"].triggered.connect(self.show_learned_rules)
        a["show_all_fields"].setChecked(self.show_all)
        a["show_all_fields"].toggled.connect(self.set_show_all)
        a["focus_filter"].triggered.connect(self.queue.focus_filter)
        a["reset_layout"].triggered.connect(lambda: layout.reset(self, self.splitter))
        self.queue.filter_left.connect(self.fields.setFocus)
        a["next_filing"].triggered.connect(lambda: self.queue.step(+1))
        a["prev_filing"].triggered.connect(lambda: self.queue.step(-1))
        a["reject_value"].triggered.connect(self.reject_current)
        a["fill_from_selection"].triggered.connect(self.fill_from_selection)
        a["next_attention"].triggered.connect(lambda: self.step_attention(+1))
        a["prev_attention"].triggered.connect(lambda: self.step_attention(-1))
        a["undo"].triggered.connect(lambda: self._undo_redo(self.session.undo))
        a["redo"].triggered.connect(lambda: self._undo_redo(self.session.redo))
        a["flag"].triggered.connect(self.flag_current)
        a["find"].triggered.connect(self.viewer.find_bar.open_bar)
        a["quit"].triggered.connect(self.close)
        a["shortcuts"].triggered.connect(lambda: dialogs.show_shortcuts(self))
        a["about"].triggered.connect(lambda: dialogs.show_about(self, self.store_path))
        self.queue.document_chosen.connect(self.open_document)
        self.fields.focused.connect(self._field_focused)
        self.fields.validator = self._validate
        self.fields.hint.connect(lambda text: self.statusBar().showMessage(text, 4000))
        a["preferences"].triggered.connect(self.edit_preferences)
        self.fields.value_edited.connect(self._value_edited)
        self.viewer.span_clicked.connect(lambda key: self.fields.select_key(key))

    def _restore_layout(self) -> None:
        layout.restore(self, self.splitter, self.settings)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.jobs.wait()
        self.prefetch.stop()
        self.watch.stop()
        layout.save(self, self.splitter, self.settings)
        if self.doc_id is not None:
            self.settings.setValue("session/document", self.doc_id)
        super().closeEvent(event)

    # -- jobs: import, re-extraction, export -----------------------------------------------

    def start_import(self, paths: list[str]) -> bool:
        return bool(paths) and self.jobs.start_import([str(p) for p in paths])

    def export_csv(self) -> None:
        choice = dialogs.choose_export(self)
        if choice is not None:
            self.jobs.start_export(*choice)

    @Slot(int)
    def _imported(self, _doc_id: int) -> None:
        """A filing landed: the queue shows it within REFRESH_MS (one reload for a burst)."""
        if not self._refresh.isActive():
            self._refresh.start()

    def _refresh_queue(self) -> None:
        current = self.queue.current_document()
        self.queue.model.reload()
        if current is not None:
            self.queue.select_document(current, emit=False)
        elif self.queue.model.rowCount():
            self.queue.select_row(0)

    @Slot(str, object)
    def _job_finished(self, kind: str, report) -> None:
        if kind == "import":
            self._refresh.stop()
            self._refresh_queue()
            self.statusBar().showMessage("Import: " + report.summary(), 10000)
            if report.failures:
                self.report_dialog = ImportReportDialog(report, self)
                self.report_dialog.show()
        elif kind == "reextract":
            self.queue.model.reload()
            if self.doc_id is not None:
                self.open_document(self.doc_id)
            self.statusBar().showMessage(report.summary(), 10000)
        elif kind == "export":
            if report.error:
                QMessageBox.warning(self, "Export CSV", report.summary())
            self.statusBar().showMessage(report.summary(), 8000)
        self.count_outdated()

    # -- showing a filing ------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        row = self.repo.document(doc_id)
        if row is None:
            return
        if doc_id != self.doc_id:
            self._reset_seen()
        self.doc_id = doc_id
        self._form = row.form_type
        ready = self.prefetch.take(doc_id)
        if ready is None:
            doc, prebuilt = self.repo.load_document(doc_id), None
        else:
            doc, prebuilt, current = ready
            if not current:  # built before another writer committed: kept if the text is the same
                fresh = self.repo.load_document(doc_id)
                doc, prebuilt = fresh, (prebuilt if fresh.text == doc.text else None)
        self.viewer.show_document(doc, [], prebuilt=prebuilt)
        values = self.repo.field_values(doc_id)
        if row.status != "reviewed" and propose_on_open(self.repo, doc_id, values, doc,
                                                        self.session.who):
            values = self.repo.field_values(doc_id)  # with what the filer's memory proposed
            row = self.repo.document(doc_id) or row
            self.queue.model.refresh_rows([doc_id])
        self._show_values(values)
        self._show_title(row)
        self.settings.setValue("session/document", doc_id)
        self._prefetch_next(doc_id)

    def _show_title(self, row: DocumentRecord) -> None:
        title = " · ".join(x for x in (row.company_name, row.form_type, row.doc_date) if x)
        self.setWindowTitle(f"{title or row.file_name} — Filing Reviewer")

    def _show_values(self, values: list[FieldValue] | None = None) -> None:
        """The filing's values (read from the store unless given): highlights and field panel
        (the text stays)."""
        self._values = self.repo.field_values(self.doc_id) if values is None else values
        self.viewer.set_spans([(fv.span_start, fv.span_end, RowKey(fv.field, fv.id), self._group(fv.field))
                               for fv in self._values if fv.state is not State.REJECTED])
        self._changes = {c.field: c.describe()
                         for c in self.repo.changes_for(self.doc_id, self._values)}
        self._sources = memory_sources(self.repo, self._values, self.doc_id)
        self.fields.show_values(self._values, self._form, self.viewer.text, self.show_all,
                                self._changes, self._sources)

    def _prefetch_next(self, doc_id: int) -> None:
        """Lay out the next filing of the queue while this one is read, if it is large."""
        next_id = self.queue.model.document_id(self.queue.model.row_of(doc_id) + 1)
        if next_id is not None:
            row = self.repo.document(next_id)
            if row is not None:
                self.prefetch.want(next_id, row.size, self.viewer.font_for(row.format))

    def _group(self, field: str) -> str:
        fd = self.session.schema.get(field)
        return fd.group if fd else "custom"

    def show_learned_rules(self) -> None:
        """Tools > Learned Rules: a non-modal list; switching a rule off stops its proposals."""
        from .learned_rules import LearnedRulesDialog

        self.learned_rules = LearnedRulesDialog(self.repo, self)
        self.learned_rules.show()

    def set_show_all(self, on: bool) -> None:
        """View > Show All Fields: every field of the form, not only those this filing can hold."""
        self.show_all = on
        self.settings.setValue("view/show_all", on)
        self._reload_values()

    def _field_focused(self, key: RowKey) -> None:
        self._mark_seen(key)
        self.viewer.focus_span(key)
        if key.field in self._changes:  # say it where the eye is, not only in a tooltip
            fd = self.session.schema.get(key.field)
            self.statusBar().showMessage(
                f"{fd.label if fd else key.field} changed since the filer's last filing: "
                f"{self._changes[key.field]}", 8000)
        elif (why := self._sources.get(key.value_id or -1, "")).startswith(WITHHELD):
            fd = self.session.schema.get(key.field)
            self.statusBar().showMessage(f"{fd.label if fd else key.field} {why}", 8000)
        self.settings.setValue("session/field", key.field)

    def _validate(self, field: str, text: str) -> tuple[str | None, str]:
        try:
            return self.session.normal_value(field, text), ""
        except InvalidValue as exc:
            return None, str(exc)

    def restore_field(self) -> None:
        """Focus the field the analyst was on when the window was last closed."""
        field = self.settings.value("session/field")
        key = next((k for k in self.fields.keys() if k.field == field), None)
        if key is not None:
            self.fields.select_key(key)
            self.fields.setFocus()

    def edit_preferences(self) -> None:
        name, ok = QInputDialog.getText(self, "Preferences", "Reviewer name (stored with every change):",
                                        text=self.session.who)
        if ok and name.strip():
            self.session.who = name.strip()
            self.settings.setValue("reviewer/name", self.session.who)
            self.update_status()

    # -- drag and drop: files and folders to import ---------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if self.start_import(paths):
            event.acceptProposedAction()

    def _reload_values(self, reopen: bool = False) -> None:
        """After a change: values, highlights and queue row, keeping the focused field. Only
        `reopen` (another writer committed; a re-extraction may change the text) sets the text again."""
        if self.doc_id is None:
            return
        key = self.fields.current_key()
        if reopen:
            scroll = self.viewer.editor.verticalScrollBar().value()
            self.open_document(self.doc_id)
            self.viewer.editor.verticalScrollBar().setValue(scroll)
        else:
            self._show_values()
        if key is not None:
            self.fields.blockSignals(True)
            self.fields.select_key(key)
            self.fields.blockSignals(False)
            self.viewer.highlighter.set_focused(key)
        self.queue.model.refresh_rows([self.doc_id])
        row = self.repo.document(self.doc_id)
        if row is not None:  # a corrected registrant or form shows in the title at once
            self._form = row.form_type
            self._show_title(row)
        self.update_status()

    def refresh_if_changed(self) -> bool:
        """Show what another window or `reviewer import` committed (not while a value is edited)."""
        version = self.repo.data_version()
        if version == self._seen_version or self.fields.state() == self.fields.State.EditingState:
            return False
        self._seen_version = version
        self.prefetch.mark_stale()  # another writer may have changed a filing's text
        current = self.queue.current_document()
        self.queue.model.reload()
        if current is not None:
            self.queue.select_document(current, emit=False)
        # The text is set again only if a re-extraction changed it: a `reviewer import` in
        # another terminal commits every filing, and reopening a 10 MB one costs ~0.2 s.
        changed = self.doc_id is not None and self.repo.document_text(self.doc_id) != self.viewer.text
        self._reload_values(reopen=changed)
        self.count_outdated()  # another writer may have imported or re-extracted
        return True

    def count_outdated(self) -> None:
        """Count the filings that re-extraction would update (a scan: not after every change)."""
        self._outdated = self.repo.count_other_versions(EXTRACTOR_VERSION)
        self.named_actions["reextract_outdated"].setEnabled(self._outdated > 0)
        self.update_status()

    def update_status(self) -> None:
        stats = self.repo.progress()
        older = f" · {self._outdated} extracted by an older extractor" if self._outdated else ""
        self.status_label.setText(
            f"{stats['reviewed']} of {stats['documents']} reviewed{older} · reviewer: {self.session.who}"
            f" · store: {self.store_path}")
