"""`python -m generator.corpus FOLDER`: one line per description, failures listed, exit status."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from small_fixture import SMALL_SPEC

from generator.corpus import main, specs_in


def test_specs_in_a_folder_are_descriptions_only(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.json", "c.yml", "gateway-config.schema.json", "README.md", "LICENSE"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [path.name for path in specs_in(tmp_path)] == ["a.json", "b.yaml", "c.yml"]


def test_one_line_per_description_and_failures_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(SMALL_SPEC, tmp_path / "pets.yaml")
    (tmp_path / "broken.yaml").write_text("openapi: [unclosed\n", encoding="utf-8")
    assert main([str(tmp_path), "--no-typecheck"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("broken.yaml: stopped before counting, not type-checked, ")
    assert lines[1].startswith("    generator: ") and "broken.yaml is not valid YAML/JSON" in lines[1]
    pets = next(line for line in lines if line.startswith("pets.yaml: "))
    assert pets.startswith("pets.yaml: operations 8, generated 8, schemas lost 0, not type-checked, ")
    assert lines[-1].startswith("1 of 2 descriptions generated cleanly in ")


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "nowhere is not a folder" in capsys.readouterr().err
