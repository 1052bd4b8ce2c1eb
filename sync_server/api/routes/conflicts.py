"""The conflict queue (central office): list, show, resolve."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from app.core.roles import CENTRAL_OFFICE

from ...services import conflicts
from ..context import ServerContext, get_context, origin
from ..errors import ErrorBody
from ..security import Principal, require_roles
from ..sync_models import ConflictOut, ConflictPage, ResolveIn

router = APIRouter(prefix="/conflicts", tags=["conflicts"],
                   responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                              422: {"model": ErrorBody}})

_Id = Path(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$",
           description="the conflict's id")


@router.get("", response_model=ConflictPage)
def list_conflicts(status: Literal["open", "resolved"] | None = Query(
                       default=None, description="only open or only resolved ones; all when "
                       "not given"),
                   limit: int = Query(default=100, ge=1, le=1000),
                   offset: int = Query(default=0, ge=0, le=10_000_000),
                   user: Principal = Depends(require_roles(CENTRAL_OFFICE)),
                   ctx: ServerContext = Depends(get_context)) -> ConflictPage:
    """Conflicts, oldest first, with the total count: every one, or only `status`."""
    with ctx.engine.begin() as conn:
        total, page = conflicts.list_conflicts(conn, status=status, limit=limit, offset=offset)
    return ConflictPage(total=total, conflicts=[ConflictOut(**vars(c)) for c in page])


@router.get("/{conflict_id}", response_model=ConflictOut,
            responses={404: {"model": ErrorBody}})
def show(conflict_id: str = _Id, user: Principal = Depends(require_roles(CENTRAL_OFFICE)),
         ctx: ServerContext = Depends(get_context)) -> ConflictOut:
    """One conflict with both values, their authors, devices and times."""
    with ctx.engine.begin() as conn:
        found = conflicts.get_conflict(conn, conflict_id)
    return ConflictOut(**vars(found))


@router.post("/{conflict_id}/resolve", response_model=ConflictOut,
             responses={404: {"model": ErrorBody},
                        409: {"model": ErrorBody, "description": "already resolved"}})
def resolve(body: ResolveIn, request: Request, conflict_id: str = _Id,
            user: Principal = Depends(require_roles(CENTRAL_OFFICE)),
            ctx: ServerContext = Depends(get_context)) -> ConflictOut:
    """Settle a conflict: keep the server's value, take the client's, or set another
    (choose=custom with value). This is a new change that names the conflict; every
    device in scope pulls it."""
    with ctx.engine.begin() as conn:
        done = conflicts.resolve(conn, conflict_id=conflict_id, choose=body.choose,
                                 value=body.value, note=body.note, principal=user,
                                 now=ctx.settings.clock(),
                                 origin=origin(request, user.device_id))
    return ConflictOut(**vars(done))
