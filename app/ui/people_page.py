"""People: search-as-you-type over the whole replica, the list, and the profile.

A keystroke starts the search on the replica worker at once when none is
running; keystrokes typed while one runs are gathered into one search of the
latest text when it ends. So a single keystroke shows its results as soon as
the replica answers (no fixed typing delay), fast typing never queues one
search per key, and only the answer to the latest text is shown. Down from the search box goes to the list,
Enter on a line opens the person.
"""
from __future__ import annotations

from app.domain.profile import people_lines
from app.storage.search import search_people
from app.ui.people_model import BLOCK, PeopleModel
from app.ui.profile_view import ProfileView
from app.ui.qt import (
    QAbstractItemView, QEvent, QHeaderView, QLabel, QLineEdit, QSplitter, QTableView, Qt,
    QTimer, QVBoxLayout, QWidget, Signal,
)
from app.ui.tasks import TaskRunner

OPEN_AFTER_MS = 250
SEARCH_LIMIT = 200


def run_search(replica, text: str, limit: int = SEARCH_LIMIT):
    """Search on the worker (Qt-free): the hits for `text`."""
    with replica.reader.connect() as conn:
        return search_people(conn, text, limit=limit)


def search_with_lines(replica, text: str, limit: int = SEARCH_LIMIT):
    """Search, and read the full list lines of the first block of hits in the
    same job (Qt-free, on the worker): the results then show whole at once,
    and no second read queues behind the next keystroke's search."""
    with replica.reader.connect() as conn:
        hits = search_people(conn, text, limit=limit)
        return hits, people_lines(conn, [h.person_id for h in hits[:BLOCK]])


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
        # Narrow enough that the location shows beside a profile in any language
        # (a longer header is elided rather than pushing the location out of view).
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setColumnWidth(0, 150)
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

        self.search.textChanged.connect(self._typed)
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
        self._truncated = self._loading = False
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
                self._run_search(open_first=True)
                return True
        return super().eventFilter(obj, event)

    # -- search ---------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        if self._search_op is not None and not self._search_op.done:
            return  # it re-runs with the latest text when it ends
        self._run_search()

    def _run_search(self, open_first: bool = False):
        text = self.search.text()
        if self._search_op is not None:
            self._search_op.cancel()
        if not text.strip():
            self._search_op = None
            self._truncated = self._loading = False
            return self.model.load_all().success(lambda _ids: self.searched.emit(text))
        op = self._runner.run(search_with_lines, self._replica, text, owner=self)
        self._search_op = op

        def shown(result):
            hits, lines = result
            self._search_op = None
            if self.search.text() != text:
                self._run_search(open_first)  # typed on meanwhile: these hits are stale
                return
            self._truncated, self._loading = hits.truncated, hits.loading
            self.model.set_hits(hits, lines)
            if open_first and hits:
                self.table.selectRow(0)
            self.searched.emit(text)
        def failed(_error):
            self._search_op = None
        return op.success(shown).failure(failed)

    def _show_count(self, n: int) -> None:
        if self._loading:  # before "no one matches": the person may be in the load
            self.status.setText(self.tr(
                "The first sync is still loading this facility: the people it brings can be "
                "found once it ends."))
        elif n == 0 and self.search.text().strip():
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
