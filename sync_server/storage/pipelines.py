"""Statements sent to PostgreSQL together, awaited once.

A push is a dozen statements, each a round trip to the database, and on a
busy server every round trip is also a wait to get the process's one core
back: under fifty devices a push's four ms of CPU took ~9 ms of wall time,
and ~60 ms at the tail, while every other push waited its turn in the lane.
psycopg's pipeline mode sends statements without waiting for each answer and
waits once, when the pipeline ends (or when a result is first needed).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.sql import Executable

from .driver_errors import sqlalchemy_errors


class Pipeline:
    """What `pipelined` yields, to run statements whose rows are wanted (`rows`)."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def rows(self, statement: Executable, params: dict[str, Any] | None = None
             ) -> Callable[[], Sequence[Any]]:
        """Run `statement` in the pipeline; the function returned gives its rows (each
        with its columns as attributes) once the pipeline has ended. Values come as the
        driver gives them, without SQLAlchemy's type processing: for plain columns."""
        rows = self.conn.execute(statement, params or {}).all()
        return lambda: rows


class _PostgreSQLPipeline(Pipeline):
    def rows(self, statement: Executable, params: dict[str, Any] | None = None
             ) -> Callable[[], Sequence[Any]]:
        from psycopg.rows import namedtuple_row

        compiled = _compiled(statement, self.conn.dialect)
        cursor = self.conn.connection.driver_connection.cursor(row_factory=namedtuple_row)
        cursor.execute(str(compiled), compiled.construct_params(params or {}))
        return cursor.fetchall


@lru_cache(maxsize=64)  # the statements are built once, at import
def _compiled(statement: Executable, dialect):
    return statement.compile(dialect=dialect)


@contextmanager
def pipelined(conn: Connection) -> Iterator[Pipeline]:
    """Send the statements run inside to PostgreSQL together; on SQLite, run them as
    usual. Through SQLAlchemy only writes whose results nothing reads belong inside
    (INSERT and UPDATE without RETURNING): a statement's rows and row count are not
    known until the end. Statements whose rows are wanted go through the yielded
    `Pipeline.rows`. A transaction's BEGIN goes with its first statement.

    A database error of any statement is raised at the end, as SQLAlchemy raises it
    (IntegrityError, DataError, ...), and the transaction must then be rolled back.
    """
    if conn.dialect.name != "postgresql":
        yield Pipeline(conn)
        return
    with sqlalchemy_errors(conn):  # raised when the pipeline synced, outside SQLAlchemy
        with conn.connection.driver_connection.pipeline():
            yield _PostgreSQLPipeline(conn)
