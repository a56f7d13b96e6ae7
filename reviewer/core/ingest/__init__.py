"""Bytes in, Document out: format detection from content, then one reader per format."""

from __future__ import annotations

from ..document import Document, IngestError
from .edgar import ingest_edgar, looks_like_edgar
from .html import ingest_html, looks_like_html
from .pdf import ingest_pdf
from .textfile import decode_bytes, ingest_text

__all__ = ["IngestError", "detect_format", "ingest_bytes"]

_ARCHIVES = {
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "a gzip file",
    b"BZh": "a bzip2 file",
    b"\xfd7zXZ\x00": "an xz file",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
}
_IMAGES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image"}


def detect_format(data: bytes) -> str:
    """edgar, html, pdf or text, from the content (the name is not trusted)."""
    head = data[:4096]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    for magic, what in (_ARCHIVES | _IMAGES).items():
        if head.startswith(magic):
            raise IngestError(f"{what}, not a filing; unpack or convert it first")
    if not data.strip():
        raise IngestError("empty file")
    text, _ = decode_bytes(head)
    if looks_like_edgar(text):
        return "edgar"
    if looks_like_html(text):
        return "html"
    return "text"


_READERS = {"edgar": ingest_edgar, "html": ingest_html, "pdf": ingest_pdf, "text": ingest_text}


def ingest_bytes(data: bytes) -> Document:
    """Parse a file's bytes into a Document; IngestError says why it cannot be."""
    fmt = detect_format(data)
    try:
        return _READERS[fmt](data)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(f"{fmt} structure nested too deeply to read") from None
    except MemoryError:
        raise IngestError(f"{fmt} file too large to read in memory") from None

