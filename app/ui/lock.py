"""The idle lock: after some minutes without keyboard or mouse input the
window hides what it shows until the signed-in user's password is given
again (CJIS AC-11: at most 30 minutes; 15 by default).

The lock screen replaces the whole window content, not a dialog over it,
so nothing of the record stays visible behind it. The password is checked
on the worker (argon2 takes a moment), through the same offline sign-in as
the login dialog, so failed attempts count toward the lockout.
"""
from __future__ import annotations

from typing import Callable

from app.ui.errors import error_text
from app.ui.qt import (
    QApplication, QEvent, QLabel, QLineEdit, QObject, QPushButton, Qt, QTimer, QVBoxLayout,
    QWidget, Signal,
)
from app.ui.tasks import TaskRunner

MAX_IDLE_MINUTES = 30

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Emits `idle` when no input reached the application for the set time."""

    idle = Signal()

    def __init__(self, minutes: int, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        """Lock after `minutes` idle, never more than 30."""
        self.minutes = max(1, min(int(minutes), MAX_IDLE_MINUTES))
        self.timer.setInterval(self.minutes * 60_000)
        if self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart the countdown
        return False


class LockScreen(QWidget):
    """What the window shows while locked: who is signed in, and a password box."""

    unlocked = Signal()

    def __init__(self, runner: TaskRunner, username: str,
                 verify: Callable[[str, str], object], parent=None):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._runner, self._username, self._verify = runner, username, verify
        title = QLabel(self.tr("Custos is locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        who = QLabel(self.tr("Signed in as %1. Enter your password to continue.")
                     .replace("%1", username))
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.clicked.connect(self.try_unlock)
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addStretch()
        for w in (title, who, self.password, self.button, self.message):
            w.setMaximumWidth(420)
            box.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch()

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def try_unlock(self):
        password = self.password.text()
        self.button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))

        def ok(_actor):
            self.button.setEnabled(True)
            self.password.clear()
            self.message.clear()
            self.unlocked.emit()

        def refused(error):
            self.button.setEnabled(True)
            self.password.clear()
            self.message.setText(error_text(error))
            self.password.setFocus()

        op = self._runner.run(self._verify, self._username, password, owner=self)
        return op.success(ok).failure(refused)
