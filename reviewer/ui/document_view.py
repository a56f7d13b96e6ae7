"""The filing text, read-only, every extracted span highlighted per block; find; jump to part."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
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


class Utf16Offsets:
    """Python offsets (code points) to Qt's (UTF-16 units): they differ past astral characters."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

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


class SpanHighlighter(QSyntaxHighlighter):
    """Colours the spans that overlap each block; cost per repaint is the visible blocks only."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0
        self.focused: object = None
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        self.rehighlight()

    def spans(self) -> list[Span]:
        return self._spans

    def set_focused(self, key: object) -> None:
        old, self.focused = self.focused, key
        for span in self._spans:
            if span.key in (old, key):
                self._rehighlight_range(span.start, span.end)

    def _rehighlight_range(self, start: int, end: int) -> None:
        doc = self.document()
        block = doc.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()

    def _format(self, group: str, focused: bool) -> QTextCharFormat:
        key = (group, focused)
        if key not in self._formats:
            fmt = QTextCharFormat()
            fmt.setBackground(theme.span_colour(group, focused))
            if focused:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setFontWeight(QFont.Weight.Bold)
            self._formats[key] = fmt
        return self._formats[key]

    def spans_at(self, position: int) -> list[Span]:
        i = bisect.bisect_right(self._starts, position)
        lo = bisect.bisect_left(self._starts, position - self._longest)
        return [s for s in self._spans[lo:i] if s.start <= position < s.end]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not self._spans:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        lo = bisect.bisect_left(self._starts, block_start - self._longest)
        hi = bisect.bisect_left(self._starts, block_end + 1)
        focused = []
        for span in self._spans[lo:hi]:
            if span.end <= block_start or span.start > block_end:
                continue
            start = max(span.start, block_start) - block_start
            end = min(span.end, block_end) - block_start
            if span.key == self.focused:
                focused.append((start, end, span.group))
            else:
                self.setFormat(start, max(end - start, 1 if end == start else 0),
                               self._format(span.group, False))
        for start, end, group in focused:  # drawn last: on top of overlapping spans
            self.setFormat(start, end - start, self._format(group, True))


class FindBar(QWidget):
    """Ctrl+F: find text in the filing, next and previous, with a match count."""

    def __init__(self, editor: QPlainTextEdit, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
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
        self.edit.returnPressed.connect(lambda: self.find(backward=False))
        prev_btn.clicked.connect(lambda: self.find(backward=True))
        next_btn.clicked.connect(lambda: self.find(backward=False))
        close_btn.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, lambda: self.find(backward=True))
        QShortcut(QKeySequence("Escape"), self, self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
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
        n = self.editor.toPlainText().casefold().count(needle.casefold())
        self.count.setText(f"{n} match{'es' if n != 1 else ''}")

    def find(self, backward: bool) -> bool:
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
        self.editor = QPlainTextEdit(readOnly=True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.editor.setUndoRedoEnabled(False)
        self.highlighter = SpanHighlighter(self.editor.document())
        self.parts = QComboBox()
        self.parts.setToolTip("Jump to a document of the submission")
        self.notice = QLabel(wordWrap=True)
        self.notice.setStyleSheet("color: palette(highlighted-text); background: palette(highlight);"
                                  " padding: 3px;")
        self.notice.hide()
        self.find_bar = FindBar(self.editor)
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

    def show_document(self, doc: Document, spans: list[tuple[int, int, object, str]]) -> None:
        """Show `doc` with spans (start, end, key, group) in Python offsets."""
        mono = doc.format in ("edgar", "text")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if mono else QFont()
        font.setPointSize(theme.DOCUMENT_FONT_POINT_SIZE)
        self.editor.document().setDefaultFont(font)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap if mono
                                    else QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._offsets = Utf16Offsets(doc.text)
        self._text = doc.text
        self.highlighter.focused = None
        self.highlighter.set_spans([])
        self.editor.setPlainText(doc.text)
        self.highlighter.set_spans([
            Span(self._offsets.to_qt(s), self._offsets.to_qt(e), key, group)
            for s, e, key, group in spans if s is not None and e is not None
        ])
        self._fill_parts(doc)
        self.notice.setText("\n".join(doc.notices))
        self.notice.setVisible(bool(doc.notices))

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
