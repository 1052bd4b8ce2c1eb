"""Command-line interface of the client: `custos <command>`.

Each sub-command lives in its own module here and exposes
`register(subparsers)`, which adds its parser and sets `func=run`, where
`run(args) -> int` returns the exit code. Add new modules to COMMANDS.
"""
from __future__ import annotations

import argparse
import importlib

COMMANDS = [
    "app.cli.demo_data",
    "app.cli.status",
    "app.cli.audit",
    "app.cli.score",
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
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command whose module is not written yet
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser
