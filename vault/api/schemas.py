"""Request bodies shared by routes: strict, so a typo'd field is a 400, not silently ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vault.services.anonymize import check_text

__all__ = ["TextRequest"]


class TextRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=1024 * 1024)  # characters; see Settings.max_prompt_bytes
    purpose: str | None = None  # checked by the route against the policy's purposes

    @field_validator("text")
    @classmethod
    def _utf8(cls, value: str) -> str:
        check_text(value)  # raises InvalidRequest, answered as a 400 naming the position
        return value
