"""TenantKeyring: small sealed values, HMAC subkeys, cache age, shredding, nonce uniqueness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vault.adapters.kms_local import LocalKeyService
from vault.crypto import EncryptionContext, TenantKeyring, rewrap_key
from vault.crypto._keyring import value_randomness
from vault.errors import Gone, IntegrityError, PermissionDenied

CONTEXT = {"tenant": "acme", "token": "<PERSON_1a2b>"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def keys(tmp_path: Path) -> LocalKeyService:
    return LocalKeyService(data_dir=tmp_path)


@pytest.fixture
def keyring(keys: LocalKeyService) -> TenantKeyring:
    return TenantKeyring.create(keys=keys, tenant="acme")


def test_round_trip_and_reload_from_wrapped_root(
    keys: LocalKeyService, keyring: TenantKeyring
) -> None:
    blob = keyring.seal_small(b"Jane Doe", context=CONTEXT)
    assert b"Jane" not in blob
    reloaded = TenantKeyring(keys=keys, tenant="acme", wrapped_root=keyring.wrapped_root)
    assert reloaded.open_small(blob, context=CONTEXT) == b"Jane Doe"
    assert reloaded.hmac_key("token") == keyring.hmac_key("token")
    assert keyring.root_key_id == keys.primary_key_id


def test_accepts_an_encryption_context(keyring: TenantKeyring) -> None:
    context = EncryptionContext(tenant="acme", object_id="secret-1", version=1, purpose="secret")
    blob = keyring.seal_small(b"s3cret", context=context)
    assert keyring.open_small(blob, context=context) == b"s3cret"
    with pytest.raises(IntegrityError):
        keyring.open_small(blob, context=context.as_kms() | {"version": "2"})


def test_every_bit_flip_and_truncation_is_rejected(keyring: TenantKeyring) -> None:
    blob = keyring.seal_small(b"+1 555 0100", context=CONTEXT)
    for bit in range(len(blob) * 8):
        tampered = bytearray(blob)
        tampered[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(IntegrityError):
            keyring.open_small(bytes(tampered), context=CONTEXT)
    for length in range(len(blob)):
        with pytest.raises(IntegrityError):
            keyring.open_small(blob[:length], context=CONTEXT)


def test_other_context_or_tenant_does_not_open(
    keys: LocalKeyService, keyring: TenantKeyring
) -> None:
    blob = keyring.seal_small(b"value", context=CONTEXT)
    with pytest.raises(IntegrityError):
        keyring.open_small(blob, context={"tenant": "acme", "token": "<PERSON_ffff>"})
    with pytest.raises(IntegrityError):
        keyring.open_small(blob, context={"tenant": "other", "token": "<PERSON_1a2b>"})
    other = TenantKeyring.create(keys=keys, tenant="other")
    with pytest.raises(IntegrityError):
        other.open_small(blob, context={"token": "<PERSON_1a2b>"})
    # Another tenant's keyring cannot even load this root: the tenant is in the KMS context.
    with pytest.raises(IntegrityError):
        TenantKeyring(keys=keys, tenant="other", wrapped_root=keyring.wrapped_root).hmac_key("t")


def test_sealing_for_another_tenant_is_refused(keyring: TenantKeyring) -> None:
    with pytest.raises(PermissionDenied):
        keyring.seal_small(b"v", context={"tenant": "other", "token": "x"})


def test_hmac_keys_differ_per_purpose_and_per_tenant(
    keys: LocalKeyService, keyring: TenantKeyring
) -> None:
    other = TenantKeyring.create(keys=keys, tenant="other")
    assert keyring.hmac_key("token") != keyring.hmac_key("value-digest")
    assert keyring.hmac_key("token") != other.hmac_key("token")
    assert len(keyring.hmac_key("token")) == 32


def test_destroyed_kms_key_reads_as_gone_once_the_cache_ages(keys: LocalKeyService) -> None:
    clock = Clock()
    keyring = TenantKeyring.create(keys=keys, tenant="acme", clock=clock, max_age_seconds=60)
    blob = keyring.seal_small(b"value", context=CONTEXT)
    old = keys.primary_key_id
    keys.rotate()
    keys.destroy(old)
    clock.now += 59
    assert keyring.open_small(blob, context=CONTEXT) == b"value"  # still cached
    clock.now += 1
    with pytest.raises(Gone):
        keyring.open_small(blob, context=CONTEXT)


def test_rewrapped_root_still_opens(keys: LocalKeyService, keyring: TenantKeyring) -> None:
    blob = keyring.seal_small(b"value", context=CONTEXT)
    new = keys.rotate()
    wrapped = rewrap_key(
        keyring.wrapped_root,
        keys=keys,
        context=TenantKeyring.root_context("acme"),
        to_key_id=new,
    )
    keys.destroy(keyring.root_key_id or "")
    moved = TenantKeyring(keys=keys, tenant="acme", wrapped_root=wrapped)
    assert moved.open_small(blob, context=CONTEXT) == b"value"


def test_forget_drops_the_cached_root(keys: LocalKeyService, keyring: TenantKeyring) -> None:
    keyring.forget()
    old = keys.primary_key_id
    keys.rotate()
    keys.destroy(old)
    with pytest.raises(Gone):
        keyring.hmac_key("token")


def test_a_million_seal_randomness_draws_never_repeat(keyring: TenantKeyring) -> None:
    """Each value gets 192 random bits (salt and nonce) from `value_randomness`."""
    draws = {value_randomness() for _ in range(1_000_000)}
    assert len(draws) == 1_000_000
    fixed = TenantKeyring(
        keys=keyring._keys,
        tenant="acme",
        wrapped_root=keyring.wrapped_root,
        random_bytes=lambda n: b"\x07" * n,
    )
    assert fixed.seal_small(b"v", context=CONTEXT)[1:25] == b"\x07" * 24  # the draw is used
    with pytest.raises(ValueError, match="wrong number"):
        value_randomness(lambda n: b"short")


def test_repr_hides_the_root(keyring: TenantKeyring) -> None:
    assert keyring.hmac_key("x").hex() not in repr(keyring)
    assert repr(keyring) == "TenantKeyring(tenant='acme')"


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.binary(max_size=512),
    token=st.text(min_size=1, max_size=40),
)
def test_property_round_trip(keyring: TenantKeyring, value: bytes, token: str) -> None:
    context = {"tenant": "acme", "token": token}
    assert keyring.open_small(keyring.seal_small(value, context=context), context=context) == value
