"""The wheel carries resources/ and works outside the source tree, in a fresh virtual environment."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Enough to run the command line; PySide6 (for the window only) is left out to keep this quick.
CLI_DEPS = ["pdfminer.six", "sqlite-utils>=4,<5", "appdirs", "lxml"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.mark.slow  # about 15 s: builds and installs a wheel
def test_wheel_installs_and_runs_outside_the_source_tree(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("filing_reviewer-*.whl"))
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path).returncode == 0
    py = venv / "bin" / "python"
    installed = run(str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel), cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    deps = run(str(py), "-m", "pip", "install", "-q", *CLI_DEPS, cwd=tmp_path)
    assert deps.returncode == 0, deps.stderr
    reviewer = venv / "bin" / "reviewer"
    version = run(str(reviewer), "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("reviewer ")
    where = run(str(py), "-c", "from reviewer.resources import resources_dir, sample_filings;"
                "print(resources_dir()); print(sample_filings()[2])", cwd=tmp_path)
    resources, sample = where.stdout.split()
    assert resources.startswith(str(venv)) and Path(resources, "schemas", "core.toml").is_file()
    assert len(list(Path(resources, "icons").glob("*.png"))) >= 4
    extracted = run(str(reviewer), "extract", sample, "--json", cwd=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    fields = {f["name"]: f["value"] for f in json.loads(extracted.stdout)["fields"]}
    assert fields["form_type"] == "6-K" and fields["company_name"] == "KOREA THRUNET CO., LTD."
