"""A lean HTTP/1.1 client for one origin: pooled keep-alive connections, responses parsed in C.

The Groq client's non-streamed calls sit on the proxy's hot path. Through httpx each call built
request and response objects, header containers and content streams and ran h11's pure-Python
state machine: about 0.6 ms of CPU per call on the bench machine, more than the vault's own work
on a request. This client does what the Groq client needs and nothing more — one origin, bodies
held in memory, `content-length` and chunked framing (parsed by httptools, which uvicorn already
brings), gzip, TLS, an egress proxy (`http://`, CONNECT for https), connect and read timeouts,
a bounded pool — in about a tenth of that.

Failures raise httpx's transport exceptions (ConnectError, ReadTimeout, RemoteProtocolError, ...),
so callers handle one vocabulary whichever client carried the call. Messages never hold a body.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import select
import socket
import ssl
import threading
import urllib.parse
import zlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import certifi
import httptools
import httpx

__all__ = ["AsyncHttp1Pool", "Http1Pool", "Http1Response", "Http1Stream"]

_READ_SIZE = 65_536
_MAX_HEAD_BYTES = 64 * 1024
# Header names and values travel in the request head: a CR, LF or NUL would end the head early.
_UNSAFE = re.compile(r"[\r\n\0]")


@dataclass(frozen=True, slots=True)
class Http1Response:
    """A whole response. Header names are lower-case; a repeated header's values are joined."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


@dataclass(frozen=True, slots=True)
class _Origin:
    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, url: str, *, what: str) -> _Origin:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{what} must be an http:// or https:// URL with a host")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return cls(parts.scheme, parts.hostname, port)

    @property
    def authority(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


@dataclass
class _Message:
    """httptools' callbacks land here."""

    limit: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytearray = field(default_factory=bytearray)
    headers_done: bool = False
    complete: bool = False
    keep_alive: bool = False
    interim: bool = False
    trailing: bool = False  # bytes came after the response: the connection is out of step
    status: int = 0
    parser: Any = None  # the HttpResponseParser feeding this message

    def on_message_begin(self) -> None:
        self.trailing = self.complete

    def on_header(self, name: bytes, value: bytes) -> None:
        if self.complete:
            return
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        self.headers[key] = f"{self.headers[key]}, {text}" if key in self.headers else text

    def on_headers_complete(self) -> None:
        # A 1xx (100 Continue, 103 Early Hints) is not the answer: drop its head and let the
        # parser go on to the final response.
        if self.complete:
            return
        self.status = self.parser.get_status_code()
        self.interim = self.status < 200
        if self.interim:
            self.headers.clear()
        else:
            self.headers_done = True

    def on_body(self, data: bytes) -> None:
        if self.complete:
            return
        self.body += data
        if len(self.body) > self.limit:
            raise httpx.RemoteProtocolError(f"the response body is over {self.limit} bytes")

    def on_message_complete(self) -> None:
        if self.interim or self.complete:
            return
        # Asked here: once this callback returns, llhttp resets the flags it answers from.
        self.keep_alive = self.parser.should_keep_alive()
        self.complete = True

    @property
    def framed(self) -> bool:
        """Whether the body's end is marked (a length or chunks) rather than the connection's."""
        return "content-length" in self.headers or "transfer-encoding" in self.headers


class _StaleConnection(Exception):
    """A kept-alive connection the server had closed before this request reached it."""


class _Connection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.used = False

    def dropped(self) -> bool:
        """An idle connection that is readable was closed by the server (or sent junk)."""
        if self.sock.fileno() < 0:
            return True
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(self.sock, select.POLLIN)
            return bool(poller.poll(0))
        return bool(select.select([self.sock], [], [], 0)[0])

    def exchange(
        self, request: bytes, *, limit: int, head_only: bool
    ) -> tuple[Http1Response, bool]:
        """Send one request and read its response; whether the connection can be used again."""
        reused, self.used = self.used, True
        try:
            self.sock.sendall(request)
        except TimeoutError:
            raise httpx.WriteTimeout("timed out sending the request") from None
        except OSError as exc:
            if reused:
                raise _StaleConnection from exc
            raise httpx.WriteError(f"sending the request failed ({type(exc).__name__})") from None
        message = _Message(limit)
        parser = httptools.HttpResponseParser(message)
        message.parser = parser
        received = 0
        while not message.complete:
            try:
                data = self.sock.recv(_READ_SIZE)
            except TimeoutError:
                raise httpx.ReadTimeout("timed out waiting for the response") from None
            except OSError as exc:
                if reused and received == 0:
                    raise _StaleConnection from exc
                raise httpx.ReadError(
                    f"reading the response failed ({type(exc).__name__})"
                ) from None
            if not data:
                if reused and received == 0:
                    raise _StaleConnection
                if message.headers_done and not message.framed:
                    break  # the body ran to the end of the connection, as HTTP/1.0 allows
                raise httpx.RemoteProtocolError("the server closed the connection mid-response")
            received += len(data)
            if not message.headers_done and received > _MAX_HEAD_BYTES:
                raise httpx.RemoteProtocolError("the response head is too large")
            try:
                parser.feed_data(data)
            except (httptools.HttpParserError, httptools.HttpParserUpgrade) as exc:
                if isinstance(exc.__context__, httpx.RemoteProtocolError):
                    raise exc.__context__ from None  # a callback's own verdict (the body limit)
                raise httpx.RemoteProtocolError("the response is not valid HTTP/1.1") from None
            if head_only and message.headers_done:
                break
        keep = message.complete and message.framed and message.keep_alive and not message.trailing
        return Http1Response(message.status, message.headers, _decoded(message)), keep

    def close(self) -> None:
        self.sock.close()


def _decoded(message: _Message) -> bytes:
    encoding = message.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return bytes(message.body)
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise httpx.DecodingError(f"the response uses an unsupported encoding: {encoding[:32]}")
    window = 16 + zlib.MAX_WBITS if encoding != "deflate" else zlib.MAX_WBITS
    decompressor = zlib.decompressobj(window)
    try:
        body = decompressor.decompress(message.body, message.limit + 1)
    except zlib.error:
        raise httpx.DecodingError("the response body does not decompress") from None
    if len(body) > message.limit or decompressor.unconsumed_tail:
        raise httpx.RemoteProtocolError(f"the response body is over {message.limit} bytes")
    return body


class Http1Pool:
    """Keep-alive HTTP/1.1 connections to one origin. Thread-safe.

    At most `max_connections` requests are in flight; a request waits up to `timeout` seconds
    for a free one (then PoolTimeout). At most `max_idle` connections are kept between
    requests. A kept connection the server has meanwhile closed is detected before reuse, or
    when the request fails on it before any response byte; either way the request goes again on
    a fresh connection, which is the one retry made here.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float,
        connect_timeout: float,
        max_connections: int = 100,
        max_idle: int = 20,
        proxy: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
        max_body_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        self._origin = _Origin.parse(base_url, what="the base URL")
        self._proxy = _Origin.parse(proxy, what="the proxy URL") if proxy else None
        if self._proxy is not None and self._proxy.scheme != "http":
            raise ValueError("only http:// egress proxies are supported (CONNECT for https)")
        self._proxy_auth = _proxy_authorization(proxy) if proxy else None
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        self._max_idle = max_idle
        self._max_body = max_body_bytes
        self._ssl = ssl_context
        self._slots = threading.BoundedSemaphore(max_connections)
        self._lock = threading.Lock()
        self._idle: list[_Connection] = []
        self._closed = False

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str],
        content: bytes = b"",
        head_only: bool = False,
    ) -> Http1Response:
        """Send `content` as the body and return the whole response. `head_only`: return as
        soon as the head is in, with whatever body had arrived, and drop the connection."""
        request = self._encode(method, path, headers, content)
        if not self._slots.acquire(timeout=self._timeout):
            raise httpx.PoolTimeout("no connection to the upstream came free in time")
        try:
            while True:
                connection = self._checkout()
                try:
                    response, keep = connection.exchange(
                        request, limit=self._max_body, head_only=head_only or method == "HEAD"
                    )
                except _StaleConnection:
                    connection.close()
                    continue  # the next checkout opens a fresh connection if none is idle
                except BaseException:
                    connection.close()
                    raise
                if keep and not head_only:
                    self._checkin(connection)
                else:
                    connection.close()
                return response
        finally:
            self._slots.release()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    def _encode(self, method: str, path: str, headers: Mapping[str, str], content: bytes) -> bytes:
        target = path
        if self._proxy is not None and self._origin.scheme == "http":
            target = f"http://{self._origin.authority}{path}"  # absolute form, for the proxy
        lines = [f"{method} {target} HTTP/1.1", f"host: {self._origin.authority}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if self._proxy_auth and self._origin.scheme == "http":
            lines.append(f"proxy-authorization: {self._proxy_auth}")
        if content or method not in ("GET", "HEAD"):
            lines.append(f"content-length: {len(content)}")
        if _UNSAFE.search("".join(lines)):
            raise httpx.LocalProtocolError("a request header holds a line break or NUL")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + content

    def _checkout(self) -> _Connection:
        while True:
            with self._lock:
                connection = self._idle.pop() if self._idle else None
            if connection is None:
                return self._connect()
            if not connection.dropped():
                return connection
            connection.close()

    def _checkin(self, connection: _Connection) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self._max_idle:
                self._idle.append(connection)
                return
        connection.close()

    def _connect(self) -> _Connection:
        sock = self._plain_socket()
        try:
            if self._origin.scheme == "https":
                sock = self._wrap_tls(sock)
            sock.settimeout(self._timeout)
        except BaseException:
            sock.close()
            raise
        return _Connection(sock)

    def _plain_socket(self) -> socket.socket:
        """A TCP connection to the origin, or to the proxy (tunnelled to an https origin);
        TLS, if the origin has it, is still to be set up on it."""
        hop = self._proxy or self._origin
        try:
            sock = socket.create_connection((hop.host, hop.port), timeout=self._connect_timeout)
        except TimeoutError:
            raise httpx.ConnectTimeout("timed out connecting") from None
        except OSError as exc:
            raise httpx.ConnectError(f"could not connect ({type(exc).__name__})") from None
        try:
            # The request goes out in one write: no reason to wait for more to fill a packet.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._origin.scheme == "https" and self._proxy is not None:
                self._tunnel(sock)
        except BaseException:
            sock.close()
            raise
        return sock

    def _tls_context(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = ssl.create_default_context(cafile=certifi.where())
            self._ssl.set_alpn_protocols(["http/1.1"])
        return self._ssl

    def _tunnel(self, sock: socket.socket) -> None:
        """Ask the proxy for a tunnel to the origin (CONNECT); TLS then runs inside it."""
        host = f"[{self._origin.host}]" if ":" in self._origin.host else self._origin.host
        authority = f"{host}:{self._origin.port}"
        lines = [f"CONNECT {authority} HTTP/1.1", f"host: {authority}"]
        if self._proxy_auth:
            lines.append(f"proxy-authorization: {self._proxy_auth}")
        sock.settimeout(self._connect_timeout)
        tunnel = _Connection(sock)
        try:
            answer, _ = tunnel.exchange(
                ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"),
                limit=_MAX_HEAD_BYTES,  # a refusal's body (407's page) may come with its head
                head_only=True,
            )
        except httpx.TimeoutException:
            raise httpx.ConnectTimeout("timed out opening a tunnel through the proxy") from None
        except httpx.TransportError as exc:
            raise httpx.ProxyError(f"the proxy did not open a tunnel ({exc})") from None
        if not 200 <= answer.status_code < 300:
            raise httpx.ProxyError(f"the proxy refused the tunnel ({answer.status_code})")

    def _wrap_tls(self, sock: socket.socket) -> ssl.SSLSocket:
        try:
            return self._tls_context().wrap_socket(sock, server_hostname=self._origin.host)
        except TimeoutError:
            raise httpx.ConnectTimeout("timed out in the TLS handshake") from None
        except (ssl.SSLError, OSError) as exc:
            raise httpx.ConnectError(f"the TLS handshake failed ({type(exc).__name__})") from None


def _proxy_authorization(proxy: str) -> str | None:
    parts = urllib.parse.urlsplit(proxy)
    if parts.username is None:
        return None
    user = urllib.parse.unquote(parts.username)
    password = urllib.parse.unquote(parts.password or "")
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


class _StreamMessage(_Message):
    """A message whose body is handed on as it arrives rather than held whole."""

    def __init__(self) -> None:
        super().__init__(limit=0)
        self.chunks: list[bytes] = []

    def on_body(self, data: bytes) -> None:
        if not self.complete:
            self.chunks.append(bytes(data))


class _AsyncConnection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.used = False

    def dropped(self) -> bool:
        return self.reader.at_eof() or self.writer.is_closing()

    def close(self) -> None:
        self.writer.close()


class AsyncHttp1Pool:
    """The lean client's streams, on the running event loop: the same origin, egress proxy,
    TLS and timeouts as the `Http1Pool` it is made from, keep-alive connections of its own.

    One pool belongs to one event loop. `stream` returns once the response head is in; its
    body is read with `Http1Stream.aiter_bytes`. At most `max_connections` streams are open at
    once (waiting up to `timeout` for a slot, then PoolTimeout); a connection whose stream was
    read to its end is kept for the next one, up to `max_idle`.
    """

    def __init__(self, sync: Http1Pool, *, max_connections: int = 100, max_idle: int = 20) -> None:
        self._sync = sync
        self._slots = asyncio.Semaphore(max_connections)
        self._max_idle = max_idle
        self._idle: list[_AsyncConnection] = []
        self._closed = False

    async def stream(
        self, method: str, path: str, *, headers: Mapping[str, str], content: bytes = b""
    ) -> Http1Stream:
        """Send the request and read the response head; the body is left to the stream."""
        request = self._sync._encode(method, path, headers, content)
        try:
            async with asyncio.timeout(self._sync._timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout("no connection to the upstream came free in time") from None
        try:
            while True:
                connection = await self._checkout()
                try:
                    return await self._exchange(connection, request)
                except _StaleConnection:
                    connection.close()
                except BaseException:
                    connection.close()
                    raise
        except BaseException:
            self._slots.release()
            raise

    async def aclose(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    async def _exchange(self, connection: _AsyncConnection, request: bytes) -> Http1Stream:
        reused, connection.used = connection.used, True
        try:
            connection.writer.write(request)
            await connection.writer.drain()
        except OSError as exc:
            if reused:
                raise _StaleConnection from exc
            raise httpx.WriteError(f"sending the request failed ({type(exc).__name__})") from None
        message = _StreamMessage()
        parser = httptools.HttpResponseParser(message)
        message.parser = parser
        stream = Http1Stream(self, connection, message)
        received = 0
        while not message.headers_done:
            data = await stream._read(stale=reused and received == 0)
            if not data:
                if reused and received == 0:
                    raise _StaleConnection
                raise httpx.RemoteProtocolError("the server closed the connection mid-response")
            received += len(data)
            if received > _MAX_HEAD_BYTES and not message.headers_done:
                raise httpx.RemoteProtocolError("the response head is too large")
            stream._feed(data)
        return stream

    async def _checkout(self) -> _AsyncConnection:
        while self._idle:
            connection = self._idle.pop()
            if not connection.dropped():
                return connection
            connection.close()
        return await self._connect()

    def _checkin(self, connection: _AsyncConnection) -> None:
        if not self._closed and len(self._idle) < self._max_idle:
            self._idle.append(connection)
        else:
            connection.close()

    def _release(self) -> None:
        self._slots.release()

    async def _connect(self) -> _AsyncConnection:
        sync, origin = self._sync, self._sync._origin
        tls = sync._tls_context() if origin.scheme == "https" else None
        try:
            async with asyncio.timeout(sync._connect_timeout):
                if sync._proxy is None:
                    reader, writer = await asyncio.open_connection(
                        origin.host,
                        origin.port,
                        ssl=tls,
                        server_hostname=origin.host if tls else None,
                    )
                else:  # the tunnel is asked for as the sync pool asks, off the loop
                    sock = await asyncio.get_running_loop().run_in_executor(
                        None, sync._plain_socket
                    )
                    sock.setblocking(False)
                    reader, writer = await asyncio.open_connection(
                        sock=sock, ssl=tls, server_hostname=origin.host if tls else None
                    )
        except TimeoutError:
            raise httpx.ConnectTimeout("timed out connecting") from None
        except httpx.TransportError:
            raise
        except (ssl.SSLError, OSError) as exc:
            raise httpx.ConnectError(f"could not connect ({type(exc).__name__})") from None
        transport_socket = writer.get_extra_info("socket")
        if transport_socket is not None:
            transport_socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _AsyncConnection(reader, writer)


class Http1Stream:
    """A response whose body is still to come: `aiter_bytes` yields it decoded, as it arrives;
    `aread` reads it whole (then `content`, `json()`). Reading to the end gives the connection
    back to the pool; `aclose` (or an error) drops it."""

    def __init__(
        self, pool: AsyncHttp1Pool, connection: _AsyncConnection, message: _StreamMessage
    ) -> None:
        self._pool = pool
        self._connection: _AsyncConnection | None = connection
        self._message = message
        self.content = b""

    @property
    def status_code(self) -> int:
        return self._message.status

    @property
    def headers(self) -> Mapping[str, str]:
        return self._message.headers

    @property
    def is_closed(self) -> bool:
        return self._connection is None

    def json(self) -> Any:
        return json.loads(self.content)

    async def aread(self) -> bytes:
        self.content = b"".join([chunk async for chunk in self.aiter_bytes()])
        return self.content

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        message = self._message
        decoder = _stream_decoder(message.headers)
        try:
            while True:
                while message.chunks:
                    data = message.chunks.pop(0)
                    yield _decompress(decoder, data) if decoder else data
                if message.complete or self._connection is None:
                    break
                data = await self._read()
                if not data:
                    if not message.framed:
                        break  # the body ran to the end of the connection
                    raise httpx.RemoteProtocolError("the server closed the connection mid-response")
                self._feed(data)
            if decoder is not None:
                tail = decoder.flush()
                if tail:
                    yield tail
        except BaseException:
            self._drop()
            raise
        self._finish()

    async def aclose(self) -> None:
        self._drop()

    async def _read(self, *, stale: bool = False) -> bytes:
        connection = self._connection
        if connection is None:
            return b""
        try:
            async with asyncio.timeout(self._pool._sync._timeout):
                return await connection.reader.read(_READ_SIZE)
        except TimeoutError:
            raise httpx.ReadTimeout("timed out waiting for the response") from None
        except OSError as exc:
            if stale:
                raise _StaleConnection from exc
            raise httpx.ReadError(f"reading the response failed ({type(exc).__name__})") from None

    def _feed(self, data: bytes) -> None:
        try:
            self._message.parser.feed_data(data)
        except (httptools.HttpParserError, httptools.HttpParserUpgrade):
            raise httpx.RemoteProtocolError("the response is not valid HTTP/1.1") from None

    def _finish(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        message = self._message
        if message.complete and message.framed and message.keep_alive and not message.trailing:
            self._pool._checkin(connection)
        else:
            connection.close()
        self._pool._release()

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()
            self._pool._release()


def _stream_decoder(headers: Mapping[str, str]) -> Any:
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise httpx.DecodingError(f"the response uses an unsupported encoding: {encoding[:32]}")
    return zlib.decompressobj(16 + zlib.MAX_WBITS if encoding != "deflate" else zlib.MAX_WBITS)


def _decompress(decoder: Any, data: bytes) -> bytes:
    try:
        return bytes(decoder.decompress(data))
    except zlib.error:
        raise httpx.DecodingError("the response body does not decompress") from None
