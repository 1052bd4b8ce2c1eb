"""`custos demo`: a throw-away installation with a real local sync server.

What it sets up, all under one temporary CUSTOS_HOME:
  1. a sync server database (SQLite) with the demo facilities and an
     account for this desktop, with a password made up for this run;
  2. the server itself, `custos-server run` on a free loopback port, as its
     own process, exactly as it runs in production;
  3. a local profile that signs in to that server, is filled with demo data
     through the domain services (app.demo.generator), and pushes it all in
     its first sync, so the server holds what the desktop shows.

The desktop signs in as central office, whose scope is every facility and
every data class, so the Demo menu can show each role's view of the same
records. The replica key lives in an in-memory keyring: the demo needs no
desktop keyring and leaves no secret behind, which is also why it is
throw-away (the next run starts afresh).
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import requests

from app.core.errors import CustosError

DEMO_FACILITY = "MDI"
DEMO_FACILITIES = (("MDI", "HMP Moorland (demo)"), ("LEI", "HMP Leicester (demo)"))
DEMO_USER = "demo.central"
SERVER_START_TIMEOUT_S = 60


class DemoError(CustosError):
    """The demo installation could not be set up; the message says which step failed."""


@dataclass
class DemoEnvironment:
    """A running demo: its home folder, server process and signed-in profile."""

    home: Path
    people: int = 200
    seed: int = 1
    keep: bool = False
    say: Callable[[str], None] = print
    url: str = ""
    password: str = field(default_factory=lambda: "demo-" + secrets.token_urlsafe(12))
    _server: subprocess.Popen | None = None
    _log: Path | None = None

    @classmethod
    def create(cls, *, people: int = 150, seed: int = 1, keep: bool = False,
               say: Callable[[str], None] = print) -> "DemoEnvironment":
        """A demo environment in a new temporary folder (nothing started yet)."""
        home = Path(tempfile.mkdtemp(prefix="custos-demo-"))
        return cls(home=home, people=people, seed=seed, keep=keep, say=say)

    # -- server ------------------------------------------------------------------
    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.home / 'server' / 'custos-server.db'}"

    def _env(self) -> dict[str, str]:
        return {**os.environ, "CUSTOS_HOME": str(self.home)}

    def _server_cli(self, *args: str, stdin: str | None = None) -> str:
        """Run one `custos-server` command; its output, or DemoError naming the step."""
        cmd = [sys.executable, "-m", "sync_server", *args, "--database-url", self.database_url]
        done = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=self._env())
        if done.returncode != 0:
            raise DemoError(f"`custos-server {args[0]}` failed: "
                            f"{(done.stderr or done.stdout).strip().splitlines()[-1:]}")
        return done.stdout

    def prepare_server(self) -> None:
        """Create the server database, the demo facilities and this desktop's account."""
        (self.home / "server").mkdir(parents=True, exist_ok=True)
        self.say("Creating the demo sync server ...")
        self._server_cli("init")
        for code, name in DEMO_FACILITIES:
            self._server_cli("add-facility", code, "--name", name)
        self._server_cli("add-user", DEMO_USER, "--role", "central_office",
                         "--facility", DEMO_FACILITY, "--password-stdin",
                         stdin=self.password + "\n")

    def start_server(self) -> str:
        """Start `custos-server run` on a free loopback port; returns its URL."""
        port = _free_port()
        self._log = self.home / "server.log"
        log = open(self._log, "wb")
        self._server = subprocess.Popen(
            [sys.executable, "-m", "sync_server", "run", "--host", "127.0.0.1",
             "--port", str(port), "--database-url", self.database_url],
            stdout=log, stderr=subprocess.STDOUT, env=self._env())
        log.close()
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._server.poll() is not None:
                raise DemoError(f"the demo sync server stopped at start-up; see {self._log}")
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    self.say(f"Sync server running at {self.url}")
                    return self.url
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise DemoError(f"the demo sync server did not answer within {SERVER_START_TIMEOUT_S} s")

    # -- client -----------------------------------------------------------------------
    def sign_in(self, replica):
        """Sign the profile's replica in to the demo server; returns the Actor."""
        from app.sync.session import login_online

        return login_online(replica, server=self.url, username=DEMO_USER,
                            password=self.password, device_name="Custos demo desktop")

    def stop(self) -> None:
        """Stop the server and, unless kept, remove the demo folder."""
        if self._server is not None and self._server.poll() is None:
            self._server.terminate()
            try:
                self._server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._server.kill()
                self._server.wait()
        if self.keep:
            self.say(f"Demo files kept in {self.home}")
        else:
            shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> "DemoEnvironment":
        os.environ["CUSTOS_HOME"] = str(self.home)
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
