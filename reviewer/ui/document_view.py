"""The filing text, read-only, every extracted span highlighted at paint time; find; jump to part."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.document import Document
from . import theme

GROUP_FROM_LINES = 20_000  # a filing with more lines is handed to Qt several lines to a block
LINES_PER_BLOCK = 8
LINE_SEPARATOR = "\u2028"


def qt_text(doc: Document) -> str:
    """The text as handed to QTextDocument: the same characters, the same length.

    QTextDocument spends ~2 us on each block (line) it is given: 0.3 s for the 131k lines of
    a 10 MB filing. A long filing's lines are therefore joined eight to a block by U+2028,
    which Qt draws as a line end and copies as "\n"; offsets are unchanged, and every part
    (document, page) still starts a block, so jumping to it is exact. The vertical scroll
    bar then counts blocks until they are laid out: proportional, a little coarser.
    """
    text = doc.text
    if text.count("\n") < GROUP_FROM_LINES:
        return text
    cuts = sorted({p.start for p in doc.parts if 0 < p.start < len(text) and text[p.start - 1] == "\n"})
    seps = [LINE_SEPARATOR] * (LINES_PER_BLOCK - 1) + ["\n"]
    pieces = []
    prev = 0
    for cut in [*cuts, len(text) + 1]:
        lines = text[prev : cut - 1].split("\n")  # the newline before the cut stays a block end
        joined: list[str] = [""] * (2 * len(lines) - 1)  # line, separator, line, ... in one join
        joined[0::2] = lines
        joined[1::2] = (seps * (len(lines) // LINES_PER_BLOCK + 1))[: len(lines) - 1]
        pieces.append("".join(joined))
        prev = cut
    return "\n".join(pieces)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Offsets:
    """Python offsets (code points) to Qt's (UTF-16 units): they differ past astral characters."""

    def __init__(self, text: str) -> None:
        # Found by the regex engine, not a Python loop over every character: most filings have
        # some non-ASCII text (quotes, dashes) and none astral; a loop cost 45 ms a megabyte.
        self._astral = ([m.start() for m in _ASTRAL.finditer(text)] if not text.isascii()
                        else [])

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        lo, hi = 0, position
        while lo < hi:  # the largest offset whose Qt position is <= position
            mid = (lo + hi + 1) // 2
            if self.to_qt(mid) <= position:
                lo = mid
            else:
                hi = mid - 1
        return lo


@dataclass(slots=True)
class Span:
    start: int  # Qt positions
    end: int
    key: object  # what the span stands for (a field value id)
    group: str


class SpanLayer:
    """The spans of a filing, sorted for lookup by position; drawn by SpanEdit at paint time."""

    def __init__(self, editor: SpanEdit) -> None:
        self.editor = editor
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0
        self.focused: object = None

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        self.editor.viewport().update()

    def spans(self) -> list[Span]:
        return self._spans

    def set_focused(self, key: object) -> None:
        self.focused = key
        self.editor.viewport().update()

    def spans_at(self, position: int) -> list[Span]:
        i = bisect.bisect_right(self._starts, position)
        lo = bisect.bisect_left(self._starts, position - self._longest)
        return [s for s in self._spans[lo:i] if s.start <= position < s.end]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that touch positions start..end (a block), in start order."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [s for s in self._spans[lo:hi] if s.end > start]


class SpanEdit(QPlainTextEdit):
    """A read-only text view that paints span backgrounds for the visible blocks only.

    Highlighting at paint time costs the blocks on screen, not the document: a 10 MB filing
    with a thousand spans opens as fast as its text can be laid out.
    """

    def __init__(self) -> None:
        super().__init__(readOnly=True)
        self.layer = SpanLayer(self)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.layer.spans():
            return
        painter = QPainter(self.viewport())
        offset = self.contentOffset()
        bottom = event.rect().bottom()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible():
                self._paint_block(painter, block, geometry)
            block = block.next()
        painter.end()

    def _paint_block(self, painter: QPainter, block, geometry: QRectF) -> None:
        start = block.position()
        end = start + block.length()
        layout = block.layout()
        for span in self.layer.overlapping(start, end):
            focused = span.key == self.layer.focused
            colour = theme.span_colour(span.group, focused)
            s = max(span.start, start) - start
            e = min(span.end, end - 1) - start
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls, le = line.textStart(), line.textStart() + line.textLength()
                if e <= ls or s >= le and not (s == e == ls):
                    continue
                x1 = line.cursorToX(max(s, ls))
                x2 = line.cursorToX(min(e, le))
                x1 = x1[0] if isinstance(x1, tuple) else x1
                x2 = x2[0] if isinstance(x2, tuple) else x2
                rect = QRectF(geometry.left() + x1, geometry.top() + line.y(), max(x2 - x1, 2.0),
                              line.height())
                painter.fillRect(rect, colour)
                if focused:
                    painter.setPen(QPen(theme.span_colour(span.group, True).darker(150), 1.5))
                    painter.drawRect(rect)


class FindBar(QWidget):
    """Ctrl+F: find text in the filing, next and previous, with a match count."""

    def __init__(self, editor: QPlainTextEdit, text: Callable[[], str], parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._text = text  # the shown text as a Python string, kept by the view
        self.edit = QLineEdit(placeholderText="Find in filing")
        self.count = QLabel()
        prev_btn, next_btn, close_btn = QToolButton(text="▲"), QToolButton(text="▼"), QToolButton(text="✕")
        prev_btn.setToolTip("Previous match (Shift+Enter)")
        next_btn.setToolTip("Next match (Enter)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.edit, self.count, prev_btn, next_btn, close_btn):
            layout.addWidget(w)
        self.edit.textChanged.connect(self._update_count)
        self.edit.returnPressed.connect(lambda: self.find_next(backward=False))
        prev_btn.clicked.connect(lambda: self.find_next(backward=True))
        next_btn.clicked.connect(lambda: self.find_next(backward=False))
        close_btn.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, lambda: self.find_next(backward=True))
        QShortcut(QKeySequence("Escape"), self, self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and LINE_SEPARATOR not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def _update_count(self) -> None:
        needle = self.edit.text()
        if not needle:
            self.count.setText("")
            return
        n = self._text().casefold().count(needle.casefold())
        self.count.setText(f"{n} match{'es' if n != 1 else ''}")

    def find_next(self, backward: bool) -> bool:
        needle = self.edit.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.editor.find(needle, flags):
            return True
        cursor = self.editor.textCursor()  # wrap around
        cursor.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        return self.editor.find(needle, flags)


class DocumentView(QWidget):
    """The filing with its highlighted evidence; says which span the analyst clicked."""

    span_clicked = Signal(object)  # the span's key

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editor = SpanEdit()
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.editor.setUndoRedoEnabled(False)
        self.highlighter = self.editor.layer
        self.parts = QComboBox()
        self.parts.setToolTip("Jump to a document of the submission")
        self.notice = QLabel(wordWrap=True)
        self.notice.setStyleSheet("color: palette(highlighted-text); background: palette(highlight);"
                                  " padding: 3px;")
        self.notice.hide()
        self.find_bar = FindBar(self.editor, lambda: self._text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.parts)
        layout.addWidget(self.notice)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.parts.activated.connect(self._jump_to_part)
        self.editor.viewport().installEventFilter(self)
        self._offsets = Utf16Offsets("")
        self._text = ""
        self._part_starts: list[int] = []
        self._prebuilt: QTextDocument | None = None

    @staticmethod
    def font_for(fmt: str) -> QFont:
        """Monospaced for text and SGML filings (their columns matter), proportional otherwise."""
        mono = fmt in ("edgar", "text")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if mono else QFont()
        font.setPointSize(theme.DOCUMENT_FONT_POINT_SIZE)
        return font

    def show_document(self, doc: Document, spans: list[tuple[int, int, object, str]],
                      prebuilt: QTextDocument | None = None) -> None:
        """Show `doc` with spans (start, end, key, group) in Python offsets; `prebuilt` is its
        text already laid out in the background (see prefetch.py)."""
        mono = doc.format in ("edgar", "text")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap if mono
                                    else QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._offsets = Utf16Offsets(doc.text)
        self._text = doc.text
        self.highlighter.focused = None
        self.highlighter.set_spans([])
        if prebuilt is not None:
            self._prebuilt = prebuilt  # the editor does not own it: keep it alive while shown
            self.editor.setDocument(prebuilt)
        else:
            self.editor.document().setDefaultFont(self.font_for(doc.format))
            self.editor.setPlainText(qt_text(doc))
        self.set_spans(spans)
        self._fill_parts(doc)
        self.notice.setText("\n".join(doc.notices))
        self.notice.setVisible(bool(doc.notices))

    def set_spans(self, spans: list[tuple[int, int, object, str]]) -> None:
        """Highlight spans (start, end, key, group) given in Python offsets of the shown text."""
        self.highlighter.set_spans([
            Span(self._offsets.to_qt(s), self._offsets.to_qt(e), key, group)
            for s, e, key, group in spans if s is not None and e is not None
        ])

    @property
    def text(self) -> str:
        """The text shown, as Python sees it (offsets of spans and selections index it)."""
        return self._text

    def _fill_parts(self, doc: Document) -> None:
        self.parts.clear()
        self._part_starts = []
        for part in doc.parts:
            if part.kind == "header":
                label = "SEC header"
            elif part.kind == "page":
                label = f"Page {part.page}"
            elif part.kind == "document":
                label = " · ".join(x for x in (part.sequence, part.type, part.filename) if x)
            else:
                continue
            self.parts.addItem(label)
            self._part_starts.append(self._offsets.to_qt(part.start))
        self.parts.setVisible(self.parts.count() > 1)

    def _jump_to_part(self, index: int) -> None:
        if 0 <= index < len(self._part_starts):
            self.scroll_to(self._part_starts[index], self._part_starts[index], top=True)

    def scroll_to(self, start: int, end: int, top: bool = False) -> None:
        """Show Qt positions start..end in the middle (or at the top) of the view."""
        cursor = self.editor.textCursor()
        cursor.setPosition(min(end, self.editor.document().characterCount() - 1))
        self.editor.setTextCursor(cursor)
        cursor.setPosition(start)
        self.editor.setTextCursor(cursor)
        block = self.editor.document().findBlock(start)
        if top:
            self.editor.verticalScrollBar().setValue(block.firstLineNumber())
        else:
            self.editor.centerCursor()

    def focus_span(self, key: object) -> bool:
        """Make `key`'s span the strong one and scroll it into view."""
        self.highlighter.set_focused(key)
        for span in self.highlighter.spans():
            if span.key == key:
                self.scroll_to(span.start, span.end)
                return True
        return False

    def selection(self) -> tuple[str, int, int] | None:
        """The selected text and its span in Python offsets, or None."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        return self._text[start:end], start, end

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.editor.viewport() and event.type() == QEvent.Type.MouseButtonRelease
                and not self.editor.textCursor().hasSelection()):
            position = self.editor.cursorForPosition(event.position().toPoint()).position()
            spans = self.highlighter.spans_at(position)
            if spans:
                self.span_clicked.emit(min(spans, key=lambda s: s.end - s.start).key)
        return super().eventFilter(watched, event)
