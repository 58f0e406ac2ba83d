"""The asyncio client: `AsyncVaultClient(base_url, api_key)`, the doors of VaultClient with
every call awaited (and async context managers where VaultClient's are sync). Requests,
parsing and errors come from `_core`, as for VaultClient; only the awaited I/O is here."""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import AsyncIterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import anyio
import httpx

from vault.client import _core
from vault.client import _models as m
from vault.client._core import Call, FileSource, ProgressCallback, transport_errors

if TYPE_CHECKING:
    from vault.domain.audit_export import VerifyResult

__all__ = ["AsyncVaultClient"]

T = TypeVar("T")


class AsyncVaultClient:
    """A vault over HTTP for asyncio code, as the holder of one API key sees it.

    Doors: `text`, `datasets`, `jobs`, `audit`, `dsr`, `keys`, as on VaultClient; the same
    errors. Use it as `async with`, or await `close()`.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float | None = 60.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = _core.check_base_url(base_url)
        headers = _core.auth_headers(api_key)
        self._http = httpx.AsyncClient(
            base_url=self.base_url, headers=headers, timeout=timeout, transport=transport
        )
        self.text = AsyncText(self)
        self.datasets = AsyncDatasets(self)
        self.jobs = AsyncJobs(self)
        self.audit = AsyncAudit(self)
        self.dsr = AsyncDataSubjects(self)
        self.keys = AsyncKeys(self)

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncVaultClient:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def _send(self, call: Call[T]) -> T:
        with transport_errors(self.base_url):
            answer = await self._http.request(call.method, call.path, **call.options)
        _core.raise_for_error(answer)
        return call.parse(answer.json())

    @contextlib.asynccontextmanager
    async def _stream(self, call: Call[Any]) -> AsyncIterator[httpx.Response]:
        with transport_errors(self.base_url):
            async with self._http.stream(call.method, call.path, **call.options) as answer:
                if answer.is_error:
                    await answer.aread()
                    _core.raise_for_error(answer)
                yield answer


async def _chunks(answer: httpx.Response) -> AsyncIterator[bytes]:
    with _core.cut_off("the download", advice="; discard what arrived"):
        async for chunk in answer.aiter_bytes():
            yield chunk


async def _lines(answer: httpx.Response) -> AsyncIterator[str]:
    lines = _core.Lines()
    with _core.cut_off("the export"):
        async for piece in answer.aiter_text():
            for line in lines.feed(piece):
                yield line
    for line in lines.rest():
        yield line


class AsyncText:
    """`/v1/scan`, `/v1/anonymize`, `/v1/reidentify`; see `vault.client.Text`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def detect(self, text: str) -> builtins.list[m.Span]:
        return await self._client._send(_core.detect(text))

    async def anonymize(self, text: str) -> m.Anonymized:
        return await self._client._send(_core.anonymize(text))

    async def reidentify(self, text: str, *, purpose: str) -> m.Reidentified:
        return await self._client._send(_core.reidentify(text, purpose))

    deanonymize = reidentify


class AsyncJobs:
    """`/v1/jobs`; see `vault.client.Jobs`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def list(self, *, limit: int = 100) -> builtins.list[m.Job]:
        return await self._client._send(_core.list_jobs(limit))

    async def get(self, job_id: str) -> m.Job:
        return await self._client._send(_core.get_job(job_id))

    async def cancel(self, job_id: str) -> m.Job:
        return await self._client._send(_core.cancel_job(job_id))

    async def wait(
        self,
        job_id: str,
        *,
        poll_interval: float = 0.25,
        progress: ProgressCallback | None = None,
    ) -> m.Job:
        while not _core.polled(job := await self.get(job_id), progress):
            await anyio.sleep(poll_interval)
        return job


class AsyncDatasets:
    """`/v1/datasets`; see `vault.client.Datasets`. Files are read in a worker thread."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def create(
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
        job = await self.submit(
            file,
            name=name,
            filename=filename,
            content_type=content_type,
            column_policy=column_policy,
            delimiter=delimiter,
            idempotency_key=idempotency_key,
            progress=progress,
        )
        return job if isinstance(job, m.Upload) else await self.finish(job, progress=progress)

    async def add_version(
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
        job = await self.submit(
            file,
            dataset=dataset,
            filename=filename,
            content_type=content_type,
            column_policy=column_policy,
            delimiter=delimiter,
            idempotency_key=idempotency_key,
            progress=progress,
        )
        return job if isinstance(job, m.Upload) else await self.finish(job, progress=progress)

    async def submit(
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

            async def content() -> AsyncIterator[bytes]:
                yield upload.head
                read = upload.source.handle.read
                while chunk := await anyio.to_thread.run_sync(read, _core.CHUNK):
                    yield upload.sent(chunk)
                yield upload.tail

            with transport_errors(self._client.base_url):
                answer = await self._client._http.post(
                    upload.path, content=content(), headers=upload.headers
                )
        return _core.submitted(answer)

    async def finish(
        self, job: m.Job | str, *, progress: ProgressCallback | None = None
    ) -> m.Upload:
        ended = await self._client.jobs.wait(_core.job_id(job), progress=progress)
        dataset_id, number = _core.stored_by(ended)
        version = _core.pick_version(await self.versions(dataset_id), number)
        return m.Upload(await self.get(dataset_id), version, job=ended)

    async def submit_import(
        self,
        source: str,
        *,
        name: str,
        format: str | None = None,
        column_policy: Mapping[str, str] | None = None,
        delimiter: str | None = None,
    ) -> m.Job:
        return await self._client._send(
            _core.import_dataset(
                source, name=name, fmt=format, column_policy=column_policy, delimiter=delimiter
            )
        )

    async def import_from(
        self,
        source: str,
        *,
        name: str,
        format: str | None = None,
        column_policy: Mapping[str, str] | None = None,
        delimiter: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> m.Upload:
        job = await self.submit_import(
            source, name=name, format=format, column_policy=column_policy, delimiter=delimiter
        )
        return await self.finish(job, progress=progress)

    async def list(self) -> builtins.list[m.Dataset]:
        return await self._client._send(_core.list_datasets())

    async def get(self, dataset: str) -> m.Dataset:
        return await self._client._send(_core.get_dataset(dataset))

    async def versions(self, dataset: str) -> builtins.list[m.Version]:
        return await self._client._send(_core.list_versions(dataset))

    async def report(self, dataset: str, version: int) -> dict[str, Any]:
        return await self._client._send(_core.report(dataset, version))

    @contextlib.asynccontextmanager
    async def stream(
        self, dataset: str, version: int, *, reidentified: bool = False, purpose: str | None = None
    ) -> AsyncIterator[AsyncIterator[bytes]]:
        call = _core.content(dataset, version, reidentified=reidentified, purpose=purpose)
        async with self._client._stream(call) as answer:
            yield _chunks(answer)

    async def download(
        self,
        dataset: str,
        version: int,
        to: str | Path | IO[bytes],
        *,
        reidentified: bool = False,
        purpose: str | None = None,
    ) -> int:
        async with self.stream(
            dataset, version, reidentified=reidentified, purpose=purpose
        ) as chunks:
            with _core.bytes_sink(to) as write:
                return sum([write(chunk) async for chunk in chunks])


class AsyncAudit:
    """`/v1/audit/export` and local verification; see `vault.client.Audit`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    @contextlib.asynccontextmanager
    async def export(
        self,
        *,
        fmt: str = "jsonl",
        since: datetime | str | None = None,
        until: datetime | str | None = None,
    ) -> AsyncIterator[AsyncIterator[str]]:
        async with self._client._stream(_core.audit_export(fmt, since, until)) as answer:
            yield _lines(answer)

    async def export_to(
        self,
        to: str | Path | IO[str],
        *,
        fmt: str = "jsonl",
        since: datetime | str | None = None,
        until: datetime | str | None = None,
    ) -> int:
        async with self.export(fmt=fmt, since=since, until=until) as lines:
            with _core.text_sink(to) as write:
                return sum([1 async for line in lines if write(line) is not None])

    async def verify(
        self,
        file: str | Path | None = None,
        *,
        public_key: bytes | None = None,
        fmt: str = "jsonl",
        since: datetime | str | None = None,
        until: datetime | str | None = None,
    ) -> VerifyResult:
        """Verify `file`, or a fresh export, here with the verifier of `vault audit verify`
        (in a worker thread); the VerifyResult. The export is spooled to a temporary file
        first, since the verifier reads lines synchronously."""
        import tempfile

        from vault.services.verify_audit import verify_file

        if file is not None:
            return await anyio.to_thread.run_sync(lambda: verify_file(file, public_key=public_key))
        with tempfile.TemporaryDirectory(prefix="vault-audit-") as folder:
            spooled = Path(folder) / f"export.{fmt}"
            await self.export_to(spooled, fmt=fmt, since=since, until=until)
            return await anyio.to_thread.run_sync(
                lambda: verify_file(spooled, public_key=public_key)
            )


class AsyncDataSubjects:
    """`/v1/dsr`; see `vault.client.DataSubjects`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def find(self, value: str) -> builtins.list[m.FoundToken]:
        return await self._client._send(_core.find_tokens(value))

    async def erase(self, value: str) -> m.Erased:
        return await self._client._send(_core.erase(value))

    async def not_pii(self, value: str) -> None:
        await self._client._send(_core.not_pii(value))


class AsyncKeys:
    """`/v1/apikeys`; see `vault.client.Keys`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def create(
        self,
        roles: builtins.list[str],
        *,
        label: str | None = None,
        expires_in_days: int | None = None,
    ) -> m.CreatedKey:
        call = _core.create_key(roles, label=label, expires_in_days=expires_in_days)
        return await self._client._send(call)

    async def list(self) -> builtins.list[m.ApiKey]:
        return await self._client._send(_core.list_keys())

    async def set_roles(self, key_id: str, roles: builtins.list[str]) -> m.ApiKey:
        return await self._client._send(_core.set_roles(key_id, roles))

    async def revoke(self, key_id: str) -> m.ApiKey:
        return await self._client._send(_core.revoke_key(key_id))
