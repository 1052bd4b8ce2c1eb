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

from ..errors import Forbidden, Unauthorized
from ..services import auth
from ..services.auth import Principal
from ..storage.engine import reading
from .context import ServerContext, get_context

_bearer = HTTPBearer(auto_error=False, description="access token from /api/v1/auth/login")


def current_user(credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
                 ctx: ServerContext = Depends(get_context)) -> Principal:
    """The authenticated caller; 401 if the access token is missing, expired or revoked."""
    if credentials is None:
        raise Unauthorized("sign in first: no bearer access token was given",
                           code="missing_token")
    with reading(ctx.engine) as conn:  # a lookup only: never waits for the write lock
        result = auth.authenticate(conn, access_token=credentials.credentials,
                                   now=ctx.settings.clock())
    if isinstance(result, auth.Refusal):
        raise Unauthorized(result.message, code=result.code)
    if result.first_use:  # once per access token: a small write, not one per request
        with ctx.engine.begin() as conn:
            auth.mark_access_used(conn, session_id=result.session_id, now=ctx.settings.clock())
    return result


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
