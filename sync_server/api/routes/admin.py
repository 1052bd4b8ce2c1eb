"""Administration: device sessions and their revocation (role `admin`)."""
from __future__ import annotations

from fastapi import APIRouter, Body, Depends, Path, Request

from app.core.roles import ADMIN

from ...services import auth
from ..context import ServerContext, get_context, origin
from ..errors import ErrorBody
from ..models import DEVICE_ID_PATTERN, DeviceSessionOut, RevokeRequest, RevokeResult
from ..security import Principal, require_roles

router = APIRouter(prefix="/admin", tags=["admin"],
                   responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}})

_DevicePath = Path(max_length=100, pattern=DEVICE_ID_PATTERN)


@router.get("/devices", response_model=list[DeviceSessionOut])
def devices(active: bool = True, user: Principal = Depends(require_roles(ADMIN)),
            ctx: ServerContext = Depends(get_context)) -> list[DeviceSessionOut]:
    """Sessions by device, newest first (only active ones unless active=false)."""
    with ctx.engine.begin() as conn:
        rows = auth.list_sessions(conn, active_only=active)
    return [DeviceSessionOut(**vars(r)) for r in rows]


@router.post("/devices/{device_id}/revoke", response_model=RevokeResult,
             responses={404: {"model": ErrorBody}})
def revoke(request: Request, device_id: str = _DevicePath,
           body: RevokeRequest | None = Body(default=None),
           user: Principal = Depends(require_roles(ADMIN)),
           ctx: ServerContext = Depends(get_context)) -> RevokeResult:
    """End every session on a device: its tokens stop working at once and it must sign in
    again with a password."""
    reason = (body or RevokeRequest()).reason
    with ctx.engine.begin() as conn:
        ended = auth.revoke_device(conn, device_id=device_id, now=ctx.settings.clock(),
                                   actor=user.username, origin=origin(request, user.device_id),
                                   reason=reason)
    return RevokeResult(device_id=device_id, sessions_ended=ended)
