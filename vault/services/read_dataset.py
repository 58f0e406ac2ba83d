"""Read a dataset version back: anonymized as stored, or re-identified for those allowed."""

from __future__ import annotations

from collections.abc import Iterator

from vault.crypto import open_stream
from vault.domain.principal import Principal
from vault.errors import Gone, NotFound
from vault.ports import VersionInfo
from vault.services.dataset_formats import reidentify_stream
from vault.services.ingest_dataset import DatasetParts, dataset_context, require_dataset
from vault.services.reidentify import Reidentifier

__all__ = ["open_version", "read_version"]


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
    return reidentify_stream(
        version.format,
        plain,
        reidentify=lambda text: reidentifier.reidentify(tenant, text, reveal=reveal).text,
    )


def _prepend(header: bytes, body: Iterator[bytes]) -> Iterator[bytes]:
    yield header
    yield from body
