"""Prefetch: while the analyst reads a filing, the next large one is laid out off the GUI thread.

Building the QTextDocument of a 10 MB filing costs ~0.1 s (lines grouped, see qt_text);
attaching a built one ~0.05 s. QTextDocument is reentrant: it is built on the worker thread,
in slices so that the GUI thread is never held off the GIL for long, then handed over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QFont, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from ..core.document import Document
from ..store import Repository, open_store
from .document_view import qt_text

LARGE_BYTES = 1_000_000  # smaller filings open fast enough without help
SLICE_CHARS = 200_000  # text handed to Qt per call while building in the background (a few ms)


class _Builder(QObject):
    built = Signal(int, object, object)  # doc_id, Document, QTextDocument (owned by the GUI thread)

    def __init__(self, store_path: Path) -> None:
        super().__init__()
        self.store_path = store_path
        self._repo: Repository | None = None

    @Slot(int, object)
    def build(self, doc_id: int, font: QFont) -> None:
        if self._repo is None:  # a connection of this thread's own
            self._repo = Repository(open_store(self.store_path))
        try:
            doc = self._repo.load_document(doc_id)
        except KeyError:
            return
        qdoc = QTextDocument()
        qdoc.setDocumentLayout(QPlainTextDocumentLayout(qdoc))
        qdoc.setDefaultFont(font)
        qdoc.setUndoRedoEnabled(False)
        # In slices: PySide holds the GIL for the whole of one Qt call, and one setPlainText
        # of a large filing would stop the GUI thread's Python (painting, key handling) for
        # as long. Between slices the GUI thread gets its turn.
        cursor = QTextCursor(qdoc)
        shown = qt_text(doc)
        for at in range(0, len(shown), SLICE_CHARS):
            cursor.insertText(shown[at : at + SLICE_CHARS])
        qdoc.moveToThread(QCoreApplication.instance().thread())
        self.built.emit(doc_id, doc, qdoc)


class Prefetcher(QObject):
    """Builds the documents of large filings ahead of time; keeps the last two."""

    request = Signal(int, object)

    def __init__(self, store_path: Path, parent=None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._builder = _Builder(store_path)
        self._builder.moveToThread(self._thread)
        self.request.connect(self._builder.build)
        self._builder.built.connect(self._store)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # quitting without closing the window must not leave the thread running
            app.aboutToQuit.connect(self.stop)
        # doc_id -> (document, its QTextDocument, the generation it was asked in)
        self._ready: dict[int, tuple[Document, QTextDocument, int]] = {}
        self._asked: dict[int, int] = {}  # doc_id -> generation, while it is being built
        self._generation = 0  # moved on by each commit of another writer (mark_stale)

    def want(self, doc_id: int, size: int, font: QFont) -> None:
        """Lay out `doc_id` in the background if it is large and not already under way."""
        if size >= LARGE_BYTES and doc_id not in self._ready and doc_id not in self._asked:
            self._asked[doc_id] = self._generation
            self.request.emit(doc_id, QFont(font))

    def built(self, doc_id: int) -> QTextDocument | None:
        """The laid-out document of `doc_id` if it is ready (it stays ready)."""
        entry = self._ready.get(doc_id)
        return entry[1] if entry is not None else None

    def take(self, doc_id: int) -> tuple[Document, QTextDocument, bool] | None:
        """The built filing, and whether it was read after the last commit of another writer
        (if not, the caller checks that its text is still the same)."""
        self._asked.pop(doc_id, None)
        entry = self._ready.pop(doc_id, None)
        if entry is None:
            return None
        doc, qdoc, generation = entry
        return doc, qdoc, generation == self._generation

    @Slot(int, object, object)
    def _store(self, doc_id: int, doc: Document, qdoc: QTextDocument) -> None:
        self._ready[doc_id] = (doc, qdoc, self._asked.pop(doc_id, -1))
        while len(self._ready) > 2:
            self._ready.pop(next(iter(self._ready)))

    def mark_stale(self) -> None:
        """Another writer committed: what is built (or being built) may be out of date."""
        self._generation += 1

    def clear(self) -> None:
        self._ready.clear()
        self._asked.clear()

    def stop(self) -> None:
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
