"""The SSE decoder: any chunking of a valid stream decodes to the same events, per the spec."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vault.domain.sse import SseDecoder, SseEvent, encode_event

# Data lines may hold anything but line breaks; multi-line data is joined with "\n".
_line = st.text(st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]), max_size=40)
_events = st.lists(
    st.builds(
        SseEvent,
        data=st.lists(_line, min_size=1, max_size=3).map("\n".join),
        event=st.none() | st.sampled_from(["error", "message", "ping"]),
    ),
    max_size=8,
)


def _decode(chunks: list[bytes]) -> list[SseEvent]:
    decoder = SseDecoder()
    events: list[SseEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.close())
    return events


def _split(wire: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({min(c, len(wire)) for c in cuts})
    return [wire[a:b] for a, b in zip([0, *points], [*points, len(wire)], strict=True)]


@given(events=_events, cuts=st.lists(st.integers(min_value=0, max_value=4000), max_size=30))
def test_any_chunking_decodes_to_the_encoded_events(events: list[SseEvent], cuts: list[int]):
    wire = b"".join(encode_event(e.data, event=e.event) for e in events)
    assert _decode(_split(wire, cuts)) == events


@given(
    events=_events,
    newline=st.sampled_from([b"\n", b"\r\n", b"\r"]),
    cuts=st.lists(st.integers(min_value=0, max_value=4000), max_size=30),
)
def test_every_line_ending_decodes_alike(events: list[SseEvent], newline: bytes, cuts: list[int]):
    wire = b"".join(encode_event(e.data, event=e.event) for e in events)
    wire = wire.replace(b"\n", newline)
    assert _decode(_split(wire, cuts)) == events


@given(st.binary(max_size=300), st.lists(st.integers(min_value=0, max_value=300), max_size=10))
def test_arbitrary_bytes_never_raise(wire: bytes, cuts: list[int]):
    events = _decode(_split(wire, cuts))
    assert all(isinstance(e.data, str) for e in events)


def test_one_byte_at_a_time_with_multibyte_utf8():
    wire = encode_event('{"content": "Zoë ☃ 日本"}') + encode_event("[DONE]")
    chunks = [wire[i : i + 1] for i in range(len(wire))]
    assert _decode(chunks) == [SseEvent('{"content": "Zoë ☃ 日本"}'), SseEvent("[DONE]")]


def test_comments_ids_and_retry_are_ignored_and_empty_events_not_dispatched():
    wire = b": ping\n\nid: 7\nretry: 100\n\nevent: error\n\ndata:x\ndata: y\n\n"
    assert _decode([wire]) == [SseEvent("x\ny")]


def test_a_field_without_colon_and_a_cr_at_the_end_of_a_chunk():
    decoder = SseDecoder()
    assert decoder.feed(b"data\r") == []
    assert decoder.feed(b"\n\r\n") == [SseEvent("")]
    assert decoder.feed(b"data: tail\r") == []
    assert decoder.close() == []  # no blank line: the last event is incomplete


def test_an_event_without_its_blank_line_is_dropped_at_close():
    assert _decode([b"data: a\n\ndata: b\n"]) == [SseEvent("a")]
