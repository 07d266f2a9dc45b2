"""Async calls: one `AsyncPortkey` and several chat completions in flight at once with `asyncio.gather`.

The client holds one connection pool; open it once (here with `async with`) and share it between tasks.
`return_exceptions=True` keeps one failed call from cancelling the others.

Against a gateway on this machine (`make demo EXAMPLE=examples/async_calls.py` starts the real gateway
and a local model server, then runs this), or a gateway you started yourself::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/async_calls.py

Against hosted Portkey::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/async_calls.py
"""

from __future__ import annotations

import asyncio

from portkey_typed import APIError, AsyncPortkey

from example_setup import model

QUESTIONS = ["Name a prime number.", "Name a colour.", "Name a river.", "Name a planet."]


async def ask(client: AsyncPortkey, question: str) -> str:
    chat = await client.chat.completions.create(
        model=model(), messages=[{"role": "user", "content": question}], max_tokens=20
    )
    return chat.choices[0].message.content or ""


async def main() -> None:
    async with AsyncPortkey() as client:
        answers = await asyncio.gather(*(ask(client, q) for q in QUESTIONS), return_exceptions=True)
    for question, answer in zip(QUESTIONS, answers, strict=True):
        if isinstance(answer, APIError):
            print(f"{question} -> failed: {type(answer).__name__}: {answer}")
        elif isinstance(answer, BaseException):
            raise answer
        else:
            print(f"{question} -> {answer}")


if __name__ == "__main__":
    asyncio.run(main())
