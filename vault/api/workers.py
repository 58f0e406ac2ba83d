"""`vault serve --workers N`: worker processes that each listen on the port with a socket of
their own (SO_REUSEPORT), so the kernel spreads connections across them.

uvicorn's own workers share one listening socket, and asyncio accepts every connection waiting
when it wakes: a client that opened its pool of 16 connections at once gave all 16 to one
worker, which served the whole load while the other idled (`vault.bench load`: two workers
answered 80 requests/s, as one does). With a socket each, the kernel hashes every new
connection to one of the listeners. The parent holds the port (bound, never listening, so it
is refused at once if taken), starts the workers, starts another for any that dies, and stops
them all on SIGINT or SIGTERM; a worker that cannot start stops the whole server.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from typing import Any

__all__ = ["reuse_port_supported", "serve_workers"]

log = logging.getLogger("uvicorn.error")

_STARTUP_FAILURE = 3  # uvicorn's exit status for a server that could not start
_STOP_SECONDS = 30  # a worker's graceful shutdown, before it is killed


def reuse_port_supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def serve_workers(
    app: str, *, host: str, port: int, workers: int, log_config: dict[str, Any]
) -> int:
    """Serve the app factory `app` ("module:function") from `workers` processes until a signal
    to stop; the exit status (0, or that of a worker that could not start)."""
    with _socket(host, port) as probe:  # a port another server holds: OSError now
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(_address(host, port))
    holder = _bound(host, port)
    context = multiprocessing.get_context("spawn")
    stopping: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda number, _frame: stopping.append(number))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }

    def start() -> BaseProcess:
        process = context.Process(
            target=_worker, args=(app, host, port, log_config), name="vault-worker"
        )
        process.start()
        return process

    processes = [start() for _ in range(workers)]
    status = 0
    try:
        while not stopping:
            wait([process.sentinel for process in processes], timeout=0.5)
            for index, process in enumerate(processes):
                if process.is_alive() or stopping:
                    continue
                if process.exitcode == _STARTUP_FAILURE:
                    log.error("worker [%s] could not start; stopping", process.pid)
                    status = _STARTUP_FAILURE
                    stopping.append(signal.SIGTERM)
                    break
                log.warning(
                    "worker [%s] exited with %s; starting another", process.pid, process.exitcode
                )
                processes[index] = start()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(_STOP_SECONDS)
            if process.is_alive():
                process.kill()
                process.join()
        holder.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return status


def _worker(app: str, host: str, port: int, log_config: dict[str, Any]) -> None:
    import uvicorn

    config = uvicorn.Config(
        app,
        factory=True,
        host=host,
        port=port,
        log_level="info",
        access_log=False,
        log_config=log_config,
    )
    server = uvicorn.Server(config)
    listener = _bound(host, port)
    listener.listen(config.backlog)
    server.run(sockets=[listener])
    if not server.started:
        sys.exit(_STARTUP_FAILURE)


def _address(host: str, port: int) -> Any:
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][4]


def _socket(host: str, port: int) -> socket.socket:
    family, kind, proto, _, _ = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    return socket.socket(family, kind, proto)


def _bound(host: str, port: int) -> socket.socket:
    """A TCP socket bound to (host, port) that other sockets of this user may bind too."""
    sock = _socket(host, port)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(_address(host, port))
    except BaseException:
        sock.close()
        raise
    return sock
