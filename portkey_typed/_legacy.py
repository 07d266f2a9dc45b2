"""The older `mode` + `llms` API of the Portkey SDKs, translated into today's gateway config."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from attrs import field, frozen

from ._exceptions import PortkeyValidationError

MODES = ("single", "fallback", "loadbalance")
_MODEL_PARAMS = (
    "model",
    "temperature",
    "max_tokens",
    "top_p",
    "top_k",
    "stop",
    "n",
    "presence_penalty",
    "frequency_penalty",
    "logit_bias",
    "logprobs",
)


@frozen(kw_only=True)
class LLMOptions:
    """One LLM of the older API: a provider and its key, model parameters, and routing options."""

    provider: str | None = None
    virtual_key: str | None = field(default=None, repr=False)
    api_key: str | None = field(default=None, repr=False)
    custom_host: str | None = None
    model: str | None = None
    temperature: float | None = None
    max_tokens: int | None = None
    top_p: float | None = None
    top_k: int | None = None
    stop: str | Sequence[str] | None = None
    n: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    logit_bias: Mapping[str, float] | None = None
    logprobs: bool | None = None
    weight: float | None = None
    retry: int | Mapping[str, Any] | None = None
    """Attempts (an int from 0 to 5), or a retry mapping of today's config."""
    cache_status: Literal["simple", "semantic"] | None = None
    cache_age: int | None = None
    trace_id: str | None = None
    metadata: Mapping[str, str] | None = None
    override_params: Mapping[str, Any] | None = None
    """Any other model parameter, sent as it is."""

    def to_target(self, index: int) -> dict[str, Any]:
        """This LLM as a target of today's config."""
        where = f"llms[{index}]"
        target: dict[str, Any] = {}
        for key in ("provider", "virtual_key", "api_key", "custom_host"):
            if getattr(self, key) is not None:
                target[key] = getattr(self, key)
        params = {key: getattr(self, key) for key in _MODEL_PARAMS if getattr(self, key) is not None}
        params.update(self.override_params or {})
        if params:
            target["override_params"] = params
        if self.weight is not None:
            if self.weight < 0:
                raise PortkeyValidationError(f"{where}.weight", f"must be >= 0, not {self.weight}")
            target["weight"] = self.weight
        if isinstance(self.retry, int) and not isinstance(self.retry, bool):
            if not 0 <= self.retry <= 5:
                raise PortkeyValidationError(
                    f"{where}.retry", f"must be from 0 to 5 attempts, not {self.retry}"
                )
            target["retry"] = {"attempts": self.retry}
        elif isinstance(self.retry, Mapping):
            target["retry"] = dict(self.retry)
        if self.cache_status is not None:
            cache: dict[str, Any] = {"mode": self.cache_status}
            if self.cache_age is not None:
                cache["max_age"] = self.cache_age
            target["cache"] = cache
        elif self.cache_age is not None:
            raise PortkeyValidationError(
                f"{where}.cache_age", "needs cache_status ('simple' or 'semantic') as well"
            )
        if not target:
            raise PortkeyValidationError(
                where, "names no provider, key or parameter; give at least provider= or virtual_key="
            )
        return target


def legacy_config(mode: str, llms: Sequence[object]) -> tuple[dict[str, Any], str | None, dict[str, str]]:
    """The config, trace id and metadata that `mode` + `llms` stand for."""
    if mode not in MODES:
        raise PortkeyValidationError("mode", f"must be one of {', '.join(map(repr, MODES))}, not {mode!r}")
    if not llms:
        raise PortkeyValidationError("llms", "must name at least one LLMOptions")
    if mode == "single" and len(llms) != 1:
        raise PortkeyValidationError(
            "llms", f"mode 'single' takes exactly one LLM, not {len(llms)}; use 'fallback' or 'loadbalance'"
        )
    targets: list[dict[str, Any]] = []
    trace_ids: set[str] = set()
    metadata: dict[str, str] = {}
    for index, llm in enumerate(llms):
        if not isinstance(llm, LLMOptions):
            raise PortkeyValidationError(f"llms[{index}]", f"must be an LLMOptions, not {type(llm).__name__}")
        targets.append(llm.to_target(index))
        if llm.trace_id is not None:
            trace_ids.add(llm.trace_id)
        for key, value in (llm.metadata or {}).items():
            if metadata.get(key, value) != value:
                raise PortkeyValidationError(
                    f"llms[{index}].metadata[{key!r}]", "differs between LLMs; one request has one metadata"
                )
            metadata[key] = value
    if len(trace_ids) > 1:
        raise PortkeyValidationError("llms.trace_id", "differs between LLMs; one request has one trace id")
    config: dict[str, Any] = {"strategy": {"mode": mode}, "targets": targets}
    return config, next(iter(trace_ids), None), metadata
