"""Desktop settings, declared once (as Picard's options are) and stored with
QSettings in an INI file under the configuration folder (CUSTOS_HOME/config
when set), never in the registry or a pickle.

Each option names its key, default, translatable title and bounds; reading
clamps a bad stored value back into bounds, and writing a bad value raises
a ValidationError naming the option, so a hand-edited file can never push
the idle lock past 30 minutes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.errors import ValidationError
from app.core.paths import locations
from app.ui.qt import QByteArray, QSettings, QT_TRANSLATE_NOOP

SETTINGS_FILE = "custos.ini"
SETTINGS_VERSION = 1

LANGUAGES: dict[str, str] = {
    # Each language is named in itself, so anyone can find their own.
    "en": "English",
    "pt": "Português",
    "es": "Español",
}


@dataclass(frozen=True)
class Option:
    """One user setting."""

    key: str
    default: Any
    title: str  # source text, translated in the "Settings" context
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def check(self, value: Any) -> Any:
        """`value` if valid for this option, else ValidationError naming it."""
        field = self.key.split("/")[-1]
        if isinstance(self.default, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(field, "must be a whole number")
            if self.minimum is not None and value < self.minimum:
                raise ValidationError(field, f"must be at least {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ValidationError(field, f"must be at most {self.maximum}")
        elif self.choices and value not in self.choices:
            raise ValidationError(field, f"must be one of {', '.join(self.choices)}")
        return value


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("ui/language", "en", QT_TRANSLATE_NOOP("Settings", "Language"),
           choices=tuple(LANGUAGES)),
    # CJIS AC-11: the session locks after at most 30 minutes idle.
    Option("security/idle_minutes", 15, QT_TRANSLATE_NOOP("Settings", "Lock after (minutes idle)"),
           minimum=1, maximum=30),
    Option("sync/interval_minutes", 5, QT_TRANSLATE_NOOP("Settings", "Sync every (minutes)"),
           minimum=1, maximum=60),
)}


class Settings:
    """The options of one installation."""

    def __init__(self, path=None):
        self.path = path or locations().config / SETTINGS_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self.qsettings.value("meta/version") is None:
            self.qsettings.setValue("meta/version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        """The stored value of option `key`, or its default if missing or out of bounds."""
        option = OPTIONS[key]
        raw = self.qsettings.value(key, option.default)
        try:
            value = type(option.default)(raw)
            return option.check(value)
        except (TypeError, ValueError, ValidationError):
            return option.default

    def set(self, key: str, value: Any) -> None:
        """Store `value` for option `key` after checking it."""
        self.qsettings.setValue(key, OPTIONS[key].check(value))
        self.qsettings.sync()

    # Window state is not a user option: it is simply remembered.
    def geometry(self, name: str) -> QByteArray | None:
        value = self.qsettings.value(f"windows/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_geometry(self, name: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"windows/{name}", state)
        self.qsettings.sync()
