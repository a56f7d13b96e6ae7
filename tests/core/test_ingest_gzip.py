"""Compressed submissions as EDGAR serves them (.gz) are read for what they hold, within the
per-file size limit, however far they would expand."""

from __future__ import annotations

import gzip
import zlib

import pytest

from reviewer.core.ingest import IngestError, detect_format, gunzip, ingest_bytes

SUBMISSION = (b"<SEC-DOCUMENT>0000950103-02-003456.txt : 20021119\n<SEC-HEADER>\n"
              b"ACCESSION NUMBER:\t\t0000950103-02-003456\nCONFORMED SUBMISSION TYPE:\t6-K\n"
              b"</SEC-HEADER>\n<DOCUMENT>\n<TYPE>6-K\n<SEQUENCE>1\n<TEXT>\nFORM 6-K\n"
              b"Korea Thrunet Co., Ltd.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")


def _bomb(mb: int) -> bytes:
    """A gzip of `mb` MB of zeros (about 1 KB per MB on disk), made without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(2**20)
    return b"".join([packer.compress(zeros) for _ in range(mb)] + [packer.flush()])


def test_a_gzip_submission_reads_as_the_submission_itself() -> None:
    plain = ingest_bytes(SUBMISSION)
    packed = ingest_bytes(gzip.compress(SUBMISSION))
    assert packed.format == "edgar" and packed.text == plain.text
    assert packed.header == plain.header
    assert [p.type for p in packed.documents()] == ["6-K"]
    assert all(p.raw_start == p.raw_end == -1 for p in packed.parts)  # not offsets into the .gz


def test_the_format_of_a_gzip_is_the_format_it_holds() -> None:
    assert detect_format(gzip.compress(b"<html><body><p>Item 8.01</p></body></html>")) == "html"
    assert detect_format(gzip.compress(SUBMISSION)) == "edgar"
    assert detect_format(gzip.compress(b"FORM 8-K\nItem 8.01 Other Events\n")) == "text"


def test_every_member_of_a_gzip_is_read() -> None:
    data = gzip.compress(SUBMISSION[:100]) + gzip.compress(SUBMISSION[100:])
    assert gunzip(data) == SUBMISSION


def test_a_gzip_that_expands_past_the_limit_is_refused_as_a_bomb() -> None:
    bomb = _bomb(101)
    assert len(bomb) < 200_000
    with pytest.raises(IngestError, match=r"expands past the 100 MB limit per file \(a zip bomb\?\)"):
        ingest_bytes(bomb)
    assert len(gunzip(_bomb(2), limit=2 * 2**20)) == 2 * 2**20  # up to the limit is read
    with pytest.raises(IngestError, match="zip bomb"):
        gunzip(_bomb(2), limit=2 * 2**20 - 1)


@pytest.mark.parametrize("data,reason", [
    (gzip.compress(SUBMISSION)[:-20], "truncated gzip file"),
    (b"\x1f\x8b\x08rest", "damaged gzip file"),
    (gzip.compress(SUBMISSION) + b"trailing junk", "13 bytes of other data after its end"),
    (gzip.compress(gzip.compress(SUBMISSION)), "a gzip file inside a gzip file"),
    (gzip.compress(b""), "empty file"),
])
def test_a_broken_gzip_is_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason) as caught:
        ingest_bytes(data)
    assert "\n" not in str(caught.value)
