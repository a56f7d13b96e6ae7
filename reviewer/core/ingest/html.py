"""HTML and inline XBRL to readable text: blocks on lines, table rows on lines, cells by tabs.

lxml parses (libxml2's HTML parser: fast, forgiving, and it never fetches anything);
the walk over the tree is iterative, so nesting depth cannot exhaust the stack.
"""

from __future__ import annotations

import re

from lxml import etree

from ..document import Document, IngestError, Part
from .textfile import decode_bytes

# Elements whose content is never shown.
_SKIP = frozenset(
    "head script style noscript template title meta link object embed iframe svg math "
    "ix:header xbrli:context xbrli:unit".split()
)
# Elements that start and end a line.
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre center address section article "
    "header footer nav aside form fieldset table thead tbody tfoot caption tr hr body html "
    "figure figcaption main page".split()
)
_CELL = frozenset(("td", "th"))
_WS = re.compile(r"[ \t\n\r\f\v\xa0\u2002\u2003\u2009\u200b]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)


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


_LOWER: dict[str, str] = {}


def _tag(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comments, processing instructions, entities
    lower = _LOWER.get(tag)
    if lower is None:
        lower = _LOWER.setdefault(tag, tag.lower())
    return lower


def _hidden(el: etree._Element) -> bool:
    style = el.get("style")
    return bool(style) and "none" in style.lower() and bool(_HIDDEN.search(style))


def html_to_text(markup: str) -> str:
    """Readable text of an HTML or inline-XBRL document."""
    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        return ""
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True
    )
    try:
        root = etree.fromstring(markup, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise IngestError(f"unreadable HTML: {exc}") from None
    for err in parser.error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT":
            raise IngestError("HTML nested deeper than the parser's limit (2048 levels); "
                              "a broken or hostile file, refused rather than read in part")
    if root is None:
        return ""
    out = _Writer()
    pre_depth = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = _tag(el)
        if event == "start":
            if not tag or tag in _SKIP or _hidden(el):
                walker.skip_subtree()
                if el.tail:
                    out.text(el.tail, pre_depth > 0)
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
            if tag in _CELL:
                out.close_cell()
            elif tag in _BLOCK:
                if tag == "pre":
                    pre_depth = max(0, pre_depth - 1)
                empty = not (el.text or "").strip(" \t\n\r\xa0") and len(el) == 0
                out.line(2 if empty or tag in ("table", "hr") else 1)
            if el.tail:
                out.text(el.tail, pre_depth > 0)
    return out.value().strip("\n") + "\n"


_HTML_SIGNS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
# Tags of HTML bodies; EDGAR's own SGML text markup (<PAGE>, <TABLE>, <S>, <C>, <FN>) is not HTML.
_HTML_TAGS = re.compile(r"<(?:p|div|br|font|td|tr|span|b|i|center|hr)(?:\s[^<>]*)?/?>", re.I)


def looks_like_html(text: str) -> bool:
    """An HTML or XHTML document, judged by its first kilobytes."""
    head = text[:4096]
    return bool(_HTML_SIGNS.search(head)) or len(_HTML_TAGS.findall(head)) >= 3


def ingest_html(data: bytes) -> Document:
    """A standalone HTML or inline XBRL document."""
    markup, encoding = decode_bytes(data)
    text = html_to_text(markup)
    if not text.strip():
        raise IngestError("HTML document with no visible text")
    doc = Document(text=text, format="html", parts=[Part("body", 0, len(text), format="html")])
    return doc
