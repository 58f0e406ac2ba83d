"""Read a dataset version back: anonymized as stored, or re-identified for those allowed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol

from vault.crypto import open_stream
from vault.domain.policy import AccessPolicy, Action, check_purpose
from vault.domain.principal import Principal
from vault.errors import Gone, InvalidRequest, NotFound, PermissionDenied, VaultError
from vault.ports import VersionInfo
from vault.services.dataset_formats import reidentify_stream
from vault.services.ingest_dataset import DatasetParts, dataset_context, require_dataset
from vault.services.reidentify import Reidentifier

__all__ = ["ContentRead", "ReadRecorder", "open_content", "open_version", "read_version"]

VIEWS = ("anonymized", "reidentified")
_KNOWN_VALUES = 100_000  # token values a re-identified read keeps between blocks


class ReadRecorder(Protocol):
    """Appends the one audit record of a read (`dataset.read` on its object), in the API's or
    the CLI's context."""

    def __call__(
        self, *, outcome: str, purpose: str | None, details: Mapping[str, Any]
    ) -> None: ...


def open_version(
    parts: DatasetParts, principal: Principal, dataset_id: str, number: int
) -> VersionInfo:
    """The committed version, or NotFound (also for another tenant's dataset)."""
    require_dataset(parts.catalog, principal.tenant, dataset_id)
    version = parts.catalog.get_version(principal.tenant, dataset_id, number)
    if version is None:
        raise NotFound(f"dataset {dataset_id} has no version {number}")
    return version


def read_version(
    parts: DatasetParts,
    principal: Principal,
    version: VersionInfo,
    *,
    reidentifier: Reidentifier | None = None,
    reveal: frozenset[str] | None = None,
) -> Iterator[bytes]:
    """The version's bytes, opened and verified frame by frame; re-identified when given a
    reidentifier. Raises Gone if its keys were shredded, before any byte is returned."""
    if version.header is None:
        raise Gone(f"dataset {version.dataset_id} version {version.number} was erased")
    assert version.object_version_id is not None
    body = parts.store.get(version.object_key, version.object_version_id)
    plain = open_stream(
        _prepend(version.header, body),
        keys=parts.keys,
        context=dataset_context(principal.tenant, version.dataset_id, version.number),
    )
    if reidentifier is None:
        return plain
    tenant = principal.tenant
    known: dict[str, str | None] = {}  # token -> value for this read; bounded below

    def reidentify_many(texts: list[str]) -> list[str]:
        if len(known) > _KNOWN_VALUES:
            known.clear()
        return reidentifier.reidentify_many(tenant, texts, reveal=reveal, known=known)

    return reidentify_stream(version.format, plain, reidentify_many=reidentify_many)


class ContentRead:
    """An opened read of a version: its first piece, already opened and verified, and the rest.

    `end(how)` writes the read's one audit record, once, with `how` = "ok", the error code that
    cut the transfer ("integrity_error", ...) or "client_gone"; later calls do nothing.
    """

    def __init__(
        self,
        first: bytes,
        rest: Iterator[bytes],
        *,
        format: str,
        purpose: str | None,
        finish: Callable[[str], None],
    ) -> None:
        self.first = first
        self.rest = rest
        self.format = format
        self.purpose = purpose
        self._finish = finish
        self._ended = False
        self._lock = threading.Lock()

    def chunks(self) -> Iterator[bytes]:
        if self.first:
            yield self.first
        yield from self.rest

    def end(self, how: str) -> None:
        with self._lock:
            if self._ended:
                return
            self._ended = True
        self._finish(how)

    def deliver(self, write: Callable[[bytes], object]) -> None:
        """Write every chunk, then end the read with how it went; re-raises what cut it."""
        how = "client_gone"  # the sink failed or the reader was interrupted
        try:
            for chunk in self.chunks():
                write(chunk)
            how = "ok"
        except VaultError as exc:
            how = exc.code
            raise
        finally:
            self.end(how)


def open_content(
    parts: DatasetParts,
    policy: AccessPolicy,
    principal: Principal,
    dataset_id: str,
    number: int | None,
    *,
    view: str,
    purpose: str | None,
    reidentifier: Reidentifier,
    record: ReadRecorder,
) -> ContentRead:
    """Open a version for reading: the view and the purpose (one of the policy's) checked, a
    re-identified view only for roles allowed it and with a purpose, the first frame opened and
    verified. A refusal or failure here is recorded at once (outcome "denied" or "error", with
    its code) and raised; otherwise the record is written when the read ends (`ContentRead.end`).
    Raises InvalidRequest, PermissionDenied, NotFound, Gone or an integrity error."""
    shown = {"view": view} if view in VIEWS else {}
    try:
        if view not in VIEWS:
            raise InvalidRequest("view must be 'anonymized' or 'reidentified'", param="view")
        stated = check_purpose(purpose, policy.purposes) if purpose else None
        if number is None:  # a path that names no version is as unknown as a missing one
            raise NotFound("dataset version not found")
        version = open_version(parts, principal, dataset_id, number)
        restorer = None
        reveal = None
        if view == "reidentified":
            if not policy.allows(principal.roles, Action.DATASET_REIDENTIFY):
                raise PermissionDenied("this API key may not read re-identified datasets")
            if not stated:
                raise InvalidRequest(
                    "a re-identified view needs a purpose (X-Vault-Purpose header or ?purpose=)",
                    param="purpose",
                )
            restorer = reidentifier
            reveal = policy.revealable(principal.roles)
        body = read_version(parts, principal, version, reidentifier=restorer, reveal=reveal)
        first = next(body, b"")
    except Exception as exc:
        outcome = "denied" if isinstance(exc, PermissionDenied) else "error"
        error = getattr(exc, "code", type(exc).__name__)
        record(outcome=outcome, purpose=None, details={**shown, "error": error})
        raise

    def finish(how: str) -> None:
        record(
            outcome="ok" if how == "ok" else "error",
            purpose=stated,
            details={**shown, "end": how},
        )

    return ContentRead(first, body, format=version.format, purpose=stated, finish=finish)


def _prepend(header: bytes, body: Iterator[bytes]) -> Iterator[bytes]:
    yield header
    yield from body
