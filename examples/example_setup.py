"""What the examples share: the types they annotate with, and the provider the environment names.

The types come from `portkey_typed.types`, the one import for every type of the client.
"""

from __future__ import annotations

import json
import os
import sys

from portkey_typed.types import (
    ChatCompletionRequestMessageParam,
    ChatCompletionToolParam,
    ChatFunctionParametersParam,
    GatewayConfig,
    Target,
)

__all__ = [
    "ChatCompletionRequestMessageParam",
    "ChatCompletionToolParam",
    "ChatFunctionParametersParam",
    "GatewayConfig",
    "Target",
    "model",
    "provider_target",
]


def model() -> str:
    """The model the examples ask for: EXAMPLE_MODEL, else gpt-4o-mini."""
    return os.environ.get("EXAMPLE_MODEL", "gpt-4o-mini")


def provider_target() -> Target:
    """The provider that the examples' routing configs put in their targets.

    Against a self-hosted gateway it is the JSON config in PORTKEY_CONFIG (for example
    `{"provider": "openai", "api_key": "sk-..."}`); against hosted Portkey, PORTKEY_VIRTUAL_KEY.
    """
    config = os.environ.get("PORTKEY_CONFIG", "")
    if config.lstrip().startswith("{"):
        target: Target = json.loads(config)
        return target
    virtual_key = os.environ.get("PORTKEY_VIRTUAL_KEY")
    if virtual_key:
        return {"virtual_key": virtual_key}
    sys.exit("Set PORTKEY_CONFIG to a provider's JSON config (self-hosted) or PORTKEY_VIRTUAL_KEY (hosted).")
