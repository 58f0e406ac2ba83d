"""The asyncio client: `AsyncVaultClient(base_url, api_key)`, the doors of VaultClient with
every call awaited (and async context managers where VaultClient's are sync)."""

from __future__ import annotations

import builtins
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import anyio
import httpx

from vault.client import _core
from vault.client._core import FileSource, transport_errors
from vault.client._errors import DownloadInterruptedError, error_from_answer
from vault.client._models import (
    Anonymized,
    ApiKey,
    CreatedKey,
    Dataset,
    Erased,
    FoundToken,
    Job,
    Progress,
    Reidentified,
    Span,
    Upload,
    Version,
)

if TYPE_CHECKING:
    from vault.domain.audit_export import VerifyResult

__all__ = ["AsyncVaultClient"]

ProgressCallback = Callable[[Progress], None]


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
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers=_core.auth_headers(api_key),
            timeout=timeout,
            transport=transport,
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

    async def _request(self, method: str, path: str, **options: Any) -> Any:
        with transport_errors(self.base_url):
            answer = await self._http.request(method, path, **options)
        if answer.is_error:
            raise error_from_answer(answer.status_code, answer.content, answer.headers)
        return answer.json()

    async def _post(self, path: str, body: Mapping[str, Any], **options: Any) -> Any:
        return await self._request("POST", path, json=dict(body), **options)

    @contextlib.asynccontextmanager
    async def _stream(
        self, method: str, path: str, **options: Any
    ) -> AsyncIterator[httpx.Response]:
        with transport_errors(self.base_url):
            async with self._http.stream(method, path, **options) as answer:
                if answer.is_error:
                    await answer.aread()
                    raise error_from_answer(answer.status_code, answer.content, answer.headers)
                yield answer


async def _chunks(answer: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in answer.aiter_bytes():
            yield chunk
    except httpx.TransportError as exc:
        raise DownloadInterruptedError(
            f"the download was cut before its end ({type(exc).__name__}); discard what arrived"
        ) from exc


class AsyncText:
    """`/v1/scan`, `/v1/anonymize`, `/v1/reidentify`; see `vault.client.Text`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def detect(self, text: str) -> builtins.list[Span]:
        """The PII spans the vault's policy would act on."""
        answer = await self._client._post("/v1/scan", {"text": text})
        return [Span.from_json(e) for e in answer["entities"]]

    async def anonymize(self, text: str) -> Anonymized:
        """`text` with PII replaced under the policy."""
        return Anonymized.from_json(await self._client._post("/v1/anonymize", {"text": text}))

    async def reidentify(self, text: str, *, purpose: str) -> Reidentified:
        """The tenant's tokens restored, for the types this key may reveal, for `purpose`."""
        answer = await self._client._post("/v1/reidentify", {"text": text, "purpose": purpose})
        return Reidentified.from_json(answer)

    deanonymize = reidentify


class AsyncJobs:
    """`/v1/jobs`; see `vault.client.Jobs`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def list(self, *, limit: int = 100) -> builtins.list[Job]:
        answer = await self._client._request("GET", "/v1/jobs", params={"limit": limit})
        return [Job.from_json(j) for j in _core.list_data(answer)]

    async def get(self, job_id: str) -> Job:
        return Job.from_json(await self._client._request("GET", _core.job_path(job_id)))

    async def cancel(self, job_id: str) -> Job:
        """Ask a job to stop; ConflictError `job_finished` when it has already ended."""
        path = _core.job_path(job_id, "cancel")
        return Job.from_json(await self._client._request("POST", path))

    async def wait(
        self,
        job_id: str,
        *,
        poll_interval: float = 0.25,
        progress: ProgressCallback | None = None,
    ) -> Job:
        """Poll until the job has ended; the job as it ended, whatever its state."""
        while True:
            job = await self.get(job_id)
            if progress is not None:
                progress(Progress("job", job.bytes_done, job.bytes_total, job.rows_done, job=job))
            if job.finished:
                return job
            await anyio.sleep(poll_interval)


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
    ) -> Upload:
        """Upload `file` as a new dataset and wait for its job; JobFailedError if it failed."""
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
        return job if isinstance(job, Upload) else await self.finish(job, progress=progress)

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
    ) -> Upload:
        """Upload `file` as the next version of `dataset` (id or name) and wait for it."""
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
        return job if isinstance(job, Upload) else await self.finish(job, progress=progress)

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
    ) -> Job | Upload:
        """Send the upload asking for a job and return the job without waiting (an Upload
        if the vault stored it at once); exactly one of `name` or `dataset`."""
        if (name is None) == (dataset is None):
            raise ValueError("give exactly one of name (a new dataset) or dataset (a version)")
        source = _core.open_source(file, filename)
        try:
            body = _core.Multipart(
                _core.upload_fields(name=name, column_policy=column_policy, delimiter=delimiter),
                filename=source.filename,
                content_type=content_type,
            )
            headers = {"Prefer": "respond-async", **body.headers(source.size)}
            if idempotency_key is not None:
                headers["Idempotency-Key"] = idempotency_key

            async def content() -> AsyncIterator[bytes]:
                yield body.head
                sent = 0
                while chunk := await anyio.to_thread.run_sync(source.handle.read, _core.CHUNK):
                    yield chunk
                    sent += len(chunk)
                    if progress is not None:
                        progress(Progress("sending", sent, source.size))
                yield body.tail

            path = "/v1/datasets" if dataset is None else _core.dataset_path(dataset, "versions")
            with transport_errors(self._client.base_url):
                answer = await self._client._http.post(path, content=content(), headers=headers)
        finally:
            source.close()
        if answer.is_error:
            raise error_from_answer(answer.status_code, answer.content, answer.headers)
        data = answer.json()
        if answer.status_code == 202:
            return Job.from_json(data)
        stored = _core.stored_upload(data)
        return Upload(stored.dataset, stored.version, created=answer.status_code == 201)

    async def finish(self, job: Job | str, *, progress: ProgressCallback | None = None) -> Upload:
        """Wait for an upload job and return what it stored; JobFailedError if nothing."""
        job_id = job if isinstance(job, str) else job.id
        ended = await self._client.jobs.wait(job_id, progress=progress)
        if ended.state != "succeeded" or ended.dataset_id is None or ended.version is None:
            raise _core.job_error(ended)
        versions = await self.versions(ended.dataset_id)
        version = _core.pick_version([v.raw for v in versions], ended.version)
        return Upload(await self.get(ended.dataset_id), version, job=ended)

    async def list(self) -> builtins.list[Dataset]:
        answer = await self._client._request("GET", "/v1/datasets")
        return [Dataset.from_json(d) for d in _core.list_data(answer)]

    async def get(self, dataset: str) -> Dataset:
        """One dataset, by id or name."""
        return Dataset.from_json(await self._client._request("GET", _core.dataset_path(dataset)))

    async def versions(self, dataset: str) -> builtins.list[Version]:
        answer = await self._client._request("GET", _core.dataset_path(dataset, "versions"))
        return [Version.from_json(v) for v in _core.list_data(answer)]

    async def report(self, dataset: str, version: int) -> dict[str, Any]:
        path = _core.dataset_path(dataset, "versions", str(version), "report")
        return dict((await self._client._request("GET", path)).get("report") or {})

    @contextlib.asynccontextmanager
    async def stream(
        self, dataset: str, version: int, *, reidentified: bool = False, purpose: str | None = None
    ) -> AsyncIterator[AsyncIterator[bytes]]:
        """The version's content as it arrives; DownloadInterruptedError if cut later."""
        params = {"view": "reidentified" if reidentified else "anonymized"}
        if purpose is not None:
            params["purpose"] = purpose
        path = _core.dataset_path(dataset, "versions", str(version), "content")
        async with self._client._stream("GET", path, params=params) as answer:
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
        """Write the content to a path (created once the vault answered, removed if the body
        is cut) or an open binary file; the bytes written."""
        written = 0
        async with self.stream(
            dataset, version, reidentified=reidentified, purpose=purpose
        ) as chunks:
            if not isinstance(to, (str, Path)):
                async for chunk in chunks:
                    written += to.write(chunk) or 0
                return written
            target = Path(to)
            try:
                with target.open("wb") as handle:
                    async for chunk in chunks:
                        written += handle.write(chunk)
            except BaseException:
                target.unlink(missing_ok=True)
                raise
        return written


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
        """The tenant's signed audit export, line by line (each with its line ending)."""
        params = {"format": fmt}
        for key, value in (("since", _core.moment(since)), ("until", _core.moment(until))):
            if value is not None:
                params[key] = value
        async with self._client._stream("GET", "/v1/audit/export", params=params) as answer:
            yield _lines(answer)

    async def export_to(
        self,
        to: str | Path,
        *,
        fmt: str = "jsonl",
        since: datetime | str | None = None,
        until: datetime | str | None = None,
    ) -> int:
        """Write the export to a path (removed if the export is cut); the lines written."""
        target = Path(to)
        count = 0
        try:
            async with self.export(fmt=fmt, since=since, until=until) as lines:
                with target.open("w", encoding="utf-8", newline="") as handle:
                    async for line in lines:
                        handle.write(line)
                        count += 1
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return count

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


async def _lines(answer: httpx.Response) -> AsyncIterator[str]:
    pending = ""
    try:
        async for piece in answer.aiter_text():
            pending += piece
            *whole, pending = pending.split("\n")
            for line in whole:
                yield line + "\n"
    except httpx.TransportError as exc:
        raise DownloadInterruptedError(
            f"the export was cut before its end ({type(exc).__name__})"
        ) from exc
    if pending:
        yield pending


class AsyncDataSubjects:
    """`/v1/dsr`; see `vault.client.DataSubjects`."""

    def __init__(self, client: AsyncVaultClient) -> None:
        self._client = client

    async def find(self, value: str) -> builtins.list[FoundToken]:
        answer = await self._client._post("/v1/dsr/find", {"value": value})
        return [FoundToken(t["token"], t["entity_type"]) for t in answer["tokens"]]

    async def erase(self, value: str) -> Erased:
        answer = await self._client._post("/v1/dsr/erase", {"value": value})
        return Erased(answer["erased"], tuple(answer["tokens"]))

    async def not_pii(self, value: str) -> None:
        await self._client._post("/v1/dsr/not-pii", {"value": value})


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
    ) -> CreatedKey:
        body: dict[str, Any] = {"roles": list(roles)}
        if label is not None:
            body["label"] = label
        if expires_in_days is not None:
            body["expires_in_days"] = expires_in_days
        answer = await self._client._post("/v1/apikeys", body)
        return CreatedKey(ApiKey.from_json(answer), answer["key"])

    async def list(self) -> builtins.list[ApiKey]:
        answer = await self._client._request("GET", "/v1/apikeys")
        return [ApiKey.from_json(k) for k in _core.list_data(answer)]

    async def set_roles(self, key_id: str, roles: builtins.list[str]) -> ApiKey:
        path = _core.key_path(key_id)
        return ApiKey.from_json(
            await self._client._request("PATCH", path, json={"roles": list(roles)})
        )

    async def revoke(self, key_id: str) -> ApiKey:
        return ApiKey.from_json(await self._client._request("DELETE", _core.key_path(key_id)))
