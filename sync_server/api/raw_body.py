"""Request bodies validated straight from their bytes.

FastAPI reads a JSON body into Python objects and then validates them; for a
push of hundreds of changes that costs several times what pydantic's own
validation of the raw bytes does (`model_validate_json`). Routes whose bodies
are large take their body through `json_body(Model)` instead, and
`document(app, Model)` puts the model into /openapi.json as if FastAPI had
read it itself. Errors are the same 422 `invalid_input` answers, naming the
field.
"""
from __future__ import annotations

from typing import Any, Callable

import pydantic
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi

_REF = "#/components/schemas/{model}"


def json_body(model: type[pydantic.BaseModel]) -> Callable[[Request], Any]:
    """A dependency that returns the request body validated as `model`."""

    async def read(request: Request) -> pydantic.BaseModel:
        raw = await request.body()
        try:
            return model.model_validate_json(raw)
        except pydantic.ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors()]) from None

    return read


def request_body(model: type[pydantic.BaseModel]) -> dict[str, Any]:
    """`openapi_extra` of a route whose body is read with `json_body(model)`."""
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": _REF.format(model=model.__name__)}}}}}


def document(app: FastAPI, *models: type[pydantic.BaseModel]) -> None:
    """Add `models` (and the models they use) to the app's /openapi.json components."""
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes,
                                 description=app.description)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                found = model.model_json_schema(ref_template=_REF)
                components.update(found.pop("$defs", {}))
                components[model.__name__] = found
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
