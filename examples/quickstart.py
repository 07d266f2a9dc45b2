"""Quickstart: a chat completion, a streamed one, and a fallback whose first target fails.

The same script runs against a self-hosted gateway or against hosted Portkey; the environment decides.

Self-hosted gateway plus any OpenAI-compatible server (this is what `make demo` sets up for you)::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 DEMO_UPSTREAM_URL=http://127.0.0.1:9000/v1 \\
        python examples/quickstart.py

  Requests go to the gateway with provider `openai` and the server as its custom host.

Hosted Portkey: leave DEMO_UPSTREAM_URL and PORTKEY_BASE_URL unset. The client reads PORTKEY_API_KEY,
PORTKEY_VIRTUAL_KEY and PORTKEY_PROVIDER itself and, since an API key is set, calls
https://api.portkey.ai/v1::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/quickstart.py
    PORTKEY_API_KEY=pk-... PORTKEY_PROVIDER=openai PROVIDER_API_KEY=sk-... python examples/quickstart.py

Other knobs: DEMO_MODEL (default gpt-4o-mini). The fallback's first target overrides the model with
DEMO_FAILING_MODEL (default `model-that-does-not-exist`); the provider refuses that model, so the
gateway moves on to the second target and says so in `x-portkey-last-used-option-index`.
"""

from __future__ import annotations

import os
import sys

from portkey_typed import APIError, Portkey, PortkeyResponseHeaders
from portkey_typed.types import GatewayConfig, Target

MODEL = os.environ.get("DEMO_MODEL", "gpt-4o-mini")
FAILING_MODEL = os.environ.get("DEMO_FAILING_MODEL", "model-that-does-not-exist")
LOCAL_PROVIDER_KEY = "sk-local-demo"  # any value: a local OpenAI-compatible server does not check it


def local_client(upstream_url: str) -> tuple[Portkey, Target]:
    """A client for a self-hosted gateway (PORTKEY_BASE_URL) in front of an OpenAI-compatible server."""
    client = Portkey(provider="openai", custom_host=upstream_url, authorization=LOCAL_PROVIDER_KEY)
    target: Target = {"provider": "openai", "api_key": LOCAL_PROVIDER_KEY, "custom_host": upstream_url}
    return client, target


def hosted_client() -> tuple[Portkey, Target]:
    """A client for hosted Portkey; the keys come from the environment."""
    provider_key = os.environ.get("PROVIDER_API_KEY")
    virtual_key = os.environ.get("PORTKEY_VIRTUAL_KEY")
    provider = os.environ.get("PORTKEY_PROVIDER")
    if virtual_key:
        target: Target = {"virtual_key": virtual_key}
    elif provider:
        target = {"provider": provider}
        if provider_key:
            target["api_key"] = provider_key
    else:
        sys.exit("Set DEMO_UPSTREAM_URL (self-hosted), or PORTKEY_VIRTUAL_KEY or PORTKEY_PROVIDER (hosted).")
    return Portkey(authorization=provider_key), target


def describe(headers: PortkeyResponseHeaders) -> str:
    """One line out of the Portkey response headers."""
    return (
        f"trace id={headers.trace_id!r} provider={headers.provider!r} "
        f"option used={headers.last_used_option_index!r} "
        f"retries={headers.retry_attempt_count!r} cache={headers.cache_status!r}"
    )


def chat(client: Portkey) -> None:
    print("== chat completion")
    traced = client.with_options(trace_id="quickstart-chat")  # Portkey options for these calls only
    raw = traced.chat.completions.with_raw_response.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Say hello in five words."}],
    )
    print(f"answer : {raw.parse().choices[0].message.content}")
    print(f"headers: {describe(raw.portkey)}")


def streamed_chat(client: Portkey) -> None:
    print("== streamed chat completion")
    print("answer : ", end="", flush=True)
    with client.with_options(trace_id="quickstart-stream").chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Count from one to five."}],
        stream=True,
    ) as stream:
        for chunk in stream:
            if chunk.choices:
                print(chunk.choices[0].delta.content or "", end="", flush=True)
    print()


def fallback(client: Portkey, target: Target) -> None:
    print("== fallback: the first target asks for a model that does not exist")
    failing: Target = {**target, "override_params": {"model": FAILING_MODEL}}
    config: GatewayConfig = {"strategy": {"mode": "fallback"}, "targets": [failing, target]}
    routed = client.with_options(config=config, trace_id="quickstart-fallback")
    raw = routed.chat.completions.with_raw_response.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Which target answered?"}],
    )
    print(f"answer : {raw.parse().choices[0].message.content}")
    print(f"headers: {describe(raw.portkey)}")


def main() -> int:
    upstream_url = os.environ.get("DEMO_UPSTREAM_URL")
    client, target = local_client(upstream_url) if upstream_url else hosted_client()
    with client:
        try:
            chat(client)
            streamed_chat(client)
            fallback(client, target)
        except APIError as error:
            print(f"request failed: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
