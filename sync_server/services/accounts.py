"""Facilities and user accounts.

Everything is validated before the first write, so bad input leaves the
database as it was. Usernames are lower-cased and facility codes upper-cased,
so "Alice" and "alice" are one account and "mdi" names facility MDI.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Connection, bindparam, literal, select, union_all

from app.core import roles as role_rules
from app.core.errors import NotFound, ValidationError

from ..storage.tables import USERNAME_MAX, facility, user, user_facility, user_role
from . import audit, passwords

USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{1,%d}" % (USERNAME_MAX - 1))
FACILITY_CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,39}")


def normalise_username(username: str) -> str:
    """The stored form of a username (lower case)."""
    return username.lower()


def check_username(username: str) -> str:
    """Return the normalised username or raise ValidationError('username', ...)."""
    name = normalise_username(username)
    if not USERNAME_RE.fullmatch(name):
        raise ValidationError(
            "username", f"{username!r} is not a valid username: use 2 to {USERNAME_MAX} "
            "letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return name


def check_facility_code(code: str) -> str:
    """Return the normalised facility code or raise ValidationError('code', ...)."""
    norm = code.upper()
    if not FACILITY_CODE_RE.fullmatch(norm):
        raise ValidationError(
            "code", f"{code!r} is not a valid facility code: use 1 to 40 letters, digits, "
            "'_' or '-', starting with a letter or digit"
        )
    return norm


@dataclass(frozen=True)
class Facility:
    code: str
    name: str


@dataclass(frozen=True)
class UserProfile:
    """What a signed-in user is: shown to the client and used for access checks."""

    id: int
    username: str
    roles: tuple[str, ...]
    facilities: tuple[Facility, ...]
    active: bool

    # Cached: a push asks for these once per change.
    @cached_property
    def facility_codes(self) -> frozenset[str]:
        return frozenset(f.code for f in self.facilities)

    @cached_property
    def all_facilities(self) -> bool:
        return role_rules.reads_all_facilities(self.roles)


def add_facility(conn: Connection, *, code: str, name: str, now: dt.datetime, actor: str,
                 origin: audit.Origin) -> Facility:
    """Register a facility; its code is how users and records refer to it."""
    norm = check_facility_code(code)
    clean_name = name.strip()
    if not clean_name:
        raise ValidationError("name", "must not be empty")
    if len(clean_name) > 200:
        raise ValidationError("name", "must be at most 200 characters long")
    if conn.execute(select(facility.c.code).where(facility.c.code == norm)).first():
        raise ValidationError("code", f"facility {norm} already exists")
    conn.execute(facility.insert().values(code=norm, name=clean_name, created_at=now,
                                          created_by=actor))
    audit.append(conn, at=now, actor=actor, action="facility_created", outcome="success",
                 origin=origin, target=f"facility:{norm}", details={"name": clean_name})
    return Facility(norm, clean_name)


def list_facilities(conn: Connection, codes: Iterable[str] | None = None) -> list[Facility]:
    """Facilities in code order, optionally only those in `codes`."""
    stmt = select(facility.c.code, facility.c.name).order_by(facility.c.code)
    if codes is not None:
        stmt = stmt.where(facility.c.code.in_(list(codes)))
    return [Facility(r.code, r.name) for r in conn.execute(stmt)]


def add_user(conn: Connection, *, username: str, password: str, roles: Iterable[str],
             facilities: Iterable[str], now: dt.datetime, actor: str,
             origin: audit.Origin) -> UserProfile:
    """Create an account with its roles and facilities, after checking all of them."""
    name = check_username(username)
    role_list = sorted(set(roles))
    if not role_list:
        raise ValidationError("role", "give at least one role")
    for role in role_list:
        if role not in role_rules.READABLE:
            raise ValidationError(
                "role", f"unknown role {role!r}; roles are: {', '.join(role_rules.ROLES)}"
            )
    codes = sorted({check_facility_code(c) for c in facilities})
    if not codes and not role_rules.reads_all_facilities(role_list):
        raise ValidationError("facility", "give at least one facility the user works in")
    known = {f.code for f in list_facilities(conn, codes)}
    for code in codes:
        if code not in known:
            raise ValidationError(
                "facility", f"no facility {code}; add it first with `custos-server add-facility`"
            )
    if conn.execute(select(user.c.id).where(user.c.username == name)).first():
        raise ValidationError("username", f"user {name} already exists")
    passwords.check_policy(password, username=name)

    user_id = conn.execute(
        user.insert().values(username=name, password_hash=passwords.hash_password(password),
                             active=True, created_at=now, created_by=actor,
                             password_changed_at=now)
    ).inserted_primary_key[0]
    if role_list:
        conn.execute(user_role.insert(), [{"user_id": user_id, "role": r} for r in role_list])
    if codes:
        conn.execute(user_facility.insert(),
                     [{"user_id": user_id, "facility_code": c} for c in codes])
    audit.append(conn, at=now, actor=actor, action="user_created", outcome="success",
                 origin=origin, target=f"user:{name}",
                 details={"roles": role_list, "facilities": codes})
    return load_profile(conn, user_id)


# Every user's grants, one row each (user_id, kind, code): joined to a lookup that finds
# the user (services/auth.py), so a request's caller and profile are one statement. Each
# branch reads one table, so the database reads only the user's rows by index; the
# facility's name is joined outside (`with_facility_names`).
GRANTS = union_all(
    select(user_role.c.user_id, literal("role").label("kind"),
           user_role.c.role.label("code")),
    select(user_facility.c.user_id, literal("facility"), user_facility.c.facility_code),
).subquery("grants")


def with_facility_names(joined):
    """`joined` (something joined to GRANTS) with each facility grant's facility."""
    return joined.outerjoin(facility, (GRANTS.c.kind == "facility")
                            & (facility.c.code == GRANTS.c.code))


# Built once: a user's roles and facilities, in one statement.
_GRANTS_OF_USER = select(GRANTS.c.kind, GRANTS.c.code, facility.c.name) \
    .select_from(with_facility_names(GRANTS)) \
    .where(GRANTS.c.user_id == bindparam("user_id"))


def load_profile(conn: Connection, user_id: int, *,
                 known: tuple[str, bool] | None = None) -> UserProfile:
    """The user's profile: username, roles and facilities (with names). `known`: the
    user's (username, active), when the caller has just read them."""
    if known is None:
        row = conn.execute(select(user.c.id, user.c.username, user.c.active)
                           .where(user.c.id == user_id)).first()
        if row is None:
            raise NotFound("user", str(user_id))
        known = (row.username, row.active)
    rows = conn.execute(_GRANTS_OF_USER, {"user_id": user_id}).all()
    return profile_of(user_id, *known, rows)


def profile_of(user_id: int, username: str, active: bool, grants) -> UserProfile:
    """A profile from the user's grants, each a (kind, code, name) row as `GRANTS` gives
    them; grants whose kind is None (a user with none, through an outer join) are skipped."""
    ordered = sorted((kind, code, name) for kind, code, name in grants if kind is not None)
    return UserProfile(user_id, username, tuple(c for k, c, _ in ordered if k == "role"),
                       tuple(Facility(c, n) for k, c, n in ordered if k == "facility"), active)
