"""A chat completion served by Anthropic: with portkey-ai's defaults the gateway adds `content_blocks`."""

import json
import os

from portkey_ai import Portkey

client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    provider="anthropic",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-ant-parity",
)
completion = client.chat.completions.create(
    model="claude-3-5-haiku", max_tokens=64, messages=[{"role": "user", "content": "Say hello"}]
)
print(json.dumps({"content": completion.choices[0].message.content}))
