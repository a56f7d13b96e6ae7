"""event rules on small 8-K texts: what an item reports, and the event's details."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract import events
from reviewer.core.extract.rules import run_all

COVER = "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\nCURRENT REPORT\n\n"


def _fields(body: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in run_all(events.RULES, Document(text=COVER + body, format="text")):
        out.setdefault(c.name, []).append(c.value)
    return out


def test_the_meeting_date_in_the_sentence_that_reports_it() -> None:
    f = _fields("Item 5.07 Submission of Matters to a Vote of Security Holders.\n"
                "The Annual Meeting of Shareholders of Apple Inc. was held on March 1, 2019. At the Annual Meeting, "
                "shareholders voted on five proposals.\n")
    assert f["event_type"] == ["shareholder_meeting"] and f["meeting_date"] == ["2019-03-01"]
    f = _fields("Item 5.07 Submission of Matters to a Vote of Security Holders.\n\n"
                "On May 1, 2025, International Flavors & Fragrances Inc. (the “Company”) held its Annual Meeting of "
                "Shareholders. At the Annual Meeting, ten directors were elected.\n")
    assert f["meeting_date"] == ["2025-05-01"]


def test_dividend_dates_and_amounts_as_releases_write_them() -> None:
    f = _fields("Item 8.01 Other Events.\n\nOn June 19, 2014, the Board declared a quarterly cash dividend of $.12 "
                "per share of outstanding common stock. This dividend will be paid to stockholders of record as of "
                "the close of business on July 9, 2014, with a payment date of July 30, 2014.\n")
    assert "dividend" in f["event_type"]
    assert (f["dividend_per_share"], f["dividend_record_date"], f["dividend_payment_date"]) == (
        ["0.12"], ["2014-07-09"], ["2014-07-30"])
    f = _fields("Item 8.01 Other Events.\n\nACME will pay its next quarterly cash dividend of 12.25 cents per share "
                "on April 1, 2026, to all shareholders of record on March 11, 2026.\n")
    assert "dividend" in f["event_type"]
    assert (f["dividend_per_share"], f["dividend_record_date"], f["dividend_payment_date"]) == (
        ["0.1225"], ["2026-03-11"], ["2026-04-01"])


def test_a_split_written_in_words_and_its_share_counts() -> None:
    f = _fields("Item 8.01 Other Events.\n\nThe Board approved a reverse stock split of one (1) share for each two "
                "hundred (200) shares of common stock, to become effective on March 3, 2010. The number of shares "
                "outstanding will be reduced from approximately 12.7 million shares to 63,500 shares.\n")
    assert f["split_ratio"] == ["1-for-200"] and f["split_effective_date"] == ["2010-03-03"]
    assert f["shares_outstanding_before"] == ["12700000"] and f["shares_outstanding_after"] == ["63500"]
    f = _fields("Item 5. Other Events.\n\nThe Company announced a 2-for-1 stock split in the form of a 100% stock "
                "dividend, with delivery on or about April 29, 2004. The issued and outstanding shares will be "
                "increased from approximately 14,160,806 shares to 28,321,612 shares.\n")
    assert f["split_ratio"] == ["2-for-1"] and f["split_effective_date"] == ["2004-04-29"]
    assert f["shares_outstanding_before"] == ["14160806"] and f["shares_outstanding_after"] == ["28321612"]


def test_what_an_items_text_reports() -> None:
    f = _fields("Item 2.01 Completion of Acquisition or Disposition of Assets\n\nOn August 23, 2023, ACME completed "
                "its previously announced split-off exchange offer of 1,533,830,450 shares of common stock of Kenvue "
                "Inc.\n")
    assert f["event_type"] == ["divestiture"]
    f = _fields("Item 2.05 Costs Associated with Exit or Disposal Activities.\n\nThe Company announced a "
                "restructuring plan that includes a reduction of the workforce by about 10%.\n")
    assert f["event_type"] == ["operating_update"]
    f = _fields("Item 1.01 Entry Into a Material Definitive Agreement.\n\nACME entered into an Extension Agreement "
                "to its $3.0 billion Revolving Credit Agreement, dated as of August 24, 2022.\n")
    assert sorted(f["event_type"]) == ["financing", "material_agreement"]
    f = _fields("Item 8.01. Other Events.\n\nOn August 14, 2023, ACME Corporation issued $600.0 million of its "
                "4.800% Medium-Term Notes due 2028.\n")
    assert f["event_type"] == ["securities_offering"]


def test_a_502_that_only_sets_pay_is_no_management_change() -> None:
    f = _fields("Item 5.02 Departure of Directors or Certain Officers; Compensatory Arrangements of Certain "
                "Officers.\n\nAt the annual meeting the stockholders approved the CEO Performance Award, a grant of "
                "options, and the 2018 Stock Incentive Plan.\n")
    assert "management_change" not in f.get("event_type", [])
    f = _fields("Item 5.02 Departure of Directors or Certain Officers.\n\nOn March 17, 2023, the Board appointed "
                "Brandon Hetzel as Chief Financial Officer; his compensation is set out below.\n")
    assert f["event_type"] == ["management_change"]


def test_recap_and_buying_back_shares_are_no_events() -> None:
    f = _fields("Item 1.01 Entry Into a Material Definitive Agreement.\n\nThe amendment permits the Company to "
                "acquire shares of its capital stock in an amount not to exceed $10 million.\n")
    assert f["event_type"] == ["material_agreement"]
    f = _fields("Item 2.02 Results of Operations.\n\nResults exclude the Credit and Tire businesses divested in "
                "the fourth quarter of 2003.\n")
    assert f["event_type"] == ["earnings"]


def test_a_dividend_declared_today_further_down_an_undated_release() -> None:
    text = ("Acme reports fiscal 2023 results\n\nStrong returns: annual dividend increased to 49.0 cents per share\n\n"
            + "Acme CEO said: results were good.\n\n" * 60
            + "Dividend\n\nThe Acme Board of Directors today declared a quarterly cash dividend of 12.25 cents per "
            "share. The record date will be September 7, 2023, and the payment date will be September 27, 2023.\n\n"
            "Contacts\nJane Doe\n+1 224 313 7141\njane.doe@acme.com\n\nNYSE: ACMR\n")
    f: dict[str, list[str]] = {}
    for c in sorted(run_all(events.RULES, Document(text=text, format="pdf")), key=lambda c: -c.confidence):
        f.setdefault(c.name, []).append(c.value)
    f["dividend_per_share"] = f["dividend_per_share"][:1]  # the surest: the amount declared
    assert set(f["event_type"]) == {"earnings", "dividend"}
    assert (f["dividend_per_share"], f["dividend_record_date"], f["dividend_payment_date"]) == (
        ["0.1225"], ["2023-09-07"], ["2023-09-27"])


def _periodic(body: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    doc = Document(text="UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 10-Q\n\n" + body, format="text")
    for c in run_all(events.RULES, doc):
        out.setdefault(c.name, []).append(c.value)
    return out


def test_a_periodic_report_reports_a_meeting_held_and_its_subsequent_events() -> None:
    f = _periodic("Note 9 - Subsequent Events\nOn April 16, 1998, Beta plc completed an initial public offering of "
                  "its stock. The Company sold 18.9% of its shares in the offering for a gain.\n\n"
                  "Item 4. Submission of Matters to a Vote of Security Holders\n\n"
                  "a)  The annual meeting of shareholders was held on April 22, 1998.  All matters were approved.\n")
    assert set(f["event_type"]) == {"divestiture", "shareholder_meeting"}
    assert f["meeting_date"] == ["1998-04-22"]


def test_a_periodic_reports_statements_and_empty_sections_are_no_events() -> None:
    f = _periodic("Item 4. Submission of Matters to a Vote of Security Holders\n\nThere were no matters submitted to "
                  "a vote of stockholders during the quarter. The Annual Meeting of Shareholders to be held on "
                  "February 17, 2004.\n\nSubsequent Events\nOn April 22, 1999, Beta effected a 4 for 1 stock split "
                  "and completed an initial public offering of its stock. The Company entered into a credit facility "
                  "with its banks.\n\nItem 2. Results\nNet sales rose; the Company reports quarterly results.\n")
    assert f == {}


def test_a_402_non_reliance_is_other() -> None:
    f = _fields("Item 4.02 Non-Reliance on Previously Issued Financial Statements.\n\nOn April 10, 2025, the Audit "
                "Committee concluded that the statements for 2023 should no longer be relied upon.\n")
    assert f["event_type"] == ["other"]


def test_an_801_reporting_a_commercial_agreement_is_a_material_agreement() -> None:
    f = _fields("Item 8.01 Other Events.\nOn March 31, 2026, the Company and Beta, Inc. entered into a new order form "
                "(the “Order Form”) under the existing Master Services Agreement.\n")
    assert f["event_type"] == ["material_agreement"]
    f = _fields("Item 8.01 Other Events.\nOn March 31, 2026, the Company entered into a merger agreement with Beta.\n")
    assert f["event_type"] == ["merger_acquisition"]


def test_an_amount_in_cents_reads_back_in_dollars() -> None:
    """The dividend rule gives "12.25 cents per share" as 0.1225: its evidence, or the same
    words typed by the analyst, read the same in the decimal normal form."""
    from reviewer.core.extract.normalize import normalize

    assert normalize("12.25 cents per share", "decimal") == "0.1225"
    assert normalize("12¢", "decimal") == "0.12"
    assert normalize("$0.25 per share", "decimal") == "0.25"


def _release(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in run_all(events.RULES, Document(text=text, format="pdf")):
        out.setdefault(c.name, []).append(c.value)
    return out


def test_earnings_releases_as_headlines_and_old_8ks_write_them() -> None:
    f = _release("NEWS RELEASE\n\nAcme Wholesale Corporation Reports Third Quarter\nand Year-to-Date Operating "
                 "Results for Fiscal 2023\n\nISSAQUAH, Wash., May 25, 2023 -- Acme Wholesale Corporation today "
                 "announced net sales for the quarter of $52.60 billion.\n")
    assert f["event_type"] == ["earnings"]
    f = _release("Acme Corporation Reports First-Quarter Results; On Track to Deliver Solid 2023\n\n"
                 + "• Recorded GAAP earnings were $0.27 per diluted share for the first quarter of 2023.\n\n" * 8
                 + "OAKLAND — Acme Corporation (NYSE: ACM) recorded first-quarter 2023 income of $569 million.\n")
    assert f["event_type"] == ["earnings"]
    f = _fields("Item 9. Regulation FD Disclosure\n\nThe following information, which is intended to be furnished "
                "under Item 12, “Results of Operations and Financial Condition,” is instead being furnished under "
                "Item 9. On July 20, 2004, ACME issued a press release regarding the Company’s financial results for "
                "its second fiscal quarter, ended June 30, 2004.\n")
    assert f["event_type"] == ["earnings"]
    # a release that reports something else, and one that only schedules its results
    f = _release("Acme Names New Chief Financial Officer\n\nPHOENIX, May 2, 2023 -- Acme today announced that the "
                 "board appointed Jane Doe as Chief Financial Officer. Acme will report its financial results for "
                 "the first quarter on May 9.\n")
    assert f["event_type"] == ["management_change"]


def test_a_lawsuit_or_chapter_11_told_in_an_earnings_release_is_recap() -> None:
    f = _release("Acme Corporation Reports Second Quarter 2009 Results\n\nSCOTTSDALE, Ariz., July 29, 2009 -- Acme "
                 "today reported results for the second quarter. Income from operations excludes a litigation "
                 "judgment expense. The increase was driven by the Utility's reorganization cases under Chapter 11 "
                 "of the U.S. Bankruptcy Code.\n")
    assert f["event_type"] == ["earnings"]
    # not an earnings release: the lawsuit is the news
    f = _release("Acme Files Lawsuit Against the FTC\n\nSCOTTSDALE, Ariz., January 3, 2020 -- Acme today filed a "
                 "lawsuit in federal court against the Federal Trade Commission.\n")
    assert f["event_type"] == ["legal_proceeding"]
    # an item of its own beside the results still reports it
    f = _fields("Item 2.02 Results of Operations and Financial Condition.\n\nSee the release.\n\n"
                "Item 8.01 Other Events.\n\nOn May 31, 2023, the Company announced the settlement of the class "
                "action brought by its shareholders.\n")
    assert sorted(f["event_type"]) == ["earnings", "legal_proceeding"]


def test_items_that_report_nothing_the_taxonomy_names_are_other() -> None:
    f = _fields("Item 5.02 Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
                "Officers; Compensatory Arrangements of Certain Officers.\n\n(e) On February 13, 2023, the "
                "Compensation Committee approved the payout structure for the 2023 Target Incentive Plan awards. The "
                "target awards for the Company's named executive officers, including the President and Chief "
                "Executive Officer, are shown below.\n")
    assert f["event_type"] == ["other"]
    f = _fields("Item 5.07 Submission of Matters to a Vote of Security Holders.\n\nThe Annual Meeting of "
                "Shareholders was held on May 18, 2022.\n\nItem 8.01 Other Events.\n\nOn May 18, 2022, the Board "
                "designated Ms. Nicosia as the audit committee financial expert.\n")
    assert sorted(f["event_type"]) == ["other", "shareholder_meeting"]
    # an 8.01 that points at its release, and a 5.02 that names a new officer, are no `other`
    f = _fields("Item 5.07 Submission of Matters to a Vote of Security Holders.\n\nThe Annual Meeting of "
                "Shareholders was held on May 18, 2022.\n\nItem 8.01 Other Events.\n\nOn May 18, 2022, the Company "
                "issued a press release, attached as Exhibit 99.1.\n")
    assert f["event_type"] == ["shareholder_meeting"]
    f = _fields("Item 5.02 Compensatory Arrangements of Certain Officers. Departure of Directors or Certain "
                "Officers; Election of Directors; Appointment of Certain Officers.\n\nOn September 13, 2023, Kecia "
                "Steelman was named President and Chief Operating Officer; her salary is set out below.\n")
    assert f["event_type"] == ["management_change"]


def test_subsequent_events_of_the_companys_own_capital_and_stakes() -> None:
    f = _periodic("Note 10 -  Subsequent Events\nOn April 14, 1999, the Company announced the call for redemption on "
                  "June 1, 1999, of all of its 6 percent convertible subordinated debentures due June 1, 2001.\n\n"
                  "On April 29, 1999, the Company sold approximately 9 million shares of ARM stock for net proceeds "
                  "of approximately $95 million.\n\nItem 2. Management's Discussion\n")
    assert sorted(f["event_type"]) == ["divestiture", "financing"]
    f = _periodic("NOTE 11 - SUBSEQUENT EVENTS\n\n     EARTHLINK\n     On January 4, 2000, the Company agreed to invest "
                  "$200 million in EarthLink Network, Inc. Concurrent with this investment, EarthLink and the Company "
                  "entered into a multi-year agreement to deliver ISP service to Macintosh users.\n\nITEM 2. MD&A\n")
    assert sorted(f["event_type"]) == ["material_agreement", "merger_acquisition"]
    # its own shares sold, a merger's own agreement, a credit line: no such events
    f = _periodic("Note 9 - Subsequent Events\nIn April 2016 the Company sold 1,000,000 shares of its common stock. "
                  "The Company entered into a definitive agreement to acquire Beta, Inc. The Company entered into an "
                  "amendment to its credit agreement.\n\nItem 2. Results\n")
    assert "material_agreement" not in f.get("event_type", []) and "divestiture" not in f.get("event_type", [])


def test_a_dividend_the_board_declared_further_down_an_earnings_release() -> None:
    release = ("Exhibit 99.1\n\nAcme Reports Second Quarter 2023 Results\n\nSAN JOSE, Calif., July 26, 2023 "
               "/PRNewswire/ -- Acme Inc. (Nasdaq: ACME) today reported results for its second quarter.\n\n"
               + "Revenue grew in every segment.\n\n" * 80
               + "Acme's Board of Directors has declared a cash dividend of $0.25 per share of the company's "
               "common stock.\n\nThe dividend is payable on September 15, 2023 to stockholders of record as of "
               "September 1, 2023.\n")
    found: dict[str, list[str]] = {}
    for c in run_all(events.RULES, Document(text=release, format="text")):
        found.setdefault(c.name, []).append(c.value)
    assert set(found["event_type"]) == {"earnings", "dividend"}
    assert found["dividend_per_share"] == ["0.25"] and found["dividend_payment_date"] == ["2023-09-15"]
    quiet = release.replace("has declared a cash dividend of $0.25 per share", "may consider dividends")
    assert "dividend" not in {c.value for c in run_all(events.RULES, Document(text=quiet, format="text"))}


def test_a_release_that_sets_the_date_of_its_results_is_no_earnings() -> None:
    f = _release("Acme to Release Second Quarter 2013 Earnings on July 31\n\nSCOTTSDALE, Ariz., July 11, 2013 -- "
                 "Acme International, Inc. today announced that the second quarter 2013 earnings call is scheduled "
                 "for Wednesday, July 31, 2013. A conference call is scheduled at 11:00 a.m. EST to review the "
                 "second quarter financial results.\n\nAcme also announced plans to take questions relating to the "
                 "second quarter results via social media.\n")
    assert "earnings" not in f.get("event_type", [])
    # a release of results that also names its call
    f = _release("Acme Reports Second Quarter 2013 Results\n\nSCOTTSDALE, Ariz., July 31, 2013 -- Acme today "
                 "reported results for the second quarter. Acme will host a conference call at 11:00 a.m. EST to "
                 "discuss the second quarter results.\n")
    assert f["event_type"] == ["earnings"]


def test_an_801_carrying_out_a_repurchase_plan_and_a_102_termination() -> None:
    f = _fields("Item 8.01 Other Events.\n\nOn August 16, 2011, the Company adopted a stock trading plan under Rule "
                "10b5-1. The Company amended the Plan on November 16, 2011. The amount of stock the Company may "
                "repurchase under the plan remains at $20,000,000, of which $668,000 remains available.\n")
    assert f["event_type"] == ["share_repurchase"]
    f = _fields("Item 1.02 Termination of a Material Definitive Agreement\n\nOn October 10, 2019, we terminated the "
                "Purchase and Sale Agreement under which we agreed to purchase a leasehold interest.\n")
    assert f["event_type"] == ["material_agreement"]


def test_a_settlement_dismissing_criminal_charges_is_a_legal_proceeding() -> None:
    f = _fields("Item 8.01 Other Events.\n\nOn May 31, 2023, the Utility and the County District Attorney's Office "
                "reached an agreement under which the District Attorney will dismiss with prejudice all criminal "
                "charges against the Utility.\n")
    assert f["event_type"] == ["legal_proceeding"]
    f = _release("Acme and County District Attorney Reach Settlement\n\nOAKLAND, Calif., May 31, 2023 -- Acme "
                 "announced today that it reached an agreement with the District Attorney.\n")
    assert f["event_type"] == ["legal_proceeding"]


def test_a_note_titled_with_its_subsequent_events_tells_them_after_year_end() -> None:
    f = _periodic("Note 5. Lease Commitments and Subsequent Event\n\nIn June 2007, the Company entered into an "
                  "operating lease agreement for 320 tank cars.\n\nSubsequent to year-end, the Company entered into "
                  "an agreement with a member for the lease of a grain elevator for $67,000 per month.\n")
    assert f["event_type"] == ["material_agreement"]
    # the note's own history, before year-end, is no event
    f = _periodic("Note 5. Lease Commitments and Subsequent Event\n\nIn June 2007, the Company entered into an "
                  "operating lease agreement for 320 tank cars.\n")
    assert "event_type" not in f


def _submission(form: str, document: str) -> dict[str, list[str]]:
    from reviewer.core.ingest import ingest_bytes

    header = (f"<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0000950103-25-001140\n"
              f"CONFORMED SUBMISSION TYPE:\t{form}\n</SEC-HEADER>\n")
    if document:
        header += (f"<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<FILENAME>dp1.htm\n<TEXT>\n{document}\n</TEXT>\n"
                   "</DOCUMENT>\n")
    out: dict[str, list[str]] = {}
    for c in run_all(events.RULES, ingest_bytes((header + "</SEC-DOCUMENT>\n").encode())):
        out.setdefault(c.name, []).append(c.value)
    return out


def test_a_prospectus_reports_its_offering() -> None:
    supplement = "Pricing Supplement dated January 3, 2025\n\nAcme Bank PLC\n\n$11,000,000 Autocallable Notes due 2027\n"
    assert _submission("424B2", supplement)["event_type"] == ["securities_offering"]
    doc = Document(text="SECURITIES AND EXCHANGE COMMISSION\n\nAMENDMENT NO. 2\nTO\nFORM S-3\n\nREGISTRATION "
                        "STATEMENT UNDER THE SECURITIES ACT OF 1933\n\nAcme Corp.\n", format="text")
    assert [c.value for c in run_all(events.RULES, doc) if c.name == "event_type"] == ["securities_offering"]
    assert "event_type" not in _submission("424B5", "")  # a header alone
    assert "event_type" not in _submission("485APOS", "Acme Funds\n\nProspectus\n")  # a fund's continuous offering


def test_a_proxy_solicitations_legend_reports_no_meeting() -> None:
    f = _fields("Item 8.01 Other Events.\n\nOn December 19, 2018, the Board approved the 2019 Stock Incentive Plan, "
                "subject to shareholder approval.\n\nAdditional Information and Where to Find It\n\nACME plans to file "
                "with the SEC a definitive proxy statement in connection with the Plan, which is to be voted upon at a "
                "special meeting of shareholders. ACME'S SHAREHOLDERS ARE URGED TO READ THE PROXY STATEMENT.\n")
    assert f["event_type"] == ["other"]


def test_an_item_503_amendment_by_the_board_is_other() -> None:
    f = _fields("Item 5.03. Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year.\n\nThe Board of "
                "Directors of Acme Corporation amended and restated the Company's Bylaws, effective August 9, 2023.\n\n"
                "Item 8.01. Other Events.\n\nOn August 9, 2023, the Board declared a quarterly cash dividend of $1.02 "
                "per share.\n")
    assert set(f["event_type"]) == {"dividend", "other"}
    # an amendment the stockholders voted is the meeting's
    f = _fields("Item 5.03. Amendments to Articles of Incorporation or Bylaws.\n\nAt the Annual Meeting, the "
                "stockholders approved an amendment to the Certificate of Incorporation.\n\n"
                "Item 5.07. Submission of Matters to a Vote of Security Holders.\n\nThe Annual Meeting of "
                "Stockholders was held on June 1, 2023.\n")
    assert f["event_type"] == ["shareholder_meeting"]


def test_acquisitions_announced_by_their_number() -> None:
    f = _fields("Item 8.01 Other Events\n\nOn February 9, 2017, Acme Inc. issued a press release announcing two "
                "acquisitions that will form a new group. The first acquisition was Beta, Inc.\n")
    assert f["event_type"] == ["merger_acquisition"]


def test_subsequent_events_a_meeting_held_a_split_authorized_a_restructuring() -> None:
    f = _periodic("NOTE 16 - SUBSEQUENT EVENTS\nOn July 27, 2023, the Company held an annual meeting of "
                  "stockholders. At the Meeting, the Company's stockholders approved the below proposals.\n")
    assert f["event_type"] == ["shareholder_meeting"]
    f = _periodic("SUBSEQUENT EVENTS\nOn April 19, 2000, the Company's Board of Directors authorized a two-for-one "
                  "stock split, to be effected in the form of a stock dividend.\n")
    assert f["event_type"] == ["stock_split"]
    f = _periodic("Subsequent Events\nOn February 1, 1999, the Company took further actions to improve the efficiency "
                  "of its manufacturing operations. These restructuring actions will result in the Company "
                  "recognizing a charge to operations of approximately $9 million.\n")
    assert f["event_type"] == ["operating_update"]
    # a meeting to come is none
    f = _periodic("Subsequent Events\nThe Company will hold its annual meeting of shareholders on May 1, 2024.\n")
    assert "event_type" not in f


def test_a_subsequent_events_heading_run_into_its_text() -> None:
    f = _periodic("Acme does not believe that such restrictions constitute a limitation. Subsequent events On March 8, "
                  "2001 Acme announced that it had entered into a binding agreement providing for Acme's acquisition "
                  "of Beta's Direct Marketing Services operations for USD 1.3 billion in cash.\n")
    assert f["event_type"] == ["merger_acquisition"]


def test_a_third_party_tender_offer_is_an_acquisition() -> None:
    assert _submission("SC TO-T/A", "Amendment No. 3\n\nTender Offer Statement\n\nAcme Corp.\n")["event_type"] == [
        "merger_acquisition"]


def test_an_event_told_by_no_words_of_its_own_points_at_whole_words() -> None:
    text = COVER + "Item 8.01 Other Events.\n\nACME Widgets opened a plant in Springfield.\n"
    [other] = [c for c in run_all(events.RULES, Document(text=text, format="text"))
               if c.name == "event_type"]
    evidence = text[other.start:other.end]
    assert other.value == "other" and evidence.startswith("Item 8.01")
    assert evidence.endswith("opened")  # 40 characters end inside "opened": the word is whole
