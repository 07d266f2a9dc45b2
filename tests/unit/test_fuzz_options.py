"""Property: whatever a caller passes as constructor and per-call options, the outcome is a clean request
or one of our errors, and nothing HTTP or JSON would refuse ever reaches the transport.

The transport serialises each request with h11 (the HTTP/1.1 library httpx sends with) and parses every
JSON it carries strictly. Examples are derandomized, so CI runs the same ones every time.
"""

from __future__ import annotations

import json
import math
import warnings
from typing import Any

import h11
import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portkey_typed import Portkey, PortkeyError

from .mock_gateway import CHAT_COMPLETION, MESSAGES, json_reply

EXAMPLES = 400
TRICKY = [
    "",
    " ",
    "sk-x ",
    " sk-x",
    "a\tb",
    "a\x0bb",
    "a\x0cb",
    "a\r\nx: 1",
    "a\x00b",
    "a\x7fb",
    "é",
    "\ud800",
    "x-team",
    "bad name",
    "x:y",
    "pc-slug",
    "http://127.0.0.1:8787/v1",
    "http://u:p@127.0.0.1/v1",
    "http://127.0.0.1:99999/v1",
    "ftp://h/v1",
    "http://[::1/v1",
    '{"a": 1}',
    "{not json",
]
text = st.sampled_from(TRICKY) | st.text(max_size=8)
number = st.integers(-3, 10**6) | st.floats(allow_nan=True, allow_infinity=True)
scalar = st.none() | st.booleans() | number | text
json_like = st.recursive(
    scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=6
)
headers = st.dictionaries(text | st.integers(), text | st.integers() | st.none(), max_size=3)
timeout = (
    st.none() | number | st.sampled_from([httpx.Timeout(math.nan), httpx.Timeout(2.0, read=math.inf)]) | text
)
config = json_like | st.fixed_dictionaries(
    {"strategy": st.fixed_dictionaries({"mode": st.sampled_from(["single", "fallback", "x"])})},
    optional={
        "targets": st.lists(
            st.dictionaries(st.sampled_from(["provider", "api_key", "weight"]), scalar), max_size=2
        ),
        "override_params": st.dictionaries(st.sampled_from(["temperature", "top_p"]), number),
        "request_timeout": number,
    },
)
CONSTRUCTOR = st.fixed_dictionaries(
    {},
    optional={
        "base_url": text | st.integers(),
        "authorization": text | st.integers(),
        "api_key": text,
        "provider": text | st.integers(),
        "trace_id": text,
        "metadata": json_like,
        "config": config,
        "default_headers": headers | json_like,
        "timeout": timeout,
        "max_retries": st.integers(-1, 3) | number,
        "cache_force_refresh": scalar,
        "request_timeout": number,
        "forward_headers": st.lists(text, max_size=2) | text,
        "vertex_service_account_json": json_like,
    },
)
CALL = st.fixed_dictionaries(
    {},
    optional={
        "trace_id": text,
        "metadata": json_like,
        "config": config,
        "cache_force_refresh": scalar,
        "cache_namespace": text,
        "extra_headers": headers | json_like,
        "extra_query": st.dictionaries(text, json_like, max_size=2) | json_like,
        "extra_body": st.dictionaries(text, json_like, max_size=2) | json_like,
        "timeout": timeout,
        "max_retries": st.integers(-1, 3) | number,
        "temperature": number,
        "user": text,
    },
)


def refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parses_as_json(value: str) -> bool:
    """Whether a header holds JSON (a JSON option given as a string goes out as it is, JSON or not)."""
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def check_on_the_wire(request: httpx.Request) -> httpx.Response:
    """Fail the example if HTTP/1.1 or JSON would refuse what arrived; else answer a chat completion."""
    connection = h11.Connection(h11.CLIENT)
    connection.send(
        h11.Request(method=request.method, target=request.url.raw_path, headers=request.headers.raw)
    )
    for name, value in request.headers.items():
        if name.startswith("x-portkey-") and parses_as_json(value):
            json.loads(value, parse_constant=refuse_constant)
    if request.content:
        json.loads(request.content.decode("utf-8"), parse_constant=refuse_constant)
    return json_reply(CHAT_COMPLETION)


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(constructor=CONSTRUCTOR, call=CALL)
def test_any_options_give_a_clean_request_or_our_error(
    constructor: dict[str, Any], call: dict[str, Any]
) -> None:
    sent: list[httpx.Request] = []

    def transport(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return check_on_the_wire(request)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            client = Portkey(
                http_client=httpx.Client(transport=httpx.MockTransport(transport)), **constructor
            )
            completion = client.chat.completions.create(model="m", messages=MESSAGES, **call)
        except PortkeyError:
            assert sent == []
            return
    assert completion.id == CHAT_COMPLETION["id"]
    assert len(sent) == 1
