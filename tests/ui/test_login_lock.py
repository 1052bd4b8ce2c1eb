"""Signing in (offline, for a user this device knows) and the idle lock."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from argon2 import PasswordHasher
from sqlalchemy import insert

from app.core.errors import ValidationError
from app.ui.login import LoginDialog
from app.ui.settings import Settings
from tests.ui.conftest import add_person, wait_op

PASSWORD = "correct horse battery"


@pytest.fixture
def known_officer(replica):
    """officer1 signed in online on this device before, so it may sign in offline."""
    from app.storage.local_tables import known_user

    with replica.engine.begin() as conn:
        conn.execute(insert(known_user).values(
            username="officer1",
            password_hash=PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(PASSWORD),
            roles=["officer"], facilities=[{"code": "MDI", "name": "Moorland"}],
            all_facilities=0, server_url="https://sync.invalid",
            online_login_at=dt.datetime.now(dt.timezone.utc)))
    return "officer1"


def test_offline_sign_in_for_a_user_this_device_knows(qtbot, runner, replica, known_officer):
    dialog = LoginDialog(runner, replica, server="")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "Officer1")
    qtbot.keyClicks(dialog.password, PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=10_000) as got:
        dialog.submit()
    actor, mode = got.args
    assert (actor.username, actor.facility, actor.roles, mode) == \
        ("officer1", "MDI", ("officer",), "offline")
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_a_wrong_password_is_refused_with_a_clear_message(qtbot, runner, replica, known_officer):
    dialog = LoginDialog(runner, replica, server="")
    qtbot.addWidget(dialog)
    dialog.username.setText("officer1")
    dialog.password.setText("not the password")
    wait_op(qtbot, dialog.submit())
    assert dialog.actor is None
    assert "wrong username or password" in dialog.message.text()
    assert dialog.password.text() == ""


def test_an_empty_username_names_the_field(qtbot, runner, replica):
    dialog = LoginDialog(runner, replica, server="")
    qtbot.addWidget(dialog)
    dialog.password.setText("x")
    wait_op(qtbot, dialog.submit())
    assert dialog.message.text() == "User name: is required"


def test_idle_time_is_15_minutes_by_default_and_never_more_than_30(make_window):
    window = make_window()
    assert window.idle.minutes == 15
    assert window.idle.timer.interval() == 15 * 60_000
    with pytest.raises(ValidationError) as err:
        window.settings.set("security/idle_minutes", 45)
    assert err.value.field == "idle_minutes"
    # A hand-edited settings file cannot push it past the limit either.
    window.settings.qsettings.setValue("security/idle_minutes", 90)
    assert Settings().get("security/idle_minutes") == 15
    window.idle.set_minutes(90)
    assert window.idle.minutes == 30


def test_idle_window_locks_hides_the_record_and_unlocks_with_the_password(
        qtbot, make_window, act, known_officer):
    add_person(act, "Ana", "Silva", sex="F")
    window = make_window()
    window.show()
    people = window.pages["people"]
    assert people.isVisible()
    from app.ui import workflows
    note = workflows.start("case_note", window, add_person(act, "Rui", "Costa")["id"])
    assert note.isVisible()
    window.idle.timer.setInterval(50)  # stand-in for 15 minutes without input
    window.idle.timer.start()
    with qtbot.waitSignal(window.locked_changed, timeout=5000):
        pass
    assert window.locked
    assert not people.isVisible() and not window.menuBar().isVisible()
    assert not note.isVisible()  # an open form is hidden too
    assert window.lock_screen.isVisible()
    # Shortcuts do not reach the record while locked.
    assert window.start_intake() is None

    screen = window.lock_screen
    screen.password.setText("guess")
    wait_op(qtbot, screen.try_unlock())
    assert window.locked and "wrong username or password" in screen.message.text()
    screen.password.setText(PASSWORD)
    with qtbot.waitSignal(window.locked_changed, timeout=10_000):
        screen.try_unlock()
    assert not window.locked
    assert people.isVisible() and note.isVisible()


def test_settings_page_changes_the_idle_lock(qtbot, make_window):
    window = make_window()
    page = window.open_module("settings")
    assert window.sync._sync_timer.interval() == 5 * 60_000  # background sync every 5 min
    page.idle.setValue(5)
    page.interval.setValue(10)
    page.save.click()
    assert window.idle.minutes == 5
    assert window.sync._sync_timer.interval() == 10 * 60_000
    assert Settings().get("security/idle_minutes") == 5
    assert page.idle.maximum() == 30


def test_sub_commands_stay_qt_free(tmp_path):
    # Whatever `status` finds (here: no replica yet), it must not have imported Qt.
    code = ("import sys; from app.__main__ import main; main(['status', '--json']);"
            "print('QT_LOADED=' + str('PySide6' in sys.modules))")
    env = dict(os.environ, CUSTOS_HOME=str(tmp_path / "home"),
               PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
               CUSTOS_ALLOW_PLAINTEXT_KEYRING="1", XDG_DATA_HOME=str(tmp_path / "xdg"))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "QT_LOADED=False" in done.stdout


def test_custos_without_a_command_signs_in_and_opens_the_window(qtbot, replica, known_officer):
    from app.__main__ import main
    from app.ui.main_window import MainWindow
    from app.ui.qt import QApplication, QTimer

    replica.close()  # `custos` opens the profile itself
    seen = []

    def drive():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, LoginDialog) and w.isVisible() and not seen:
                seen.append("login")
                w.username.setText("officer1")
                w.password.setText(PASSWORD)
                w.submit()
            elif isinstance(w, MainWindow) and w.isVisible() and "window" not in seen:
                seen.append("window")
                seen.append(w.windowTitle())
                w.close()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    try:
        assert main([]) == 0
    finally:
        timer.stop()
    assert seen[:2] == ["login", "window"]
    assert seen[2] == "Custos — officer1 (MDI)"


def test_the_password_is_asked_again_every_twelve_hours_even_when_busy(qtbot, make_window):
    window = make_window()
    window.show()
    assert window.reauth.interval() == 12 * 3600 * 1000
    window.reauth.setInterval(30)  # stand-in for twelve hours of work
    window.reauth.start()
    with qtbot.waitSignal(window.locked_changed, timeout=5000):
        for _ in range(5):
            qtbot.mouseMove(window.sidebar)  # activity does not postpone it
            qtbot.wait(5)
    assert window.locked
