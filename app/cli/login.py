"""`custos login --server URL --user NAME [--password-stdin] [--profile P]`.

Signs in at the sync server: the session tokens go to the OS keyring, and
the replica remembers the server, the user's roles and facilities and a
local password hash, so the user can later sign in on this device offline.
`--offline` checks a password against that local hash instead (the same
check the desktop sign-in makes when there is no network).
"""
from __future__ import annotations

import argparse
import getpass
import sys

from app.core.errors import ValidationError
from app.storage.replica import open_profile
from app.sync import session


def register(sub) -> None:
    p = sub.add_parser("login", help="sign in at the sync server (enables offline sign-in)")
    p.add_argument("--server", metavar="URL", help="sync server address, e.g. http://host:8000")
    p.add_argument("--user", required=True, metavar="NAME", help="username")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input")
    p.add_argument("--offline", action="store_true",
                   help="check the password against this device's local hash (no network)")
    p.add_argument("--profile", default=argparse.SUPPRESS, help="local profile")
    p.set_defaults(func=run)


def read_password(from_stdin: bool) -> str:
    """The password from stdin's first line, or asked for without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    return getpass.getpass("Password: ")


def run(args) -> int:
    if not args.offline and not args.server:
        raise ValidationError("server", "is required to sign in online (or use --offline)")
    password = read_password(args.password_stdin)
    replica = open_profile(args.profile)
    try:
        if args.offline:
            actor = session.login_offline(replica, args.user, password)
            print(f"Signed in offline as {actor.username} ({', '.join(actor.roles)}) "
                  f"on this device")
            return 0
        actor = session.login_online(replica, server=args.server, username=args.user,
                                     password=password)
    finally:
        replica.close()
    where = f" at {actor.facility}" if actor.facility else ""
    print(f"Signed in as {actor.username} ({', '.join(actor.roles)}){where} on {args.server}")
    print("The session is kept in the OS keyring; offline sign-in is now enabled on this device.")
    return 0
