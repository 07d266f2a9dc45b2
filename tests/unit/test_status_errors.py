"""Each error status becomes its own exception, with a clean message whatever body the gateway sent."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from portkey_typed import (
    APIError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    PortkeyError,
    RateLimitError,
    RequestTimeoutError,
    UnprocessableEntityError,
)

from .conftest import ClientFactory
from .flavors import resolve
from .mock_gateway import MESSAGES, MockGateway, json_reply, text_reply

ERROR_HEADERS = {"x-request-id": "req-42", "x-portkey-trace-id": "trace-42"}


async def failure(make_client: ClientFactory, gateway: MockGateway, reply: httpx.Response) -> APIStatusError:
    gateway.script(reply)
    client = make_client(max_retries=0)
    with pytest.raises(APIStatusError) as caught:
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))
    assert len(gateway.requests) == 1
    return caught.value


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (408, RequestTimeoutError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
async def test_each_status_maps_to_its_class(
    status: int, error_class: type[APIStatusError], make_client: ClientFactory, gateway: MockGateway
) -> None:
    inner = {"message": f"failed with {status}", "type": "x", "code": "c", "param": "p"}
    body = {"error": inner, "provider": "openai"}

    error = await failure(make_client, gateway, json_reply(body, status, ERROR_HEADERS))

    assert type(error) is error_class
    assert isinstance(error, APIError)
    assert isinstance(error, PortkeyError)
    assert error.status_code == status
    assert error.body == inner
    assert (error.code, error.type, error.param) == ("c", "x", "p")
    assert error.message == f"failed with {status}"
    assert str(error) == f"Error code: {status} - failed with {status}"
    assert error.request_id == "req-42"
    assert error.trace_id == "trace-42"
    assert error.request is gateway.last
    assert error.response.status_code == status


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {
                "status": "failure",
                "message": "Either x-portkey-config or x-portkey-provider header is required",
            },
            "Either x-portkey-config or x-portkey-provider header is required",
        ),
        (
            {
                "error": {
                    "message": "Incorrect model",
                    "type": "invalid_request_error",
                    "param": None,
                    "code": None,
                },
                "provider": "openai",
            },
            "Incorrect model",
        ),
        (
            {"html-message": "Message: fetch failed Cause: connect ECONNREFUSED"},
            "Message: fetch failed Cause: connect ECONNREFUSED",
        ),
        ({"error": "plain error text"}, "plain error text"),
        ({"message": "Not Found", "ok": False}, "Not Found"),
    ],
)
async def test_gateway_error_bodies_give_a_clean_message(
    body: dict[str, Any], message: str, make_client: ClientFactory, gateway: MockGateway
) -> None:
    error = await failure(make_client, gateway, json_reply(body, 400))

    assert error.message == message
    assert error.body == (body["error"] if isinstance(body.get("error"), dict) else body)


@pytest.mark.parametrize(
    ("body", "inner", "fields"),
    [
        ({"status": "failure", "message": "Invalid config passed"}, None, (None, None, None)),
        (
            {
                "error": {
                    "message": "The model `x` does not exist",
                    "type": "invalid_request_error",
                    "param": "model",
                    "code": "model_not_found",
                },
                "provider": "openai",
            },
            "error",
            ("model_not_found", "invalid_request_error", "model"),
        ),
        ({"html-message": "Message: fetch failed Cause: connect ECONNREFUSED"}, None, (None, None, None)),
        ({"success": False, "data": {"message": "Workspace not found"}}, None, (None, None, None)),
    ],
)
async def test_errors_carry_the_openai_attributes_for_every_error_shape(
    body: dict[str, Any],
    inner: str | None,
    fields: tuple[str | None, str | None, str | None],
    make_client: ClientFactory,
    gateway: MockGateway,
) -> None:
    error = await failure(make_client, gateway, json_reply(body, 404, ERROR_HEADERS))

    assert error.status_code == 404
    assert error.body == (body[inner] if inner else body)
    assert (error.code, error.type, error.param) == fields
    assert error.request_id == "req-42"
    assert error.response.json() == body
    assert error.trace_id == "trace-42"
    assert error.message


async def test_an_html_page_says_so(make_client: ClientFactory, gateway: MockGateway) -> None:
    page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"

    error = await failure(make_client, gateway, text_reply(page, 502, "text/html"))

    assert error.message.startswith("HTTP 502 with an HTML page instead of JSON: ")
    assert "502 Bad Gateway" in error.message
    assert error.body == page


async def test_an_empty_body_says_so(make_client: ClientFactory, gateway: MockGateway) -> None:
    error = await failure(make_client, gateway, httpx.Response(503))

    assert error.message == "HTTP 503 with an empty body"
    assert error.body is None


async def test_a_body_that_is_not_json_says_so(make_client: ClientFactory, gateway: MockGateway) -> None:
    error = await failure(
        make_client, gateway, text_reply('{"error": {"message": "trunc', 500, "application/json")
    )

    assert error.message.startswith("HTTP 500 with a body that is not JSON: ")
    assert "trunc" in error.message


async def test_a_json_body_without_a_message_says_so(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    error = await failure(make_client, gateway, json_reply({"ok": False, "code": 17}, 400))

    assert error.message.startswith("HTTP 400 with a JSON body that carries no message: ")
    assert "17" in error.message


async def test_a_long_body_is_shortened_in_the_message(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    error = await failure(make_client, gateway, text_reply("x" * 5000, 500))

    assert len(error.message) < 300
    assert error.message.endswith("...")
    assert error.body == "x" * 5000


async def test_a_success_that_is_not_json_is_a_validation_error(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    gateway.script(text_reply("<html>login page</html>", 200, "text/html"))
    client = make_client()

    with pytest.raises(APIResponseValidationError) as caught:
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert "not JSON" in caught.value.message
    assert "createChatCompletion" in caught.value.message
    assert caught.value.status_code == 200


async def test_a_success_that_misses_required_fields_is_a_validation_error(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    gateway.script(json_reply({"id": "chatcmpl-1", "object": "chat.completion"}))
    client = make_client()

    with pytest.raises(APIResponseValidationError) as caught:
        await resolve(client.chat.completions.create(model="m", messages=MESSAGES))

    assert "does not match its schema" in caught.value.message
    assert caught.value.body == {"id": "chatcmpl-1", "object": "chat.completion"}
