"""Answers are parsed by orjson where it is installed; whatever orjson refuses and `json` reads is read by
`json`, so a value never depends on which parser read it."""

from __future__ import annotations

import importlib
import json
import math
import sys
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import portkey_typed._json_parser as parser
from portkey_typed import AsyncPortkey, Portkey

from .conftest import ClientFactory
from .flavors import collect, resolve
from .mock_gateway import CHAT_COMPLETION, MESSAGES, MockGateway, chunk_event, sse_reply

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, derandomize=True)
@given(JSON)
def test_any_json_text_parses_to_what_json_reads(value: Any) -> None:
    text = json.dumps(value)

    assert parser.parse_json(text) == json.loads(text)
    assert parser.parse_json(text.encode()) == json.loads(text.encode())


@pytest.mark.parametrize(
    "text",
    [
        b'{"x": NaN, "y": Infinity, "z": -Infinity}',
        b'{"big": 123456789012345678901234567890}',
        b'{"lone": "\\ud800"}',
        '{"utf16": "caf\u00e9"}'.encode("utf-16"),
        b'{"dup": 1, "dup": 2}',
        b"[1e400, -1e400, 18446744073709551615, -9223372036854775808]",
        b'\xef\xbb\xbf{"bom": 1}',
        '{"text": "caf\u00e9"}',
    ],
    ids=["nan", "big-integer", "lone-surrogate", "utf-16", "duplicate-key", "huge-float", "utf-8-bom", "str"],
)
def test_texts_where_the_parsers_differ_read_as_json_reads_them(text: bytes | str) -> None:
    parsed, expected = parser.parse_json(text), json.loads(text)

    assert repr(parsed) == repr(expected)  # repr: NaN != NaN
    with pytest.raises(ValueError):
        parser.parse_json(b"{not json")


def test_without_orjson_the_standard_library_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "orjson", None)  # as on PyPy, or a platform without its wheel
    try:
        fallback = importlib.reload(parser)
        assert fallback._fast_loads is None
        assert fallback.parse_json(b'{"a": [1, 2.5, null]}') == {"a": [1, 2.5, None]}
    finally:
        monkeypatch.undo()
        importlib.reload(parser)
    assert parser._fast_loads is not None


async def test_an_answer_and_a_stream_chunk_orjson_refuses_still_decode(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    answer = json.dumps(CHAT_COMPLETION).replace('"prompt_tokens": 3', '"prompt_tokens": 3, "score": NaN')
    assert "NaN" in answer
    gateway.script(httpx.Response(200, content=answer.encode(), headers={"content-type": "application/json"}))
    client: Portkey | AsyncPortkey = make_client()
    completion = await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert completion.usage and math.isnan(completion.usage.additional_properties["score"])

    event = chunk_event("big").replace('"created": 1700000000', '"created": 1700000000, "seq": 1' + "0" * 30)
    response, _ = sse_reply(event, "data: [DONE]\n\n")
    gateway.script(response)
    chunks = await collect(
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
    )
    assert [chunk.choices[0].delta.content for chunk in chunks] == ["big"]
    assert chunks[0].additional_properties["seq"] == 10**30
