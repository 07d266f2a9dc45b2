"""The older `mode` + `llms` API of the first Portkey SDKs, still accepted and translated into a config.

Code written for `Portkey(mode="fallback", llms=[LLMOptions(...), ...])` keeps working: each
`LLMOptions` becomes a target of today's gateway config (its model parameters go into the target's
`override_params`, `retry` and `cache_status` into its retry and cache settings) and `mode` becomes
the strategy. New code should write the config itself (see examples/routing.py).

Against a gateway on this machine (`make demo EXAMPLE=examples/legacy_api.py` starts the real gateway
and a local model server whose gpt-4o answers 429 once, then runs this), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/legacy_api.py

Against hosted Portkey (every LLM uses the virtual key)::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/legacy_api.py
"""

from __future__ import annotations

from portkey_typed import LLMOptions, Portkey

from example_setup import model, provider_target


def llm(name: str, weight: float | None = None) -> LLMOptions:
    """An LLM of the environment's provider (its key or virtual key), asking for model `name`."""
    target = provider_target()
    return LLMOptions(
        provider=target.get("provider"),
        api_key=target.get("api_key"),
        virtual_key=target.get("virtual_key"),
        custom_host=target.get("custom_host"),
        model=name,
        temperature=0,
        weight=weight,
    )


def main() -> None:
    print("== mode='fallback': gpt-4o, then gpt-4o-mini")
    with Portkey(mode="fallback", llms=[llm("gpt-4o"), llm("gpt-4o-mini")]) as client:
        raw = client.chat_completions.with_raw_response.create(
            model=model(), messages=[{"role": "user", "content": "Which model answered?"}]
        )
        print(f"{raw.parse().model} answered ({raw.portkey.last_used_option_index})")

    print("== mode='loadbalance': 3 to 1 between gpt-4o-mini and gpt-4.1-mini")
    llms = [llm("gpt-4o-mini", weight=3), llm("gpt-4.1-mini", weight=1)]
    with Portkey(mode="loadbalance", llms=llms) as client:
        chat = client.chat_completions.create(model=model(), messages=[{"role": "user", "content": "Hi"}])
        print(f"{chat.model} answered: {chat.choices[0].message.content}")


if __name__ == "__main__":
    main()
