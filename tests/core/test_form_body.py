"""form_body rules on small texts: exhibit lists and the signature block."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract.form_body import form_body_rules


def _values(text: str, name: str) -> list[str]:
    return [c.value for c in form_body_rules(Document(text=text, format="text")) if c.name == name]


def _exhibits(text: str) -> set[str]:
    return set(_values(text, "exhibit"))


def test_exhibit_numbers_keep_sub_letters_and_lose_their_markers() -> None:
    text = ("EXHIBIT INDEX\n\nEXHIBIT\nNUMBER     DESCRIPTION\n"
            " 3.1(a)  Restated Certificate of Incorporation\n"
            "*10.1    The Company's Supplemental Executive Retirement Plan\n"
            " 10.2*   Employment Agreement\n"
            " 32.1**  Section 1350 Certification\n"
            " 10.A.50 1997 Director Stock Option Plan.\n"
            " 10.3    $100,000,000 Revolving Credit Facility Agreement\n")
    assert _exhibits(text) == {"3.1(a)", "10.1", "10.2", "32.1", "10.A.50", "10.3"}


def test_inapplicable_entries_are_no_exhibits() -> None:
    text = ("EXHIBIT INDEX\n\n 1.      Inapplicable\n 2.      Inapplicable\n 9.      None\n"
            " 10.1    1981 Stock Option Plan\n")
    assert _exhibits(text) == {"10.1"}


def test_a_long_index_is_read_over_its_pages() -> None:
    entry = " 10.{n}    Agreement number {n} between the registrant and a lender, as amended\n" \
            "         (incorporated by reference to the registrant's annual report)\n"
    text = "EXHIBIT INDEX\n\n" + "".join(entry.format(n=n) for n in range(1, 40))
    assert len(text) > 3 * 1500
    assert _exhibits(text) == {f"10.{n}" for n in range(1, 40)}


def test_a_periodic_reports_exhibits_item_is_a_list() -> None:
    text = ("Item 6. Exhibits and Reports on Form 8-K\n\n(a) Exhibits\n\nExhibit\nNumber\tDescription\n\n"
            "10.A.50            1997 Director Stock Option Plan.\n\n27                 Financial Data Schedule.\n\n"
            "(b) Reports on Form 8-K\n\n1.  Current Report on Form 8-K dated January 6, 1998\n")
    assert _exhibits(text) == {"10.A.50", "27"}


def test_an_items_own_captions_are_no_exhibits() -> None:
    text = ("ITEM 14.  EXHIBITS, FINANCIAL STATEMENT SCHEDULES, AND REPORTS ON FORM 8-K\n\n"
            "(a) DOCUMENTS FILED AS PART OF THIS REPORT:\n\n     1.  FINANCIAL STATEMENTS\n\n"
            "     2.  FINANCIAL STATEMENT SCHEDULES\n\n     3.  EXHIBITS\n\n"
            "  4.3    Form of Senior Indenture, dated August 7, 2000\n")
    assert _exhibits(text) == {"4.3"}


def test_numbers_that_no_exhibit_has_are_descriptions_or_addresses() -> None:
    text = ("Item 9.01 Financial Statements and Exhibits.\n\n(d) Exhibits\n\n"
            "10.1   Credit Agreement dated as of May 1, 2003, with a\n"
            "364    Day Credit Agreement attached\n"
            "100    F Street, N.E., Washington\n")
    assert _exhibits(text) == {"10.1"}


def test_a_pdf_column_of_numbers_apart_from_its_descriptions() -> None:
    text = ("Item 9.01 Financial Statements and Exhibits.\n\n(d) Exhibits.\n\nExhibit No.\n\nDescription\n\n"
            "Press Release dated April 9, 2026.\n\nCover Page Interactive Data File\n\n99.1\n\n104\n\n"
            "SIGNATURE\n\nPursuant to the requirements")
    assert _exhibits(text) == {"99.1", "104"}


def test_page_numbers_and_numbered_paragraphs_are_no_exhibits() -> None:
    text = ("Item 15. Exhibits and Financial Statement Schedules\n\n"
            "10.1\tEmployment Agreement\n\n26\n\nFORWARD INDUSTRIES, INC. AND SUBSIDIARIES\n")
    assert _exhibits(text) == {"10.1"}
    text = ("EXHIBIT INDEX\n\n10.17   Amendment to Credit Agreement\n\nEXHIBIT 10.17\n\n"
            "1.   DEFINED TERMS . Capitalized terms not defined herein shall have the meaning.\n"
            "2.   WAIVER. The Bank hereby waives the violation of Section 5.2.\n")
    assert _exhibits(text) == {"10.17"}


def test_a_word_wrapped_onto_its_own_line_is_no_heading() -> None:
    text = ("Additional information is contained in the Registration Statement and the\nExhibits\n"
            "thereto filed with the Commission.\n\n     1.   The Company's Annual Report on Form 10-K\n")
    assert _exhibits(text) == set()
