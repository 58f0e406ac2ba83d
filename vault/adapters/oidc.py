"""An OpenID Connect relying party for the console: discovery, the authorization-code flow with
PKCE (S256), and the ID token checked against the issuer's JWKS (joserfc).

What the provider says is trusted only after the token's signature, issuer, audience, expiry
and nonce check out. Every failure is an AuthenticationFailed (code `oidc_failed`) whose message
names what was wrong, never a token or a claim's value; an unreachable provider is a
ServiceUnavailable (`oidc_unavailable`).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

import httpx
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from vault.errors import AuthenticationFailed, ServiceUnavailable

__all__ = ["OidcClient", "PkceStart", "pkce_start"]

# Asymmetric signatures only: an HS256 token would be checked with the client secret, which the
# provider and every client share.
_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA")
_LEEWAY_SECONDS = 60
_METADATA_TTL_SECONDS = 3600


def _failed(reason: str) -> AuthenticationFailed:
    return AuthenticationFailed(f"single sign-on failed: {reason}", code="oidc_failed")


def _unavailable(exc: Exception) -> ServiceUnavailable:
    error = ServiceUnavailable("the sign-in provider did not answer", code="oidc_unavailable")
    error.__cause__ = exc
    return error


@dataclass(frozen=True, slots=True)
class PkceStart:
    """What one sign-in attempt keeps until the provider sends the browser back."""

    state: str
    nonce: str
    verifier: str

    @property
    def challenge(self) -> str:
        digest = hashlib.sha256(self.verifier.encode("ascii")).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def pkce_start() -> PkceStart:
    return PkceStart(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        verifier=secrets.token_urlsafe(48),  # 64 characters, within RFC 7636's 43 to 128
    )


class OidcClient:
    def __init__(
        self,
        *,
        issuer: str,
        client_id: str,
        client_secret: str | None,
        scopes: str = "openid",
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self.client_id = client_id
        self._secret = client_secret
        self._scopes = scopes if "openid" in scopes.split() else f"openid {scopes}"
        self._http = httpx.Client(timeout=timeout, transport=transport, follow_redirects=False)
        self._lock = threading.Lock()
        self._metadata: dict[str, Any] | None = None
        self._metadata_at = 0.0
        self._keys: KeySet | None = None

    def close(self) -> None:
        self._http.close()

    def _get_json(self, url: str) -> dict[str, Any]:
        try:
            answer = self._http.get(url, headers={"accept": "application/json"})
        except httpx.HTTPError as exc:
            raise _unavailable(exc) from exc
        if answer.status_code != 200:
            raise _failed(
                f"the provider answered {answer.status_code} at {urllib.parse.urlsplit(url).path}"
            )
        try:
            body = answer.json()
        except ValueError:
            raise _failed("the provider's answer is not JSON") from None
        if not isinstance(body, dict):
            raise _failed("the provider's answer is not a JSON object")
        return body

    def metadata(self) -> dict[str, Any]:
        """The issuer's discovery document, cached for an hour; its `issuer` must be ours."""
        with self._lock:
            if (
                self._metadata is not None
                and time.monotonic() - self._metadata_at < _METADATA_TTL_SECONDS
            ):
                return self._metadata
        found = self._get_json(f"{self.issuer}/.well-known/openid-configuration")
        if str(found.get("issuer", "")).rstrip("/") != self.issuer:
            raise _failed("the discovery document names another issuer")
        for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not isinstance(found.get(name), str):
                raise _failed(f"the discovery document has no {name}")
        with self._lock:
            self._metadata, self._metadata_at = found, time.monotonic()
        return found

    def authorization_url(self, start: PkceStart, *, redirect_uri: str) -> str:
        endpoint = self.metadata()["authorization_endpoint"]
        query = urllib.parse.urlencode(
            {
                "response_type": "code",
                "client_id": self.client_id,
                "redirect_uri": redirect_uri,
                "scope": self._scopes,
                "state": start.state,
                "nonce": start.nonce,
                "code_challenge": start.challenge,
                "code_challenge_method": "S256",
            }
        )
        return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"

    def sign_in(self, start: PkceStart, *, code: str, redirect_uri: str) -> dict[str, Any]:
        """Exchange the code (with the PKCE verifier) and return the ID token's verified claims."""
        token_endpoint = self.metadata()["token_endpoint"]
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": self.client_id,
            "code_verifier": start.verifier,
        }
        try:
            if self._secret:  # client_secret_basic, what every provider accepts
                answer = self._http.post(
                    token_endpoint, data=form, auth=httpx.BasicAuth(self.client_id, self._secret)
                )
            else:  # a public client: PKCE alone
                answer = self._http.post(token_endpoint, data=form)
        except httpx.HTTPError as exc:
            raise _unavailable(exc) from exc
        if answer.status_code != 200:
            raise _failed(f"the token endpoint refused the code ({answer.status_code})")
        try:
            id_token = answer.json().get("id_token")
        except (ValueError, AttributeError):
            raise _failed("the token endpoint's answer is not a JSON object") from None
        if not isinstance(id_token, str):
            raise _failed("the token endpoint sent no id_token")
        return self.verify(id_token, nonce=start.nonce)

    def _key_set(self, *, refresh: bool) -> KeySet:
        with self._lock:
            if self._keys is not None and not refresh:
                return self._keys
        document = self._get_json(self.metadata()["jwks_uri"])
        try:
            keys = KeySet.import_key_set(document)  # type: ignore[arg-type]
        except (JoseError, ValueError, TypeError, KeyError):
            raise _failed("the provider's JWKS holds no usable key") from None
        with self._lock:
            self._keys = keys
        return keys

    def verify(self, id_token: str, *, nonce: str) -> dict[str, Any]:
        """The claims of an ID token signed by one of the issuer's keys, for this client, not
        expired, carrying `nonce`. A key id not in the cached JWKS fetches it once again."""
        token = None
        for refresh in (False, True):
            try:
                token = jwt.decode(id_token, self._key_set(refresh=refresh), algorithms=_ALGORITHMS)
                break
            except InvalidKeyIdError:  # rotated keys: fetch the JWKS once more, then give up
                if refresh:
                    raise _failed(
                        "the ID token is signed by a key the issuer does not publish"
                    ) from None
            except JoseError:
                raise _failed("the ID token's signature does not verify") from None
        assert token is not None
        registry = jwt.JWTClaimsRegistry(
            leeway=_LEEWAY_SECONDS,
            iss={"essential": True, "value": self.issuer},
            aud={"essential": True, "value": self.client_id},
            exp={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        try:
            registry.validate(token.claims)
        except JoseError as exc:
            claim = getattr(exc, "claim", None) or "a claim"
            raise _failed(f"the ID token's {claim} claim is missing, expired or not ours") from None
        return dict(token.claims)
