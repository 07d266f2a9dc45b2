"""The stages in order: bundle -> normalize -> prepare -> opc -> TypedDicts -> account ->
emit -> type index -> finalize."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from generator import facade_modules, type_index
from generator.accounting import Accounting, account
from generator.bundle import LoadedSpec
from generator.finalize import finalize, tool_versions, write_stats
from generator.normalize import normalize
from generator.opc_client import PACKAGE_NAME, generate_client
from generator.params import TypedDictOutput, write_gateway_config, write_request_params
from generator.spec_walk import count_operations


def build(source: LoadedSpec, out_dir: Path) -> Accounting:
    """Generate `<out_dir>/portkey_generated/` and `<out_dir>/generation-stats.json` (`out_dir` is
    expected to be empty). When an operation or a schema is lost, stop right after counting: the
    later stages assume everything is there, and the accounting names what is not."""
    package_dir = out_dir / PACKAGE_NAME
    spec = facade_modules.prepare(normalize(source.spec))
    with contextlib.redirect_stdout(io.StringIO()):  # opc prints "Generating <dir>"
        client = generate_client(spec, package_dir, Path(source.label))
    typed_dicts: dict[str, TypedDictOutput] = {"params.py": write_request_params(spec, package_dir)}
    if source.config_schema is not None:
        typed_dicts["gateway_config.py"] = write_gateway_config(source.config_schema, package_dir)
    result = account(count_operations(source.spec), spec, client, typed_dicts)
    if not result.ok:
        return result
    facade_modules.emit(spec, package_dir)
    config = typed_dicts.get("gateway_config.py")
    type_index.emit(
        spec,
        package_dir,
        client.written_classes,
        typed_dicts["params.py"].defined,
        config.defined if config else frozenset(),
    )
    finalize(package_dir, source.label)
    stats = {
        "source": source.label,
        "spec_sha256": source.sha256,
        "tools": tool_versions(),
        "operations": result.operations,
        "generated": result.generated,
        "schemas": len(spec["components"]["schemas"]),
        "model_classes": len(client.written_classes),
        "schemas_lost": len(result.lost),
    }
    if source.config_schema is not None:
        stats["gateway_config_sha256"] = source.config_sha256
    write_stats(out_dir, stats)
    return result
