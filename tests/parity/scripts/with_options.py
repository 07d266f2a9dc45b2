"""Per-request Portkey options through with_options: trace id, metadata (also as a JSON string) and a config."""

import json
import os

from portkey_ai import Portkey

client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    provider="openai",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-parity",
    metadata='{"_user": "u-1"}',
    debug=False,
)
messages = [{"role": "user", "content": "Hi"}]
first = client.with_options(trace_id="parity-trace-1", metadata={"_user": "u-2", "team": "search"})
answer = first.chat.completions.create(model="gpt-4o-mini", messages=messages)
second = client.with_options(config={"retry": {"attempts": 2}}, cache_force_refresh=True)
again = second.chat.completions.create(model="gpt-4o-mini", messages=messages, user="end-user-7")
print(json.dumps({"first": answer.choices[0].message.content, "second": again.choices[0].message.content}))
