"""A fallback config given as a dict: the first target fails, the second answers."""

import json
import os

from portkey_ai import Portkey

upstream = os.environ["PARITY_UPSTREAM_ORIGIN"]
config = {
    "strategy": {"mode": "fallback"},
    "targets": [
        {"provider": "openai", "api_key": "sk-first", "custom_host": upstream + "/first/v1"},
        {"provider": "openai", "api_key": "sk-second", "custom_host": upstream + "/second/v1"},
    ],
}
client = Portkey(base_url=os.environ["PARITY_BASE_URL"], config=config)
completion = client.chat.completions.create(
    model="parity-fails-first", messages=[{"role": "user", "content": "Which target answered?"}]
)
print(json.dumps({"content": completion.choices[0].message.content}))
