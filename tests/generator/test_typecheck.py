"""`--typecheck`'s checkers report the errors they find, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.typecheck import run_mypy, run_pyright


@pytest.fixture
def faulty_package(tmp_path: Path) -> Path:
    package = tmp_path / "portkey_generated"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "py.typed").write_text("", encoding="utf-8")
    (package / "faulty.py").write_text('count: int = "three"\n', encoding="utf-8")
    return tmp_path


def test_mypy_names_the_error(faulty_package: Path) -> None:
    with pytest.raises(RuntimeError, match=r"faulty\.py:1: error: Incompatible types"):
        run_mypy(faulty_package)


def test_pyright_names_the_error(faulty_package: Path) -> None:
    with pytest.raises(RuntimeError, match=r"found 1 error\(s\)[\s\S]*faulty\.py:1: error: Type \"Literal"):
        run_pyright(faulty_package)


def test_pyright_refuses_an_empty_run(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="analysed no file"):
        run_pyright(tmp_path)
