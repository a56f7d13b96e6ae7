"""Plain text: decoding bytes of any vintage into the text the viewer shows."""

from __future__ import annotations

import codecs
import re

from ..document import Document, IngestError, Part

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MIN_TEXT_CHARS = 16  # the shortest text that can still be a filing or an exhibit
# C0 controls other than tab, LF, FF, CR: a text file has almost none of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _cp1252_with_latin1(err: UnicodeError) -> tuple[str, int]:
    """The five bytes cp1252 leaves undefined are read as latin-1, so decoding never fails."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return bad.decode("latin-1"), err.end


codecs.register_error("reviewer-latin1", _cp1252_with_latin1)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` as its BOM says, else UTF-8, else cp1252; return (text, encoding)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {encoding} after its byte-order mark (byte {exc.start})") from None
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="reviewer-latin1"), "cp1252"


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: about every second byte of the first kilobyte is NUL."""
    head = data[:1024]
    if len(head) < 8:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) > 0.4 * (len(head) // 2) and min(even, odd) < 0.05 * (len(head) // 2)


def normalize_text(text: str) -> str:
    """Line ends to LF; NULs dropped (the viewer cannot show them); no-break spaces as spaces."""
    if "\xa0" in text:  # one for one: offsets are unchanged
        text = text.replace("\xa0", " ")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text


def looks_binary(text: str) -> bool:
    """True when the decoded text is mostly control characters: not a text file."""
    sample = text[:65536]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > 0.05 * len(sample)


def ingest_text(data: bytes) -> Document:
    """A plain-text file (an exhibit, an 8-K saved as .txt) as one body part."""
    text, encoding = decode_bytes(data)
    if looks_binary(text):
        raise IngestError("binary data, not a filing (no text, HTML, SGML or PDF content found)")
    text = normalize_text(text)
    if len(text.strip()) < MIN_TEXT_CHARS:
        n = len(text.strip())
        raise IngestError(f"only {n} character{'s' if n != 1 else ''} of text: too short to be a filing")
    doc = Document(text=text, format="text", parts=[Part("body", 0, len(text), format="text")])
    if encoding not in ("utf-8", "ascii"):
        doc.notices.append(f"decoded as {encoding}")
    return doc
