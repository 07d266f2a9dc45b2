"""Print the README's table of client options and the headers they become (from the generated table)."""

from __future__ import annotations

from portkey_generated.header_options import HEADER_OPTIONS

ENCODINGS = {
    "string": "as given",
    "boolean": '`"true"` / `"false"`',
    "integer": "decimal",
    "json": "compact JSON (a string is sent as given)",
    "csv": "comma-joined, lower-cased",
}


def table() -> str:
    """The markdown table, one row per option, sorted by keyword."""
    rows = ["| keyword | header | encoding | secret |", "|---|---|---|---|"]
    for option in sorted(HEADER_OPTIONS.values()):
        encoding = (
            "a slug as given, or the checked config as compact JSON"
            if option.name == "config"
            else ENCODINGS[option.encoding]
        )
        rows.append(
            f"| `{option.name}` | `{option.header}` | {encoding} | {'yes' if option.secret else ''} |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
