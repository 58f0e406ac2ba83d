"""Groq batches through the vault: an input file tokenized line by line by the chat redactor,
sealed, stored and uploaded; batches created and relayed with the vault's own ids; output
files restored for callers allowed to see them, answer guard applied.

Ids the caller sees are the vault's (`file_…`, `batch_…`), mapped to the upstream's per tenant
(`BatchObjects`); another tenant's id, or a string that could not be one, is NotFound.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import Any, Protocol

from vault.crypto import EncryptionContext, open_stream, seal_stream
from vault.domain.policy import AccessPolicy
from vault.domain.principal import Principal
from vault.domain.spans import Span
from vault.errors import (
    InvalidRequest,
    NotFound,
    PayloadTooLarge,
    UpstreamError,
    UpstreamUnavailable,
    VaultError,
)
from vault.ports import BatchObject, BatchObjects, KeyService, LlmClient, ObjectStore
from vault.services.anonymize import Anonymizer
from vault.services.chat import ChatRedactor, ResponseRestorer
from vault.services.chat.answers import AnswerGuard
from vault.services.chat.redact import SpanCache
from vault.services.dataset_pool import DatasetPool, Submitted
from vault.services.reidentify import Reidentifier
from vault.services.upstream_models import require_served

__all__ = ["BATCH_ID", "FILE_ID", "BatchParts", "Batches", "FileContent", "Uploaded"]

FILE_ID = re.compile(r"file_[0-9a-f]{32}")
BATCH_ID = re.compile(r"batch_[0-9a-f]{32}")
CHAT_URL = "/v1/chat/completions"
_LINE_KEYS = frozenset({"custom_id", "method", "url", "body"})
_WINDOW = re.compile(r"[1-9][0-9]{0,2}[hd]")
# A custom_id of this shape (`request-1`, `row_42`) is an id, not text: it goes as it is.
# Any other is detected and tokenized like any text the caller sent.
_PLAIN_CUSTOM_ID = re.compile(r"[A-Za-z]{0,16}[-_.:]?[0-9]{1,12}")
_MAX_CUSTOM_ID = 512
_LINE_MIDDLE = b',"method":"POST","url":"' + CHAT_URL.encode() + b'","body":'
# Lines are tokenized this many at a time (or this many bytes), in one detection batch. Small
# enough that a block's objects mostly die young: a block of 256 lines outlives enough
# collections for its objects to reach the oldest generation and trigger full collections
# (the upload then costs 0.35 CPU s/MB in process against 0.25 at 64 lines).
_BLOCK_LINES = 64
_BLOCK_BYTES = 1 << 20
# The most requests one batch file may hold, as Groq takes: it also bounds what an upload keeps
# to find a repeated custom_id (a hash a line).
MAX_REQUESTS = 50_000
_FILE_CACHE_ENTRIES = 1_024  # texts a batch file repeats from line to line, as a system prompt
# A file is tokenized in this process until this many bytes are read; then its blocks are
# detected in the dataset workers, where the vault has them (a small file never starts them).
_POOL_AFTER_BYTES = 256 * 1024
_FILENAME = "batch.jsonl"
# The batch object's fields the caller gets; ids among them are mapped to the vault's.
_BATCH_FIELDS = (
    "object",
    "endpoint",
    "errors",
    "completion_window",
    "status",
    "created_at",
    "in_progress_at",
    "expires_at",
    "finalizing_at",
    "completed_at",
    "failed_at",
    "expired_at",
    "cancelling_at",
    "cancelled_at",
    "request_counts",
    "metadata",
)


class BatchParts(Protocol):
    """What the batch use case is built from (the wired vault)."""

    llm: LlmClient | None
    access_policy: AccessPolicy
    store: ObjectStore
    keys: KeyService

    @property
    def anonymizer(self) -> Anonymizer: ...
    @property
    def chat_redactor(self) -> ChatRedactor: ...
    @property
    def reidentifier(self) -> Reidentifier: ...
    @property
    def batch_objects(self) -> BatchObjects: ...
    @property
    def dataset_pool(self) -> DatasetPool | None: ...


class Uploaded:
    """An input file stored and uploaded: its file object and what was done (counts only)."""

    def __init__(self, file: dict[str, Any], *, lines: int, counts: Counter[str], tokens: int):
        self.file = file
        self.lines = lines
        self.counts = counts
        self.tokens = tokens


class FileContent:
    """A file's content as the caller may read it, line by line; `restored` counts tokens put
    back once the iteration is done."""

    def __init__(self, entry: BatchObject, lines: Iterator[bytes], *, reidentified: bool):
        self.entry = entry
        self.reidentified = reidentified
        self.restored: Counter[str] = Counter()
        self._lines = lines

    def __iter__(self) -> Iterator[bytes]:
        return self._lines


def _json_escape(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _lines(chunks: Iterable[bytes], limit: int) -> Iterator[tuple[int, bytes]]:
    """(line number, line) from streamed bytes, blank lines skipped; PayloadTooLarge past
    `limit` bytes."""
    seen = 0
    pending = b""
    number = 0
    for chunk in chunks:
        seen += len(chunk)
        if seen > limit:
            raise PayloadTooLarge(
                f"file is larger than the {limit}-byte limit (raise VAULT_MAX_UPLOAD_BYTES)",
                param="file",
            )
        pending += chunk
        *whole, pending = pending.split(b"\n")
        for line in whole:
            number += 1
            if line.strip():
                yield number, line
    if pending.strip():
        yield number + 1, pending


def _request_of(number: int, raw: bytes, seen: set[int]) -> tuple[str, dict[str, Any]]:
    """A batch line's custom_id and chat body, checked; InvalidRequest naming the line."""
    where = f"line {number}"
    try:
        # What json.loads does with bytes, through one decoder made once (loads makes one per
        # call when given a hook).
        line = _DECODER.decode(raw.decode(json.detect_encoding(raw), "surrogatepass"))
    except (ValueError, RecursionError):
        raise InvalidRequest(f"{where} is not valid JSON", param="file") from None
    if not isinstance(line, dict):
        raise InvalidRequest(f"{where} is not a JSON object", param="file")
    if set(line) - _LINE_KEYS:
        raise InvalidRequest(
            f"{where} has a field other than custom_id, method, url and body", param="file"
        )
    custom_id, body = line.get("custom_id"), line.get("body")
    if not isinstance(custom_id, str) or not 0 < len(custom_id) <= _MAX_CUSTOM_ID:
        raise InvalidRequest(
            f"{where}: custom_id must be a string of 1 to {_MAX_CUSTOM_ID} characters",
            param="file",
        )
    if not custom_id.isascii() and not _encodable(custom_id):
        raise InvalidRequest(f"{where}: custom_id holds an unpaired surrogate", param="file")
    # A 64-bit hash per line keeps the check small beside the file: two ids of a million-line
    # file share one by chance about once in 30 million files, and string hashes are salted
    # per process, so a file cannot be made to collide.
    digest = hash(custom_id)
    if digest in seen:
        raise InvalidRequest(f"{where}: custom_id repeats an earlier line's", param="file")
    seen.add(digest)
    if line.get("method") != "POST" or line.get("url") != CHAT_URL:
        raise InvalidRequest(f"{where}: method must be POST and url {CHAT_URL}", param="file")
    if not isinstance(body, dict):
        raise InvalidRequest(f"{where}: body must be a chat request object", param="file")
    if body.get("stream"):
        raise InvalidRequest(f"{where}: a batch request cannot stream", param="file")
    return custom_id, body


class _Upload:
    """What an upload did so far (counts only), and what it keeps while it runs: a hash of
    each custom_id, to find one repeated; its own bounded detection cache, so a system prompt
    every line repeats is detected once and the conversations' cache keeps what it holds; the
    models the upstream said it serves."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.tokens = 0
        self.lines = 0
        self.size = 0
        self.seen: set[int] = set()
        self.spans = SpanCache(entries=_FILE_CACHE_ENTRIES)
        self.served: set[str] = set()


class _Block:
    """Lines read and checked, ready to tokenize: each one's number, custom_id and body, and the
    error of the line that stopped the reading (raised in its turn, after the lines before it),
    with the spans the dataset workers detected for the block's texts."""

    def __init__(self) -> None:
        self.requests: list[tuple[int, str, dict[str, Any]]] = []
        self.size = 0
        self.stop: VaultError | None = None
        self.detected: dict[bytes, list[Span]] = {}


class _Detected:
    """The upload's span cache with a block's spans, detected by the workers, in front."""

    def __init__(self, cache: SpanCache, detected: Mapping[bytes, list[Span]]) -> None:
        self._cache = cache
        self._detected = detected

    def key(self, tenant: str, text: str) -> bytes:
        return self._cache.key(tenant, text)

    def get_many(self, keys: Sequence[bytes]) -> list[list[Span] | None]:
        found = self._cache.get_many(keys)
        return [
            self._detected.get(key) if spans is None else spans
            for key, spans in zip(keys, found, strict=True)
        ]

    def put_many(self, entries: Mapping[bytes, list[Span]]) -> None:
        self._cache.put_many(entries)


def _encodable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=_no_constants)


class Batches:
    """The batch API's use cases for one wired vault. Every method blocks (call it from a
    worker thread); each raises VaultError subclasses only."""

    def __init__(self, vault: BatchParts, *, max_upload_bytes: int) -> None:
        self._vault = vault
        self._max_upload_bytes = max_upload_bytes

    def _upstream(self) -> LlmClient:
        if self._vault.llm is None:
            raise UpstreamUnavailable("no LLM upstream is configured: set GROQ_API_KEY")
        return self._vault.llm

    def reveal(self, principal: Principal) -> tuple[bool, frozenset[str] | None]:
        """Whether answers are re-identified for this caller, and which types (None: all)."""
        return self._vault.access_policy.answer_view(principal.roles)

    # -- files ----------------------------------------------------------------------------

    def upload(
        self, principal: Principal, chunks: Iterable[bytes], *, purpose: str | None
    ) -> Uploaded:
        """Tokenize, seal, store and upload a batch input file. A line that is not a chat
        request is an InvalidRequest naming its number; then nothing is stored or uploaded."""
        if purpose != "batch":
            raise InvalidRequest("purpose must be 'batch'", param="purpose")
        tenant = principal.tenant
        file_id = f"file_{uuid.uuid4().hex}"
        object_key = f"{tenant}/batches/{file_id}"
        tally = _Upload()

        def tokenized() -> Iterator[bytes]:
            for block in self._detect_ahead(tenant, self._blocks(chunks, tally), tally):
                yield from self._redact_block(tenant, block, tally)
            if not tally.lines:
                raise InvalidRequest("the file holds no requests", param="file")

        vault = self._vault
        context = _context(tenant, file_id)
        sealed = seal_stream(tokenized(), keys=vault.keys, context=context)
        header = next(sealed)
        stored = None
        try:
            # Every line is tokenized and stored before any byte leaves; what is uploaded is
            # the stored file, read back and opened as it is sent: never held whole.
            stored = vault.store.put(object_key, sealed)
            body = vault.store.get(object_key, stored.version_id)
            plain = open_stream(_prepend(header, body), keys=vault.keys, context=context)
            answer = self._upstream().upload_file_stream(plain, filename=_FILENAME, purpose="batch")
            upstream_id = _upstream_id(answer.json)
            entry = vault.batch_objects.add(
                BatchObject(
                    id=file_id,
                    tenant=tenant,
                    kind="file",
                    purpose="batch",
                    upstream_id=upstream_id,
                    created_by=principal.key_id,
                    created_at=datetime.now(UTC),
                    lines=tally.lines,
                    size=tally.size,
                    object_key=object_key,
                    object_version_id=stored.version_id,
                    header=header,
                )
            )
        except BaseException:
            if stored is not None:
                vault.store.delete_version(object_key, stored.version_id)
            else:
                vault.store.delete_key(object_key)  # whatever a cut upload left
            raise
        return Uploaded(
            _file_json(entry), lines=tally.lines, counts=tally.counts, tokens=tally.tokens
        )

    def _blocks(self, chunks: Iterable[bytes], tally: _Upload) -> Iterator[_Block]:
        """The file's lines, read and checked a block at a time. The first line that cannot be
        read (or a file too large) ends the reading: its error is the last block's `stop`."""
        block = _Block()
        try:
            for count, (number, raw) in enumerate(_lines(chunks, self._max_upload_bytes), 1):
                if count > MAX_REQUESTS:
                    raise InvalidRequest(
                        f"line {number}: the file holds more than {MAX_REQUESTS:,} requests, "
                        "the most one batch takes",
                        param="file",
                    )
                block.requests.append((number, *_request_of(number, raw, tally.seen)))
                block.size += len(raw)
                if len(block.requests) >= _BLOCK_LINES or block.size >= _BLOCK_BYTES:
                    yield block
                    block = _Block()
        except (InvalidRequest, PayloadTooLarge) as exc:
            block.stop = exc
        yield block

    def _detect_ahead(
        self, tenant: str, blocks: Iterator[_Block], tally: _Upload
    ) -> Iterator[_Block]:
        """The blocks in order. Once the file is past `_POOL_AFTER_BYTES` (or the workers are up),
        each block's texts are detected in the dataset workers a few blocks ahead of the one
        being tokenized here, so every core detects; with no workers, as they come."""
        pool = self._vault.dataset_pool
        redactor = self._vault.chat_redactor
        ahead: deque[tuple[_Block, list[bytes], Submitted[list[list[Span]]]]] = deque()
        read = 0
        try:
            for block in blocks:
                read += block.size
                if pool is None or not (pool.started or read >= _POOL_AFTER_BYTES):
                    yield block
                    continue
                views = redactor.views([body for _, _, body in block.requests])
                keys = [tally.spans.key(tenant, view) for view in views]
                cached = tally.spans.get_many(keys)
                missing = {k: v for k, v, c in zip(keys, views, cached, strict=True) if c is None}
                ahead.append((block, list(missing), pool.find_spans(list(missing.values()))))
                while len(ahead) > pool.depth:
                    yield _with_spans(*ahead.popleft())
            while ahead:
                yield _with_spans(*ahead.popleft())
        finally:
            for _, _, pending in ahead:  # an upload refused midway: drop what is in flight
                pending.cancel()

    def _redact_block(self, tenant: str, block: _Block, tally: _Upload) -> list[bytes]:
        """The block's lines tokenized, the same bytes as line after line, with one detection
        batch and one tokenization for the block. The first bad line raises, naming its number,
        as it would line by line."""
        requests = block.requests
        if block.detected:
            tally.spans.put_many(block.detected)  # a text later lines repeat is not sent again
        redacted, failed = self._vault.chat_redactor.redact_many(
            tenant,
            [body for _, _, body in requests],
            cache=_Detected(tally.spans, block.detected) if block.detected else tally.spans,
        )
        if failed is not None:
            index, error = failed
            error.message = f"line {requests[index][0]}: {error.message}"
            error.args = (error.message,)
            raise error
        if block.stop is not None:
            raise block.stop
        for number, _, body in requests:
            if body["model"] not in tally.served:
                require_served(self._upstream(), body["model"], where=f"line {number}")
                tally.served.add(body["model"])
        # A custom_id of an id's shape goes as it is; any other is tokenized like any text.
        texts = [
            i
            for i, (_, custom_id, _) in enumerate(requests)
            if not _PLAIN_CUSTOM_ID.fullmatch(custom_id)
        ]
        ids = [custom_id for _, custom_id, _ in requests]
        if texts:
            anonymizer = self._vault.anonymizer
            for i, anonymized in zip(
                texts, anonymizer.anonymize_many(tenant, [ids[i] for i in texts]), strict=True
            ):
                ids[i] = anonymized.text
                tally.counts.update(anonymized.counts())
        out = []
        for custom_id, result in zip(ids, redacted, strict=True):
            tally.counts.update(result.counts)
            tally.tokens += result.tokens
            line = b"".join(
                (
                    b'{"custom_id":',
                    encode_basestring(custom_id).encode(),  # json.dumps(ensure_ascii=False)
                    _LINE_MIDDLE,
                    result.payload,
                    b"}\n",
                )
            )
            tally.lines += 1
            tally.size += len(line)
            out.append(line)
        return out

    def get_file(self, principal: Principal, file_id: str) -> dict[str, Any]:
        entry = self._entry(principal, file_id, kind="file")
        if entry.purpose == "batch":
            return _file_json(entry)
        answer = self._upstream().get_file(entry.upstream_id)
        info = answer.json if isinstance(answer.json, dict) else {}
        return _file_json(entry, size=info.get("bytes"))

    def delete_file(self, principal: Principal, file_id: str) -> dict[str, Any]:
        """Delete the file upstream and here (its sealed object too)."""
        entry = self._entry(principal, file_id, kind="file")
        try:
            self._upstream().delete_file(entry.upstream_id)
        except UpstreamError as exc:
            if exc.status != 404:  # gone upstream already: forget it here too
                raise
        if entry.object_key is not None and entry.object_version_id is not None:
            self._vault.store.delete_version(entry.object_key, entry.object_version_id)
        self._vault.batch_objects.delete(principal.tenant, entry.id)
        return {"id": entry.id, "object": "file", "deleted": True}

    def file_content(self, principal: Principal, file_id: str) -> FileContent:
        """The file's lines: an input file as stored, an output or error file as the upstream
        holds it; re-identified for a caller allowed to, tokens kept for others, and what a
        model wrote tokenized for everyone (answer guard). Looks up and fetches before it
        returns, so a missing file or an upstream error raises here."""
        entry = self._entry(principal, file_id, kind="file")
        restore, reveal = self.reveal(principal)
        tenant = principal.tenant
        if entry.purpose == "batch":
            if entry.header is None or entry.object_key is None or entry.object_version_id is None:
                raise NotFound(f"file {entry.id} has no content")
            body = self._vault.store.get(entry.object_key, entry.object_version_id)
            plain = open_stream(
                _prepend(entry.header, body),
                keys=self._vault.keys,
                context=_context(tenant, entry.id),
            )
            content = FileContent(entry, iter(()), reidentified=restore)
            content._lines = self._restored_input(content, _split(plain), tenant, reveal, restore)
            return content
        raw = self._upstream().file_content_stream(entry.upstream_id)
        content = FileContent(entry, iter(()), reidentified=restore)
        content._lines = self._restored_output(content, _split(raw), tenant, reveal, restore)
        return content

    def _restored_input(
        self,
        content: FileContent,
        lines: Iterator[bytes],
        tenant: str,
        reveal: frozenset[str] | None,
        restore: bool,
    ) -> Iterator[bytes]:
        reidentifier = self._vault.reidentifier
        for line in lines:
            if not restore:
                yield line + b"\n"
                continue
            result = reidentifier.reidentify(
                tenant, line.decode(), reveal=reveal, escape=_json_escape
            )
            content.restored.update(result.counts)
            yield result.text.encode() + b"\n"

    def _restored_output(
        self,
        content: FileContent,
        lines: Iterator[bytes],
        tenant: str,
        reveal: frozenset[str] | None,
        restore: bool,
    ) -> Iterator[bytes]:
        vault = self._vault
        anonymizer = vault.anonymizer
        for raw in lines:
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except ValueError:
                line = None
            if not isinstance(line, dict):
                yield raw + b"\n"  # not ours to read: the upstream's own bytes, tokens only
                continue
            custom_id = line.get("custom_id")
            if restore and isinstance(custom_id, str):
                result = vault.reidentifier.reidentify(tenant, custom_id, reveal=reveal)
                content.restored.update(result.counts)
                line["custom_id"] = result.text
            response = line.get("response")
            body = response.get("body") if isinstance(response, dict) else None
            if isinstance(body, dict) and isinstance(body.get("choices"), list):
                guard = (
                    AnswerGuard(anonymizer, tenant, ())
                    if anonymizer.policy.answers == "scan"
                    else None
                )
                restorer = ResponseRestorer(vault.reidentifier, tenant, reveal, guard)
                assert isinstance(response, dict)
                response["body"] = restorer.restore(body)
                content.restored.update(restorer.counts)
            yield json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    # -- batches --------------------------------------------------------------------------

    def create_batch(self, principal: Principal, body: Any) -> dict[str, Any]:
        """Create a batch upstream over one of the tenant's input files."""
        if not isinstance(body, dict):
            raise InvalidRequest("request body must be a JSON object")
        extra = set(body) - {"input_file_id", "endpoint", "completion_window", "metadata"}
        if extra:
            raise InvalidRequest("the body has a field a batch does not take", param="body")
        if body.get("metadata") not in (None, {}):
            raise InvalidRequest("metadata is not forwarded by this vault", param="metadata")
        if body.get("endpoint") != CHAT_URL:
            raise InvalidRequest(f"endpoint must be {CHAT_URL}", param="endpoint")
        window = body.get("completion_window")
        if not isinstance(window, str) or not _WINDOW.fullmatch(window):
            raise InvalidRequest(
                "completion_window must be a duration such as 24h or 7d",
                param="completion_window",
            )
        source = body.get("input_file_id")
        entry = self._entry(principal, source if isinstance(source, str) else "", kind="file")
        if entry.purpose != "batch":
            raise InvalidRequest(
                "input_file_id must name a batch input file", param="input_file_id"
            )
        payload = json.dumps(
            {"input_file_id": entry.upstream_id, "endpoint": CHAT_URL, "completion_window": window}
        ).encode()
        answer = self._upstream().create_batch(payload)
        upstream_id = _upstream_id(answer.json)
        batch = self._vault.batch_objects.add(
            BatchObject(
                id=f"batch_{uuid.uuid4().hex}",
                tenant=principal.tenant,
                kind="batch",
                purpose="batch",
                upstream_id=upstream_id,
                created_by=principal.key_id,
                created_at=datetime.now(UTC),
                lines=entry.lines,
            )
        )
        return self._batch_json(principal, batch, answer.json)

    def get_batch(self, principal: Principal, batch_id: str) -> dict[str, Any]:
        entry = self._entry(principal, batch_id, kind="batch")
        return self._batch_json(
            principal, entry, self._upstream().get_batch(entry.upstream_id).json
        )

    def cancel_batch(self, principal: Principal, batch_id: str) -> dict[str, Any]:
        entry = self._entry(principal, batch_id, kind="batch")
        answer = self._upstream().cancel_batch(entry.upstream_id)
        return self._batch_json(principal, entry, answer.json)

    def list_batches(self, principal: Principal) -> dict[str, Any]:
        """The tenant's batches among those the upstream lists (others' are left out)."""
        listed = self._upstream().list_batches().json
        data = []
        for item in listed.get("data") or [] if isinstance(listed, dict) else []:
            upstream_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(upstream_id, str):
                continue
            entry = self._vault.batch_objects.by_upstream(principal.tenant, "batch", upstream_id)
            if entry is not None:
                data.append(self._batch_json(principal, entry, item))
        return {
            "object": "list",
            "data": data,
            "first_id": data[0]["id"] if data else None,
            "last_id": data[-1]["id"] if data else None,
            "has_more": False,
        }

    def _batch_json(
        self, principal: Principal, entry: BatchObject, upstream: Any
    ) -> dict[str, Any]:
        """The upstream's batch object with the vault's ids in place of the upstream's."""
        info = upstream if isinstance(upstream, dict) else {}
        shown: dict[str, Any] = {"id": entry.id}
        shown.update({key: info.get(key) for key in _BATCH_FIELDS})
        shown["object"] = "batch"
        ids = self._vault.batch_objects
        source = info.get("input_file_id")
        found = (
            ids.by_upstream(principal.tenant, "file", source) if isinstance(source, str) else None
        )
        shown["input_file_id"] = found.id if found is not None else None
        for key in ("output_file_id", "error_file_id"):
            upstream_file = info.get(key)
            shown[key] = (
                self._output_file(principal, upstream_file).id
                if isinstance(upstream_file, str)
                else None
            )
        return shown

    def _output_file(self, principal: Principal, upstream_id: str) -> BatchObject:
        """The vault's id for an output or error file, made on first sight."""
        ids = self._vault.batch_objects
        found = ids.by_upstream(principal.tenant, "file", upstream_id)
        if found is not None:
            return found
        return ids.add(
            BatchObject(
                id=f"file_{uuid.uuid4().hex}",
                tenant=principal.tenant,
                kind="file",
                purpose="batch_output",
                upstream_id=upstream_id,
                created_by=principal.key_id,
                created_at=datetime.now(UTC),
            )
        )

    def _entry(self, principal: Principal, object_id: str, *, kind: str) -> BatchObject:
        grammar = FILE_ID if kind == "file" else BATCH_ID
        if not grammar.fullmatch(object_id):
            raise NotFound(f"{kind} not found")  # never echo what could not be an id
        entry = self._vault.batch_objects.get(principal.tenant, object_id)
        if entry is None or entry.kind != kind:
            raise NotFound(f"{kind} {object_id} not found")
        return entry


def _with_spans(block: _Block, keys: list[bytes], pending: Submitted[list[list[Span]]]) -> _Block:
    block.detected = dict(zip(keys, pending.result(), strict=True))
    return block


def _context(tenant: str, file_id: str) -> EncryptionContext:
    return EncryptionContext(tenant=tenant, object_id=file_id, version=1, purpose="batch")


def _upstream_id(answer: Any) -> str:
    upstream_id = answer.get("id") if isinstance(answer, dict) else None
    if not isinstance(upstream_id, str) or not upstream_id:
        message = "the upstream answered without an id"
        raise UpstreamError(
            message,
            status=502,
            body={
                "error": {"message": message, "type": "api_error", "code": "bad_upstream_response"}
            },
        )
    return upstream_id


def _file_json(entry: BatchObject, *, size: Any = None) -> dict[str, Any]:
    return {
        "id": entry.id,
        "object": "file",
        "bytes": size if isinstance(size, int) else entry.size,
        "created_at": int(entry.created_at.timestamp()),
        "filename": _FILENAME if entry.purpose == "batch" else f"{entry.id}.jsonl",
        "purpose": entry.purpose,
        "status": "processed",
    }


def _prepend(header: bytes, body: Iterator[bytes]) -> Iterator[bytes]:
    yield header
    yield from body


def _split(chunks: Iterator[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        pending += chunk
        *whole, pending = pending.split(b"\n")
        yield from whole
    if pending:
        yield pending
