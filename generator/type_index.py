"""`type_index.py`: every type a user names, in one module, each loaded on first use.

Names: the response models keep their component names (`ChatCompletion`); the request TypedDicts
of `params.py` are `<Name>Param` (`ChatCompletionRequestUserMessageParam`, as the official SDKs name
theirs: openai-python-client writes a model of the same name for many of them); the gateway config's
TypedDicts keep theirs (`GatewayConfig`, `Target`), `<Name>Param` where a model has the name too;
`FileInput` is the type of file fields. Envelopes (`x-sdk-envelope`), which only decode, stay out.
The list comes from the generator's own data: the names each stage reported defining.
"""

from __future__ import annotations

from pathlib import Path

from generator.spec_walk import Spec, component_schemas

PARAM_SUFFIX = "Param"
FILE_INPUT = ("._file_types", "FileInput")


def public_names(
    spec: Spec, models: frozenset[str], params: frozenset[str], config: frozenset[str]
) -> dict[str, tuple[str, str]]:
    """Public name -> (module relative to the package, name in that module), sorted by public name."""
    schemas = component_schemas(spec)
    where: dict[str, tuple[str, str]] = {"FileInput": FILE_INPUT}
    for name in models:
        if not schemas.get(name, {}).get("x-sdk-envelope"):
            where[name] = (".models", name)
    for name in (name for name in params if not name.startswith("_")):
        where[f"{name}{PARAM_SUFFIX}"] = (".params", name)
    for name in (name for name in config if not name.startswith("_")):
        where[f"{name}{PARAM_SUFFIX}" if name in where else name] = (".gateway_config", name)
    return dict(sorted(where.items()))


def emit(
    spec: Spec, package_dir: Path, models: frozenset[str], params: frozenset[str], config: frozenset[str]
) -> None:
    where = public_names(spec, models, params, config)
    imports: dict[str, list[str]] = {}
    for public, (module, name) in where.items():
        imports.setdefault(module, []).append(name if name == public else f"{name} as {public}")
    lines = [
        '"""Every type of the API in one module, each imported on first use: the response models,',
        "the request TypedDicts (`<Name>Param`), the gateway config's TypedDicts and `FileInput`.",
        'Users import them from `portkey_typed.types`."""',
        "",
        "from __future__ import annotations",
        "",
        "import importlib",
        "from typing import TYPE_CHECKING, Any",
        "",
        "if TYPE_CHECKING:",
    ]
    for module in sorted(imports):
        lines.append(f"    from {module} import {', '.join(sorted(imports[module]))}")
    lines += ["", "_WHERE: dict[str, tuple[str, str]] = {"]
    lines += [f'    "{public}": ("{module}", "{name}"),' for public, (module, name) in where.items()]
    lines += [
        "}",
        "",
        "# Annotated: past a few hundred items pyright no longer infers the tuple's item type.",
    ]
    lines += ["__all__: tuple[str, ...] = ("]
    lines += [f'    "{public}",' for public in where]
    lines += [
        ")",
        "",
        "",
        "def __getattr__(name: str) -> Any:",
        '    """Import the module that defines `name` the first time `name` is asked for (PEP 562)."""',
        "    found = _WHERE.get(name)",
        "    if found is None:",
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        "    value = getattr(importlib.import_module(found[0], __package__), found[1])",
        "    globals()[name] = value",
        "    return value",
        "",
        "",
        "def __dir__() -> list[str]:",
        "    return list(__all__)",
        "",
    ]
    (package_dir / "type_index.py").write_text("\n".join(lines), encoding="utf-8")
