"""Vault: a privacy data vault between people's data and an LLM."""

__version__ = "0.1.0"
