"""seal / open_sealed / rewrap under the local KMS: round trips, tampering, contexts, shredding."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vault.adapters.kms_local import LocalKeyService
from vault.crypto import (
    DEFAULT_FRAME_SIZE,
    EncryptionContext,
    open_sealed,
    read_header,
    rewrap,
    rewrap_key,
    seal,
)
from vault.errors import Gone, IntegrityError, InvalidRequest

CONTEXT = EncryptionContext(tenant="acme", object_id="ds_1", version=3, purpose="dataset")


@pytest.fixture
def keys(tmp_path: Path) -> LocalKeyService:
    return LocalKeyService(data_dir=tmp_path)


@pytest.mark.parametrize(
    "size", [0, 1, DEFAULT_FRAME_SIZE - 1, DEFAULT_FRAME_SIZE, DEFAULT_FRAME_SIZE + 1]
)
def test_round_trip_at_edges(keys: LocalKeyService, size: int) -> None:
    plaintext = os.urandom(size)
    blob = seal(plaintext, keys=keys, context=CONTEXT)
    assert plaintext not in blob or size < 4
    assert open_sealed(blob, keys=keys, context=CONTEXT) == plaintext


def test_each_seal_uses_a_fresh_data_key(keys: LocalKeyService) -> None:
    first = seal(b"same", keys=keys, context=CONTEXT)
    second = seal(b"same", keys=keys, context=CONTEXT)
    assert first != second
    assert first[-20:] != second[-20:]


def _sample(keys: LocalKeyService) -> bytes:
    blob = seal(b"patient 4711: fine", keys=keys, context=CONTEXT)
    assert 150 <= len(blob) <= 260  # a small object: the header dominates
    return blob


def test_every_single_bit_flip_is_rejected(keys: LocalKeyService) -> None:
    blob = _sample(keys)
    for bit in range(len(blob) * 8):
        tampered = bytearray(blob)
        tampered[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(IntegrityError):
            open_sealed(bytes(tampered), keys=keys, context=CONTEXT)


def test_every_truncation_and_any_extension_is_rejected(keys: LocalKeyService) -> None:
    blob = _sample(keys)
    for length in range(len(blob)):
        with pytest.raises(IntegrityError):
            open_sealed(blob[:length], keys=keys, context=CONTEXT)
    with pytest.raises(IntegrityError):
        open_sealed(blob + b"\0", keys=keys, context=CONTEXT)


@pytest.mark.parametrize(
    "other",
    [
        EncryptionContext(tenant="other", object_id="ds_1", version=3, purpose="dataset"),
        EncryptionContext(tenant="acme", object_id="ds_2", version=3, purpose="dataset"),
        EncryptionContext(tenant="acme", object_id="ds_1", version=4, purpose="dataset"),
        EncryptionContext(tenant="acme", object_id="ds_1", version=3, purpose="token"),
    ],
)
def test_another_context_does_not_open(keys: LocalKeyService, other: EncryptionContext) -> None:
    blob = seal(b"data", keys=keys, context=CONTEXT)
    with pytest.raises(IntegrityError):
        open_sealed(blob, keys=keys, context=other)


def test_another_kms_does_not_open(keys: LocalKeyService, tmp_path: Path) -> None:
    blob = seal(b"data", keys=keys, context=CONTEXT)
    stranger = LocalKeyService(data_dir=tmp_path / "elsewhere")
    with pytest.raises(IntegrityError):
        open_sealed(blob, keys=stranger, context=CONTEXT)


def test_swapped_header_from_another_object_is_rejected(keys: LocalKeyService) -> None:
    one = seal(b"first object", keys=keys, context=CONTEXT)
    two = seal(b"other object", keys=keys, context=CONTEXT)
    size = read_header(one).size
    with pytest.raises(IntegrityError):
        open_sealed(one[:size] + two[size:], keys=keys, context=CONTEXT)


def test_rewrap_then_open_and_old_key_destroyed(keys: LocalKeyService) -> None:
    blob = seal(b"x" * 100_000, keys=keys, context=CONTEXT)
    old = read_header(blob).key_id
    new = keys.rotate()
    moved = rewrap(blob, keys=keys, context=CONTEXT, to_key_id=new)
    assert read_header(moved).key_id == new
    # The frames are untouched: only the header changed.
    assert moved[read_header(moved).size :] == blob[read_header(blob).size :]
    keys.destroy(old)
    assert open_sealed(moved, keys=keys, context=CONTEXT) == b"x" * 100_000
    with pytest.raises(Gone):
        open_sealed(blob, keys=keys, context=CONTEXT)


def test_rewrap_works_on_the_header_alone(keys: LocalKeyService) -> None:
    blob = seal(b"payload", keys=keys, context=CONTEXT)
    size = read_header(blob).size
    new = keys.rotate()
    header = rewrap(blob[:size], keys=keys, context=CONTEXT, to_key_id=new)
    assert open_sealed(header + blob[size:], keys=keys, context=CONTEXT) == b"payload"


def test_rewrap_refuses_a_tampered_header(keys: LocalKeyService) -> None:
    blob = bytearray(seal(b"payload", keys=keys, context=CONTEXT))
    blob[read_header(bytes(blob)).size - 1] ^= 1  # last byte of the header MAC
    with pytest.raises(IntegrityError):
        rewrap(bytes(blob), keys=keys, context=CONTEXT, to_key_id=keys.rotate())


def test_rewrap_in_the_wrong_context_is_rejected(keys: LocalKeyService) -> None:
    blob = seal(b"payload", keys=keys, context=CONTEXT)
    other = EncryptionContext(tenant="other", object_id="ds_1", version=3, purpose="dataset")
    with pytest.raises(IntegrityError):
        rewrap(blob, keys=keys, context=other, to_key_id=keys.rotate())


def test_rewrap_key_moves_a_bare_wrapped_key(keys: LocalKeyService) -> None:
    data_key = keys.generate_data_key(CONTEXT.as_kms())
    new = keys.rotate()
    moved = rewrap_key(data_key.wrapped, keys=keys, context=CONTEXT, to_key_id=new)
    keys.destroy(data_key.key_id)
    assert keys.decrypt_data_key(moved, CONTEXT.as_kms()) == data_key.plaintext


def test_after_destroy_nothing_opens_and_it_reads_as_gone(keys: LocalKeyService) -> None:
    blobs = [seal(os.urandom(n), keys=keys, context=CONTEXT) for n in (0, 10, 70_000)]
    old = keys.primary_key_id
    keys.rotate()
    keys.destroy(old)
    for blob in blobs:
        with pytest.raises(Gone):
            open_sealed(blob, keys=keys, context=CONTEXT)
    # A second process that had the key cached sees the tombstone too.
    with pytest.raises(Gone):
        open_sealed(blobs[0], keys=keys, context=CONTEXT)


def test_injected_randomness_is_used_and_checked(keys: LocalKeyService) -> None:
    blob = seal(b"a", keys=keys, context=CONTEXT, random_bytes=lambda n: b"\x42" * n)
    assert b"\x42" * 8 in blob[: read_header(blob).size]
    with pytest.raises(ValueError, match="wrong number"):
        seal(b"a", keys=keys, context=CONTEXT, random_bytes=lambda n: b"")


@pytest.mark.parametrize(
    "fields",
    [
        {"tenant": "", "object_id": "o", "version": 1, "purpose": "p"},
        {"tenant": "t", "object_id": "o", "version": -1, "purpose": "p"},
        {"tenant": "t", "object_id": "o", "version": True, "purpose": "p"},
        {"tenant": "t", "object_id": "o" * 2000, "version": 1, "purpose": "p"},
        {"tenant": "t", "object_id": 5, "version": 1, "purpose": "p"},
    ],
)
def test_bad_contexts_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(InvalidRequest):
        EncryptionContext(**fields)  # type: ignore[arg-type]


def test_context_as_kms_is_strings_with_tenant() -> None:
    assert CONTEXT.as_kms() == {
        "tenant": "acme",
        "object_id": "ds_1",
        "version": "3",
        "purpose": "dataset",
    }


_text = st.text(min_size=1, max_size=20)
_contexts = st.builds(
    EncryptionContext,
    tenant=_text,
    object_id=_text,
    version=st.integers(min_value=0, max_value=2**40),
    purpose=_text,
)


@given(a=_contexts, b=_contexts)
def test_canonical_bytes_are_injective(a: EncryptionContext, b: EncryptionContext) -> None:
    assert (a.canonical_bytes() == b.canonical_bytes()) == (a == b)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plaintext=st.binary(max_size=3000), context=_contexts)
def test_property_round_trip(
    keys: LocalKeyService, plaintext: bytes, context: EncryptionContext
) -> None:
    assert open_sealed(seal(plaintext, keys=keys, context=context), keys=keys, context=context) == (
        plaintext
    )


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.binary(max_size=400))
def test_property_garbage_is_an_integrity_error(keys: LocalKeyService, garbage: bytes) -> None:
    with pytest.raises(IntegrityError):
        open_sealed(garbage, keys=keys, context=CONTEXT)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_property_random_edits_are_rejected(keys: LocalKeyService, data: st.DataObject) -> None:
    blob = bytearray(seal(b"some dataset bytes", keys=keys, context=CONTEXT))
    position = data.draw(st.integers(min_value=0, max_value=len(blob) - 1))
    blob[position] ^= data.draw(st.integers(min_value=1, max_value=255))
    with pytest.raises(IntegrityError):
        open_sealed(bytes(blob), keys=keys, context=CONTEXT)
