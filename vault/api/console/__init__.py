"""The compliance console at `/console`: server-rendered pages over the vault's own use cases."""

from vault.api.console.routes import install

__all__ = ["install"]
