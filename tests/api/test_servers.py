"""Operations whose description names their own server (`x-servers` after normalisation) go to it:
`model_pricing.retrieve` lives at the API root, so the base URL's `/v1` is left out for it alone."""

from __future__ import annotations

import importlib

import pytest

from portkey_generated.resources._base import Operation

from . import spec
from .harness import API_KEY, Gateway, call, client

PRICING = "/model-configs/pricing/openai/gpt-4o"


def generated_operation(op: spec.SpecOperation) -> Operation:
    """The `Operation` constant the generated resource module holds for an operation."""
    module = importlib.import_module(f"portkey_generated.resources.{op.resource.split('.')[0]}")
    constant = getattr(module, f"_OP_{op.operation_id.upper()}")
    assert isinstance(constant, Operation)
    return constant


def test_every_operation_with_its_own_server_says_what_to_leave_out() -> None:
    own_server = [op for op in spec.operations() if op.server_path is not None]
    assert [op.operation_id for op in own_server] == ["retrieveModelPricing"]
    for op in spec.operations():
        if op.transport == "http":
            expected = "/v1" if op.server_path == "" else ""
            assert generated_operation(op).base_suffix_dropped == expected, op.operation_id


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        (None, f"https://api.portkey.ai{PRICING}"),
        ("http://localhost:8787/v1", f"http://localhost:8787{PRICING}"),
        ("https://proxy.example/portkey/v1/", f"https://proxy.example/portkey{PRICING}"),
        ("https://proxy.example/portkey", f"https://proxy.example/portkey{PRICING}"),
    ],
    ids=["hosted-default", "self-hosted", "proxy-with-v1", "proxy-without-v1"],
)
async def test_model_pricing_goes_to_the_api_root(flavor: str, base_url: str | None, expected: str) -> None:
    gateway = Gateway()
    portkey = client(flavor, gateway, api_key=API_KEY, base_url=base_url)

    await call(portkey, "model_pricing.retrieve", "openai", "gpt-4o")
    await call(portkey, "configs.list")

    pricing, configs = gateway.requests
    assert str(pricing.url) == expected
    root = (base_url or "https://api.portkey.ai/v1").rstrip("/")
    assert str(configs.url) == f"{root}/configs"


async def test_the_environment_base_url_follows_the_same_rule(
    flavor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTKEY_BASE_URL", "http://127.0.0.1:8787/v1")
    gateway = Gateway()
    portkey = client(flavor, gateway, base_url=None)

    await call(portkey, "model_pricing.retrieve", "anthropic", "claude-3-5-sonnet-20241022")

    assert (
        str(gateway.last.url)
        == "http://127.0.0.1:8787/model-configs/pricing/anthropic/claude-3-5-sonnet-20241022"
    )
