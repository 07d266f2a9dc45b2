"""Routing with a typed gateway config: fallback on status codes, weighted load balancing,
conditional routing on metadata, and strategies nested inside each other.

A `GatewayConfig` is a TypedDict: an editor completes its keys and a type checker rejects a wrong key
or strategy mode. The client also checks it against the gateway's schema before sending, so a bad
config fails with a `PortkeyValidationError` that names the place. Here every target is the same
provider with a different model (`override_params`); give targets different providers or virtual keys
the same way. `client.with_options(config=...)` routes the calls of one copy of the client, sharing
its connection pool; `Portkey(config=...)` would route every call.

Against a gateway on this machine (`make demo EXAMPLE=examples/routing.py` starts the real gateway
and a local model server whose gpt-4o answers 429 once, then runs this), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/routing.py

Against hosted Portkey (the targets use the virtual key)::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/routing.py
"""

from __future__ import annotations

from collections import Counter

from portkey_typed import Portkey

from example_setup import GatewayConfig, Target, model, provider_target

PROVIDER = provider_target()


def on_model(name: str) -> Target:
    """The environment's provider, asked for model `name`."""
    return {**PROVIDER, "override_params": {"model": name}}


FALLBACK: GatewayConfig = {
    "strategy": {"mode": "fallback", "on_status_codes": [429, 500, 502, 503, 504]},
    "targets": [on_model("gpt-4o"), on_model("gpt-4o-mini")],
}

LOAD_BALANCE: GatewayConfig = {
    "strategy": {"mode": "loadbalance"},
    "targets": [{**on_model("gpt-4o-mini"), "weight": 0.7}, {**on_model("gpt-4.1-mini"), "weight": 0.3}],
}

BY_PLAN: GatewayConfig = {
    "strategy": {
        "mode": "conditional",
        "conditions": [{"query": {"metadata.plan": {"$eq": "pro"}}, "then": "premium"}],
        "default": "standard",
    },
    "targets": [{**on_model("gpt-4o"), "name": "premium"}, {**on_model("gpt-4o-mini"), "name": "standard"}],
}

NESTED: GatewayConfig = {
    "strategy": {"mode": "fallback"},
    "targets": [
        {"strategy": {"mode": "loadbalance"}, "targets": [on_model("gpt-4o-mini"), on_model("gpt-4.1-mini")]},
        on_model("gpt-4o"),
    ],
}


def ask(client: Portkey, question: str) -> tuple[str, str]:
    """(the model that answered, the config option the gateway used)."""
    raw = client.chat.completions.with_raw_response.create(
        model=model(), messages=[{"role": "user", "content": question}], max_tokens=20
    )
    return raw.parse().model, raw.portkey.last_used_option_index or "?"


def main() -> None:
    with Portkey() as client:
        print("== fallback: gpt-4o, then gpt-4o-mini on 429 or 5xx")
        answered, option = ask(client.with_options(config=FALLBACK), "Which model answered?")
        print(f"{answered} answered ({option})")

        print("== load balance: 70% gpt-4o-mini, 30% gpt-4.1-mini, over 10 calls")
        balanced = client.with_options(config=LOAD_BALANCE)
        counts = Counter(ask(balanced, f"Call {n}")[0] for n in range(10))
        print(", ".join(f"{name}: {count}" for name, count in sorted(counts.items())))

        print("== conditional: metadata.plan == 'pro' goes to gpt-4o")
        for plan in ("pro", "free"):
            answered, option = ask(client.with_options(config=BY_PLAN, metadata={"plan": plan}), "Hello")
            print(f"plan={plan}: {answered} answered ({option})")

        print("== nested: a load-balanced pair, falling back to gpt-4o")
        answered, option = ask(client.with_options(config=NESTED), "Hello")
        print(f"{answered} answered ({option})")


if __name__ == "__main__":
    main()
