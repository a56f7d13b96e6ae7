"""The events a filing reports, each declared once: how news tells it, the 8-K items that report
it, whether a periodic report's subsequent-events note can, and what its report says of it.

Adding an event type is one `EventType` here (and its value in the schema's `event_type`
choices, and its detail fields in the schema): the engine in events.py reads these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from . import event_details as details
from .rules import Hit, Out, outputs

Details = Callable[[str, int, str], Iterator[Hit]]


@dataclass(frozen=True)
class EventType:
    name: str  # the value of `event_type`
    # How a release or an item's text tells it; None: only an item's number does.
    pattern: re.Pattern[str] | None = None
    # Words every match of `pattern` holds one of (in lower case): a paragraph with none of them
    # is not searched, which spares the patterns that are tried at every character.
    needles: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # 8-K items that report it (numbering since August 2004)
    old_items: tuple[str, ...] = ()  # and in the numbering before
    # Items reporting another event whose text may tell this one too ("1.01": an agreement that
    # is a credit facility or a merger).
    also_in_items: tuple[str, ...] = ()
    # Whether a 10-K/10-Q's subsequent-events note reports it as the company's own: False, True
    # (by `pattern`) or a stricter pattern of its own.
    in_notes: bool | re.Pattern[str] = False
    # Whether an earnings release's body tells it as news: False for what a quarter's results
    # mention in passing (a lawsuit, the Chapter 11 case the company emerged from); its headline
    # and the items' own text still do.
    in_earnings: bool = True
    # A sentence holding this tells of the event to come, not the event: a match in it is none
    # ("will host a conference call to discuss its second quarter results").
    unless: re.Pattern[str] | None = None
    # Forms whose filing is itself the event (a prospectus is its offering), as their names begin.
    forms: tuple[str, ...] = ()
    details: Details | None = None  # its detail fields, read in the news that reports it
    outputs: Mapping[str, Out] = field(default_factory=dict)  # what `details` proposes

    def __post_init__(self) -> None:
        if self.pattern is not None and not self.needles:
            raise ValueError(f"event type {self.name}: a pattern needs its needles")


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_SPLIT_DETAILS = outputs(
    "events",
    split_ratio={"split_ratio": 0.8, "split_ratio:for_each": 0.75},
    shares_outstanding_after={"shares_after": 0.75}, shares_outstanding_before={"shares_before": 0.75},
    split_effective_date={"split_effective": 0.75})

_DIVEST = (r"\b(?:complet(?:ed|es)|announc(?:ed|es)|agreed\s+to)\s+(?:the\s+|its\s+|an?\s+)?"
           r"(?:previously\s+announced\s+)?(?:sale\s+of|disposition\s+of|divestiture|split-?off|spin-?off"
           r"|sell\b|divest\b)"
           r"|\bsold\s+\d+(?:\.\d+)?%\s+of\s+its\s+(?:shares|interest|stake|holding)"
           r"|\bto\s+(?:sell|divest|spin\s+off)\s+(?:its|the)\s+(?:[\w-]+\s+){0,3}"
           r"(?:business|division|unit|subsidiary|operations|assets)\b")

# In the order their patterns are tried.
EVENT_TYPES: tuple[EventType, ...] = (
    EventType("reverse_stock_split",
              _p(r"reverse\s+(?:stock\s+)?split|consolidated\s+into\s+one\s+share"),
              ("reverse", "consolidated"), details=details.split, outputs=_SPLIT_DETAILS,
              in_notes=_p(r"\bboard\s+of\s+directors\s+(?:has\s+)?(?:authorized|declared|approved)\s+(?:a|an)\s+"
                          r"(?:[\w-]+\s+){0,2}reverse\s+(?:stock\s+)?split")),
    EventType("stock_split",
              _p(r"\b(?:\d+|two|three|four|five)[- ]for[- ](?:one|\d+)\s+(?:forward\s+|stock\s+)*split"),
              ("split",), details=details.split, outputs=_SPLIT_DETAILS,
              # in a note, a split the board authorized after the period (not one the figures reflect)
              in_notes=_p(r"\bboard\s+of\s+directors\s+(?:has\s+)?(?:authorized|declared|approved)\s+(?:a|an)\s+"
                          r"(?:\d+|two|three|four|five)[- ]for[- ]"
                          r"(?:one|\d+)\s+(?:forward\s+|stock\s+)*split")),
    EventType("dividend",
              _p(r"declared?\s+(?:a|an|its)?\s*(?:regular\s+|special\s+)?(?:quarterly\s+|annual\s+)?"
                 r"(?:cash\s+)?dividend"
                 r"|\bpay\s+(?:a|an|its)\s+(?:next\s+)?(?:regular\s+)?(?:quarterly\s+|annual\s+)?(?:cash\s+)?dividend"
                 r"\s+of\b"),
              ("dividend",), in_notes=True, details=details.dividend, outputs=outputs(
                  "events",
                  # the amount after the declaration; one elsewhere may be last year's
                  dividend_per_share={"dividend_per_share": 0.75, "dividend_per_share:cents": 0.7,
                                      "dividend_per_share:loose": 0.65,
                                      "dividend_per_share:cents:loose": 0.6},
                  dividend_payment_date={"dividend_payment_date": 0.75},
                  dividend_record_date={"dividend_record_date": 0.75})),
    EventType("earnings",
              # "Reports First-Quarter 2023 Results", "Reports Third Quarter and Year-to-Date Operating
              # Results"; "announced its operating results for the third quarter", "a press release
              # regarding the Company's financial results for its second fiscal quarter"; and the 2003-04
              # 8-Ks that furnish under Item 9 what "is intended to be furnished under Item 12, Results of
              # Operations and Financial Condition"
              _p(r"(?<!\bwill\s)(?<!\bto\s)report(?:s|ed)?\s+(?!on\s|to\s)(?:[\w-]+\s+){0,5}(?:results|earnings|net\s+income|net\s+loss)"
                 r"|(?:quarter|year)(?:ly)?\s+(?:\w+\s+){0,2}(?:results|earnings)\b"
                 r"|(?:announced|reported|released|regarding)\s+(?:the\s+company['’]s\s+|its\s+|their\s+)?"
                 r"(?:[\w-]+\s+){0,2}results\s+(?:of\s+operations\s+)?for\s+(?:the\s+|its\s+)?(?:[\w()-]+\s+){0,4}"
                 r"(?:quarter|year|period|months|weeks)\b"
                 r"|\bitem\s+12\W{1,4}results\s+of\s+operations"),
              ("results", "earnings", "net"), items=("2.02",), old_items=("12",),
              # results to come: a release that sets the date of the results or of their call ("TASER to
              # Release Second Quarter 2013 Earnings on July 31", "the second quarter earnings call is
              # scheduled for", "announced plans to take questions relating to the second quarter results")
              unless=_p(r"conference\s+call|earnings\s+call|webcast|\bscheduled\s+(?:for|to)\b"
                        r"|\b(?:will|plans?\s+to|expects?\s+to|intends?\s+to)\s"
                        r"|\bto\s+(?:release|report|announce|issue|review|discuss)\b")),
    EventType("share_repurchase",
              # and the plan being carried out: "the amount of stock the Company may repurchase under the plan"
              _p(r"(?:share|stock)\s+repurchase\s+program|buy-?back\s+program|\brepurchase\s+(?:plan|program)\b"
                 r"|\b(?:may|will|to)\s+(?:continue\s+to\s+)?repurchase\s+(?:shares\s+)?(?:under|pursuant\s+to)\s+"
                 r"(?:the|its|a|this)\s+(?:[\w-]+\s+){0,3}?(?:plan|program)\b"),
              ("program", "plan"), in_notes=True),
    EventType("bankruptcy",
              _p(r"chapter\s+11|petitions?\s+for\s+(?:a\s+)?(?:stay\s+order|reorganization)"
                 r"|reorganization\s+proceedings|filed\s+for\s+bankruptcy|receivership"),
              ("chapter", "petition", "reorganization", "bankruptcy", "receivership"),
              items=("1.03",), old_items=("3",), in_notes=True, in_earnings=False, details=details.bankruptcy,
              outputs=outputs("events", petition_date={"petition_date": 0.75}, court={"court": 0.75})),
    EventType("delisting_notice",
              _p(r"\bdelist|staff\s+determination|listing\s+qualifications\s+(?:panel|department)"
                 r"|deficiency\s+(?:letter|notice)"),
              ("delist", "determination", "qualifications", "deficiency"), items=("3.01",),
              details=details.delisting, outputs=outputs(
                  "events", delisting_notice_date={"delisting_notice_date": 0.7},
                  delisting_market={"delisting_market": 0.75})),
    EventType("shareholder_meeting",
              _p(r"(?:annual|special|extraordinary)\s+(?:general\s+)?(?:meeting\s+of\s+)?"
                 r"(?:shareholders|stockholders)'?\s*(?:meeting)?"),
              ("holders",), items=("5.07",), details=details.meeting,
              # in a note, a meeting held after the period ("On July 27, 2023, the Company held an annual
              # meeting of stockholders"), not one to be held
              in_notes=_p(r"(?<!will\s)(?<!to\sbe\s)\bheld\s+(?:its|an|the)\s+(?:\d{4}\s+)?(?:annual|special)\s+"
                          r"(?:general\s+)?meeting\s+of\s+(?:the\s+)?(?:stockholders|shareholders)"),
              outputs=outputs("events", meeting_date={"meeting_date": 0.75})),
    EventType("merger_acquisition",
              _p(r"agreement\s+and\s+plan\s+of\s+merger|merger\s+agreement|to\s+acquire\b(?!\s+(?:shares|stock|securities|its\s+(?:own\s+)?(?:shares|capital|common)))"
                 r"|completed\s+(?:the\s+|its\s+)?acquisition|majority\s+(?:interest|shareholder)"
                 # "Makes Two Acquisitions", "a press release announcing two acquisitions"
                 r"|\b(?:makes|made|announc(?:es|ed|ing))\s+(?:two|three|four|several)\s+acquisitions\b"),
              ("merger", "acquire", "acquisition", "majority", "invest"), items=("2.01", "5.01"),
              old_items=("1", "2"),
              also_in_items=("1.01",),
              # a third party's tender offer statement: its offer to buy the subject company's shares
              forms=("SC TO-T",),
              # in a note, only a deal agreed or completed, or a stake bought ("agreed to invest $200
              # million in EarthLink"): a note's "to acquire" is as often shares
              in_notes=_p(r"agreement\s+and\s+plan\s+of\s+merger|merger\s+agreement"
                          r"|completed\s+(?:the\s+|its\s+)?acquisition"
                          # "entered into a binding agreement providing for AEGON's acquisition of"
                          r"|\bagreement\s+providing\s+for\s+(?:the\s+)?(?:[\w.&-]+['’]s?\s+)?acquisition\s+of\b"
                          r"|\bagreed\s+to\s+invest\s+[$€£]\s?[\d.,]+\s*(?:million|billion)?\s+in\b")),
    EventType("securities_offering",
              _p(r"(?:sold|issued|sale\s+of)\s+(?:an\s+aggregate\s+of\s+)?[\d,]{5,}\s+"
                 r"(?:\w+\s+){0,2}shares|private\s+placement|(?:public|registered)\s+offering\s+of"
                 r"|(?:issuance|offering)\s+(?:and\s+sale\s+)?of\s+[$€£]?[\d,.]+\s*(?:million|billion)?\s+"
                 r"aggregate\s+principal\s+amount"
                 r"|\b(?:issued|sold|priced)\s+(?:an\s+aggregate\s+of\s+)?[$€£]\s?[\d,.]+\s*(?:million|billion)?"
                 r"\s+(?:(?:in\s+)?aggregate\s+principal\s+amount\s+)?of\s+(?:its\s+|our\s+)?"
                 r"(?:[\w.%-]+\s+){0,5}(?:notes|debentures|bonds)\b"),
              ("shares", "placement", "offering", "principal", "notes", "debentures", "bonds"),
              items=("3.02",),
              # a registration statement or prospectus for securities the issuer sells or registers
              # (not a fund's N-1A/N-2, whose offering is continuous)
              forms=("S-1", "S-3", "F-1", "F-3", "SB-2", "424B"),
              # in a note, only the company's own private placement (an investee's offering is not)
              in_notes=_p(r"private\s+placement")),
    EventType("financing",
              _p(r"\b(?:revolving\s+)?credit\s+(?:agreement|facility)|\bterm\s+loan\s+(?:agreement|facility)"
                 r"|\bloan\s+agreement\b"),
              ("credit", "loan", "redempt", "redeem"), items=("2.03",), also_in_items=("1.01",),
              # in a note, the company calling its own debt for redemption (a credit line is routine)
              in_notes=_p(r"\bcall(?:ed)?\s+for\s+(?:the\s+)?redemption\b|\bredeem(?:ed)?\s+all\s+(?:of\s+)?(?:its|the)\s+"
                          r"(?:outstanding\s+)?(?:[\w%.-]+\s+){0,5}(?:notes|debentures|bonds)\b")),
    EventType("divestiture", _p(_DIVEST), ("split", "spin", "divest", "sale", "disposition", "sell", "sold"),
              # in a note, also a block of another company's stock sold ("sold approximately 9 million
              # shares of ARM stock"), not the company's own ("sold 100,000 shares of its common stock")
              in_notes=_p(_DIVEST + r"|\bsold\s+(?:approximately\s+|about\s+)?[\d.,]+\s+(?:million\s+)?shares\s+of\s+"
                          r"(?!its\b|our\b|the\b|common\b|preferred\b|series\b|class\b)(?-i:[A-Z])[\w&.-]*\s+"
                          r"(?:[\w&.-]+\s+){0,2}?(?:common\s+)?(?:stock|shares)\b")),
    EventType("legal_proceeding",
              _p(r"settlement\s+of|lawsuit|litigation|class\s+action|informal\s+inquiry"
                 r"|derivative\s+(?:action|suit)"
                 # a prosecutor's or a regulator's case settled: "Reach Settlement", "dismiss all criminal charges"
                 r"|criminal\s+charges|\breach(?:ed|es)?\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?settlement\b"),
              ("settlement", "lawsuit", "litigation", "action", "inquiry", "derivative", "criminal"), in_earnings=False),
    # a commercial agreement reported as news (an order under a master agreement, a supply
    # contract); mergers, credit and underwriting agreements are their own events
    EventType("material_agreement",
              _p(r"\bentered\s+into\s+(?:a|an|the)\s+(?:new\s+)?"
                 r"(?:(?!merger|credit|loan|underwriting|purchase|employment|separation|indemnif|consulting)"
                 r"[\w-]+\s+){0,3}(?:order\s+form|supply\s+agreement|services\s+agreement"
                 r"|master\s+\w+\s+agreement|collaboration\s+agreement|license\s+agreement)\b"),
              ("entered into",), items=("1.01", "1.02"),  # entry into one, or its termination
              # in a note, any commercial agreement entered into, but not a deal's own agreement
              in_notes=_p(r"\bentered\s+into\s+(?:a|an)\s+(?:(?!merger|credit|loan|underwriting|purchase|employment"
                          r"|separation|indemnif|consulting|definitive|amendment)[\w-]+\s+){0,3}agreement\b"
                          r"(?!\s+(?:to|and\s+plan\s+of)\s+(?:acquire|sell|merge|purchase|be\s+acquired)"
                          r"|\s+providing\s+for\s+(?:the\s+)?(?:[\w.&-]+['’]s?\s+)?(?:acquisition|sale|merger)\b)")),
    EventType("management_change",
              _p(r"\b(?:appoint(?:ed|s|ment)|names?|named|elected)\s+(?!executive\s+officers?\b)(?:\w+\s+){0,5}"
                 r"(?:to\s+(?:the|its)\s+board|chief\s+\w+\s+officer|president|director)"
                 r"|\bresign(?:ed|s|ation)\b"),
              ("board", "officer", "president", "director", "resign"), items=("5.02",), old_items=("6",)),
    EventType("auditor_change", items=("4.01",), old_items=("4",)),
    EventType("operating_update", needles=("restructur",), items=("2.05",),
              # in a note, restructuring actions taken after the period ("took further actions to ... These
              # restructuring actions will result in the Company recognizing a charge")
              in_notes=_p(r"\brestructuring\s+(?:actions?|plan)\s+(?:will|is\s+expected\s+to)\s+result\s+in\b")),
    # an item 4.02 (non-reliance on earlier statements, a restatement) has no type of its own
    EventType("other", items=("4.02",)),
)

BY_NAME = {t.name: t for t in EVENT_TYPES}
SEARCHED = tuple(t for t in EVENT_TYPES if t.pattern is not None)
# 8-K items that name their event, in both numberings.
ITEM_EVENTS = {code: t.name for t in EVENT_TYPES for code in t.items}
OLD_ITEM_EVENTS = {code: t.name for t in EVENT_TYPES for code in t.old_items}
# forms whose filing is their event: (the start of the form's name, the event)
FORM_EVENTS = tuple((form, t.name) for t in EVENT_TYPES for form in t.forms)
ITEM_ALSO = {code: frozenset(t.name for t in EVENT_TYPES if code in t.also_in_items)
             for t in EVENT_TYPES for code in t.also_in_items}


def note_pattern(t: EventType) -> re.Pattern[str] | None:
    """How a subsequent-events note tells `t`, None when a note's mention is no event of its own."""
    if t.in_notes is True:
        return t.pattern
    return t.in_notes or None


def detail_outputs() -> dict[str, Out]:
    out: dict[str, Out] = {}
    for t in EVENT_TYPES:
        out.update(t.outputs)
    return out


# What an item's number alone does not say, read in the item's own text.
_DISPOSAL = re.compile(r"\b(?:dispos(?:ed|ition)\s+of|split-?off|spin-?off|divest|sold\b|sale\s+of\s+(?:its|the|all))",
                       re.I)
_ACQUISITION = re.compile(r"\bacqui(?:red|sition)\b|\bmerger\b|\bmerged\b", re.I)
# An Item 5.02 that only sets pay or adopts a plan names no officer or director coming or going.
_PAY = re.compile(r"compensat|bonus|salary|incentive\s+plan|equity\s+award|consulting\s+agreement|severance"
                  r"|grant\s+of\s+(?:options|restricted)", re.I)
_CHANGE = re.compile(r"\b(?:resign|retire|appoint|elect(?:ed|ion)\b|named(?!\s+executive)|depart|terminat"
                     r"|succe(?:ed|ssor)|step(?:s|ped|ping)?\s+down|promot|hired|join|transition|will\s+serve"
                     r"|to\s+serve)", re.I)
# The item's own title, which names every kind of change whatever the item reports.
_TITLE_502 = re.compile(r"departure\s+of\s+directors\s+or\s+(?:certain|principal)\s+officers"
                        r"|election\s+of\s+directors|appointment\s+of\s+(?:certain|principal)\s+officers", re.I)


def _completion(body: str) -> str | None:
    """Item 2.01: a completed disposal with no acquisition in it is a divestiture."""
    return "divestiture" if _DISPOSAL.search(body) and not _ACQUISITION.search(body) else "merger_acquisition"


def _departure(body: str) -> str | None:
    """Item 5.02: pay or a plan alone is no management change."""
    body = _TITLE_502.sub(" ", body)
    return None if _PAY.search(body) and not _CHANGE.search(body) else "management_change"


# An Item 5.03 amendment the stockholders voted (reported again under Item 5.07), or a split
# the charter amendment carries out, is that event's, not one of its own.
_VOTED_OR_SPLIT = re.compile(r"\b(?:stockholders|shareholders)\s+(?:of\s+the\s+company\s+)?(?:approved|adopted)"
                             r"|\bapproved\s+by\s+(?:the\s+)?(?:company['’]s\s+)?(?:stockholders|shareholders)"
                             r"|\bsplit\b", re.I)


def _amendment(body: str) -> str | None:
    """Item 5.03: bylaws or a charter the board amended, or a new fiscal year, fit no type of the
    taxonomy: `other`."""
    return None if _VOTED_OR_SPLIT.search(body) else "other"


# item -> what its text says it reports (an event type's name, or None for nothing to report)
ITEM_TEXT: dict[str, Callable[[str], str | None]] = {"2.01": _completion, "5.02": _departure, "5.03": _amendment}
