"""Streaming chat completions, sync and async: print the text as it arrives, then use the whole reply.

`create(..., stream=True)` returns a `Stream` (an `AsyncStream` on `AsyncPortkey`) of typed
`ChatCompletionChunk`s; use it as a context manager so the connection is released even when you stop
early. `accumulate_chat_completion` joins the chunks into the `ChatCompletion` a plain call returns
(content, tool calls and, with `stream_options={"include_usage": True}`, the token usage).

Against a gateway on this machine (`make demo EXAMPLE=examples/streaming.py` starts the real gateway
and a local model server, then runs this), or a gateway you started yourself::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/streaming.py

Against hosted Portkey::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/streaming.py
"""

from __future__ import annotations

import asyncio

from portkey_typed import AsyncPortkey, Portkey, accumulate_chat_completion, async_accumulate_chat_completion

from example_setup import model


def print_as_it_arrives(client: Portkey) -> None:
    print("== sync, printed as it arrives")
    with client.chat.completions.create(
        model=model(), messages=[{"role": "user", "content": "Count from one to five."}], stream=True
    ) as stream:
        for chunk in stream:
            if chunk.choices:  # the usage chunk at the end has no choices
                print(chunk.choices[0].delta.content or "", end="", flush=True)
    print()


def accumulated(client: Portkey) -> None:
    print("== sync, accumulated")
    with client.chat.completions.create(
        model=model(),
        messages=[{"role": "user", "content": "Describe a lighthouse in one line."}],
        stream=True,
        stream_options={"include_usage": True},
    ) as stream:
        chat = accumulate_chat_completion(stream)
    print(f"reply : {chat.choices[0].message.content}")
    print(f"finish: {chat.choices[0].finish_reason}, usage: {chat.usage and chat.usage.total_tokens} tokens")


async def async_streaming() -> None:
    print("== async, printed as it arrives, then accumulated")
    async with AsyncPortkey() as client:
        stream = await client.chat.completions.create(
            model=model(), messages=[{"role": "user", "content": "Name three seas."}], stream=True
        )
        async with stream:
            async for chunk in stream:
                if chunk.choices:
                    print(chunk.choices[0].delta.content or "", end="", flush=True)
        print()
        stream = await client.chat.completions.create(
            model=model(), messages=[{"role": "user", "content": "Name three lakes."}], stream=True
        )
        async with stream:
            chat = await async_accumulate_chat_completion(stream)
        print(f"reply : {chat.choices[0].message.content}")


def main() -> None:
    with Portkey() as client:
        print_as_it_arrives(client)
        accumulated(client)
    asyncio.run(async_streaming())


if __name__ == "__main__":
    main()
