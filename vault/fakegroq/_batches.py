"""Groq's Files and Batches API in the fake: uploads validated line by line, batches that run
through `validating` and `in_progress` to their end after a scripted delay (groq-api.md §1)."""

from __future__ import annotations

import json
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from vault.fakegroq._behaviour import FakeGroqBehaviour
from vault.fakegroq._chat import ChatRequestError, validate
from vault.fakegroq._wire import error, error_body, read_object

__all__ = ["BatchHandlers"]

_BASE32 = "0123456789abcdefghjkmnpqrstvwxyz"
CHAT_URL = "/v1/chat/completions"
_WINDOW = re.compile(r"([1-9][0-9]{0,2})([hd])")
_DAY = 24 * 3600
_TERMINAL = frozenset({"completed", "expired", "failed", "cancelled"})

Admit = Callable[[Request], Awaitable[Response | None]]
Completion = Callable[[dict[str, Any], str], dict[str, Any]]


def _id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_BASE32) for _ in range(26))


class _BadLine(Exception):
    def __init__(self, number: int, message: str) -> None:
        super().__init__(f"line {number}: {message}")


def parse_batch_file(content: bytes) -> list[dict[str, Any]]:
    """The request lines of a batch input file; _BadLine names the first line that is not
    `{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body": {...}}`."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadLine(1, "the file is not UTF-8 text") from None
    lines: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except ValueError:
            raise _BadLine(number, "not valid JSON") from None
        if not isinstance(line, dict):
            raise _BadLine(number, "must be a JSON object")
        custom_id = line.get("custom_id")
        if not isinstance(custom_id, str) or not custom_id:
            raise _BadLine(number, "'custom_id' must be a non-empty string")
        if custom_id in seen:
            raise _BadLine(number, "'custom_id' is used by an earlier line")
        seen.add(custom_id)
        if line.get("method") != "POST":
            raise _BadLine(number, "'method' must be POST")
        if line.get("url") != CHAT_URL:
            raise _BadLine(number, f"'url' must be {CHAT_URL}")
        if not isinstance(line.get("body"), dict):
            raise _BadLine(number, "'body' must be a JSON object")
        extra = set(line) - {"custom_id", "method", "url", "body"}
        if extra:
            raise _BadLine(number, f"property '{sorted(extra)[0]}' is unsupported")
        lines.append(line)
    if not lines:
        raise _BadLine(1, "the file holds no requests")
    return lines


@dataclass
class _File:
    info: dict[str, Any]
    content: bytes


@dataclass
class _Batch:
    info: dict[str, Any]
    lines: list[dict[str, Any]]
    started: float
    delay: float
    outcome: str


class BatchHandlers:
    """The files and batches routes of one fake Groq; state lives here, in memory."""

    def __init__(self, admit: Admit, completion: Completion, behaviour: FakeGroqBehaviour) -> None:
        self._admit = admit
        self._completion = completion
        self._behaviour = behaviour
        self.files: dict[str, _File] = {}
        self.batches: dict[str, _Batch] = {}

    def routes(self, api: str) -> list[Route]:
        return [
            Route(f"{api}/files", self.upload, methods=["POST"]),
            Route(f"{api}/files", self.list_files, methods=["GET"]),
            Route(f"{api}/files/{{file_id}}", self.get_file, methods=["GET"]),
            Route(f"{api}/files/{{file_id}}", self.delete_file, methods=["DELETE"]),
            Route(f"{api}/files/{{file_id}}/content", self.content, methods=["GET"]),
            Route(f"{api}/batches", self.create, methods=["POST"]),
            Route(f"{api}/batches", self.list_batches, methods=["GET"]),
            Route(f"{api}/batches/{{batch_id}}", self.get, methods=["GET"]),
            Route(f"{api}/batches/{{batch_id}}/cancel", self.cancel, methods=["POST"]),
        ]

    # -- files ----------------------------------------------------------------------------

    async def upload(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        form = await request.form()
        purpose, upload = form.get("purpose"), form.get("file")
        if purpose != "batch":
            return error(400, "'purpose' must be 'batch'", param="purpose")
        if not isinstance(upload, UploadFile):
            return error(400, "a 'file' part is required", param="file")
        content = await upload.read()
        try:
            parse_batch_file(content)
        except _BadLine as exc:
            return error(400, f"invalid batch file: {exc}", code="invalid_batch_file")
        stored = self._add_file(content, filename=upload.filename or "batch.jsonl", purpose=purpose)
        return JSONResponse(stored.info)

    def _add_file(self, content: bytes, *, filename: str, purpose: str) -> _File:
        file_id = _id("file_")
        info = {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
        }
        self.files[file_id] = stored = _File(info, content)
        return stored

    async def list_files(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        data = [f.info for f in self.files.values()]
        return JSONResponse({"object": "list", "data": data, "has_more": False})

    async def get_file(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        found = self.files.get(request.path_params["file_id"])
        return JSONResponse(found.info) if found else _file_not_found(request)

    async def delete_file(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        file_id = request.path_params["file_id"]
        if self.files.pop(file_id, None) is None:
            return _file_not_found(request)
        return JSONResponse({"id": file_id, "object": "file", "deleted": True})

    async def content(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        found = self.files.get(request.path_params["file_id"])
        if found is None:
            return _file_not_found(request)
        return Response(found.content, media_type="application/octet-stream")

    # -- batches --------------------------------------------------------------------------

    async def create(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        body = await read_object(request)
        if isinstance(body, JSONResponse):
            return body
        input_id = body.get("input_file_id")
        source = self.files.get(input_id) if isinstance(input_id, str) else None
        if source is None or source.info["purpose"] != "batch":
            return error(
                400, "'input_file_id' must name an uploaded batch file", param="input_file_id"
            )
        if body.get("endpoint") != CHAT_URL:
            return error(400, f"'endpoint' must be {CHAT_URL}", param="endpoint")
        window = body.get("completion_window")
        match = _WINDOW.fullmatch(window) if isinstance(window, str) else None
        seconds = (int(match[1]) * (3600 if match[2] == "h" else _DAY)) if match else 0
        if not _DAY <= seconds <= 7 * _DAY:
            return error(
                400, "'completion_window' must be between 24h and 7d", param="completion_window"
            )
        metadata = body.get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            return error(400, "'metadata' must be an object", param="metadata")
        lines = parse_batch_file(source.content)
        now = int(time.time())
        info: dict[str, Any] = {
            "id": _id("batch_"),
            "object": "batch",
            "endpoint": CHAT_URL,
            "errors": None,
            "input_file_id": input_id,
            "completion_window": window,
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": now,
            "in_progress_at": None,
            "expires_at": now + seconds,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "metadata": metadata,
        }
        behaviour = self._behaviour
        self.batches[info["id"]] = _Batch(
            info, lines, time.monotonic(), behaviour.batch_delay, behaviour.batch_outcome
        )
        return JSONResponse(info)

    async def get(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        batch = self.batches.get(request.path_params["batch_id"])
        if batch is None:
            return _batch_not_found(request)
        return JSONResponse(self._advance(batch).info)

    async def list_batches(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        data = [self._advance(b).info for b in reversed(self.batches.values())]
        return JSONResponse(
            {
                "object": "list",
                "data": data,
                "first_id": data[0]["id"] if data else None,
                "last_id": data[-1]["id"] if data else None,
                "has_more": False,
            }
        )

    async def cancel(self, request: Request) -> Response:
        refused = await self._admit(request)
        if refused is not None:
            return refused
        batch = self.batches.get(request.path_params["batch_id"])
        if batch is None:
            return _batch_not_found(request)
        info = self._advance(batch).info
        if info["status"] in _TERMINAL:
            return error(409, f"a batch that is {info['status']} cannot be cancelled")
        info["status"], info["cancelling_at"] = "cancelling", int(time.time())
        return JSONResponse(info)

    def _advance(self, batch: _Batch) -> _Batch:
        """Move the batch on as far as the time since it was created allows."""
        info = batch.info
        elapsed = time.monotonic() - batch.started
        now = int(time.time())
        if info["status"] == "cancelling":
            info["status"], info["cancelled_at"] = "cancelled", now
        if info["status"] == "validating" and elapsed >= batch.delay / 2:
            if batch.outcome == "failed":
                info["status"], info["failed_at"] = "failed", now
                info["errors"] = {
                    "object": "list",
                    "data": [
                        {
                            "code": "invalid_request",
                            "message": "the batch failed validation",
                            "param": None,
                            "line": 1,
                        }
                    ],
                }
                return batch
            info["status"], info["in_progress_at"] = "in_progress", now
        if info["status"] == "in_progress" and elapsed >= batch.delay:
            self._finish(batch, now)
        return batch

    def _finish(self, batch: _Batch, now: int) -> None:
        info = batch.info
        outcome = batch.outcome
        if outcome == "cancelled":
            info["status"], info["cancelling_at"], info["cancelled_at"] = "cancelled", now, now
            return
        info["finalizing_at"] = now
        output: list[bytes] = []
        errors: list[bytes] = []
        for line in batch.lines:
            answer = _line(line["custom_id"])
            if outcome == "expired":
                answer["response"] = None
                answer["error"] = {
                    "code": "batch_expired",
                    "message": "This request could not be executed before the completion "
                    "window expired.",
                }
                errors.append(_jsonl(answer))
                continue
            request_id = _id("req_")
            body = line["body"]
            try:
                validate(body)
                if body.get("stream"):
                    raise ChatRequestError("'stream' is not supported in a batch", param="stream")
            except ChatRequestError as exc:
                failure = error_body(exc.message, code=exc.code, param=exc.param)
                status, answer_body, target = exc.status, {"error": failure}, errors
            else:
                status, answer_body, target = 200, self._completion(body, request_id), output
            answer["response"] = {
                "status_code": status,
                "request_id": request_id,
                "body": answer_body,
            }
            target.append(_jsonl(answer))
        name = info["id"]
        if output:
            info["output_file_id"] = self._add_file(
                b"".join(output), filename=f"{name}_output.jsonl", purpose="batch_output"
            ).info["id"]
        if errors:
            info["error_file_id"] = self._add_file(
                b"".join(errors), filename=f"{name}_error.jsonl", purpose="batch_output"
            ).info["id"]
        done = len(output)
        info["request_counts"] = {
            "total": len(batch.lines),
            "completed": done,
            "failed": len(errors),
        }
        if outcome == "expired":
            info["status"], info["expired_at"] = "expired", now
        else:
            info["status"], info["completed_at"] = "completed", now


def _line(custom_id: str) -> dict[str, Any]:
    return {"id": _id("batch_req_"), "custom_id": custom_id, "response": None, "error": None}


def _jsonl(value: dict[str, Any]) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode() + b"\n"


def _file_not_found(request: Request) -> JSONResponse:
    file_id = request.path_params.get("file_id", "")
    return error(404, f"file `{file_id}` does not exist", code="file_not_found")


def _batch_not_found(request: Request) -> JSONResponse:
    batch_id = request.path_params.get("batch_id", "")
    return error(404, f"batch `{batch_id}` does not exist", code="batch_not_found")
