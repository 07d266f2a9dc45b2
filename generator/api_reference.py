"""`api.md`: the API reference, written from the resource tree the resources stage built.

One section per resource (`client.chat.completions`), the types its methods return (importable from
`portkey_typed.types`), then per method its HTTP route, its call with every keyword, the return type
and a table of the parameters with their descriptions. The per-call options that every method takes
(`extra_headers`, `timeout`...) are described once, at the top.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.resources import Method, Node, Param

FILE_NAME = "api.md"
_QUALIFIERS = re.compile(r"\b_m_\w+\.|\b_models\.")
_NAMES = re.compile(r"\b[A-Z][A-Za-z0-9]+\b")
_NOT_TYPES = frozenset({"Any", "Literal", "None", "Sequence", "Mapping", "Stream", "AsyncStream"})


def _plain(annotation: str) -> str:
    """An annotation as users write it (`ChatCompletion`, not `_m_chat_completion.ChatCompletion`)."""
    return _QUALIFIERS.sub("", annotation)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _returns(method: Method) -> str:
    plain = _plain(method.returns)
    if method.stream_only:
        return f"Stream[{_plain(method.chunk or 'Any')}]"
    if method.chunk:
        return f"{plain} (with stream=True: Stream[{_plain(method.chunk)}])"
    return plain


def _call(node: Node, method: Method) -> str:
    params: list[str] = [p.name for p in method.path_params]
    keywords = [*method.body_fields, *method.query_params]
    if keywords or method.chunk or method.body_type:
        params.append("*")
    params += [p.name if p.required else f"{p.name}=..." for p in keywords]
    if method.chunk and not method.stream_only:
        params.append("stream=...")
    if method.body_type:
        params.append("body")
    params += [f"{name}=..." for name, _annotation in method.header_options]
    return f"client.{'.'.join(node.path)}.{method.name}({', '.join(params)}) -> {_returns(method)}"


def _as_param_names(param: Param) -> Param:
    """A body field with its TypedDicts named as `portkey_typed.types` names them (`<Name>Param`)."""

    def rename(found: re.Match[str]) -> str:
        name = found.group(0)
        return name if name in _NOT_TYPES or name == "FileInput" else f"{name}Param"

    return replace(param, annotation=_NAMES.sub(rename, param.annotation))


def _rows(method: Method) -> list[str]:
    def row(param: Param, where: str) -> str:
        wire = f" (`{param.wire}`)" if param.wire != param.name else ""
        required = "yes" if param.required else ""
        annotation = _cell(_plain(param.annotation))
        return (
            f"| `{param.name}`{wire} | {where} | `{annotation}` | {required} | {_cell(param.description)} |"
        )

    rows = [row(p, "path") for p in method.path_params]
    rows += [row(p, "body") for p in map(_as_param_names, method.body_fields)]
    rows += [row(p, "query") for p in method.query_params]
    if method.body_type:
        rows.append(f"| `body` | body | `{_plain(method.body_type)}` | yes | The whole request body. |")
    if method.header_options:
        names = ", ".join(f"`{name}`" for name, _annotation in method.header_options)
        rows.append(f"| {names} | header | see the client options |  | Portkey per-call options. |")
    return rows


def _types(node: Node) -> list[str]:
    names: set[str] = set()
    for method in node.methods.values():
        for annotation in (method.returns, method.chunk or "", method.paging.item if method.paging else ""):
            names.update(n for n in _NAMES.findall(_plain(annotation)) if n not in _NOT_TYPES)
    return sorted(names)


def _sorted_walk(node: Node) -> list[Node]:
    return [node] + [n for name in sorted(node.children) for n in _sorted_walk(node.children[name])]


def render(root: Node) -> str:
    lines = [
        "# API reference",
        "",
        "Generated from `openapi/` by `make generate` (do not edit by hand). Every resource of `Portkey`",
        "and `AsyncPortkey` (the async client has the same methods, awaited; streams are `AsyncStream`),",
        "each method's HTTP route, keywords and return type. Types come from one import:",
        "`from portkey_typed.types import ...` (request TypedDicts are `<Name>Param` there).",
        "",
        "Every method also takes `extra_headers`, `extra_query`, `extra_body`, `timeout` and",
        "`max_retries`, and has a `with_raw_response` twin that returns the HTTP response with `.parse()`.",
        "Data-plane methods take the Portkey per-call options (`trace_id`, `metadata`, `config`,",
        "`cache_force_refresh`, `cache_namespace`) where no parameter of the operation has the name;",
        "`client.with_options(...)` gives every one of them to any call.",
        "",
    ]
    for node in _sorted_walk(root):
        if not node.methods:
            continue
        depth = min(len(node.path), 4) + 1
        lines += [f"{'#' * depth} `client.{'.'.join(node.path)}`", ""]
        types = _types(node)
        if types:
            lines += [
                "Types:",
                "",
                "```python",
                f"from portkey_typed.types import {', '.join(types)}",
                "```",
                "",
            ]
        for name in sorted(node.methods):
            method = node.methods[name]
            route = f"{method.http_method} {method.path}"
            lines += [f"- `{route}`: `{_call(node, method)}`", ""]
            summary = method.docstring.split("\n\n", 1)[0].replace("\\\\", "\\")
            lines += [f"  {summary}", ""]
            if method.paging:
                lines += [f"  `{method.paging.name}(...)` iterates over the items of every page.", ""]
            rows = _rows(method)
            if rows:
                lines += ["  | parameter | in | type | required | description |", "  |---|---|---|---|---|"]
                lines += [f"  {row}" for row in rows]
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write(root: Node, out_dir: Path) -> None:
    (out_dir / FILE_NAME).write_text(render(root), encoding="utf-8")
