"""portkey-ai's defaults on the wire, through the real gateway: left unset, `strict_open_ai_compliance`
goes out as `false`, so an Anthropic-served chat keeps the `content_blocks` the gateway adds."""

from __future__ import annotations

import pytest

from portkey_typed import Portkey
from tests.integration.helpers import MESSAGES


@pytest.mark.parametrize(("strict", "has_blocks"), [(None, True), (False, True), (True, False)])
def test_anthropic_content_blocks_follow_strict_compliance(
    client: Portkey, strict: bool | None, has_blocks: bool
) -> None:
    anthropic = client.with_options(provider="anthropic")
    if strict is not None:
        anthropic = anthropic.with_options(strict_open_ai_compliance=strict)

    raw = anthropic.chat.completions.with_raw_response.create(
        model="claude-3-5-haiku", max_tokens=64, messages=MESSAGES
    )

    message = raw.http_response.json()["choices"][0]["message"]
    assert ("content_blocks" in message) is has_blocks
    assert raw.parse().choices[0].message.content
