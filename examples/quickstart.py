"""Quickstart: a chat completion, a streamed one, and a fallback whose first target fails.

The same script runs against a self-hosted gateway or against hosted Portkey; the environment decides.

Self-hosted gateway plus any OpenAI-compatible server (this is what `make demo` sets up for you)::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 DEMO_UPSTREAM_URL=http://127.0.0.1:9000/v1 \\
        python examples/quickstart.py

  Requests go to the gateway with provider `openai` and the server as its custom host.

Hosted Portkey (leave DEMO_UPSTREAM_URL and PORTKEY_BASE_URL unset; the client then uses
https://api.portkey.ai/v1 because an API key is given)::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/quickstart.py
    PORTKEY_API_KEY=pk-... PORTKEY_PROVIDER=openai PROVIDER_API_KEY=sk-... python examples/quickstart.py

Other knobs: DEMO_MODEL (default gpt-4o-mini). The fallback's first target overrides the model with
DEMO_FAILING_MODEL (default `model-that-does-not-exist`); the provider refuses that model, so the
gateway moves on to the second target and says so in `x-portkey-last-used-option-index`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

from portkey_typed import APIError, Portkey

MODEL = os.environ.get("DEMO_MODEL", "gpt-4o-mini")
FAILING_MODEL = os.environ.get("DEMO_FAILING_MODEL", "model-that-does-not-exist")
LOCAL_PROVIDER_KEY = "sk-local-demo"  # any value: a local OpenAI-compatible server does not check it


@dataclass(frozen=True)
class Connection:
    """Where requests go: the client's options, and the same provider as a config target."""

    client_options: dict[str, Any]
    target: dict[str, Any]


def local_connection(upstream_url: str) -> Connection:
    return Connection(
        client_options={
            "provider": "openai",
            "custom_host": upstream_url,
            "authorization": LOCAL_PROVIDER_KEY,
        },
        target={"provider": "openai", "api_key": LOCAL_PROVIDER_KEY, "custom_host": upstream_url},
    )


def hosted_connection() -> Connection:
    virtual_key = os.environ.get("PORTKEY_VIRTUAL_KEY")
    if virtual_key:
        return Connection(client_options={"virtual_key": virtual_key}, target={"virtual_key": virtual_key})
    provider = os.environ.get("PORTKEY_PROVIDER")
    if not provider:
        sys.exit("Set DEMO_UPSTREAM_URL (self-hosted) or PORTKEY_VIRTUAL_KEY / PORTKEY_PROVIDER (hosted).")
    options: dict[str, Any] = {"provider": provider}
    target: dict[str, Any] = {"provider": provider}
    provider_key = os.environ.get("PROVIDER_API_KEY")
    if provider_key:
        options["authorization"] = provider_key
        target["api_key"] = provider_key
    return Connection(client_options=options, target=target)


def make_client(connection: Connection) -> Portkey:
    options = dict(connection.client_options)
    if os.environ.get("PORTKEY_BASE_URL"):
        options["base_url"] = os.environ["PORTKEY_BASE_URL"]
    if os.environ.get("PORTKEY_API_KEY"):
        options["api_key"] = os.environ["PORTKEY_API_KEY"]
    return Portkey(**options)


def describe(portkey_headers: Any) -> str:
    """One line out of the Portkey response headers."""
    return (
        f"trace id={portkey_headers.trace_id!r} provider={portkey_headers.provider!r} "
        f"option used={portkey_headers.last_used_option_index!r} "
        f"retries={portkey_headers.retry_attempt_count!r} cache={portkey_headers.cache_status!r}"
    )


def chat(client: Portkey) -> None:
    print("== chat completion")
    raw = client.chat.completions.with_raw_response.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Say hello in five words."}],
        trace_id="quickstart-chat",
    )
    completion = raw.parse()
    print(f"answer : {completion.choices[0].message.content}")
    print(f"headers: {describe(raw.portkey)}")


def streamed_chat(client: Portkey) -> None:
    print("== streamed chat completion")
    print("answer : ", end="", flush=True)
    with client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Count from one to five."}],
        stream=True,
        trace_id="quickstart-stream",
    ) as stream:
        for chunk in stream:
            if chunk.choices:
                print(chunk.choices[0].delta.content or "", end="", flush=True)
    print()


def fallback(client: Portkey, connection: Connection) -> None:
    print("== fallback: the first target asks for a model that does not exist")
    config = {
        "strategy": {"mode": "fallback"},
        "targets": [{**connection.target, "override_params": {"model": FAILING_MODEL}}, connection.target],
    }
    raw = client.chat.completions.with_raw_response.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Which target answered?"}],
        config=config,
        trace_id="quickstart-fallback",
    )
    print(f"answer : {raw.parse().choices[0].message.content}")
    print(f"headers: {describe(raw.portkey)}")


def main() -> int:
    upstream_url = os.environ.get("DEMO_UPSTREAM_URL")
    connection = local_connection(upstream_url) if upstream_url else hosted_connection()
    with make_client(connection) as client:
        try:
            chat(client)
            streamed_chat(client)
            fallback(client, connection)
        except APIError as error:
            print(f"request failed: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
