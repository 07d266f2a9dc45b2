"""The README's option table is the generated option table."""

from __future__ import annotations

from pathlib import Path

from portkey_generated.header_options import HEADER_OPTIONS

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_option_has_its_row() -> None:
    text = README.read_text()
    missing = [o.name for o in HEADER_OPTIONS.values() if f"| `{o.name}` | `{o.header}` |" not in text]
    assert not missing, (
        f"README lacks rows for {missing}: run `python scripts/options_table.py` and paste the table"
    )
