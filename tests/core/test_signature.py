"""The signature rules on small texts, one family of layout at a time (how filings lay out their
signature blocks), each with the cases that must not change."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract import signature
from reviewer.core.extract.rules import run_all

SIGNED = ("SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant has "
          "duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n\n")


def _signer(text: str) -> tuple[list[str], list[str], list[str]]:
    found = list(run_all(signature.RULES, Document(text=text, format="text")))
    return tuple([c.value for c in found if c.name == name]  # type: ignore[return-value]
                 for name in ("signer_name", "signer_title", "signature_date"))


# -- titles wrapped over lines, whatever their case -------------------------------------------------


def test_a_title_in_capitals_wraps_at_its_upper_case_connector() -> None:
    text = SIGNED + ("                     APPLE COMPUTER, INC.\n\n"
                     "                     By:      /s/ FRED D. ANDERSON\n"
                     "                          ---------------------------\n"
                     "                               Fred D. Anderson\n"
                     "                         EXECUTIVE VICE PRESIDENT AND\n"
                     "                           CHIEF FINANCIAL OFFICER\n\n"
                     "    KNOW ALL PERSONS BY THESE PRESENTS, that each person whose signature appears below\n")
    assert _signer(text)[:2] == (["Fred D. Anderson"], ["EXECUTIVE VICE PRESIDENT AND CHIEF FINANCIAL OFFICER"])
    # "VICE" dangling in capitals, and "AND" opening the next line
    text = SIGNED + "By: /s/ Jane Roe\nJane Roe\nSENIOR VICE\nPRESIDENT\n"
    assert _signer(text)[1] == ["SENIOR VICE PRESIDENT"]
    text = SIGNED + "By: /s/ Jane Roe\nJane Roe\nCHIEF EXECUTIVE OFFICER\nAND DIRECTOR\n"
    assert _signer(text)[1] == ["CHIEF EXECUTIVE OFFICER AND DIRECTOR"]


def test_a_title_after_the_names_comma_wraps_in_its_cell() -> None:
    """The title follows the typed name's own comma and wraps; the directors' table below repeats
    the name with a title cut at another place, which is not read."""
    text = SIGNED + ("ROANOKE STEEL CORPORATION\nRegistrant\n"
            "By:\t/s/ Donald G. Smith\nDonald G. Smith, Chairman, President,\nTreasurer and Chief Executive Officer\n"
            "(Principal Executive Officer and Director)\n\nDate: January 20, 2004\n"
            "Pursuant to the requirements of the Securities Exchange Act of 1934, this report has been signed below.\n\n"
            "Name and Title\tDate\n/s/ Donald G. Smith\tJanuary 20, 2004\n"
            "Donald G. Smith, Chairman, President, Treasurer and\nChief Executive Officer (Principal Executive Officer\n"
            "and Director)\n")
    assert _signer(text) == (["Donald G. Smith"], ["Chairman, President, Treasurer and Chief Executive Officer"],
                             ["2004-01-20"])
    # a title on the name's line that does not dangle stays as it is
    text = SIGNED + "By: /s/ Jane Roe\nJane Roe, Chief Financial Officer\nDirector of the Audit Committee\n"
    assert _signer(text)[1] == ["Chief Financial Officer"]


def test_a_date_caption_beside_the_typed_name() -> None:
    text = SIGNED + ("ALCOA CORPORATION\nAugust 2, 2018\tBy /s/ WILLIAM F. OPLINGER\nDate\tWilliam F. Oplinger\n"
                     "Executive Vice President and\nChief Financial Officer\n(Principal Financial Officer)\n")
    assert _signer(text) == (["William F. Oplinger"], ["Executive Vice President and Chief Financial Officer"],
                             ["2018-08-02"])
    text = SIGNED + ("THE COMPANY\nOctober 18, 2023\t/s/ MATTHEW W. JANZARUK\nDate\t(Matthew W. Janzaruk)\n"
                     "Senior Vice President - Chief Accounting Officer\n(Principal Accounting Officer)\n")
    assert _signer(text)[:2] == (["Matthew W. Janzaruk"], ["Senior Vice President - Chief Accounting Officer"])


# -- a signature given by an attorney-in-fact ----------------------------------------------------------


FORD = (SIGNED + "FORD MOTOR COMPANY\n\n\nBy:          I. Martin Inglis*\n         -------------------------------\n"
        "           (I Martin Inglis)\n         Group Vice President and\n         Chief Financial Officer\n\n\n"
        "Date:    March 28, 2002\n\n     Pursuant to the requirements of the Securities Exchange Act of 1934, this\n"
        "Report has been signed below by the following persons.\n\n"
        "     William Clay Ford, Jr.*                    Director, Chairman of the\n"
        "-------------------------------                 Board and Chief Executive Officer\n"
        "    (William Clay Ford, Jr.)\n\n"
        "*By:   /s/ Peter Sherry, Jr.\n    ---------------------------\n     (Peter Sherry, Jr.)\n"
        "       Attorney-in-Fact\n")


def test_the_officer_who_signs_through_an_attorney_in_fact() -> None:
    assert _signer(FORD) == (["I. Martin Inglis"], ["Group Vice President and Chief Financial Officer"],
                             ["2002-03-28"])
    # the attorney's own "/s/" is taken only where no officer's conformed signature stands above it
    near = SIGNED + "FORD MOTOR COMPANY\n\n*By: /s/ Peter Sherry, Jr.\n(Peter Sherry, Jr.)\nAttorney-in-Fact\n"
    assert _signer(near)[:2] == (["Peter Sherry, Jr."], [])


def test_a_footnote_star_after_a_signed_name_is_no_conformed_signature() -> None:
    text = SIGNED + "By: /s/ Jane Roe\nJane Roe\nChief Executive Officer*\n\n* Principal executive officer\n"
    assert _signer(text)[:2] == (["Jane Roe"], ["Chief Executive Officer*"])


# -- ownership reports: Form 4, Schedule 13G, 13F ------------------------------------------------------


def test_an_xml_form_4_signs_in_its_tags_and_a_capacity_is_no_title() -> None:
    text = ("<ownershipDocument>\n    <ownerSignature>\n"
            "        <signatureName>/s/ Katherine Kwiat, power of attorney</signatureName>\n"
            "        <signatureDate>2025-01-10</signatureDate>\n    </ownerSignature>\n</ownershipDocument>\n")
    assert _signer(text) == (["Katherine Kwiat"], [], ["2025-01-10"])
    text = text.replace("/s/ Katherine Kwiat, power of attorney", "Marta Woods by Power of Attorney")
    assert _signer(text)[0] == ["Marta Woods"]


def test_an_xml_schedule_13g_gives_its_first_signer() -> None:
    text = ("<signatureInformation>\n  <reportingPersonName>ACME CAPITAL LLC</reportingPersonName>\n"
            "  <signatureDetails>\n    <signature>/s/ Samir Patel</signature>\n    <title>Managing Member</title>\n"
            "    <date>01/17/2025</date>\n  </signatureDetails>\n</signatureInformation>\n<signatureInformation>\n"
            "  <signatureDetails>\n    <signature>/s/ John Roe</signature>\n    <title>Director</title>\n"
            "    <date>01/18/2025</date>\n  </signatureDetails>\n</signatureInformation>\n")
    assert _signer(text) == (["Samir Patel"], ["Managing Member"], ["2025-01-17"])
    text = ("<signatureBlock>\n  <name>Zemin Li</name>\n  <title>CIO and Director</title>\n"
            "  <signature>/s/ Zemin Li</signature>\n  <signatureDate>10-16-2023</signatureDate>\n</signatureBlock>\n")
    assert _signer(text) == (["Zemin Li"], ["CIO and Director"], ["2023-10-16"])


def test_a_text_form_4_signs_over_or_under_its_caption() -> None:
    text = ("Explanation of Responses:\n(1) Shares sold under a 10b5-1 plan.\n\n"
            "/s/ ALAN H. FOSTER                                   03/13/2000\n"
            "-------------------------------                     ----------\n"
            "**Signature of Reporting Person                      Date\n")
    assert _signer(text) == (["Alan H. Foster"], [], ["2000-03-13"])
    text = "Explanation of Responses:\nSIGNATURE OF REPORTING PERSON\n  /s/         Alan H. Foster\nDATE\nMarch 13, 2000\n"
    assert _signer(text) == (["Alan H. Foster"], [], ["2000-03-13"])


def test_a_text_schedule_13g_signs_with_labels() -> None:
    text = ("Signature.\n\nAfter reasonable inquiry and to the best of my knowledge and belief, I certify that the "
            "information set forth in this statement is true, complete and correct.\n\n\nDated: January 22, 2024\n"
            "BlackRock, Inc.\n\nSignature:  Spencer Fleming\n\n\n-------------------------------------------\n\n"
            "Name/Title Attorney-In-Fact\n")
    assert _signer(text) == (["Spencer Fleming"], [], ["2024-01-22"])
    text = text.replace("Spencer Fleming", "/s/ Jane Roe").replace("Name/Title Attorney-In-Fact",
                                                                  "Name/Title: Jane Roe, Managing Director")
    assert _signer(text) == (["Jane Roe"], ["Managing Director"], ["2024-01-22"])


def test_a_current_report_is_not_read_as_an_ownership_report() -> None:
    text = ("FORM 8-K\n\nCURRENT REPORT\n\nItem 8.01 Other Events.\n\nThe holder's Form 4 reads: Signature: "
            "John Roe, as Signature of Reporting Person.\n\n" + SIGNED
            + "ACME INC.\nBy: /s/ Jane Roe\nName: Jane Roe\nTitle: Secretary\nDate: May 7, 2025\n")
    assert _signer(text) == (["Jane Roe"], ["Secretary"], ["2025-05-07"])


# -- what the block is not ---------------------------------------------------------------------------


def test_a_title_label_with_the_signature_under_it() -> None:
    """"Title:" with the "/s/" line under it: the title is the one typed under the name."""
    text = SIGNED + ("ACME INC.\nDate: May 7, 2025\nBy:\nTitle:\n/s/ Jane Roe\nJane Roe\nChief Financial Officer\n")
    assert _signer(text) == (["Jane Roe"], ["Chief Financial Officer"], ["2025-05-07"])


def test_an_exhibits_signature_pages_after_the_forms() -> None:
    text = SIGNED + ("ACME INC.\n(Registrant)\n\nDate: August 24, 2023\n\nBy:\n\n/s/ John E. Stevens\nJohn E. Stevens\n"
                     "VICE PRESIDENT AND\nASSOCIATE GENERAL COUNSEL\n\n" + "EXTENSION AGREEMENT\n"
                     + "The lenders agree.\n" * 30 + "\nSIGNATURE\n\nBANK\nBy: Marlon Mathews*\n"
                     + "Name: Marlon Mathews\nTitle: Executive Director\n\n"
                     + "Signature: /s/ Ann Lee\nName/Title: Ann Lee, Director\n")
    assert _signer(text) == (["John E. Stevens"], ["VICE PRESIDENT AND ASSOCIATE GENERAL COUNSEL"], ["2023-08-24"])


def test_a_conformed_signature_written_signed_in_parentheses() -> None:
    # a Canadian filer's 20-F: '(signed) "Name"' where others write "/s/ Name"
    text = ("SIGNATURES\nThe registrant hereby certifies that it meets all of the requirements for filing on "
            "Form 20-F and that it has duly caused and authorized the undersigned to sign this annual report on its "
            "behalf.\n\nDate: March 30, 2016\nACME RESOURCES INC.\n(Registrant)\nBy: (signed) \"Arnold T. Roe\"\n"
            "Arnold T. Roe\nPresident and Chief Executive Officer\n\n83\n")
    assert _signer(text) == (["Arnold T. Roe"], ["President and Chief Executive Officer"], ["2016-03-30"])
