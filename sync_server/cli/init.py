"""`custos-server init`: create the database, or bring it up to date."""
from __future__ import annotations

from ..storage import migrate
from ..storage.engine import describe
from .common import add_database_option, open_database


def register(sub) -> None:
    p = sub.add_parser("init", help="create the server database or upgrade its schema")
    add_database_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with open_database(args, create=True) as engine:
        print(f"database ready at {describe(engine)} "
              f"(schema revision {migrate.current_revision(engine)})")
    return 0
