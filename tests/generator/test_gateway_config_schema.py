"""openapi/gateway-config.schema.json accepts the configs the gateway runs and rejects wrong ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "openapi" / "gateway-config.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


GOOD_CONFIGS: dict[str, dict[str, Any]] = {
    "single_provider": {"provider": "openai", "api_key": "sk-test"},
    "fallback": {
        "strategy": {"mode": "fallback", "on_status_codes": [429, 503]},
        "targets": [
            {"provider": "openai", "api_key": "sk-a", "override_params": {"model": "gpt-4o-mini"}},
            {"provider": "anthropic", "api_key": "sk-b", "override_params": {"model": "claude-3-5-haiku"}},
        ],
    },
    "loadbalance_with_weights": {
        "strategy": {"mode": "loadbalance"},
        "targets": [
            {"provider": "openai", "api_key": "sk-a", "weight": 0.7},
            {"provider": "openai", "api_key": "sk-b", "weight": 0.3},
            {"provider": "openai", "api_key": "sk-c", "weight": 0},
        ],
    },
    "nested": {
        "strategy": {"mode": "fallback"},
        "targets": [
            {
                "strategy": {"mode": "loadbalance"},
                "targets": [
                    {"provider": "openai", "api_key": "sk-a", "weight": 1},
                    {"provider": "azure-openai", "resource_name": "r", "deployment_id": "d", "api_key": "k"},
                ],
            },
            {
                "provider": "bedrock",
                "aws_access_key_id": "AKIA",
                "aws_secret_access_key": "s",
                "aws_region": "us-east-1",
            },
        ],
    },
    "conditional": {
        "strategy": {
            "mode": "conditional",
            "conditions": [
                {"query": {"metadata.user_plan": {"$eq": "paid"}}, "then": "premium"},
                {
                    "query": {
                        "$or": [{"params.model": "small"}, {"metadata.tier": {"$in": ["free", "trial"]}}]
                    },
                    "then": "cheap",
                },
            ],
            "default": "cheap",
        },
        "targets": [
            {"name": "premium", "provider": "openai", "api_key": "sk-a"},
            {
                "name": "cheap",
                "provider": "openai",
                "api_key": "sk-b",
                "custom_host": "http://127.0.0.1:8000/v1",
            },
        ],
    },
    "retry_and_cache": {
        "provider": "openai",
        "api_key": "sk-test",
        "retry": {"attempts": 3, "on_status_codes": [429, 500], "use_retry_after_header": True},
        "cache": {"mode": "semantic", "max_age": 3600},
        "request_timeout": 10_000,
        "forward_headers": ["x-request-id"],
    },
    "guardrails": {
        "provider": "openai",
        "api_key": "sk-test",
        "input_guardrails": ["pg-abc-123"],
        "output_guardrails": [{"default.contains": {"operator": "none", "words": ["secret"]}, "deny": True}],
        "before_request_hooks": [{"id": "h1", "type": "guardrail", "checks": [{"id": "default.regexMatch"}]}],
    },
}

BAD_CONFIGS: dict[str, dict[str, Any]] = {
    "unknown_mode": {"strategy": {"mode": "round_robin"}, "targets": [{"provider": "openai"}]},
    "negative_weight": {
        "strategy": {"mode": "loadbalance"},
        "targets": [{"provider": "openai", "weight": -1}],
    },
    "unknown_root_key": {"provider": "openai", "api_key": "sk-test", "retries": 3},
    "unknown_target_key": {
        "strategy": {"mode": "fallback"},
        "targets": [{"provider": "openai", "modle": "x"}],
    },
    "unknown_strategy_key": {
        "strategy": {"mode": "fallback", "codes": [500]},
        "targets": [{"provider": "openai"}],
    },
    "unknown_retry_key": {"provider": "openai", "retry": {"attempts": 2, "backoff": 1}},
    "retry_without_attempts": {"provider": "openai", "retry": {"on_status_codes": [500]}},
    "negative_attempts": {"provider": "openai", "retry": {"attempts": -1}},
    "unknown_cache_mode": {"provider": "openai", "cache": {"mode": "fuzzy"}},
    "unknown_cache_key": {"provider": "openai", "cache": {"mode": "simple", "ttl": 60}},
    "negative_timeout": {"provider": "openai", "request_timeout": -5},
    "strategy_without_targets": {"strategy": {"mode": "fallback"}},
    "condition_without_then": {
        "strategy": {"mode": "conditional", "conditions": [{"query": {"metadata.x": "y"}}]},
        "targets": [{"name": "a", "provider": "openai"}],
    },
}


@pytest.mark.parametrize("name", sorted(GOOD_CONFIGS))
def test_accepts_valid_config(validator: Draft202012Validator, name: str) -> None:
    errors = [error.message for error in validator.iter_errors(GOOD_CONFIGS[name])]
    assert errors == []


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_rejects_invalid_config(validator: Draft202012Validator, name: str) -> None:
    assert not validator.is_valid(BAD_CONFIGS[name])


def test_every_property_is_described() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for def_name, definition in schema["$defs"].items():
        for prop_name, prop in definition.get("properties", {}).items():
            assert prop.get("description"), f"{def_name}.{prop_name} has no description"
