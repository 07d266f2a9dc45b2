"""What a regeneration changed in the public Python API (portkey_typed and portkey_generated), for users.

    python -m generator.change_report                      # the working tree against HEAD
    python -m generator.change_report --old v0.1.0         # ... against any git revision
    python -m generator.change_report --changelog CHANGELOG.md   # also add the entries under "Unreleased"

Only the modules whose text differs are parsed (with griffe, statically: nothing is imported). Breaking
changes are griffe's API-breakage check (removed objects and parameters, parameters that became required,
moved or changed kind or default) plus what it leaves out: a changed annotation of a field, a parameter or
a return value. Additions (modules, classes, fields, methods, optional parameters) are listed as such.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import griffe

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"portkey_typed": Path("portkey_typed"), "portkey_generated": Path("generated/portkey_generated")}
"""The public packages and where each lies in the repository."""
UNRELEASED = "## Unreleased"


@dataclass(frozen=True, order=True)
class Change:
    """One change of the public API: the dotted path of the object, what happened, and whether code
    written against the old API can break."""

    breaking: bool
    path: str
    what: str

    def line(self) -> str:
        return f"- {'**breaking** ' if self.breaking else ''}`{self.path}`: {self.what}"


Sources = Mapping[str, str]
"""A module's file path below the folder that holds its package (`portkey_typed/_client.py`) -> its text."""


def compare(old: Sources, new: Sources) -> list[Change]:
    """Every public change from the `old` to the `new` modules, breaking ones first, then by path. Both
    sides are loaded as packages (so classes see the members of their bases in the same sources); an
    object of a private module (`portkey_typed._client`) counts when a public module exports it."""
    exported = _exported(old) | _exported(new)
    changes: set[Change] = set()
    with tempfile.TemporaryDirectory() as scratch:
        before, after = _load(old, Path(scratch) / "old"), _load(new, Path(scratch) / "new")
        exported |= _bases(exported, before) | _bases(exported, after)
        for package in sorted(before.keys() | after.keys()):
            if package not in after:
                changes.add(Change(True, package, "package removed"))
            elif package not in before:
                changes.add(Change(False, package, "package added"))
            else:
                changes.update(_member_changes(before[package], after[package]))
    public = {c for c in changes if not _private(c.path) or any(_within(c.path, e) for e in exported)}
    return sorted(public, key=lambda c: (not c.breaking, c.path, c.what))


def _load(sources: Sources, folder: Path) -> dict[str, griffe.Module]:
    """Write the sources below `folder` and load each top-level package with griffe (statically)."""
    for path, text in sources.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text)
    packages = {Path(path).parts[0] for path in sources}
    loader = griffe.GriffeLoader(search_paths=[folder], allow_inspection=False)
    return {package: cast("griffe.Module", loader.load(package)) for package in sorted(packages)}


def _bases(exported: set[str], packages: Mapping[str, griffe.Module]) -> set[str]:
    """The classes that exported classes inherit from: their members are public through them."""
    found = set()
    for path in exported:
        package, _, rest = path.partition(".")
        try:
            obj = packages[package][rest] if rest else packages[package]
        except KeyError:
            continue
        if isinstance(obj, griffe.Class):
            found.update(base.path for base in obj.mro())
    return found


def _exported(sources: Sources) -> set[str]:
    """The full paths of what public modules export (`__all__`) from elsewhere."""
    found = set()
    for path, source in sources.items():
        name = _module_name(Path(path))
        if _private(name):
            continue
        module = griffe.visit(name, filepath=Path(path), code=source)
        found.update(module.imports[n] for n in module.exports or () if n in module.imports)
    return found


def _private(path: str) -> bool:
    """Whether a dotted path has a private part (`_client`, `_request`; `__init__` is public)."""
    return any(part.startswith("_") and not part.endswith("__") for part in path.split("."))


def _within(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent + ".")


def report(changes: list[Change]) -> str:
    """The changes as Markdown: the breaking ones, then the rest."""
    if not changes:
        return "No change to the public API."
    breaking = [c.line() for c in changes if c.breaking]
    other = [c.line() for c in changes if not c.breaking]
    parts = []
    if breaking:
        parts.append(f"Breaking changes ({len(breaking)}):\n\n" + "\n".join(breaking))
    if other:
        parts.append(f"Other changes ({len(other)}):\n\n" + "\n".join(other))
    return "\n\n".join(parts)


def add_to_changelog(changelog: Path, changes: list[Change]) -> None:
    """Add the changes' lines under the changelog's "Unreleased" heading (made when missing), each once."""
    text = changelog.read_text() if changelog.exists() else "# Changelog\n"
    if UNRELEASED not in text:
        title, found, rest = text.partition("\n## ")
        text = f"{title.rstrip()}\n\n{UNRELEASED}\n" + (f"\n## {rest}" if found else "")
    head, _, after = text.partition(UNRELEASED + "\n")
    section, found, later = after.partition("\n## ")
    entries = [line for line in section.splitlines() if line.strip()]
    entries += [line for line in (c.line() for c in changes) if line not in entries]
    body = "".join(f"{line}\n" for line in entries)
    changelog.write_text(f"{head}{UNRELEASED}\n\n{body}" + (f"\n## {later}" if found else ""))


def changed_sources(old: str, new: str | None, root: Path = ROOT) -> tuple[dict[str, str], dict[str, str]]:
    """The modules of the packages at git revision `old` and at `new` (None: the working tree), limited to
    the files that differ and the packages' `__init__` modules (for what they export)."""
    folders = [str(folder) for folder in PACKAGES.values()]
    changed = _git(root, "diff", "--name-only", old, *([new] if new else []), "--", *folders).split()
    if new is None:
        changed += _git(root, "ls-files", "--others", "--exclude-standard", "--", *folders).split()
    inits = {
        p
        for rev in (old, new or "HEAD")
        for p in _git(root, "ls-tree", "-r", "--name-only", rev, "--", *folders).split()
        if p.endswith("__init__.py")
    }
    paths = sorted({p for p in changed if p.endswith(".py")} | inits)
    before = _read_revision(root, old, paths)
    after = (
        _read_revision(root, new, paths)
        if new
        else {p: (root / p).read_text() for p in paths if (root / p).exists()}
    )
    return _by_package(before), _by_package(after)


def directory_sources(root: Path, package: str) -> dict[str, str]:
    """Every module of `package` under `root` (a build of the generator, say)."""
    return {str(path.relative_to(root)): path.read_text() for path in sorted((root / package).rglob("*.py"))}


def _read_revision(root: Path, revision: str, paths: list[str]) -> dict[str, str]:
    """The files of `paths` that exist at `revision`, read by one `git cat-file --batch`."""
    request = "".join(f"{revision}:{path}\n" for path in paths).encode()
    output = subprocess.run(
        ["git", "cat-file", "--batch"], cwd=root, input=request, capture_output=True, check=True
    ).stdout
    files, offset = {}, 0
    for path in paths:
        header_end = output.index(b"\n", offset)
        header = output[offset:header_end].split()
        offset = header_end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        files[path] = output[offset : offset + size].decode()
        offset += size + 1
    return files


def _by_package(files: Mapping[str, str]) -> dict[str, str]:
    """Repository paths -> paths below the folder that holds each package."""
    moved = {}
    for path, text in files.items():
        for package, folder in PACKAGES.items():
            if Path(path).is_relative_to(folder):
                moved[str(package / Path(path).relative_to(folder))] = text
    return moved


def _module_name(path: Path) -> str:
    parts = path.with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def _griffe_breakages(old: griffe.Object, new: griffe.Object) -> Iterator[Change]:
    for breakage in griffe.find_breaking_changes(old, new):
        what = breakage.kind.value.lower()
        if breakage.kind is griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT:
            what += f": {breakage.old_value.default} -> {breakage.new_value.default}"
        if breakage.kind.name.startswith("PARAMETER"):
            parameter = breakage.old_value or breakage.new_value
            what = f"parameter `{parameter.name}` {what.removeprefix('parameter ')}"
        yield Change(True, breakage.obj.path, what)


def _member_changes(old: griffe.Object, new: griffe.Object) -> Iterator[Change]:
    """Below two versions of a module or class: griffe's breakages (run on every module, private ones
    too, as their objects may be exported), additions, and the annotation changes griffe leaves out."""
    if isinstance(old, griffe.Module) and isinstance(new, griffe.Module):
        yield from _griffe_breakages(old, new)
    old_members, new_members = _members(old), _members(new)
    for name, member in new_members.items():
        if name not in old_members:
            yield Change(False, member.path, f"{_describe(member)} added")
    for name, before in old_members.items():
        after = new_members.get(name)
        if after is None or before.kind != after.kind:
            continue  # removed or changed kind: griffe's check reports it
        if isinstance(before, griffe.Attribute) and isinstance(after, griffe.Attribute):
            if str(before.annotation) != str(after.annotation):
                yield Change(True, after.path, f"type changed: `{before.annotation}` -> `{after.annotation}`")
        elif isinstance(before, griffe.Function) and isinstance(after, griffe.Function):
            yield from _signature_changes(after.path, before, after)
        elif isinstance(before, (griffe.Class, griffe.Module)) and isinstance(
            after, (griffe.Class, griffe.Module)
        ):
            yield from _member_changes(before, after)


def _signature_changes(path: str, old: griffe.Function, new: griffe.Function) -> Iterator[Change]:
    before = {p.name: p for p in old.parameters}
    for parameter in new.parameters:
        previous = before.get(parameter.name)
        if previous is None:
            if not parameter.required:
                yield Change(False, path, f"parameter `{_describe_parameter(parameter)}` added")
        elif str(previous.annotation) != str(parameter.annotation):
            yield Change(
                True,
                path,
                f"parameter `{parameter.name}`: type changed: `{previous.annotation}` -> `{parameter.annotation}`",
            )
    if str(old.returns) != str(new.returns):
        yield Change(True, path, f"return type changed: `{old.returns}` -> `{new.returns}`")


def _members(obj: griffe.Object) -> dict[str, griffe.Object]:
    """The members defined (or, for a class, inherited from bases griffe can resolve), imports left out."""
    members = obj.all_members if isinstance(obj, griffe.Class) else obj.members
    return {name: m for name, m in members.items() if isinstance(m, griffe.Object) and not m.is_alias}


def _describe(member: griffe.Object) -> str:
    if isinstance(member, griffe.Attribute) and member.annotation is not None:
        return f"field `{member.name}: {member.annotation}`"
    if isinstance(member, griffe.Function):
        parameters = ", ".join(_describe_parameter(p) for p in member.parameters if p.name != "self")
        return f"{'method' if member.parent and member.parent.is_class else 'function'} `{member.name}({parameters})`"
    return f"{member.kind.value} `{member.name}`"


def _describe_parameter(parameter: griffe.Parameter) -> str:
    text = parameter.name if parameter.annotation is None else f"{parameter.name}: {parameter.annotation}"
    return text if parameter.default is None else f"{text} = {parameter.default}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--old", default="HEAD", help="the git revision to compare with (default: HEAD)")
    parser.add_argument("--new", help="a git revision to compare (default: the working tree)")
    parser.add_argument("--changelog", type=Path, help="add the entries under this file's Unreleased heading")
    parser.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking")
    args = parser.parse_args(argv)
    changes = compare(*changed_sources(args.old, args.new))
    print(f"API changes from {args.old} to {args.new or 'the working tree'}:\n\n{report(changes)}")
    if args.changelog:
        add_to_changelog(args.changelog, changes)
    return 1 if args.fail_on_breaking and any(c.breaking for c in changes) else 0


if __name__ == "__main__":
    sys.exit(main())
