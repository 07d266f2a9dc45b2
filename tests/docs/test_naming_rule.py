"""README's rule for per-call Portkey options: they keep their names (`trace_id=`, `config=`...) where no
body field has the name (the body field wins, the option goes through `with_options`); no method spells an
option `portkey_<name>`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import portkey_generated.resources as resources
from portkey_generated.header_options import HEADER_OPTIONS

PREFIXED = {f"portkey_{name}" for name in HEADER_OPTIONS}


def prefixed_options() -> set[str]:
    """`module.method` of every resource method with a keyword named `portkey_<option>`."""
    found = set()
    for info in pkgutil.iter_modules(resources.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{resources.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            for name, method in inspect.getmembers(cls, inspect.isfunction):
                if PREFIXED & set(inspect.signature(method).parameters):
                    found.add(f"{info.name}.{name}")
    return found


def test_per_call_options_keep_their_names() -> None:
    unexpected = prefixed_options()
    assert not unexpected, f"these methods spell a per-call option portkey_...: {sorted(unexpected)}"
