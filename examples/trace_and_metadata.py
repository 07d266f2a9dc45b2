"""A trace id and metadata for one call (or one request of your service) with `with_options`.

Portkey's per-call options (trace_id, metadata, config, cache_force_refresh, cache_namespace...) go
through `client.with_options(...)`: it returns a copy of the client with those options changed and
shares the original's connection pool, so making one per request is cheap. Nothing set on the copy
reaches the original or later calls. Metadata is merged key by key over the client's own, and its
values must be strings (the client says so before sending). The keywords of `create()` itself are the
provider's request fields (so `metadata=` there is OpenAI's stored-completion metadata).

In Portkey's logs the trace id groups the calls of one request and metadata becomes filters
(`_user` is shown as the user); conditional routing can also read it (see examples/routing.py).

Against a gateway on this machine (`make demo EXAMPLE=examples/trace_and_metadata.py` starts the real
gateway and a local model server, then runs this), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/trace_and_metadata.py

Against hosted Portkey::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/trace_and_metadata.py
"""

from __future__ import annotations

import uuid

from portkey_typed import Portkey

from example_setup import model


def handle_request(client: Portkey, user_id: str, question: str) -> None:
    """What a request handler does: one traced copy of the shared client for this request's calls."""
    traced = client.with_options(trace_id=f"req-{uuid.uuid4().hex[:12]}", metadata={"_user": user_id})
    for step in ("draft", "review"):
        raw = traced.chat.completions.with_raw_response.create(
            model=model(), messages=[{"role": "user", "content": f"{step}: {question}"}], max_tokens=30
        )
        print(f"{step:6}: trace id {raw.portkey.trace_id}: {raw.parse().choices[0].message.content}")


def main() -> None:
    # Metadata every call of this client carries; with_options adds to it.
    with Portkey(metadata={"service": "examples", "environment": "dev"}) as client:
        handle_request(client, "user-42", "Summarise our refund policy.")
        handle_request(client, "user-7", "Summarise our shipping policy.")
        raw = client.chat.completions.with_raw_response.create(
            model=model(), messages=[{"role": "user", "content": "untraced"}], max_tokens=5
        )
        print(f"the shared client itself sends no trace id: {raw.portkey.trace_id!r}")


if __name__ == "__main__":
    main()
