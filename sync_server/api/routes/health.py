"""GET /api/v1/health: is the server up, and which versions does it run."""
from __future__ import annotations

from fastapi import APIRouter, Depends

from ... import API_VERSION, SERVER_VERSION
from ...storage.migrate import current_revision
from ..context import ServerContext, get_context
from ..models import DatabaseInfo, Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(ctx: ServerContext = Depends(get_context)) -> Health:
    """Server and API versions and the database's schema revision (queried live)."""
    revision = current_revision(ctx.engine)
    return Health(
        status="ok",
        server_version=SERVER_VERSION,
        api_version=API_VERSION,
        database=DatabaseInfo(backend=ctx.engine.dialect.name, schema_revision=revision or ""),
        time=ctx.settings.clock(),
    )
