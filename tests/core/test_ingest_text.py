"""Plain text of every vintage decodes to the same text."""

from __future__ import annotations

import pytest

from reviewer.core.document import IngestError
from reviewer.core.ingest import detect_format, ingest_bytes
from reviewer.core.ingest.textfile import decode_bytes

SAMPLE = "Korea Thrunet Co., Ltd. “quoted” – café\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        b"\xff\xfe" + SAMPLE.encode("utf-16-le"),
        b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),  # no BOM: recognised by its NUL bytes
        SAMPLE.encode("cp1252"),
        SAMPLE.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "cp1252", "cp1252-crlf"],
)
def test_every_encoding_gives_the_same_text(data: bytes) -> None:
    doc = ingest_bytes(data)
    assert doc.format == "text"
    assert doc.text == SAMPLE


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    text, encoding = decode_bytes(b"caf\xe9 \x81 \x9d")
    assert encoding == "cp1252"
    assert text == "café \x81 \x9d"


def test_nul_bytes_and_lone_cr_are_normalised() -> None:
    doc = ingest_bytes(b"line one\rline\x00 two\r\n")
    assert doc.text == "line one\nline two\n"


def test_random_bytes_are_refused_not_shown() -> None:
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(IngestError, match="binary"):
        ingest_bytes(data)


@pytest.mark.parametrize(
    "data,reason",
    [(b"", "empty"), (b"  \n\t", "empty"), (b"PK\x03\x04rest", "ZIP"), (b"\x1f\x8b\x08rest", "gzip")],
)
def test_files_that_are_not_filings_say_what_they_are(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        ingest_bytes(data)


def test_format_comes_from_content_not_the_name() -> None:
    assert detect_format(b"<html><body><p>x</p></body></html>") == "html"
    assert detect_format(b"%PDF-1.4\n...") == "pdf"
    assert detect_format(b"<SEC-DOCUMENT>0001.txt\n<SEC-HEADER>\nACCESSION NUMBER: 1") == "edgar"
    assert detect_format(b"FORM 6-K\n\nSECURITIES AND EXCHANGE COMMISSION") == "text"


def test_edgar_sgml_text_markup_is_not_mistaken_for_html() -> None:
    text = "FORM 6-K\n\n<PAGE>\n\n   Korea Thrunet\n<PAGE>\n<TABLE>\n<S>   <C>\n</TABLE>\n<PAGE>\n"
    assert detect_format(text.encode()) == "text"
    assert ingest_bytes(text.encode()).text == text
