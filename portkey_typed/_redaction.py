"""Find the keys inside JSON-valued options (a config's targets, a service account) so they never show."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import cast

from portkey_generated.header_options import HEADER_OPTIONS

MASK = "***"
_SECRET_WORDS = frozenset({"secret", "token", "password", "passphrase", "authorization"})
_SECRET_ENDINGS = ("api_key", "apikey", "private_key")


def is_secret_key(key: str) -> bool:
    """Whether a config key holds a credential: `api_key`, `virtual_key`, `aws_secret_access_key`..."""
    name = key.lower().replace("-", "_")
    option = HEADER_OPTIONS.get(name)
    if option is not None and option.secret:
        return True
    return name.endswith(_SECRET_ENDINGS) or not _SECRET_WORDS.isdisjoint(re.split(r"_+", name))


def masked(value: object) -> object:
    """A copy of a JSON-like value with the value of every secret key replaced by `***`."""
    if isinstance(value, Mapping):
        pairs = cast("Mapping[object, object]", value)
        return {k: MASK if is_secret_key(str(k)) else masked(v) for k, v in pairs.items()}
    if isinstance(value, (list, tuple)):
        return [masked(item) for item in cast("Sequence[object]", value)]
    return value


def secret_strings(value: object, *, inside_secret: bool = False) -> Iterator[str]:
    """Every non-empty string held under a secret key of a JSON-like value (all of them if `inside_secret`)."""
    if isinstance(value, Mapping):
        for key, item in cast("Mapping[object, object]", value).items():
            yield from secret_strings(item, inside_secret=inside_secret or is_secret_key(str(key)))
    elif isinstance(value, (list, tuple)):
        for item in cast("Sequence[object]", value):
            yield from secret_strings(item, inside_secret=inside_secret)
    elif inside_secret and isinstance(value, str) and value:
        yield value
