"""Errors, read the way `except openai.APIError as e` code reads them."""

import json
import os

from portkey_ai import Portkey


def describe(error: Exception) -> dict[str, object]:
    return {
        "class": type(error).__name__,
        "status_code": getattr(error, "status_code", None),
        "body": getattr(error, "body", None),
        "code": getattr(error, "code", None),
        "type": getattr(error, "type", None),
        "param": getattr(error, "param", None),
    }


client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    provider="openai",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-parity",
)
results = []
try:
    client.chat.completions.create(model="parity-no-such-model", messages=[{"role": "user", "content": "Hi"}])
except Exception as error:
    results.append(describe(error))
no_route = Portkey(base_url=os.environ["PARITY_BASE_URL"], Authorization="sk-parity")
try:
    no_route.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])
except Exception as error:
    results.append(describe(error))
print(json.dumps(results, sort_keys=True))
