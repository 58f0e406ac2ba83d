"""A key confers only roles it holds and the policy lets it grant; every change is audited."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vault.adapters.apikeys_sql import SqlApiKeyStore
from vault.adapters.database import create_db_engine, migrate
from vault.adapters.policy_files import load_access_policy
from vault.domain.policy import AccessPolicy, Action, PolicyError, check_purpose
from vault.domain.principal import Principal, Role
from vault.errors import InvalidRequest, NotFound, PermissionDenied
from vault.services.apikeys import change_api_key_roles, create_api_key, grant_api_key

POLICIES = Path(__file__).resolve().parents[2] / "policies"
POLICY = load_access_policy(POLICIES)
PAIRS = list(itertools.product(Role, Role))


class Records:
    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    def __call__(self, action: str, **fields: Any) -> None:
        self.seen.append({"action": action, "outcome": "ok", **fields})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlApiKeyStore]:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'meta.db'}")
    migrate(engine)
    yield SqlApiKeyStore(engine)
    engine.dispose()


def _admin_with(role: Role) -> Principal:
    """A key manager that also holds `role` (just admin when `role` is admin)."""
    return Principal(tenant="acme", roles=frozenset({Role.ADMIN, role}), key_id="issuer000000")


@pytest.mark.parametrize(("held", "given"), PAIRS, ids=[f"{h}-gives-{g}" for h, g in PAIRS])
def test_a_key_creates_keys_only_with_roles_it_holds(
    store: SqlApiKeyStore, held: Role, given: Role
) -> None:
    issuer = _admin_with(held)
    records = Records()
    if given in issuer.roles:
        info, _ = grant_api_key(store, POLICY, issuer, records, tenant="acme", roles=[given.value])
        assert info.roles == {given}
        assert records.seen[-1]["details"] == {"roles": given.value}
    else:
        with pytest.raises(PermissionDenied, match=given.value):
            grant_api_key(store, POLICY, issuer, records, tenant="acme", roles=[given.value])
        assert store.list("acme") == []  # nothing stored
        assert records.seen[-1]["outcome"] == "denied"


@pytest.mark.parametrize(("held", "given"), PAIRS, ids=[f"{h}-adds-{g}" for h, g in PAIRS])
def test_a_key_extends_keys_only_with_roles_it_holds(
    store: SqlApiKeyStore, held: Role, given: Role
) -> None:
    target, _ = create_api_key(store, tenant="acme", roles=["auditor"])
    issuer = _admin_with(held)
    wanted = {Role.AUDITOR, given}
    records = Records()
    if given in issuer.roles or given is Role.AUDITOR:
        changed = change_api_key_roles(
            store, POLICY, issuer, records, target.id, roles=wanted, tenant="acme"
        )
        assert changed.roles == wanted
        assert records.seen[-1] == {
            "action": "apikey.roles",
            "outcome": "ok",
            "object_id": target.id,
            "details": {"roles_before": "auditor", "roles_after": "/".join(sorted(wanted))},
        }
    else:
        with pytest.raises(PermissionDenied):
            change_api_key_roles(
                store, POLICY, issuer, records, target.id, roles=wanted, tenant="acme"
            )
        found = store.get(target.id)
        assert found is not None and found[0].roles == {Role.AUDITOR}
        assert records.seen[-1]["outcome"] == "denied"


def test_no_role_set_can_grant_beyond_itself() -> None:
    for size in range(len(Role) + 1):
        for held in itertools.combinations(Role, size):
            assert POLICY.grantable(frozenset(held)) <= frozenset(held)


def test_the_operator_grants_anything_and_removing_a_role_needs_no_grant(
    store: SqlApiKeyStore,
) -> None:
    info, _ = grant_api_key(
        store, POLICY, None, Records(), tenant="acme", roles=["analyst", "reidentifier"]
    )
    admin = Principal(tenant="acme", roles=frozenset({Role.ADMIN}), key_id="admin0000000")
    changed = change_api_key_roles(
        store, POLICY, admin, Records(), info.id, roles=["analyst"], tenant="acme"
    )
    assert changed.roles == {Role.ANALYST}


def test_another_tenants_or_a_malformed_key_is_not_found(store: SqlApiKeyStore) -> None:
    info, _ = create_api_key(store, tenant="globex", roles=["analyst"])
    admin = Principal(tenant="acme", roles=frozenset({Role.ADMIN}), key_id="admin0000000")
    for key_id in (info.id, "bad\x16id", "x" * 500):
        with pytest.raises(NotFound) as caught:
            change_api_key_roles(
                store, POLICY, admin, Records(), key_id, roles=["admin"], tenant="acme"
            )
        assert key_id not in caught.value.message


def test_the_policy_names_the_roles_that_allow_an_action() -> None:
    assert POLICY.roles_allowing(Action.APIKEY_MANAGE) == [Role.ADMIN]
    assert POLICY.roles_allowing(Action.REIDENTIFY) == [Role.REIDENTIFIER]


def test_purposes_are_a_closed_vocabulary_and_refusals_never_echo_the_value() -> None:
    assert check_purpose("support", POLICY.purposes) == "support"
    for given in ("Mary Jones", "4111 1111 1111 1111", "Support", "support ", ""):
        with pytest.raises(InvalidRequest) as caught:
            check_purpose(given, POLICY.purposes)
        assert caught.value.param == "purpose"
        assert given not in caught.value.message.split(": ")[-1].split(", ")


@pytest.mark.parametrize(
    ("extra", "complaint"),
    [
        ("grants:\n  admin: [wizard]\n", "grants.admin"),
        ("grant:\n  admin: [admin]\n", "grant"),
        ("purposes: [Free Text]\n", "lower-case word"),
    ],
)
def test_a_bad_grant_or_purpose_stops_start_up(tmp_path: Path, extra: str, complaint: str) -> None:
    (tmp_path / "access").mkdir()
    base = "name: x\nroles:\n  admin: [apikey.manage]\n"
    if "purposes" not in extra:
        base += "purposes: [support]\n"
    (tmp_path / "access" / "bad.yaml").write_text(base + extra)
    with pytest.raises(PolicyError, match=complaint):
        load_access_policy(tmp_path, "bad")


def test_the_policy_model_forbids_unknown_sections() -> None:
    with pytest.raises(ValueError, match="extra"):
        AccessPolicy.model_validate(
            {"name": "x", "roles": {}, "purposes": ["support"], "grant": {}}
        )


def test_the_operator_sets_roles_from_the_cli_and_the_change_is_audited(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from vault.cli import app as cli
    from vault.settings import Settings
    from vault.wiring import build_vault

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VAULT_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    created = runner.invoke(cli, ["apikey", "create", "--tenant", "acme", "--role", "analyst"])
    key_id = created.stdout.split()[2]
    changed = runner.invoke(cli, ["apikey", "roles", key_id, "--role", "reidentifier"])
    assert changed.exit_code == 0, changed.stderr
    assert changed.stdout == f"key {key_id} of tenant acme now has roles reidentifier\n"
    unknown = runner.invoke(cli, ["apikey", "roles", "nope", "--role", "admin"])
    assert unknown.exit_code == 1 and unknown.stderr == "vault: API key not found\n"
    vault = build_vault(Settings(data_dir=tmp_path / "data", _env_file=None))  # type: ignore[call-arg]
    last = list(vault.audit.records("acme"))[-1].event
    vault.close()
    assert (last.actor, last.action, last.object) == ("cli", "apikey.roles", key_id)
    assert dict(last.details) == {"roles_before": "analyst", "roles_after": "reidentifier"}
