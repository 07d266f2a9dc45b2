"""Files and batches: upload a JSONL file of chat requests, start a batch over it, follow it, clean up.

`files.create(file=..., purpose="batch")` takes the content as bytes, a file object, or a
`(filename, content)` tuple. A batch runs every line of the file as one request to `endpoint`, at a
lower price and within `completion_window`; poll `batches.retrieve(id)` until its status is
`completed`, then read `files.content(batch.output_file_id)`. `list_all()` walks every page of a list.
Providers take minutes to hours over a batch, so this example does not wait: it cancels the batch.

Against a gateway on this machine (`make demo EXAMPLE=examples/files_and_batches.py` starts the real
gateway and a local model server, then runs this), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/files_and_batches.py

Against hosted Portkey (creates, then cancels, a real batch; deletes the file)::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/files_and_batches.py
"""

from __future__ import annotations

import json

from portkey_typed import Portkey

from example_setup import model

QUESTIONS = ["What is 2 + 2?", "Name the largest ocean.", "Spell 'gateway' backwards."]


def batch_file() -> bytes:
    """One chat request per line, each with the `custom_id` the output lines will carry."""
    lines = [
        {
            "custom_id": f"question-{n}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": model(), "messages": [{"role": "user", "content": q}], "max_tokens": 30},
        }
        for n, q in enumerate(QUESTIONS)
    ]
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


def main() -> None:
    with Portkey() as client:
        uploaded = client.files.create(file=("questions.jsonl", batch_file()), purpose="batch")
        print(
            f"uploaded {uploaded.filename}: {uploaded.id}, {uploaded.bytes_} bytes, purpose {uploaded.purpose}"
        )
        print(f"status: {client.files.retrieve(uploaded.id).status}")

        batch = client.batches.create(
            input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
        )
        print(f"batch {batch.id}: {batch.status}")
        batch = client.batches.retrieve(batch.id)
        print(f"batch {batch.id}: still {batch.status}")

        listed = [item.id for item in client.batches.list_all(limit=20)]
        print(f"batches listed: {len(listed)}, ours among them: {batch.id in listed}")

        cancelled = client.batches.cancel(batch.id)
        print(f"batch {cancelled.id}: {cancelled.status}")
        print(f"file deleted: {client.files.delete(uploaded.id).deleted}")


if __name__ == "__main__":
    main()
