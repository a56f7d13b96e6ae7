"""form_body rules on small texts: exhibit lists and the signature block."""

from __future__ import annotations

from reviewer.core.document import Document, Part
from reviewer.core.extract import form_body, signature
from reviewer.core.extract.rules import run_all


def _values(text: str, name: str) -> list[str]:
    return [c.value for c in run_all(form_body.RULES + signature.RULES, Document(text=text, format="text")) if c.name == name]


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


def test_rows_of_numbers_omitted_as_inapplicable_are_no_exhibits() -> None:
    text = ("Item 15. Exhibits and Financial Statement Schedules.\n\n(c) The following exhibits are filed herewith:\n\n"
            "2        Omitted - Inapplicable.\n3(i)     Articles of Organization\n9        Omitted - Inapplicable.\n"
            "10.1     Agreement dated October 13, 2006 with Bunge North America, Inc.\n"
            "11       Omitted - Inapplicable.\n21       Omitted.\n31.1     Certificate pursuant to Rule 13a-14(a)\n")
    assert _exhibits(text) == {"3(i)", "10.1", "31.1"}


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


def test_a_captioned_column_of_numbers_without_a_dot() -> None:
    text = ("Item 9.01 Financial Statements and Exhibits\n\n(d)        Exhibits\n\nExhibit\nNumber\n101\n\n104\n\n"
            "  Exhibit Description\n  Cover Page Interactive Data File - the cover page XBRL tags are embedded.\n\n"
            "  The cover page from this Current Report on Form 8-K, formatted as Inline XBRL.\n"
            "SIGNATURE\n\nPursuant to the requirements")
    assert _exhibits(text) == {"101", "104"}
    # no caption over it: numbers alone without a dot may be page numbers
    assert _exhibits(text.replace("Exhibit\nNumber\n", "")) == {"104"}


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


def test_amendment_suffixes_letters_and_third_levels_are_part_of_the_number() -> None:
    text = ("(c) Exhibits\n\nExhibit\nNumber    Description\n\n"
            " 4.1.1     Indenture, dated as of June 1, 1996\n"
            " 4.1b      Amendment No. 2 to Rights Agreement\n"
            " 10.A.3    Savings and Investment Plan\n"
            " 10.A.3-1  Amendment of Savings and Investment Plan dated March 1, 1992.\n"
            " 10.D.2-1. Agreement amending the General Partnership Agreement\n"
            " 10.72(a)  First Amendment to Lease\n"
            " 10.1-10.5 Reserved\n")
    assert _exhibits(text) == {"4.1.1", "4.1b", "10.A.3", "10.A.3-1", "10.D.2-1", "10.72(a)"}


def test_a_notes_column_between_number_and_description() -> None:
    text = ("(c) Exhibits\n\nExhibit\nNumber    Notes*       Description\n\n"
            " 3.2     90-2Q        Amendment to Restated Articles of Incorporation\n"
            " 4.1     89-8A        Common Shares Rights Agreement dated as of May 15,\n"
            " 10.A.1    93/3Q **     1981 Stock Option Plan, as amended.\n"
            " 10.A.15-1  93K-10.A.15 **    1993 Executive Restricted Stock Plan\n"
            " 10.A.8              **                  Form of Indemnification Agreement\n"
            " 10.D.4-1  (2)          First Amendment of Lease (Building 2)\n"
            " 3.1\t*\tAmended and Restated Certificate of Incorporation\n\n"
            " *   Footnotes appear on pages 47-48.\n"
            " 2004    12/31        Balance at end of year\n")
    assert _exhibits(text) == {"3.2", "4.1", "10.A.1", "10.A.15-1", "10.A.8", "10.D.4-1", "3.1"}


def test_a_number_wrapped_in_a_narrow_column_is_joined() -> None:
    text = ("INDEX TO EXHIBITS\n\n"
            "10.A.14   (1)        Employment Agreement between the               44\n"
            "10.A.15-  (1)        1993 Executive Restricted                    44\n"
            "1                    Stock Plan\n\n"
            "10.A.16   (1)        Separation Agreement dated October 14,\n")
    assert _exhibits(text) == {"10.A.14", "10.A.15-1", "10.A.16"}


def test_lettered_designations_after_a_hyphen_with_the_word_exhibit() -> None:
    text = ("EXHIBIT INDEX\n\n"
            "Exhibit 3-A          Restated Certificate of Incorporation,     Filed as Exhibit 3-A to\n"
            "Exhibit 10-B         1985 Stock Option Plan of Ford             Filed with this Report.\n"
            "Exhibit 10-E-1       Amendments to Deferred Compensation Plan   Filed as Exhibit 10-G-1\n"
            "Exhibit 10-K         Description of Matching Gift Program       Filed as Exhibit 10-Q\n"
            "10-K                 Annual Report filed with the Commission\n"
            "Exhibit 10-Q.  The Company's quarterly report. It is filed herewith.\n")
    assert _exhibits(text) == {"3-A", "10-B", "10-E-1", "10-K"}


def test_numbers_in_parentheses_with_their_letters_below() -> None:
    text = ("EXHIBIT INDEX\n\nEXHIBIT NO.\tEXHIBIT\tPAGE\n"
            "(3)\t(a) Articles of Incorporation, as amended\t24\nIncorporated\nby reference\n"
            "(b) By-Laws, as amended\t25\n"
            "(4)\tInstruments Defining the Rights of Security Holders\t26\n"
            "(10)\t*(a) Executive Officer Incentive Arrangement\t27\n"
            "*(b) Employees\u2019 Stock Option Plan\t27\n"
            "(d) Severance Agreements\t27\n"
            "(13)\t2003 Annual Report to Stockholders\t28\n"
            "(31.1)\tRule 13a-14(a)/ 15d-14(a) Certification\t31\n"
            "(1) Incorporated by reference to the Annual Report on Form 10-K for 1999.\n")
    assert _exhibits(text) == {"3(a)", "3(b)", "4", "10(a)", "10(b)", "13", "31.1"}


def test_a_tender_offer_schedules_exhibits_lettered_by_regulation_m_a() -> None:
    text = ("Item 12. Exhibits.\n\nExhibit\tDescription\n(a)(1)(A)*\tOffer to Purchase, dated December 6, 2024.\n"
            "(a)(5)(C)\tPress release issued by Acme L.P., dated January 9, 2025\n(b)\tNot applicable.\n"
            "(d)(1)*\tTender Offer Agreement by and between Acme and the Company.\n"
            "(e)(6)(2)\tCurrent Form of Contingent Value Rights Agreement.\n(g)\tNot applicable.\n"
            "107*\tFiling Fee Table\n\n* Filed previously\n\n"
            "Item 15. Exhibits, Financial Statement Schedules\n(a)(1) Financial Statements\n(a)(3) Exhibits\n")
    assert _exhibits(text) == {"(a)(1)(A)", "(a)(5)(C)", "(d)(1)", "(e)(6)(2)", "107"}


def test_parenthesized_footnotes_categories_and_inapplicable_types_are_no_exhibits() -> None:
    footnotes = ("EXHIBIT INDEX\n\n10.1    Employment Agreement (1)\n10.2    Lease Agreement (2)\n\n"
                 "(1)    Management contract or compensatory plan.\n(2)    Filed herewith.\n"
                 "(3)    Confidential treatment has been requested.\n")
    assert _exhibits(footnotes) == {"10.1", "10.2"}
    footnotes = ("EXHIBIT INDEX\n\n10.D.3    Lease Agreement (Building 1)\n\n"
                 "(1)    Omitted as identical to the lease of Building 1.\n(2)    Schedules omitted.\n")
    assert _exhibits(footnotes) == {"10.D.3"}
    inapplicable = ("INDEX TO EXHIBITS\n\n(4)    Instruments defining the rights of security holders\n\n"
                    "         Not Applicable.\n\n"
                    "(16)   Letter referencing change in certifying accountant, including the\n       letter's date\n\n"
                    "         Not Applicable.\n\n(27)   Financial Data Schedule\n\n         None.\n")
    assert _exhibits(inapplicable) == set()
    reference = ("Item 15. Exhibits, Financial Statement Schedules:\n3.Exhibits:\n\n"
                 "Reference Number per Item 601 of Regulation S-K\tDescription of Exhibits\tExhibit Number\n"
                 "(3)\tCertificate of Incorporation and By-laws\n(4)\tInstruments defining the rights\n"
                 "(21)\tSubsidiaries of the registrant\t21\n")
    assert _exhibits(reference) == set()


def _signer(text: str) -> tuple[list[str], list[str], list[str]]:
    return _values(text, "signer_name"), _values(text, "signer_title"), _values(text, "signature_date")


SIGNED = ("SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant has "
          "duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n\n")


def test_a_title_wrapped_over_lines_is_joined() -> None:
    text = SIGNED + ("ACME INC.\nBy:\t/s/ Jennifer Johnson\nName:\tJennifer Johnson\n"
                     "Title:\tExecutive Vice President, General Counsel\nand Corporate Secretary\n\nDate: May 7, 2025\n")
    assert _signer(text) == (["Jennifer Johnson"], ["Executive Vice President, General Counsel and Corporate "
                                                    "Secretary"], ["2025-05-07"])
    text = SIGNED + ("Date: March 1, 2023\n\nACME\n\n /s/ Jessica Cunningham\n\nBy:\nName:  Jessica Cunningham\n"
                     "Title:\n\nSenior Vice President, Legal Counsel and Assistant\nSecretary\n")
    assert _signer(text)[1] == ["Senior Vice President, Legal Counsel and Assistant Secretary"]
    text = SIGNED + ("Date: August 14, 2023\n\nACME CORPORATION\n\n(Registrant)\n\nBy: /s/ Jeffrey J. Pochowicz\n"
                     "Jeffrey J. Pochowicz\nCorporate Vice President, Associate General Counsel\n"
                     "and Assistant Secretary\n")
    assert _signer(text)[1] == ["Corporate Vice President, Associate General Counsel and Assistant Secretary"]
    text = SIGNED + ("Name: John R. Simon\nTitle: Executive Vice President, General\n"
                     "Counsel and Chief Ethics & Compliance\nOfficer\n\nDate: May 31, 2023\n")
    assert _signer(text)[1] == ["Executive Vice President, General Counsel and Chief Ethics & Compliance Officer"]


def test_a_signature_tables_title_column_wraps() -> None:
    text = SIGNED + (
        "By: /s/ GREGORY L. SUMME                             Chairman of the Board, Chief Executive  March 26, 2001\n"
        "                                                     Officer and President (Principal\n"
        "--------------------------------------------------   Executive Officer)\n")
    assert _signer(text) == (["Gregory L. Summe"], ["Chairman of the Board, Chief Executive Officer and President"],
                             ["2001-03-26"])


def test_the_date_in_the_signed_sentence_or_above_the_heading() -> None:
    text = ("PURSUANT TO THE REQUIREMENTS OF SECTION 13, THE REGISTRANT HAS DULY CAUSED THIS REPORT TO BE SIGNED\n"
            "ON ITS BEHALF BY THE UNDERSIGNED, THEREUNTO DULY AUTHORIZED IN OAK BROOK,\n"
            "ILLINOIS ON THE 29TH DAY OF MARCH 1994.\n\n      WMX TECHNOLOGIES, INC.\n\n"
            "          /s/ Dean L. Buntrock,\n     By___________________________________\n"
            "             Dean L. Buntrock,\n      Chairman of the Board and Chief\n             Executive Officer\n")
    assert _signer(text) == (["Dean L. Buntrock"], ["Chairman of the Board and Chief Executive Officer"],
                             ["1994-03-29"])
    text = ("the registrant has duly caused this report to be signed on its behalf by the\nundersigned hereunto duly "
            "authorized.\n\nDated: May 19, 2006\n\nTASER International, Inc.\n\nSIGNATURE\n\n"
            "By:   /s/ DANIEL BEHRENDT\n\nDaniel Behrendt\nChief Financial Officer\n")
    assert _signer(text) == (["Daniel Behrendt"], ["Chief Financial Officer"], ["2006-05-19"])


def test_the_forms_signature_not_an_exhibits_signature_pages() -> None:
    text = SIGNED + ("SIGNATURE\n\nLockheed Martin Corporation\n(Registrant)\n\nDate: August 24, 2023\n\nBy:\n\n"
                     "/s/ John E. Stevens\nJohn E. Stevens\nVice President and Associate General Counsel\n\n"
                     + "EXTENSION AGREEMENT\n" + "The lenders agree.\n" * 30
                     + "\nSIGNATURE\n\nBANK\nBy:\n/s/ Marlon Mathews\nName: Marlon Mathews\nTitle: Executive Director\n")
    assert _signer(text) == (["John E. Stevens"], ["Vice President and Associate General Counsel"], ["2023-08-24"])


def test_name_suffixes_and_initials_as_printed() -> None:
    text = SIGNED + "By: /s/ WILLIAM C. FORD, JR.\nWilliam C. Ford, Jr.\nChairman of the Board\n"
    assert _signer(text)[:2] == (["William C. Ford, Jr."], ["Chairman of the Board"])
    text = SIGNED + "By:\n\n/s/ DOUGLAS E. KLINT\n\n   Douglas E.Klint\n   Corporate Secretary\n"
    assert _signer(text)[:2] == (["Douglas E. Klint"], ["Corporate Secretary"])


def test_an_exhibit_sub_letter_keeps_its_case_in_the_normal_form() -> None:
    """Lists write 3.1(a); a code's normal form is upper case but for that sub-letter, so a
    typed '3.1(A)' and the extracted '3.1(a)' are one value."""
    from reviewer.core.extract.normalize import normalize

    assert normalize("3.1(A)", "code") == normalize("3.1(a)", "code") == "3.1(a)"
    assert normalize("10.a.50", "code") == "10.A.50"
    assert normalize("8-k", "code") == "8-K"


def test_an_index_that_letters_its_numbers() -> None:
    text = ("FORM 10-K\n\nItem 15. Exhibits, Financial Statement Schedules\n\nExhibit Number\tDescription\n"
            "3a\tRestated Certificate of Incorporation (filed as Exhibit 3a to Form 10-K).\n"
            "10a\tDeferred Compensation Plan.**\n10a(i)\tAmendment to Deferred Compensation Plan.**\n"
            "10aa\tForm of Employment Agreement.**\n10j(ii)(a)\tAddendum to the Plan.**\n"
            "2nd\tAmended Bylaws are described elsewhere.\n21\tList of subsidiaries.\n")
    assert _exhibits(text) == {"3a", "10a", "10a(i)", "10aa", "10j(ii)(a)", "21"}


def test_a_release_numbering_its_own_tables_has_no_exhibits() -> None:
    text = ("Exhibit 99.1\n\nUlta Beauty Announces Results\n\nBOLINGBROOK, Ill., March 9, 2023 -- Ulta Beauty, "
            "Inc. (NASDAQ: ULTA) today announced results.\n\nConsolidated Statements of Income\n\nExhibit 1\n\n"
            "Net sales\t100\n\nStore Update\n\nExhibit 4\n\nStores\t1,355\n")
    assert _exhibits(text) == {"99.1"}


def test_a_table_aligned_on_the_dot_sets_the_decimals_apart() -> None:
    text = ("Exhibits\n\nExhibit\nNo.\tDescription of Exhibit\n"
            "3\t.1\t—\tRestated Certificate of Incorporation\n"
            "10\t.7*†\t—\tAmendment No. 2 to the 401(k) Plan\n"
            "21\t†\t—\tSubsidiaries of the Company\n"
            "32\t.1††\t—\tCertifications of the Chief Executive Officer\n"
            "861\t623\n")
    assert _exhibits(text) == {"3.1", "10.7", "21", "32.1"}


def test_footnote_marks_after_a_number_are_no_part_of_it() -> None:
    text = ("Item 6. Exhibits\n\nExhibit\nNumber\tExhibit Description\tFiled Herewith\n"
            "10.5*†\tForm of Restricted Stock Unit Award Agreement\n"
            "31.1+\tCertification of the Chief Executive Officer\tX\n"
            "32.1#\tCertification of the Chief Executive Officer pursuant to 18 U.S.C. Section 1350\tX\n"
            "32.2‡\tCertification of the Chief Financial Officer pursuant to 18 U.S.C. Section 1350\tX\n"
            " 4.2^    Indenture dated as of May 3, 2023\n"
            " 10.6#†  Amendment #2 to the Employment Agreement\n"
            "         # 4 Supplement to the Indenture\n\n"
            "# This certification is deemed not filed for purposes of Section 18 of the Exchange Act.\n"
            "† Indicates a management contract or compensatory plan.\n")
    assert _exhibits(text) == {"10.5", "31.1", "32.1", "32.2", "4.2", "10.6"}
    split = "Exhibits\n\nExhibit\nNo.\tDescription\n10\t.8#\t—\tAmendment No. 3 to the 401(k) Plan\n"
    assert _exhibits(split) == {"10.8"}


def test_the_xbrl_rows_of_an_index_as_written_not_its_xbrl_attachments() -> None:
    form = ("FORM 10-Q\n\nItem 6. Exhibits\n\nExhibit\tDescription\n31.1\tCertification of the Chief Executive Officer\n"
            "101.INS\tInline XBRL Instance Document.\n101.SCH+\tInline XBRL Taxonomy Extension Schema Document.\n"
            " 101.CAL   XBRL Taxonomy Extension Calculation Linkbase Document\n"
            "101.XYZ\tSome Other Document\n101.ins\tXBRL Instance Document\n\nSIGNATURES\n")
    attachment = "<TYPE>EX-101.LAB\nXBRL TAXONOMY EXTENSION LABEL LINKBASE\n"
    text = form + attachment
    doc = Document(text, "text", [Part("document", 0, len(form), type="10-Q"),
                                  Part("document", len(form), len(text), type="EX-101.LAB")])
    found = {c.value for c in run_all(form_body.RULES, doc) if c.name == "exhibit"}
    assert found == {"31.1", "101.INS", "101.SCH", "101.CAL"}


def test_an_index_goes_on_past_rows_of_marked_and_xbrl_numbers() -> None:
    cert = "Certification of the Chief Executive Officer, pursuant to 18 U.S.C. Section 1350, as adopted " \
           "pursuant to Section 906 of the Sarbanes-Oxley Act of 2002.\tX\n"
    text = ("Item 6.Exhibits\n\nExhibit\nNumber\tIncorporated by Reference\tFiled\nHerewith\n"
            "4.1\tSecond Supplemental Indenture, dated as of May 3, 2023, including forms of global notes " + "x" * 300 + "\n"
            "31.1\t" + cert + "31.2\t" + cert + "32.1#\t" + cert + "32.2#\t" + cert
            + "".join(f"101.{k}\tInline XBRL Taxonomy Extension Document of the kind {k}, " + "y" * 100 + ".\tX\n"
                      for k in ("INS", "SCH", "CAL", "DEF", "LAB", "PRE"))
            + "104\tCover Page Interactive Data File (formatted as inline XBRL and contained in Exhibit 101).\tX\n")
    assert {"31.2", "32.2", "101.PRE", "104"} <= _exhibits(text)


def test_numbers_joined_by_a_hyphen_as_written_not_form_names() -> None:
    text = ("Item 6.\tExhibits\n\n"
            "3-1\tAmended Articles of Incorporation (Incorporated by reference to Exhibit (3-1) of the Form 10-K)\n"
            "10-1\tSummary of the Company's Short Term Achievement Reward Program* +\n"
            " 10-12*   Performance Stock Program related correspondence\n"
            "31.1\tRule 13a-14(a)/15d-14(a) Certification - Chief Executive Officer +\n"
            "10-K\tAnnual Report on Form 10-K for the year ended June 30, 2023\n"
            " 8-K     Current Report filed December 13, 2022\n"
            "1-5      years of service under the Plan\n"
            "12-31-2023 Date of the Company's balance sheet\n"
            "1-2360\tCommission File Number\n\n"
            "SIGNATURES\n")
    assert _exhibits(text) == {"3-1", "10-1", "10-12", "31.1"}
