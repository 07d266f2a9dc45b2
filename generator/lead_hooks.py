"""Stage 5: the hand-written stages of the lead's resource tree and header options.

`resources.prepare` sees the normalised description before openapi-python-client does;
`resources.emit` and `header_options.emit` write their modules into the package afterwards.
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
