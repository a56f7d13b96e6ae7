"""cover rules on small texts: the address and the values above their captions."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract import cover, notices
from reviewer.core.extract.rules import run_all


def _values(text: str, name: str) -> list[str]:
    return [c.value for c in run_all(cover.RULES, Document(text=text, format="text")) if c.name == name]


def _address(text: str) -> list[str]:
    return _values(text, "principal_office_address")


def test_a_wrapped_captions_tail_is_no_part_of_the_address() -> None:
    text = ("FORM 8-K\n\nApple Computer, Inc.\n(Exact name of registrant as specified in its charter)\n\n"
            "California\t0-10030\t94-2404110\n(State or other jurisdiction of\nincorporation or\n"
            "organization)\t(Commission File Number)\t(I.R.S. Employer\nIdentification Number)\n"
            "1 Infinite Loop, Cupertino, CA 95014\n(Address of principal executive offices)\n")
    assert _address(text) == ["1 Infinite Loop, Cupertino, CA 95014"]
    text = ("FORM 10-K\n\n     DELAWARE         04-2052042\n              OR ORGANIZATION)\n"
            "                                                   02481\n"
            " 45 WILLIAM STREET, WELLESLEY, MASSACHUSETTS         (ZIP CODE)\n"
            "  (ADDRESS OF PRINCIPAL EXECUTIVE OFFICES)\n")
    assert _address(text) == ["45 WILLIAM STREET, WELLESLEY, MASSACHUSETTS 02481"]


def test_inline_xbrl_cells_each_on_a_line() -> None:
    text = ("FORM 8-K\n\n(Commission\nFile Number)\t(IRS Employer\nIdentification No.)\n\n"
            "300 Crescent Court\n,\nSuite 700\nDallas\n,\nTexas\n75201\n"
            "(Address of Principal Executive Offices)(Zip Code)\n")
    assert _address(text) == ["300 Crescent Court, Suite 700, Dallas, Texas 75201"]


def test_two_offices_over_one_caption_give_the_first() -> None:
    text = ("FORM 8-K\n\nIdentification No.)\n\n521 West 57th Street\nNew York, New York\t10019\n"
            "200 Powder Mill Road\nWilmington, Delaware\t19803\n"
            "(Address of Principal Executive Offices)\t(Zip Code)\n")
    assert _address(text) == ["521 West 57th Street, New York, New York 10019"]


def test_the_registrants_caption_and_a_caption_wrapped_below() -> None:
    text = ("FORM 8-K\n\n(State)\n290 W Mt. Pleasant Ave., Suite 4100\nLivingston, NJ\t07039\n"
            "(Address of registrant's principal executive offices)\t(Zip Code)\n")
    assert _address(text) == ["290 W Mt. Pleasant Ave., Suite 4100, Livingston, NJ 07039"]
    text = ("FORM 10-Q\n\n(organization)\n\n       1 Infinite Loop\n"
            "     Cupertino, California                     95014\n"
            "(Address of principal executive             (Zip Code)\n               offices)\n")
    assert _address(text) == ["1 Infinite Loop, Cupertino, California 95014"]


def test_a_pdfs_double_spaced_cover_and_its_zip_code_below() -> None:
    text = ("FORM 8-K\n\n(I.R.S. Employer Identification\n\nNumber)\n\n"
            "290 W Mt. Pleasant Ave., Suite 4100\n\nLivingston, NJ\n\n07039\n\n"
            "(Address of registrant's principal\n\nexecutive offices)\n\n(Zip Code)\n")
    assert _address(text) == ["290 W Mt. Pleasant Ave., Suite 4100, Livingston, NJ 07039"]
    text = ("FORM 8-K\n\n1-11437\n(Commission File Number)\n\n6801 Rockledge Drive\nBethesda, Maryland\n"
            "(Address of principal executive offices)\n\n(301) 897-6000\n"
            "(Registrant’s telephone number, including area code)\n\n52-1893632\n(IRS Employer\n"
            "Identification No.)\n\n20817\n(Zip Code)\n")
    assert _address(text) == ["6801 Rockledge Drive, Bethesda, Maryland 20817"]


def test_trading_symbols_with_spaces_slashes_dots_and_series() -> None:
    text = ("FORM 8-K\n\nSecurities registered pursuant to Section 12(b) of the Act:\n"
            "Title of each class\tTrading Symbol(s)\tName of each exchange on which registered\n"
            "Common Stock\tJPM\tNew York Stock Exchange\n"
            "Depositary Shares, each representing a 1/400th interest\tJPM PR D\tNew York Stock Exchange\n"
            "0.650% Notes Due 2024\tJNJ24BP\tNew York Stock Exchange\n"
            "Preferred Stock, Series A\tPCG-PA\tNYSE American LLC\n"
            "Class B Common Stock\tBRK/B\tNew York Stock Exchange\n"
            "Class A\tCLASS A\tNew York Stock Exchange\n"
            "Indicate by check mark whether the registrant is an emerging growth company\n")
    assert _values(text, "ticker") == ["JPM", "JPM PR D", "JNJ24BP", "PCG-PA", "BRK/B"]


def test_exchanges_on_a_cover_with_no_trading_symbols() -> None:
    text = ("FORM 10-K\n\nSECURITIES REGISTERED PURSUANT TO SECTION 12(B) OF THE ACT:\n\n"
            "                                           NAME OF EACH EXCHANGE ON\n"
            "  TITLE OF EACH CLASS                          WHICH REGISTERED\n"
            "  -------------------                      ------------------------\n"
            "COMMON STOCK, $1.00 PAR       NEW YORK STOCK EXCHANGE   ZURICH STOCK EXCHANGE\n"
            " VALUE                        CHICAGO STOCK EXCHANGE, INC.\n\n"
            "Depositary Shares, each representing          New York Stock Exchange\n"
            "________________\n"
            "(a)  In addition, shares of Common Stock of the Registrant are\n"
            "listed on the Montreal Stock Exchange and the Toronto Stock\n"
            "Exchange in Canada.\n\n"
            "SECURITIES REGISTERED PURSUANT TO SECTION 12(G) OF THE ACT: None\n")
    assert _values(text, "exchange") == ["NEW YORK STOCK EXCHANGE", "ZURICH STOCK EXCHANGE",
                                         "CHICAGO STOCK EXCHANGE, INC", "New York Stock Exchange"]
    assert _values(text, "ticker") == []


def test_a_pdf_cover_printed_with_a_blank_line_after_every_line() -> None:
    text = ("FORM 8-K\n\nBEST BUY CO., INC.\n\n(Exact name of registrant as specified in its charter)\n\n"
            "Minnesota\n\n(State or other jurisdiction\nof incorporation)\n\n1-9595\n\n(Commission\nFile Number)\n\n"
            "41-0907483\n\n(IRS Employer\nIdentification No.)\n\n7601 Penn Avenue South\n\nRichfield, Minnesota\n\n"
            "(Address of principal executive offices)\n\n55423\n\n(Zip Code)\n")
    assert _address(text) == ["7601 Penn Avenue South, Richfield, Minnesota 55423"]
    # laid out single-spaced, a blank line ends the block: the row above is another caption's
    text = ("FORM 8-K\n\n(IRS Employer\nIdentification No.)\n1 Main Street\n\nSpringfield, Ohio 45501\n"
            "(Address of principal executive offices)\n")
    assert _address(text) == ["Springfield, Ohio 45501"]


def test_a_british_postcode_under_its_own_caption() -> None:
    text = ("FORM 8-K\n\nAMCOR PLC\n(Exact name of registrant as specified in its charter)\n\n"
            "98-1455367\n(IRS Employer Identification\nNo.)\n\n83 Tower Road North\nWarmley, Bristol\nUnited Kingdom\n"
            "(Address of principal executive offices)\n\nBS30 8XP\n(Zip Code)\n\n+44 117 9753200\n")
    assert _address(text) == ["83 Tower Road North, Warmley, Bristol, United Kingdom BS30 8XP"]
    text = text.replace("BS30 8XP", "Bristol Road")  # a street, not a postcode
    assert _address(text) == ["83 Tower Road North, Warmley, Bristol, United Kingdom"]


def test_an_amendments_title_and_a_registration_statements_address_caption() -> None:
    text = ("SECURITIES AND EXCHANGE COMMISSION\n\n          AMENDMENT NO. 2\n               TO\n            FORM S-3"
            "\n\nREGISTRATION STATEMENT\n\nPAGE AMERICA GROUP, INC.\n(Exact name of registrant as specified in its "
            "charter)\n\n125 State Street\nHackensack, New Jersey 07601\n(201) 342-6676\n(Address, including zip "
            "code, and telephone number, including\narea code, of registrant's principal executive offices)\n")
    assert _values(text, "form_type") == ["S-3/A"]
    assert _address(text) == ["125 State Street, Hackensack, New Jersey 07601"]
    assert _values(text.replace("AMENDMENT NO. 2\n               TO\n", ""), "form_type") == ["S-3"]


def test_a_zip_over_its_rule_and_a_superscript_printed_below() -> None:
    text = ("FORM 8-K\n\n001-16391 \n_____________  \n(Commission \nFile Number) \n\n"
            "17800 N 85th St, Scottsdale, Arizona \n_________________________________  \n"
            "(Address of principal executive offices) \n\n86-0741227 \n______________  \n(I.R.S. Employer \n"
            "Identification No.) \n\n85255 \n___________  \n(Zip Code) \n")
    assert _address(text) == ["17800 N 85th St, Scottsdale, Arizona 85255"]
    text = ("FORM 8-K\n\n86-0741227 \n(IRS Employer  \nIdentification No.)  \n\n17800 N. 85  St.  \n"
            "Scottsdale, Arizona 85255  \n(Address of principal executive offices, including zip code)  \n\nth \n\n"
            "(480) 991-0797  \n")
    assert _address(text) == ["17800 N. 85 th St., Scottsdale, Arizona 85255"]
    # a suffix that is not the number's ordinal is not joined
    assert _address(text.replace("\nth \n", "\nst \n")) == ["17800 N. 85 St., Scottsdale, Arizona 85255"]


def test_a_page_flattened_to_one_line_gives_no_address() -> None:
    text = ("FORM 20-F " + "REGISTRATION STATEMENT PURSUANT TO SECTION 12(b) OF THE ACT " * 4
            + "AEGON N.V. - ------- (Exact name of Registrant as specified in its charter) The Netherlands - ------ "
            "Mariahoeveplein 50, 2591 TV The Hague - ------- (Address of principal executive offices)\n")
    assert _address(text) == []


def test_a_prospectus_states_the_issuers_file_number() -> None:
    text = ("Filed Pursuant to Rule 424(b)(2)\nRegistration Statement No. 333-265158\n\n"
            "Our SEC file number is 1-10257. As used in this pricing supplement, “we” refers to the Bank.\n")
    assert _values(text, "commission_file_number") == ["1-10257"]
    assert _values(text.replace("Our SEC file number is", "See file"), "commission_file_number") == []


def test_a_combined_covers_name_column_gives_the_first_registrant() -> None:
    text = ("FORM 8-K\n\nCommission File Number\n001-12609 \n\n001-02348 \n\nExact Name of Registrant\n"
            "as specified in its charter\n\nPG&E CORPORATION \nPACIFIC GAS AND ELECTRIC\nCOMPANY \n\n"
            "State or Other Jurisdiction of\nIncorporation or Organization  \nCalifornia \n")
    assert _values(text, "company_name") == ["PG&E CORPORATION"]


def test_a_flattened_cover_keeps_its_values_between_rules() -> None:
    rule = "-" * 40
    text = ("FORM 20-F (Mark One) ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) For the fiscal year ended "
            f"December 31, 2000 {rule} Commission file number 0-14071 {rule} AEGON N.V. - {rule} (Exact name of "
            f"Registrant as specified in its charter) The Netherlands - {rule} (Jurisdiction of incorporation or "
            f"organization) Mariahoeveplein 50, 2591 TV The Hague, The Netherlands - {rule} (Address of principal "
            "executive offices) Securities registered pursuant to Section 12(b) of the Act.\n")
    assert _values(text, "company_name") == ["AEGON N.V."]
    assert _address(text) == ["Mariahoeveplein 50, 2591 TV The Hague, The Netherlands"]


def test_a_notices_issuer_box_and_a_13f_managers_xml_address() -> None:
    def address(text: str) -> list[str]:
        doc = Document(text=text, format="text", header={"form_type": ["24F-2NT"]})
        return [c.value for c in run_all((*cover.RULES, *notices.RULES), doc) if c.name == "principal_office_address"]

    text = ("FORM 24F-2\nANNUAL NOTICE OF SECURITIES SOLD\n" + "_" * 60 + "\n\n"
            "1.  Name and address of issuer:\n    Common Sense Trust - Growth Fund\n    2800 Post Oak Blvd.\n"
            "    Houston, TX 77056\n" + "_" * 60 + "\n\n2.  Name of each series or class of funds:\n")
    assert address(text) == ["2800 Post Oak Blvd., Houston, TX 77056"]
    xml = ("<filingManager>\n <name>LTS One Management LP</name>\n <address>\n"
           "  <com:street1>650 MADISON AVENUE, 15TH FLOOR</com:street1>\n  <com:city>NEW YORK</com:city>\n"
           "  <com:stateOrCountry>NY</com:stateOrCountry>\n  <com:zipCode>10022</com:zipCode>\n </address>\n")
    assert address(xml) == ["650 MADISON AVENUE, 15TH FLOOR, NEW YORK, NY 10022"]
    assert address(xml.replace(">NY<", ">K3<")) == []
