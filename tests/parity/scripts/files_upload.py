"""Upload a JSONL file for a batch."""

import json
import os
import tempfile

from portkey_ai import Portkey

client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    provider="openai",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-parity",
)
line = {"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o-mini"}}
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "batch.jsonl")
    with open(path, "w") as out:
        out.write(json.dumps(line) + "\n")
    with open(path, "rb") as upload:
        uploaded = client.files.create(file=upload, purpose="batch")
print(json.dumps({"purpose": uploaded.purpose, "filename": uploaded.filename, "status": uploaded.status}))
