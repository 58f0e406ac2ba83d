"""The upstreams of `VAULT_UPSTREAMS_FILE` behind one LlmClient: each request goes to the
upstreams that serve its model, in priority order, failing over from one to the next."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from pydantic import SecretStr

from vault.adapters.upstream._client import UpstreamClient, UpstreamStream
from vault.adapters.upstream._failover import first_answer, first_stream, none_answered
from vault.domain.upstreams import UpstreamsConfig, UpstreamSpec
from vault.errors import InvalidRequest, NotFound, UpstreamError, UpstreamUnavailable
from vault.ports import UpstreamResponse
from vault.settings import Settings

__all__ = ["RoutedClient"]


class RoutedClient:
    """An LlmClient over several upstreams, one UpstreamClient (one breaker) each.

    A request for a model goes to the upstreams whose patterns match it, lowest priority
    first; the next is asked when one is unreachable, answers 5xx after its retries, or has
    its breaker open, with the very bytes the first was given. Answers and streams carry the
    name of the upstream that gave them (`upstream`), which the proxy audits. No upstream
    serving the model: NotFound 404 `model_not_found` (nothing sent); all failing: 503 naming
    each (name, origin, why). The model list is the union of what each upstream lists and is
    routed to serve. Files and batches live on one upstream: the first in priority order.
    """

    def __init__(self, config: UpstreamsConfig, clients: Mapping[str, UpstreamClient]) -> None:
        missing = {spec.name for spec in config.upstreams} - set(clients)
        if missing:
            raise ValueError(f"no client for upstreams {sorted(missing)}")
        self._config = config
        self._clients = dict(clients)
        self._ordered = tuple(self._clients[spec.name] for spec in config.ordered)
        # When every upstream serves every model, no request body needs reading to route it.
        self._everywhere = config.any_model_anywhere

    @staticmethod
    def from_settings(
        settings: Settings, *, environ: Mapping[str, str] | None = None, **overrides: Any
    ) -> RoutedClient:
        """The clients of `settings.upstreams`, keys read from the variables the file names."""
        config = settings.upstreams
        if config is None:
            raise ValueError("VAULT_UPSTREAMS_FILE is not set")
        environ = os.environ if environ is None else environ
        several = len(config.upstreams) > 1
        clients = {}
        for spec in config.upstreams:
            options: dict[str, Any] = {
                "base_url": spec.url,
                "api_key": _key(spec, settings, environ),
                "name": spec.name,
                "key_variable": spec.api_key_env or f"api_key_env of upstream {spec.name}",
                "timeout": settings.groq_timeout_seconds,
                "max_retries": settings.groq_max_retries,
                # A refused connection goes to the next upstream at once, not after backoff.
                "retry_unreachable": not several,
            }
            clients[spec.name] = UpstreamClient(**(options | overrides))
        return RoutedClient(config, clients)

    def __repr__(self) -> str:
        return f"RoutedClient({', '.join(repr(c) for c in self._ordered)})"

    @property
    def clients(self) -> tuple[UpstreamClient, ...]:
        """Every upstream's client, in priority order."""
        return self._ordered

    # -- routed by model ------------------------------------------------------------------

    def chat(self, payload: bytes) -> UpstreamResponse:
        return first_answer(self._for_body(payload), lambda client: client.chat(payload))

    async def stream_chat(self, payload: bytes) -> UpstreamStream:
        return await first_stream(self._for_body(payload), payload)

    def embeddings(self, payload: bytes) -> UpstreamResponse:
        return first_answer(self._for_body(payload), lambda client: client.embeddings(payload))

    def get_model(self, model_id: str) -> UpstreamResponse:
        return first_answer(self._for_model(model_id), lambda c: c.get_model(model_id))

    def transcribe(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        return first_answer(
            self._for_field(fields),
            lambda c: c.transcribe(audio, filename=filename, fields=fields),
        )

    def translate(
        self, audio: bytes, *, filename: str, fields: Mapping[str, str | list[str]]
    ) -> UpstreamResponse:
        return first_answer(
            self._for_field(fields),
            lambda c: c.translate(audio, filename=filename, fields=fields),
        )

    def list_models(self) -> UpstreamResponse:
        """Every model some upstream lists and is routed to serve, the first lister's entry
        kept for an id several list. Upstreams that fail are left out; all failing: 503."""
        models: dict[str, Any] = {}
        first: UpstreamResponse | None = None
        failures: list[tuple[UpstreamClient, Exception]] = []
        for spec in self._config.ordered:
            client = self._clients[spec.name]
            try:
                answer = client.list_models()
            except (UpstreamError, UpstreamUnavailable) as exc:
                failures.append((client, exc))
                continue
            first = first or answer
            data = answer.json.get("data") if isinstance(answer.json, dict) else None
            for entry in data if isinstance(data, list) else ():
                model = entry.get("id") if isinstance(entry, dict) else None
                if isinstance(model, str) and spec.serves(model):
                    models.setdefault(model, entry)
        if first is None:
            if len(failures) == 1:
                raise failures[0][1]
            raise none_answered(failures)
        body = {"object": "list", "data": list(models.values())}
        return UpstreamResponse(
            status=first.status, json=body, headers=first.headers, upstream=first.upstream
        )

    # -- files and batches: one upstream ----------------------------------------------------

    @property
    def _home(self) -> UpstreamClient:
        return self._ordered[0]

    def upload_file(self, content: bytes, *, filename: str, purpose: str) -> UpstreamResponse:
        return self._home.upload_file(content, filename=filename, purpose=purpose)

    def get_file(self, file_id: str) -> UpstreamResponse:
        return self._home.get_file(file_id)

    def delete_file(self, file_id: str) -> UpstreamResponse:
        return self._home.delete_file(file_id)

    def file_content(self, file_id: str) -> bytes:
        return self._home.file_content(file_id)

    def upload_file_stream(
        self, chunks: Iterable[bytes], *, filename: str, purpose: str
    ) -> UpstreamResponse:
        return self._home.upload_file_stream(chunks, filename=filename, purpose=purpose)

    def file_content_stream(self, file_id: str) -> Iterator[bytes]:
        return self._home.file_content_stream(file_id)

    def create_batch(self, payload: bytes) -> UpstreamResponse:
        return self._home.create_batch(payload)

    def get_batch(self, batch_id: str) -> UpstreamResponse:
        return self._home.get_batch(batch_id)

    def list_batches(self) -> UpstreamResponse:
        return self._home.list_batches()

    def cancel_batch(self, batch_id: str) -> UpstreamResponse:
        return self._home.cancel_batch(batch_id)

    def close(self) -> None:
        for client in self._ordered:
            client.close()

    async def aclose(self) -> None:
        for client in self._ordered:
            await client.aclose()

    # -- routing --------------------------------------------------------------------------

    def _for_model(self, model: str) -> tuple[UpstreamClient, ...]:
        if self._everywhere:
            return self._ordered
        route = self._config.route(model)
        if not route:
            # The model id is not repeated: the caller knows it, the logs need not.
            raise NotFound(
                "no configured upstream serves this model", code="model_not_found", param="model"
            )
        return tuple(self._clients[spec.name] for spec in route)

    def _for_body(self, payload: bytes) -> tuple[UpstreamClient, ...]:
        if self._everywhere:
            return self._ordered
        try:
            model = json.loads(payload).get("model")
        except (ValueError, AttributeError):
            model = None
        if not isinstance(model, str):
            raise InvalidRequest("model must be a string", code="invalid_model", param="model")
        return self._for_model(model)

    def _for_field(self, fields: Mapping[str, str | list[str]]) -> tuple[UpstreamClient, ...]:
        model = fields.get("model")
        if self._everywhere:
            return self._ordered
        if not isinstance(model, str):
            raise InvalidRequest("model must be a string", code="invalid_model", param="model")
        return self._for_model(model)


def _key(spec: UpstreamSpec, settings: Settings, environ: Mapping[str, str]) -> SecretStr | None:
    """The key in the variable `spec` names; the vault's own key variables as Settings read
    them (a `.env` file included), any other from the environment."""
    if spec.api_key_env is None:
        return None
    known: dict[str, Callable[[], SecretStr | None]] = {
        "GROQ_API_KEY": lambda: settings.groq_api_key,
        "VAULT_UPSTREAM_API_KEY": lambda: settings.upstream_api_key,
        "VAULT_FALLBACK_API_KEY": lambda: settings.fallback_api_key,
    }
    if spec.api_key_env in known:
        return known[spec.api_key_env]()
    value = environ.get(spec.api_key_env, "")
    return SecretStr(value) if value else None
