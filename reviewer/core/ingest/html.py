"""HTML and inline XBRL to readable text: blocks on lines, table rows on lines, cells by tabs.

lxml parses (libxml2's HTML parser: fast, forgiving, and it never fetches anything);
the walk over the tree is iterative, so nesting depth cannot exhaust the stack.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from ..document import Document, Fact, IngestError, Part
from .lines_in_markup import with_encoded_breaks, wrapped_text
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
# A _FACT (an inline XBRL fact) is written as an inline element; the walk notes where it lies.
_INLINE, _SKIPPED, _BR, _CELL_KIND, _BLOCK_KIND, _GAP, _PRE, _ROW, _FACT = range(9)
_KINDS: dict[object, int] = {"reviewer-end": _BLOCK_KIND, "ix:nonnumeric": _FACT, "ix:nonfraction": _FACT}
_MAX_FACTS = 5000  # a hostile file's millions of tags must not become millions of facts
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


def html_to_text(markup: str, notices: list[str] | None = None, check_end: bool = True,
                 facts: list[Fact] | None = None) -> str:
    """Readable text of an HTML or inline-XBRL document; `notices` (when given) gets a line
    for each part of the markup that would have been lost or replaced, and what was done.
    `check_end` False: XBRL data hides its last words on purpose, so their absence is no sign.
    `facts` (when given) gets the document's inline XBRL `dei:` facts, spans in the text returned."""
    told: list[str] = [] if notices is None else notices
    markup = _XML_DECL.sub("", drop_nuls(markup, told), count=1)  # NULs first: one can hide it
    if not markup or markup.isspace():
        return ""
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True,
        collect_ids=False,  # no lookups by id: iXBRL has an id on every fact, 6% of the parse
    )
    if (plain := wrapped_text(markup)) is not None:
        return plain
    markup = with_encoded_breaks(repair_markup(markup, told))
    root = _parse(markup, parser)
    if root is None:
        return ""
    found: list[Fact] | None = [] if facts is not None else None
    text = _walk(root, found)
    if (again := after_html_end(markup, text, told)) is not None:
        markup, root = again, _parse(again, parser)
        if root is None:
            return ""
        found = [] if facts is not None else None
        text = _walk(root, found)
    text, controls = drop_controls(text)  # raw, or from a reference such as &#16;
    if controls:
        told.append(control_notice(controls))
        if found:
            _find_again(found, text)
    if facts is not None and found:
        facts.extend(found)
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


def _walk(root: etree._Element, facts: list[Fact] | None = None) -> str:
    """The text of the tree: collapsed spaces, at most one blank line in a row, a table row
    on one line with its non-empty cells separated by tabs; a block inside a cell breaks
    the line only between pieces of text, never at the cell's edges. `facts` (when given)
    gets the inline XBRL `dei:` facts, shown ones with their spans in the text.

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
    keep = facts is not None
    tagged: list[etree._Element] = []  # the dei: facts shown, in text order
    spans: list[list[int]] = []  # their [start, end] in the joined chunks, -1 until placed
    open_facts: list[int] = []  # facts open at this point of the walk; -1 for one not kept
    marks: list[tuple[int, int, int]] = []  # (fact, 0 start | 1 end, offset in the run) to place
    tally = [0, 0]  # chunks counted, their length
    hidden: list[etree._Element] = []  # skipped subtrees that may hold facts and contexts
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in itertools.chain(walker, _THE_END):  # the end writes the last run
        kind = kinds.get(el.tag)
        if kind is None:
            kind = _kind(el.tag)
        start = event == "start"
        if start:
            style = el.get("style")
            if kind == _SKIPPED or (style and "none" in style.lower() and _HIDDEN.search(style)):
                if keep and (kind != _SKIPPED or el.tag == "ix:header"):
                    hidden.append(el)
                walker.skip_subtree()
                skipped = True
                continue
        elif skipped:
            skipped = False
            kind = _INLINE  # only its tail is read
        if kind == _FACT:
            kind = _INLINE
            if keep:
                if start:
                    if (el.get("name") or "").startswith("dei:") and len(tagged) < _MAX_FACTS:
                        open_facts.append(len(tagged))
                        marks.append((len(tagged), 0, sum(map(len, run))))
                        tagged.append(el)
                        spans.append([-1, -1])
                    else:
                        open_facts.append(-1)
                elif open_facts and (n := open_facts.pop()) >= 0:
                    marks.append((n, 1, sum(map(len, run))))
        if kind and (start or kind != _BR):
            if run:  # write the run of text before this event
                s = run[0] if len(run) == 1 else "".join(run)
                raw = s
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
                if marks:
                    _place(marks, spans, tally, chunks, raw, s, bool(pre_depth))
            elif marks:
                _place(marks, spans, tally, chunks, "", "", False)
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
    joined = "".join(chunks)
    out = joined.strip("\n") + "\n"
    if keep:
        assert facts is not None
        lead = len(joined) - len(joined.lstrip("\n"))
        facts.extend(_shown_facts(out, tagged, spans, lead))
        facts.extend(_hidden_facts(hidden))
        if facts:
            _add_dims(facts, hidden)
    return out


def _place(marks: list[tuple[int, int, int]], spans: list[list[int]], tally: list[int],
           chunks: list[str], raw: str, written: str, pre: bool) -> None:
    """Where the facts' starts and ends noted in a run of text `raw` fall in the output: the
    run was written as `written` (white space collapsed, then stripped) as the last chunk, or
    not at all when `written` is empty."""
    counted, total = tally
    while counted < len(chunks):
        total += len(chunks[counted])
        counted += 1
    tally[0], tally[1] = counted, total
    if written:
        piece = len(chunks[-1])
        at = total - piece
        lead = 0 if pre or written[0] != " " else 1
    for n, which, k in marks:
        if not written:
            pos = total
        elif pre:
            pos = at + min(k, piece)
        else:
            pos = at + max(0, min(piece, len(_WS.sub(" ", raw[:k])) - lead))
        spans[n][which] = pos
    marks.clear()


def _fold(s: str) -> str:
    return " ".join(s.split())


def _shown_facts(text: str, tagged: list[etree._Element], spans: list[list[int]], lead: int
                 ) -> list[Fact]:
    """The facts the walk placed, their spans trimmed of white space; "" when a tag shows nothing."""
    out = []
    last = len(text) - 1  # the final newline is never a fact's
    for el, (start, end) in zip(tagged, spans, strict=True):
        if start < 0 or end < 0:  # never placed: read it from the tree
            value = _fold("".join(el.itertext()))
            if value:
                out.append(Fact(el.get("name") or "", value[:2000], context=el.get("contextref") or ""))
            continue
        start, end = max(0, start - lead), min(last, end - lead)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Fact(el.get("name") or "", _fold(text[start:end])[:2000], start, end,
                            el.get("contextref") or ""))
    return out


def _hidden_facts(hidden: list[etree._Element]) -> list[Fact]:
    """The `dei:` facts of the subtrees not shown (the `ix:header`'s `ix:hidden`), with no span."""
    out = []
    for root in hidden:
        for el in root.iter("ix:nonnumeric", "ix:nonfraction"):
            name = el.get("name") or ""
            if name.startswith("dei:") and (value := _fold("".join(el.itertext()))):
                out.append(Fact(name, value[:2000], context=el.get("contextref") or ""))
                if len(out) >= _MAX_FACTS:
                    return out
    return out


def _add_dims(facts: list[Fact], hidden: list[etree._Element]) -> None:
    """Each fact's context dimensions (`axis=member`), from the contexts of the hidden header."""
    wanted = {f.context for f in facts}
    dims: dict[str, list[str]] = {}
    for root in hidden:
        for ctx in root.iter("xbrli:context"):
            if ctx.get("id") not in wanted:  # a 10-K's header has a thousand; its dei: facts use a few
                continue
            members = [f"{m.get('dimension') or ''}={_fold(''.join(m.itertext()))}"
                       for m in ctx.iter("xbrldi:explicitmember", "xbrldi:typedmember")]
            if members:
                dims[ctx.get("id") or ""] = members
    if dims:
        for fact in facts:
            if fact.context in dims:
                fact.dims = list(dims[fact.context])


def _find_again(facts: list[Fact], text: str) -> None:
    """After characters were taken out of the text, each shown fact's span found again."""
    at = 0
    for fact in facts:
        if fact.start < 0:
            continue
        i = text.find(fact.text, at)
        fact.start, fact.end = (i, i + len(fact.text)) if i >= 0 else (-1, -1)
        if i >= 0:
            at = i


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
    facts: list[Fact] = []
    text = html_to_text(markup, notices, facts=facts)
    if not text.strip():
        raise IngestError("HTML document with no visible text")
    return Document(text=text, format="html", parts=[Part("body", 0, len(text), format="html")],
                    notices=notices, facts=facts)
