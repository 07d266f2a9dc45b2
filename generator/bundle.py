"""Stage 1: load the OpenAPI description (the split `openapi/` folder or one file) as plain JSON data."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml

from generator.errors import GenerationError
from generator.spec_walk import Spec

ROOT_FILE = "openapi.yaml"
AREA_DIR = "paths"
CONFIG_SCHEMA_FILE = "gateway-config.schema.json"
AREA_KEYS = frozenset({"paths", "components", "tags"})


@dataclass(frozen=True)
class LoadedSpec:
    """A bundled description and what the later stages need to know about where it came from."""

    spec: Spec
    label: str  # how generated headers name the source: "openapi/" or the spec file's name
    config_schema: dict[str, Any] | None  # the gateway config JSON Schema, when there is one

    @property
    def sha256(self) -> str:
        """Digest of the bundled description as canonical JSON (sorted keys, no whitespace)."""
        return canonical_sha256(self.spec)

    @property
    def config_sha256(self) -> str:
        return canonical_sha256(self.config_schema)


def canonical_sha256(document: Any) -> str:
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _plain(node: Any) -> Any:
    """A copy made of fresh dicts, lists and JSON scalars: YAML anchors no longer share objects,
    and dates become ISO strings as they would be on the wire."""
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, datetime.date):
        return node.isoformat()
    return node


class _Yaml12Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.2's booleans (`true`/`false` only), as OpenAPI asks: PyYAML's YAML 1.1 reads an enum
    value `OFF`, `on` or `no` as a boolean."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_document(path: Path) -> Any:
    """A YAML or JSON file as plain data."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GenerationError(f"cannot read {path}: {error}") from error
    try:
        if path.suffix == ".json":
            return _plain(json.loads(text))
        return _plain(yaml.load(text, Loader=_Yaml12Loader))
    except (ValueError, yaml.YAMLError) as error:
        raise GenerationError(f"{path} is not valid YAML/JSON: {error}") from error


def _merge_area(root: Spec, area: Spec, area_name: str, origins: dict[tuple[str, str], str]) -> None:
    """Merge one area file into the root, refusing any key defined twice."""
    extra = set(area) - AREA_KEYS
    if extra:
        raise GenerationError(
            f"{area_name}: unexpected top-level keys {sorted(extra)} (allowed: paths, components, tags)"
        )
    sections: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
        ("paths", root.setdefault("paths", {}), area.get("paths") or {})
    ]
    root_components = root.setdefault("components", {})
    for kind, entries in (area.get("components") or {}).items():
        sections.append((f"components/{kind}", root_components.setdefault(kind, {}), entries or {}))
    for section, target, entries in sections:
        for key, value in entries.items():
            first = origins.get((section, key))
            if first is not None:
                raise GenerationError(f"{section}/{key} is defined twice: in {first} and in {area_name}")
            origins[(section, key)] = area_name
            target[key] = value
    for tag in area.get("tags") or []:
        name = tag.get("name")
        first = origins.get(("tags", name))
        if first is not None:
            raise GenerationError(f"tag {name!r} is declared twice: in {first} and in {area_name}")
        origins[("tags", name)] = area_name
        root.setdefault("tags", []).append(tag)


def _record_origins(spec: Spec, file_name: str) -> dict[tuple[str, str], str]:
    origins = {("paths", key): file_name for key in spec.get("paths") or {}}
    for kind, entries in (spec.get("components") or {}).items():
        origins.update({(f"components/{kind}", key): file_name for key in entries or {}})
    origins.update({("tags", tag.get("name")): file_name for tag in spec.get("tags") or []})
    return origins


def bundle_folder(folder: Path) -> Spec:
    """The root file with every `paths/*.yaml` area merged into it (areas in file-name order)."""
    root_path = folder / ROOT_FILE
    spec = read_document(root_path)
    if not isinstance(spec, dict):
        raise GenerationError(f"{root_path} does not hold an OpenAPI document")
    origins = _record_origins(spec, f"{folder.name}/{ROOT_FILE}")
    for area_path in sorted((folder / AREA_DIR).glob("*.yaml")):
        area = read_document(area_path)
        if area is None:
            continue
        if not isinstance(area, dict):
            raise GenerationError(f"{area_path} does not hold a mapping")
        _merge_area(spec, area, f"{folder.name}/{AREA_DIR}/{area_path.name}", origins)
    return spec


def validate(spec: Spec, label: str) -> None:
    """Stop the build with openapi-spec-validator's own message when the description is invalid."""
    from openapi_spec_validator import validate as validate_spec
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate_spec(spec)
    except OpenAPIValidationError as error:
        raise GenerationError(f"{label} is not a valid OpenAPI description: {error}") from error


def load_folder(folder: Path) -> LoadedSpec:
    """Our own description: bundled, validated, with its gateway config schema."""
    label = f"{folder.name}/"
    spec = bundle_folder(folder)
    validate(spec, label)
    config_path = folder / CONFIG_SCHEMA_FILE
    config_schema = read_document(config_path) if config_path.is_file() else None
    return LoadedSpec(spec=spec, label=label, config_schema=config_schema)


def load_file(path: Path) -> LoadedSpec:
    """Any single-file description, as it is (real-world specs are not required to validate)."""
    spec = read_document(path)
    if not isinstance(spec, dict) or "paths" not in spec:
        raise GenerationError(f"{path} does not hold an OpenAPI document")
    config_path = path.parent / CONFIG_SCHEMA_FILE
    config_schema = read_document(config_path) if config_path.is_file() else None
    return LoadedSpec(spec=spec, label=path.name, config_schema=config_schema)
