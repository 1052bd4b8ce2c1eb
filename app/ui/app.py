"""Starting the desktop client: the QApplication, then sign-in, then the window.

    custos [--profile P]

High-DPI scaling passes fractional factors through (Qt 6 scales by default;
rounding would make 150 % screens blurry or cramped). The Fusion style is
used on every platform because it follows the system's light or dark colour
scheme and looks the same on every workstation, which helps the people who
train staff.
"""
from __future__ import annotations

import sys

from app.ui import ui_thread_gc
from app.ui.i18n import install_language
from app.ui.qt import QApplication, QGuiApplication, Qt, QStyleFactory


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, configured for Custos (or the existing one)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Custos")
    app.setOrganizationName("Custos")
    app.setApplicationDisplayName("Custos")
    app.setStyle(QStyleFactory.create("Fusion"))
    follow_colour_scheme(app)
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return app


def follow_colour_scheme(app: QApplication) -> None:
    """Use the system's light or dark palette now and whenever it changes."""
    def apply(*_):
        app.setPalette(app.style().standardPalette())
    apply()
    app.styleHints().colorSchemeChanged.connect(apply)


def _icon():
    from app.ui.icons import icon

    found = icon("custos")
    return None if found.isNull() else found


def run_desktop(profile: str = "default", *, demo_actor=None) -> int:
    """Open the window for `profile`: sign in, then work until the window closes.

    `demo_actor` (for `custos demo`) skips the sign-in and adds the Demo menu,
    which switches the demo user's role so that each role's view can be seen.
    """
    from app.storage.replica import open_profile
    from app.ui.login import LoginDialog
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings
    from app.ui.tasks import TaskRunner

    app = create_application()
    ui_thread_gc.install(app)  # for the app's life, before any worker thread starts
    settings = Settings()
    install_language(settings.get("ui/language"))
    replica = open_profile(profile)
    try:
        runner = TaskRunner()
        actor = demo_actor
        if actor is None:
            login = LoginDialog(runner, replica)
            if login.exec() != LoginDialog.DialogCode.Accepted or login.actor is None:
                return 1
            actor = login.actor
        window = MainWindow(replica, actor, settings=settings, runner=runner,
                            demo=demo_actor is not None)
        window.show()
        return app.exec()
    finally:
        replica.close()

