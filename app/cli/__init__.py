"""Command-line interface of the client: `custos <command>`.

Each sub-command lives in its own module here and exposes
`register(subparsers)`, which adds its parser and sets `func=run`, where
`run(args) -> int` returns the exit code. Add new modules to COMMANDS.
"""
from __future__ import annotations

import argparse
import importlib

COMMANDS = [
    "app.cli.demo",
    "app.cli.demo_data",
    "app.cli.status",
    "app.cli.audit",
    "app.cli.score",
    "app.cli.login",
    "app.cli.sync",
    "app.cli.conflicts",
    "app.cli.rejected",
    "app.cli.models",
]


def build_parser() -> argparse.ArgumentParser:
    """The full `custos` argument parser, with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="custos", description="Custos offender management (desktop client and tools)."
    )
    parser.add_argument(
        "--profile", default="default", help="local profile (one replica per profile)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    # `--profile` is accepted after the command too (`custos status --profile P`);
    # SUPPRESS keeps the top-level value when it is not repeated there.
    for command in sub.choices.values():
        if "--profile" not in command._option_string_actions:
            command.add_argument("--profile", default=argparse.SUPPRESS,
                                 help="local profile (one replica per profile)")
    return parser
