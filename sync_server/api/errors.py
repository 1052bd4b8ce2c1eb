"""Every error leaves the server as JSON: {"error": {"code", "message", "field"}}.

Validation errors (422) name the field at fault; unexpected failures give a
500 with a generic message and are logged on the server, never sent back
with a stack trace.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import CustosError, NotFound, ValidationError

from ..errors import ApiError
from ..storage.migrate import DatabaseError
from ..storage.reconnect import first_line, lost_connection

log = logging.getLogger("sync_server")

RETRY_AFTER_S = 5
_BUSY_MARKERS = ("database is locked", "database table is locked",  # SQLite
                 "lock timeout", "could not obtain lock", "deadlock detected")  # PostgreSQL


def _is_busy(exc: OperationalError) -> bool:
    """Whether a database error means only "locked by someone else, try again"."""
    text = str(getattr(exc, "orig", exc)).lower()
    return any(marker in text for marker in _BUSY_MARKERS)

_STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 406: "not_acceptable", 413: "too_large",
    415: "unsupported_media_type", 422: "invalid_input", 423: "account_locked",
    429: "too_many_requests",
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def error_response(status: int, code: str, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "field": field}}
    return JSONResponse(body, status_code=status, headers=headers)


def _field_of(loc: tuple) -> str | None:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or None


def install(app: FastAPI) -> None:
    """Register the JSON error handlers on `app`."""

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError):
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        field = _field_of(tuple(first.get("loc", ())))
        msg = first.get("msg", "invalid value")
        if first.get("type") == "value_error":  # our own validators' reasons, as written
            msg = msg.removeprefix("Value error, ")
        if first.get("type") == "json_invalid":
            field, msg = "body", "is not valid JSON"
        message = f"{field}: {msg}" if field else msg
        return error_response(422, "invalid_input", message, field)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.field, exc.headers)

    @app.exception_handler(ValidationError)
    async def _domain_validation(_request: Request, exc: ValidationError):
        return error_response(422, "invalid_input", str(exc), exc.field)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, exc: NotFound):
        return error_response(404, "not_found", str(exc))

    @app.exception_handler(DatabaseError)
    async def _database(_request: Request, exc: DatabaseError):
        log.error("database unusable: %s", exc)
        return error_response(503, "database_unavailable", "the server database is not available")

    @app.exception_handler(CustosError)
    async def _custos(_request: Request, exc: CustosError):
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = _STATUS_CODES.get(exc.status_code, "error")
        if exc.status_code == 404:
            message = f"no such endpoint: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(DBAPIError)
    async def _dbapi(request: Request, exc: DBAPIError):
        if lost_connection(exc):
            # Lost again after storage/reconnect.py ran the request once more, or on a
            # route that does not: the database is restarting or unreachable. The device
            # keeps its changes; any a lost COMMIT did keep come back as replays.
            log.error("database connection lost on %s %s: %s", request.method,
                      request.url.path, first_line(exc))
            return error_response(
                503, "database_unavailable", "the server cannot reach its database just "
                "now; try again in a moment (nothing was lost: unsent changes stay on the "
                "device)", headers={"Retry-After": str(RETRY_AFTER_S)})
        if isinstance(exc, OperationalError) and _is_busy(exc):
            # Many devices writing at once (SQLite has one write lock): the request
            # did nothing and can simply be sent again, so say so rather than 500.
            log.warning("database busy on %s %s", request.method, request.url.path)
            return error_response(
                503, "server_busy", "the server is busy with other devices' changes; "
                "sync again in a moment (nothing was lost: unsent changes stay on the device)",
                headers={"Retry-After": str(RETRY_AFTER_S)})
        return await _unexpected(request, exc)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error",
                              "the server failed to handle this request; the error was logged")
