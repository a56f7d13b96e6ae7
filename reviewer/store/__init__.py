"""The SQLite store (sqlite-utils). Never imports Qt."""

from .db import StoreError, open_store
from .repository import Repository

__all__ = ["Repository", "StoreError", "open_store"]
