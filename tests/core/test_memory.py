"""Company memory, pure: filer keys, proposals found in a new filing's text, what changed."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract.candidate import Candidate
from reviewer.core.memory import (
    FilerMemory,
    changes,
    filer_key,
    filer_keys,
    propose,
    registrant_key,
    turned_down,
    withhold,
)
from reviewer.core.schema import load_schema
from reviewer.core.textfind import RECOGNISE_WITHIN, TextFinder, recognised_filer
from reviewer.core.values import FieldValue, State

SCHEMA = load_schema()


RELEASE = ("Example Corp. Reports First Quarter Results\n\n"
           "SPRINGFIELD, Ill., May 1, 2001 -- Example Corp. (NYSE: EXM) today reported results.\n\n")


def doc(text: str) -> Document:
    return Document.from_stored(text, "text", {})


def memory(*rows: tuple) -> FilerMemory:
    """Rows (field, value, document id, date[, turned down]); approved unless said."""
    return FilerMemory.from_rows("cik:1", [(*r, 0) if len(r) == 4 else r for r in rows], SCHEMA)


def test_repeating_fields_are_schema_data() -> None:
    repeating = {fd.name for fd in SCHEMA.fields if fd.repeats}
    assert {"company_name", "cik", "principal_office_address", "contact_email", "ticker",
            "exchange", "signer_title", "annual_report_form"} <= repeating
    assert "filed_date" not in repeating and "headline" not in repeating


def test_filer_key_cik_first_else_the_name_without_suffix_noise() -> None:
    assert filer_key({"cik": ["0000320193"], "company_name": ["Apple Inc."]}) == "cik:320193"
    assert filer_key({"company_name": ["TASER INTERNATIONAL, INC."]}) == "name:taser international"
    assert registrant_key("TASER International, Inc.") == "taser international"
    assert registrant_key("Korea Thrunet Co., Ltd.") == "korea thrunet"
    assert registrant_key("The Southern Company") == "southern"
    assert registrant_key("AEGON N.V.") == "aegon"
    assert filer_key({"form_type": ["8-K"]}) is None


def test_filer_keys_every_key_a_filing_is_known_by_the_cik_first() -> None:
    assert filer_keys({"cik": ["0000320193"], "company_name": ["Apple Inc."]}) == [
        "cik:320193", "name:apple"]
    assert filer_keys({"company_name": ["Apple Inc.", "Apple Computer"]}) == ["name:apple"]
    assert filer_keys({"cik": ["n/a"], "company_name": ["Inc."]}) == []


def test_aggregates_confirmations_and_the_latest_filing() -> None:
    m = memory(("principal_office_address", "1 Main St, Springfield", 1, "2001-01-01"),
               ("principal_office_address", "1 MAIN ST, SPRINGFIELD", 2, "2002-01-01"),
               ("principal_office_address", "9 Elm Rd, Shelbyville", 3, "2000-01-01"))
    latest = m.latest("principal_office_address")
    assert latest is not None
    assert (latest.value, latest.document_id, latest.confirmations) == (
        "1 MAIN ST, SPRINGFIELD", 2, 2)
    assert latest.confidence == 0.8
    assert m.latest_document == 2
    assert [r.confirmations for r in m.fields["principal_office_address"]] == [2, 1]


def test_proposes_a_remembered_value_found_across_lines_with_its_span() -> None:
    address = "1337-20, Seocho-2 dong, Seocho-gu, Seoul"
    text = "Address of principal executive offices:\n  1337-20, Seocho-2 dong\n  Seocho-gu,   Seoul\n"
    m = memory(("principal_office_address", address, 7, "2002-05-01"),
               ("contact_email", "ir@thrunet.com", 7, "2002-05-01"))
    found = propose(doc(text), [], m, SCHEMA)
    assert len(found) == 1
    c = found[0]
    assert (c.name, c.value, c.rule, c.confidence) == (
        "principal_office_address", address, "memory.principal_office_address", 0.75)
    assert text[c.start:c.end] == "1337-20, Seocho-2 dong\n  Seocho-gu,   Seoul"


def test_never_proposes_what_the_text_lacks_or_extraction_found() -> None:
    text = RELEASE + "Investor contact: IR@Example.com or www.example.com/investors (NYSE: EXM)"
    m = memory(("contact_email", "ir@example.com", 1, "2001-01-01"),
               ("contact_email", "press@example.com", 1, "2001-01-01"),
               ("website", "www.example.com", 1, "2001-01-01"),
               ("ticker", "EXM", 1, "2001-01-01"))
    at = text.index("EXM")
    extracted = [Candidate("ticker", "EXM", at, at + 3, 0.9, "press_release.ticker")]
    found = propose(doc(text), extracted, m, SCHEMA)
    assert [(c.name, c.value) for c in found] == [("contact_email", "ir@example.com")]
    assert text[found[0].start:found[0].end] == "IR@Example.com"


def test_a_contact_is_proposed_only_where_the_release_lists_contacts() -> None:
    m = memory(("contact_name", "Thomas B. Heacock", 1, "2024-08-22"),
               ("contact_phone", "(480) 444-4000", 1, "2024-08-22"))
    signed = RELEASE + "More news.\n\nSIGNATURES\nBy: /s/ THOMAS B. HEACOCK\nName: Thomas B. Heacock\n"
    assert propose(doc(signed), [], m, SCHEMA) == []
    switchboard = RELEASE + "For more information on our products, please call Example at (480) 444-4000.\n"
    assert propose(doc(switchboard), [], m, SCHEMA) == []
    listed = RELEASE + "Contact:\nThomas B. Heacock\n(480) 444-4000\n"
    assert {c.name for c in propose(doc(listed), [], m, SCHEMA)} == {"contact_name", "contact_phone"}
    form = "FORM 8-K\n\nItem 5.02 Departure of Officers.\n\nOn May 1, Thomas B. Heacock resigned.\n"
    assert propose(doc(form), [], m, SCHEMA) == []  # a filing without a release: its form
    assert [c.value for c in propose(doc(form + "\nInvestor contact:\nThomas B. Heacock\n"), [], m, SCHEMA)] \
        == ["Thomas B. Heacock"]


def test_a_single_value_field_extraction_filled_is_left_to_it() -> None:
    text = "By: Jane Roe, Chief Financial Officer. John Doe"
    m = memory(("signer_name", "John Doe", 1, "2001-01-01"))
    extracted = [Candidate("signer_name", "Jane Roe", 4, 12, 0.9, "cover.signer")]
    assert propose(doc(text), extracted, m, SCHEMA) == []
    assert [c.value for c in propose(doc(text), [], m, SCHEMA)] == ["John Doe"]


def test_a_name_inside_a_longer_word_is_not_found() -> None:
    finder = TextFinder("contact Bobby Smithson today")
    fd = SCHEMA["contact_name"]
    assert finder.find("Bobby Smith", fd) is None
    assert finder.find("Bobby  Smithson", fd) == (8, 22)


def test_changes_a_differing_value_and_an_expected_missing_one() -> None:
    m = memory(("principal_office_address", "1 Main St, Springfield", 1, "2001-01-01"),
               ("principal_office_address", "1 Main St, Springfield", 2, "2002-01-01"),
               ("website", "www.example.com", 1, "2001-01-01"),
               ("website", "www.example.com", 2, "2002-01-01"),
               ("contact_name", "Ann Lee", 1, "2001-01-01"),  # once, not the latest: not expected
               ("company_name", "Example Corp", 2, "2002-01-01"))
    new = {"principal_office_address": ["9 Elm Rd, Shelbyville"], "company_name": ["EXAMPLE CORP"]}
    found = {c.field: c for c in changes(new, m, SCHEMA)}
    assert set(found) == {"principal_office_address", "website"}
    moved = found["principal_office_address"]
    assert (moved.value, moved.was, moved.filing_date) == (
        "9 Elm Rd, Shelbyville", "1 Main St, Springfield", "2002-01-01")
    assert moved.describe() == "was 1 Main St, Springfield in the filing of 2002-01-01"
    assert found["website"].value is None
    assert "not found in this one" in found["website"].describe()


def test_no_memory_no_proposals_no_changes() -> None:
    empty = FilerMemory("cik:1")
    assert propose(doc("anything"), [], empty, SCHEMA) == []
    assert changes({"company_name": ["X"]}, empty, SCHEMA) == []


def test_a_title_inside_a_longer_title_is_not_the_signers() -> None:
    m = memory(("signer_name", "Melissa K. Caen", 1, "2013-12-17"),
               ("signer_title", "Secretary", 1, "2013-12-17"))
    later = "By /s/Melissa K. Caen\nMelissa K. Caen\nAssistant Secretary\n"
    assert [c.name for c in propose(doc(later), [], m, SCHEMA)] == ["signer_name"]
    same = "By /s/Melissa K. Caen\nMelissa K. Caen\nSecretary\n"
    assert {c.name for c in propose(doc(same), [], m, SCHEMA)} == {"signer_name", "signer_title"}


def test_a_market_alone_is_a_mention_not_a_listing() -> None:
    m = memory(("exchange", "Nasdaq", 1, "2004-04-16"), ("ticker", "TASR", 1, "2004-04-16"))
    assert propose(doc("Our stock moved from Nasdaq last year."), [], m, SCHEMA) == []
    listed = propose(doc("TASER International (Nasdaq: TASR) said"), [], m, SCHEMA)
    assert {(c.name, c.value) for c in listed} == {("exchange", "Nasdaq"), ("ticker", "TASR")}


def test_a_name_that_is_part_of_a_longer_name_is_not_proposed() -> None:
    m = memory(("exchange", "Nasdaq", 1, "2018-04-06"), ("ticker", "AXON", 1, "2018-04-06"))
    cover = "Common Stock\tAXON\tThe Nasdaq Global Select Market\n"
    assert propose(doc(cover), [], m, SCHEMA) == []
    read = [Candidate("exchange", "The Nasdaq Global Select Market", 19, 50, 0.85, "cover.securities_table")]
    assert [(c.name, c.value) for c in propose(doc(cover), read, m, SCHEMA)] == [("ticker", "AXON")]
    fd = SCHEMA["contact_name"]
    assert TextFinder("Media: Steve Dowling Jr\n").find("Steve Dowling", fd) is None
    assert TextFinder("Media: Steve Dowling, (408) 974-1896\n").find("Steve Dowling", fd) == (7, 20)


def test_a_single_field_proposes_only_its_latest_value() -> None:
    m = memory(("website", "http://investor.example.com", 1, "2013-01-01"),
               ("website", "www.example.com", 2, "2015-01-01"))
    text = "See http://investor.example.com for more."
    assert propose(doc(text), [], m, SCHEMA) == []


def test_a_listing_quoted_after_the_forms_items_is_no_release_field() -> None:
    """A symbol quoted in a news article the 8-K files (no press release) is not proposed; the
    same one on the cover, before the items, is."""
    m = memory(("exchange", "Nasdaq", 1, "2018-04-06"), ("ticker", "AXON", 1, "2018-04-06"))
    form = ("FORM 8-K\nCURRENT REPORT\n\nItem 8.01 Other Events.\n\nThe company files an article.\n\n"
            "Axon's stock (Nasdaq: AXON) was trading today around $45.\n")
    assert propose(doc(form), [], m, SCHEMA) == []
    cover = form.replace("CURRENT REPORT\n", "CURRENT REPORT\nCommon Stock (Nasdaq: AXON)\n")
    assert {c.name for c in propose(doc(cover), [], m, SCHEMA)} == {"exchange", "ticker"}


def test_a_signer_quoted_in_a_release_is_no_signer() -> None:
    """A remembered signer is proposed only after a signature's cue, not where a release
    quotes the same officer."""
    m = memory(("signer_name", "Amy Weaver", 1, "2023-01-04"))
    quoted = RELEASE + '"We grew," said Amy Weaver, President and CFO of Example Corp.\n'
    assert propose(doc(quoted), [], m, SCHEMA) == []
    signed = quoted + "\nSIGNATURES\n\nEXAMPLE CORP.\nBy: /s/ Amy Weaver\nAmy Weaver\n"
    [c] = propose(doc(signed), [], m, SCHEMA)
    assert signed[c.start:c.end] == "Amy Weaver" and c.start > signed.index("By:")


def test_a_value_turned_down_since_its_last_approval_is_withheld() -> None:
    mem = memory(("ticker", "EXM", 1, "2001-01-01"), ("ticker", "EXMPR", 1, "2001-01-01", 1),
                 ("signer_title", "CFO", 1, "2001-01-01"),
                 ("signer_title", "Secretary", 2, "2002-01-01", 1),
                 ("contact_name", "Jane Roe", 1, "2001-01-01", 1),
                 ("contact_name", "Jane Roe", 2, "2002-01-01"))
    assert [r.value for r in mem.rejected["ticker"]] == ["EXMPR"]
    assert "contact_name" not in mem.rejected  # approved again since: remembered, not down
    assert [r.value for r in mem.fields["contact_name"]] == ["Jane Roe"]
    found = [Candidate("ticker", "EXM", 0, 3, 0.9, "r"), Candidate("ticker", "exmpr", 5, 10, 0.9, "r"),
             Candidate("signer_title", "Secretary", 20, 29, 0.8, "r"),
             Candidate("headline", "EXMPR", 30, 35, 0.8, "r")]  # not a repeating field
    kept, held = withhold(found, mem, SCHEMA)
    assert [(c.name, c.value) for c in held] == [("ticker", "exmpr"), ("signer_title", "Secretary")]
    assert [(c.name, c.value) for c in kept] == [("ticker", "EXM"), ("headline", "EXMPR")]
    assert withhold(found, memory(("ticker", "EXM", 1, "2001-01-01")), SCHEMA) == (found, [])


def test_approval_wins_over_a_rejection_in_the_same_filing_and_a_later_one_wins() -> None:
    same = memory(("ticker", "EXM", 3, "2003-01-01"), ("ticker", "EXM", 3, "2003-01-01", 1))
    assert not same.rejected and [r.value for r in same.fields["ticker"]] == ["EXM"]
    later = memory(("ticker", "EXM", 3, "2003-01-01"), ("ticker", "EXM", 4, "2004-01-01", 1))
    assert not later.fields and later.turned_down("ticker", "EXM", SCHEMA["ticker"]) is not None
    assert later.latest_document == 4 and bool(later)


def test_a_withheld_single_field_leaves_room_for_the_remembered_value() -> None:
    text = "SIGNATURES\n/s/ Jane Roe\nJane Roe\nChief Financial Officer\n"
    mem = memory(("signer_title", "Chief Financial Officer", 1, "2001-01-01"),
                 ("signer_title", "Jane Roe", 1, "2001-01-01", 1))
    name = Candidate("signer_name", "Jane Roe", 15, 23, 0.9, "r")  # the title's companion
    kept, held = withhold([name, Candidate("signer_title", "Jane Roe", 24, 32, 0.7, "r")], mem,
                          SCHEMA)
    assert [c.name for c in held] == ["signer_title"] and kept == [name]
    proposed = propose(doc(text), kept, mem, SCHEMA)
    assert [(c.value, text[c.start:c.end]) for c in proposed] == [
        ("Chief Financial Officer", "Chief Financial Officer")]


def test_turned_down_values_are_the_rejected_and_the_corrected_away_not_the_standing() -> None:
    def fv(i: int, field: str, value: str, state: State, extracted: str | None = None) -> FieldValue:
        return FieldValue(i, 1, field, value, None, None, state, 0.9, "r",
                          extracted if extracted is not None else value, "", "ann")

    values = [fv(1, "ticker", "EXMPR", State.REJECTED), fv(2, "ticker", "EXM", State.CONFIRMED),
              fv(3, "ticker", "EXM", State.REJECTED),  # a second copy of a standing value
              fv(4, "signer_title", "CFO", State.CORRECTED, extracted="Secretary"),
              fv(5, "headline", "Old", State.REJECTED),  # does not repeat
              fv(6, "contact_name", "Jane Roe", State.ADDED, extracted="")]
    assert turned_down(values, SCHEMA) == {"ticker": ["EXMPR"], "signer_title": ["Secretary"]}


def test_a_filing_without_a_registrant_is_recognised_by_the_known_name_it_gives_first() -> None:
    text = ("CERTIFICATION\nI have reviewed this quarterly report on Form 10-Q of Example Corp.;\n"
            "Example Corporation Holdings and Other Co. are named later.\n")
    names = [("cik:2", "Other Co."), ("cik:1", "Example Corp."), ("cik:3", "Example Corporation")]
    assert recognised_filer(text, names, SCHEMA) == ("cik:1", "Example Corp.")
    assert recognised_filer(text, [("cik:4", "Example")], SCHEMA) is None  # part of a longer name
    assert recognised_filer(text, [], SCHEMA) is None
    far = "x\n" * RECOGNISE_WITHIN + "Example Corp.\n"
    assert recognised_filer(far, names, SCHEMA) is None  # named only past the opening
