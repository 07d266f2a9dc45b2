"""Stage 3: openapi-python-client 0.29.1, in-process, with our config and templates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.strings import PythonIdentifier

from generator.errors import GenerationError
from generator.model_decoding import decode_model
from generator.normalize.media import is_json
from generator.opc_places import used_classes
from generator.places import Place
from generator.spec_walk import Spec, iter_operations, path_shape

PACKAGE_NAME = "portkey_generated"
TEMPLATES = Path(__file__).parent / "templates" / "opc"
FIELD_PREFIX = "field_"
SHADOWING_PROPERTY_NAMES = frozenset({"import_models", "models_imported"})
"""Python names of properties whose `_<name>` local in a model's `from_dict` would hide the module's
`_import_models` and `_models_imported`, which that method reads first (templates/opc/model.py.jinja)."""


@dataclass(frozen=True)
class ClientOutput:
    """What opc produced: its class names, its endpoints, the classes it typed each place with
    (`places.py`) and what it reported along the way."""

    class_names: frozenset[str]
    endpoint_count: int
    problems: tuple[str, ...]
    place_classes: dict[Place, frozenset[str]]


def _content_type_overrides(spec: Spec) -> dict[str, str]:
    """Send content types opc does not know to the handling it has: JSON-like ones to JSON, other
    non-text, non-form ones (audio, images, archives...) to raw bytes."""
    known = (
        "application/json",
        "application/octet-stream",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    )
    overrides: dict[str, str] = {}
    for _path, _method, operation in iter_operations(spec):
        bodies = [operation.get("requestBody") or {}, *(operation.get("responses") or {}).values()]
        for body in bodies:
            for content_type in (body.get("content") or {}) if isinstance(body, dict) else {}:
                essence = content_type.split(";", 1)[0].strip().lower()
                if essence in known or essence.startswith("text/") or essence.endswith("+json"):
                    continue
                overrides[content_type] = (
                    "application/json" if is_json(content_type) else "application/octet-stream"
                )
    return dict(sorted(overrides.items()))


def opc_config(spec: Spec, package_dir: Path, source: Path) -> Config:
    config_file = ConfigFile(
        literal_enums=True,
        docstrings_on_attributes=True,
        package_name_override=PACKAGE_NAME,
        project_name_override=PACKAGE_NAME,
        field_prefix=FIELD_PREFIX,
        post_hooks=[],
        content_type_overrides=_content_type_overrides(spec),
    )
    meta_none = MetaType("none")  # the bare package, no pyproject/README around it
    return Config.from_sources(config_file, meta_none, source, "utf-8", True, package_dir)


def _describe(error: GeneratorError) -> str:
    detail = f": {error.detail}" if error.detail else ""
    return f"{error.header or 'problem'}{detail}".replace("\n", " ").strip()


def spec_paths(spec: Spec) -> dict[tuple[str, str], str]:
    """(method, path shape) -> the path as the description writes it; opc's endpoints carry the path
    with Python names for its parameters (`{userId}` -> `{user_id}`)."""
    return {(method, path_shape(path)): path for path, method, _operation in iter_operations(spec)}


def _check_property_names(data: GeneratorData) -> None:
    clashes = sorted(
        f"{model.class_info.name}.{prop.name.get_untrusted_value()}"
        for model in data.models
        for prop in (*(model.required_properties or ()), *(model.optional_properties or ()))
        if prop.python_name in SHADOWING_PROPERTY_NAMES
    )
    if clashes:
        raise GenerationError(
            f"rename these properties: {', '.join(clashes)}; as Python names "
            f"{' or '.join(sorted(SHADOWING_PROPERTY_NAMES))} they would hide a name the generated from_dict uses"
        )


def _annotate_modules(spec: Spec, data: GeneratorData) -> None:
    """Record on each operation the module opc wrote for it, as `x-generated-module`."""
    paths = spec_paths(spec)
    modules: dict[tuple[str, str], str] = {}
    for tag, collection in data.endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            path = paths.get((endpoint.method, path_shape(endpoint.path.get_untrusted_value())))
            if path is not None:
                modules[(path, endpoint.method)] = (
                    f"{PACKAGE_NAME}.api.{tag}.{PythonIdentifier(endpoint.name, FIELD_PREFIX)}"
                )
    for path, method, operation in iter_operations(spec):
        if (path, method) in modules:
            operation["x-generated-module"] = modules[(path, method)]


def generate_client(spec: Spec, package_dir: Path, source: Path) -> ClientOutput:
    """Write opc's package for `spec` into `package_dir` and annotate `spec` with module names."""
    config = opc_config(spec, package_dir, source)
    data = GeneratorData.from_dict(spec, config=config)
    if isinstance(data, GeneratorError):
        raise GenerationError(f"openapi-python-client cannot read the description: {_describe(data)}")
    _check_property_names(data)
    project = Project(openapi=data, config=config, custom_template_path=TEMPLATES)
    parsed_models = {str(model.class_info.name): model for model in data.models}
    project.env.globals["decode_model"] = partial(decode_model, models=parsed_models)
    problems = [_describe(error) for error in project.build()]
    _annotate_modules(spec, data)
    collections = data.endpoint_collections_by_tag.values()
    class_names = {model.class_info.name for model in data.models} | {
        enum.class_info.name for enum in data.enums
    }
    return ClientOutput(
        class_names=frozenset(class_names),
        endpoint_count=sum(len(collection.endpoints) for collection in collections),
        problems=tuple(problems),
        place_classes=used_classes(data, spec_paths(spec)),
    )
