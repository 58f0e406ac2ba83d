"""Whether the upstream serves a model, asked before anything is sent in its name."""

from __future__ import annotations

from vault.errors import InvalidRequest, UpstreamError
from vault.ports import LlmClient

__all__ = ["require_served"]


def require_served(client: LlmClient, model: str, *, where: str | None = None) -> None:
    """InvalidRequest `model_not_found` (naming `where`, a line or a row) if the upstream says
    it does not serve `model`; its other errors propagate."""
    try:
        client.get_model(model)
    except UpstreamError as exc:
        if exc.status in (400, 404):
            prefix = f"{where}: " if where else ""
            raise InvalidRequest(
                f"{prefix}model is not one the upstream serves (GET /openai/v1/models lists them)",
                code="model_not_found",
                param="model",
            ) from None
        raise
