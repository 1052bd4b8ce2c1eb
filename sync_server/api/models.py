"""Request and response bodies of the API (they define /openapi.json)."""
from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from app.core import roles as role_rules

from ..services import accounts
from ..services.passwords import MAX_LENGTH as PASSWORD_MAX
from ..storage.tables import DEVICE_ID_MAX

DEVICE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"

DeviceId = Field(min_length=1, max_length=DEVICE_ID_MAX, pattern=DEVICE_ID_PATTERN,
                 description="stable id of the client device (e.g. a UUID)")


class _Shape(BaseModel):
    """A part of a request body: unknown fields refused."""

    model_config = ConfigDict(extra="forbid")


NUL_REFUSED = "must not contain NUL characters (U+0000)"


class _Strict(_Shape):
    """A request body: unknown fields refused, and text no database column can hold.

    PostgreSQL's text cannot hold NUL (U+0000); such a value reached it as a 500, and
    SQLite would have stored it, so the backends disagreed. Every text field of every
    request is checked here, so a field added later is too. A password is only ever
    hashed, never stored, so it may hold any character its owner chose."""

    _MAY_HOLD_NUL: ClassVar[frozenset[str]] = frozenset({"password"})

    @field_validator("*")
    @classmethod
    def _no_nul(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str) and "\x00" in value and info.field_name not in cls._MAY_HOLD_NUL:
            raise ValueError(NUL_REFUSED)
        return value


class LoginRequest(_Strict):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=PASSWORD_MAX)
    device_id: str = DeviceId
    device_name: str = Field(min_length=1, max_length=200,
                             description="human-readable name of the device")


class RefreshRequest(_Strict):
    refresh_token: str = Field(min_length=1, max_length=200)
    device_id: str = DeviceId


class FacilityOut(BaseModel):
    code: str
    name: str


class UserOut(BaseModel):
    username: str
    roles: list[str]
    facilities: list[FacilityOut]
    all_facilities: bool = Field(description="true for roles that read every facility")
    readable_data_classes: list[str]

    @classmethod
    def of(cls, profile: accounts.UserProfile) -> "UserOut":
        return cls(
            username=profile.username,
            roles=list(profile.roles),
            facilities=[FacilityOut(code=f.code, name=f.name) for f in profile.facilities],
            all_facilities=profile.all_facilities,
            readable_data_classes=sorted(role_rules.readable_classes(profile.roles)),
        )


class HashPolicy(BaseModel):
    """How the client must hash the password for offline sign-in on this device."""

    algorithm: str
    time_cost: int
    memory_cost_kib: int
    parallelism: int
    hash_len: int
    salt_len: int
    normalisation: str
    min_length: int


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    access_expires_at: dt.datetime
    refresh_token: str
    refresh_expires_at: dt.datetime
    session_id: str
    user: UserOut


class LoginResponse(TokenResponse):
    offline_login: HashPolicy


class DatabaseInfo(BaseModel):
    backend: str
    schema_revision: str


class Health(BaseModel):
    status: str
    server_version: str
    api_version: int
    database: DatabaseInfo
    time: dt.datetime


class DeviceSessionOut(BaseModel):
    session_id: str
    device_id: str
    device_name: str
    username: str
    client_ip: str | None
    created_at: dt.datetime
    last_used_at: dt.datetime
    revoked_at: dt.datetime | None
    revoked_reason: str | None


class RevokeRequest(_Strict):
    reason: str = Field(default="revoked by an administrator", min_length=1, max_length=200)


class RevokeResult(BaseModel):
    device_id: str
    sessions_ended: int
