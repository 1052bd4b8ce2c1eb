"""Icons from resources/icons (SVG, so they stay sharp at any screen scale).

Their strokes are a mid grey that reads on light and dark palettes alike.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from app.ui.qt import QIcon


def icons_dir() -> Path:
    return Path(str(resources.files("resources") / "icons"))


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """The icon `name` (an empty QIcon if there is none)."""
    path = icons_dir() / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
