"""model_pricing: Portkey's public price list, served at the API root rather than under /v1 (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "model_pricing"
PRICING = {
    "pay_as_you_go": {
        "request_token": {"price": 0.00025},
        "response_token": {"price": 0.001},
        "cache_read_input_token": {"price": 0.000125},
        "additional_units": {"web_search": {"price": 2.5}},
    },
    "calculate": {
        "request": {
            "operation": "sum",
            "operands": [
                {
                    "operation": "multiply",
                    "operands": [{"value": "input_tokens"}, {"value": "rates.request_token"}],
                },
                {
                    "operation": "multiply",
                    "operands": [
                        {"value": "cache_read_input_tokens"},
                        {"value": "rates.cache_read_input_token"},
                    ],
                },
            ],
        },
        "response": {
            "operation": "multiply",
            "operands": [{"value": "output_tokens"}, {"value": "rates.response_token"}],
        },
    },
    "currency": "USD",
}

CASES = [
    Case(
        "model_pricing.retrieve",
        "GET",
        "/model-configs/pricing/openai/gpt-4o",
        args=("openai", "gpt-4o"),
        reply=PRICING,
        returns="ModelPricingDetail",
        expect={
            "currency": "USD",
            "pay_as_you_go.request_token.price": 0.00025,
            "pay_as_you_go.additional_units.additional_properties.web_search.price": 2.5,
            "calculate.request.operation": "sum",
            "calculate.request.operands.0.operands.1.value": "rates.request_token",
            "calculate.response.operands.0.value": "output_tokens",
        },
    ),
]

ERROR = ErrorCase(
    "model_pricing.retrieve",
    args=("openai", "gpt-unknown"),
    reply=management_error("Pricing not found for model"),
    message="Pricing not found for model",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
