"""Run the fake Groq over real HTTP: in a background thread for tests, or in the foreground."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

__all__ = ["serve", "serve_in_thread"]


@contextmanager
def serve_in_thread(
    app: ASGIApp, host: str = "127.0.0.1", port: int = 0, *, start_timeout: float = 30.0
) -> Iterator[str]:
    """Serve `app` on `host:port` (0: a free port) and yield its base URL; stop it on exit."""
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", lifespan="off", timeout_graceful_shutdown=2
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="fake-groq", daemon=True)
    thread.start()
    try:
        # server.started flips once the socket listens; the thread dying first means it failed.
        stopped = threading.Event()
        waited = 0.0
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError(f"the fake Groq server did not start on {host}:{port}")
            if waited >= start_timeout:
                raise RuntimeError(f"the fake Groq server took over {start_timeout}s to start")
            stopped.wait(0.01)
            waited += 0.01
        bound_host, bound_port = server.servers[0].sockets[0].getsockname()[:2]
        yield f"http://{bound_host}:{bound_port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def serve(host: str = "127.0.0.1", port: int = 8008, *, api_key: str | None = None) -> None:
    """Serve a fake Groq in the foreground until interrupted; `api_key=None` accepts any key."""
    from vault.fakegroq._app import create_fake_groq_app

    uvicorn.run(create_fake_groq_app(api_key=api_key), host=host, port=port, log_level="info")
