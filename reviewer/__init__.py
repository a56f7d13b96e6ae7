"""Filing Reviewer: review and correct fields extracted from SEC filings."""

__version__ = "0.1.0"
