"""The HTTP API: `create_app(settings)` builds the FastAPI application.

The app refuses to start on a database that is not initialised, is older
than this server or was written by a newer one (see storage.migrate), so a
running server always matches its schema.
"""
from __future__ import annotations

from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from .. import API_VERSION, SERVER_VERSION
from ..settings import Settings
from ..storage.engine import make_engine, request_threads
from ..storage.migrate import check_current
from ..storage.wal_checkpoints import WalCheckpointer, database_path
from . import errors
from .context import ServerContext
from .raw_body import document
from .routes import admin, auth, conflicts, facilities, health, models, sync
from .sync_models import PushIn
from .timing import ServerTiming

API_PREFIX = f"/api/v{API_VERSION}"


def create_app(settings: Settings | None = None) -> FastAPI:
    """A ready-to-serve application on the database named by `settings`."""
    settings = settings or Settings()
    engine = make_engine(settings.database_url, background_checkpoints=True)
    try:
        check_current(engine)
    except Exception:
        engine.dispose()
        raise

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # Plain `def` routes and dependencies run on anyio's worker threads: as many at
        # once as suits the database (storage.engine.request_threads).
        anyio.to_thread.current_default_thread_limiter().total_tokens = \
            request_threads(engine)
        path = database_path(engine)
        checkpointer = WalCheckpointer(path).start() if path is not None else None
        try:
            yield
        finally:
            if checkpointer is not None:
                checkpointer.stop()
            engine.dispose()

    app = FastAPI(
        title="Custos sync server",
        version=SERVER_VERSION,
        openapi_url="/openapi.json",
        # The interactive docs load scripts from a CDN, which prison networks block.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.context = ServerContext(settings=settings, engine=engine)
    errors.install(app)
    # Sync first: the router tries each in turn, and syncs are nearly every request.
    for router in (sync.router, health.router, auth.router, facilities.router, admin.router,
                   conflicts.router, models.router):
        app.include_router(router, prefix=API_PREFIX)
    document(app, PushIn)  # read from its raw bytes (raw_body.json_body), so named here
    app.add_middleware(ServerTiming)
    return app

