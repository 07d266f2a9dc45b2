"""Stage 3: openapi-python-client 0.29.1, in-process, with our config and templates: it parses the
description (what the accounting reads) and writes `types.py` and the response models."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.strings import ClassName

from generator.errors import GenerationError
from generator.model_decoding import decode_model
from generator.model_scope import request_only_schemas
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
    """What opc produced: its class names, its endpoints (their count is `len(endpoints)`), the classes it typed each place with
    (`places.py`) and what it reported along the way."""

    class_names: frozenset[str]  # every class opc parsed
    written_classes: frozenset[str]  # the model classes written (request-only ones are TypedDicts only)
    endpoints: frozenset[tuple[str, str]]  # (method, path shape) of every endpoint opc wrote
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


CREDENTIAL_FIELDS = (
    "secret",
    "password",
    "passphrase",
    "private_key",
    "api_key",
    "access_token",
    "refresh_token",
    "id_token",
    "bearer_token",
    "session_token",
)
"""Names of response fields that hold a credential, alone or as the last words of a longer name
(`client_secret`, `access_token`, `aws_session_token`): kept out of the model's repr, so printing a result
shows no secret."""


def _holds_credential(name: str) -> bool:
    return any(name == word or name.endswith(f"_{word}") for word in CREDENTIAL_FIELDS)


def hidden_from_repr(declaration: str, name: str) -> str:
    """`name: T` / `name: T = D` as an attrs field left out of the repr when `name` is a credential's."""
    if not _holds_credential(name):
        return declaration
    annotation, _, default = declaration.partition(" = ")
    field = f"_attrs_field(default={default}, repr=False)" if default else "_attrs_field(repr=False)"
    return f"{annotation} = {field}"


def generate_client(spec: Spec, package_dir: Path, source: Path) -> ClientOutput:
    """Write opc's `types.py` and the model modules the clients decode with (`model_scope.py`) into
    `package_dir`. Its endpoint modules, `client.py` and `errors.py` are not written: the resources
    send requests themselves and send TypedDicts, so those would serve nothing."""
    config = opc_config(spec, package_dir, source)
    data = GeneratorData.from_dict(spec, config=config)
    if isinstance(data, GeneratorError):
        raise GenerationError(f"openapi-python-client cannot read the description: {_describe(data)}")
    _check_property_names(data)
    request_only = request_only_schemas(spec)
    written = dataclasses.replace(
        data,
        models=[model for model in data.models if model.class_info.name not in request_only],
        enums=[enum for enum in data.enums if enum.class_info.name not in request_only],
    )
    project = Project(openapi=written, config=config, custom_template_path=TEMPLATES)
    parsed_models = {str(model.class_info.name): model for model in data.models}
    schemas = spec.get("components", {}).get("schemas", {})
    envelopes = frozenset(
        str(ClassName(name, "")) for name, schema in schemas.items() if schema.get("x-sdk-envelope")
    )
    project.env.globals["decode_model"] = partial(decode_model, models=parsed_models, envelopes=envelopes)
    project.env.filters["hidden_from_repr"] = hidden_from_repr
    # `Project.build` minus `_build_api` (and minus metadata and post hooks, which `--meta none` and
    # `post_hooks=[]` turn off anyway); openapi-python-client is pinned, so these names hold.
    project.package_dir.mkdir(parents=True, exist_ok=True)
    project._create_package()
    project._build_models()
    problems = [_describe(error) for error in project._get_errors()]
    collections = data.endpoint_collections_by_tag.values()
    class_names = {model.class_info.name for model in data.models} | {
        enum.class_info.name for enum in data.enums
    }
    return ClientOutput(
        class_names=frozenset(class_names),
        written_classes=frozenset(model.class_info.name for model in written.models)
        | frozenset(enum.class_info.name for enum in written.enums),
        endpoints=frozenset(
            (endpoint.method, path_shape(endpoint.path.get_untrusted_value()))
            for collection in collections
            for endpoint in collection.endpoints
        ),
        problems=tuple(problems),
        place_classes=used_classes(data, spec_paths(spec)),
    )
