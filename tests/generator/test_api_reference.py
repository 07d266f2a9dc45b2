"""The API reference is written with the code, and `--check` fails when it is stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_fixture import SMALL_SPEC

from generator.cli import main


def test_check_fails_when_the_api_reference_is_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    assert main(["--spec", str(SMALL_SPEC), "--out", str(out)]) == 0
    reference = out / "api.md"
    assert "# API reference" in reference.read_text(encoding="utf-8")
    assert main(["--spec", str(SMALL_SPEC), "--out", str(out), "--check"]) == 0

    reference.write_text("# API reference\n\nedited by hand\n", encoding="utf-8")
    assert main(["--spec", str(SMALL_SPEC), "--out", str(out), "--check"]) == 1
    assert "out of date: differs: api.md" in capsys.readouterr().err
