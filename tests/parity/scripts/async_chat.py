"""A chat completion and a stream with the asynchronous client."""

import asyncio
import json
import os

from portkey_ai import AsyncPortkey


async def main() -> None:
    client = AsyncPortkey(
        base_url=os.environ["PARITY_BASE_URL"],
        provider="openai",
        custom_host=os.environ["PARITY_UPSTREAM"],
        Authorization="sk-parity",
        trace_id="parity-async",
    )
    messages = [{"role": "user", "content": "Hi from asyncio"}]
    completion = await client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    stream = await client.chat.completions.create(model="gpt-4o-mini", messages=messages, stream=True)
    text = ""
    async for chunk in stream:
        if chunk.choices:
            text += chunk.choices[0].delta.content or ""
    print(json.dumps({"content": completion.choices[0].message.content, "streamed": text}))


asyncio.run(main())
