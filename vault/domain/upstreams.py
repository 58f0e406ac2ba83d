"""Upstreams by configuration (`VAULT_UPSTREAMS_FILE`): which upstream serves which model, and
the order they are tried in. Validated data: a key never goes in the file, only the name of the
environment variable that holds it.

    upstreams:
      - name: groq                            # [a-z0-9_-], unique; audited as the one that answered
        url: https://api.groq.com/openai/v1   # base URL with its version path
        api_key_env: GROQ_API_KEY             # the variable holding the key (none: no key sent)
        models: ["llama-*", "openai/*"]       # shell-style patterns; default: every model
        priority: 10                          # lower is tried first; ties keep file order
      - name: local
        url: http://localhost:11434/v1
        priority: 20
"""

from __future__ import annotations

import fnmatch
import re
import urllib.parse
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = [
    "UpstreamSpec",
    "UpstreamsConfig",
    "UpstreamsFileError",
    "check_base_url",
    "parse_upstreams",
]

_NAME = r"^[a-z0-9][a-z0-9_-]{0,31}$"
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")


class UpstreamsFileError(ValueError):
    """The upstreams file is not valid; one line naming the entry and field, never a value."""


def check_base_url(url: str) -> str:
    """`url` without its trailing slash if it is an http(s) base URL with a host and no query,
    fragment or credentials; else ValueError saying which (never repeating the URL: a query or
    user info may hold a key)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an http:// or https:// URL with a host")
    if parts.query or parts.fragment or url.rstrip().endswith(("?", "#")):
        raise ValueError("must not have a query string or fragment")
    if parts.username is not None or parts.password is not None:
        raise ValueError("must not hold credentials; the key has its own variable")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked for it
    except ValueError:
        raise ValueError("has a port that is not a number from 0 to 65535") from None
    return url.rstrip("/")


class UpstreamSpec(BaseModel):
    """One upstream: where it is, which variable holds its key, which models it serves."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME)
    url: str
    api_key_env: str | None = None
    models: tuple[str, ...] = Field(default=("*",), min_length=1)
    priority: int = 0

    @field_validator("url")
    @classmethod
    def _base_url(cls, url: str) -> str:
        return check_base_url(url)

    @field_validator("api_key_env")
    @classmethod
    def _a_variable_name(cls, name: str | None) -> str | None:
        if name is not None and not _VARIABLE.fullmatch(name):
            raise ValueError("must be the name of an environment variable, not the key")
        return name

    @field_validator("models")
    @classmethod
    def _patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            if not pattern or len(pattern) > 256 or not pattern.isprintable():
                raise ValueError("each pattern must be 1 to 256 printable characters")
        return patterns

    def serves(self, model: str) -> bool:
        """Whether a request for `model` may go here (patterns are case-sensitive)."""
        return any(fnmatch.fnmatchcase(model, pattern) for pattern in self.models)


class UpstreamsConfig(BaseModel):
    """Every upstream, and the order a request for a model tries them in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    upstreams: tuple[UpstreamSpec, ...] = Field(min_length=1)

    @field_validator("upstreams")
    @classmethod
    def _unique_names(cls, upstreams: tuple[UpstreamSpec, ...]) -> tuple[UpstreamSpec, ...]:
        seen: set[str] = set()
        for spec in upstreams:
            if spec.name in seen:
                raise ValueError(f"the name {spec.name} is given twice")
            seen.add(spec.name)
        return upstreams

    @property
    def ordered(self) -> tuple[UpstreamSpec, ...]:
        """All upstreams, lowest priority first, ties in file order."""
        return tuple(sorted(self.upstreams, key=lambda spec: spec.priority))

    def route(self, model: str) -> tuple[UpstreamSpec, ...]:
        """The upstreams that serve `model`, in the order to try them; empty if none does."""
        return tuple(spec for spec in self.ordered if spec.serves(model))

    @property
    def any_model_anywhere(self) -> bool:
        """Whether every upstream serves every model (then a request need not be read)."""
        return all("*" in spec.models for spec in self.upstreams)


def parse_upstreams(text: str) -> UpstreamsConfig:
    """The upstreams described by YAML `text`. UpstreamsFileError with one line naming where
    it is wrong (`upstreams[1].url: must not have a query string or fragment`)."""
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise UpstreamsFileError(f"is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise UpstreamsFileError("must be a mapping with an `upstreams` list")
    for index, entry in enumerate(data.get("upstreams") or ()):
        if isinstance(entry, dict) and "api_key" in entry:
            raise UpstreamsFileError(
                f"upstreams[{index}].api_key: a key never goes in this file; "
                "name the variable that holds it in api_key_env"
            )
    try:
        return UpstreamsConfig.model_validate(data)
    except ValidationError as exc:
        raise UpstreamsFileError(_one_line(exc)) from None


def _one_line(exc: ValidationError) -> str:
    errors = exc.errors()
    # An unknown key first: a misspelt key is also why the right one is "missing".
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    where = ""
    for part in first["loc"]:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    if first["type"] == "extra_forbidden":
        message = "unknown key"
    elif first["type"] == "missing":
        message = "is required"
    elif first["type"] == "too_short":
        message = "must list at least one"
    elif first["type"] == "string_pattern_mismatch":
        message = "must be 1 to 32 of a-z, 0-9, _ and -, starting with a letter or digit"
    else:
        message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
