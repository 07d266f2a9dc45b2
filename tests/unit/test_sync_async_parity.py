"""`Portkey` and `AsyncPortkey` offer the same resources and methods, with the same signatures."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from typing_extensions import get_overloads

from portkey_generated.resources import AsyncResources, SyncResources
from portkey_typed import AsyncPortkey, Portkey

_ASYNC_NAMES = re.compile(r"\bAsync(?=[A-Z])")


def children(cls: type) -> list[str]:
    """The names of the cached sub-resources a resource class declares (its whole MRO)."""
    names = {
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, cached_property)
    }
    return sorted(names)


def methods(cls: type) -> dict[str, Any]:
    """The generated HTTP methods a resource class declares (the facade's own, such as
    `realtime.connect`, are tested on their own: tests/unit/test_realtime_connect.py)."""
    return {
        name: value
        for name, value in vars(cls).items()
        if not name.startswith("_")
        and inspect.isfunction(value)
        and value.__module__.startswith("portkey_generated")
    }


def is_pager(function: Any) -> bool:
    """A `list_all`-style helper: it returns an iterator over every page instead of making one call."""
    returns = str(inspect.signature(function).return_annotation)
    return returns.startswith(("Iterator[", "AsyncIterator["))


def walk(resource: object, path: str) -> Iterator[tuple[str, object]]:
    yield path, resource
    for name in children(type(resource)):
        yield from walk(getattr(resource, name), f"{path}.{name}")


def tree(client: Portkey | AsyncPortkey, root: type) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in children(root):
        found.update(walk(getattr(client, name), name))
    return found


def shape(function: Any) -> list[str]:
    """The signature of a function and of each of its overloads, with `Async` names made plain."""
    signatures = [*get_overloads(function), function]
    return [_ASYNC_NAMES.sub("", str(inspect.signature(f))) for f in signatures]


def test_both_clients_have_the_same_resource_tree_methods_and_signatures() -> None:
    sync_tree = tree(Portkey(), SyncResources)
    async_tree = tree(AsyncPortkey(), AsyncResources)

    assert sorted(sync_tree) == sorted(async_tree)
    compared = 0
    for path, sync_resource in sync_tree.items():
        async_resource = async_tree[path]
        sync_methods, async_methods = methods(type(sync_resource)), methods(type(async_resource))
        assert sorted(sync_methods) == sorted(async_methods), path
        for name, sync_method in sync_methods.items():
            async_method = async_methods[name]
            assert not inspect.iscoroutinefunction(sync_method), f"{path}.{name}"
            assert is_pager(sync_method) == is_pager(async_method), f"{path}.{name}"
            if is_pager(async_method):
                assert str(inspect.signature(async_method).return_annotation).startswith("AsyncIterator[")
            else:
                assert inspect.iscoroutinefunction(async_method), f"{path}.{name}"
            assert shape(sync_method) == shape(async_method), f"{path}.{name}"
            compared += 1
    assert compared >= 100
    assert any(path.endswith(".with_raw_response") for path in sync_tree)


def test_every_resource_with_methods_has_a_raw_twin() -> None:
    for path, resource in tree(Portkey(), SyncResources).items():
        if methods(type(resource)) and not path.endswith(".with_raw_response"):
            calls = sorted(
                name for name, function in methods(type(resource)).items() if not is_pager(function)
            )
            assert sorted(methods(type(resource.with_raw_response))) == calls, path


def test_the_clients_themselves_match() -> None:
    for name in ("with_options", "close", "chat_completions"):
        assert hasattr(Portkey, name)
        assert hasattr(AsyncPortkey, name)
    sync_init = inspect.signature(Portkey.__init__).parameters
    async_init = inspect.signature(AsyncPortkey.__init__).parameters
    assert list(sync_init) == list(async_init)
    assert shape(Portkey.with_options) == shape(AsyncPortkey.with_options)
    assert inspect.iscoroutinefunction(AsyncPortkey.close)
    assert not inspect.iscoroutinefunction(Portkey.close)
