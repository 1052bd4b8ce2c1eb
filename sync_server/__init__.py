"""Custos central sync server: FastAPI app, accounts, authentication, audit.

Qt-free and independent of the client's storage: it imports only app.core.
`sync_server.api.create_app(settings)` builds the web application and
`custos-server` (sync_server.__main__) is the administration CLI.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _dist_version

API_VERSION = 1
"""Major version of the HTTP API; it is the `v1` in every path."""

try:
    SERVER_VERSION = _dist_version("custos")
except PackageNotFoundError:  # running from a source tree that was never installed
    SERVER_VERSION = "0+source"
