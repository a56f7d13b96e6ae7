"""EXTRACTOR_VERSION means something: the extraction of the samples may change only with it."""

from __future__ import annotations

import json

import golden

from reviewer.core.extract import EXTRACTOR_VERSION

HOW = "bump EXTRACTOR_VERSION (reviewer/core/extract/__init__.py), then run `make golden`"


def test_sample_extraction_changes_only_with_a_new_extractor_version() -> None:
    recorded = json.loads((golden.GOLDEN / "samples.json").read_text(encoding="utf-8"))
    assert recorded["extractor_version"] == EXTRACTOR_VERSION, (
        f"the golden samples were written by extractor {recorded['extractor_version']}: "
        "run `make golden` and review the diff")
    now = golden.sample_extraction()
    changed = sorted(name for name in recorded["files"].keys() | now.keys()
                     if recorded["files"].get(name) != now.get(name))
    assert changed == [], f"extraction of {changed} changed under the same version: {HOW}"
