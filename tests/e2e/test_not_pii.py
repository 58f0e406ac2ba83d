"""A text detection wrongly takes for PII can be marked not PII by the tenant's admin: it is
left as it is from then on, in every door, and nothing of it is kept or audited."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import httpx

from tests.e2e.conftest import Upstream, start_proxy
from tests.fakes import RegexDetector
from vault.domain.spans import Span
from vault.services.apikeys import create_api_key

PHRASE = "Reply in a friendly tone"
CHAT = "/openai/v1/chat/completions"


class OverEagerDetector(RegexDetector):
    """Takes a harmless instruction for a person's name, as small NER models do."""

    def detect(self, text: str) -> list[Span]:
        found = super().detect(text)
        at = text.find(PHRASE)
        return [*found, Span(at, at + len(PHRASE), "PERSON", 0.85)] if at != -1 else found


def test_a_phrase_marked_not_pii_is_left_as_it_is(tmp_path: Path, upstream: Upstream) -> None:
    with ExitStack() as stack:
        proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=OverEagerDetector())
        _, admin = create_api_key(proxy.vault.api_keys, tenant="acme", roles=["admin"])
        body = {"model": "llama-3.1-8b-instant", "messages": [{"role": "user", "content": f"{PHRASE}, and mail jane@example.com"}]}  # fmt: skip
        analyst = {"authorization": f"Bearer {proxy.keys['analyst']}"}
        with httpx.Client(base_url=proxy.url, timeout=30) as client:
            first = client.post(CHAT, json=body, headers=analyst)
            assert first.status_code == 200
            assert PHRASE.encode() not in upstream.received[-1].body  # tokenized, wrongly

            marked = client.post(
                "/v1/dsr/not-pii",
                json={"value": PHRASE},
                headers={"authorization": f"Bearer {admin}"},
            )
            assert marked.status_code == 200
            again = client.post(CHAT, json=body, headers=analyst)
            assert again.status_code == 200
            sent = upstream.received[-1].body
            assert PHRASE.encode() in sent  # left as it is now
            assert b"jane@example.com" not in sent  # the rest is still tokenized
            scanned = client.post("/v1/anonymize", json={"text": PHRASE}, headers=analyst)
            assert scanned.json()["text"] == PHRASE
        records = list(proxy.vault.audit.records("acme"))
        assert ("dsr.not_pii", "ok") in [(r.event.action, r.event.outcome) for r in records]
        assert PHRASE not in repr([r.as_dict() for r in records])


def test_another_tenant_still_gets_the_phrase_tokenized(tmp_path: Path, upstream: Upstream) -> None:
    with ExitStack() as stack:
        proxy = start_proxy(stack, tmp_path, groq_url=upstream.url, detector=OverEagerDetector())
        _, admin = create_api_key(proxy.vault.api_keys, tenant="acme", roles=["admin"])
        _, other = create_api_key(proxy.vault.api_keys, tenant="globex", roles=["analyst"])
        with httpx.Client(base_url=proxy.url, timeout=30) as client:
            client.post(
                "/v1/dsr/not-pii",
                json={"value": PHRASE},
                headers={"authorization": f"Bearer {admin}"},
            )
            answer = client.post(
                "/v1/anonymize", json={"text": PHRASE}, headers={"authorization": f"Bearer {other}"}
            )
        assert answer.json()["text"].startswith("PERSON_")
