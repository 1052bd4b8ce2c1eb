"""`custos-server add-user NAME --role ROLE --facility CODE [--password-stdin]`.

--role and --facility may be repeated. Without --password-stdin the
password is asked twice on the terminal and never appears on the command
line (where `ps` would show it).
"""
from __future__ import annotations

import getpass
import sys

from app.core.errors import ValidationError
from app.core.roles import ROLES

from ..services import accounts, passwords
from ..settings import utc_now
from .common import add_database_option, cli_actor, cli_origin, open_database


def register(sub) -> None:
    p = sub.add_parser("add-user", help="create a user account")
    p.add_argument("username", metavar="NAME", help="sign-in name (stored in lower case)")
    p.add_argument("--role", action="append", required=True, choices=ROLES,
                   help="role; repeat for several")
    p.add_argument("--facility", action="append", default=[], metavar="CODE",
                   help="facility the user works in; repeat for several "
                        "(not needed for central_office, which sees every facility)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input")
    add_database_option(p)
    p.set_defaults(func=run)


def read_password(from_stdin: bool, username: str) -> str:
    """The new password, from stdin or asked twice; checked against the policy."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
    else:
        password = getpass.getpass(f"Password for {username}: ")
        again = getpass.getpass("Repeat the password: ")
        if password != again:
            raise ValidationError("password", "the two passwords differ")
    passwords.check_policy(password, username=username)
    return password


def run(args) -> int:
    name = accounts.check_username(args.username)
    with open_database(args) as engine:
        password = read_password(args.password_stdin, name)
        with engine.begin() as conn:
            profile = accounts.add_user(conn, username=name, password=password, roles=args.role,
                                        facilities=args.facility, now=utc_now(),
                                        actor=cli_actor(), origin=cli_origin())
    where = ", ".join(f.code for f in profile.facilities) or "every facility"
    print(f"user {profile.username} added: {', '.join(profile.roles)} at {where}")
    return 0
