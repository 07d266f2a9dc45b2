"""The public API's docstrings say what the README says."""

from __future__ import annotations

import re

import httpx

import portkey_typed
from portkey_typed import Portkey
from scripts.options_table import README

BASE_URL_RULE = ("base_url=", "PORTKEY_BASE_URL", portkey_typed.HOSTED_BASE_URL, portkey_typed.LOCAL_BASE_URL)


def order(text: str) -> list[str]:
    """The base URL rule's terms in the order the text first names them."""
    return sorted(BASE_URL_RULE, key=lambda term: text.find(term) if term in text else len(text))


def test_every_public_name_has_a_docstring() -> None:
    missing = [
        name
        for name in portkey_typed.__all__
        if callable(obj := getattr(portkey_typed, name)) and not (obj.__doc__ or "").strip()
    ]
    assert not missing


def test_the_base_url_rule_is_the_readmes() -> None:
    readme = README.read_text()
    rule = re.search(r"The base URL is the explicit .*?\n\n", readme, re.S)
    assert rule, "README lost its base URL rule"
    doc = Portkey.__doc__ or ""
    assert all(term in doc for term in BASE_URL_RULE)
    assert order(doc) == order(rule.group(0)) == list(BASE_URL_RULE)


def test_the_error_attributes_the_readme_names_exist_on_those_classes() -> None:
    """README: which attributes every APIError, APIStatusError and the two other answer errors carry."""
    request = httpx.Request("POST", "http://127.0.0.1:8787/v1/chat/completions")
    response = httpx.Response(429, request=request, json={"error": {"message": "slow down"}})
    common = ("message", "request", "body", "code", "type", "param")
    errors: dict[tuple[str, ...], list[portkey_typed.APIError]] = {
        common: [portkey_typed.APIConnectionError(request=request)],
        (*common, "status_code", "request_id", "response", "trace_id"): [
            portkey_typed.RateLimitError("slow down", response=response, body=response.json())
        ],
        (*common, "status_code", "response"): [
            portkey_typed.APIStreamError("cut", response=response, body=None, status_code=None),
            portkey_typed.APIResponseValidationError("bad", response=response, body=None),
        ],
    }
    readme = README.read_text()
    for names, instances in errors.items():
        for name in names:
            assert f"`{name}`" in readme
        for error in instances:
            assert all(hasattr(error, name) for name in names), (type(error).__name__, names)
