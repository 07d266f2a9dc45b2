"""The modules portkey_typed's facade builds on: the resource tree and the header options.

`prepare` records the resource tree on the normalised description before openapi-python-client reads
it; `emit` writes `resources/`, `header_options.py` and `response_headers.py` once the models and
TypedDicts exist and nothing was lost.
"""

from __future__ import annotations

from pathlib import Path

from generator import header_options, resources
from generator.spec_walk import Spec


def prepare(spec: Spec) -> Spec:
    return resources.prepare(spec)


def emit(spec: Spec, package_dir: Path) -> None:
    resources.emit(spec, package_dir)
    header_options.emit(spec, package_dir)
