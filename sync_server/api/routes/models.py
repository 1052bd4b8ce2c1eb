"""Model distribution: the signed manifest and model files for devices; publishing and
withdrawal for administrators.

Devices fetch GET /models/manifest, verify it themselves
(app.scoring.registry.accept_manifest) and then fetch the files it lists
that they lack from GET /models/files/{name}. Administrators upload a
manifest signed offline with the release key: POST /admin/models/manifest
to publish new models, POST /admin/models/{model_id}/withdraw to withdraw
one (the upload must mark it withdrawn). Both are audited, refusals too.
"""
from __future__ import annotations

from fastapi import APIRouter, Body, Depends, Path, Request, Response
from pydantic import BaseModel

from app.core.roles import ADMIN

from ...services import models as model_service
from ...services.models import ManifestRejected, ModelStore
from ..context import ServerContext, get_context, origin
from ..errors import ErrorBody
from ..security import Principal, current_user, require_roles

router = APIRouter(tags=["models"], responses={401: {"model": ErrorBody}})

_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def get_model_store(request: Request) -> ModelStore:
    """The store of this app (app.state.model_store when set, else the installation's,
    kept there from the first request: every sync status names the manifest, and resolving
    the installation's folders each time cost more than the status's other work)."""
    store = getattr(request.app.state, "model_store", None)
    if store is None:
        store = request.app.state.model_store = ModelStore.default()
    return store


class Withdrawal(BaseModel):
    at: str
    reason: str


class ModelStatus(BaseModel):
    id: str
    version: str
    sha256: str
    expires: str
    withdrawn: Withdrawal | None = None


class PublishedManifest(BaseModel):
    sequence: int
    issued_at: str
    models: list[ModelStatus]

    @classmethod
    def of(cls, payload: dict) -> "PublishedManifest":
        return cls(sequence=payload["sequence"], issued_at=payload.get("issued_at", ""),
                   models=[ModelStatus(**{k: e.get(k) for k in ModelStatus.model_fields})
                           for e in payload["models"]])


@router.get("/models/manifest", responses={404: {"model": ErrorBody}},
            response_class=Response)
def manifest(user: Principal = Depends(current_user),
             store: ModelStore = Depends(get_model_store)) -> Response:
    """The published signed manifest, exactly as signed (devices verify it themselves)."""
    return Response(store.manifest_bytes(), media_type="application/json",
                    headers={"Cache-Control": "no-cache"})


@router.get("/models/files/{name}", responses={404: {"model": ErrorBody}},
            response_class=Response)
def model_file(name: str = Path(max_length=200, pattern=_NAME),
               user: Principal = Depends(current_user),
               store: ModelStore = Depends(get_model_store)) -> Response:
    """A model or model-card file listed in the published manifest."""
    data = store.file_bytes(name)
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _publish(request: Request, document: dict, user: Principal, ctx: ServerContext,
             store: ModelStore, withdraw: str | None) -> PublishedManifest:
    where = origin(request, user.device_id)
    try:
        with ctx.engine.begin() as conn:
            payload = model_service.publish(conn, store, document, now=ctx.settings.clock(),
                                            actor=user.username, origin=where,
                                            withdraw=withdraw)
    except ManifestRejected as exc:
        with ctx.engine.begin() as conn:
            model_service.record_refusal(conn, now=ctx.settings.clock(), actor=user.username,
                                         origin=where, reason=exc.reason, withdraw=withdraw)
        raise
    return PublishedManifest.of(payload)


@router.post("/admin/models/manifest", response_model=PublishedManifest,
             responses={403: {"model": ErrorBody}, 422: {"model": ErrorBody}})
def publish_manifest(request: Request, document: dict = Body(...),
                     user: Principal = Depends(require_roles(ADMIN)),
                     ctx: ServerContext = Depends(get_context),
                     store: ModelStore = Depends(get_model_store)) -> PublishedManifest:
    """Publish a manifest signed with the release key (newer than the published one)."""
    return _publish(request, document, user, ctx, store, withdraw=None)


@router.post("/admin/models/{model_id}/withdraw", response_model=PublishedManifest,
             responses={403: {"model": ErrorBody}, 422: {"model": ErrorBody}})
def withdraw_model(request: Request, model_id: str = Path(max_length=100, pattern=_NAME),
                   document: dict = Body(...),
                   user: Principal = Depends(require_roles(ADMIN)),
                   ctx: ServerContext = Depends(get_context),
                   store: ModelStore = Depends(get_model_store)) -> PublishedManifest:
    """Withdraw a model: the body is a newer signed manifest marking it withdrawn
    (`python -m models_onnx.manifest withdraw MODEL_ID --reason ... --key ...`)."""
    return _publish(request, document, user, ctx, store, withdraw=model_id)
