"""Settings: language, idle lock and sync interval (app.ui.settings.OPTIONS)."""
from __future__ import annotations

from app.core.errors import ValidationError
from app.ui.errors import error_text
from app.ui.qt import (
    QComboBox, QCoreApplication, QFormLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
    QWidget, Signal,
)
from app.ui.settings import LANGUAGES, OPTIONS, Settings


class SettingsPage(QWidget):
    """Edits the user's settings; `changed` is emitted with the keys saved."""

    changed = Signal(list)

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox()
        self.language.setObjectName("settingLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.idle = QSpinBox()
        self.idle.setObjectName("settingIdle")
        self._bounds(self.idle, "security/idle_minutes")
        self.idle.setSuffix(self.tr(" min"))
        self.interval = QSpinBox()
        self.interval.setObjectName("settingSyncInterval")
        self._bounds(self.interval, "sync/interval_minutes")
        self.interval.setSuffix(self.tr(" min"))
        form = QFormLayout()
        for key, widget in (("ui/language", self.language), ("security/idle_minutes", self.idle),
                            ("sync/interval_minutes", self.interval)):
            title = QCoreApplication.translate("Settings", OPTIONS[key].title)
            widget.setAccessibleName(title)
            label = QLabel(title + ":")
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.save = QPushButton(self.tr("&Save settings"))
        self.save.setObjectName("saveSettings")
        self.save.clicked.connect(self.apply)
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        note = QLabel(self.tr("The screen locks after at most 30 minutes without use."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.save)
        layout.addWidget(self.message)
        layout.addStretch()
        self.load()

    def _bounds(self, box: QSpinBox, key: str) -> None:
        box.setRange(OPTIONS[key].minimum, OPTIONS[key].maximum)

    def load(self) -> None:
        self.language.setCurrentIndex(self.language.findData(self.settings.get("ui/language")))
        self.idle.setValue(self.settings.get("security/idle_minutes"))
        self.interval.setValue(self.settings.get("sync/interval_minutes"))

    def apply(self) -> list[str]:
        """Save the form; returns the keys that changed."""
        wanted = {"ui/language": self.language.currentData(),
                  "security/idle_minutes": self.idle.value(),
                  "sync/interval_minutes": self.interval.value()}
        changed = []
        try:
            for key, value in wanted.items():
                if self.settings.get(key) != value:
                    self.settings.set(key, value)
                    changed.append(key)
        except ValidationError as exc:
            self.message.setText(error_text(exc))
            return changed
        self.message.setText(self.tr("Saved."))
        if changed:
            self.changed.emit(changed)
        return changed
