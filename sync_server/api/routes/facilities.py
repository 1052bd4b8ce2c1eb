"""Facilities the caller may see (their own; every one for central office)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path

from app.core.errors import NotFound

from ...services import accounts
from ..context import ServerContext, get_context
from ..errors import ErrorBody
from ..models import FacilityOut
from ..security import Principal, current_user, require_facility

router = APIRouter(tags=["facilities"])


@router.get("/facilities", response_model=list[FacilityOut],
            responses={401: {"model": ErrorBody}})
def list_facilities(user: Principal = Depends(current_user),
                    ctx: ServerContext = Depends(get_context)) -> list[FacilityOut]:
    """The facilities in the caller's scope."""
    codes = None if user.profile.all_facilities else user.profile.facility_codes
    with ctx.engine.begin() as conn:
        found = accounts.list_facilities(conn, codes)
    return [FacilityOut(code=f.code, name=f.name) for f in found]


@router.get("/facilities/{code}", response_model=FacilityOut,
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                       404: {"model": ErrorBody}, 422: {"model": ErrorBody}})
def get_facility(code: str = Path(max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$",
                                  description="facility code (case does not matter)"),
                 user: Principal = Depends(current_user),
                 ctx: ServerContext = Depends(get_context)) -> FacilityOut:
    """One facility, if it is in the caller's scope (403 otherwise, whether or not it exists)."""
    code = code.upper()
    require_facility(user, code)
    with ctx.engine.begin() as conn:
        found = accounts.list_facilities(conn, [code])
    if not found:
        raise NotFound("facility", code)
    return FacilityOut(code=found[0].code, name=found[0].name)
