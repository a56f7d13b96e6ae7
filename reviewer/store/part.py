"""What the parts of the Repository call on one another, declared once.

Repository inherits Figures, Memory, Anchors, Removal, Reextraction and Proposals; each part
writes its own tables and calls the others' methods (and the Repository's own: `transaction`,
`field_values`, ...) through `self`. `StorePart` declares those methods for type checkers only:
at run time a stub here would hide the real method of a part that comes later in the
Repository's bases.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.document import Document
    from ..core.extract.candidate import Candidate
    from ..core.memory import Change
    from ..core.schema import Schema
    from ..core.values import DocumentRecord, FieldValue, HistoryEntry


class StorePart:
    """A part of the Repository: its connection, and what it may call on the others."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:
        # the Repository's own
        def transaction(self) -> AbstractContextManager[None]: ...
        def document(self, doc_id: int) -> DocumentRecord | None: ...
        def document_text(self, doc_id: int) -> str | None: ...
        def load_document(self, doc_id: int) -> Document: ...
        def field_values(self, doc_id: int) -> list[FieldValue]: ...
        def append_history(self, entry: HistoryEntry) -> None: ...

        # Memory's
        def memory_schema(self) -> Schema: ...
        def company_keys(self, values: Mapping[str, Sequence[str]]) -> list[str]: ...
        def remember(self, doc_id: int) -> None: ...
        def forget(self, doc_id: int) -> None: ...
        def set_changes(self, doc_id: int, count: int) -> None: ...
        def changes_for(self, doc_id: int,
                        values: Iterable[FieldValue] | None = None) -> list[Change]: ...

        # Anchors'
        def count_proposed(self, candidates: Iterable[Candidate]) -> None: ...
        def withdraw_anchors(self, doc_id: int) -> None: ...
        def reinstate_anchors(self, doc_id: int) -> None: ...

        # Proposals'
        def bump_stamps(self, keys: Iterable[str | None]) -> None: ...
