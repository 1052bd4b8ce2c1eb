#!/usr/bin/env python3
"""Set up a development environment and run Custos or its tests.

    python3 installers/dev.py demo     # venv + install + start Custos on demo defaults
    python3 installers/dev.py test     # venv + install + the whole test suite

Only the standard library is used here, because this script runs before
anything is installed. The virtual environment lives in `.venv/` beside
pyproject.toml and is reinstalled only when pyproject.toml changes.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
EXTRAS = {"demo": "all", "test": "test"}


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_env(extra: str) -> Path:
    """Create the venv and install Custos with `extra`, unless already current."""
    if sys.version_info < (3, 11):
        sys.exit(f"Custos needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    py = _venv_python()
    if not py.exists():
        print(f"Creating virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{extra}-{digest}"
    if not stamp.exists():
        print(f"Installing Custos [{extra}] and its dependencies ...", flush=True)
        subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run(
            [str(py), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[{extra}]"], check=True
        )
        for old in VENV.glob(".installed-*"):
            old.unlink()
        stamp.touch()
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    # The test environment is a superset of the demo one, so reuse it if present.
    extra = EXTRAS[command]
    if command == "demo" and any(VENV.glob(".installed-test-*")):
        extra = "test"
    py = ensure_env(extra)
    if command == "demo":
        args = [str(py), "-m", "app", "demo", *rest]
    else:
        args = [str(py), "-m", "pytest", *(rest or ["-n", "2"])]
    return subprocess.call(args, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
