"""The main window: the sidebar of modules, the module pages, the sync
indicator, the menus and their shortcuts, and the idle lock.

Keyboard: Ctrl+1…Ctrl+9 open the sidebar's modules in order, Ctrl+F finds
a person, Ctrl+I starts an intake, F5 syncs, Ctrl+L locks.
"""
from __future__ import annotations

from typing import Callable

from app.core import roles
from app.ui import workflows
from app.ui.errors import show_error
from app.ui.i18n import install_language
from app.ui.icons import icon
from app.ui.lock import IdleWatcher, LockScreen
from app.ui.modules import Module, modules_for
from app.ui.people_page import PeoplePage
from app.ui.qt import (
    QAction, QHBoxLayout, QKeySequence, QLabel, QListWidget, QListWidgetItem, QMainWindow,
    QStackedWidget, Qt, QTimer, QVBoxLayout, QWidget, Signal,
)
from app.ui.settings import Settings
from app.ui.settings_page import SettingsPage
from app.ui.sync_indicator import SyncController, SyncIndicator
from app.ui.tasks import TaskRunner


REAUTHENTICATE_MS = 12 * 3600 * 1000


def offline_verifier(replica) -> Callable[[str, str], object]:
    """Checks a password the way offline sign-in does (used by the lock screen)."""
    def verify(username: str, password: str):
        from app.sync.session import login_offline

        return login_offline(replica, username, password)
    return verify


class MainWindow(QMainWindow):
    """Custos' one main window, for one signed-in user on one replica."""

    locked_changed = Signal(bool)

    def __init__(self, replica, actor, *, settings: Settings | None = None,
                 runner: TaskRunner | None = None,
                 verify: Callable[[str, str], object] | None = None, demo: bool = False,
                 parent=None):
        super().__init__(parent)
        self.demo = demo
        self.setObjectName("mainWindow")
        self.replica, self.actor = replica, actor
        self.settings = settings or Settings()
        install_language(self.settings.get("ui/language"))
        self.runner = runner or TaskRunner(self)
        self.runner.error.connect(lambda e: show_error(self, e))
        self.sync = SyncController(self.runner, replica,
                                   self.settings.get("sync/interval_minutes"), self)
        self.indicator = SyncIndicator(self.sync)
        self.indicator.open_rejected.connect(self.open_rejected)
        self.statusBar().addPermanentWidget(self.indicator, 1)
        self.modules: list[Module] = modules_for(actor.roles)
        self.pages: dict[str, QWidget] = {}
        self.locked = False

        self.outer = QStackedWidget()
        self.setCentralWidget(self.outer)
        self.lock_screen = LockScreen(self.runner, actor.username,
                                      verify or offline_verifier(replica))
        self.lock_screen.unlocked.connect(self.unlock)
        self._build()
        self.outer.addWidget(self.lock_screen)

        self.idle = IdleWatcher(self.settings.get("security/idle_minutes"), self)
        self.idle.idle.connect(self.lock)
        # Re-authentication every 12 hours, busy or not (CJIS): the same lock.
        self.reauth = QTimer(self)
        self.reauth.setInterval(REAUTHENTICATE_MS)
        self.reauth.timeout.connect(self.lock)
        self.reauth.start()
        geometry = self.settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 800)
        self.sync.start()

    # -- building ---------------------------------------------------------------
    def _build(self) -> None:
        """(Re)build the window's content in the current language."""
        self.setWindowTitle(self.tr("Custos — %1 (%2)").replace("%1", self.actor.username)
                            .replace("%2", self.actor.facility))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Modules"))
        self.sidebar.setMaximumWidth(240)
        for module in self.modules:
            item = QListWidgetItem(icon(module.key), module.label)
            item.setData(Qt.ItemDataRole.UserRole, module.key)
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.sidebar.currentRowChanged.connect(self._module_chosen)
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        old = self.outer.widget(0) if self.outer.count() and self.outer.widget(0) is not self.lock_screen else None
        if old is not None:
            self.outer.removeWidget(old)
            old.deleteLater()
        self.outer.insertWidget(0, content)
        self.outer.setCurrentIndex(1 if self.locked else 0)
        self.pages = {}
        self._build_menus()
        self.sidebar.setCurrentRow(0)

    def _build_menus(self) -> None:
        self.menuBar().clear()
        # Rebuilt menus (another language, another demo role) must not leave
        # their old actions on the window: two actions on one shortcut make
        # the shortcut ambiguous, and then neither fires.
        for action in getattr(self, "_window_actions", []):
            self.removeAction(action)
            action.deleteLater()
        self._window_actions: list[QAction] = []
        self._module_actions = []
        custos = self.menuBar().addMenu(self.tr("&Custos"))
        self.sync_action = self._action(custos, self.tr("&Sync now"), QKeySequence("F5"),
                                        self.sync.sync_now)
        self.lock_action = self._action(custos, self.tr("&Lock"), QKeySequence("Ctrl+L"),
                                        self.lock)
        custos.addSeparator()
        self._action(custos, self.tr("&Rejected changes…"), QKeySequence("Ctrl+Shift+R"),
                     self.open_rejected)
        custos.addSeparator()
        self._action(custos, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        person = self.menuBar().addMenu(self.tr("&Person"))
        self._action(person, self.tr("&Find a person…"), QKeySequence.StandardKey.Find,
                     self.find_person)
        self.intake_action = self._action(person, self.tr("New &intake…"),
                                          QKeySequence("Ctrl+I"), self.start_intake)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for n, module in enumerate(self.modules[:9], start=1):
            action = self._action(go, module.label, QKeySequence(f"Ctrl+{n}"),
                                  lambda _=False, k=module.key: self.open_module(k))
            self._module_actions.append(action)
        if self.demo:
            demo = self.menuBar().addMenu(self.tr("&Demo"))
            names = {roles.OFFICER: self.tr("Officer"), roles.PSYCHOLOGIST: self.tr("Psychologist"),
                     roles.CASE_MANAGER: self.tr("Case manager"),
                     roles.SUPERVISOR: self.tr("Supervisor"),
                     roles.CENTRAL_OFFICE: self.tr("Central office"), roles.ADMIN: self.tr("Administrator")}
            for role in roles.ROLES:
                action = QAction(self.tr("View as %1").replace("%1", names[role]), self)
                self._window_actions.append(action)
                action.setCheckable(True)
                action.setChecked(self.actor.roles == (role,))
                action.triggered.connect(lambda _=False, r=role: self.switch_role(r))
                demo.addAction(action)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden (locked)
        self._window_actions.append(action)
        return action

    def switch_role(self, role: str) -> None:
        """Demo only: see the window as a user holding `role` sees it."""
        from app.storage.unit_of_work import Actor

        self.actor = Actor(self.actor.username, self.actor.facility, (roles.check_role(role),))
        self.modules = modules_for(self.actor.roles)
        self._build()

    # -- modules ------------------------------------------------------------------
    def module_keys(self) -> list[str]:
        return [m.key for m in self.modules]

    def open_module(self, key: str) -> QWidget:
        """Show module `key` (building its page the first time); returns the page."""
        if self.locked:
            return self.stack.currentWidget()
        row = self.module_keys().index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        return self.pages[key]

    def _module_chosen(self, row: int) -> None:
        if row < 0:
            return
        key = self.modules[row].key
        if key not in self.pages:
            page = self._make_page(key)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.stack.addWidget(page)
        elif key != "people" and hasattr(self.pages[key], "refresh"):
            self.pages[key].refresh()  # a list seen again shows what changed meanwhile
        self.stack.setCurrentWidget(self.pages[key])

    def _make_page(self, key: str) -> QWidget:
        if key == "people":
            page = PeoplePage(self.runner, self.replica, self.actor)
            page.profile.action_requested.connect(self.start_workflow)
            return page
        if key == "assessments":
            from app.ui.assessment.page import page as assessments_page

            return assessments_page(self)
        if key == "conflicts":
            from app.ui.sync_inbox import ConflictsPage

            return ConflictsPage(self)
        if key == "settings":
            page = SettingsPage(self.settings)
            page.changed.connect(self._settings_changed)
            return page
        page = workflows.module_page(key, self)
        if page is not None:
            return page
        return _NotYet(self)

    def open_rejected(self):
        """The rejected-changes inbox (also opened from the sync indicator)."""
        if self.locked:
            return None
        from app.ui.sync_inbox import RejectedDialog

        dialog = RejectedDialog(self)
        dialog.open()
        return dialog

    def find_person(self) -> None:
        self.open_module("people").focus_search()

    # -- workflows ---------------------------------------------------------------------
    def start_intake(self):
        if not self.locked:
            return workflows.start("intake", self, None)
        return None

    def start_workflow(self, key: str, person_id: str | None):
        if not self.locked:
            return workflows.start(key, self, person_id)
        return None

    def record_changed(self, person_id: str | None = None, *, new_person: bool = False) -> None:
        """A workflow saved something: refresh what shows it."""
        people = self.pages.get("people")
        if people is not None:
            if new_person:
                people.reload()  # the list (or the search shown) gains someone
            else:
                people.model.refresh()
            if person_id and people.profile.profile is not None \
                    and people.profile.profile.person_id == person_id:
                people.profile.reload()
        self.sync.refresh()

    def show_person(self, person_id: str):
        """Open the people module on `person_id`'s profile."""
        page = self.open_module("people")
        return page.profile.show_person(person_id)

    # -- settings ---------------------------------------------------------------------
    def _settings_changed(self, keys: list[str]) -> None:
        if "security/idle_minutes" in keys:
            self.idle.set_minutes(self.settings.get("security/idle_minutes"))
        if "sync/interval_minutes" in keys:
            self.sync.set_interval(self.settings.get("sync/interval_minutes"))
        if "ui/language" in keys:
            install_language(self.settings.get("ui/language"))
            current = self.modules[max(0, self.sidebar.currentRow())].key
            # Out of the status bar at once: deleteLater alone leaves the old
            # one showing (in the old language) until the event loop runs.
            self.statusBar().removeWidget(self.indicator)
            self.indicator.deleteLater()
            self.indicator = SyncIndicator(self.sync)
            self.indicator.open_rejected.connect(self.open_rejected)
            self.statusBar().addPermanentWidget(self.indicator, 1)
            self.sync.refresh()
            self._build()
            self.open_module(current)

    # -- lock -----------------------------------------------------------------------------
    def lock(self) -> None:
        """Hide everything until the password is given again."""
        if self.locked:
            return
        self.locked = True
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self and dialog.isVisible():
                dialog.hide()  # dialogs would otherwise stay readable over the lock
                self._hidden_dialogs = getattr(self, "_hidden_dialogs", []) + [dialog]
        self.menuBar().setEnabled(False)
        self.menuBar().hide()
        self.statusBar().hide()
        self.outer.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        self.locked = False
        self.menuBar().setEnabled(True)
        self.menuBar().show()
        self.statusBar().show()
        self.outer.setCurrentIndex(0)
        for dialog in getattr(self, "_hidden_dialogs", []):
            dialog.show()
        self._hidden_dialogs = []
        self.idle.timer.start()
        self.reauth.start()  # twelve hours from this password
        self.locked_changed.emit(False)

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.settings.save_geometry("main", self.saveGeometry())
        self.sync.stop()
        self.idle.stop()
        self.runner.wait()
        super().closeEvent(event)


class _NotYet(QWidget):
    """A module whose screens are not in this version: says so plainly."""

    def __init__(self, window: MainWindow):
        super().__init__()
        label = QLabel(self.tr("This module's own screens are not in this version yet. "
                               "Its records show on each person's profile (People, Ctrl+1)."))
        label.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(label)
        box.addStretch()
