"""The pure-Python core: ingest, extraction, review logic and export. Never imports Qt."""
