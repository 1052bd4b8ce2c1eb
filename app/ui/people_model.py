"""The people list: a lazy table model that holds only ids and caches rows.

Like Anki's browser table, the model keeps the ordered list of person ids
(about 40 bytes each: 4 MB at 100,000 people) and fetches the text of a row
only when the view asks for it, a block of rows at a time, on the replica
worker. Until a block arrives its cells show a placeholder, and when it does
the view is told with one dataChanged, so scrolling through 100,000 people
never waits on the database and never builds 100,000 rows of text.

Rows are also exposed in steps (canFetchMore/fetchMore), so the view lays
out only what has been scrolled to.

Search results arrive with their text, so they fill the cache directly.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from app.domain.profile import PersonLine, people_ids, people_lines
from app.ui.i18n import fmt_date
from app.ui.qt import QAbstractTableModel, QModelIndex, Qt, Signal
from app.ui.tasks import TaskRunner

BLOCK = 200  # rows fetched together
STEP = 2000  # rows exposed to the view per fetchMore
CACHE_ROWS = 20_000  # lines kept; the least recently fetched blocks go first

NAME, BORN, LOCATION, MATCHED = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PeopleModel(QAbstractTableModel):
    """Person ids in list order, with their text fetched lazily off the UI thread."""

    loaded = Signal(int)  # emitted with the number of people after a reload

    def __init__(self, runner: TaskRunner, replica, parent=None):
        super().__init__(parent)
        self._runner, self._replica = runner, replica
        self._ids: list[str] = []
        self._exposed = 0
        self._matched: dict[str, str] = {}
        self._provisional: dict[str, PersonLine] = {}
        self._cache: OrderedDict[str, PersonLine] = OrderedDict()
        self._pending_blocks: set[int] = set()
        self._changing = False
        self._loads = 0  # each load_all/set_hits; late answers to older ones are dropped
        self._first_shown = 0
        self._generation = 0  # a reload makes every block still in flight stale
        self.fetched_blocks = 0  # how many blocks were read (tests: laziness)

    # -- content --------------------------------------------------------------
    def load_all(self):
        """Show everyone, in name order; returns the Op that completes when the
        whole list is known.

        The first screenful comes first, with its lines, from a cheap top-N
        query on the replica lane, so a large replica shows names at once;
        the full id list (a second or so at 100,000 people) is read on the
        background lane meanwhile, so it never holds up the rows being shown.
        """
        def first_screen(replica):
            with replica.reader.connect() as conn:
                ids = people_ids(conn, STEP)
                return ids, people_lines(conn, ids[:BLOCK])

        def everyone(replica):
            with replica.reader.connect() as conn:
                return people_ids(conn)

        self._loads += 1
        token = self._loads

        def shown(result):
            ids, lines = result
            self._cache.update(lines)
            if token == self._loads and self._first_shown != token:
                self._reset(ids, {}, {})
                self._first_shown = token

        self._runner.run(first_screen, self._replica, owner=self).success(shown)
        return self._runner.run(everyone, self._replica, lane="bg", owner=self).success(
            lambda ids: self._complete(token, ids))

    def _complete(self, token: int, ids: list[str]) -> None:
        """The whole list arrived (usually after its first screen): extend it in place."""
        if token != self._loads:
            return  # a newer list (another load, a search) replaced it meanwhile
        if self._first_shown != token:
            self._reset(ids, {}, {})  # it came first: show it whole
            self._first_shown = token
            return
        if ids[:len(self._ids)] != self._ids:
            self._reset(ids, {}, {})  # the replica changed in between: start over
            return
        self._ids = ids
        self.loaded.emit(len(ids))

    def set_hits(self, hits, lines: dict[str, PersonLine] | None = None) -> None:
        """Show search results (app.storage.search.PersonHit), best first.

        Their names show at once. `lines`, read with the search (the first
        block's full lines, location included), go straight into the cache, so
        showing the results needs no second read; any other line is read like
        any other block.
        """
        if lines:
            self._cache.update(lines)
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
        self._loads += 1  # a list still loading must not replace these
        self._reset([h.person_id for h in hits],
                    {h.person_id: PersonLine(h.person_id, h.first_name, h.last_name,
                                             h.date_of_birth, None, None) for h in hits},
                    {h.person_id: h.matched for h in hits})

    def person_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < self._exposed else None

    def row_of(self, person_id: str) -> int:
        """The row showing `person_id`, or -1."""
        try:
            row = self._ids.index(person_id)
        except ValueError:
            return -1
        return row if row < self._exposed else -1

    @property
    def total(self) -> int:
        """People in the list, exposed or not yet."""
        return len(self._ids)

    def _reset(self, ids: list[str], provisional: dict[str, PersonLine],
               matched: dict[str, str]) -> None:
        self._changing = True
        self.beginResetModel()
        self._generation += 1
        self._ids = ids
        self._exposed = min(len(ids), STEP)
        self._provisional = provisional
        self._matched = matched
        self._pending_blocks.clear()
        self.endResetModel()
        self._changing = False
        self.loaded.emit(len(ids))

    def refresh(self) -> None:
        """Forget cached lines (after a change) and re-read what is on screen."""
        self._generation += 1
        self._cache.clear()
        self._pending_blocks.clear()
        if self._exposed:
            self.dataChanged.emit(self.index(0, 0), self.index(self._exposed - 1, 3),
                                  [Qt.ItemDataRole.DisplayRole])

    # -- Qt model interface -----------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._exposed

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._exposed < len(self._ids)

    def fetchMore(self, parent=QModelIndex()) -> None:
        # Views (and the model tester) may ask for more while a reset or an
        # insertion is being announced; a nested change would corrupt theirs.
        if parent.isValid() or self._changing:
            return
        more = min(STEP, len(self._ids) - self._exposed)
        if more <= 0:
            return
        self._changing = True
        self.beginInsertRows(QModelIndex(), self._exposed, self._exposed + more - 1)
        self._exposed += more
        self.endInsertRows()
        self._changing = False

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Date of birth"), self.tr("Location"),
                self.tr("Matched"))[section] if 0 <= section < 4 else None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._exposed:
            return None
        pid = self._ids[index.row()]
        if role == ID_ROLE:
            return pid
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        line = self._cache.get(pid)
        if line is None:
            self._request(index.row() // BLOCK)
            line = self._provisional.get(pid)
        if line is None:
            return "…" if index.column() == NAME else ""
        col = index.column()
        if col == NAME:
            return f"{line.last_name}, {line.first_name}" if line.last_name else ""
        if col == BORN:
            return fmt_date(line.date_of_birth)
        if col == LOCATION:
            if line.status == "OUT":
                return self.tr("%1 (out)").replace("%1", line.location or "")
            return line.location or ""
        return self._matched.get(pid, "")

    # -- lazy rows ------------------------------------------------------------------
    def _request(self, block: int) -> None:
        if block in self._pending_blocks:
            return
        self._pending_blocks.add(block)
        ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
        generation = self._generation

        def read(replica, ids):
            with replica.reader.connect() as conn:
                return people_lines(conn, ids)

        self._runner.run(read, self._replica, ids, owner=self).success(
            lambda lines: self._arrived(generation, block, lines))

    def _arrived(self, generation: int, block: int, lines: dict[str, PersonLine]) -> None:
        if generation != self._generation:
            return  # the list changed while this block was read
        self.fetched_blocks += 1
        self._pending_blocks.discard(block)
        for pid in self._ids[block * BLOCK:(block + 1) * BLOCK]:
            # A person voided meanwhile keeps a blank line rather than being re-read forever.
            self._cache[pid] = lines.get(pid) or PersonLine(pid, "", "", None, None, None)
            self._cache.move_to_end(pid)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        first = block * BLOCK
        last = min(first + BLOCK, self._exposed) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, 3),
                                  [Qt.ItemDataRole.DisplayRole])
