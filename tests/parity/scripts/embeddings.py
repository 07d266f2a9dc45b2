"""Embeddings of one string."""

import json
import os

from portkey_ai import Portkey

client = Portkey(
    base_url=os.environ["PARITY_BASE_URL"],
    provider="openai",
    custom_host=os.environ["PARITY_UPSTREAM"],
    Authorization="sk-parity",
)
embedding = client.embeddings.create(model="text-embedding-3-small", input="The food was delicious")
print(json.dumps({"count": len(embedding.data), "model": embedding.model}))
