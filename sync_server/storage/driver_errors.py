"""Errors of statements sent to psycopg directly, raised as SQLAlchemy raises its own.

A few hot statements bypass SQLAlchemy (a pull page's rows, pipelined pushes):
their errors would otherwise escape as psycopg's own, which the push's
batch fallback, the 503 for a busy or lost database and the retry on a lost
connection (`storage/reconnect.py`) do not recognise, and a connection the
database ended would stay in the pool until its next checkout.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from .reconnect import LOST_SQLSTATES


@contextmanager
def sqlalchemy_errors(conn: Connection) -> Iterator[None]:
    """Raise a psycopg error from inside as SQLAlchemy's (IntegrityError,
    OperationalError, ...), with `connection_invalidated` set, and the connection
    dropped from the pool, when the database connection was lost."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        driver = conn.connection.driver_connection
        lost = bool(driver.closed or driver.broken
                    or (exc.sqlstate or "").startswith(LOST_SQLSTATES))
        if lost:
            conn.invalidate(exc)
        raise DBAPIError.instance(None, None, exc, psycopg.Error,
                                  connection_invalidated=lost) from exc
