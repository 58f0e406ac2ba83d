"""Key rotation and crypto-shredding: rewrap stored data keys, or destroy them for good."""

from __future__ import annotations

from dataclasses import dataclass

from vault.crypto import rewrap
from vault.ports import DatasetCatalog, KeyService, TenantKeys
from vault.services.ingest_dataset import dataset_context

__all__ = ["RewrapReport", "rewrap_all", "shred_dataset", "shred_tenant"]


@dataclass(frozen=True, slots=True)
class RewrapReport:
    tenant_roots: int
    dataset_versions: int


def rewrap_all(
    *, keys: KeyService, tenant_keys: TenantKeys, catalog: DatasetCatalog, to_key_id: str
) -> RewrapReport:
    """Rewrap every stored data key under `to_key_id` without decrypting any data.

    Resumable: items already under `to_key_id` are skipped, and each item is replaced in its own
    transaction after the new wrapping has been checked, so a run cut short loses nothing and a
    second run finishes the job.
    """
    roots = tenant_keys.rewrap_all(to_key_id=to_key_id)
    versions = 0
    for version in catalog.headers_not_under(to_key_id):
        assert version.header is not None
        header = rewrap(
            version.header,
            keys=keys,
            context=dataset_context(version.tenant, version.dataset_id, version.number),
            to_key_id=to_key_id,
        )
        catalog.replace_header(version, header=header, key_id=to_key_id)
        versions += 1
    return RewrapReport(tenant_roots=roots, dataset_versions=versions)


def shred_dataset(catalog: DatasetCatalog, *, tenant: str, dataset_id: str) -> int:
    """Destroy the data keys of every version of a dataset; returns how many versions.

    The object store may keep the sealed objects (versioning, Object Lock), but without their
    wrapped keys they can never be opened again; reads answer 410 erased.
    """
    return catalog.forget_headers(tenant, dataset_id)


def shred_tenant(catalog: DatasetCatalog, tenant_keys: TenantKeys, *, tenant: str) -> int:
    """Destroy every key of a tenant: dataset versions and token values become unreadable."""
    versions = catalog.forget_headers(tenant)
    tenant_keys.shred(tenant)
    return versions
