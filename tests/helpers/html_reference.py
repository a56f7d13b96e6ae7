"""The plain HTML-to-text walk, one writer call per event: the oracle for the fast walk in
reviewer.core.ingest.html, which must write exactly the same text."""

from __future__ import annotations

from lxml import etree

from reviewer.core.ingest.html import _BLOCK, _CELL, _HIDDEN, _SKIP, _WS


class _Writer:
    """Accumulates text with collapsed spaces and at most one blank line in a row.

    A table row is one line, its non-empty cells separated by a tab; a block inside a
    cell breaks the line only between pieces of text, never at the cell's edges.
    """

    __slots__ = ("chunks", "newlines", "space", "cell", "started", "fresh_cell", "in_cell", "row_mark")

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.newlines = 0  # newlines owed before the next text
        self.space = False  # a space owed before the next text
        self.cell = False  # a cell separator owed before the next text
        self.started = False
        self.fresh_cell = False  # inside a cell that has no text yet
        self.in_cell = 0  # depth of open cells
        self.row_mark = 0  # len(chunks) when the current row began

    def text(self, s: str, pre: bool = False) -> None:
        if pre:
            if s:
                self._flush()
                self.chunks.append(s)
            return
        s = _WS.sub(" ", s)
        if not s:
            return
        if s == " ":
            self.space = True
            return
        if s[0] == " ":
            self.space = True
        self._flush()
        self.chunks.append(s.strip(" "))
        self.space = s[-1] == " "

    def _flush(self) -> None:
        if self.started:
            if self.cell:
                self.chunks.append("\t")
            elif self.newlines:
                self.chunks.append("\n" * self.newlines)
            elif self.space:
                self.chunks.append(" ")
        self.newlines = 0
        self.space = self.cell = self.fresh_cell = False
        self.started = True

    def line(self, n: int = 1) -> None:
        """End the current line; n=2 leaves a blank line. Inside a cell, never at its edges."""
        if not self.started or (self.in_cell and (self.fresh_cell or self.cell)):
            return
        self.newlines = max(self.newlines, 1 if self.in_cell else n)
        self.space = self.cell = False

    def start_row(self) -> None:
        self.row_mark = len(self.chunks)

    def open_cell(self) -> None:
        """A <td>: its text goes after a tab, unless nothing of its row was written yet."""
        self.in_cell += 1
        self.fresh_cell = True
        if self.started and len(self.chunks) > self.row_mark:
            self.cell = True
            self.newlines = 0

    def close_cell(self) -> None:
        self.in_cell = max(0, self.in_cell - 1)
        self.fresh_cell = False

    def value(self) -> str:
        return "".join(self.chunks)


def reference_walk(root: etree._Element) -> str:
    out = _Writer()
    pre_depth = 0
    skipped = None
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or tag in _SKIP or _HIDDEN.search(el.get("style") or ""):
                walker.skip_subtree()
                skipped = el
                continue
            if tag == "br":
                out.line(1)
            elif tag in _CELL:
                out.open_cell()
            elif tag in _BLOCK:
                out.line(2 if tag in ("table", "hr") else 1)
                if tag == "pre":
                    pre_depth += 1
                elif tag == "tr":
                    out.start_row()
            if el.text:
                out.text(el.text, pre_depth > 0)
        else:
            if el is skipped:
                skipped = None
            elif tag in _CELL:
                out.close_cell()
            elif tag in _BLOCK:
                if tag == "pre":
                    pre_depth = max(0, pre_depth - 1)
                empty = not (el.text or "").strip(" \t\n\r\xa0") and len(el) == 0
                out.line(2 if empty or tag in ("table", "hr") else 1)
            if el.tail:
                out.text(el.tail, pre_depth > 0)
    return out.value().strip("\n") + "\n"
