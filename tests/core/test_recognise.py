"""Recognising a filing: made-up non-filings are not recognised, small filings of every kind are."""

from __future__ import annotations

import pytest

from reviewer.core.extract import extract
from reviewer.core.ingest import ingest_bytes
from reviewer.core.recognise import NOT_RECOGNISED, recognise

RECIPE = b"""Grandma's Apple Pie

Prep time: 30 minutes. Cook time: 45 minutes. Serves 8.

Ingredients
- 6 cups thinly sliced apples
- 3/4 cup sugar
- 2 tablespoons all-purpose flour
- 1 teaspoon ground cinnamon

Directions
1. Heat oven to 425 F. Place one crust in a 9-inch glass pie plate.
2. In a large bowl, mix sugar, flour and cinnamon. Stir in apples.
3. Bake 40 to 45 minutes or until apples are tender and crust is golden brown.

Posted March 3, 2021 by Jane Smith. Visit www.grandmasrecipes.com for more.
Questions? Call 555-123-4567 or email jane@grandmasrecipes.com.
"""
RECIPE_PAGE = (b"<html><head><title>Best Chocolate Chip Cookies | Baking Blog</title></head><body>"
               b"<h1>Best Chocolate Chip Cookies</h1><p>By Sam Baker, updated May 2, 2023</p>"
               b"<ul><li>2 1/4 cups flour</li><li>1 cup butter</li><li>2 eggs</li></ul>"
               b"<p>Preheat the oven to 375 degrees. Bake for 9 to 11 minutes.</p>"
               b"<p>Follow us at www.bakingblog.com | Contact: (212) 555-0100</p></body></html>")
SHOPPING = b"Shopping list - Saturday\nmilk (2%)\neggs x12\nbread\nbananas\ncoffee beans\n" \
           b"dish soap\nchicken thighs 2 lb\nrice 5 lb\ntomatoes\nonions\n"
README = b"""# fastjson

A small, fast JSON parser for Python. Version 2.1.0, released January 5, 2024.

## Installation

    pip install fastjson

## License

MIT License. Copyright (c) 2024 Example Corp. Contact: maintainers@example.com
See https://github.com/example/fastjson for issues.
"""
NOVEL = b"""CHAPTER ONE

It was a bright cold day in April, and the clocks were striking thirteen. Mr. Thomas Whitfield
slipped quickly through the glass doors of the Grand Hotel on Fifth Avenue, New York.

"You're late," said Margaret. "The company will not wait for you forever. The shareholders met
in the first quarter, and the dividend, such as it was, will never be paid."

He said nothing. On the 15th of June, 1921, he had signed the agreement that would ruin them both.
"""

NOT_FILINGS = {"recipe.txt": RECIPE, "recipe.html": RECIPE_PAGE, "shopping-list.txt": SHOPPING,
               "README.md": README, "novel-chapter.txt": NOVEL}

FILINGS = {
    "8-K cover": b"FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n",
    "SEC header": b"<SEC-HEADER>\nACCESSION NUMBER:\t0000000000-24-000001\n</SEC-HEADER>\n",
    "cover captions": b"Commission File Number 1-2345\nACME WIDGETS INC\n"
                      b"(Exact name of registrant as specified in its charter)\n",
    "an exhibit": b"Exhibit 21.1\nSubsidiaries of Acme Widgets Inc.\nAcme Asia Limited\tHong Kong\n",
    "earnings release": b"Acme Reports Fiscal 2023 Results\n\nGAAP diluted EPS of $1.05. Net sales "
                        b"rose 4%.\n\nCautionary note regarding forward-looking statements: these "
                        b"statements involve risks.\n",
    "news release": b"SAN JOSE, Calif., April 26, 2023 /PRNewswire/ -- Acme Inc. (Nasdaq: ACME) "
                    b"today reported results for its first quarter.\n",
}


def _recognition(data: bytes):
    document = ingest_bytes(data)
    return recognise(document, extract(document))


@pytest.mark.parametrize("name", sorted(NOT_FILINGS))
def test_a_non_filing_is_not_recognised(name: str) -> None:
    recognition = _recognition(NOT_FILINGS[name])
    assert recognition.signals == ()
    assert recognition.notice and recognition.notice.startswith(NOT_RECOGNISED)


@pytest.mark.parametrize("name", sorted(FILINGS))
def test_a_filing_is_recognised_and_says_why(name: str) -> None:
    recognition = _recognition(FILINGS[name])
    assert recognition.recognised and recognition.notice is None
    assert recognition.signals, name
