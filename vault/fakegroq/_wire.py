"""What the fake's JSON endpoints share: Groq's error body, and the first checks of a request
(a JSON object, no unknown property, a model the endpoint serves) with Groq's own wording."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

__all__ = ["error", "error_body", "model_of", "read_object", "read_request"]


def error_body(
    message: str, *, code: str | None = None, param: str | None = None
) -> dict[str, Any]:
    """What Groq puts under "error": message, type, and code and param where they apply."""
    body: dict[str, Any] = {"message": message, "type": "invalid_request_error"}
    if code is not None:
        body["code"] = code
    if param is not None:
        body["param"] = param
    return body


def error(
    status: int, message: str, *, code: str | None = None, param: str | None = None
) -> JSONResponse:
    """Groq's error answer: `{"error": error_body(...)}` with `status`."""
    return JSONResponse({"error": error_body(message, code=code, param=param)}, status_code=status)


async def read_object(
    request: Request, fields: frozenset[str] | None = None
) -> dict[str, Any] | JSONResponse:
    """The request's JSON object, or the 400 Groq answers: not JSON, not an object, or (when
    `fields` is given) the first property not among them."""
    try:
        body = json.loads(await request.body())
    except ValueError:
        return error(400, "We could not parse the JSON body of your request.")
    if not isinstance(body, dict):
        return error(400, "'$' : value must be an object")
    if fields is not None:
        for name in body:
            if name not in fields:
                return error(400, f"property '{name}' is unsupported")
    return body


def model_of(body: dict[str, Any], serves: Callable[[str], bool]) -> str | JSONResponse:
    """The body's model if the endpoint `serves` it; else a 400 (not a string) or a 404."""
    model = body.get("model")
    if not isinstance(model, str):
        return error(400, "'model' : value must be a string", param="model")
    if not serves(model):
        return error(
            404,
            f"The model `{model}` does not exist or you do not have access to it.",
            code="model_not_found",
        )
    return model


async def read_request(
    request: Request, fields: frozenset[str], serves: Callable[[str], bool]
) -> tuple[dict[str, Any], str] | JSONResponse:
    """A model endpoint's body and model (read_object, then model_of), or the first refusal."""
    body = await read_object(request, fields)
    if isinstance(body, JSONResponse):
        return body
    model = model_of(body, serves)
    if isinstance(model, JSONResponse):
        return model
    return body, model
