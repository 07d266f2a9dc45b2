"""The Python blocks of the README and docs/: parsed by Sybil, run by the test suite, type-checked by
`make typecheck`.

A block runs unless an HTML comment right before it says why it cannot run offline:

    <!-- skip: next "calls hosted Portkey: needs a Portkey API key" -->

(Sybil's own skip directive; the reason is required here). Blocks of one document share a namespace,
in order, as a reader pastes them. Every block, skipped or not, is type-checked: `python -m
tests.docs.blocks DIR` writes one module per document into DIR with each block on its own line numbers,
so a mypy error names the Markdown line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from sybil import Document, Example, Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

ROOT = Path(__file__).resolve().parents[2]
SYBIL = Sybil(parsers=[PythonCodeBlockParser(), SkipParser()])
SKIP = re.compile(r"<!--\s*skip:\s*(?P<arguments>.*?)\s*-->")
REASON = re.compile(r'next\s+"[^"]+"')
"""The only skip this project allows: the next block, with a quoted reason."""


def documents() -> list[Path]:
    """The Markdown files whose Python blocks are checked."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def parse(path: Path) -> Document:
    return SYBIL.parse(path)


def code_blocks(document: Document) -> Iterator[tuple[int, str]]:
    """Each Python block's first line of code (1-based) and its source."""
    for example in document:
        if is_code(example):
            yield example.line + 1, str(example.parsed)


def is_code(example: Example) -> bool:
    return not isinstance(example.parsed, tuple)


def bad_skips(path: Path) -> list[str]:
    """Skip directives in `path` that are not `skip: next "reason"`, as `file:line: text`."""
    text = path.read_text()
    return [
        f"{path.name}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}"
        for m in SKIP.finditer(text)
        if not REASON.fullmatch(m.group("arguments"))
    ]


def module_source(path: Path) -> str:
    """All Python blocks of `path` in one module, each on the lines it has in the Markdown."""
    lines = [""] * path.read_text().count("\n")
    lines[0] = f"# The Python blocks of {path.relative_to(ROOT)}, on their Markdown line numbers."
    for first, source in code_blocks(parse(path)):
        for offset, line in enumerate(source.splitlines()):
            lines[first - 1 + offset] = line
    return "\n".join(lines).rstrip() + "\n"


def module_name(path: Path) -> str:
    return re.sub(r"\W", "_", str(path.relative_to(ROOT)).removesuffix(".md")).lower()


def write_modules(out: Path) -> list[Path]:
    """One module per document with Python blocks into `out` (emptied first); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.py"):
        old.unlink()
    written = []
    for path in documents():
        if not any(code_blocks(parse(path))):
            continue
        target = out / f"{module_name(path)}.py"
        target.write_text(module_source(path))
        written.append(target)
    return written


if __name__ == "__main__":
    for written in write_modules(Path(sys.argv[1])):
        print(written)
