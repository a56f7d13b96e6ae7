"""The README tells the truth about shortcuts and CSV columns; users can add fields as data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reviewer.core.export import columns, write_csv
from reviewer.core.extract import extract
from reviewer.core.ingest import ingest_bytes
from reviewer.core.schema import load_schema

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_readme_lists_every_shortcut() -> None:
    from reviewer.ui.actions import shortcut_table

    for shortcut, action, _ in shortcut_table():
        assert f"| `{shortcut}` | {action} |" in README


def test_readme_names_every_csv_column_in_order() -> None:
    names = columns(load_schema())
    positions = [README.index(f"`{n}`") for n in names]
    assert positions == sorted(positions)


def test_a_user_field_with_a_pattern_is_extracted_and_exported(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        '[[field]]\nname = "auditor"\nlabel = "Auditor"\ntype = "text"\n'
        "pattern = 'audited\\s+by\\s+([A-Z][\\w&.,\\s]+?LLP)'\nconfidence = 0.7\n"
    )
    schema = load_schema([tmp_path])
    assert schema["auditor"].group == "custom" and not schema["auditor"].core
    doc = ingest_bytes(b"The statements were audited by Ernst & Young LLP in 2002.\n")
    found = [c for c in extract(doc, schema) if c.name == "auditor"]
    assert [(c.value, doc.text[c.start : c.end], c.rule) for c in found] == [
        ("Ernst & Young LLP", "Ernst & Young LLP", "schema.auditor")]
    out = io.StringIO()
    row = {"id": 1, "source_path": "a.txt", "format": "text", "status": "reviewed"}
    write_csv(out, schema, [(row, [("auditor", "Ernst & Young LLP")])])
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["auditor"] == "Ernst & Young LLP"


def test_a_user_field_cannot_replace_a_core_field(tmp_path: Path) -> None:
    import pytest

    from reviewer.core.schema import SchemaError

    (tmp_path / "bad.toml").write_text('[[field]]\nname = "cik"\ntype = "text"\n')
    with pytest.raises(SchemaError, match="core field"):
        load_schema([tmp_path])
