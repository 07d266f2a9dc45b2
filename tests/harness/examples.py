"""What the scripts in examples/ need to run against the real gateway and the tests' upstream.

`make demo` and tests/examples both use it: the environment an example reads (the same variables a
user sets for a self-hosted gateway or for hosted Portkey), and the upstream faults that make an
example's failure paths happen here (a fallback's first target refusing, a slow model, a rate limit).
"""

import json
import os
from pathlib import Path
from typing import Any

from tests.harness.gateway import PROJECT_ROOT
from tests.harness.replies import openai_error
from tests.harness.upstream import Upstream

EXAMPLES = PROJECT_ROOT / "examples"
LOCAL_PROVIDER_KEY = "sk-local-example"  # any value: the upstream does not check it
LOCAL_PORTKEY_KEY = "pk-local-example"
MISSING_MODEL = "model-that-does-not-exist"
CONTROL_PLANE_EXAMPLES = frozenset({"control_plane.py"})
HOSTED_ONLY_VARIABLES = (
    "PORTKEY_API_KEY",
    "PORTKEY_VIRTUAL_KEY",
    "PORTKEY_PROVIDER",
    "PORTKEY_CONFIG",
    "PORTKEY_BASE_URL",
    "PROVIDER_API_KEY",
    "EXAMPLE_MODEL",
)


def local_target(upstream: Upstream) -> dict[str, str]:
    """The one-provider config that sends requests through the gateway to the upstream."""
    return {"provider": "openai", "api_key": LOCAL_PROVIDER_KEY, "custom_host": upstream.url()}


def example_environment(example: Path, gateway_url: str, upstream: Upstream) -> dict[str, str]:
    """This process's environment without hosted settings, plus what `example` reads to run here.

    Data-plane examples get the gateway (PORTKEY_BASE_URL) and a config naming the upstream
    (PORTKEY_CONFIG); control-plane examples get the upstream itself, which plays the management API.
    """
    env = {name: value for name, value in os.environ.items() if name not in HOSTED_ONLY_VARIABLES}
    env["PYTHONUNBUFFERED"] = "1"
    if example.name in CONTROL_PLANE_EXAMPLES:
        env.update(PORTKEY_BASE_URL=upstream.url(), PORTKEY_API_KEY=LOCAL_PORTKEY_KEY)
        return env
    env["PORTKEY_BASE_URL"] = gateway_url
    if example.name == "quickstart.py":  # it builds its client from these instead of PORTKEY_CONFIG
        env.update(DEMO_UPSTREAM_URL=upstream.url(), DEMO_FAILING_MODEL=MISSING_MODEL)
    else:
        env["PORTKEY_CONFIG"] = json.dumps(local_target(upstream))
    return env


def missing_model(upstream: Upstream) -> None:
    """The provider answers 404 for MISSING_MODEL, as OpenAI does for a model it does not have."""
    message = f"The model `{MISSING_MODEL}` does not exist"
    upstream.plan(model=MISSING_MODEL, status=404, times=None, body=openai_error(404, message))


def plan_faults(example: Path, upstream: Upstream) -> None:
    """Schedule what `example` needs to go wrong on the upstream (in the order its requests come)."""
    missing_model(upstream)
    for fault in EXAMPLE_FAULTS.get(example.name, []):
        upstream.plan(**fault)


def rate_limited(times: int) -> dict[str, Any]:
    return {
        "route": "chat/completions",
        "status": 429,
        "times": times,
        "headers": {"retry-after-ms": "20"},
        "body": openai_error(429, "Rate limit reached for requests"),
    }


EXAMPLE_FAULTS: dict[str, list[dict[str, Any]]] = {
    # routing.py: the fallback's first target (gpt-4o) is rate limited once.
    "routing.py": [{"model": "gpt-4o", **rate_limited(1)}],
    "legacy_api.py": [{"model": "gpt-4o", **rate_limited(1)}],
    # errors.py, in the order of its calls: a slow model for the gateway's and the client's
    # timeouts, then a rate limit the client's retries outlast, then one they do not.
    "errors.py": [
        {"route": "chat/completions", "delay_ms": 1500, "times": 2},
        rate_limited(1),
        {"route": "chat/completions", "times": 1},
        rate_limited(3),
    ],
}
