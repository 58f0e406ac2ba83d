"""The blocking client: `VaultClient(base_url, api_key)` and one attribute per door."""

from __future__ import annotations

import builtins
import contextlib
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

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

__all__ = ["VaultClient"]

ProgressCallback = Callable[[Progress], None]


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
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=_core.auth_headers(api_key),
            timeout=timeout,
            transport=transport,
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

    def _request(self, method: str, path: str, **options: Any) -> Any:
        """The answer's JSON; the error tree for an error answer."""
        with transport_errors(self.base_url):
            answer = self._http.request(method, path, **options)
        if answer.is_error:
            raise error_from_answer(answer.status_code, answer.content, answer.headers)
        return answer.json()

    def _post(self, path: str, body: Mapping[str, Any], **options: Any) -> Any:
        return self._request("POST", path, json=dict(body), **options)

    @contextlib.contextmanager
    def _stream(self, method: str, path: str, **options: Any) -> Iterator[httpx.Response]:
        """A streamed answer whose status was checked; reading a body that is cut raises
        DownloadInterruptedError."""
        with transport_errors(self.base_url), self._http.stream(method, path, **options) as answer:
            if answer.is_error:
                answer.read()
                raise error_from_answer(answer.status_code, answer.content, answer.headers)
            yield answer


def _chunks(answer: httpx.Response) -> Iterator[bytes]:
    try:
        yield from answer.iter_bytes()
    except httpx.TransportError as exc:
        raise DownloadInterruptedError(
            f"the download was cut before its end ({type(exc).__name__}); discard what arrived"
        ) from exc


class Text:
    """`/v1/scan`, `/v1/anonymize`, `/v1/reidentify`: one text at a time (up to 1 Mi chars)."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def detect(self, text: str) -> builtins.list[Span]:
        """The PII spans the vault's policy would act on (needs the `scan` grant)."""
        answer = self._client._post("/v1/scan", {"text": text})
        return [Span.from_json(e) for e in answer["entities"]]

    def anonymize(self, text: str) -> Anonymized:
        """`text` with PII replaced under the policy; its tokens are stable within the tenant."""
        return Anonymized.from_json(self._client._post("/v1/anonymize", {"text": text}))

    def reidentify(self, text: str, *, purpose: str) -> Reidentified:
        """The tenant's tokens in `text` replaced by their values, for the entity types this
        key may reveal; `purpose` must be one the access policy names (400 otherwise)."""
        answer = self._client._post("/v1/reidentify", {"text": text, "purpose": purpose})
        return Reidentified.from_json(answer)

    deanonymize = reidentify


class Jobs:
    """`/v1/jobs`: the tenant's upload jobs (an uploader's door)."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def list(self, *, limit: int = 100) -> builtins.list[Job]:
        """The tenant's jobs, newest first."""
        answer = self._client._request("GET", "/v1/jobs", params={"limit": limit})
        return [Job.from_json(j) for j in _core.list_data(answer)]

    def get(self, job_id: str) -> Job:
        """One job; NotFoundError for an unknown id or another tenant's."""
        return Job.from_json(self._client._request("GET", _core.job_path(job_id)))

    def cancel(self, job_id: str) -> Job:
        """Ask a job to stop at its next block (it then leaves no version); ConflictError
        `job_finished` when it has already ended."""
        return Job.from_json(self._client._request("POST", _core.job_path(job_id, "cancel")))

    def wait(
        self,
        job_id: str,
        *,
        poll_interval: float = 0.25,
        progress: ProgressCallback | None = None,
    ) -> Job:
        """Poll until the job has ended and return it as it ended (whatever its state);
        `progress` is called after each poll."""
        while True:
            job = self.get(job_id)
            if progress is not None:
                progress(Progress("job", job.bytes_done, job.bytes_total, job.rows_done, job=job))
            if job.finished:
                return job
            time.sleep(poll_interval)


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
    ) -> Upload:
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
        return job if isinstance(job, Upload) else self.finish(job, progress=progress)

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
    ) -> Upload:
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
        return job if isinstance(job, Upload) else self.finish(job, progress=progress)

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
    ) -> Job | Upload:
        """Send the upload (exactly one of `name`, a new dataset, or `dataset`, a new version)
        asking for a job, and return the job as the vault accepted it, without waiting; an
        Upload if the vault stored it at once. `progress` sees the bytes as they are sent."""
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

            def content() -> Iterator[bytes]:
                yield body.head
                sent = 0
                for chunk in source.chunks():
                    yield chunk
                    sent += len(chunk)
                    if progress is not None:
                        progress(Progress("sending", sent, source.size))
                yield body.tail

            path = "/v1/datasets" if dataset is None else _core.dataset_path(dataset, "versions")
            with transport_errors(self._client.base_url):
                answer = self._client._http.post(path, content=content(), headers=headers)
        finally:
            source.close()
        if answer.is_error:
            raise error_from_answer(answer.status_code, answer.content, answer.headers)
        data = answer.json()
        if answer.status_code == 202:
            return Job.from_json(data)
        stored = _core.stored_upload(data)
        return Upload(stored.dataset, stored.version, created=answer.status_code == 201)

    def finish(self, job: Job | str, *, progress: ProgressCallback | None = None) -> Upload:
        """Wait for an upload job and return what it stored; JobFailedError if nothing."""
        ended = self._client.jobs.wait(job if isinstance(job, str) else job.id, progress=progress)
        if ended.state != "succeeded" or ended.dataset_id is None or ended.version is None:
            raise _core.job_error(ended)
        version = _core.pick_version(
            [v.raw for v in self.versions(ended.dataset_id)], ended.version
        )
        return Upload(self.get(ended.dataset_id), version, job=ended)

    def list(self) -> builtins.list[Dataset]:
        """The tenant's datasets."""
        answer = self._client._request("GET", "/v1/datasets")
        return [Dataset.from_json(d) for d in _core.list_data(answer)]

    def get(self, dataset: str) -> Dataset:
        """One dataset, by id or name."""
        return Dataset.from_json(self._client._request("GET", _core.dataset_path(dataset)))

    def versions(self, dataset: str) -> builtins.list[Version]:
        """A dataset's committed versions, oldest first."""
        answer = self._client._request("GET", _core.dataset_path(dataset, "versions"))
        return [Version.from_json(v) for v in _core.list_data(answer)]

    def report(self, dataset: str, version: int) -> dict[str, Any]:
        """What was found where in a version (counts per column or field, never values)."""
        answer = self._client._request(
            "GET", _core.dataset_path(dataset, "versions", str(version), "report")
        )
        return dict(answer.get("report") or {})

    @contextlib.contextmanager
    def stream(
        self, dataset: str, version: int, *, reidentified: bool = False, purpose: str | None = None
    ) -> Iterator[Iterator[bytes]]:
        """The version's content as it arrives: anonymized, or with `reidentified` (and a
        `purpose` of the policy's) restored for a reidentifier. The status is checked before
        the first byte; a body cut later raises DownloadInterruptedError while iterating."""
        params = {"view": "reidentified" if reidentified else "anonymized"}
        if purpose is not None:
            params["purpose"] = purpose
        path = _core.dataset_path(dataset, "versions", str(version), "content")
        with self._client._stream("GET", path, params=params) as answer:
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
        with self.stream(dataset, version, reidentified=reidentified, purpose=purpose) as chunks:
            if not isinstance(to, (str, Path)):
                return sum(to.write(chunk) or 0 for chunk in chunks)
            target = Path(to)
            try:
                with target.open("wb") as handle:
                    return sum(handle.write(chunk) for chunk in chunks)
            except BaseException:
                target.unlink(missing_ok=True)
                raise


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
        params = {"format": fmt}
        for key, value in (("since", _core.moment(since)), ("until", _core.moment(until))):
            if value is not None:
                params[key] = value
        with self._client._stream("GET", "/v1/audit/export", params=params) as answer:
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
        with self.export(fmt=fmt, since=since, until=until) as lines:
            if not isinstance(to, (str, Path)):
                return sum(1 for line in lines if to.write(line) is not None)
            target = Path(to)
            try:
                with target.open("w", encoding="utf-8", newline="") as handle:
                    return sum(1 for line in lines if handle.write(line) is not None)
            except BaseException:
                target.unlink(missing_ok=True)
                raise

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


def _lines(answer: httpx.Response) -> Iterator[str]:
    try:
        yield from _core.split_lines(answer.iter_text())
    except httpx.TransportError as exc:
        raise DownloadInterruptedError(
            f"the export was cut before its end ({type(exc).__name__})"
        ) from exc


class DataSubjects:
    """`/v1/dsr`: data-subject requests (an admin's door; find is open to an auditor where
    the access policy grants it). Values go in the body only, never in a URL."""

    def __init__(self, client: VaultClient) -> None:
        self._client = client

    def find(self, value: str) -> builtins.list[FoundToken]:
        """Every token the tenant issued for `value`: tokens and types, never values."""
        answer = self._client._post("/v1/dsr/find", {"value": value})
        return [FoundToken(t["token"], t["entity_type"]) for t in answer["tokens"]]

    def erase(self, value: str) -> Erased:
        """Destroy `value`'s token entries: its tokens never re-identify again."""
        answer = self._client._post("/v1/dsr/erase", {"value": value})
        return Erased(answer["erased"], tuple(answer["tokens"]))

    def not_pii(self, value: str) -> None:
        """Say `value` is not personal data: it is left as it is from then on."""
        self._client._post("/v1/dsr/not-pii", {"value": value})


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
    ) -> CreatedKey:
        """A new key with roles this admin may grant (PermissionDeniedError otherwise); the
        secret is in the answer only."""
        body: dict[str, Any] = {"roles": list(roles)}
        if label is not None:
            body["label"] = label
        if expires_in_days is not None:
            body["expires_in_days"] = expires_in_days
        answer = self._client._post("/v1/apikeys", body)
        return CreatedKey(ApiKey.from_json(answer), answer["key"])

    def list(self) -> builtins.list[ApiKey]:
        answer = self._client._request("GET", "/v1/apikeys")
        return [ApiKey.from_json(k) for k in _core.list_data(answer)]

    def set_roles(self, key_id: str, roles: builtins.list[str]) -> ApiKey:
        answer = self._client._request("PATCH", _core.key_path(key_id), json={"roles": list(roles)})
        return ApiKey.from_json(answer)

    def revoke(self, key_id: str) -> ApiKey:
        """Revoke a key at once; NotFoundError for another tenant's."""
        return ApiKey.from_json(self._client._request("DELETE", _core.key_path(key_id)))
