"""Http1Pool over real TCP: scripted byte-for-byte servers, TLS, proxies and the fake Groq."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime
import gzip
import ipaddress
import itertools
import json
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette

from tests.adapters.conftest import FAKE_GROQ_KEY
from vault.adapters._http1 import AsyncHttp1Pool, Http1Pool

Handler = Callable[[socket.socket], None]


# -- a scripted TCP server ------------------------------------------------------------------


class Server:
    """Listens on 127.0.0.1 and runs `handler` on each connection, each in its own thread."""

    def __init__(self, handler: Handler, tls: ssl.SSLContext | None = None) -> None:
        self.handler = handler
        self.tls = tls
        self.accepted = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            self.handler(conn)
        except OSError:
            pass  # the client went away, or refused our certificate
        finally:
            conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self.listener.close()


def read_request(conn: socket.socket) -> bytes:
    """One request's bytes as they arrived: the head and a content-length body; b"" at EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = re.search(rb"\r\ncontent-length: *(\d+)", head, re.IGNORECASE)
    while length and len(body) < int(length.group(1)):
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def hold(conn: socket.socket) -> None:
    """Say nothing more and wait for the client to close its end."""
    while conn.recv(65536):
        pass


def response(body: bytes = b"ok", *, status: str = "200 OK", headers: Iterable[str] = ()) -> bytes:
    head = [f"HTTP/1.1 {status}", f"content-length: {len(body)}", *headers]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def chunked(*chunks: bytes) -> bytes:
    """A 200 whose body goes in `chunks`, in order."""
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks)
    return b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n" + body + b"0\r\n\r\n"


def answering(reply: bytes, seen: list[bytes] | None = None) -> Handler:
    """Answer every request on the connection with `reply`, noting the requests in `seen`."""

    def handle(conn: socket.socket) -> None:
        while request := read_request(conn):
            if seen is not None:
                seen.append(request)
            conn.sendall(reply)

    return handle


def replying(*pieces: bytes, pause: float = 0.02) -> Handler:
    """Read one request, send `pieces` apart, then wait for the client to close."""

    def handle(conn: socket.socket) -> None:
        read_request(conn)
        for piece in pieces:
            conn.sendall(piece)
            time.sleep(pause)
        hold(conn)

    return handle


def split(data: bytes, cuts: Iterable[int]) -> list[bytes]:
    points = [0, *sorted(cuts), len(data)]
    return [data[start:end] for start, end in itertools.pairwise(points)]


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []

    def start(handler: Handler, tls: ssl.SSLContext | None = None) -> Server:
        servers.append(Server(handler, tls))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def make_pool() -> Iterator[Callable[..., Http1Pool]]:
    pools: list[Http1Pool] = []

    def make(base_url: str, **options: Any) -> Http1Pool:
        options = {"timeout": 5.0, "connect_timeout": 5.0, **options}
        pools.append(Http1Pool(base_url, **options))
        return pools[-1]

    yield make
    for pool in pools:
        pool.close()


# -- parsing, property-based ----------------------------------------------------------------


class Replayer:
    """One keep-alive server for many examples: a request's path names the script it gets."""

    def __init__(self) -> None:
        self.scripts: dict[str, list[bytes]] = {}
        self.names = itertools.count()
        self.server = Server(self._handle)

    def script(self, fragments: list[bytes]) -> str:
        path = f"/script/{next(self.names)}"
        self.scripts[path] = fragments
        return path

    def _handle(self, conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while request := read_request(conn):
            for fragment in self.scripts.pop(request.split(b" ")[1].decode()):
                conn.sendall(fragment)
                time.sleep(0.002)  # let each fragment reach the client on its own


@pytest.fixture(scope="module")
def replayer() -> Iterator[tuple[Replayer, Http1Pool]]:
    replayer = Replayer()
    pool = Http1Pool(replayer.server.url, timeout=5.0, connect_timeout=5.0)
    yield replayer, pool
    pool.close()
    replayer.server.stop()


_STATUSES = [(200, "OK"), (201, "Created"), (404, "Not Found"), (429, "Slow Down"), (503, "")]
_NAMES = st.from_regex(r"[xX]-[A-Za-z0-9-]{1,16}", fullmatch=True)
_VALUES = st.from_regex(r"[!-~]([ -~]{0,40}[!-~])?", fullmatch=True)

Scripted = tuple[int, dict[str, str], bytes, list[bytes]]


@st.composite
def scripted_responses(draw: st.DrawFn) -> Scripted:
    """(status, headers as the pool should give them, body, the wire bytes cut in fragments)."""
    status, reason = draw(st.sampled_from(_STATUSES))
    body = draw(st.binary(max_size=4096))
    fields = draw(
        st.lists(st.tuples(_NAMES, _VALUES), max_size=5, unique_by=lambda f: f[0].lower())
    )
    if draw(st.booleans()):
        cuts = (
            st.sets(st.integers(1, len(body) - 1), max_size=6)
            if len(body) > 1
            else st.just(set[int]())
        )
        size = draw(st.sampled_from(["{:x}", "{:X}", "{:04x}"]))
        chunks = [piece for piece in split(body, draw(cuts)) if piece]
        payload = b"".join(size.format(len(c)).encode() + b"\r\n" + c + b"\r\n" for c in chunks)
        payload += b"0\r\n\r\n"
        fields.append(("Transfer-Encoding", "chunked"))
    else:
        payload = body
        fields.append(("Content-Length", str(len(body))))
    fields = draw(st.permutations(fields))
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{n}: {v}\r\n" for n, v in fields)
    wire = head.encode() + b"\r\n" + payload
    fragments = split(wire, draw(st.sets(st.integers(1, len(wire) - 1), max_size=8)))
    return status, {name.lower(): value for name, value in fields}, body, fragments


@settings(deadline=None, max_examples=60)
@given(scripted=scripted_responses())
def test_a_framed_response_in_any_fragments_arrives_whole(
    replayer: tuple[Replayer, Http1Pool], scripted: Scripted
) -> None:
    replay, pool = replayer
    status, headers, body, fragments = scripted
    answer = pool.request("GET", replay.script(fragments), headers={})
    assert (answer.status_code, dict(answer.headers), answer.content) == (status, headers, body)


# -- the request on the wire ----------------------------------------------------------------


def test_the_request_goes_out_byte_for_byte(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    seen: list[bytes] = []
    server = serve(answering(response(), seen))
    pool = make_pool(server.url)
    body = b'{"a": "\r\n\x00\xff"}'
    headers = {"authorization": "Bearer k", "content-type": "application/json"}
    pool.request("POST", "/openai/v1/chat/completions?x=1", headers=headers, content=body)
    pool.request("GET", "/openai/v1/models", headers={"accept": "*/*"})
    pool.request("DELETE", "/thing", headers={})
    host = f"host: 127.0.0.1:{server.port}"
    assert seen == [
        f"POST /openai/v1/chat/completions?x=1 HTTP/1.1\r\n{host}\r\n"
        "authorization: Bearer k\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\n\r\n".encode()
        + body,
        f"GET /openai/v1/models HTTP/1.1\r\n{host}\r\naccept: */*\r\n\r\n".encode(),
        f"DELETE /thing HTTP/1.1\r\n{host}\r\ncontent-length: 0\r\n\r\n".encode(),
    ]


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/", {"x-a": "one\r\nx-injected: two"}),
        ("/", {"x-a": "one\ntwo"}),
        ("/", {"x-a": "one\rtwo"}),
        ("/", {"x-a": "nul\0"}),
        ("/", {"x-a\r\nx-b": "v"}),
        ("/ HTTP/1.1\r\nx-injected: 1\r\n\r\nGET /", {}),
    ],
)
def test_a_line_break_in_the_head_is_refused_before_anything_is_sent(
    serve: Callable[..., Server],
    make_pool: Callable[..., Http1Pool],
    path: str,
    headers: dict[str, str],
) -> None:
    server = serve(answering(response()))
    pool = make_pool(server.url)
    with pytest.raises(httpx.LocalProtocolError):
        pool.request("GET", path, headers=headers)
    assert server.accepted == 0


# -- response heads -------------------------------------------------------------------------


def test_header_names_are_lower_cased_and_repeats_joined(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    fields = ["Set-Cookie: a=1", "X-Request-ID: req_1", "set-cookie: b=2", "SET-COOKIE: c=3"]
    server = serve(answering(response(b"hi", headers=fields)))
    answer = make_pool(server.url).request("GET", "/", headers={})
    assert dict(answer.headers) == {
        "content-length": "2",
        "set-cookie": "a=1, b=2, c=3",
        "x-request-id": "req_1",
    }


@pytest.mark.parametrize("apart", [True, False], ids=["apart", "together"])
def test_interim_1xx_responses_are_skipped(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], apart: bool
) -> None:
    interim = [
        b"HTTP/1.1 103 Early Hints\r\nlink: </a.css>\r\n\r\n",
        b"HTTP/1.1 100 Continue\r\n\r\n",
    ]
    final = response(b"final", status="201 Created")
    pieces = [*interim, final] if apart else [b"".join([*interim, final])]

    def handle(conn: socket.socket) -> None:
        read_request(conn)
        for piece in pieces:
            conn.sendall(piece)
            time.sleep(0.02)
        answering(response(b"next"))(conn)

    server = serve(handle)
    pool = make_pool(server.url)
    answer = pool.request("POST", "/", headers={}, content=b"x")
    assert (answer.status_code, dict(answer.headers), answer.content) == (
        201,
        {"content-length": "5"},
        b"final",
    )
    assert pool.request("GET", "/", headers={}).content == b"next"
    assert server.accepted == 1


def test_a_head_request_does_not_wait_for_a_body(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    server = serve(answering(b"HTTP/1.1 200 OK\r\ncontent-length: 1234\r\n\r\n"))
    answer = make_pool(server.url, timeout=2.0).request("HEAD", "/", headers={})
    assert (answer.status_code, answer.headers["content-length"], answer.content) == (
        200,
        "1234",
        b"",
    )


def test_head_only_returns_at_the_head_and_drops_the_connection(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    dropped = threading.Event()

    def handle(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 429 Too Many Requests\r\ncontent-length: 1000\r\n\r\n0123456789")
        hold(conn)
        dropped.set()

    server = serve(handle)
    answer = make_pool(server.url).request("GET", "/", headers={}, head_only=True)
    assert answer.status_code == 429 and answer.headers["content-length"] == "1000"
    assert b"0123456789".startswith(answer.content)
    assert dropped.wait(5)


# -- connection reuse -----------------------------------------------------------------------


def test_keep_alive_reuses_one_connection(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    seen: list[bytes] = []
    server = serve(answering(response(b"same"), seen))
    pool = make_pool(server.url)
    answers = [pool.request("GET", f"/{n}", headers={}) for n in range(3)]
    assert [a.content for a in answers] == [b"same"] * 3
    assert len(seen) == 3 and server.accepted == 1


@pytest.mark.parametrize(
    ("status_line", "fields", "connections"),
    [
        ("HTTP/1.1 200 OK", ["connection: close"], 2),
        ("HTTP/1.1 200 OK", ["Connection: Close"], 2),
        ("HTTP/1.0 200 OK", [], 2),
        ("HTTP/1.0 200 OK", ["connection: keep-alive"], 1),
    ],
)
def test_a_connection_the_server_will_not_keep_is_not_reused(
    serve: Callable[..., Server],
    make_pool: Callable[..., Http1Pool],
    status_line: str,
    fields: list[str],
    connections: int,
) -> None:
    # The server keeps its end open: only the response's own words say not to reuse it.
    head = "\r\n".join([status_line, "content-length: 2", *fields]) + "\r\n\r\n"
    server = serve(answering(head.encode() + b"ok"))
    pool = make_pool(server.url)
    assert [pool.request("GET", "/", headers={}).content for _ in range(2)] == [b"ok", b"ok"]
    assert server.accepted == connections


def test_bytes_after_the_response_keep_its_answer_and_retire_the_connection(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    """A second, unasked-for response in the same packet must not replace the first one, and
    leaves the connection out of step: it is not used again."""
    extra = response(b"not yours", status="500 Internal Server Error", headers=["x-extra: 1"])
    server = serve(answering(response(b"ok", headers=["x-first: 1"]) + extra))
    pool = make_pool(server.url)
    answers = [pool.request("GET", "/", headers={}) for _ in range(2)]
    assert [(a.status_code, a.content, dict(a.headers)) for a in answers] == [
        (200, b"ok", {"content-length": "2", "x-first": "1"})
    ] * 2
    assert server.accepted == 2


@pytest.mark.parametrize("version", ["HTTP/1.1", "HTTP/1.0"])
def test_a_body_without_length_runs_to_the_connection_close(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], version: str
) -> None:
    def handle(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(f"{version} 200 OK\r\ncontent-type: text/plain\r\n\r\nhello ".encode())
        time.sleep(0.02)
        conn.sendall(b"world")

    server = serve(handle)
    pool = make_pool(server.url)
    answers = [pool.request("GET", "/", headers={}) for _ in range(2)]
    assert [(a.status_code, a.content) for a in answers] == [(200, b"hello world")] * 2
    assert dict(answers[0].headers) == {"content-type": "text/plain"}
    assert server.accepted == 2


@pytest.mark.parametrize(
    "goodbye",
    [b"", b"HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"],
    ids=["silent", "408"],
)
def test_an_idle_connection_the_server_closed_is_replaced(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], goodbye: bytes
) -> None:
    closed = threading.Event()

    def handle(conn: socket.socket) -> None:  # one request per connection, then close
        read_request(conn)
        conn.sendall(response(b"answer"))
        time.sleep(0.02)
        conn.sendall(goodbye)  # what some servers say as they drop an idle connection
        conn.close()
        closed.set()

    server = serve(handle)
    pool = make_pool(server.url)
    assert pool.request("GET", "/", headers={}).content == b"answer"
    assert closed.wait(5)
    assert pool.request("GET", "/", headers={}).content == b"answer"
    assert server.accepted == 2


def test_a_kept_connection_closed_on_the_next_request_is_retried_once(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    seen: list[bytes] = []
    connections = itertools.count()

    def handle(conn: socket.socket) -> None:
        if next(connections) > 0:
            answering(response(b"fresh"), seen)(conn)
            return
        seen.append(read_request(conn))
        conn.sendall(response(b"first"))
        seen.append(read_request(conn))  # then closes without a byte of answer

    server = serve(handle)
    pool = make_pool(server.url)
    assert pool.request("GET", "/1", headers={}).content == b"first"
    assert pool.request("POST", "/2", headers={}, content=b"again").content == b"fresh"
    assert server.accepted == 2
    assert [request.split(b" ")[1] for request in seen] == [b"/1", b"/2", b"/2"]
    assert seen[1] == seen[2] and seen[2].endswith(b"\r\n\r\nagain")


def test_a_kept_connection_cut_mid_response_is_not_retried(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    def handle(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(response(b"first"))
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-le")

    server = serve(handle)
    pool = make_pool(server.url)
    assert pool.request("GET", "/", headers={}).content == b"first"
    with pytest.raises(httpx.RemoteProtocolError):
        pool.request("GET", "/", headers={})
    assert server.accepted == 1


def test_a_fresh_connection_closed_without_an_answer_is_an_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    server = serve(read_request)  # reads the request, then closes
    with pytest.raises(httpx.RemoteProtocolError):
        make_pool(server.url).request("GET", "/", headers={})
    assert server.accepted == 1


def test_close_closes_idle_connections(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    ended: list[threading.Event] = []

    def handle(conn: socket.socket) -> None:
        ended.append(threading.Event())
        answering(response())(conn)
        ended[-1].set()

    server = serve(handle)
    pool = make_pool(server.url)
    pool.request("GET", "/", headers={})
    pool.close()
    assert ended[0].wait(5)
    # A closed pool still answers, but keeps nothing.
    assert pool.request("GET", "/", headers={}).content == b"ok"
    assert server.accepted == 2 and ended[1].wait(5)


# -- broken responses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "pieces",
    [
        [b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n", b"only ten b"],
        [b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhel"],
        [b"HTTP/1.1 200 OK\r\ncontent-"],
    ],
    ids=["content-length", "chunked", "head"],
)
def test_a_response_cut_short_is_an_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], pieces: list[bytes]
) -> None:
    def handle(conn: socket.socket) -> None:
        read_request(conn)
        for piece in pieces:
            conn.sendall(piece)
            time.sleep(0.02)

    server = serve(handle)
    with pytest.raises(httpx.RemoteProtocolError):
        make_pool(server.url).request("GET", "/", headers={})
    assert server.accepted == 1


@pytest.mark.parametrize(
    "garbage",
    [
        b"SSH-2.0-OpenSSH_9.6\r\n",
        b"HTTP/1.1 200 OK\r\ncontent-length: lots\r\n\r\n",
        b"HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n",
    ],
    ids=["not-http", "bad-length", "upgrade"],
)
def test_garbage_instead_of_http_is_an_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], garbage: bytes
) -> None:
    server = serve(replying(garbage))
    with pytest.raises(httpx.RemoteProtocolError):
        make_pool(server.url).request("GET", "/", headers={})


def test_a_head_over_64_kib_is_an_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    padding = b"".join(b"x-pad-%d: %s\r\n" % (n, b"a" * 100) for n in range(700))
    server = serve(replying(b"HTTP/1.1 200 OK\r\n" + padding))
    with pytest.raises(httpx.RemoteProtocolError, match="head is too large"):
        make_pool(server.url).request("GET", "/", headers={})


@pytest.mark.parametrize(
    "reply",
    [
        response(b"a" * 1001),
        chunked(b"b" * 500, b"c" * 501),
        response(gzip.compress(b"\0" * 100_000), headers=["content-encoding: gzip"]),
    ],
    ids=["content-length", "chunked", "gzip"],
)
def test_a_body_over_the_limit_is_an_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], reply: bytes
) -> None:
    server = serve(answering(reply))
    with pytest.raises(httpx.RemoteProtocolError, match="over 1000 bytes"):
        make_pool(server.url, max_body_bytes=1000).request("GET", "/", headers={})


def test_a_body_at_the_limit_is_whole(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    server = serve(answering(response(b"a" * 1000)))
    answer = make_pool(server.url, max_body_bytes=1000).request("GET", "/", headers={})
    assert answer.content == b"a" * 1000


# -- content encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("GZIP", gzip.compress),
        ("deflate", zlib.compress),
    ],
)
def test_a_compressed_body_is_decoded(
    serve: Callable[..., Server],
    make_pool: Callable[..., Http1Pool],
    encoding: str,
    compress: Callable[[bytes], bytes],
) -> None:
    text = json.dumps({"choices": [{"message": {"content": "hé" * 500}}]}).encode()
    server = serve(answering(response(compress(text), headers=[f"content-encoding: {encoding}"])))
    pool = make_pool(server.url)
    assert [pool.request("GET", "/", headers={}).json() for _ in range(2)] == [json.loads(text)] * 2
    assert server.accepted == 1


@pytest.mark.parametrize(
    ("encoding", "body"), [("br", b"\x0b\x02\x80hi\x03"), ("gzip", b"not gzip at all")]
)
def test_an_undecodable_body_is_a_decoding_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], encoding: str, body: bytes
) -> None:
    server = serve(answering(response(body, headers=[f"content-encoding: {encoding}"])))
    with pytest.raises(httpx.DecodingError):
        make_pool(server.url).request("GET", "/", headers={})


# -- connecting and timeouts ----------------------------------------------------------------


def test_a_refused_connection_is_a_connect_error(make_pool: Callable[..., Http1Pool]) -> None:
    with socket.socket() as bound:  # bound, never listening: connections to it are refused
        bound.bind(("127.0.0.1", 0))
        pool = make_pool(f"http://127.0.0.1:{bound.getsockname()[1]}")
        with pytest.raises(httpx.ConnectError):
            pool.request("GET", "/", headers={})


@pytest.mark.parametrize(
    "sent", [b"", b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nhalf"], ids=["silent", "stalled"]
)
def test_a_server_that_stops_answering_is_a_read_timeout(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], sent: bytes
) -> None:
    server = serve(replying(sent))
    with pytest.raises(httpx.ReadTimeout):
        make_pool(server.url, timeout=0.2).request("GET", "/", headers={})
    assert server.accepted == 1


def trickling(started: threading.Event, release: threading.Event) -> Handler:
    """A chunked answer, one byte every 10 ms until `release`: in flight, never timing out."""

    def handle(conn: socket.socket) -> None:
        while read_request(conn):
            started.set()
            conn.sendall(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
            while not release.wait(0.01):
                conn.sendall(b"1\r\nx\r\n")
            conn.sendall(b"0\r\n\r\n")

    return handle


def test_a_full_pool_makes_the_next_request_wait(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    started, release = threading.Event(), threading.Event()
    server = serve(trickling(started, release))
    pool = make_pool(server.url, max_connections=1, timeout=10.0)
    with ThreadPoolExecutor(2) as executor:
        try:
            first = executor.submit(pool.request, "GET", "/first", headers={})
            assert started.wait(5)
            second = executor.submit(pool.request, "GET", "/second", headers={})
            time.sleep(0.1)
            assert not second.done()
        finally:
            release.set()
        assert first.result(5).content.startswith(b"x")
        assert second.result(5).status_code == 200
    assert server.accepted == 1  # the second waited for the first's connection


def test_a_request_that_cannot_get_a_connection_in_time_is_a_pool_timeout(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    started, release = threading.Event(), threading.Event()
    server = serve(trickling(started, release))
    # `timeout` is also the read timeout: the first request keeps receiving, so only the
    # wait for a connection can run out.
    pool = make_pool(server.url, max_connections=1, timeout=0.5)
    with ThreadPoolExecutor(1) as executor:
        try:
            first = executor.submit(pool.request, "GET", "/first", headers={})
            assert started.wait(5)
            with pytest.raises(httpx.PoolTimeout):
                pool.request("GET", "/second", headers={})
        finally:
            release.set()
        assert first.result(5).status_code == 200
    assert server.accepted == 1


# -- construction ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base_url", "proxy"),
    [
        ("http:///openai/v1", None),
        ("https://", None),
        ("api.groq.com", None),
        ("ftp://api.groq.com", None),
        ("https://api.groq.com", "socks5://127.0.0.1:1080"),
        ("https://api.groq.com", "https://proxy.example:3128"),
        ("https://api.groq.com", "http://"),
    ],
)
def test_an_unusable_url_is_refused_at_construction(base_url: str, proxy: str | None) -> None:
    with pytest.raises(ValueError, match=r"URL|proxies"):
        Http1Pool(base_url, timeout=1.0, connect_timeout=1.0, proxy=proxy)


# -- TLS ------------------------------------------------------------------------------------


def _certificate(
    subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Certificate | None, signer: Any
) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.BasicConstraints(ca=issuer is None, path_length=None), critical=True)
    )
    if issuer is None:
        usage = x509.KeyUsage(True, False, False, False, False, True, True, False, False)
        builder = builder.add_extension(usage, critical=True)
    else:
        names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
        ski = issuer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        builder = (
            builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False
            )
        )
    return builder.sign(signer, hashes.SHA256())


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ssl.SSLContext]:
    """A throwaway CA's file, and a server context with a certificate it signed for loopback."""
    directory = tmp_path_factory.mktemp("tls")
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("vault test CA", ca_key, None, ca_key)
    leaf = _certificate("localhost", key, ca, ca_key)
    pem = serialization.Encoding.PEM
    (directory / "ca.pem").write_bytes(ca.public_bytes(pem))
    (directory / "server.pem").write_bytes(leaf.public_bytes(pem))
    private = key.private_bytes(
        pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (directory / "server.key").write_bytes(private)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(directory / "server.pem", directory / "server.key")
    return directory / "ca.pem", server_context


def test_tls_end_to_end_with_a_trusted_ca(
    serve: Callable[..., Server],
    make_pool: Callable[..., Http1Pool],
    tls: tuple[Path, ssl.SSLContext],
) -> None:
    ca, server_context = tls
    seen: list[bytes] = []
    server = serve(answering(response(b"secret"), seen), server_context)
    trusting = ssl.create_default_context(cafile=ca)
    pool = make_pool(server.url, ssl_context=trusting)
    assert [pool.request("GET", "/", headers={}).content for _ in range(2)] == [b"secret"] * 2
    assert server.accepted == 1
    assert seen[0] == f"GET / HTTP/1.1\r\nhost: 127.0.0.1:{server.port}\r\n\r\n".encode()


def test_tls_with_an_unknown_ca_is_a_connect_error(
    serve: Callable[..., Server],
    make_pool: Callable[..., Http1Pool],
    tls: tuple[Path, ssl.SSLContext],
) -> None:
    seen: list[bytes] = []
    server = serve(answering(response(b"secret"), seen), tls[1])
    with pytest.raises(httpx.ConnectError):
        make_pool(server.url).request("GET", "/", headers={})  # certifi's CAs only
    assert seen == []


# -- egress proxy ---------------------------------------------------------------------------


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_an_http_origin_goes_through_the_proxy_in_absolute_form(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    seen: list[bytes] = []
    proxy = serve(answering(response(b"proxied"), seen))
    pool = make_pool(
        "http://api.example.test:8080", proxy=f"http://user:p%40ss%20w0rd@127.0.0.1:{proxy.port}"
    )
    answer = pool.request("POST", "/v1/x?a=b", headers={"accept": "*/*"}, content=b"hi")
    assert answer.content == b"proxied"
    assert seen == [
        b"POST http://api.example.test:8080/v1/x?a=b HTTP/1.1\r\nhost: api.example.test:8080\r\n"
        + f"accept: */*\r\nproxy-authorization: {_basic('user', 'p@ss w0rd')}\r\n".encode()
        + b"content-length: 2\r\n\r\nhi"
    ]


def test_a_proxy_without_credentials_gets_no_proxy_authorization(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    seen: list[bytes] = []
    proxy = serve(answering(response(), seen))
    pool = make_pool("http://api.example.test", proxy=f"http://127.0.0.1:{proxy.port}")
    pool.request("GET", "/v1", headers={})
    pool.request("GET", "/v1", headers={})
    request = b"GET http://api.example.test/v1 HTTP/1.1\r\nhost: api.example.test\r\n\r\n"
    assert seen == [request, request] and proxy.accepted == 1


@pytest.mark.parametrize(
    ("origin", "target"),
    [("https://api.groq.test", "api.groq.test:443"), ("https://[::1]:8443", "[::1]:8443")],
)
def test_a_refused_tunnel_is_a_proxy_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool], origin: str, target: str
) -> None:
    seen: list[bytes] = []
    refusal = response(b"<html>credentials, please</html>", status="407 Proxy Auth Required")
    proxy = serve(answering(refusal, seen))
    pool = make_pool(origin, proxy=f"http://user:pw@127.0.0.1:{proxy.port}")
    with pytest.raises(httpx.ProxyError, match="407"):
        pool.request("GET", "/openai/v1/models", headers={"authorization": "Bearer k"})
    assert seen == [
        f"CONNECT {target} HTTP/1.1\r\nhost: {target}\r\n"
        f"proxy-authorization: {_basic('user', 'pw')}\r\n\r\n".encode()
    ]


def test_a_proxy_that_does_not_answer_the_connect_is_a_connect_timeout(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    proxy = serve(replying())
    pool = make_pool(
        "https://api.groq.test", proxy=f"http://127.0.0.1:{proxy.port}", connect_timeout=0.2
    )
    with pytest.raises(httpx.ConnectTimeout):
        pool.request("GET", "/", headers={})


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def tunnelling(origin_port: int, seen: list[bytes]) -> Handler:
    """A CONNECT proxy that sends every tunnel to 127.0.0.1:`origin_port`."""

    def handle(conn: socket.socket) -> None:
        seen.append(read_request(conn))
        conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        with socket.create_connection(("127.0.0.1", origin_port)) as upstream:
            back = threading.Thread(target=_pump, args=(upstream, conn), daemon=True)
            back.start()
            _pump(conn, upstream)
            back.join(5)

    return handle


def test_an_https_origin_goes_through_a_connect_tunnel(
    serve: Callable[..., Server],
    make_pool: Callable[..., Http1Pool],
    tls: tuple[Path, ssl.SSLContext],
) -> None:
    ca, server_context = tls
    at_origin: list[bytes] = []
    at_proxy: list[bytes] = []
    origin = serve(answering(response(b"through"), at_origin), server_context)
    proxy = serve(tunnelling(origin.port, at_proxy))
    pool = make_pool(
        f"https://localhost:{origin.port}",
        proxy=f"http://user:pw@127.0.0.1:{proxy.port}",
        ssl_context=ssl.create_default_context(cafile=ca),
    )
    assert [pool.request("GET", "/v1", headers={}).content for _ in range(2)] == [b"through"] * 2
    authority = f"localhost:{origin.port}"
    assert at_proxy == [
        f"CONNECT {authority} HTTP/1.1\r\nhost: {authority}\r\n"
        f"proxy-authorization: {_basic('user', 'pw')}\r\n\r\n".encode()
    ]
    # Inside the tunnel: origin form, and the proxy's credentials stay with the proxy.
    assert at_origin == [f"GET /v1 HTTP/1.1\r\nhost: {authority}\r\n\r\n".encode()] * 2
    assert proxy.accepted == 1 and origin.accepted == 1


# -- against the fake Groq ------------------------------------------------------------------


def _groq_headers(key: str = FAKE_GROQ_KEY) -> dict[str, str]:
    return {"authorization": f"Bearer {key}", "content-type": "application/json"}


def test_a_chat_completion_against_the_fake_groq(
    url: str, app: Starlette, make_pool: Callable[..., Http1Pool]
) -> None:
    pool = make_pool(url)
    body = json.dumps(
        {"model": "llama-3.3-70b-versatile", "messages": [{"role": "user", "content": "héllo"}]}
    ).encode()
    answer = pool.request(
        "POST", "/openai/v1/chat/completions", headers=_groq_headers(), content=body
    )
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.json()["object"] == "chat.completion"
    models = pool.request("GET", "/openai/v1/models", headers=_groq_headers())
    assert models.status_code == 200 and models.json()["object"] == "list"
    received = app.state.received
    assert [(r.method, r.path) for r in received] == [
        ("POST", "/openai/v1/chat/completions"),
        ("GET", "/openai/v1/models"),
    ]
    assert received[0].body == body and received[1].body == b""
    assert received[0].headers["authorization"] == f"Bearer {FAKE_GROQ_KEY}"


def test_a_chunked_stream_from_the_fake_groq_arrives_whole(
    url: str, make_pool: Callable[..., Http1Pool]
) -> None:
    body = json.dumps(
        {
            "model": "llama-3.3-70b-versatile",
            "messages": [{"role": "user", "content": "tell me a long story"}],
            "stream": True,
        }
    ).encode()
    answer = make_pool(url).request(
        "POST", "/openai/v1/chat/completions", headers=_groq_headers(), content=body
    )
    assert answer.status_code == 200 and answer.headers["transfer-encoding"] == "chunked"
    events = [line for line in answer.text.split("\n\n") if line]
    assert len(events) > 2 and events[-1] == "data: [DONE]"
    assert all(event.startswith("data: ") for event in events)


def test_an_error_status_from_the_fake_groq_is_an_answer(
    url: str, make_pool: Callable[..., Http1Pool]
) -> None:
    answer = make_pool(url).request("GET", "/openai/v1/models", headers=_groq_headers("wrong"))
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "invalid_api_key"


# -- streams on the event loop (AsyncHttp1Pool) ---------------------------------------------


def _stream(pool: Http1Pool, path: str = "/", **options: Any) -> tuple[int, list[bytes]]:
    """Open one stream on a fresh event loop and read it to its end: (status, body pieces)."""

    async def run() -> tuple[int, list[bytes]]:
        streams = AsyncHttp1Pool(pool, **options)
        try:
            stream = await streams.stream("POST", path, headers={}, content=b"{}")
            return stream.status_code, [piece async for piece in stream.aiter_bytes()]
        finally:
            await streams.aclose()

    return asyncio.run(run())


def test_a_stream_yields_its_chunks_as_they_arrive_and_keeps_the_connection(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    seen: list[bytes] = []
    server = serve(answering(chunked(b"data: 1\n\n", b"data: 2\n\n"), seen))
    pool = make_pool(server.url)

    async def twice() -> list[list[bytes]]:
        streams = AsyncHttp1Pool(pool)
        bodies = []
        for _ in range(2):
            stream = await streams.stream("POST", "/chat", headers={"a": "b"}, content=b"{}")
            assert stream.status_code == 200
            bodies.append([piece async for piece in stream.aiter_bytes()])
            assert stream.is_closed
        await streams.aclose()
        return bodies

    assert asyncio.run(twice()) == [[b"data: 1\n\n", b"data: 2\n\n"]] * 2
    assert server.accepted == 1  # read to its end, the connection went back to the pool
    assert (
        seen[0]
        == (
            f"POST /chat HTTP/1.1\r\nhost: 127.0.0.1:{server.port}\r\na: b\r\n"
            "content-length: 2\r\n\r\n{}"
        ).encode()
    )


def test_a_stream_in_fragments_arrives_whole(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    wire = chunked(b"data: one\n\n", b"data: two\n\n")
    server = serve(replying(*split(wire, [3, 17, 40, len(wire) - 2]), pause=0.01))
    status, pieces = _stream(make_pool(server.url))
    assert status == 200
    assert b"".join(pieces) == b"data: one\n\ndata: two\n\n"


def test_a_stream_cut_mid_body_is_a_protocol_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    def cut(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n")

    server = serve(cut)
    with pytest.raises(httpx.RemoteProtocolError):
        _stream(make_pool(server.url))


def test_a_compressed_stream_is_decoded(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    packed = gzip.compress(b"data: " + b"x" * 5000 + b"\n\n")
    wire = chunked(packed[: len(packed) // 2], packed[len(packed) // 2 :])
    wire = wire.replace(b"\r\n\r\n", b"\r\ncontent-encoding: gzip\r\n\r\n", 1)
    server = serve(answering(wire))
    _, pieces = _stream(make_pool(server.url))
    assert b"".join(pieces) == b"data: " + b"x" * 5000 + b"\n\n"


def test_a_stream_that_stops_is_a_read_timeout_and_a_refused_one_a_connect_error(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    silent = serve(replying(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"))
    with pytest.raises(httpx.ReadTimeout):
        _stream(make_pool(silent.url, timeout=0.2))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(httpx.ConnectError):
        _stream(make_pool(f"http://127.0.0.1:{port}"))


def test_an_idle_stream_connection_the_server_closed_is_replaced(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    def once(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(chunked(b"data: 1\n\n"))  # keep-alive framing, then the server hangs up

    server = serve(once)
    pool = make_pool(server.url)

    async def twice() -> list[bytes]:
        streams = AsyncHttp1Pool(pool)
        bodies = []
        for _ in range(2):
            stream = await streams.stream("POST", "/", headers={}, content=b"{}")
            bodies.append(b"".join([piece async for piece in stream.aiter_bytes()]))
            await asyncio.sleep(0.05)  # lets the server's close arrive
        await streams.aclose()
        return bodies

    assert asyncio.run(twice()) == [b"data: 1\n\n"] * 2
    assert server.accepted == 2


def test_closing_a_stream_early_drops_its_connection_and_frees_its_slot(
    serve: Callable[..., Server], make_pool: Callable[..., Http1Pool]
) -> None:
    server = serve(
        replying(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\nab\n\n\r\n")
    )
    pool = make_pool(server.url)

    async def run() -> None:
        streams = AsyncHttp1Pool(pool, max_connections=1)
        for _ in range(2):  # the second would wait forever if the first kept its slot
            stream = await streams.stream("POST", "/", headers={}, content=b"{}")
            assert [await anext(aiter(stream.aiter_bytes()))] == [b"ab\n\n"]
            await stream.aclose()
            assert stream.is_closed
        await streams.aclose()

    asyncio.run(run())
    assert server.accepted == 2


def test_tls_streams_with_a_trusted_ca(
    serve: Callable[..., Server],
    make_pool: Callable[..., Http1Pool],
    tls: tuple[Path, ssl.SSLContext],
) -> None:
    ca, server_context = tls
    server = serve(answering(chunked(b"data: secret\n\n")), server_context)
    pool = make_pool(server.url, ssl_context=ssl.create_default_context(cafile=ca))
    assert _stream(pool) == (200, [b"data: secret\n\n"])
    with pytest.raises(httpx.ConnectError):
        _stream(make_pool(server.url))  # certifi's CAs only
