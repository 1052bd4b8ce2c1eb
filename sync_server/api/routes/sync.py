"""POST /sync/push, POST /sync/pull and GET /sync/status (see app.core.protocol)."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import anyio
import orjson
from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy import and_, bindparam, literal, select

from app.core import codec, protocol

from ...errors import ApiError
from ...services import auth
from ...services import pull as pull_service
from ...services import push as push_service
from ...services.models import ModelStore
from ...services.sequences import SyncState, state_in
from ...storage.engine import pushes_take_turns, reading
from ...storage.pipelines import Pipeline, pipelined
from ...storage.reconnect import once_more_if_disconnected
from ...storage.sync_tables import conflict, device
from ...storage.tables import session
from ..context import ServerContext, origin
from ..errors import ErrorBody
from ..push_lane import PushLane
from ..raw_body import json_body, request_body
from ..security import BEARER_SECURITY, Principal, admitted, bearer_token_of, current_user
from ..sync_models import PullIn, PullOut, PushIn, PushOut, SyncStatusOut
from .models import get_model_store

router = APIRouter(prefix="/sync", tags=["sync"])


def push_lane(app) -> PushLane | None:
    """The app's lane for pushes, made on first use; None where pushes share the request
    threads (storage.engine.pushes_take_turns)."""
    if not pushes_take_turns(app.state.context.engine):
        return None
    lane = getattr(app.state, "push_lane", None)
    if lane is None:
        lane = app.state.push_lane = PushLane(app.state.context.engine)
    return lane


class VersionRefused(ApiError):
    """426: the client must be upgraded (or the server); it keeps its outbox meanwhile."""

    status = 426


def _header_int(value: str | None, name: str) -> int | None:
    if not value:  # absent (the body is checked then)
        return None
    try:
        return int(value)
    except ValueError:
        raise ApiError(f"header {name} must be a whole number, not {value[:20]!r}",
                       field=name) from None


def _refuse_versions(protocol_version: int | None, schema_version: int | None) -> None:
    problem = protocol.version_problem(protocol_version, schema_version)
    if problem:
        code, message = problem
        raise VersionRefused(message, code=code, field="protocol")


def _version_headers(protocol_header: str, schema_header: str) -> tuple[int, int] | None:
    """Refuse a client whose headers state versions this server cannot serve; None when
    the headers are absent (the body is checked then). An empty header counts as absent."""
    p = _header_int(protocol_header, protocol.PROTOCOL_HEADER)
    s = _header_int(schema_header, protocol.SCHEMA_HEADER)
    if p is None and s is None:
        return None
    _refuse_versions(p, s)
    return p, s


@dataclass(frozen=True)
class SyncCall:
    """What a sync route reads from its request's headers (`sync_call`)."""

    versions: tuple[int, int] | None
    access_token: str
    ctx: ServerContext


async def sync_call(request: Request) -> SyncCall:
    """The version headers (refused first: 426, before anything else is read), the
    bearer token (401 if there is none) and the app's context, in one dependency.
    As four dependencies, FastAPI's resolving them cost ~5 % of a sync's server CPU;
    their documentation in /openapi.json is `_SYNC_OPENAPI`'s. `async`: it never blocks."""
    headers = request.headers
    versions = _version_headers(headers.get(protocol.PROTOCOL_HEADER, ""),
                                headers.get(protocol.SCHEMA_HEADER, ""))
    return SyncCall(versions, bearer_token_of(headers.get("authorization")),
                    request.app.state.context)


def _header_parameter(name: str, description: str) -> dict:
    return {"name": name, "in": "header", "required": False, "description": description,
            "schema": {"type": "string", "default": ""}}


_SYNC_OPENAPI = {
    "security": BEARER_SECURITY,
    "parameters": [
        _header_parameter(protocol.PROTOCOL_HEADER, "the client's protocol version"),
        _header_parameter(protocol.SCHEMA_HEADER, "the client's replicated schema version"),
    ]}


def _check_body_versions(headers: tuple[int, int] | None, body) -> None:
    if headers is None:
        _refuse_versions(body.protocol, body.schema_)


_VERSION_ERRORS = {
    401: {"model": ErrorBody, "description": "not signed in, or the token expired or was revoked"},
    403: {"model": ErrorBody, "description": "the body names another device than the session's"},
    422: {"model": ErrorBody, "description": "the message does not follow the protocol"},
    426: {"model": ErrorBody, "description": "client_too_old / client_too_new: update; "
          "the client keeps its outbox"},
}


@router.post("/push", response_model=PushOut,
             openapi_extra={**_SYNC_OPENAPI, **request_body(PushIn)}, responses={
    **_VERSION_ERRORS,
    409: {"model": ErrorBody, "description": "sequence_gap: the batch does not start at the "
          "next device_seq the server expects (stated in the message)"}})
async def push(request: Request, call: SyncCall = Depends(sync_call),
               body: PushIn = Depends(json_body(PushIn))) -> Response:
    """Apply a batch of the device's outbox, in device_seq order, in one transaction.
    Every change comes back applied, duplicate (a replay: no second effect), conflict
    (both values kept in the conflict queue) or rejected (with a reason and field)."""
    _check_body_versions(call.versions, body)
    ctx, access_token = call.ctx, call.access_token
    message = protocol.PushRequest(
        device_id=body.device_id, epoch=body.epoch, audit_head=body.audit_head,
        changes=[protocol.Change(**c.__dict__) for c in body.changes])
    message.check()  # what the protocol asks beyond the body's shape

    def call_of(user: Principal) -> push_service.PushCall:
        return push_service.PushCall(user, message, ctx.settings.clock(),
                                     origin(request, user.device_id))

    def sign_in_check() -> Principal:
        return once_more_if_disconnected(current_user, access_token, ctx)

    lane = push_lane(request.app)
    if lane is None:  # one worker thread for the sign-in check and the push
        result = await anyio.to_thread.run_sync(lambda: once_more_if_disconnected(
            push_service.push_in_transaction, ctx.engine, call_of(sign_in_check())))
    else:  # the check is no reason to hold up the pushes taking turns
        user = await anyio.to_thread.run_sync(sign_in_check)
        result = await lane.push(call_of(user))
    # Serialised directly: the response model documents the body in /openapi.json.
    return _json_response(result.to_json())


@router.post("/pull", response_model=PullOut, responses={
    **_VERSION_ERRORS,
    409: {"model": ErrorBody, "description": "epoch_changed: the server was restored; pull "
          "from 0 and re-push after last_device_seq"}}, openapi_extra=_SYNC_OPENAPI)
def pull(request: Request, body: PullIn, call: SyncCall = Depends(sync_call)) -> PullOut:
    """A page of the rows changed after the cursor (per table, in their stored form),
    limited to the user's facilities and readable data classes, plus the rows that left
    the device's scope. The last page (protocol 3) carries the device's sync status."""
    _check_body_versions(call.versions, body)
    message = protocol.PullRequest.from_json(body.model_dump(by_alias=True))

    speaks_3 = _speaks_3(call.versions, body.protocol)

    def read_page() -> protocol.PullResponse:
        with reading(call.ctx.engine) as conn:
            # The caller, the page's head, and the device's status in case this is the
            # last page (it names the head served up to, so the device's cursor and
            # status agree), in one round trip.
            with pipelined(conn) as pipe:
                caller = authenticate_in(pipe, call)
                state_of = state_in(pipe)
                device_of = _device_status_in(pipe, call) if speaks_3 else None
            user = admitted(call.ctx, conn, caller())
            state = state_of()
            page = pull_service.pull(conn, principal=user, request=message, state=state)
            if not page.has_more and device_of is not None:
                page.status = _status_of(device_of(), user, state, get_model_store(request),
                                         protocol_3=True)
        return page

    result = once_more_if_disconnected(read_page)
    # Pages are large: serialised directly instead of validating every row through the
    # response model again (the model still documents the body in /openapi.json).
    return _json_response(result.to_json())


def _speaks_3(versions: tuple[int, int] | None, body_protocol: int | None = None) -> bool:
    """Whether the client reads protocol 3's additions (its headers say, else its body)."""
    spoken = versions[0] if versions is not None else body_protocol
    return spoken is not None and spoken >= 3


# Built once: every sync asks for its device's status (building cost more than reading).
# The device's checkpoint and its open conflicts in one round trip: a row per open
# conflict, each carrying the checkpoint, or one row with no conflict id. The device is
# the access token's session's, so that this is read together with the token's check
# (`authenticate_in`); its rows are only used once that check has admitted the caller.
_TOKEN_DEVICE = select(session.c.device_id) \
    .where(session.c.access_hash == bindparam("access_hash")).scalar_subquery()
_DEVICE_STATUS = select(
    select(device.c.last_seq).where(device.c.device_id == _TOKEN_DEVICE)
    .scalar_subquery().label("last_seq"), conflict.c.id,
).select_from(select(literal(1).label("one")).subquery().outerjoin(
    conflict, and_(conflict.c.client_device == _TOKEN_DEVICE, conflict.c.status == "open"))
).order_by(conflict.c.created_at, conflict.c.id)


def authenticate_in(pipe: Pipeline, call: SyncCall) -> Callable[[], Principal | auth.Refusal]:
    """The sync call's token check, sent in a pipeline with the route's first reads."""
    return auth.authenticate_in(pipe, access_token=call.access_token,
                                now=call.ctx.settings.clock())


def _device_status_in(pipe: Pipeline, call: SyncCall) -> Callable[[], Sequence[Any]]:
    """The calling device's checkpoint and open conflicts, read in a pipeline with other
    reads."""
    return pipe.mappings(_DEVICE_STATUS, {"access_hash": auth.token_hash(call.access_token)})


def _status_of(rows: Sequence[Any], user: Principal, state: SyncState, store: ModelStore,
               *, protocol_3: bool) -> protocol.SyncStatus:
    """What the server holds for the calling device (GET /sync/status, a pull's last page),
    from `_device_status_in`'s rows and the sync state read with them."""
    last = rows[0]["last_seq"] or 0  # none before the device's first push
    still_open = [row["id"] for row in rows if row["id"] is not None]
    return protocol.SyncStatus(
        device_id=user.device_id, epoch=state.epoch, last_device_seq=last,
        head_seq=state.head_seq, epoch_started_at=codec.to_json(state.epoch_started_at),
        open_conflicts=list(still_open),
        # A protocol 2 client refuses fields it does not know: it gets none of 3's.
        models_manifest=store.manifest_digest() if protocol_3 else None)


def _json_response(body: dict) -> Response:
    return Response(orjson.dumps(body), media_type="application/json")


@router.get("/status", response_model=SyncStatusOut, openapi_extra=_SYNC_OPENAPI,
            responses={401: {"model": ErrorBody}, 426: _VERSION_ERRORS[426]})
def status(request: Request, call: SyncCall = Depends(sync_call)) -> Response:
    """What the server holds for the calling device: the last device_seq it applied, the
    epoch, the newest server sequence, the open conflicts its changes caused and (protocol
    3) which model manifest is published, so a device that holds it skips fetching it."""
    speaks_3 = _speaks_3(call.versions)

    def read_status() -> protocol.SyncStatus:
        with reading(call.ctx.engine) as conn:
            with pipelined(conn) as pipe:  # one round trip
                caller = authenticate_in(pipe, call)
                state_of = state_in(pipe)
                device_of = _device_status_in(pipe, call)
            user = admitted(call.ctx, conn, caller())
        return _status_of(device_of(), user, state_of(), get_model_store(request),
                          protocol_3=speaks_3)

    found = once_more_if_disconnected(read_status)
    body = dataclasses.asdict(found)
    if not speaks_3:
        del body["models_manifest"]
    # Serialised directly: the response model only documents the body in /openapi.json
    # (validating it again cost a worker-thread hop per request).
    return _json_response(body)
