"""A file with nothing of an SEC filing imports flagged with a notice, never silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.core.recognise import NOT_RECOGNISED
from reviewer.pipeline.importer import import_paths
from reviewer.pipeline.reextract import reextract_all
from reviewer.store import Repository

FILING = b"FORM 8-K\nCURRENT REPORT\nItem 8.01 Other Events\n"
RECIPE = (b"Grandma's Apple Pie\n\nIngredients\n- 6 cups sliced apples\n- 3/4 cup sugar\n\n"
          b"Directions\n1. Heat oven to 425 F.\n2. Bake 45 minutes until golden brown.\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    return tmp_path / "in"


def test_a_recipe_is_imported_flagged_and_counted(folder: Path, repo: Repository) -> None:
    (folder / "recipe.txt").write_bytes(RECIPE)
    (folder / "filing.txt").write_bytes(FILING)
    report = import_paths(repo, [folder], "t", workers=0)
    assert len(report.imported) == 2 and report.failures == []
    assert report.unrecognised == 1 and report.noticed == 0
    assert report.summary().startswith("2 imported, 0 already stored, 0 failed (2 files")
    assert "; 1 not recognised as a filing, flagged" in report.summary()
    rows = {r["file_name"]: r for r in repo.db["documents"].rows}
    recipe, filing = rows["recipe.txt"], rows["filing.txt"]
    assert (recipe["status"], recipe["flag_note"]) == ("flagged", NOT_RECOGNISED)
    assert json.loads(recipe["notices"])[0].startswith(NOT_RECOGNISED)
    assert (filing["status"], filing["flag_note"], json.loads(filing["notices"])) == (
        "to_review", None, [])
    assert [(h["action"], h["after_value"]) for h in repo.history(recipe["id"])] == [
        ("import", None), ("status", "flagged")]
    assert repo.progress() == {"documents": 2, "reviewed": 0, "flagged": 1, "to_review": 1}


def test_re_extraction_keeps_the_notice_and_the_flag(folder: Path, repo: Repository) -> None:
    (folder / "recipe.txt").write_bytes(RECIPE)
    import_paths(repo, [folder], "t", workers=0)
    doc_id = repo.document_ids()[0]
    report = reextract_all(repo, "t", workers=0)
    assert report.failures == [] and report.documents == 1
    assert repo.load_document(doc_id).notices[0].startswith(NOT_RECOGNISED)
    assert json.loads(repo.db["documents"].get(doc_id)["notices"])[0].startswith(NOT_RECOGNISED)
    assert repo.document(doc_id).status == "flagged"
