"""Sign-in, refresh, sign-out and the caller's profile."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from ...errors import Locked, Unauthorized
from ...services import auth, passwords
from ..context import ServerContext, get_context, origin
from ..errors import ErrorBody
from ..models import HashPolicy, LoginRequest, LoginResponse, RefreshRequest, TokenResponse, UserOut
from ..security import Principal, current_user

router = APIRouter(tags=["auth"])

_ERRORS = {401: {"model": ErrorBody}, 422: {"model": ErrorBody}}


def _tokens(result: auth.Tokens, ctx: ServerContext) -> dict:
    return dict(
        access_token=result.access_token,
        expires_in=int(ctx.settings.access_token_ttl.total_seconds()),
        access_expires_at=result.access_expires_at,
        refresh_token=result.refresh_token,
        refresh_expires_at=result.refresh_expires_at,
        session_id=result.session_id,
        user=UserOut.of(result.profile),
    )


def _raise(refusal: auth.Refusal) -> None:
    if refusal.code == "account_locked":
        raise Locked(refusal.message)
    raise Unauthorized(refusal.message, code=refusal.code)


@router.post("/auth/login", response_model=LoginResponse,
             responses={**_ERRORS, 423: {"model": ErrorBody}})
def login(body: LoginRequest, request: Request,
          ctx: ServerContext = Depends(get_context)) -> LoginResponse:
    """Check the password and open a session for this device; 5 failures in 15 minutes lock
    the username for 15 minutes."""
    with ctx.engine.begin() as conn:  # commits the failure count and audit even on refusal
        result = auth.login(conn, settings=ctx.settings, username=body.username,
                            password=body.password, device_id=body.device_id,
                            device_name=body.device_name, origin=origin(request, body.device_id))
    if isinstance(result, auth.Refusal):
        _raise(result)
    return LoginResponse(**_tokens(result, ctx), offline_login=HashPolicy(**passwords.hash_policy()))


@router.post("/auth/refresh", response_model=TokenResponse, responses=_ERRORS)
def refresh(body: RefreshRequest, request: Request,
            ctx: ServerContext = Depends(get_context)) -> TokenResponse:
    """Exchange a refresh token for a new access and refresh token. A refresh token works
    once: presenting it again ends the device's session."""
    with ctx.engine.begin() as conn:
        result = auth.refresh(conn, settings=ctx.settings, refresh_token_value=body.refresh_token,
                              device_id=body.device_id, origin=origin(request, body.device_id))
    if isinstance(result, auth.Refusal):
        _raise(result)
    return TokenResponse(**_tokens(result, ctx))


@router.post("/auth/logout", status_code=204, response_class=Response, responses=_ERRORS)
def logout(request: Request, user: Principal = Depends(current_user),
           ctx: ServerContext = Depends(get_context)) -> Response:
    """End this device's session: its access and refresh tokens stop working."""
    with ctx.engine.begin() as conn:
        auth.logout(conn, principal=user, now=ctx.settings.clock(),
                    origin=origin(request, user.device_id))
    return Response(status_code=204)


@router.get("/me", response_model=UserOut, responses={401: {"model": ErrorBody}})
def me(user: Principal = Depends(current_user)) -> UserOut:
    """The signed-in user: username, roles, facilities and readable data classes."""
    return UserOut.of(user.profile)
