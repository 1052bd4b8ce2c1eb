"""The body of a `custos` client process forked for the SIGKILL loops.

Starting `python -m app` costs seconds on a loaded machine, so most kill
iterations fork the process from a multiprocessing fork server that has
already imported Custos. The child is still a separate process running the
real command line (`app.__main__.main`), with its own SQLCipher connections,
its own keyring (the plaintext file the test set up) and CUSTOS_HOME; it is
killed with SIGKILL like any other.
"""
from __future__ import annotations

import os
import sys

PRELOAD = ["app.__main__", "app.cli", "app.cli.sync", "app.sync.engine", "app.storage.replica",
           "keyrings.alt.file", "requests", "sqlalchemy"]


def run_cli(env: dict[str, str], argv: list[str], out_path: str) -> None:
    """Run `custos ARGV` with `env`, its stdout and stderr going to `out_path`."""
    os.environ.clear()
    os.environ.update(env)
    fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    sys.stdout = open(1, "w", buffering=1, closefd=False)
    sys.stderr = sys.stdout
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    keyring.set_keyring(PlaintextKeyring())
    from app.__main__ import main

    code = main(argv)
    sys.stdout.flush()
    os._exit(code)
