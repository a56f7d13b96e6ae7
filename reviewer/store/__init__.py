"""The SQLite store (sqlite-utils). Never imports Qt."""

from .db import StoreError, open_store
from .repository import Repository
from .rows import MEMORY_WHO

__all__ = ["MEMORY_WHO", "Repository", "StoreError", "open_store"]
