"""`--check`: does a fresh build match what is on disk?"""

from __future__ import annotations

from pathlib import Path

from generator.finalize import generated_files


def differing_files(expected_dir: Path, actual_dir: Path) -> list[str]:
    """Relative paths that differ, are missing from `actual_dir`, or should not be there."""
    expected = {path.relative_to(expected_dir).as_posix(): path for path in generated_files(expected_dir)}
    actual = (
        {path.relative_to(actual_dir).as_posix(): path for path in generated_files(actual_dir)}
        if actual_dir.is_dir()
        else {}
    )
    report = []
    for name in sorted(expected.keys() | actual.keys()):
        if name not in actual:
            report.append(f"missing: {name}")
        elif name not in expected:
            report.append(f"not generated any more: {name}")
        elif expected[name].read_bytes() != actual[name].read_bytes():
            report.append(f"differs: {name}")
    return report
