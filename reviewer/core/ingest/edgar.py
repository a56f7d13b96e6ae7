"""EDGAR full submissions: the SEC header and every <DOCUMENT>, as one text with a map.

Handles the 1990s PRIVACY-ENHANCED MESSAGE wrapper, the `KEY: value` header of .txt
submissions, the tag-per-value header of `.nc` dissemination files (often all on one
line), header-only files, and documents in plain text, HTML, inline XBRL, XML,
uuencoded binaries and <PDF> blocks. Binaries are listed, never shown as text.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..document import Document, Fact, IngestError, Part
from .header import parse_colon_header, parse_tag_header, shift_header
from .html import html_to_text, looks_like_html
from .textfile import decode_with_notice, normalize_text

_DOC_TAG = re.compile(r"<(/?)DOCUMENT>", re.I)
_META_RE = re.compile(r"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^<\n]*)", re.I)
_TEXT_OPEN = re.compile(r"<TEXT>", re.I)
_WRAPPER_OPEN = re.compile(r"\A\s*<(XBRL|XML|HTML|PDF)>", re.I)
_UUE_BEGIN = re.compile(r"^begin [0-7]{3,4} (\S[^\n]*)$", re.M)
_HEADER_END = re.compile(r"</(?:SEC|IMS)-HEADER>", re.I)
_HEADER_START = re.compile(r"<(?:SEC|IMS)-HEADER>[^\n]*\n?", re.I)

# Document types that are machine-readable data, listed but not shown as text.
_DATA_TYPES = re.compile(r"^(EX-101|XML$|ZIP$|EXCEL$|JSON$|GRAPHIC$|PDF$|EX-FILING FEES$)", re.I)

SIGNATURES = ("<SEC-DOCUMENT>", "<SEC-HEADER>", "<IMS-DOCUMENT>", "<IMS-HEADER>", "<SUBMISSION>")


def looks_like_edgar(head: str) -> bool:
    """A full submission, judged by its first kilobytes."""
    upper = head[:8192].upper()
    if "-----BEGIN PRIVACY-ENHANCED MESSAGE-----" in upper[:200]:
        return True
    if any(sig in upper for sig in SIGNATURES):
        return True
    if re.match(r"\s*<DOCUMENT>\s*<TYPE>", upper):  # one document cut from a submission
        return True
    return bool(re.search(r"^ACCESSION NUMBER:\s+\d{10}-\d{2}-\d{6}", upper, re.M))


def ingest_edgar(data: bytes) -> Document:
    """Parse a full submission into one Document whose parts are its header and documents."""
    raw, _, decoded = decode_with_notice(data)
    notices = [decoded] if decoded else []
    raw = normalize_text(raw, notices)
    blocks = _document_blocks(raw)
    header_raw_end = blocks[0].tag_start if blocks else len(raw)
    end = _HEADER_END.search(raw, 0, header_raw_end)
    if end:
        header_raw_end = end.start()

    chunks: list[str] = []
    doc = Document(text="", format="edgar", notices=notices)
    pos = 0

    def emit(s: str) -> int:
        nonlocal pos
        start = pos
        chunks.append(s)
        pos += len(s)
        return start

    header, header_text, header_raw_start = _read_header(raw, header_raw_end)
    if not header.get("accession_number") and not blocks:
        raise IngestError("EDGAR submission with neither an accession number nor any <DOCUMENT>")
    if header_text.strip():  # a single <DOCUMENT> cut from a submission has no header
        start = emit(header_text)
        shift_header(header, start)
        doc.parts.append(
            Part("header", start, pos, type="SEC-HEADER", format="text",
                 raw_start=header_raw_start, raw_end=header_raw_end)
        )
        emit("\n")
    doc.header = header

    if not blocks:
        doc.notices.append("header only: the submission holds no documents")
    declared = _declared_count(header)
    if declared is not None and declared > len(blocks) and blocks:  # none: "header only"
        doc.notices.append(f"the header declares {declared} documents (PUBLIC DOCUMENT COUNT); "
                           f"{len(blocks)} {'was' if len(blocks) == 1 else 'were'} found")
    for n, block in enumerate(blocks, 1):
        told: list[str] = []
        facts: list[Fact] = []
        part, body = _read_document(block, raw, n, told, facts)
        doc.notices.extend(f"document {n} ({part.type or 'untyped'}): {t}" for t in told)
        part.start = emit(_banner(part, n, len(blocks)))
        body_start = emit(body)
        for fact in facts:  # inline XBRL facts: spans into the whole text
            if fact.start >= 0:
                fact.start += body_start
                fact.end += body_start
        doc.facts.extend(facts)
        if body and not body.endswith("\n"):
            emit("\n")
        part.end = pos
        emit("\n")
        doc.parts.append(part)
        if not block.closed:
            doc.notices.append(f"document {n} ({part.type or 'untyped'}) is cut off: no </DOCUMENT>")
    doc.text = "".join(chunks)
    return doc


def _declared_count(header: dict[str, Any]) -> int | None:
    """PUBLIC DOCUMENT COUNT from the header, None when absent or not a number."""
    value = header.get("document_count")
    if isinstance(value, list) and value:
        value = value[0]
    try:
        return int(str(value).strip()) if value is not None else None
    except ValueError:
        return None


class _Block(NamedTuple):
    """One <DOCUMENT>: where its tag starts, where its content lies, whether it is closed."""

    tag_start: int
    start: int
    end: int
    closed: bool


def _document_blocks(raw: str) -> list[_Block]:
    """Each <DOCUMENT> up to the first </DOCUMENT> after it, or to the end if it is cut off.

    One scan for the tags alone: a lazy `<DOCUMENT>(.*?)</DOCUMENT>` pattern tests the
    closing tag at every character and was a third of the time spent reading a submission.
    """
    blocks: list[_Block] = []
    open_at = -1
    tag_start = 0
    for m in _DOC_TAG.finditer(raw):
        if not m.group(1):
            if open_at < 0:
                open_at, tag_start = m.end(), m.start()
        elif open_at >= 0:
            blocks.append(_Block(tag_start, open_at, m.start(), True))
            open_at = -1
    if open_at >= 0:
        blocks.append(_Block(tag_start, open_at, len(raw), False))
    return blocks


def _read_header(raw: str, raw_end: int) -> tuple[dict[str, Any], str, int]:
    """The header's fields and the text shown for it (offsets relative to that text)."""
    start_m = _HEADER_START.search(raw, 0, raw_end)
    if start_m:
        raw_start = start_m.end()
    else:
        sub = raw.upper().find("<SUBMISSION>", 0, raw_end)
        raw_start = sub + len("<SUBMISSION>") if sub >= 0 else 0
        if sub < 0:  # header-only or PEM wrapped without SEC-HEADER: skip the PEM lines
            pem = raw.find("\n\n", 0, raw_end) if raw.startswith("-----BEGIN") else -1
            raw_start = pem + 2 if pem >= 0 else 0
    region = raw[raw_start:raw_end]
    if re.search(r"^\s*[A-Z][A-Z ]+:", region, re.M):
        header, text = parse_colon_header(region)
    else:
        header, text = parse_tag_header(region)
    return header, text.rstrip("\n") + "\n", raw_start


def _read_document(where: _Block, raw: str, n: int, notices: list[str], facts: list[Fact]
                   ) -> tuple[Part, str]:
    """One <DOCUMENT> block: its metadata and the text to show for its body."""
    block = raw[where.start : where.end]
    text_m = _TEXT_OPEN.search(block)
    meta_region = block[: text_m.start()] if text_m else block[:2000]
    meta: dict[str, str] = {}
    for key, value in _META_RE.findall(meta_region):
        meta.setdefault(key.lower(), value.strip())
    body = _without_closing(block[text_m.end() :], "TEXT") if text_m else ""
    body_offset = where.start + (text_m.end() if text_m else len(block))
    part = Part(
        "document", 0, 0,
        type=meta.get("type", "").upper(),
        sequence=meta.get("sequence", str(n)),
        filename=meta.get("filename", ""),
        description=meta.get("description", ""),
        raw_start=body_offset,
        raw_end=body_offset + len(body),
    )
    return part, _render_body(part, body, notices, facts)


def _without_closing(body: str, tag: str) -> str:
    """The body without its closing </TAG> (and the space after it), read from the end:
    a `</TAG>\\s*\\Z` pattern is tried at every character of the body."""
    end = len(body.rstrip())
    close = f"</{tag}>"
    if body[max(0, end - len(close)) : end].upper() == close:
        return body[: end - len(close)]
    return body


def _render_body(part: Part, body: str, notices: list[str], facts: list[Fact]) -> str:
    """Text for a document body; binaries and data become a one-line listing. `facts` gets the
    inline XBRL facts of an HTML body, spans in the text returned."""
    wrapper = _WRAPPER_OPEN.match(body)
    kind = wrapper.group(1).upper() if wrapper else ""
    uue = _UUE_BEGIN.search(body, 0, 4096)
    if kind == "PDF" or (uue and uue.start() < 200):
        name = uue.group(1).strip() if uue else part.filename
        part.format, part.shown = ("pdf" if kind == "PDF" else "binary"), False
        return f"[{part.type or 'binary'} {name}: uuencoded, {_size(len(body))}; not shown as text]\n"
    if kind in ("XBRL", "XML"):
        assert wrapper is not None  # kind is read from it
        inner = _without_closing(body[wrapper.end() :], kind)
        if looks_like_html(inner):
            part.format = "html"
            return html_to_text(inner, notices, check_end=False, facts=facts)
        part.format, part.shown = "xml", not _DATA_TYPES.match(part.type)
        if part.shown:
            return inner.strip("\n") + "\n"
        return f"[{part.type or 'XML'} {part.filename}: XML data, {_size(len(inner))}; not shown]\n"
    if _DATA_TYPES.match(part.type) and not looks_like_html(body):
        part.format, part.shown = "data", False
        return f"[{part.type} {part.filename}: data, {_size(len(body))}; not shown]\n"
    if kind == "HTML" or looks_like_html(body):
        part.format = "html"
        return html_to_text(body, notices, check_end=not _DATA_TYPES.match(part.type), facts=facts)
    part.format = "text"
    return body.strip("\n") + "\n"


def _banner(part: Part, n: int, count: int) -> str:
    bits = [f"Document {n} of {count}", part.type or "untyped"]
    if part.filename:
        bits.append(part.filename)
    if part.description and part.description.upper() != part.type:
        bits.append(part.description)
    return "=" * 8 + " " + " · ".join(bits) + " " + "=" * 8 + "\n"


def _size(chars: int) -> str:
    return f"{chars / 1024:,.0f} KB" if chars >= 1024 else f"{chars} bytes"
