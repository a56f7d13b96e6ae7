"""Plain text: decoding bytes of any vintage into the text the viewer shows."""

from __future__ import annotations

import codecs
import re

from ..document import Document, IngestError, Part
from .decoding import decode_counting, decode_utf16, looks_like_utf16

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
# Control characters no filing shows: C0 but tab, LF, FF, CR (and NUL, told apart), DEL, C1. No
# well-formed file of the corpus has one in its text; a flipped bit or a cut `&#9744;` makes them.
_GARBAGE = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]+")
_SEPARATING = re.compile(r"[\x0b\x1c-\x1f\x85]")  # VT, the file/group/record/unit separators, NEL
_C0_BYTES = bytes([*range(1, 9), 0x0B, *range(0x0E, 0x20), 0x7F])  # the same bytes in UTF-8
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


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


_NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "utf-32-le": "UTF-32 LE",
          "utf-32-be": "UTF-32 BE"}


def decode_with_notice(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, notice): the notice says how a file that is not plain UTF-8 was read,
    so a guessed encoding is never silent; bytes the encoding cannot read are replaced and
    counted in it, rather than losing the filing."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text, bad = decode_utf16(body, encoding) if encoding.startswith("utf-16") \
                else decode_counting(body, encoding)
            if bad and encoding == "utf-32-le":  # FF FE 00 00: UTF-16 LE whose first character is NUL?
                continue
            if not bad:
                return text, encoding, None if encoding == "utf-8" else \
                    f"read as {_NAMES[encoding]}: its byte-order mark says so"
            return text, encoding, f"read as {_NAMES[encoding]}: its byte-order mark says so; {_replaced(bad)}"
    if utf16 := looks_like_utf16(data[:1024]):
        text, bad = decode_utf16(data, utf16)
        how = f"read as {_NAMES[utf16]}: no byte-order mark, but every second byte is NUL"
        return text, utf16, f"{how}; {_replaced(bad)}" if bad else how
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex().upper()
        return (data.decode("cp1252", errors="reviewer-latin1"), "cp1252",
                f"read as cp1252: not valid UTF-8 (byte 0x{byte} at offset {exc.start:,})")


def _replaced(n: int) -> str:
    """The part of a notice that counts bytes replaced."""
    return f"{n:,} byte{' could not be read and was' if n == 1 else 's could not be read and were'} replaced"


def normalize_text(text: str, notices: list[str] | None = None) -> str:
    """Line ends to LF; NULs dropped (the viewer cannot show them, and a value must never carry
    one), with a notice in `notices` when given; no-break spaces as spaces."""
    if "\xa0" in text:  # one for one: offsets are unchanged
        text = text.replace("\xa0", " ")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = drop_nuls(text, notices)
    text, n = drop_controls(text)
    if n and notices is not None:
        notices.append(control_notice(n))
    return text


def drop_controls(text: str) -> tuple[str, int]:
    """(`text` without its garbage control characters, how many went): the viewer cannot show
    them and no value may carry one. A separator (VT, US, NEL ...) between two words becomes a
    space, so the words stay apart; any other control goes."""
    if not _has_controls(text):
        return text, 0
    removed = 0

    def replace(m: re.Match[str]) -> str:
        nonlocal removed
        removed += m.end() - m.start()
        between = 0 < m.start() and m.end() < len(text)
        if between and _SEPARATING.search(m.group()) and not text[m.start() - 1].isspace() \
                and not text[m.end()].isspace():
            return " "
        return ""

    return _GARBAGE.sub(replace, text), removed


def _has_controls(text: str) -> bool:
    """Whether `text` holds a control _GARBAGE matches: on its UTF-8 bytes, eight times as fast as
    that pattern over a whole filing (most filings have none)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _C0_BYTES)) != len(raw) or bool(_C1_UTF8.search(raw))


def control_notice(n: int) -> str:
    """The one line that says control characters were removed."""
    return f"{n:,} control character{'s' if n != 1 else ''} removed"


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
