"""Policies are validated data: the shipped ones load, and a typo stops start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from vault.adapters.policy_files import load_access_policy, load_anonymization_policy
from vault.domain.policy import Action, Operator, PolicyError
from vault.domain.principal import Role

POLICIES = Path(__file__).resolve().parents[2] / "policies"


def test_shipped_policies_load() -> None:
    default = load_anonymization_policy(POLICIES, "default")
    strict = load_anonymization_policy(POLICIES, "strict")
    assert default.rule_for("PERSON").operator is Operator.TOKENIZE
    assert strict.rule_for("SECRET").operator is Operator.REDACT
    assert strict.full_outbound_rescan and not default.full_outbound_rescan


def test_access_policy_is_default_deny() -> None:
    access = load_access_policy(POLICIES)
    assert access.allows(frozenset({Role.ANALYST}), Action.INFER)
    assert not access.allows(frozenset({Role.ANALYST}), Action.REIDENTIFY)
    assert not access.allows(frozenset({Role.AUDITOR}), Action.DATASET_READ)
    assert access.allows(frozenset({Role.AUDITOR}), Action.AUDIT_EXPORT)
    assert access.allows(frozenset({Role.ADMIN}), Action.AUDIT_EXPORT)
    assert access.revealable(frozenset({Role.REIDENTIFIER})) is None
    assert access.revealable(frozenset({Role.ANALYST})) == frozenset()


def test_finding_a_data_subject_is_apart_from_erasing_one() -> None:
    access = load_access_policy(POLICIES)
    admin, auditor = frozenset({Role.ADMIN}), frozenset({Role.AUDITOR})
    assert access.allows(admin, Action.DSR_FIND) and access.allows(admin, Action.DSR_ERASE)
    assert access.allows(auditor, Action.DSR_FIND) and not access.allows(auditor, Action.DSR_ERASE)
    assert access.roles_allowing(Action.DSR_ERASE) == [Role.ADMIN]
    assert access.roles_allowing(Action.DSR_FIND) == [Role.ADMIN, Role.AUDITOR]


def test_an_older_policy_whose_dsr_meant_find_and_erase_still_loads_as_erase(
    tmp_path: Path,
) -> None:
    (tmp_path / "access").mkdir()
    (tmp_path / "access" / "default.yaml").write_text(
        "name: old\nroles:\n  admin: [dsr]\npurposes: [dsr]\n"
    )
    old = load_access_policy(tmp_path)
    admin = frozenset({Role.ADMIN})
    assert Action.DSR is Action.DSR_ERASE
    assert old.allows(admin, Action.DSR_ERASE) and not old.allows(admin, Action.DSR_FIND)


def test_an_unknown_dsr_action_names_the_field(tmp_path: Path) -> None:
    (tmp_path / "access").mkdir()
    (tmp_path / "access" / "default.yaml").write_text(
        "name: typo\nroles:\n  auditor: [dsr.fnd]\npurposes: [dsr]\n"
    )
    with pytest.raises(PolicyError, match=r"roles\.auditor\.0.*dsr\.find"):
        load_access_policy(tmp_path)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("name: x\nscore_treshold: 0.5\n", "score_treshold"),
        ("name: x\nentities:\n  PERSON:\n    operator: scramble\n", "entities.PERSON.operator"),
        ("name: x\nentities:\n  person: {}\n", "upper case"),
        ("name: x\nscore_threshold: 2\n", "score_threshold"),
        ("- just a list\n", "mapping"),
        ("name: [unclosed\n", "not valid YAML"),
    ],
)
def test_invalid_policy_names_the_problem(tmp_path: Path, text: str, complaint: str) -> None:
    (tmp_path / "anonymization").mkdir()
    (tmp_path / "anonymization" / "bad.yaml").write_text(text)
    with pytest.raises(PolicyError, match=complaint):
        load_anonymization_policy(tmp_path, "bad")


def test_missing_policy_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="not found"):
        load_anonymization_policy(tmp_path, "nowhere")
