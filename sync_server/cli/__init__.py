"""Administration CLI of the server: `custos-server <command>`.

Each command lives in its own module here with `register(subparsers)` (adds
its parser, sets `func=run`) and `run(args) -> int`. Every command takes
--database-url (default: $CUSTOS_SERVER_DATABASE_URL, else a SQLite file
under CUSTOS_HOME).
"""
from __future__ import annotations

import argparse
import importlib

COMMANDS = [
    "sync_server.cli.init",
    "sync_server.cli.add_facility",
    "sync_server.cli.add_user",
    "sync_server.cli.devices",
    "sync_server.cli.revoke_device",
    "sync_server.cli.verify_audit",
    "sync_server.cli.restored",
    "sync_server.cli.demo_data",
    "sync_server.cli.run",
]


def build_parser() -> argparse.ArgumentParser:
    """The full `custos-server` argument parser."""
    parser = argparse.ArgumentParser(
        prog="custos-server", description="Custos sync server: administration and serving."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser
