"""A saved config named by its slug (the local gateway has no saved configs: it answers an error)."""

import json
import os

from portkey_ai import Portkey

client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    config="pc-parity-0a1b2c",
    provider="openai",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-parity",
)
try:
    completion = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}]
    )
    print(json.dumps({"content": completion.choices[0].message.content}))
except Exception as error:
    print(json.dumps({"error": type(error).__name__, "status": getattr(error, "status_code", None)}))
