"""8-K item numbers from their titles, in both numberings (before and after August 2004)."""

from __future__ import annotations

import re

# Form 8-K items since 2004-08-23, by the words of their titles.
CURRENT = {
    "1.01": "entry into a material definitive agreement",
    "1.02": "termination of a material definitive agreement",
    "1.03": "bankruptcy or receivership",
    "1.04": "mine safety",
    "1.05": "material cybersecurity incidents",
    "2.01": "completion of acquisition or disposition of assets",
    "2.02": "results of operations and financial condition",
    "2.03": "creation of a direct financial obligation",
    "2.04": "triggering events that accelerate or increase",
    "2.05": "costs associated with exit or disposal activities",
    "2.06": "material impairments",
    "3.01": "notice of delisting or failure to satisfy",
    "3.02": "unregistered sales of equity securities",
    "3.03": "material modification to rights of security holders",
    "4.01": "changes in registrant's certifying accountant",
    "4.02": "non-reliance on previously issued financial statements",
    "5.01": "changes in control of registrant",
    "5.02": "departure of directors or certain officers",
    "5.03": "amendments to articles of incorporation or bylaws",
    "5.04": "temporary suspension of trading under registrant's employee benefit plans",
    "5.05": "amendments to the registrant's code of ethics",
    "5.06": "change in shell company status",
    "5.07": "submission of matters to a vote of security holders",
    "5.08": "shareholder director nominations",
    "6.01": "abs informational and computational material",
    "6.02": "change of servicer or trustee",
    "6.03": "change in credit enhancement",
    "6.04": "failure to make a required distribution",
    "6.05": "securities act updating disclosure",
    "7.01": "regulation fd disclosure",
    "8.01": "other events",
    "9.01": "financial statements and exhibits",
}
# Items before 2004-08-23.
OLD = {
    "1": "changes in control of registrant",
    "2": "acquisition or disposition of assets",
    "3": "bankruptcy or receivership",
    "4": "changes in registrant's certifying accountant",
    "5": "other events",
    "6": "resignations of registrant's directors",
    "7": "financial statements and exhibits",
    "8": "change in fiscal year",
    "9": "regulation fd disclosure",
    "10": "amendments to the registrant's code of ethics",
    "11": "temporary suspension of trading under registrant's employee benefit plans",
    "12": "results of operations and financial condition",
}



def item_code(text: str, old_style: bool = False) -> str | None:
    """"Results of Operations and Financial Condition" -> "2.02"; "5.02" stays "5.02"."""
    text = text.strip()
    if re.fullmatch(r"\d{1,2}\.\d{2}", text):
        return text
    if re.fullmatch(r"\d{1,2}", text):
        return text
    folded = " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("’", "'")).split())
    table = OLD if old_style else CURRENT
    for code, title in table.items():
        if folded.startswith(title) or title.startswith(folded[: max(12, len(folded))]):
            return code
    return None
