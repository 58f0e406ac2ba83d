"""The blocking client: `VaultClient(base_url, api_key)` and one attribute per door. Each
door method builds its request with `_core` and does the one blocking call."""

from __future__ import annotations

import builtins
import contextlib
import time
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import httpx

from vault.client import _core
from vault.client import _models as m
from vault.client._core import Call, FileSource, ProgressCallback, transport_errors

if TYPE_CHECKING:
    from vault.domain.audit_export import VerifyResult

__all__ = ["VaultClient"]

T = TypeVar("T")


class VaultClient:
    """A vault over HTTP, as the holder of one API key (its tenant and roles) sees it.

    Doors: `text`, `datasets`, `jobs`, `audit`, `dsr`, `keys`. Every error answer raises a
    `vault.client.APIStatusError` subclass; an unreachable vault `APIConnectionError`.
    Use it as a context manager, or call `close()`.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float | None = 60.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = _core.check_base_url(base_url)
        headers = _core.auth_headers(api_key)
        self._http = httpx.Client(
            base_url=self.base_url, headers=headers, timeout=timeout, transport=transport
        )
        self.text = Text(self)
        self.datasets = Datasets(self)
        self.jobs = Jobs(self)
        self.audit = Audit(self)
        self.dsr = DataSubjects(self)
        self.keys = Keys(self)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> VaultClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _send(self, call: Call[T]) -> T:
        """The call's parsed answer; the error tree for an error answer."""
        with transport_errors(self.base_url):
            answer = self._http.request(call.method, call.path, **call.options)
        _core.raise_for_error(answer)
        return call.parse(answer.json())

    @contextlib.contextmanager
    def _stream(self, call: Call[Any]) -> Iterator[httpx.Response]:
        """A streamed answer whose status was checked."""
        with (
            transport_errors(self.base_url),
            self._http.stream(call.method, call.path, **call.options) as answer,
        ):
            if answer.is_error:
                answer.read()
                _core.raise_for_error(answer)
            yield answer


def _chunks(answer: httpx.Response) -> Iterator[bytes]:
    with _core.cut_off("the download", advice="; discard what arrived"):
        yield from answer.iter_bytes()


def _lines(answer: httpx.Response) -> Iterator[str]:
    with _core.cut_off("the export"):
        yield from _core.split_lines(answer.iter_text())


class Text:
    """`/v1/scan`, `/v1/anonymize`, `/v1/reidentify`: one text at a time (up to 1 Mi chars)."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def detect(self, text: str) -> builtins.list[m.Span]:
        """The PII spans the vault's policy would act on (needs the `scan` grant)."""
        return self._client._send(_core.detect(text))

    def anonymize(self, text: str) -> m.Anonymized:
        """`text` with PII replaced under the policy; its tokens are stable within the tenant."""
        return self._client._send(_core.anonymize(text))

    def reidentify(self, text: str, *, purpose: str) -> m.Reidentified:
        """The tenant's tokens in `text` replaced by their values, for the entity types this
        key may reveal; `purpose` must be one the access policy names (400 otherwise)."""
        return self._client._send(_core.reidentify(text, purpose))

    deanonymize = reidentify


class Jobs:
    """`/v1/jobs`: the tenant's upload jobs (an uploader's door)."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def list(self, *, limit: int = 100) -> builtins.list[m.Job]:
        """The tenant's jobs, newest first."""
        return self._client._send(_core.list_jobs(limit))

    def get(self, job_id: str) -> m.Job:
        """One job; NotFoundError for an unknown id or another tenant's."""
        return self._client._send(_core.get_job(job_id))

    def cancel(self, job_id: str) -> m.Job:
        """Ask a job to stop at its next block (it then leaves no version); ConflictError
        `job_finished` when it has already ended."""
        return self._client._send(_core.cancel_job(job_id))

    def wait(
        self,
        job_id: str,
        *,
        poll_interval: float = 0.25,
        progress: ProgressCallback | None = None,
    ) -> m.Job:
        """Poll until the job has ended and return it as it ended (whatever its state);
        `progress` is called after each poll."""
        while not _core.polled(job := self.get(job_id), progress):
            time.sleep(poll_interval)
        return job


class Datasets:
    """`/v1/datasets`: upload (as jobs), list, versions, download. A dataset is named by its
    `ds_` id or by its name, unique within the tenant (ConflictError if several have it)."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def create(
        self,
        file: FileSource,
        *,
        name: str,
        filename: str | None = None,
        content_type: str | None = None,
        column_policy: Mapping[str, str] | None = None,
        delimiter: str | None = None,
        idempotency_key: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> m.Upload:
        """Upload `file` (a path or an open binary file, streamed) as a new dataset and wait
        for its job; JobFailedError (JobCancelledError) if the job stored nothing."""
        job = self.submit(
            file,
            name=name,
            filename=filename,
            content_type=content_type,
            column_policy=column_policy,
            delimiter=delimiter,
            idempotency_key=idempotency_key,
            progress=progress,
        )
        return job if isinstance(job, m.Upload) else self.finish(job, progress=progress)

    def add_version(
        self,
        dataset: str,
        file: FileSource,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        column_policy: Mapping[str, str] | None = None,
        delimiter: str | None = None,
        idempotency_key: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> m.Upload:
        """Upload `file` as the next version of `dataset` (id or name) and wait for its job."""
        job = self.submit(
            file,
            dataset=dataset,
            filename=filename,
            content_type=content_type,
            column_policy=column_policy,
            delimiter=delimiter,
            idempotency_key=idempotency_key,
            progress=progress,
        )
        return job if isinstance(job, m.Upload) else self.finish(job, progress=progress)

    def submit(
        self,
        file: FileSource,
        *,
        name: str | None = None,
        dataset: str | None = None,
        filename: str | None = None,
        content_type: str | None = None,
        column_policy: Mapping[str, str] | None = None,
        delimiter: str | None = None,
        idempotency_key: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> m.Job | m.Upload:
        """Send the upload (exactly one of `name`, a new dataset, or `dataset`, a new version)
        asking for a job, and return the job as the vault accepted it, without waiting; an
        Upload if the vault stored it at once. `progress` sees the bytes as they are sent."""
        with _core.Outgoing(
            file,
            name=name,
            dataset=dataset,
            filename=filename,
            content_type=content_type,
            column_policy=column_policy,
            delimiter=delimiter,
            idempotency_key=idempotency_key,
            progress=progress,
        ) as upload:

            def content() -> Iterator[bytes]:
                yield upload.head
                for chunk in upload.source.chunks():
                    yield upload.sent(chunk)
                yield upload.tail

            with transport_errors(self._client.base_url):
                answer = self._client._http.post(
                    upload.path, content=content(), headers=upload.headers
                )
        return _core.submitted(answer)

    def finish(self, job: m.Job | str, *, progress: ProgressCallback | None = None) -> m.Upload:
        """Wait for an upload job and return what it stored; JobFailedError if nothing."""
        ended = self._client.jobs.wait(_core.job_id(job), progress=progress)
        dataset_id, number = _core.stored_by(ended)
        version = _core.pick_version(self.versions(dataset_id), number)
        return m.Upload(self.get(dataset_id), version, job=ended)

    def submit_import(
        self,
        source: str,
        *,
        name: str,
        format: str | None = None,
        column_policy: Mapping[str, str] | None = None,
        delimiter: str | None = None,
    ) -> m.Job:
        """Import every object under `source` (`s3://bucket/prefix`, read by the vault with
        its own S3 settings) as a new dataset; the job as accepted, without waiting."""
        return self._client._send(
            _core.import_dataset(
                source, name=name, fmt=format, column_policy=column_policy, delimiter=delimiter
            )
        )

    def import_from(
        self,
        source: str,
        *,
        name: str,
        format: str | None = None,
        column_policy: Mapping[str, str] | None = None,
        delimiter: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> m.Upload:
        """`submit_import`, then wait for its job; JobFailedError if it stored nothing."""
        job = self.submit_import(
            source, name=name, format=format, column_policy=column_policy, delimiter=delimiter
        )
        return self.finish(job, progress=progress)

    def list(self) -> builtins.list[m.Dataset]:
        """The tenant's datasets."""
        return self._client._send(_core.list_datasets())

    def get(self, dataset: str) -> m.Dataset:
        """One dataset, by id or name."""
        return self._client._send(_core.get_dataset(dataset))

    def versions(self, dataset: str) -> builtins.list[m.Version]:
        """A dataset's committed versions, oldest first."""
        return self._client._send(_core.list_versions(dataset))

    def report(self, dataset: str, version: int) -> dict[str, Any]:
        """What was found where in a version (counts per column or field, never values)."""
        return self._client._send(_core.report(dataset, version))

    @contextlib.contextmanager
    def stream(
        self, dataset: str, version: int, *, reidentified: bool = False, purpose: str | None = None
    ) -> Iterator[Iterator[bytes]]:
        """The version's content as it arrives: anonymized, or with `reidentified` (and a
        `purpose` of the policy's) restored for a reidentifier. The status is checked before
        the first byte; a body cut later raises DownloadInterruptedError while iterating."""
        call = _core.content(dataset, version, reidentified=reidentified, purpose=purpose)
        with self._client._stream(call) as answer:
            yield _chunks(answer)

    def download(
        self,
        dataset: str,
        version: int,
        to: str | Path | IO[bytes],
        *,
        reidentified: bool = False,
        purpose: str | None = None,
    ) -> int:
        """Write the content to a path or an open binary file; the bytes written. A path is
        created only once the vault has answered, and removed if the body is cut."""
        with (
            self.stream(dataset, version, reidentified=reidentified, purpose=purpose) as chunks,
            _core.bytes_sink(to) as write,
        ):
            return sum(write(chunk) for chunk in chunks)


class Audit:
    """`/v1/audit/export` (an auditor's door) and local verification of what it exports."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    @contextlib.contextmanager
    def export(
        self,
        *,
        fmt: str = "jsonl",
        since: datetime | str | None = None,
        until: datetime | str | None = None,
    ) -> Iterator[Iterator[str]]:
        """The tenant's signed audit export, line by line (each with its line ending)."""
        with self._client._stream(_core.audit_export(fmt, since, until)) as answer:
            yield _lines(answer)

    def export_to(
        self,
        to: str | Path | IO[str],
        *,
        fmt: str = "jsonl",
        since: datetime | str | None = None,
        until: datetime | str | None = None,
    ) -> int:
        """Write the export to a path (removed if the export is cut) or a text file; the
        number of lines written."""
        with self.export(fmt=fmt, since=since, until=until) as lines, _core.text_sink(to) as write:
            return sum(1 for line in lines if write(line) is not None)

    def verify(
        self,
        file: str | Path | None = None,
        *,
        public_key: bytes | None = None,
        fmt: str = "jsonl",
        since: datetime | str | None = None,
        until: datetime | str | None = None,
    ) -> VerifyResult:
        """Verify an export here, with the verifier of `vault audit verify`: `file` if given,
        else a fresh export streamed straight into it. Returns its VerifyResult (`.ok`,
        `.message()` naming the first bad line); `public_key` (32 raw Ed25519 bytes) pins
        the signer. A file that is no export raises the vault's InvalidRequest."""
        from vault.domain.audit_export import verify_export
        from vault.services.verify_audit import verify_file

        if file is not None:
            return verify_file(file, public_key=public_key)
        with self.export(fmt=fmt, since=since, until=until) as lines:
            return verify_export(lines, public_key=public_key, fmt=fmt)


class DataSubjects:
    """`/v1/dsr`: data-subject requests (an admin's door; find is open to an auditor where
    the access policy grants it). Values go in the body only, never in a URL."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def find(self, value: str) -> builtins.list[m.FoundToken]:
        """Every token the tenant issued for `value`: tokens and types, never values."""
        return self._client._send(_core.find_tokens(value))

    def erase(self, value: str) -> m.Erased:
        """Destroy `value`'s token entries: its tokens never re-identify again."""
        return self._client._send(_core.erase(value))

    def not_pii(self, value: str) -> None:
        """Say `value` is not personal data: it is left as it is from then on."""
        self._client._send(_core.not_pii(value))


class Keys:
    """`/v1/apikeys`: an admin's keys of the own tenant."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def create(
        self,
        roles: builtins.list[str],
        *,
        label: str | None = None,
        expires_in_days: int | None = None,
    ) -> m.CreatedKey:
        """A new key with roles this admin may grant (PermissionDeniedError otherwise); the
        secret is in the answer only."""
        call = _core.create_key(roles, label=label, expires_in_days=expires_in_days)
        return self._client._send(call)

    def list(self) -> builtins.list[m.ApiKey]:
        return self._client._send(_core.list_keys())

    def set_roles(self, key_id: str, roles: builtins.list[str]) -> m.ApiKey:
        return self._client._send(_core.set_roles(key_id, roles))

    def revoke(self, key_id: str) -> m.ApiKey:
        """Revoke a key at once; NotFoundError for another tenant's."""
        return self._client._send(_core.revoke_key(key_id))
