"""A refused file is told what it is: an Office document is not called an archive, an image
is not told to be unpacked."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from pdfgen import make_pdf

from reviewer.core.ingest import IngestError, detect_format, ingest_bytes


def _zip(entries: dict[str, bytes], mimetype: bytes | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if mimetype:
            z.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def _office(folder: str) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>",
                 f"{folder}/document.xml": b"<document>FORM 8-K</document>"})


def _bmp() -> bytes:
    pixels = b"\x00\x00\xff\x00"
    header = struct.pack("<2sIHHI", b"BM", 14 + 40 + len(pixels), 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 32, 0, len(pixels), 2835, 2835, 0, 0)
    return header + info + pixels


REFUSED = {
    "report.docx": (_office("word"), "a Word document (.docx), not a filing; save it as PDF or "
                                     "HTML first"),
    "book.xlsx": (_office("xl"), "an Excel workbook (.xlsx), not a filing; save it as PDF or "
                                 "HTML first"),
    "deck.pptx": (_office("ppt"), "a PowerPoint presentation (.pptx), not a filing; save it as "
                                  "PDF or HTML first"),
    "report.odt": (_zip({"content.xml": b"<x/>"}, b"application/vnd.oasis.opendocument.text"),
                   "an OpenDocument text (.odt), not a filing; save it as PDF or HTML first"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
                "an Office document of the old format (.doc, .xls or .ppt), not a filing"),
    "filings.zip": (_zip({"filing.txt": b"FORM 8-K\n", "[Content_Types].xml": b"<Types/>"}),
                    "a ZIP archive, not a filing; unpack or convert it first"),
    "scan.png": (b"\x89PNG\r\n\x1a\n" + bytes(100), "a PNG image: it has no text to read"),
    "scan.jpg": (b"\xff\xd8\xff\xe0" + bytes(100), "a JPEG image: it has no text to read"),
    "logo.gif": (b"GIF89a" + bytes(100), "a GIF image: it has no text to read"),
    "fax.tif": (b"II*\x00" + bytes(100), "a TIFF image: it has no text to read"),
    "fax-mm.tif": (b"MM\x00*" + bytes(100), "a TIFF image: it has no text to read"),
    "pixel.bmp": (_bmp(), "a BMP image: it has no text to read"),
    "photo.webp": (b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(100), "a WebP image: it has no text to read"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refusal_names_what_the_file_is(name: str) -> None:
    data, reason = REFUSED[name]
    with pytest.raises(IngestError) as caught:
        ingest_bytes(data)
    assert str(caught.value).startswith(reason)
    assert "unpack" not in str(caught.value) or name.endswith(".zip")


def test_text_that_starts_like_an_image_is_still_text() -> None:
    doc = ingest_bytes(b"BMW Group reports record deliveries\nMUNICH, Germany\n" * 3)
    assert doc.format == "text" and doc.text.startswith("BMW Group")


def test_a_pdf_is_not_mistaken_for_anything_else() -> None:
    assert detect_format(make_pdf(["Exhibit 99.1"])) == "pdf"
