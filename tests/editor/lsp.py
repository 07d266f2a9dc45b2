"""A small Language Server Protocol client: starts `pyright-langserver --stdio` and asks it for
completions the way an editor does (open a document, `textDocument/completion` at a position)."""

from __future__ import annotations

import itertools
import json
import subprocess
import threading
from pathlib import Path
from queue import Empty, Queue
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
LANGSERVER = REPO_ROOT / "node_modules" / "pyright" / "langserver.index.js"
TIMEOUT = 120.0


class LanguageServer:
    """One pyright-langserver process over stdio, reused for every request of a test session."""

    def __init__(self, root: Path, python: str) -> None:
        self.root = root
        self.python = python
        self._ids = itertools.count(1)
        self._versions: dict[str, int] = {}
        self._replies: dict[int, Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.process = subprocess.Popen(
            ["node", str(LANGSERVER), "--stdio"],
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {"completion": {"completionItem": {"snippetSupport": False}}},
                },
            },
        )
        self.notify("initialized", {})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        with self._lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if not line:
                return
            message = json.loads(stream.read(length))
            if "id" in message and "method" in message:  # the server asks us something
                self._answer(message)
            elif "id" in message:
                self._replies.setdefault(message["id"], Queue()).put(message)

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            settings = {"pythonPath": self.python, "analysis": {"extraPaths": ["generated"]}}
            result = [
                settings
                if item.get("section") == "python"
                else settings["analysis"]
                if item.get("section") == "python.analysis"
                else {}
                for item in message["params"]["items"]
            ]
        self._send({"id": message["id"], "result": result})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        number = next(self._ids)
        replies = self._replies.setdefault(number, Queue())
        self._send({"id": number, "method": method, "params": params})
        try:
            reply = replies.get(timeout=TIMEOUT)
        except Empty:
            raise TimeoutError(f"pyright-langserver did not answer {method} in {TIMEOUT} s") from None
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def complete(self, path: Path, source: str, line: int, character: int) -> list[str]:
        """The labels the server offers at (line, character) of `source`, opened (or changed) as `path`."""
        uri = path.as_uri()
        version = self._versions.get(uri, 0) + 1
        self._versions[uri] = version
        if version == 1:
            document = {"uri": uri, "languageId": "python", "version": version, "text": source}
            self.notify("textDocument/didOpen", {"textDocument": document})
        else:
            self.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": source}]},
            )
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        return [str(item["label"]) for item in items]

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (TimeoutError, RuntimeError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
