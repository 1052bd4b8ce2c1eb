"""The assessment screens' item model (records shown as table rows) and their
value-carrying drop-down."""
from __future__ import annotations

from typing import Any, Callable

from app.ui.qt import (
    QAbstractItemView, QAbstractTableModel, QComboBox, QHeaderView, QModelIndex, Qt, QTableView,
)

Column = tuple[str, Callable[[dict[str, Any]], Any]]  # (header, value of a record)


class RecordsModel(QAbstractTableModel):
    """A read-only table of records (dicts); each row's record is its UserRole."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.records: list[dict[str, Any]] = []

    def set_records(self, records: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any] | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.records) \
                or not 0 <= index.column() < len(self.columns):
            return None
        record = self.records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            value = self.columns[index.column()][1](record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return record
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section][0]
        return None


def records_table(model: RecordsModel, name: str, accessible: str,
                  stretch: int = 0) -> QTableView:
    """A keyboard-friendly, read-only, row-selecting table over `model`; column
    `stretch` (the one naming the record) takes the spare width."""
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return view


def fit_rows(view: QTableView, most: int = 12) -> None:
    """Make a short table as tall as its rows (up to `most`), so a panel of
    several tables reads as one page instead of scroll areas inside scroll areas."""
    rows = min(view.model().rowCount(), most)
    view.resizeRowsToContents()
    height = view.horizontalHeader().height() + 2 * view.frameWidth()
    height += sum(view.rowHeight(r) for r in range(rows)) if rows else view.verticalHeader() \
        .defaultSectionSize()
    view.setFixedHeight(height)


class ValueCombo(QComboBox):
    """A drop-down whose choices carry Python values, kept on the Python side.

    Values never pass through QVariant: with PySide6 6.12 on Python 3.11,
    reading an empty item's data (`currentData()` returning None) drops a
    reference to None each time, which eventually crashes the interpreter
    ("deallocating None"). An unanswered choice is common here, so the
    values live in a list and are looked up by index.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: list[Any] = []

    def add(self, label: str, value: Any) -> None:
        self.values.append(value)
        self.addItem(label)

    def reset(self) -> None:
        self.values = []
        self.clear()

    def value(self) -> Any:
        """The chosen value (None when nothing, or the "none" choice, is chosen)."""
        i = self.currentIndex()
        return self.values[i] if 0 <= i < len(self.values) else None

    def find(self, value: Any) -> int:
        """The index of `value` (same type too, so True never matches 1), or -1."""
        for i, v in enumerate(self.values):
            if v == value and type(v) is type(value):
                return i
        return -1

    def choose(self, value: Any) -> bool:
        """Select `value` if offered; returns whether it was."""
        i = self.find(value)
        if i >= 0:
            self.setCurrentIndex(i)
        return i >= 0
