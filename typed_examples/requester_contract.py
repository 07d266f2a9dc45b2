"""The clients implement the protocols the generated resources call through."""

from __future__ import annotations

from portkey_generated.resources._base import AsyncRequester, SyncRequester
from portkey_typed import AsyncPortkey, Portkey


def sync_requester(client: Portkey) -> SyncRequester:
    return client


def async_requester(client: AsyncPortkey) -> AsyncRequester:
    return client
