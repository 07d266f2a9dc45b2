"""Fixtures of the API suite: a clean environment and both client flavours."""

from __future__ import annotations

import pytest

PORTKEY_VARIABLES = (
    "PORTKEY_API_KEY",
    "PORTKEY_BASE_URL",
    "PORTKEY_VIRTUAL_KEY",
    "PORTKEY_CONFIG",
    "PORTKEY_PROVIDER",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PORTKEY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)
