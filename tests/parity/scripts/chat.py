"""A chat completion, as portkey-ai's docs write one."""

import json
import os

from portkey_ai import Portkey

client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    provider="openai",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-parity",
)
completion = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": "Say hello"},
    ],
    temperature=0.2,
    max_tokens=20,
)
print(
    json.dumps(
        {"content": completion.choices[0].message.content, "finish": completion.choices[0].finish_reason}
    )
)
