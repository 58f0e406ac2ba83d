"""TenantKeyring's batch sealing: the same format as one value at a time, one key per salt."""

from __future__ import annotations

from pathlib import Path

import pytest

from vault.adapters.kms_local import LocalKeyService
from vault.crypto import TenantKeyring
from vault.errors import IntegrityError, PermissionDenied


def _contexts(count: int, tenant: str = "acme") -> list[dict[str, str]]:
    return [{"tenant": tenant, "object": f"PERSON_{i:010d}"} for i in range(count)]


@pytest.fixture
def keyring(tmp_path: Path) -> TenantKeyring:
    return TenantKeyring.create(keys=LocalKeyService(data_dir=tmp_path), tenant="acme")


def test_many_sealed_open_one_by_one_and_together(keyring: TenantKeyring) -> None:
    values = [f"value {i}".encode() for i in range(2500)]
    contexts = _contexts(len(values))
    sealed = keyring.seal_small_many(values, contexts=contexts)
    assert [keyring.open_small(b, context=c) for b, c in zip(sealed, contexts, strict=True)] == (
        values
    )
    assert keyring.open_small_many(sealed, contexts=contexts) == values
    # One sealed one at a time opens in a batch too.
    single = keyring.seal_small(b"alone", context=contexts[0])
    assert keyring.open_small_many([single, sealed[1]], contexts=contexts[:2]) == [
        b"alone",
        values[1],
    ]


def test_a_salt_serves_at_most_1024_values_each_with_its_own_nonce(
    keyring: TenantKeyring,
) -> None:
    sealed = keyring.seal_small_many([b"v"] * 2500, contexts=_contexts(2500))
    salts = [blob[1:13] for blob in sealed]
    assert [salts.count(salt) for salt in dict.fromkeys(salts)] == [1024, 1024, 452]
    assert len({blob[13:25] for blob in sealed}) == 2500
    # Equal values in different contexts never give equal ciphertexts.
    assert len({blob[25:] for blob in sealed}) == 2500


def test_each_value_is_bound_to_its_own_context(keyring: TenantKeyring) -> None:
    contexts = _contexts(3)
    sealed = keyring.seal_small_many([b"a", b"b", b"c"], contexts=contexts)
    with pytest.raises(IntegrityError):
        keyring.open_small_many(sealed, contexts=[contexts[1], contexts[0], contexts[2]])
    with pytest.raises(IntegrityError):
        keyring.open_small(sealed[0], context=contexts[1])
    tampered = sealed[2][:-1] + bytes([sealed[2][-1] ^ 1])
    with pytest.raises(IntegrityError):
        keyring.open_small_many([sealed[0], tampered], contexts=[contexts[0], contexts[2]])
    with pytest.raises(IntegrityError):  # another tenant's context opens nothing
        keyring.open_small_many(sealed[:1], contexts=_contexts(1, tenant="other"))


def test_refuses_another_tenants_context_and_a_bad_draw(
    keyring: TenantKeyring, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        keyring.seal_small_many([b"a"], contexts=_contexts(1, tenant="other"))
    with pytest.raises(ValueError, match="one context per value"):
        keyring.seal_small_many([b"a", b"b"], contexts=_contexts(1))
    fixed = TenantKeyring(
        keys=keyring._keys,
        tenant="acme",
        wrapped_root=keyring.wrapped_root,
        random_bytes=lambda n: b"\x07" * n,
    )
    assert fixed.seal_small_many([b"a"], contexts=_contexts(1))[0][1:25] == b"\x07" * 24
    with pytest.raises(ValueError, match="repeated a nonce"):
        fixed.seal_small_many([b"a", b"b"], contexts=_contexts(2))
