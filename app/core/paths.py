"""Where Custos keeps its data and configuration.

One environment variable, CUSTOS_HOME, moves everything (replicas, server
database, settings, logs) under a single folder; that is what tests, scripts
and portable installs use. Without it, the platform's usual locations apply.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Custos"
HOME_ENV = "CUSTOS_HOME"


@dataclass(frozen=True)
class Locations:
    """The folders one installation uses."""

    data: Path
    config: Path
    logs: Path

    def profile_dir(self, profile: str) -> Path:
        """Folder of one local profile (one replica, one device identity)."""
        return self.data / "profiles" / profile

    @property
    def server_dir(self) -> Path:
        return self.data / "server"


def locations(environ: os._Environ[str] | dict[str, str] | None = None) -> Locations:
    """Resolve the folders from CUSTOS_HOME, else from platformdirs."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return Locations(data=root / "data", config=root / "config", logs=root / "logs")
    import platformdirs

    return Locations(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
