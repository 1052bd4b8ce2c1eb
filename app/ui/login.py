"""The login dialog: online against the sync server, offline for users this
device already knows (their password checked against the local argon2 hash).

With a server address the dialog signs in online; if the server cannot be
reached it falls back to offline sign-in and says so. Sign-in runs off the
UI thread (the network, and argon2, take a moment).
"""
from __future__ import annotations

from app.ui.errors import error_text
from app.ui.qt import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, Signal,
)
from app.ui.tasks import TaskRunner


def sign_in(replica, server: str, username: str, password: str):
    """Sign in (Qt-free, on a worker): returns (Actor, "online" | "offline")."""
    from app.sync import session
    from app.sync.client import Offline

    if server.strip():
        try:
            return session.login_online(replica, server=server.strip(), username=username,
                                        password=password), "online"
        except Offline:
            pass  # no network: the same user may still sign in with this device's copy
    return session.login_offline(replica, username, password), "offline"


def known_server(replica) -> str:
    """The sync server this replica syncs with ('' before the first online sign-in)."""
    try:
        from app.sync import state

        with replica.reader.connect() as conn:
            return state.read(conn).server_url or ""
    except Exception:  # a replica without sync tables yet: nothing to prefill
        return ""


class LoginDialog(QDialog):
    """Asks for username and password (and the server, the first time)."""

    signed_in = Signal(object, str)  # (Actor, mode)

    def __init__(self, runner: TaskRunner, replica, parent=None, server: str | None = None):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in to Custos"))
        self._runner, self._replica = runner, replica
        self.actor = None
        self.mode = None
        self.server = QLineEdit(server if server is not None else known_server(replica))
        self.server.setObjectName("loginServer")
        self.server.setAccessibleName(self.tr("Sync server"))
        self.server.setPlaceholderText(self.tr("https://custos.example (leave empty to work offline)"))
        self.username = QLineEdit()
        self.username.setObjectName("loginUser")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        for text, widget in ((self.tr("&User name:"), self.username),
                             (self.tr("&Password:"), self.password),
                             (self.tr("&Server:"), self.server)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.username.setFocus()

    def submit(self):
        """Start signing in with what was typed; returns the Op."""
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Signing in…"))
        op = self._runner.run(sign_in, self._replica, self.server.text(), self.username.text(),
                              self.password.text(), lane="bg", owner=self)
        return op.success(self._done).failure(self._refused)

    def _done(self, outcome) -> None:
        self.actor, self.mode = outcome
        self.buttons.setEnabled(True)
        self.signed_in.emit(self.actor, self.mode)
        self.accept()

    def _refused(self, error) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(error_text(error))
