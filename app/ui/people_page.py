"""People: search-as-you-type over the whole replica, the list, and the profile.

Typing restarts a short timer; when it fires, the search runs on the replica
worker, and only the answer to the latest text is shown (an older, slower
answer arriving late is dropped). Down from the search box goes to the list,
Enter on a line opens the person.
"""
from __future__ import annotations

from app.storage.search import search_people
from app.ui.people_model import PeopleModel
from app.ui.profile_view import ProfileView
from app.ui.qt import (
    QAbstractItemView, QEvent, QHeaderView, QLabel, QLineEdit, QSplitter, QTableView, Qt,
    QTimer, QVBoxLayout, QWidget, Signal,
)
from app.ui.tasks import TaskRunner

DEBOUNCE_MS = 150
OPEN_AFTER_MS = 250
SEARCH_LIMIT = 200


def run_search(replica, text: str, limit: int = SEARCH_LIMIT):
    """Search on the worker (Qt-free): the hits for `text`."""
    with replica.reader.connect() as conn:
        return search_people(conn, text, limit=limit)


class PeoplePage(QWidget):
    """The people module."""

    searched = Signal(str)  # emitted with the text whose results are now shown

    def __init__(self, runner: TaskRunner, replica, actor, parent=None):
        super().__init__(parent)
        self._runner, self._replica = runner, replica
        self._search_op = None
        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(self.tr("Search by name, alias or number"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.search.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setObjectName("peopleStatus")
        self.status.setAccessibleName(self.tr("Search results"))

        self.model = PeopleModel(runner, replica, self)
        self.table = QTableView()
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName(self.tr("People"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures rows it does not show.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 100)
        self.table.setColumnWidth(2, 90)
        self.table.activated.connect(self._open_index)
        # Moving through the list opens the line the officer stops on, not every
        # line passed on the way (each opening is read and audited).
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_AFTER_MS)
        self._open_timer.timeout.connect(lambda: self._open_index(self.table.currentIndex()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _cur, _prev: self._open_timer.start())

        self.profile = ProfileView(runner, replica, actor)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        self.model.loaded.connect(self._show_count)

        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.status)
        box.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.profile)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([460, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._truncated = False
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self):
        """Re-read the list (after intake or sync)."""
        if self.search.text().strip():
            self._run_search()
            return None
        return self.model.load_all()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._timer.stop()
                self._run_search(open_first=True)
                return True
        return super().eventFilter(obj, event)

    # -- search ---------------------------------------------------------------------
    def _run_search(self, open_first: bool = False):
        text = self.search.text()
        if self._search_op is not None:
            self._search_op.cancel()
        if not text.strip():
            self._search_op = None
            self._truncated = False
            return self.model.load_all().success(lambda _ids: self.searched.emit(text))
        op = self._runner.run(run_search, self._replica, text, owner=self)
        self._search_op = op

        def shown(hits):
            self._search_op = None
            self._truncated = hits.truncated
            self.model.set_hits(hits)
            if open_first and hits:
                self.table.selectRow(0)
            self.searched.emit(text)
        return op.success(shown)

    def _show_count(self, n: int) -> None:
        if n == 0 and self.search.text().strip():
            self.status.setText(self.tr("No one matches. Check the spelling or try a number."))
        elif self._truncated:
            self.status.setText(self.tr("More people match: keep typing to narrow the list."))
        else:
            self.status.setText(self.tr("%Ln person(s)", "", n))

    def _open_index(self, index) -> None:
        self._open_timer.stop()
        pid = self.model.person_id(index.row()) if index.isValid() else None
        shown = self.profile.profile
        if pid and not (shown is not None and shown.person_id == pid and not self.profile.loading):
            self.profile.show_person(pid)
