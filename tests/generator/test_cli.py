"""`python -m generator --check` and the summary line."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_fixture import SMALL_SPEC

from generator import facade_modules, pipeline
from generator.accounting import Accounting
from generator.cli import main


@pytest.fixture(autouse=True)
def without_lead_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facade_modules, "prepare", lambda spec: spec)
    monkeypatch.setattr(facade_modules, "emit", lambda spec, package_dir: None)


def test_check_fails_listing_files_until_the_output_is_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    assert main(["--spec", str(SMALL_SPEC), "--out", str(out), "--check"]) == 1
    captured = capsys.readouterr()
    assert "operations: 8, generated: 8, schemas lost: 0" in captured.out
    assert "out of date: missing: portkey_generated/models/pet.py" in captured.err
    assert not out.exists()

    assert main(["--spec", str(SMALL_SPEC), "--out", str(out)]) == 0
    assert (out / "portkey_generated" / "models" / "pet.py").is_file()
    assert main(["--spec", str(SMALL_SPEC), "--out", str(out), "--check"]) == 0

    (out / "portkey_generated" / "models" / "pet.py").write_text("# edited by hand\n", encoding="utf-8")
    (out / "portkey_generated" / "stray.py").write_text("", encoding="utf-8")
    assert main(["--spec", str(SMALL_SPEC), "--out", str(out), "--check"]) == 1
    err = capsys.readouterr().err
    assert "differs: portkey_generated/models/pet.py" in err
    assert "not generated any more: portkey_generated/stray.py" in err


def test_a_broken_spec_stops_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: [unclosed\n", encoding="utf-8")
    assert main(["--spec", str(broken), "--out", str(tmp_path / "out")]) == 1
    assert "broken.yaml is not valid YAML/JSON" in capsys.readouterr().err


def test_a_loss_stops_the_build_before_the_emitters_with_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def lose(*arguments: object) -> Accounting:
        return Accounting(
            operations=8,
            generated=7,
            lost=("GET /pets (listPets): no endpoint", "Pet: no model class"),
            problems=(),
        )

    def emit(spec: object, package_dir: object) -> None:
        raise AssertionError("the emitters ran after a loss")

    monkeypatch.setattr(pipeline, "account", lose)
    monkeypatch.setattr(facade_modules, "emit", emit)
    out = tmp_path / "generated"
    assert main(["--spec", str(SMALL_SPEC), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "lost: GET /pets (listPets): no endpoint\nlost: Pet: no model class\n" in err
    assert "Traceback" not in err
    assert not out.exists()
