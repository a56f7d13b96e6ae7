"""Where user data lives: the only user of appdirs. Nothing is created at import."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "FilingReviewer"
APP_AUTHOR = "FilingReviewer"


def data_dir() -> Path:
    return Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_store() -> Path:
    """The store: $REVIEWER_DB, else reviews.db in the user data directory."""
    env = os.environ.get("REVIEWER_DB")
    return Path(env) if env else data_dir() / "reviews.db"


def user_schema_dir() -> Path:
    """Extra field definitions (*.toml) a user adds without touching the application."""
    return data_dir() / "schemas"

