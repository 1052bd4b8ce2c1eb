"""Online sign-in and a background sync against a real sync server (loopback)."""
from __future__ import annotations

import pytest

from app.ui.login import LoginDialog
from tests.ui.conftest import add_person


@pytest.fixture
def server(tmp_path):
    from tests.sync.conftest import LiveServer, init_database

    db = tmp_path / "server" / "server.db"
    db.parent.mkdir()
    init_database(db)
    live = LiveServer(db).start()
    yield live
    live.stop()


def test_online_sign_in_then_first_sync_with_progress(qtbot, runner, replica, server, make_window):
    from tests.sync.conftest import PASSWORD

    dialog = LoginDialog(runner, replica, server=server.url)
    qtbot.addWidget(dialog)
    dialog.username.setText("alice")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=20_000) as got:
        dialog.submit()
    actor, mode = got.args
    assert (actor.username, actor.facility, mode) == ("alice", "MDI", "online")
    with replica.unit_of_work(actor) as uow:
        from app.domain.people import create_person
        create_person(uow, first_name="Ana", last_name="Silva", date_of_birth="1990-01-01",
                      sex="F")

    window = make_window(actor)
    started = []
    # The first sync starts on its own once the window sees that the replica
    # has a server but has never synced; it shows a progress bar.
    window.sync.sync_started.connect(lambda first: started.append(
        (first, window.indicator.bar.isVisible())))
    window.show()
    with qtbot.waitSignal(window.sync.sync_finished, timeout=30_000) as done:
        pass
    summary = done.args[0]
    assert summary.completed, summary.error
    assert started == [(True, True)]
    qtbot.waitUntil(lambda: window.indicator.pending.text() == "0 changes to send", timeout=5000)
    assert "Online" in window.indicator.state.text()
    assert "never" not in window.indicator.last.text()
    assert not window.indicator.bar.isVisible()
    # Later syncs run on demand (F5) and in the background, without the bar.
    started.clear()
    with qtbot.waitSignal(window.sync.sync_finished, timeout=30_000) as again:
        window.sync_action.trigger()
    assert again.args[0].completed and started == [(False, False)]


def test_without_a_server_the_indicator_stays_offline_and_says_why(qtbot, make_window, act):
    add_person(act, "Ana", "Silva")
    window = make_window()
    window.show()
    qtbot.waitUntil(lambda: window.sync.facts is not None, timeout=5000)
    with qtbot.waitSignal(window.sync.sync_finished, timeout=10_000) as done:
        window.sync.sync_now()
    assert not done.args[0].completed
    assert "Offline" in window.indicator.state.text()
    assert "no sync server" in window.indicator.state.toolTip()
