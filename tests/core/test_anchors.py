"""Anchors learned from corrections: the label before a value, and proposals at it."""

from __future__ import annotations

from reviewer.core.anchor_layout import region_of
from reviewer.core.anchors import (
    Anchor,
    LearnedAnchor,
    anchor_of,
    normal_label,
    propose_from_anchors,
)
from reviewer.core.document import Document, Part
from reviewer.core.extract.candidate import Candidate
from reviewer.core.schema import load_schema

SCHEMA = load_schema()


def span_of(text: str, value: str) -> tuple[int, int]:
    start = text.index(value)
    return start, start + len(value)


def doc(text: str) -> Document:
    return Document(text, "text", [Part("body", 0, len(text))])


def learned(field: str, label: str, region: str = "body", accepted: int = 0,
            enabled: bool = True, anchor_id: int = 7) -> LearnedAnchor:
    return LearnedAnchor(anchor_id, field, label, region, "cik:42", accepted=accepted,
                         enabled=enabled)


def test_the_label_before_a_value_on_its_line_normalised() -> None:
    text = "About Acme\n  INVESTOR Contact :  Jane Roe\n"
    assert anchor_of(text, span_of(text, "Jane Roe")) == Anchor("investor contact")
    text = "Website: www.acme.com\n"
    assert anchor_of(text, span_of(text, "www.acme.com")) == Anchor("website")


def test_the_caption_on_the_line_above_when_the_value_opens_its_line() -> None:
    text = "Media Relations\nJohn Doe\n+1 212 555 0100\n"
    assert anchor_of(text, span_of(text, "John Doe")) == Anchor("media relations")
    text = "Media Relations          Investor Relations:\nJohn Doe                 Jane Roe\n"
    assert anchor_of(text, span_of(text, "Jane Roe")) == Anchor("investor relations")


def test_nothing_label_like_learns_nothing() -> None:
    text = "Media Relations\nJohn Doe\n+1 212 555 0100\n"
    assert anchor_of(text, span_of(text, "+1 212 555 0100")) is None  # a name above is no label
    text = "The company's results were strong and Jane Roe said so.\n"
    assert anchor_of(text, span_of(text, "Jane Roe")) is None  # prose
    text = "\nJane Roe\n"
    assert anchor_of(text, span_of(text, "Jane Roe")) is None  # a bare position
    text = "John Doe        (212) 555-0100\n"
    assert anchor_of(text, span_of(text, "(212) 555-0100")) is None  # a neighbour in a column


def test_normal_label_folds_case_spacing_and_trailing_punctuation() -> None:
    assert normal_label("  Investor  CONTACT: ") == "investor contact"
    assert normal_label("Media Relations -") == "media relations"


def test_region_of_an_exhibit_and_the_form() -> None:
    form = "FORM 8-K\nSIGNATURES\nBy: /s/ Jane Roe\n\n"
    exhibit = "Annex of agreement\nWebsite: www.acme.com\n"
    text = form + exhibit
    document = Document(text, "edgar", [
        Part("document", 0, len(form), type="8-K"),
        Part("document", len(form), len(text), type="EX-10.2")])
    assert region_of(document, 3) == "form"
    assert region_of(document, text.index("www.acme")) == "exhibit:EX-10"


def test_a_learned_label_proposes_the_value_after_it_with_its_span() -> None:
    text = "News\nInvestor Contact:\nMary Major\n(617) 555-0199\nWebsite: www.acme.com.\n"
    anchors = [learned("contact_name", "investor contact", accepted=2),
               learned("website", "website", anchor_id=8)]
    out = propose_from_anchors(doc(text), [], anchors, SCHEMA)
    assert [(c.name, c.value, text[c.start:c.end], c.rule) for c in out] == [
        ("contact_name", "Mary Major", "Mary Major", "learned.7"),
        ("website", "www.acme.com", "www.acme.com.", "learned.8")]
    assert out[0].confidence == 0.7 and out[1].confidence == 0.6


def test_confidence_grows_with_acceptances_up_to_a_cap() -> None:
    assert learned("website", "w").confidence == 0.6
    assert learned("website", "w", accepted=100).confidence == 0.85


def test_the_value_must_be_of_the_fields_type() -> None:
    text = "Investor Contact:\nMary Major\nTelephone: call our office\n"
    anchors = [learned("contact_phone", "investor contact"),
               learned("contact_phone", "telephone", anchor_id=8)]
    assert propose_from_anchors(doc(text), [], anchors, SCHEMA) == []
    text = "Contact: Investor Relations\n"  # a caption is no contact's name
    assert propose_from_anchors(doc(text), [], [learned("contact_name", "contact")], SCHEMA) == []
    text = "Investor Contact:\nir@acme.com\n"  # an e-mail is no contact's name
    assert propose_from_anchors(doc(text), [], [learned("contact_name", "investor contact")],
                                SCHEMA) == []


def test_a_code_is_a_token_not_a_name() -> None:
    anchors = [learned("ticker", "symbol")]
    assert propose_from_anchors(doc("Symbol:\nAPPLE COMPUTER INC\n"), [], anchors, SCHEMA) == []
    assert [c.value for c in propose_from_anchors(doc("Symbol:\nJPM PR D\n"), [], anchors, SCHEMA)] \
        == ["JPM PR D"]


def test_never_over_a_single_field_already_found_nor_a_value_already_there() -> None:
    text = "Website: www.acme.com\nContact: Mary Major\n"
    found = [Candidate("website", "acme.com", 0, 5, 0.5, "press_release.website"),
             Candidate("contact_name", "Mary Major", 31, 41, 0.8, "press_release.contact_name")]
    anchors = [learned("website", "website"), learned("contact_name", "contact", anchor_id=8)]
    assert propose_from_anchors(doc(text), found, anchors, SCHEMA) == []


def test_a_disabled_anchor_or_another_region_proposes_nothing() -> None:
    text = "Website: www.acme.com\n"
    assert propose_from_anchors(doc(text), [], [learned("website", "website", enabled=False)],
                                SCHEMA) == []
    assert propose_from_anchors(doc(text), [], [learned("website", "website", region="release")],
                                SCHEMA) == []


def test_a_label_inside_a_longer_label_or_sentence_is_not_it() -> None:
    text = "Please contact: nobody\nOur website: www.other.com\n"
    anchors = [learned("contact_name", "contact"), learned("website", "website", anchor_id=8)]
    assert propose_from_anchors(doc(text), [], anchors, SCHEMA) == []


def test_a_page_number_is_no_label_and_a_sentence_before_one_is_dropped() -> None:
    text = "Page 5 -\nMary Major\n"
    assert anchor_of(text, span_of(text, "Mary Major")) is None
    text = "Our stores are open. For more information, visit www.acme.com\n"
    anchor = anchor_of(text, span_of(text, "www.acme.com"))
    assert anchor == Anchor("for more information, visit")
    later = "Acme had a year. For more information, visit www.acme.net\n"
    assert anchor is not None
    [c] = propose_from_anchors(doc(later), [], [learned("website", anchor.label)], SCHEMA)
    assert (c.value, c.start) == ("www.acme.net", later.index("www.acme.net"))


def test_a_two_column_caption_proposes_the_cell_under_it() -> None:
    text = ("Media Relations          Investor Relations:\n"
            "John Doe                 Mary Major\n")
    [c] = propose_from_anchors(doc(text), [], [learned("contact_name", "investor relations")],
                               SCHEMA)
    assert (c.value, text[c.start:c.end]) == ("Mary Major", "Mary Major")


def test_a_label_learned_with_its_colon_needs_it() -> None:
    text = "Title of each class\nCommon Stock\nBy: /s/ Jane Roe\nTitle: Chief Financial Officer\n"
    [c] = propose_from_anchors(doc(text), [], [learned("signer_title", "title")], SCHEMA)
    assert c.value == "Chief Financial Officer"


def test_a_title_wrapped_after_a_comma_goes_on_and_a_pdfs_double_spaces_are_no_columns() -> None:
    text = ("By: /s/ Jane Roe\nTitle:          Executive Vice President,\n"
            "                     General  Counsel  and Secretary\n")
    [c] = propose_from_anchors(doc(text), [], [learned("signer_title", "title")], SCHEMA)
    assert c.value == "Executive Vice President, General Counsel and Secretary"
    assert text[c.end - 9:c.end] == "Secretary"
    text = "Title:\n\n/s/ Jane Roe\n"  # a signature is no title
    assert propose_from_anchors(doc(text), [], [learned("signer_title", "title")], SCHEMA) == []


def test_a_single_field_whose_label_gives_two_values_gets_none() -> None:
    text = "Name: Jane Roe\nTitle: Director\n\nName: John Doe\nTitle: Treasurer\n"
    assert propose_from_anchors(doc(text), [], [learned("signer_title", "title")], SCHEMA) == []


def test_a_titles_last_word_wrapped_alone_ends_it() -> None:
    text = "Name: Jane Roe\nTitle:\n\nSenior Vice President, Legal Counsel and Assistant\nSecretary\n\n"
    [c] = propose_from_anchors(doc(text), [], [learned("signer_title", "title")], SCHEMA)
    assert c.value == "Senior Vice President, Legal Counsel and Assistant Secretary"
    text = "Investor Contact:\nMary Major\nAcme\n\n"  # a name is no title: it does not go on
    [c] = propose_from_anchors(doc(text), [], [learned("contact_name", "investor contact")],
                               SCHEMA)
    assert c.value == "Mary Major"


def test_where_no_label_stands_the_words_before_the_value_are_its_anchor() -> None:
    text = "Read it with Exhibit 99.2 to the Company's Form 8-K filing for more.\n"
    assert anchor_of(text, span_of(text, "8-K")) == Anchor("…to the company's form", words=1)
    text = "Our shares trade under the symbol “ACME PR” on the exchange.\n"
    assert anchor_of(text, span_of(text, "ACME PR")) == Anchor("…trade under the symbol", words=2)
    for text, value in (("See Form 8-K.\n", "8-K"),  # too few words to point anywhere
                        ("Filed 2024, Form 8-K.\n", "8-K"),  # a number ends the words
                        ("Results were strong and Jane Roe said so.\n", "Jane Roe"),  # a clause
                        ("as told to the company's board of directors and officers of it\n",
                         "board of directors and officers")):  # a value of five words
        assert anchor_of(text, span_of(text, value)) is None, text


def test_a_phrase_proposes_as_many_words_after_it_wherever_it_stands() -> None:
    anchor = LearnedAnchor(9, "form_type", "…to the company's form", "body", "cik:42", words=1)
    text = ("This release should be read with Exhibit 99.2 to the Company’s\n"
            "Form 8-K filing for supplemental information.\n")
    [found] = propose_from_anchors(doc(text), [], [anchor], SCHEMA)
    assert (found.value, text[found.start:found.end], found.rule) == ("8-K", "8-K", "learned.9")
    assert anchor.described == "the words “to the company's form”"
    assert learned("website", "website").described == "the label “website”"
    inside = "Read it with the factsto the Company's Form 8-K.\n"  # not whole words
    assert propose_from_anchors(doc(inside), [], [anchor], SCHEMA) == []
    two = LearnedAnchor(9, "ticker", "…trade under the symbol", "body", "cik:42", words=2)
    text = "Our shares trade under the symbol “ACME PR”, and more.\n"
    assert [c.value for c in propose_from_anchors(doc(text), [], [two], SCHEMA)] == ["ACME PR"]
