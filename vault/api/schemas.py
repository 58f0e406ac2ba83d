"""Request bodies shared by routes: strict, so a typo'd field is a 400, not silently ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["TextRequest", "encodable"]


def encodable(text: str) -> str:
    """Reject strings that cannot be UTF-8 (lone surrogates from `\\ud800` escapes in JSON)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"text holds an unpaired surrogate at position {exc.start}") from None
    return text


class TextRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=1024 * 1024)  # characters; see Settings.max_prompt_bytes
    purpose: str | None = Field(default=None, max_length=512)

    _encodable = field_validator("text")(classmethod(lambda cls, v: encodable(v)))
