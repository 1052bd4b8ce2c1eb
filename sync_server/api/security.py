"""Authentication and authorisation for API endpoints.

`current_user` is the dependency every protected endpoint takes: it checks
the bearer access token against the session table on each request, so a
revoked device is refused immediately. Role and facility checks are done
here, on the server, whatever the client shows or hides:

    @router.get("/x/{facility}")
    def x(facility: str, user: Principal = Depends(current_user)):
        require_facility(user, facility)

    @router.post("/admin/y", dependencies=[Depends(require_roles("admin"))])
"""
from __future__ import annotations

from collections.abc import Callable

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy import Connection

from ..errors import Forbidden, Unauthorized
from ..services import auth
from ..services.auth import Principal
from ..storage.engine import reading, writing_beside
from .context import ServerContext, get_context

_bearer = HTTPBearer(auto_error=False, description="access token from /api/v1/auth/login")


def _no_token() -> Unauthorized:
    return Unauthorized("sign in first: no bearer access token was given", code="missing_token")


def bearer_token_of(authorization: str | None) -> str:
    """The access token of an `Authorization: Bearer ...` header (read as HTTPBearer
    reads it); 401 if there is none."""
    scheme, credentials = get_authorization_scheme_param(authorization)
    if not (authorization and scheme and credentials) or scheme.lower() != "bearer":
        raise _no_token()
    return credentials


async def bearer_token(
        credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> str:
    """The bearer access token of the request; 401 if none was given. `async`: it reads
    a header only, so it runs on the event loop without a worker-thread hop."""
    if credentials is None:
        raise _no_token()
    return credentials.credentials


BEARER_SECURITY = [{"HTTPBearer": []}]
"""The OpenAPI security requirement of a route that reads the token with
`bearer_token_of` (the scheme itself is published by `bearer_token`'s routes)."""


def signed_in(ctx: ServerContext, conn: Connection, access_token: str) -> Principal:
    """The caller behind `access_token`, checked on a connection the route already holds
    (the sync routes: one worker thread and one pooled connection a request, where a
    `current_user` dependency took a thread and a connection of its own); 401 if the
    token is expired or revoked. `conn` comes from `reading`."""
    return admitted(ctx, conn, auth.authenticate(conn, access_token=access_token,
                                                 now=ctx.settings.clock()))


def admitted(ctx: ServerContext, conn: Connection,
             checked: auth.Principal | auth.Refusal) -> Principal:
    """The caller `auth.authenticate` (or `authenticate_in`) found, or 401 with its
    refusal. The token's first use is noted on `conn` (from `reading`)."""
    if isinstance(checked, auth.Refusal):
        raise Unauthorized(checked.message, code=checked.code)
    if checked.first_use:  # once per access token: a small write, not one per request
        with writing_beside(conn) as writing:
            auth.mark_access_used(writing, session_id=checked.session_id,
                                  now=ctx.settings.clock())
    return checked


def current_user(access_token: str = Depends(bearer_token),
                 ctx: ServerContext = Depends(get_context)) -> Principal:
    """The authenticated caller; 401 if the access token is missing, expired or revoked."""
    with reading(ctx.engine) as conn:  # a lookup only: never waits for the write lock
        return signed_in(ctx, conn, access_token)


def require_roles(*roles: str) -> Callable[..., Principal]:
    """A dependency that admits only callers holding at least one of `roles`."""

    def dependency(user: Principal = Depends(current_user)) -> Principal:
        if not user.has_role(*roles):
            raise Forbidden(f"this needs one of the roles: {', '.join(roles)}")
        return user

    return dependency


def require_facility(user: Principal, code: str) -> None:
    """403 unless the caller may see facility `code`."""
    if not user.can_access_facility(code):
        raise Forbidden(f"you have no access to facility {code}", field="facility")


def require_data_class(user: Principal, data_class: str) -> None:
    """403 unless the caller's roles may read `data_class`."""
    if not user.may_read(data_class):
        raise Forbidden(f"your role may not read {data_class} data")
