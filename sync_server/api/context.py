"""What every request handler needs: the settings and the database engine."""
from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import Engine

from ..services.audit import Origin
from ..settings import Settings


@dataclass(frozen=True)
class ServerContext:
    settings: Settings
    engine: Engine


async def get_context(request: Request) -> ServerContext:
    """FastAPI dependency: the context of the app serving this request.

    `async` because it never blocks: FastAPI runs a plain `def` dependency on a worker
    thread, a hop per dependency per request that cost more than the lookup itself."""
    return request.app.state.context


def client_ip(request: Request) -> str | None:
    """The peer address (uvicorn resolves X-Forwarded-For from trusted proxies only)."""
    return request.client.host if request.client else None


def origin(request: Request, device_id: str | None) -> Origin:
    """Where an API action came from, for the audit log."""
    return Origin("api", client_ip(request), device_id)
