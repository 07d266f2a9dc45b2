"""Plant known secrets everywhere a caller can put one, make the server echo them on every error path,
and grep every text the client shows for them: messages, bodies, reprs, tracebacks and the DEBUG log."""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from portkey_typed import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APIStreamError,
    AsyncPortkey,
    Portkey,
    PortkeyValidationError,
)

from .conftest import ClientFactory
from .flavors import collect, resolve
from .mock_gateway import MESSAGES, MockGateway, chunk_event, json_reply, sse_reply, text_reply

SECRETS = {
    "api_key": "pk-LEAK-portkey-0002",
    "virtual_key": "vk-LEAK-virtual-0003",
    "aws_secret_access_key": "aws-LEAK-secret-0004",
    "config": "sk-LEAK-config-0005",
    "private_key": "-----BEGIN PRIVATE KEY-----LEAK0006",
    "default_header": "LEAK-header-0007",
    "user": "user-LEAK-0008",
    "password": "pw-LEAK-0009",
    "extra_header": "tok-LEAK-0010",
    "call_config": "sk-LEAK-call-0011",
    "query": "q-LEAK-0012",
    "body": "body-LEAK-0013",
}
CALL_SECRETS = ("extra_header", "call_config", "query", "body")
ECHO = " ".join(SECRETS.values())
"""What the server echoes: every secret (a call with its own config does not send the client's)."""
SERVICE_ACCOUNT = {
    "type": "service_account",
    "project_id": "4096",
    "private_key": SECRETS["private_key"],
    "client_email": "robot@example.iam.gserviceaccount.com",
}


def build(make_client: ClientFactory) -> Portkey | AsyncPortkey:
    return make_client(
        base_url=f"https://{SECRETS['user']}:{SECRETS['password']}@gateway.test/v1",
        api_key=SECRETS["api_key"],
        virtual_key=SECRETS["virtual_key"],
        aws_secret_access_key=SECRETS["aws_secret_access_key"],
        vertex_service_account_json=SERVICE_ACCOUNT,
        config={
            "strategy": {"mode": "fallback"},
            "targets": [{"provider": "openai", "api_key": SECRETS["config"]}],
        },
        default_headers={"x-api-key": SECRETS["default_header"]},
        max_retries=0,
    )


CALL: dict[str, Any] = {
    "extra_headers": {"X-Session-Token": SECRETS["extra_header"]},
    "config": {
        "strategy": {"mode": "single"},
        "targets": [{"provider": "openai", "api_key": SECRETS["call_config"]}],
    },
    "extra_query": {"api_key": SECRETS["query"]},
    "extra_body": {"api_key": SECRETS["body"]},
}


def shown(error: BaseException) -> str:
    """Every text an error shows: str, repr, message, body, and the whole traceback with its causes."""
    parts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    if isinstance(error, APIError):
        parts += [error.message, json.dumps(error.body, default=str)]
    return "\n".join(parts)


def assert_no_secret(text: str, secrets: dict[str, str] = SECRETS) -> None:
    leaked = [name for name, secret in secrets.items() if secret in text]
    assert leaked == [], text


def event(data: str, name: str | None = None) -> str:
    return (f"event: {name}\n" if name else "") + f"data: {data}\n\n"


ERROR_PATHS: dict[str, tuple[Callable[[], Any], type[APIError], bool]] = {
    "status-json": (
        lambda: json_reply({"error": {"message": f"bad key {ECHO}", "echo": ECHO}}, 401),
        APIStatusError,
        False,
    ),
    "status-text": (lambda: text_reply(f"denied {ECHO}", 403), APIStatusError, False),
    "status-html": (lambda: text_reply(f"<html>{ECHO}</html>", 502, "text/html"), APIStatusError, False),
    "body-not-json": (
        lambda: text_reply(f"{{{ECHO}", 200, "application/json"),
        APIResponseValidationError,
        False,
    ),
    "body-wrong-shape": (
        lambda: json_reply({"choices": ECHO, "id": ECHO}),
        APIResponseValidationError,
        False,
    ),
    "not-a-stream": (lambda: json_reply({"message": ECHO}, 200), APIResponseValidationError, True),
    "stream-error-event": (
        lambda: sse_reply(chunk_event("one"), event(json.dumps({"error": {"message": ECHO}}), "error"))[0],
        APIStreamError,
        True,
    ),
    "stream-not-json": (lambda: sse_reply(event(ECHO))[0], APIStreamError, True),
    "stream-error-text": (lambda: sse_reply(event(ECHO, "error"))[0], APIStreamError, True),
    "transport": (lambda: httpx.ConnectError(f"refused {ECHO}"), APIConnectionError, False),
}


@pytest.mark.parametrize("per_call", [False, True], ids=["client-options", "call-options"])
@pytest.mark.parametrize("path", ERROR_PATHS)
async def test_no_error_path_shows_a_secret(
    path: str,
    per_call: bool,
    make_client: ClientFactory,
    gateway: MockGateway,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="portkey_typed")
    reply, expected, stream = ERROR_PATHS[path]
    gateway.script(reply())
    client = build(make_client)

    with pytest.raises(expected) as caught:
        options = CALL if per_call else {}
        result = await resolve(
            client.chat.completions.create(model="m", messages=MESSAGES, stream=stream, **options)
        )
        await collect(result)

    unsent = ("config",) if per_call else CALL_SECRETS
    sent = {name: secret for name, secret in SECRETS.items() if name not in unsent}
    assert_no_secret(shown(caught.value), sent)
    assert_no_secret(caplog.text, sent)


async def test_a_raw_response_that_fails_to_parse_shows_no_secret(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    gateway.script(json_reply({"choices": ECHO}))
    raw = await resolve(
        build(make_client).chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    )

    with pytest.raises(APIResponseValidationError) as caught:
        raw.parse()

    assert_no_secret(shown(caught.value), {n: s for n, s in SECRETS.items() if n not in CALL_SECRETS})


async def test_the_reprs_show_no_secret(make_client: ClientFactory, gateway: MockGateway) -> None:
    client = build(make_client)
    raw = await resolve(
        client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES, **CALL)
    )

    for text in (repr(client), repr(client.with_options(trace_id="t")), repr(raw), repr(raw.parse())):
        assert_no_secret(text)
    assert "gateway.test" in repr(client)


async def test_masking_stops_at_the_secrets(make_client: ClientFactory, gateway: MockGateway) -> None:
    """A service account's project id or a number next to a key is not a secret."""
    gateway.script(
        json_reply({"error": {"message": "max_tokens must be <= 4096 for robot@example.iam"}}, 400)
    )

    with pytest.raises(APIStatusError) as caught:
        await resolve(build(make_client).chat.completions.create(model="m", messages=MESSAGES))

    assert caught.value.message == "max_tokens must be <= 4096 for robot@example.iam"


@pytest.mark.parametrize(
    ("options", "option"),
    [
        (
            {
                "config": {
                    "strategy": {"mode": "single"},
                    "targets": [{"provider": "x", "api_key": 987654321}],
                }
            },
            "config.targets[0].api_key",
        ),
        (
            {"config": {"strategy": {"mode": "fallback"}, "targets": {"api_key": SECRETS["config"]}}},
            "config.targets",
        ),
        ({"base_url": f"ftp://{SECRETS['user']}:{SECRETS['password']}@gateway.test/v1"}, "base_url"),
        ({"base_url": f"https://{SECRETS['user']}:{SECRETS['password']}@gateway.test:99999/v1"}, "base_url"),
    ],
    ids=[
        "config-key-of-the-wrong-type",
        "config-target-of-the-wrong-type",
        "base-url-scheme",
        "base-url-port",
    ],
)
def test_a_refused_option_does_not_quote_its_secret(options: dict[str, Any], option: str) -> None:
    with pytest.raises(PortkeyValidationError) as caught:
        Portkey(**options)

    assert caught.value.option == option
    assert "987654321" not in shown(caught.value)
    assert_no_secret(shown(caught.value))


def test_a_password_in_the_base_url_goes_out_as_basic_authorization(gateway: MockGateway) -> None:
    client = Portkey(base_url="https://me:s3cret-pass@gateway.test/v1", http_client=gateway.sync_http())

    client.chat.completions.create(model="m", messages=MESSAGES)

    assert gateway.last.url == "https://gateway.test/v1/chat/completions"
    assert gateway.last.headers["authorization"] == "Basic bWU6czNjcmV0LXBhc3M="
    assert "s3cret-pass" not in repr(client)
