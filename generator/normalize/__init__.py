"""Stage 2: general rewrites that make any real-world OpenAPI description generate cleanly.

Each pass is a function that edits the document in place; `normalize` runs them in order on a copy.
The guarantees that hold afterwards are listed in generator/README.md.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from generator.normalize.all_of import (
    drop_restated_types_and_enums,
    flatten_conflicting_all_of,
    splice_nested_all_of,
)
from generator.normalize.arrays import fill_missing_array_items
from generator.normalize.bodies import hoist_body_schemas
from generator.normalize.component_names import stabilize_component_names
from generator.normalize.defaults import drop_unusable_defaults
from generator.normalize.event_streams import extract_event_streams
from generator.normalize.headers import scalar_header_parameters
from generator.normalize.inline_models import hoist_inline_models
from generator.normalize.nullable import nullable_components_to_ref_sites, nullable_inline_models_to_unions
from generator.normalize.openapi31 import upgrade_to_openapi_3_1
from generator.normalize.operation_ids import ensure_operation_ids
from generator.normalize.parameter_descriptions import parameter_descriptions_to_schemas
from generator.normalize.presence_unions import move_presence_unions
from generator.normalize.property_names import untype_clashing_properties
from generator.normalize.ref_siblings import wrap_ref_siblings
from generator.normalize.reference_extensions import separate_reference_extensions
from generator.normalize.sdk_names import fill_sdk_names
from generator.normalize.servers import move_operation_servers
from generator.normalize.tags import ensure_single_tag
from generator.normalize.titles import drop_schema_titles
from generator.spec_walk import Spec

Pass = Callable[[Spec], None]

PASSES: tuple[Pass, ...] = (
    upgrade_to_openapi_3_1,
    drop_schema_titles,
    fill_missing_array_items,
    drop_restated_types_and_enums,
    drop_unusable_defaults,
    flatten_conflicting_all_of,
    untype_clashing_properties,
    move_presence_unions,
    separate_reference_extensions,
    ensure_operation_ids,
    ensure_single_tag,
    move_operation_servers,
    scalar_header_parameters,
    parameter_descriptions_to_schemas,
    stabilize_component_names,
    extract_event_streams,
    hoist_body_schemas,
    nullable_components_to_ref_sites,
    nullable_inline_models_to_unions,
    hoist_inline_models,
    wrap_ref_siblings,
    splice_nested_all_of,
    fill_sdk_names,
)


def normalize(spec: Spec) -> Spec:
    """A normalised copy of `spec` (the input is left untouched)."""
    result = copy.deepcopy(spec)
    for normalization_pass in PASSES:
        normalization_pass(result)
    return result
