"""Typed usage examples: never run, checked by mypy --strict and pyright strict (`make typecheck`).

Lines that type checkers must reject carry an expected-error comment for each checker; both are set to
report an ignore that is no longer needed, so a line that starts to type-check fails the build.
"""
