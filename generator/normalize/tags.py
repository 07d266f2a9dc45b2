"""Pass: every operation has exactly one tag, declared in the document's `tags`."""

from __future__ import annotations

from generator.spec_walk import Spec, iter_operations

DEFAULT_TAG = "default"


def _tag_from_path(path: str) -> str:
    """The first path segment that is not a parameter or a version (`/v1/files/{id}` -> `files`)."""
    for segment in path.split("/"):
        if segment and not segment.startswith("{") and not (segment[:1] == "v" and segment[1:].isdigit()):
            return segment
    return DEFAULT_TAG


def ensure_single_tag(spec: Spec) -> None:
    """An untagged operation takes its first path segment as tag; a multi-tagged one keeps its first
    tag (the others move to `x-other-tags`). Tags used but not declared are declared, in order of use."""
    declared = [tag for tag in spec.get("tags") or [] if isinstance(tag, dict)]
    declared_names = {tag.get("name") for tag in declared}
    for path, _method, operation in iter_operations(spec):
        tags = [tag for tag in operation.get("tags") or [] if isinstance(tag, str) and tag]
        if not tags:
            tags = [_tag_from_path(path)]
        if len(tags) > 1:
            operation["x-other-tags"] = tags[1:]
        operation["tags"] = tags[:1]
        if tags[0] not in declared_names:
            declared.append({"name": tags[0]})
            declared_names.add(tags[0])
    if declared:
        spec["tags"] = declared
