"""Embeddings: vectors for a handful of documents and a query, ranked by cosine similarity.

`embeddings.create` takes one string or a list (one vector each, in `data[i].embedding`, in input
order by `data[i].index`). `embedding` is typed `list[float] | str`: a list unless you asked for
`encoding_format="base64"`. Set EMBEDDING_MODEL to use another model (default text-embedding-3-small).

Against a gateway on this machine (`make demo EXAMPLE=examples/embeddings.py` starts the real gateway
and a local model server, whose vectors are made up, so the ranking is arbitrary), or one you started::

    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 \\
    PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' python examples/embeddings.py

Against hosted Portkey::

    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... python examples/embeddings.py
"""

from __future__ import annotations

import math
import os

from portkey_typed import Portkey

MODEL = os.environ.get("EMBEDDING_MODEL", "text-embedding-3-small")
DOCUMENTS = [
    "Refunds are paid back to the original card within five working days.",
    "Parcels leave our warehouse every weekday at four in the afternoon.",
    "You can change your password from the account settings page.",
]
QUERY = "How long does a refund take?"


def cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)) or 1.0)


def main() -> None:
    with Portkey() as client:
        result = client.embeddings.create(model=MODEL, input=[QUERY, *DOCUMENTS])
    vectors: list[list[float]] = []
    for item in sorted(result.data, key=lambda item: item.index):
        assert isinstance(item.embedding, list), "asked for floats, not base64"
        vectors.append(item.embedding)
    query, documents = vectors[0], vectors[1:]
    print(f"{len(vectors)} vectors of {len(query)} dimensions from {result.model}")
    print(f"query: {QUERY}")
    ranked = sorted(
        zip(DOCUMENTS, documents, strict=True), key=lambda pair: cosine(query, pair[1]), reverse=True
    )
    for document, vector in ranked:
        print(f"  {cosine(query, vector):+.3f}  {document}")


if __name__ == "__main__":
    main()
