"""Field definitions, loaded from TOML: the core schema plus any fields a user adds."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

TYPES = ("date", "month", "date_or_month", "integer", "decimal", "text", "code")
KINDS = ("phone", "email", "web")  # what a typed value is checked as, beyond its type


class SchemaError(Exception):
    """A field definition that cannot be used; the message names the file and the field."""


@dataclass(slots=True, frozen=True)
class FieldDef:
    name: str
    label: str
    type: str
    group: str
    multi: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()  # the forms it applies to; empty: all
    pattern: re.Pattern[str] | None = None  # a user's rule: group 1 (or the match) is the value
    confidence: float = 0.7
    core: bool = False
    events: tuple[str, ...] = ()  # the events whose details it holds; empty: any filing
    kind: str = ""  # phone, email or web: typed values are checked as such
    join: str = " "  # how lines of a selection in the filing are joined into one value
    repeats: bool = False  # tends to stay the same across a filer's filings: company memory

    def applies(self, form_type: str | None, events: set[str] | None) -> bool:
        """Whether a filing of this form reporting these events can hold this field (None:
        not known, so it may)."""
        if self.forms and form_type and form_type.upper() not in self.forms:
            return False
        return not self.events or events is None or bool(events.intersection(self.events))


class Schema:
    """The fields in display and CSV order, looked up by name."""

    def __init__(self, fields: list[FieldDef]) -> None:
        self.fields = fields
        self._by_name = {f.name: f for f in fields}

    def get(self, name: str) -> FieldDef | None:
        return self._by_name.get(name)

    def __getitem__(self, name: str) -> FieldDef:
        return self._by_name[name]

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def _field(entry: dict, source: Path, core: bool) -> FieldDef:
    name = entry.get("name", "")
    where = f"{source.name}: field {name or '(unnamed)'}"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise SchemaError(f"{where}: name must be lower_snake_case")
    ftype = entry.get("type", "text")
    if ftype not in TYPES:
        raise SchemaError(f"{where}: type {ftype!r} is not one of {', '.join(TYPES)}")
    kind = entry.get("kind", "")
    if kind and kind not in KINDS:
        raise SchemaError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    pattern = None
    if entry.get("pattern"):
        flags = re.I if entry.get("ignore_case", True) else 0
        try:
            pattern = re.compile(entry["pattern"], flags | re.M)
        except re.error as exc:
            raise SchemaError(f"{where}: bad pattern: {exc}") from None
    return FieldDef(
        name=name,
        label=entry.get("label") or name.replace("_", " ").capitalize(),
        type=ftype,
        group=entry.get("group", "custom"),
        multi=bool(entry.get("multi", False)),
        help=entry.get("help", ""),
        choices=tuple(entry.get("choices", ())),
        forms=tuple(f.upper() for f in entry.get("forms", ())),
        pattern=pattern,
        confidence=float(entry.get("confidence", 0.7)),
        core=core,
        events=tuple(entry.get("events", ())),
        kind=kind,
        join=str(entry.get("join", " ")),
        repeats=bool(entry.get("repeats", False)),
    )


def _toml_files(folder: Path) -> list[Path]:
    """The *.toml in a user's folder (none if it does not exist); a folder that cannot be read
    is a SchemaError naming it, never a silent skip (its fields would vanish without a word)."""
    try:
        if not folder.is_dir():
            return []
        names = os.listdir(folder)
    except OSError as exc:
        raise SchemaError(f"{folder}: cannot read the folder of extra field definitions: "
                          f"{exc.strerror or exc}") from None
    return sorted(folder / n for n in names if n.endswith(".toml"))


def load_schema(extra_dirs: list[Path] | None = None) -> Schema:
    """The core schema from resources/, then every *.toml in `extra_dirs` (later names win)."""
    from ..resources import resource

    core_file = resource("schemas", "core.toml")
    sources = [(core_file, True)]
    sources += [(p, False) for p in sorted(resource("schemas").glob("*.toml")) if p != core_file]
    for d in extra_dirs or []:
        sources += [(p, False) for p in _toml_files(d)]
    fields: dict[str, FieldDef] = {}
    for path, core in sources:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SchemaError(f"{path}: {exc}") from None
        for entry in data.get("field", []):
            fd = _field(entry, path, core)
            if fd.name in fields and fields[fd.name].core and not core:
                raise SchemaError(f"{path.name}: field {fd.name} is a core field; pick another name")
            fields[fd.name] = fd
    return Schema(list(fields.values()))
