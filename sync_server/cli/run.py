"""`custos-server run [--host H] [--port P]`: serve the API with uvicorn.

The database is created or upgraded first (under an advisory lock on
PostgreSQL, so several processes may start together on one database).
"""
from __future__ import annotations

import ipaddress
import sys

from app.core import gc_tuning
from app.core.errors import ValidationError

from .common import add_database_option, open_database, settings_from

DEFAULT_PORT = 8470


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise ValidationError("port", f"{value!r} is not a port number (1-65535)")
    return port


def register(sub) -> None:
    p = sub.add_parser("run", help="serve the sync API")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", default=str(DEFAULT_PORT), help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--ssl-certfile", default=None, help="TLS certificate (PEM)")
    p.add_argument("--ssl-keyfile", default=None, help="TLS private key (PEM)")
    add_database_option(p)
    p.set_defaults(func=run)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args) -> int:
    port = _port(args.port)
    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise ValidationError("ssl-keyfile" if args.ssl_certfile else "ssl-certfile",
                              "give both --ssl-certfile and --ssl-keyfile")
    import uvicorn

    from ..api import create_app

    with open_database(args, create=True):
        pass
    settings = settings_from(args)
    app = create_app(settings)
    if not args.ssl_certfile and not _is_loopback(args.host):
        print("custos-server: warning: serving without TLS on a non-loopback address; "
              "put a TLS proxy in front or pass --ssl-certfile/--ssl-keyfile", file=sys.stderr)
    # Everything the server keeps for its life is loaded now: see app.core.gc_tuning.
    gc_tuning.tune()
    uvicorn.run(app, host=args.host, port=port, ssl_certfile=args.ssl_certfile,
                ssl_keyfile=args.ssl_keyfile, log_level="info")
    return 0
