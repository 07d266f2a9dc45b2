from __future__ import annotations

from typing import Any, TypeAlias, TypedDict

from typing_extensions import NotRequired

Labels: TypeAlias = dict[str, str]
"""
Label values by name.
"""


Metadata: TypeAlias = dict[str, Any] | None
"""
Free-form labels, or null.
"""


class Nothing(TypedDict):
    """
    An object that accepts no key.
    """


Parameters: TypeAlias = dict[str, Any]
"""
A JSON Schema of the arguments.
"""


class Tool(TypedDict):
    name: str
    """
    The tool's name.
    """
    parameters: NotRequired[Parameters]
    extra: NotRequired[dict[str, Any]]
    """
    Anything else the tool needs.
    """


class ToolArguments(TypedDict):
    """
    Unpacked as keyword arguments; stays a TypedDict though it names no key.
    """
