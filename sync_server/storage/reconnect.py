"""A sync request whose database connection was lost is run once more, on a new one.

A database restart or failover ends the server's pooled connections. Those it
ended while they sat idle in the pool are replaced when they are checked out
(`engine._check_alive`); one ended while a request is using it fails that
request's next statement. SQLAlchemy then marks the error
`connection_invalidated` and drops the connection from the pool (or, if the
driver had not yet seen the socket close, the checkout check does).

Every sync request may be run again safely: status and pull only read, and a
push is idempotent, as the protocol requires of it anyway (a change that the
lost attempt did commit, if the connection was lost at COMMIT, is answered as
a replay with its original outcome). So rather than a 500, the request is run
once more, which takes a new connection; a second loss is answered 503
(`api/errors.py`), and the device keeps its changes for its next sync.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError

T = TypeVar("T")
log = logging.getLogger("sync_server")


# SQLSTATE classes of a lost connection: connection exceptions, and the server
# ending the session (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
# connect now). PostgreSQL sends the latter just before closing the socket, so the
# driver may not yet have marked the connection broken when the error is raised.
LOST_SQLSTATES = ("08", "57P")


def lost_connection(exc: BaseException) -> bool:
    """Whether `exc` is a database error that lost its connection (not a refusal)."""
    if not isinstance(exc, DBAPIError):
        return False
    state = getattr(exc.orig, "sqlstate", None) or ""
    return bool(exc.connection_invalidated) or state.startswith(LOST_SQLSTATES)


def first_line(exc: DBAPIError) -> str:
    """The driver's own message, first line only (for the server's log, and the
    reasons a rejected change carries)."""
    lines = str(exc.orig if exc.orig is not None else exc).splitlines()
    return lines[0] if lines else type(exc).__name__


def once_more_if_disconnected(work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`work(*args, **kwargs)`; if its connection to the database was lost, once more. `work`
    must take its own connection and be safe to repeat (see the module docstring)."""
    try:
        return work(*args, **kwargs)
    except DBAPIError as exc:
        if not lost_connection(exc):
            raise
        log.warning("the database connection was lost (%s); running the request again "
                    "on a new one", first_line(exc))
    return work(*args, **kwargs)
