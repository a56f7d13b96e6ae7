"""The market item of a periodic report: its listings when the cover gives none, else its markets."""

from __future__ import annotations

from reviewer.core.document import Document
from reviewer.core.extract import market
from reviewer.core.extract.rules import run_all

COVER = ("FORM 10-K\n\nACME CORP\n(Exact name of registrant as specified in its charter)\n\n"
         "Securities registered pursuant to Section 12(b) of the Act: None\n\n")


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.name, c.value) for c in run_all(market.RULES, Document(text=text, format="text"))]


def test_each_listing_with_the_market_named_in_its_clause() -> None:
    text = COVER + ("PART II\n\nItem   5. Market for the Registrant's Common Equity and Related Stockholder\nMatters\n\n"
                    "The Company's common stock is traded on the over-the-counter market and  is\nquoted  on the Nasdaq "
                    "National Market  under the symbol AAPL, on  the\nTokyo  Stock  Exchange under the symbol APPLE, and "
                    "on the  Frankfurt  Stock\nExchange  under the symbol APCD.  Options are traded on the Chicago Board.\n")
    assert _found(text) == [("ticker", "AAPL"), ("exchange", "Nasdaq National Market"), ("ticker", "APPLE"),
                            ("exchange", "Tokyo Stock Exchange"), ("ticker", "APCD"),
                            ("exchange", "Frankfurt Stock Exchange")]


def test_a_symbol_the_stock_traded_under_before_is_history() -> None:
    text = COVER.replace("10-K", "20-F") + (
        "Item 9.\tThe Offer and Listing\n\nThe Company's common shares (a) are listed for trading on the Toronto "
        "Stock Exchange (the \"TSX\") under the symbol \"LN\", and (b) are quoted on the OTC Pink tier of the OTC "
        "Link under the symbol \"LONCF\". From April 27, 2011 to April 24, 2014, the Company's common shares were "
        "traded in the United States on the NYSE MKT (under the symbol \"LON\").\n")
    assert _found(text) == [("ticker", "LN"), ("exchange", "Toronto Stock Exchange"), ("ticker", "LONCF"),
                            ("exchange", "OTC Pink")]


def test_a_market_named_without_a_symbol() -> None:
    item = "PART II\nItem 5: Market for Registrant's Common Equity and Related Stockholder Matters\n"
    text = COVER + item + "The market for the Company's Class A Common Stock is the New York Stock Exchange. More.\n"
    assert _found(text) == [("exchange", "New York Stock Exchange")]
    assert _found(COVER + item + "The Common Stock is traded on the American Stock Exchange.\n") == [
        ("exchange", "American Stock Exchange")]
    # a market the stock left is history
    assert _found(COVER + item + "The Common Stock was listed on the Pacific Stock Exchange until 1998.\n") == []


def test_only_its_markets_where_the_cover_lists_the_securities_and_none_in_a_current_report() -> None:
    item = ("Item 5. Market for Registrant's Common Equity\n\nThe Company's common stock is traded on the New "
            "York Stock Exchange under the symbol \"WMX.\"\n")
    listed = ("FORM 10-K\n\nTitle of each class\tName of each exchange on which registered\n"
              "Common Stock\tNew York Stock Exchange\n\n")
    assert _found(listed + item) == [("exchange", "New York Stock Exchange")]
    assert _found(COVER.replace("10-K", "8-K") + item) == []
    assert _found(COVER + item) == [("ticker", "WMX"), ("exchange", "New York Stock Exchange")]


def test_the_market_item_writes_the_covers_market_another_way() -> None:
    cover = ("FORM 10-K\n\nTitle of each class\tTrading Symbol(s)\tName of each exchange on which registered\n"
             "Class A Common Stock\tACME\tNYSE\n\n")
    item = ("ITEM 5. MARKET FOR REGISTRANT'S COMMON EQUITY, RELATED STOCKHOLDER MATTERS AND ISSUER PURCHASES OF "
            "EQUITY SECURITIES\nOur Class A Common Stock is traded on the New York Stock Exchange (\u201cNYSE\u201d) "
            "under the symbol \u201cACME\u201d.\n")
    assert _found(cover + item) == [("exchange", "New York Stock Exchange")]
