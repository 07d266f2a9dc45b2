"""Building blocks shared by the integration tests: typed configs, prompts and narrowing helpers."""

from typing import Literal

from portkey_generated.gateway_config import GatewayConfig, Target
from portkey_generated.models.message import Message
from portkey_generated.models.message_text_block import MessageTextBlock
from portkey_generated.models.response_object import ResponseObject
from portkey_generated.models.response_output_message import ResponseOutputMessage
from portkey_generated.models.response_output_text import ResponseOutputText
from portkey_generated.params import ChatCompletionRequestMessage, MessageParam
from tests.harness import Upstream

PROMPT = "hello from the suite"
MESSAGES: list[ChatCompletionRequestMessage] = [{"role": "user", "content": PROMPT}]
ANTHROPIC_MESSAGES: list[MessageParam] = [{"role": "user", "content": PROMPT}]
CHAT_MODEL = "gpt-4o-mini"
Mode = Literal["single", "loadbalance", "fallback", "conditional"]


def key_for(prefix: str) -> str:
    """The provider key the targets of `prefix` carry, so the upstream can tell who sent what."""
    return f"sk-{prefix.strip('/') or 'root'}"


def target(upstream: Upstream, prefix: str, weight: float | None = None) -> Target:
    """A config target that sends to the upstream under `prefix` with its own key."""
    chosen: Target = {"provider": "openai", "api_key": key_for(prefix), "custom_host": upstream.url(prefix)}
    if weight is not None:
        chosen["weight"] = weight
    return chosen


def single(upstream: Upstream, prefix: str) -> GatewayConfig:
    """A config naming one provider (no strategy) that sends to the upstream under `prefix`."""
    return {"provider": "openai", "api_key": key_for(prefix), "custom_host": upstream.url(prefix)}


def strategy(mode: Mode, *targets: Target, on_status_codes: list[int] | None = None) -> GatewayConfig:
    config: GatewayConfig = {"strategy": {"mode": mode}, "targets": list(targets)}
    if on_status_codes is not None:
        config["strategy"]["on_status_codes"] = on_status_codes
    return config


def group(mode: Mode, *targets: Target) -> Target:
    """A nested target: its own strategy over its own targets."""
    return {"strategy": {"mode": mode}, "targets": list(targets)}


def prefixes(upstream: Upstream) -> list[str]:
    """Which upstream prefix answered each recorded request, in order."""
    return [request.prefix for request in upstream.requests]


def output_text(response: ResponseObject) -> str:
    """The text of a Responses API answer's output messages."""
    assert isinstance(response.output, list)
    return "".join(
        part.text
        for item in response.output
        if isinstance(item, ResponseOutputMessage)
        for part in item.content
        if isinstance(part, ResponseOutputText)
    )


def message_text(message: Message) -> str:
    """The text blocks of an Anthropic-shaped message."""
    return "".join(block.text for block in message.content if isinstance(block, MessageTextBlock))
