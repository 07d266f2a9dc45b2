"""README's rule for per-call Portkey options: they keep their names (`trace_id=`, `config=`...) and a
body field of the same name goes in `extra_body`; no method spells an option `portkey_<name>`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import portkey_generated.resources as resources

KNOWN_EXCEPTIONS = {"feedback.create"}
"""`feedback.create(portkey_trace_id=)`: the change of the resource signatures removes it; empty this then."""


def prefixed_options() -> set[str]:
    """`module.method` of every resource method with a keyword named `portkey_...`."""
    found = set()
    for info in pkgutil.iter_modules(resources.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{resources.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            for name, method in inspect.getmembers(cls, inspect.isfunction):
                if any(p.startswith("portkey_") for p in inspect.signature(method).parameters):
                    found.add(f"{info.name}.{name}")
    return found


def test_per_call_options_keep_their_names() -> None:
    unexpected = prefixed_options() - KNOWN_EXCEPTIONS
    assert not unexpected, f"these methods spell a per-call option portkey_...: {sorted(unexpected)}"
