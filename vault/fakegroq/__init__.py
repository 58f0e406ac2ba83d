"""A fake Groq server, faithful to Groq's wire format, for tests and local demos."""

from vault.fakegroq._app import ReceivedRequest, create_fake_groq_app
from vault.fakegroq._behaviour import FakeGroqBehaviour, Fault
from vault.fakegroq._server import serve, serve_in_thread

__all__ = [
    "FakeGroqBehaviour",
    "Fault",
    "ReceivedRequest",
    "create_fake_groq_app",
    "serve",
    "serve_in_thread",
]
