"""Exhibits filed as files of their own, on small texts: a certification's registrant and signer, a
list of subsidiaries' registrant; and the forms and submissions whose own values must stand."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract import extract, standalone
from reviewer.core.extract.rules import run_all
from reviewer.core.schema import load_schema


def _fields(text: str, **kw: object) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in run_all(standalone.RULES, Document(text=text, format="text", **kw)):  # type: ignore[arg-type]
        out.setdefault(c.name, []).append(c.value)
    return out


SECTION_302 = ("Exhibit 31.2\nCERTIFICATION\nI, Jane Q. Roe, certify that:\n"
               "1.I have reviewed this quarterly report on Form 10-Q of Acme Widgets Inc.;\n"
               "2.Based on my knowledge, this report does not contain any untrue statement of a material fact;\n"
               "Date: May 2, 2025\n\nBy:\t/s/ Jane Q. Roe\nJane Q. Roe\nSenior Vice President,\n"
               "Chief Financial Officer\n")

SECTION_906 = ("Exhibit 32.1\nCERTIFICATIONS OF CHIEF EXECUTIVE OFFICER AND CHIEF FINANCIAL OFFICER\n"
               "PURSUANT TO\n18 U.S.C. SECTION 1350\n"
               "I, John Doe, certify, as of the date hereof, pursuant to 18 U.S.C. Section 1350, that the Quarterly "
               "Report of Acme Widgets Inc. on Form 10-Q for the period ended March 29, 2025 fully complies with "
               "the requirements of Section 13(a) of the Securities Exchange Act of 1934.\n"
               "Date: May 2, 2025\n\nBy:\t/s/ John Doe\nJohn Doe\nChief Executive Officer\n\n"
               "I, Jane Q. Roe, certify, as of the date hereof, that the Quarterly Report of Acme Widgets Inc. on "
               "Form 10-Q fully complies.\nDate: May 3, 2025\n\nBy:\t/s/ Jane Q. Roe\nJane Q. Roe\n"
               "Chief Financial Officer\n")


def test_a_certification_standing_alone_gives_its_registrant_signer_and_date() -> None:
    assert _fields(SECTION_302) == {
        "company_name": ["Acme Widgets Inc."], "signer_name": ["Jane Q. Roe"],
        "signer_title": ["Senior Vice President, Chief Financial Officer"], "signature_date": ["2025-05-02"]}


def test_a_certification_signed_by_two_gives_its_first_signer() -> None:
    assert _fields(SECTION_906) == {
        "company_name": ["Acme Widgets Inc."], "signer_name": ["John Doe"],
        "signer_title": ["Chief Executive Officer"], "signature_date": ["2025-05-02"]}


def test_a_certification_that_names_the_company_before_its_form() -> None:
    text = ("EXHIBIT 32\nCertification Pursuant to 18 U.S.C. Section 1350\n"
            "In connection with the Annual Report of Acme Widgets Corporation (the \u201cCompany\u201d) on Form 10-K "
            "for the year ended December 31, 2024, I, John Doe, Chief Executive Officer of the Company, certify, "
            "pursuant to 18 U.S.C. Section 1350, that the Report fully complies.\n\n"
            "/s/ John Doe\nJohn Doe\nChief Executive Officer\nDated: February 20, 2025\n")
    assert _fields(text) == {
        "company_name": ["Acme Widgets Corporation"], "signer_name": ["John Doe"],
        "signer_title": ["Chief Executive Officer"], "signature_date": ["2025-02-20"]}


def test_a_certification_of_the_registrant_names_nobody() -> None:
    text = SECTION_302.replace("of Acme Widgets Inc.;", "of the registrant;")
    assert "company_name" not in _fields(text)
    assert _fields(text)["signer_name"] == ["Jane Q. Roe"]


def test_a_forms_own_signature_stands_over_its_certification() -> None:
    """A 10-Q with its SIGNATURES block, or a submission (an SEC header), is no certification on its own."""
    form = ("CERTIFICATION of the form\nFORM 10-Q\nACME WIDGETS INC.\n\nSIGNATURES\nPursuant to the requirements "
            "of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on "
            "its behalf by the undersigned.\n\nBy: /s/ Richard Poe\nRichard Poe\nController\n\n" + SECTION_302)
    assert _fields(form) == {}
    found = {c.name: c.value for c in extract(Document(text=form, format="text"), load_schema())}
    assert found["signer_name"] == "Richard Poe"
    assert _fields(SECTION_302, header={"form_type": ["10-Q", 0, 0]}) == {}


def test_a_text_that_does_not_open_as_a_certification_is_not_one() -> None:
    text = "Exhibit 10.1\nEMPLOYMENT AGREEMENT\n" + "The parties agree.\n" * 40 + SECTION_302
    assert _fields(text) == {}


def test_a_list_of_subsidiaries_names_the_registrant_in_its_title() -> None:
    assert _fields("Exhibit 21.1\nSubsidiaries of\nAcme Widgets Inc.*\n\nJurisdiction\nAcme Asia Limited\tHong Kong\n") \
        == {"company_name": ["Acme Widgets Inc."]}
    assert _fields("EXHIBIT 21\n\n   LIST OF SUBSIDIARIES OF ACME WIDGETS CORPORATION AS OF DECEMBER 31, 2024\n\n"
                   "Acme Sales LLC\tDelaware\n") == {"company_name": ["ACME WIDGETS CORPORATION"]}
    # the name on its own line above the title
    assert _fields("Exhibit 21\nAcme Widgets & Co.\nList of subsidiaries\nThe following is a list.\n") \
        == {"company_name": ["Acme Widgets & Co."]}


def test_a_list_of_the_registrants_subsidiaries_names_nobody() -> None:
    assert _fields("EXHIBIT 21\nSubsidiaries of the Registrant (1), (2) - at December 31, 2025\n\n"
                   "Acme Sales LLC\tDelaware\n") == {}
    assert _fields("Exhibit 21\nThe subsidiaries of Acme Widgets Inc. are listed below\nAcme Sales LLC\n") == {}
    # a submission's EX-21: the cover and the header name the company
    assert _fields("Subsidiaries of Acme Widgets Inc.\n", header={"form_type": ["10-K", 0, 0]}) == {}
