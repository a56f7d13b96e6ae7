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
    text, encoding, _ = decode_with_notice(data)
    return text, encoding


_NAMES = {"utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "utf-32-le": "UTF-32 LE",
          "utf-32-be": "UTF-32 BE"}


def decode_with_notice(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, notice): the notice says how a file that is not plain UTF-8 was read,
    so a guessed encoding is never silent."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {encoding} after its byte-order mark (byte {exc.start})") from None
            notice = None if encoding == "utf-8" else f"read as {_NAMES[encoding]}: its byte-order mark says so"
            return text, encoding, notice
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
        else:
            return text, encoding, (f"read as {_NAMES[encoding]}: no byte-order mark, "
                                    "but every second byte is NUL")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex().upper()
        return (data.decode("cp1252", errors="reviewer-latin1"), "cp1252",
                f"read as cp1252: not valid UTF-8 (byte 0x{bad} at offset {exc.start:,})")


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: about every second byte of the first kilobyte is NUL."""
    head = data[:1024]
    if len(head) < 8:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) > 0.4 * (len(head) // 2) and min(even, odd) < 0.05 * (len(head) // 2)


def normalize_text(text: str, notices: list[str] | None = None) -> str:
    """Line ends to LF; NULs dropped (the viewer cannot show them, and a value must never carry
    one), with a notice in `notices` when given; no-break spaces as spaces."""
    if "\xa0" in text:  # one for one: offsets are unchanged
        text = text.replace("\xa0", " ")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = drop_nuls(text, notices)
    return text


def drop_nuls(text: str, notices: list[str] | None = None) -> str:
    """`text` without its NUL characters; `notices` gets one line saying how many went."""
    n = text.count("\x00")
    if n:
        text = text.replace("\x00", "")
        if notices is not None:
            notices.append(nul_notice(n))
    return text


def nul_notice(n: int) -> str:
    """The one line that says NULs were dropped."""
    return f"{n:,} NUL byte{'s' if n != 1 else ''} dropped"


def looks_binary(text: str) -> bool:
    """True when the decoded text is mostly control characters: not a text file."""
    sample = text[:65536]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > 0.05 * len(sample)


def ingest_text(data: bytes) -> Document:
    """A plain-text file (an exhibit, an 8-K saved as .txt) as one body part."""
    text, _, decoded = decode_with_notice(data)
    if looks_binary(text):
        raise IngestError("binary data, not a filing (no text, HTML, SGML or PDF content found)")
    notices = [decoded] if decoded else []
    text = normalize_text(text, notices)
    if len(text.strip()) < MIN_TEXT_CHARS:
        n = len(text.strip())
        raise IngestError(f"only {n} character{'s' if n != 1 else ''} of text: too short to be a filing")
    return Document(text=text, format="text", parts=[Part("body", 0, len(text), format="text")],
                    notices=notices)
