"""Chat completions: plain, streamed, raw, async."""

from __future__ import annotations

from portkey_typed import (
    AsyncPortkey,
    AsyncStream,
    Portkey,
    PortkeyResponseHeaders,
    RawResponse,
    Stream,
    accumulate_chat_completion,
)
from portkey_typed.types import ChatCompletion, ChatCompletionChunk, ChatCompletionRequestUserMessageParam


def answer(client: Portkey) -> str | None:
    # Portkey's per-call options through with_options; `metadata=` on create is OpenAI's body field.
    scoped = client.with_options(trace_id="trace-1", metadata={"_user": "u-1"})
    completion: ChatCompletion = scoped.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "Hello"}]},
        ],
        temperature=0.2,
        max_tokens=64,
        metadata={"purpose": "eval"},
        store=True,
    )
    return completion.choices[0].message.content


def with_a_tool(client: Portkey) -> ChatCompletion:
    # A list of one message type where a list of any message is asked; a tool's JSON Schema as a dict.
    history: list[ChatCompletionRequestUserMessageParam] = [{"role": "user", "content": "Weather in Paris?"}]
    return client.chat.completions.create(
        model="gpt-4o-mini",
        messages=history,
        tools=[
            {
                "type": "function",
                "function": {
                    "name": "get_weather",
                    "parameters": {
                        "type": "object",
                        "properties": {"city": {"type": "string"}},
                        "required": ["city"],
                    },
                },
            }
        ],
    )


def streamed(client: Portkey) -> str:
    parts: list[str] = []
    stream: Stream[ChatCompletionChunk] = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}], stream=True
    )
    with stream:
        for chunk in stream:
            delta = chunk.choices[0].delta.content if chunk.choices else None
            if isinstance(delta, str):
                parts.append(delta)
    return "".join(parts)


def joined(client: Portkey) -> ChatCompletion:
    stream = client.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "Hi"}], stream=True
    )
    return accumulate_chat_completion(stream)


def headers(client: Portkey) -> tuple[str | None, ChatCompletion]:
    raw: RawResponse[ChatCompletion] = client.chat.completions.with_raw_response.create(
        model="m", messages=[{"role": "user", "content": "Hi"}]
    )
    portkey: PortkeyResponseHeaders = raw.portkey
    return portkey.last_used_option_index, raw.parse()


async def async_answer(client: AsyncPortkey) -> int:
    completion = await client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}])
    stream: AsyncStream[ChatCompletionChunk] = await client.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "Hi"}], stream=True
    )
    count = 0
    async with stream:
        async for _chunk in stream:
            count += 1
    return count + len(completion.choices)


def rejected(client: Portkey) -> None:
    client.chat.completions.create(
        model="m",
        messages=[{"role": "wizard", "content": "Hi"}],  # type: ignore[misc, list-item]  # pyright: ignore[reportArgumentType]
    )
    client.chat.completions.create(messages=[{"role": "user", "content": "Hi"}])  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    client.chat.completions.create(model="m", messages=[], temperatur=1)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]


def misspelt(client: Portkey) -> None:
    # A misspelt keyword, on its own line: pyright reports it there ("No parameter named
    # "dimension""); mypy names it at the call ("Unexpected keyword argument "dimension" for "create" of
    # "Embeddings"; did you mean "dimensions"?").
    client.embeddings.create(  # type: ignore[call-arg]
        model="text-embedding-3-small",
        input="x",
        dimension=3,  # pyright: ignore[reportCallIssue]
    )
    # A per-call option where the body has a field of that name: only the field exists (no alias).
    client.feedback.create(  # type: ignore[call-arg]
        trace_id="trace-1",
        value=1,
        portkey_trace_id="trace-1",  # pyright: ignore[reportCallIssue]
    )
