"""What the server commands share: the --database-url option, opening the
database, and who is acting (for the audit log)."""
from __future__ import annotations

import argparse
import getpass
import socket
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Engine

from ..services.audit import Origin
from ..settings import DATABASE_URL_ENV, Settings, default_database_url
from ..storage import migrate
from ..storage.engine import make_engine


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url", metavar="URL", default=None,
        help="sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB "
             f"(default: ${DATABASE_URL_ENV}, else a SQLite file under CUSTOS_HOME)",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings(database_url=args.database_url or default_database_url())


@contextmanager
def open_database(args: argparse.Namespace, *, create: bool = False) -> Iterator[Engine]:
    """The engine of an initialised database brought up to date.

    Without `create`, a database that was never initialised is an error (so a
    mistyped path does not become a new empty database).
    """
    engine = make_engine(settings_from(args).database_url, create_dirs=create)
    try:
        if create or migrate.check_not_newer(engine) is not None:
            migrate.upgrade(engine)
        else:
            migrate.check_current(engine)  # raises "not initialised"
        yield engine
    finally:
        engine.dispose()


def cli_actor() -> str:
    """Who runs the command: the operating-system user and host."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return f"cli:{who}@{socket.gethostname()}"[:120]


def cli_origin() -> Origin:
    return Origin("cli")
