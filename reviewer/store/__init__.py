"""The SQLite store (sqlite-utils). Never imports Qt."""

from .db import StoreError, open_store
from .repository import FieldValue, Repository

__all__ = ["FieldValue", "Repository", "StoreError", "open_store"]
