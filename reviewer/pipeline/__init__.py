"""Import and re-extraction: ingest and extract in worker processes within budgets, then the store.

Never imports Qt. The window and the command line run these; only the repository writes.
"""
