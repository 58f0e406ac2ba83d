"""Policy files: YAML under `policies/`, loaded into the validated models of the domain."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from vault.domain.policy import AccessPolicy, AnonymizationPolicy, PolicyError

__all__ = ["load_access_policy", "load_anonymization_policy"]

_M = TypeVar("_M", bound=BaseModel)


def _load_yaml(path: Path) -> Mapping[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PolicyError(f"policy file {path.name} not found") from exc
    except yaml.YAMLError as exc:
        raise PolicyError(f"policy file {path.name} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise PolicyError(f"policy file {path.name} must hold a mapping")
    return data


def _validated(model: type[_M], path: Path) -> _M:
    try:
        return model.model_validate(_load_yaml(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PolicyError(f"policy file {path.name}: {where}: {first['msg']}") from exc


def _available(folder: Path) -> str:
    names = sorted(path.stem for path in folder.glob("*.yaml"))
    return ", ".join(names) if names else f"none (no .yaml files in {folder.name}/)"


def load_anonymization_policy(policies_dir: Path, name: str) -> AnonymizationPolicy:
    """The named policy; PolicyError naming VAULT_POLICY and the choices if there is none."""
    folder = policies_dir / "anonymization"
    path = folder / f"{name}.yaml"
    if path.parent != folder or not path.is_file():
        raise PolicyError(
            f"VAULT_POLICY: anonymization policy {name!r} not found; "
            f"set it to one of {_available(folder)}"
        )
    return _validated(AnonymizationPolicy, path)


def load_access_policy(policies_dir: Path, name: str = "default") -> AccessPolicy:
    return _validated(AccessPolicy, policies_dir / "access" / f"{name}.yaml")
