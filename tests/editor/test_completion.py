"""Completions in real engines: jedi (the library IPython and Jupyter use) and pyright-langserver
(Pylance's engine, over the Language Server Protocol). A completion that goes missing fails."""

from __future__ import annotations

import jedi
import pytest

from .lsp import REPO_ROOT, LanguageServer
from .positions import Position, positions

CLIENTS = ("Portkey", "AsyncPortkey")
DOCUMENT = REPO_ROOT / "tests" / "editor" / "_completion_probe.py"
"""The name the open document goes by (never written to disk)."""


def cases(engine: str) -> list[object]:
    found: list[object] = []
    for client in CLIENTS:
        for position in positions(client):
            if engine == "jedi" and position.pyright_only:
                continue
            found.append(pytest.param(position, id=f"{client}-{position.name}"))
    return found


PROJECT = jedi.Project(REPO_ROOT, added_sys_path=[str(REPO_ROOT / "generated")])


def jedi_labels(position: Position) -> set[str]:
    """What jedi offers at the position, as IPython asks it (a `Script` over the source)."""
    source, line, column = position.cursor()
    script = jedi.Script(source, path=DOCUMENT, project=PROJECT)
    return {completion.name_with_symbols for completion in script.complete(line + 1, column)}


@pytest.mark.parametrize("position", cases("jedi"))
def test_jedi_completes(position: Position) -> None:
    missing = position.expected - jedi_labels(position)
    assert not missing, f"jedi does not offer {sorted(missing)}"


@pytest.mark.parametrize("position", cases("pyright"))
def test_pyright_completes(position: Position, pyright: LanguageServer) -> None:
    source, line, column = position.cursor()
    labels = set(pyright.complete(DOCUMENT, source, line, column))
    missing = position.expected - labels
    assert not missing, f"pyright does not offer {sorted(missing)}"
