"""The decoding policy: additive changes never lose a response, a value of the wrong JSON type is an
`APIResponseValidationError` naming its path, and a body that is not JSON says what came."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.models.chat_completion_message_tool_call import ChatCompletionMessageToolCall
from portkey_generated.types import UNSET, DecodeError
from portkey_typed import APIResponseValidationError

from .conftest import ClientFactory
from .flavors import collect, resolve
from .mock_gateway import (
    CHAT_COMPLETION,
    MESSAGES,
    MockGateway,
    chunk_event,
    json_reply,
    sse_reply,
    text_reply,
)

DONE = "data: [DONE]\n\n"


def completion(**changes: Any) -> dict[str, Any]:
    """The mock gateway's chat completion with `changes` applied; keys like `choices.0.message.role`."""
    body = copy.deepcopy(CHAT_COMPLETION)
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        target: Any = body
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return body


async def chat(make_client: ClientFactory, gateway: MockGateway, body: Any) -> ChatCompletion:
    gateway.script(json_reply(body))
    result: ChatCompletion = await resolve(
        make_client().chat.completions.create(model="m", messages=MESSAGES)
    )
    return result


async def rejected(make_client: ClientFactory, gateway: MockGateway, body: Any) -> str:
    with pytest.raises(APIResponseValidationError) as caught:
        await chat(make_client, gateway, body)
    assert caught.value.status_code == 200
    return caught.value.message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"choices.0.message.content": 42},
            "choices[0].message.content: expected string or null, got integer",
        ),
        ({"created": "yesterday"}, "created: expected integer, got string"),
        ({"usage.total_tokens": "two"}, "usage.total_tokens: expected integer, got string"),
        ({"created": True}, "created: expected integer, got boolean"),
        ({"choices": {"index": 0}}, "choices: expected array, got object"),
        ({"choices.0.message": ["hi"]}, "choices[0].message: expected object, got array"),
        ({"usage": None}, "usage: expected object, got null"),
    ],
)
async def test_a_value_of_the_wrong_json_type_names_its_path(
    make_client: ClientFactory, gateway: MockGateway, change: dict[str, Any], expected: str
) -> None:
    message = await rejected(make_client, gateway, completion(**change))

    assert message == f"createChatCompletion: the response does not match its schema: {expected}"


async def test_a_missing_required_field_names_its_path(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    body = completion()
    del body["choices"][0]["message"]["role"]

    message = await rejected(make_client, gateway, body)

    assert message.endswith(": choices[0].message.role: missing, but the description requires it")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"", "HTTP 200 with an empty body (application/json) where JSON was expected"),
        (b"<html>", "HTTP 200 with a body that is not JSON: '<html>'"),
    ],
)
async def test_an_empty_or_non_json_body_says_what_came(
    make_client: ClientFactory, gateway: MockGateway, body: bytes, expected: str
) -> None:
    gateway.script(text_reply(body.decode(), 200, "application/json"))

    with pytest.raises(APIResponseValidationError) as caught:
        await resolve(make_client().chat.completions.create(model="m", messages=MESSAGES))

    assert caught.value.message == f"createChatCompletion: {expected}"


async def test_a_list_where_an_object_belongs_names_the_body(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    message = await rejected(make_client, gateway, [CHAT_COMPLETION])

    assert message.endswith("does not match its schema: the body: expected object, got array")


async def test_unknown_enum_and_const_values_are_kept(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    body = completion(
        **{
            "object": "chat.completion.v2",
            "choices.0.message.role": "narrator",
            "choices.0.finish_reason": "banana",
        }
    )

    result = await chat(make_client, gateway, body)

    assert result.object_ == "chat.completion.v2"
    assert result.choices[0].message.role == "narrator"
    assert result.choices[0].finish_reason == "banana"
    assert result.to_dict() == body


async def test_new_fields_land_in_additional_properties(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    body = completion(**{"provider": "openai", "choices.0.message.reasoning": "because"})

    result = await chat(make_client, gateway, body)

    assert result.additional_properties == {"provider": "openai"}
    assert result.choices[0].message["reasoning"] == "because"
    assert result.to_dict() == body


async def test_an_object_of_an_unknown_type_is_kept(make_client: ClientFactory, gateway: MockGateway) -> None:
    custom = {"id": "call_1", "type": "custom", "custom": {"name": "grep", "input": "x"}}
    body = completion(**{"choices.0.message.tool_calls": [custom]})

    result = await chat(make_client, gateway, body)

    (call,) = result.choices[0].message.tool_calls or []
    assert isinstance(call, ChatCompletionMessageToolCall)
    assert call.type_ == "custom"
    assert call.function is UNSET
    assert call.additional_properties == {"custom": {"name": "grep", "input": "x"}}
    assert call.to_dict() == custom
    assert result.to_dict() == body


async def test_a_chunk_of_the_wrong_type_names_its_path(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    bad = json.loads(chunk_event("x")[len("data: ") :])
    bad["choices"][0]["delta"]["content"] = 7
    response, _ = sse_reply(chunk_event("a"), f"data: {json.dumps(bad)}\n\n", DONE)
    gateway.script(response)
    stream = await resolve(make_client().chat.completions.create(model="m", messages=MESSAGES, stream=True))

    with pytest.raises(APIResponseValidationError) as caught:
        await collect(stream)

    assert caught.value.message == (
        "the stream sent a chunk that does not match its schema: "
        "choices[0].delta.content: expected string or null, got integer"
    )


async def test_an_event_of_a_union_stream_names_its_path_from_the_event(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    # Responses' events are a union, decoded through a generated envelope module; the path starts at the
    # event, not at the envelope's `data`.
    event = {"type": "response.output_text.delta", "item_id": 5, "output_index": 0, "content_index": 0}
    response, _ = sse_reply(f"event: {event['type']}\ndata: {json.dumps({**event, 'delta': 'x'})}\n\n")
    gateway.script(response)
    stream = await resolve(make_client().responses.create(model="m", input="hi", stream=True))

    with pytest.raises(APIResponseValidationError) as caught:
        await collect(stream)

    assert caught.value.message == (
        "the stream sent a chunk that does not match its schema: item_id: expected string, got integer"
    )


async def test_a_chunk_with_a_new_role_and_field_is_kept(
    make_client: ClientFactory, gateway: MockGateway
) -> None:
    response, _ = sse_reply(chunk_event(role="narrator", sparkle=True), DONE)
    gateway.script(response)
    stream = await resolve(make_client().chat.completions.create(model="m", messages=MESSAGES, stream=True))

    (chunk,) = await collect(stream)

    assert chunk.choices[0].delta.role == "narrator"
    assert chunk.choices[0].delta.additional_properties == {"sparkle": True}


def test_lenient_checks_accept_subclasses_and_integral_floats() -> None:
    body = completion(created=1700000000.0)
    body["model"] = type("Name", (str,), {})("gpt")

    result = ChatCompletion.from_dict(body)

    assert result.created == 1700000000
    assert type(result.created) is int
    assert result.model == "gpt"


def test_decode_error_is_a_value_error_with_a_path() -> None:
    with pytest.raises(ValueError, match=r"^choices\[0\]\.index: expected integer, got string$") as caught:
        ChatCompletion.from_dict(completion(**{"choices.0.index": "0"}))

    assert isinstance(caught.value, DecodeError)
    assert caught.value.path == "choices[0].index"
    assert caught.value.problem == "expected integer, got string"
