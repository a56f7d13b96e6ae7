"""HTML and inline XBRL to readable text: blocks on lines, table rows on lines, cells by tabs.

lxml parses (libxml2's HTML parser: fast, forgiving, and it never fetches anything);
the walk over the tree is iterative, so nesting depth cannot exhaust the stack.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from ..document import Document, IngestError, Part
from .repair import after_html_end, lost_end, repair_markup, size
from .textfile import control_notice, decode_with_notice, drop_controls, drop_nuls

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
_WS_CHARS = " \t\n\r\f\v\xa0\u2002\u2003\u2009\u200b"
_WS = re.compile(f"[{_WS_CHARS}]+")
_XML_DECL = re.compile(r"^[\s\ufeff]*<\?xml[^>]*>", re.I)  # lxml refuses a str that starts with one
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)


# What an element does to the text, by its tag as lxml gives it (cached: a few dozen tags).
_INLINE, _SKIPPED, _BR, _CELL_KIND, _BLOCK_KIND, _GAP, _PRE, _ROW = range(8)
_KINDS: dict[object, int] = {"reviewer-end": _BLOCK_KIND}
_THE_END = (("end", etree.Element("reviewer-end")),)  # a block's end after the document's


def _kind(tag: object) -> int:
    kind = _KINDS.get(tag)
    if kind is None:
        if not isinstance(tag, str):
            kind = _SKIPPED  # comments, processing instructions, entities
        else:
            lower = tag.lower()
            kind = (_SKIPPED if lower in _SKIP else _BR if lower == "br" else _CELL_KIND if lower in _CELL
                    else _GAP if lower in ("table", "hr") else _PRE if lower == "pre"
                    else _ROW if lower == "tr" else _BLOCK_KIND if lower in _BLOCK else _INLINE)
        if len(_KINDS) < 10_000:  # a hostile file's made-up tags must not grow it for ever
            _KINDS[tag] = kind
    return kind


def html_to_text(markup: str, notices: list[str] | None = None, check_end: bool = True) -> str:
    """Readable text of an HTML or inline-XBRL document; `notices` (when given) gets a line
    for each part of the markup that would have been lost or replaced, and what was done.
    `check_end` False: XBRL data hides its last words on purpose, so their absence is no sign."""
    told: list[str] = [] if notices is None else notices
    markup = _XML_DECL.sub("", drop_nuls(markup, told), count=1)  # NULs first: one can hide it
    if not markup or markup.isspace():
        return ""
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True,
        collect_ids=False,  # no lookups by id: iXBRL has an id on every fact, 6% of the parse
    )
    markup = repair_markup(markup, told)
    root = _parse(markup, parser)
    if root is None:
        return ""
    text = _walk(root)
    if (again := after_html_end(markup, text, told)) is not None:
        markup, root = again, _parse(again, parser)
        if root is None:
            return ""
        text = _walk(root)
    text, controls = drop_controls(text)  # raw, or from a reference such as &#16;
    if controls:
        told.append(control_notice(controls))
    replaced = text.count("\ufffd") - markup.count("\ufffd")
    if replaced > 0:
        told.append(f"{replaced:,} invalid character{'s' if replaced != 1 else ''} "
                    "(or character references) replaced by \ufffd")
    swallowed = root.xpath("//@*[contains(., '<')]")
    eaten = sum(len(v) for v in swallowed if _MARKUP.search(v))
    if eaten:
        told.append(f"an unclosed quote in a tag hid {size(eaten)} of markup and its text")
    elif check_end and (lost := lost_end(markup, text)):
        told.append(lost)
    return text


def _parse(markup: str, parser: etree.HTMLParser) -> etree._Element | None:
    """The tree of `markup`; IngestError for markup nested past the parser's limit."""
    try:
        root = etree.fromstring(markup, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise IngestError(f"unreadable HTML: {exc}") from None
    for err in parser.error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT":
            raise IngestError("HTML nested deeper than the parser's limit (2048 levels); "
                              "a broken or hostile file, refused rather than read in part")
    return root


_MARKUP = re.compile(r"<[A-Za-z/][^<>]*>")


def _walk(root: etree._Element) -> str:
    """The text of the tree: collapsed spaces, at most one blank line in a row, a table row
    on one line with its non-empty cells separated by tabs; a block inside a cell breaks
    the line only between pieces of text, never at the cell's edges.

    Text between two structural events (a block, cell, row or line break starting or
    ending) is gathered raw and written at once: collapsing the spaces of the joined run is
    the same as collapsing them piece by piece, and the inline elements, half of a filing's,
    then cost an append each. The writer's state is kept in locals: this loop runs for
    every element of every filing and is the bulk of an HTML import.
    """
    chunks: list[str] = []
    newlines = 0  # newlines owed before the next text
    space = False  # a space owed before the next text
    cell = False  # a cell separator owed before the next text
    started = False  # any text written yet
    fresh_cell = False  # inside a cell that has no text yet
    in_cell = 0  # depth of open cells
    row_mark = 0  # len(chunks) when the current row began
    run: list[str] = []  # raw text since the last structural event
    pre_depth = 0
    kinds = _KINDS
    skipped = False  # the element just started is skipped: its end event comes next
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in itertools.chain(walker, _THE_END):  # the end writes the last run
        kind = kinds.get(el.tag)
        if kind is None:
            kind = _kind(el.tag)
        start = event == "start"
        if start:
            style = el.get("style")
            if kind == _SKIPPED or (style and "none" in style.lower() and _HIDDEN.search(style)):
                walker.skip_subtree()
                skipped = True
                continue
        elif skipped:
            skipped = False
            kind = _INLINE  # only its tail is read
        if kind and (start or kind != _BR):
            if run:  # write the run of text before this event
                s = run[0] if len(run) == 1 else "".join(run)
                run.clear()
                if not pre_depth:
                    if not s.strip(_WS_CHARS):  # only spaces: the source's line ends between cells
                        space = True
                        s = ""
                    elif not s.isprintable():  # printable: no tab, line end or odd space
                        s = s.replace("\n", " ")  # most often source lines: cheaper than the regex
                        if not s.isprintable() or "  " in s:
                            s = _WS.sub(" ", s)
                    elif "  " in s:
                        s = _WS.sub(" ", s)
                    if s == " ":
                        space = True
                        s = ""
                if s:
                    if started:
                        chunks.append("\t" if cell else "\n" * newlines if newlines
                                      else " " if space or (not pre_depth and s[0] == " ") else "")
                    newlines, cell, fresh_cell, started = 0, False, False, True
                    if pre_depth:
                        chunks.append(s)
                        space = False
                    else:
                        chunks.append(s.strip(" "))
                        space = s[-1] == " "
            if start and kind == _CELL_KIND:
                in_cell += 1
                fresh_cell = True
                if started and len(chunks) > row_mark:  # a tab, unless nothing of the row was written
                    cell = True
                    newlines = 0
            elif not start and kind == _CELL_KIND:
                if in_cell:
                    in_cell -= 1
                fresh_cell = False
            else:  # a line ends: n=2 leaves a blank line
                if start:
                    n = 2 if kind == _GAP else 1
                    if kind == _PRE:
                        pre_depth += 1
                    elif kind == _ROW:
                        row_mark = len(chunks)
                else:
                    if kind == _PRE:
                        if pre_depth:
                            pre_depth -= 1
                    empty = len(el) == 0 and not (el.text or "").strip(" \t\n\r\xa0")
                    n = 2 if empty or kind == _GAP else 1
                if started and not (in_cell and (fresh_cell or cell)):  # in a cell, never at its edges
                    if in_cell:
                        n = 1
                    if n > newlines:
                        newlines = n
                    space = cell = False
        text = el.text if start else el.tail
        if text:
            run.append(text)
    return "".join(chunks).strip("\n") + "\n"


_HTML_SIGNS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
# Tags of HTML bodies; EDGAR's own SGML text markup (<PAGE>, <TABLE>, <S>, <C>, <FN>) is not HTML.
_HTML_TAGS = re.compile(r"<(?:p|div|br|font|td|tr|span|b|i|center|hr)(?:\s[^<>]*)?/?>", re.I)


def looks_like_html(text: str) -> bool:
    """An HTML or XHTML document, judged by its first kilobytes."""
    head = text[:4096]
    return bool(_HTML_SIGNS.search(head)) or len(_HTML_TAGS.findall(head)) >= 3


def ingest_html(data: bytes) -> Document:
    """A standalone HTML or inline XBRL document."""
    markup, _, decoded = decode_with_notice(data)
    notices = [decoded] if decoded else []
    text = html_to_text(markup, notices)
    if not text.strip():
        raise IngestError("HTML document with no visible text")
    return Document(text=text, format="html", parts=[Part("body", 0, len(text), format="html")],
                    notices=notices)
