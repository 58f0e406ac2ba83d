"""Key rotation and crypto-shredding: rewrap stored data keys, rotate the audit signing key, or
destroy keys for good."""

from __future__ import annotations

from dataclasses import dataclass

from vault.crypto import rewrap
from vault.ports import DatasetCatalog, KeyService, SigningKeys, TenantKeys
from vault.services.ingest_dataset import dataset_context

__all__ = ["RewrapReport", "rewrap_all", "rotate_signing_key", "shred_dataset", "shred_tenant"]


@dataclass(frozen=True, slots=True)
class RewrapReport:
    tenant_roots: int
    dataset_versions: int
    signing_keys: int = 0


def rewrap_all(
    *,
    keys: KeyService,
    tenant_keys: TenantKeys,
    catalog: DatasetCatalog,
    to_key_id: str,
    signing_keys: SigningKeys | None = None,
) -> RewrapReport:
    """Rewrap every stored data key under `to_key_id` without decrypting any data: tenant
    roots, dataset headers and, given `signing_keys`, the sealed audit signing keys.

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
    signing = signing_keys.rewrap_all(to_key_id=to_key_id) if signing_keys is not None else 0
    return RewrapReport(tenant_roots=roots, dataset_versions=versions, signing_keys=signing)


def rotate_signing_key(signing_keys: SigningKeys) -> tuple[str, str]:
    """Make a fresh audit signing key current; (old key id, new key id).

    Checkpoints signed so far keep verifying under the old key: it stays listed (public half)
    and every export names it beside the checkpoints it signed. A running server signs with the
    key it loaded until it restarts; what it signs meanwhile names that key, so it verifies too.
    """
    return signing_keys.rotate()


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
