"""Print the README's table of client options and the headers they become, from the option table that
`make generate` writes from openapi/; `--write` puts it into README.md (tests/docs/test_readme_options.py
checks the README's table against it, cell by cell)."""

from __future__ import annotations

import sys
from pathlib import Path

from portkey_generated.header_options import HEADER_OPTIONS

README = Path(__file__).resolve().parents[1] / "README.md"
HEADER_ROW = "| keyword | header | encoding | secret |"

ENCODINGS = {
    "string": "as given",
    "boolean": '`"true"` / `"false"`',
    "integer": "decimal",
    "json": "compact JSON (a string is sent as given)",
    "csv": "comma-joined, lower-cased",
}
OWN_ENCODINGS = {
    "config": "a slug as given, or the checked config as compact JSON",
    "metadata": "compact JSON of a mapping of strings to strings; a JSON string of one is sent as given",
}
"""Options the client encodes beyond their kind: a config is checked against its schema, metadata's values
must be strings."""


def table() -> str:
    """The markdown table, one row per option, sorted by keyword."""
    rows = [HEADER_ROW, "|---|---|---|---|"]
    for option in sorted(HEADER_OPTIONS.values()):
        encoding = OWN_ENCODINGS.get(option.name, ENCODINGS[option.encoding])
        rows.append(
            f"| `{option.name}` | `{option.header}` | {encoding} | {'yes' if option.secret else ''} |"
        )
    return "\n".join(rows)


def table_in(text: str) -> str:
    """The option table as it stands in a Markdown text (empty when it has none)."""
    lines = text.splitlines()
    if HEADER_ROW not in lines:
        return ""
    start = lines.index(HEADER_ROW)
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    return "\n".join(lines[start:end])


def write_readme() -> None:
    """Replace the README's option table with the generated one."""
    text = README.read_text()
    current = table_in(text)
    if not current:
        raise SystemExit(f"{README} has no option table (a line {HEADER_ROW!r}) to replace")
    README.write_text(text.replace(current, table()))


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write_readme()
    else:
        print(table())
