"""A streamed chat completion."""

import json
import os

from portkey_ai import Portkey

client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    provider="openai",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-parity",
)
stream = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{"role": "user", "content": "Count to three"}],
    stream=True,
)
text = ""
for chunk in stream:
    if chunk.choices:
        text += chunk.choices[0].delta.content or ""
print(json.dumps({"text": text}))
