"""`custos-server add-facility CODE --name NAME`."""
from __future__ import annotations

from ..services import accounts
from ..settings import utc_now
from .common import add_database_option, cli_actor, cli_origin, open_database


def register(sub) -> None:
    p = sub.add_parser("add-facility", help="register a facility (prison)")
    p.add_argument("code", metavar="CODE", help="short code, e.g. MDI (letters, digits, _ -)")
    p.add_argument("--name", required=True, help="full name of the facility")
    add_database_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with open_database(args) as engine, engine.begin() as conn:
        fac = accounts.add_facility(conn, code=args.code, name=args.name, now=utc_now(),
                                    actor=cli_actor(), origin=cli_origin())
    print(f"facility {fac.code} added: {fac.name}")
    return 0
