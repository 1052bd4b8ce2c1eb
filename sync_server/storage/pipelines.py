"""Statements sent to PostgreSQL together, awaited once.

A push is a dozen statements, each a round trip to the database, and on a
busy server every round trip is also a wait to get the process's one core
back: under fifty devices a push's four ms of CPU took ~9 ms of wall time,
and ~60 ms at the tail, while every other push waited its turn in the lane.
psycopg's pipeline mode sends statements without waiting for each answer and
waits once, when the pipeline ends (or when a result is first needed).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine
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

    def mappings(self, statement: Executable, params: dict[str, Any] | None = None
                 ) -> Callable[[], Sequence[Mapping[str, Any]]]:
        """As `rows`, with each row a mapping of its selected columns' keys to values
        typed as SQLAlchemy types them (a timestamp in UTC, say): for any column.
        Expanding parameters (`IN` a list) may be used."""
        rows = self.conn.execute(statement, params or {}).mappings().all()
        return lambda: rows


class _PostgreSQLPipeline(Pipeline):
    def rows(self, statement: Executable, params: dict[str, Any] | None = None
             ) -> Callable[[], Sequence[Any]]:
        from psycopg.rows import namedtuple_row

        compiled = _compiled(statement, self.conn.dialect)
        cursor = self.conn.connection.driver_connection.cursor(row_factory=namedtuple_row)
        cursor.execute(str(compiled), compiled.construct_params(params or {}))
        return cursor.fetchall

    def mappings(self, statement: Executable, params: dict[str, Any] | None = None
                 ) -> Callable[[], Sequence[Mapping[str, Any]]]:
        compiled = _compiled(statement, self.conn.dialect)
        keys, processors = _result_plan(statement, self.conn.dialect)
        expanded = compiled.construct_expanded_state(params or {})
        cursor = self.conn.connection.driver_connection.cursor()
        cursor.execute(expanded.statement, expanded.parameters)

        def typed() -> list[dict[str, Any]]:
            out = []
            for row in cursor.fetchall():
                out.append({key: (value if convert is None or value is None
                                  else convert(value))
                            for key, value, convert in zip(keys, row, processors)})
            return out

        return typed


@lru_cache(maxsize=64)
def _result_plan(statement: Executable, dialect) -> tuple[tuple[str, ...], tuple]:
    """The keys of a statement's selected columns, and the result processor SQLAlchemy
    would run on each (None where it runs none)."""
    columns = statement.selected_columns
    return (tuple(c.key for c in columns),
            tuple(c.type.dialect_impl(dialect).result_processor(dialect, None)
                  for c in columns))


@lru_cache(maxsize=64)  # the statements are built once, at import
def _compiled(statement: Executable, dialect):
    return statement.compile(dialect=dialect)


_EXPLICIT = "custos_explicit_transaction"  # Connection.info key: set by `transaction`


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction, committed when the block ends without an error.

    On PostgreSQL the block sends its own BEGIN and COMMIT, each with other
    statements: `pipelined(conn, begin=True)` must hold its first statement and
    `pipelined(conn, commit=True)` its last. psycopg otherwise sends a BEGIN
    in a round trip of its own (it waits to know the transaction started), and
    the COMMIT is another; for a push that was two of seven. The connection is
    in autocommit mode meanwhile, so nothing may be run before that BEGIN.
    """
    if engine.dialect.name != "postgresql":
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")  # no BEGIN of psycopg's own
        info = conn.info  # the pooled connection's own: kept only while the block runs
        info[_EXPLICIT] = "not begun"
        try:
            yield conn
            if info[_EXPLICIT] == "not begun":
                raise RuntimeError("transaction(): the block never began its transaction "
                                   "with pipelined(conn, begin=True)")
            if _in_transaction(conn):  # a block that did not commit in its last pipeline
                conn.exec_driver_sql("COMMIT")
        except BaseException:
            if not conn.invalidated and _in_transaction(conn):
                conn.exec_driver_sql("ROLLBACK")
            raise
        finally:
            info.pop(_EXPLICIT, None)


def _in_transaction(conn: Connection) -> bool:
    from psycopg.pq import TransactionStatus

    return conn.connection.driver_connection.info.transaction_status != TransactionStatus.IDLE


@contextmanager
def pipelined(conn: Connection, *, begin: bool = False, commit: bool = False
              ) -> Iterator[Pipeline]:
    """Send the statements run inside to PostgreSQL together; on SQLite, run them as
    usual. Through SQLAlchemy only writes whose results nothing reads belong inside
    (INSERT and UPDATE without RETURNING): a statement's rows and row count are not
    known until the end. Statements whose rows are wanted go through the yielded
    `Pipeline.rows`.

    In a `transaction`, `begin=True` sends its BEGIN first and `commit=True` its
    COMMIT last; elsewhere they change nothing (psycopg begins a transaction
    with the first statement, in a round trip of its own, and the caller commits).

    A database error of any statement is raised at the end, as SQLAlchemy raises it
    (IntegrityError, DataError, ...), and the transaction must then be rolled back.
    """
    if conn.dialect.name != "postgresql":
        yield Pipeline(conn)
        return
    explicit = conn.info.get(_EXPLICIT)
    with sqlalchemy_errors(conn):  # raised when the pipeline synced, outside SQLAlchemy
        with conn.connection.driver_connection.pipeline():
            if begin and explicit == "not begun":
                conn.exec_driver_sql("BEGIN")
                conn.info[_EXPLICIT] = "begun"
            yield _PostgreSQLPipeline(conn)
            if commit and explicit is not None:
                conn.exec_driver_sql("COMMIT")
