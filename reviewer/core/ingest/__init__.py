"""Bytes in, Document out: format detection from content, then one reader per format."""

from __future__ import annotations

import io
import zipfile
import zlib

from ..document import Document, IngestError
from .edgar import ingest_edgar, looks_like_edgar
from .html import ingest_html, looks_like_html
from .pdf import ingest_pdf
from .textfile import decode_bytes, ingest_text

__all__ = ["IngestError", "MAX_UNPACKED_BYTES", "detect_format", "gunzip", "ingest_bytes"]

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # the import's limit per file, for what a gzip holds too
GZIP = b"\x1f\x8b"

_ARCHIVES = {
    b"PK\x03\x04": "a ZIP archive",
    b"BZh": "a bzip2 file",
    b"\xfd7zXZ\x00": "an xz file",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
}
_IMAGES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
           b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}
# A ZIP holding these folders beside [Content_Types].xml is an Office document.
_OFFICE = {"word/": "a Word document (.docx)", "xl/": "an Excel workbook (.xlsx)",
           "ppt/": "a PowerPoint presentation (.pptx)"}
_ODF = {b"opendocument.text": "an OpenDocument text (.odt)",
        b"opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
        b"opendocument.presentation": "an OpenDocument presentation (.odp)"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt before 2007


def _image(head: bytes) -> str | None:
    """What kind of image the bytes start, or None."""
    for magic, what in _IMAGES.items():
        if head.startswith(magic):
            return what
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    # BMP: "BM", the file size, four reserved zero bytes (text starting "BM" is not one)
    if head[:2] == b"BM" and head[6:10] == b"\x00" * 4 and len(head) >= 26:
        return "a BMP image"
    return None


def _zip_kind(data: bytes) -> str:
    """Why a ZIP is refused: an Office document says which, any other is an archive."""
    if data[30:38] == b"mimetype":  # OpenDocument: an uncompressed mimetype entry comes first
        kind = next((what for key, what in _ODF.items() if key in data[38:120]), None)
        if kind:
            return f"{kind}, not a filing; save it as PDF or HTML first"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:  # reads the directory only
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        names = []
    if "[Content_Types].xml" in names:
        for folder, what in _OFFICE.items():
            if any(n.startswith(folder) for n in names):
                return f"{what}, not a filing; save it as PDF or HTML first"
    return "a ZIP archive, not a filing; unpack or convert it first"


def _refusal(data: bytes) -> str | None:
    """The one-line reason a file is not read at all, by what its first bytes say it is."""
    head = data[:4096]
    image = _image(head)
    if image:
        return f"{image}: it has no text to read"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(_OLE2):
        return ("an Office document of the old format (.doc, .xls or .ppt), not a filing; "
                "save it as PDF or HTML first")
    for magic, what in _ARCHIVES.items():
        if head.startswith(magic):
            return f"{what}, not a filing; unpack or convert it first"
    return None


def gunzip(data: bytes, limit: int = MAX_UNPACKED_BYTES) -> bytes:
    """A gzip file's content (every member), refused once it passes `limit` bytes: a gzip that
    expands without end (a zip bomb) stops there, not when memory runs out."""
    out = bytearray()
    rest = data
    while rest[:2] == GZIP:
        unpack = zlib.decompressobj(wbits=31)
        pending = rest
        try:
            while not unpack.eof:
                chunk = unpack.decompress(pending, limit + 1 - len(out))
                out += chunk
                if len(out) > limit:
                    raise IngestError(f"a gzip file that expands past the {limit // 2**20} MB "
                                      "limit per file (a zip bomb?); refused")
                pending = unpack.unconsumed_tail
                if not chunk and not pending:
                    break
        except zlib.error as exc:
            raise IngestError(f"damaged gzip file: {exc}") from None
        if not unpack.eof:
            raise IngestError("truncated gzip file: it ends before its compressed data does")
        rest = unpack.unused_data
    if rest.strip(b"\x00"):
        raise IngestError(f"damaged gzip file: {len(rest):,} bytes of other data after its end")
    return bytes(out)


def _gunzip_head(data: bytes, size: int = 4096) -> bytes:
    """The first bytes a gzip file holds, enough to tell their format."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data, size)
    except zlib.error as exc:
        raise IngestError(f"damaged gzip file: {exc}") from None


def detect_format(data: bytes) -> str:
    """edgar, html, pdf or text, from the content (the name is not trusted); a gzip file is
    judged by what it holds."""
    if data[:2] == GZIP:
        inner = _gunzip_head(data)
        if inner[:2] == GZIP:
            raise IngestError("a gzip file inside a gzip file, not a filing; unpack it first")
        return detect_format(inner)
    head = data[:4096]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    refusal = _refusal(data)
    if refusal:
        raise IngestError(refusal)
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
    """Parse a file's bytes into a Document; IngestError says why it cannot be. A gzip file
    (EDGAR serves submissions so) is read for what it holds; byte offsets are then unknown."""
    fmt = detect_format(data)
    if data[:2] == GZIP:
        document = _read(fmt, gunzip(data))
        for part in document.parts:  # offsets into the unpacked bytes, not the file's own
            part.raw_start = part.raw_end = -1
        return document
    return _read(fmt, data)


def _read(fmt: str, data: bytes) -> Document:
    """One format's reader, its failures as IngestError."""
    try:
        return _READERS[fmt](data)
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(f"{fmt} structure nested too deeply to read") from None
    except MemoryError:
        raise IngestError(f"{fmt} file too large to read in memory") from None

