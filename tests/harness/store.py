"""What the upstream keeps between requests: uploaded files, batches, stored responses, and the
management API's configs and virtual keys."""

import threading
from collections.abc import Mapping
from typing import Any

from tests.harness.management import ControlPlaneStore
from tests.harness.replies import new_id, now


class Store:
    """In-memory objects by id, thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.files: dict[str, dict[str, Any]] = {}
        self.file_contents: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.responses: dict[str, dict[str, Any]] = {}
        self.response_inputs: dict[str, list[dict[str, Any]]] = {}
        self.control = ControlPlaneStore()

    def add_file(self, filename: str, purpose: str, content: bytes) -> dict[str, Any]:
        file_id = new_id("file-")
        record: dict[str, Any] = {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": now(),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
            "status_details": None,
            "expires_at": None,
        }
        with self._lock:
            self.files[file_id] = record
            self.file_contents[file_id] = content
        return record

    def delete_file(self, file_id: str) -> bool:
        with self._lock:
            self.file_contents.pop(file_id, None)
            return self.files.pop(file_id, None) is not None

    def add_batch(self, request: Mapping[str, Any]) -> dict[str, Any]:
        created = now()
        batch_id = new_id("batch_")
        batch: dict[str, Any] = {
            "id": batch_id,
            "object": "batch",
            "endpoint": request.get("endpoint", "/v1/chat/completions"),
            "errors": None,
            "input_file_id": request.get("input_file_id"),
            "completion_window": request.get("completion_window", "24h"),
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": created,
            "in_progress_at": None,
            "expires_at": created + 86_400,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "metadata": request.get("metadata"),
        }
        with self._lock:
            self.batches[batch_id] = batch
        return batch

    def cancel_batch(self, batch_id: str) -> dict[str, Any] | None:
        with self._lock:
            batch = self.batches.get(batch_id)
            if batch is not None:
                batch.update(status="cancelling", cancelling_at=now())
            return batch

    def add_response(self, response: dict[str, Any], inputs: list[dict[str, Any]]) -> None:
        with self._lock:
            self.responses[response["id"]] = response
            self.response_inputs[response["id"]] = inputs

    def delete_response(self, response_id: str) -> bool:
        with self._lock:
            self.response_inputs.pop(response_id, None)
            return self.responses.pop(response_id, None) is not None
