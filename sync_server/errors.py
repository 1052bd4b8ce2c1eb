"""Errors the server turns into JSON responses (and the CLI into one line).

Each carries an HTTP status, a stable machine-readable `code`, a message a
person can act on and, where one field is at fault, its name.
"""
from __future__ import annotations

from app.core.errors import CustosError


class ApiError(CustosError):
    """An error with an HTTP status and a stable code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.headers = headers or {}
        if code is not None:
            self.code = code


class Unauthorized(ApiError):
    """No valid credentials: sign in (again)."""

    status = 401
    code = "unauthorized"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message, code=code, field=field,
                         headers={"WWW-Authenticate": "Bearer"})


class Forbidden(ApiError):
    """Signed in, but the role or facility does not allow this."""

    status = 403
    code = "forbidden"


class Locked(ApiError):
    """The account is locked after too many failed sign-ins."""

    status = 423
    code = "account_locked"
