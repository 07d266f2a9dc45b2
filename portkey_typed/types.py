"""Every type of the API in one import: `from portkey_typed.types import ChatCompletion, GatewayConfig`.

The response models keep their names (`ChatCompletion`), the request TypedDicts are `<Name>Param`
(`ChatCompletionRequestUserMessageParam`), the gateway config's TypedDicts keep theirs
(`GatewayConfig`, `Target`, `Strategy`), and `FileInput` is the type of file fields. Each is imported
the first time it is named, so importing this module costs next to nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from portkey_generated import type_index

if TYPE_CHECKING:
    # Type checkers and editors read every name from here; at run time `__getattr__` finds them.
    from portkey_generated.type_index import *  # noqa: F403
else:
    __all__ = list(type_index.__all__)


def __getattr__(name: str) -> Any:
    """The type named `name`, imported on first use (PEP 562)."""
    value = getattr(type_index, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(type_index.__all__)
