"""PDFs: text per page with page boundaries in the map; no text layer gives a notice."""

from __future__ import annotations

import pytest
from pdfgen import make_pdf

from reviewer.core.document import IngestError
from reviewer.core.ingest import ingest_bytes


def test_each_page_is_a_part_and_offsets_map_back_to_pages() -> None:
    doc = ingest_bytes(make_pdf(["Exhibit 99.1\nFirst page", "Second page text"]))
    assert doc.format == "pdf"
    assert [p.page for p in doc.parts] == [1, 2]
    first = doc.text.index("First page")
    second = doc.text.index("Second page text")
    assert doc.page_of(first) == 1
    assert doc.page_of(second) == 2
    assert not doc.notices


def test_a_pdf_of_a_whole_submission_gives_the_header_it_prints() -> None:
    header = ("Filing Summary\nACCESSION NUMBER: 0001769628-26-000154\nCONFORMED SUBMISSION TYPE: 8-K\n"
              "FILED AS OF DATE: 20260409\nFILER:\nCOMPANY DATA:\nCOMPANY CONFORMED NAME: Acme, Inc.\n"
              "CENTRAL INDEX KEY: 0001769628\nFILING VALUES:\nSEC FILE NUMBER: 001-42563\nBUSINESS ADDRESS:\n"
              "CITY: LIVINGSTON")
    doc = ingest_bytes(make_pdf([header, "MAIL ADDRESS:\nCITY: LIVINGSTON\nUNITED STATES\nFORM 8-K\n"
                                 "Date of Report (date of earliest event reported): March 31, 2026"]))
    h = doc.header
    assert h["accession_number"][0] == "0001769628-26-000154" and h["filed_date"][0] == "20260409"
    filer = h["filers"][0]
    assert (filer["cik"][0], filer["company_name"][0], filer["file_number"][0]) == ("0001769628", "Acme, Inc.", "001-42563")
    assert doc.text[filer["cik"][1] : filer["cik"][2]] == "0001769628"  # its evidence in the text shown
    assert not any("date_of_report" in k for k in h)  # the header ends where the form begins
    assert ingest_bytes(make_pdf(["ACCESSION NUMBER: 0001769628-26-000154 is quoted here"])).header == {}


def test_pdf_without_text_layer_is_imported_with_a_notice() -> None:
    doc = ingest_bytes(make_pdf([None, None]))
    assert len(doc.parts) == 2
    assert any("no text layer" in n for n in doc.notices)


def test_truncated_pdf_is_refused_with_its_reason() -> None:
    data = make_pdf(["Some text"])
    with pytest.raises(IngestError, match="PDF"):
        ingest_bytes(data[: len(data) // 2])


def test_random_bytes_named_pdf_are_refused() -> None:
    with pytest.raises(IngestError, match="PDF"):
        ingest_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
