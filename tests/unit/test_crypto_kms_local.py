"""The local KMS: key files at 0600, refusal of unsafe files, rotation, shredding, tampering."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from vault.adapters.kms_local import LocalKeyService
from vault.errors import Conflict, Gone, IntegrityError, KeyServiceUnavailable, NotFound

CONTEXT = {"tenant": "acme", "object_id": "o", "version": "1", "purpose": "dataset"}


def _key_file(data_dir: Path, key_id: str) -> Path:
    return data_dir / "kms" / f"{key_id}.key"


def test_first_start_creates_a_0600_key_of_32_bytes(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path / "fresh")
    path = _key_file(tmp_path / "fresh", keys.primary_key_id)
    info = path.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert info.st_size == 32
    assert stat.S_IMODE((tmp_path / "fresh" / "kms").stat().st_mode) == 0o700
    keys.check()


def test_restart_uses_the_same_key(tmp_path: Path) -> None:
    first = LocalKeyService(data_dir=tmp_path)
    data_key = first.generate_data_key(CONTEXT)
    second = LocalKeyService(data_dir=tmp_path)
    assert second.primary_key_id == first.primary_key_id
    assert second.decrypt_data_key(data_key.wrapped, CONTEXT) == data_key.plaintext


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_refuses_a_key_file_open_to_others(tmp_path: Path, mode: int) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    _key_file(tmp_path, keys.primary_key_id).chmod(mode)
    with pytest.raises(KeyServiceUnavailable, match="0600"):
        LocalKeyService(data_dir=tmp_path)


@pytest.mark.parametrize("size", [0, 16, 31, 33, 64])
def test_refuses_a_key_file_of_the_wrong_size(tmp_path: Path, size: int) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    _key_file(tmp_path, keys.primary_key_id).write_bytes(b"k" * size)
    with pytest.raises(KeyServiceUnavailable, match="wrong size"):
        LocalKeyService(data_dir=tmp_path)


def test_refuses_a_symlinked_key_file(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    path = _key_file(tmp_path, keys.primary_key_id)
    target = tmp_path / "elsewhere.key"
    os.rename(path, target)
    path.symlink_to(target)
    with pytest.raises(KeyServiceUnavailable):
        LocalKeyService(data_dir=tmp_path)


def test_key_material_is_never_in_repr_or_errors(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    material = _key_file(tmp_path, keys.primary_key_id).read_bytes()
    assert material.hex() not in repr(keys)
    data_key = keys.generate_data_key(CONTEXT)
    assert data_key.plaintext.hex() not in repr(data_key)
    _key_file(tmp_path, keys.primary_key_id).chmod(0o644)
    with pytest.raises(KeyServiceUnavailable) as caught:
        LocalKeyService(data_dir=tmp_path)
    assert material.hex() not in str(caught.value)


def test_context_and_key_id_are_bound(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    data_key = keys.generate_data_key(CONTEXT)
    for other in (CONTEXT | {"tenant": "x"}, CONTEXT | {"extra": "y"}, {"tenant": "acme"}):
        with pytest.raises(IntegrityError):
            keys.decrypt_data_key(data_key.wrapped, other)
    for bit in range(len(data_key.wrapped) * 8):
        tampered = bytearray(data_key.wrapped)
        tampered[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(IntegrityError):
            keys.decrypt_data_key(bytes(tampered), CONTEXT)


def test_rotation_keeps_old_keys_working(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    old = keys.generate_data_key(CONTEXT)
    new_id = keys.rotate()
    assert keys.primary_key_id == new_id != old.key_id
    assert keys.generate_data_key(CONTEXT).key_id == new_id
    assert keys.decrypt_data_key(old.wrapped, CONTEXT) == old.plaintext
    assert sorted([old.key_id, new_id]) == keys.key_ids()
    # Another process sees the rotation without a restart.
    assert LocalKeyService(data_dir=tmp_path).primary_key_id == new_id


def test_destroy_shreds_the_file_and_reports_gone(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    other_process = LocalKeyService(data_dir=tmp_path)
    data_key = keys.generate_data_key(CONTEXT)
    other_process.decrypt_data_key(data_key.wrapped, CONTEXT)  # now cached over there
    with pytest.raises(Conflict):
        keys.destroy(data_key.key_id)
    keys.rotate()
    keys.destroy(data_key.key_id)
    assert not _key_file(tmp_path, data_key.key_id).exists()
    for service in (keys, other_process, LocalKeyService(data_dir=tmp_path)):
        with pytest.raises(Gone):
            service.decrypt_data_key(data_key.wrapped, CONTEXT)
    with pytest.raises(NotFound):
        keys.destroy(data_key.key_id)
    with pytest.raises(NotFound):
        keys.rewrap(keys.generate_data_key(CONTEXT).wrapped, CONTEXT, to_key_id=data_key.key_id)


def test_rewrap_to_an_unknown_or_malformed_key_is_not_found(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    wrapped = keys.generate_data_key(CONTEXT).wrapped
    for bad in ("local-0000000000000000", "../../etc/passwd", ""):
        with pytest.raises(NotFound):
            keys.rewrap(wrapped, CONTEXT, to_key_id=bad)


def test_missing_key_file_is_unavailable_at_start(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    _key_file(tmp_path, keys.primary_key_id).unlink()
    with pytest.raises(KeyServiceUnavailable):
        LocalKeyService(data_dir=tmp_path)


def test_check_reports_a_key_made_unsafe_after_start(tmp_path: Path) -> None:
    keys = LocalKeyService(data_dir=tmp_path)
    new_id = LocalKeyService(data_dir=tmp_path).rotate()
    _key_file(tmp_path, new_id).chmod(0o644)
    with pytest.raises(KeyServiceUnavailable):
        keys.check()
