"""One pyright-langserver for the whole session (starting it and loading the package takes seconds)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator

import pytest

from .lsp import LANGSERVER, REPO_ROOT, LanguageServer


@pytest.fixture(scope="session")
def pyright() -> Iterator[LanguageServer]:
    if shutil.which("node") is None or not LANGSERVER.exists():
        pytest.fail("pyright-langserver needs node and `npm ci` (make setup)")
    server = LanguageServer(REPO_ROOT, sys.executable)
    yield server
    server.close()
