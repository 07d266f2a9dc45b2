"""The public API's docstrings say what the README says."""

from __future__ import annotations

import re

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
