"""The HTTP entry point: `create_app(settings)` builds the FastAPI app."""

from vault.api.app import create_app

__all__ = ["create_app"]
