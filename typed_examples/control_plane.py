"""Control-plane calls: typed arguments and results, paging across pages, async."""

from __future__ import annotations

from portkey_typed import AsyncPortkey, Portkey
from portkey_typed.types import ConfigCreateResult, FileObject


def save_config(client: Portkey) -> ConfigCreateResult:
    return client.configs.create(
        name="fallback",
        config={
            "strategy": {"mode": "fallback"},
            "targets": [{"virtual_key": "vk-1"}, {"virtual_key": "vk-2"}],
        },
        workspace_id="ws-1",
        timeout=10.0,
        max_retries=1,
    )


def every_file(client: Portkey) -> list[str]:
    files: list[FileObject] = list(client.files.list_all(limit=100))
    return [f.id for f in files]


async def every_file_async(client: AsyncPortkey) -> int:
    count = 0
    async for _file in client.files.list_all(limit=100):
        count += 1
    return count


def rejected(client: Portkey) -> None:
    client.configs.create(nmae="typo")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
