"""keys/kms-key-policy.json: valid JSON, least privilege, a tenant context required for use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

POLICY = Path(__file__).resolve().parents[2] / "keys" / "kms-key-policy.json"
USE = {"kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"}


def _statements() -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = json.loads(POLICY.read_text())["Statement"]
    return statements


def _actions(statement: dict[str, Any]) -> set[str]:
    actions = statement["Action"]
    return {actions} if isinstance(actions, str) else set(actions)


def test_vault_role_uses_keys_only_with_a_tenant_context() -> None:
    for statement in _statements():
        if statement["Effect"] == "Allow" and _actions(statement) & USE:
            assert statement["Principal"] == {"AWS": "${vault_role_arn}"}
            assert statement["Condition"]["Null"] == {"kms:EncryptionContext:tenant": "false"}
            assert _actions(statement) <= USE


def test_admins_manage_but_cannot_use() -> None:
    admin = [s for s in _statements() if s["Principal"] == {"AWS": "${admin_role_arn}"}]
    assert admin
    for statement in admin:
        assert not any(
            a.startswith(("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncrypt"))
            for a in _actions(statement)
        )
        assert "kms:*" not in _actions(statement)


def test_use_without_a_tenant_is_denied_to_everyone() -> None:
    denies = [s for s in _statements() if s["Effect"] == "Deny"]
    assert any(
        s["Principal"] == "*" and s["Condition"]["Null"] == {"kms:EncryptionContext:tenant": "true"}
        for s in denies
    )


def test_placeholders_only_no_real_accounts() -> None:
    text = POLICY.read_text()
    assert "${account_id}" in text
    assert not any(ch.isdigit() for ch in text.replace("2012-10-17", ""))
