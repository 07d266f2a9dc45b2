"""The seed's API (`mode` + `llms`) end to end: it becomes a gateway config and routes the same way."""

from portkey_typed import LLMOptions, Portkey
from tests.harness import Gateway, Upstream
from tests.harness.chat_bodies import echo_of
from tests.integration.helpers import MESSAGES, PROMPT, key_for, prefixes

LLM_MODEL = "gpt-4o-mini"
# The typed signature asks for a model; each LLM's own `model` (an override param) wins at the gateway.
CALL_MODEL = "model-of-the-call"


def llm(
    upstream: Upstream, prefix: str, weight: float | None = None, temperature: float | None = None
) -> LLMOptions:
    return LLMOptions(
        provider="openai",
        api_key=key_for(prefix),
        custom_host=upstream.url(prefix),
        model=LLM_MODEL,
        weight=weight,
        temperature=temperature,
    )


def test_single_mode(gateway: Gateway, upstream: Upstream) -> None:
    with Portkey(
        base_url=gateway.base_url, mode="single", llms=[llm(upstream, "/a")], max_retries=0
    ) as portkey:
        chat = portkey.chat_completions.create(model=CALL_MODEL, messages=MESSAGES)
    assert chat.choices[0].message.content == echo_of(PROMPT)
    assert upstream.last.json["model"] == LLM_MODEL
    assert upstream.last.headers["authorization"] == f"Bearer {key_for('/a')}"


def test_fallback_mode(gateway: Gateway, upstream: Upstream) -> None:
    upstream.plan(prefix="/a", status=500)
    llms = [llm(upstream, "/a"), llm(upstream, "/b", temperature=0.2)]
    with Portkey(base_url=gateway.base_url, mode="fallback", llms=llms, max_retries=0) as portkey:
        raw = portkey.chat_completions.with_raw_response.create(model=CALL_MODEL, messages=MESSAGES)
    assert raw.portkey.last_used_option_index == "config.targets[1]"
    assert prefixes(upstream) == ["/a", "/b"]
    assert upstream.last.json["temperature"] == 0.2


def test_loadbalance_mode_with_text_completion(gateway: Gateway, upstream: Upstream) -> None:
    llms = [llm(upstream, "/a", weight=1.0), llm(upstream, "/b", weight=0.0)]
    with Portkey(base_url=gateway.base_url, mode="loadbalance", llms=llms, max_retries=0) as portkey:
        completion = portkey.completions.create(model=CALL_MODEL, prompt=PROMPT)
    assert completion.choices[0].text == echo_of(PROMPT)
    assert prefixes(upstream) == ["/a"]
