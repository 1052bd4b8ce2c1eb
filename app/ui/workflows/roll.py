"""The unit roll: for each unit, who is in, who is out, and the capacity;
then who is in the chosen unit, cell by cell, and who is out of the facility
(at court, on temporary absence).
"""
from __future__ import annotations

from dataclasses import dataclass

from app.domain import locations
from app.ui.i18n import code_label
from app.ui.qt import (
    QAbstractItemView, QAbstractTableModel, QHBoxLayout, QHeaderView, QLabel, QModelIndex, QPushButton, Qt,
    QStandardItem, QStandardItemModel, QTableView, QTabWidget, QTreeView, QVBoxLayout, QWidget,
)


@dataclass
class Roll:
    lines: list
    out: list


def read_roll(replica, actor) -> Roll:
    """The facility's roll and who is out (on the worker)."""
    with replica.unit_of_work(actor) as uow:
        return Roll(locations.unit_roll(uow, facility_code=actor.facility),
                    locations.out_of_facility(uow, facility_code=actor.facility))


def read_occupants(replica, actor, location_id: str) -> list[dict]:
    with replica.unit_of_work(actor) as uow:
        return locations.occupants(uow, location_id=location_id)


def read_locations(replica, facility: str) -> list[dict]:
    """Every location of the facility with the people it holds (on the worker)."""
    from sqlalchemy import func, select

    from app.core import schema as sc

    loc, ep = sc.location, sc.custody_episode
    held = (select(ep.c.location_id, func.count().label("n"))
            .where(ep.c.status.in_(locations.IN_CUSTODY), ep.c.voided_at.is_(None))
            .group_by(ep.c.location_id).subquery())
    with replica.reader.connect() as conn:
        return [dict(r) for r in conn.execute(
            select(loc.c.id, loc.c.parent_id, loc.c.code, loc.c.name, loc.c.kind, loc.c.active,
                   loc.c.operational_capacity, loc.c.max_capacity, loc.c.deactivation_reason,
                   func.coalesce(held.c.n, 0).label("held"))
            .select_from(loc.outerjoin(held, held.c.location_id == loc.c.id))
            .where(loc.c.facility == facility, loc.c.voided_at.is_(None))
            .order_by(loc.c.code)).mappings()]


class RowsModel(QAbstractTableModel):
    """A read-only table of plain rows (lists of values) with fixed headers."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers, self.rows, self.keys = headers, [], []

    def set_rows(self, rows: list[list], keys: list | None = None) -> None:
        self.beginResetModel()
        self.rows, self.keys = rows, keys or [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:
            return self.keys[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(
                self.rows[index.row()][index.column()], int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None


def table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    # These lists are short (a unit, a day's visits): columns fit their text.
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RollPage(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.units = RowsModel([self.tr("Unit"), self.tr("In"), self.tr("Out"), self.tr("Total"),
                                self.tr("Operational capacity"), self.tr("Free")], self)
        self.people = RowsModel([self.tr("Cell"), self.tr("Name"), self.tr("Booking"),
                                 self.tr("Status")], self)
        self.out = RowsModel([self.tr("Name"), self.tr("Booking"), self.tr("Out for"),
                              self.tr("Cell kept")], self)
        self.units_view = table(self.units, "rollUnits")
        self.units_view.setAccessibleName(self.tr("Units"))
        self.people_view = table(self.people, "rollPeople")
        self.people_view.setAccessibleName(self.tr("People in the unit"))
        self.out_view = table(self.out, "rollOut")
        self.out_view.setAccessibleName(self.tr("Out of the facility"))
        self.summary = QLabel()
        self.summary.setObjectName("rollSummary")
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.refresh)
        self.units_view.selectionModel().currentRowChanged.connect(self._unit_chosen)
        for view in (self.people_view, self.out_view):
            view.activated.connect(self._open_person)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        roll = QWidget()
        column = QVBoxLayout(roll)
        column.addLayout(top)
        column.addWidget(self.units_view, 1)
        column.addWidget(QLabel(self.tr("In the unit:")))
        column.addWidget(self.people_view, 2)
        column.addWidget(QLabel(self.tr("Out of the facility:")))
        column.addWidget(self.out_view, 1)
        # The location tree: facility > unit > landing > cell, with what each holds.
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("locationTree")
        self.tree.setAccessibleName(self.tr("Locations"))
        self.tree.setModel(self.tree_model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        self.tabs.addTab(roll, self.tr("Roll"))
        self.tabs.addTab(self.tree, self.tr("Locations"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.refresh()

    def refresh(self):
        w = self.window_
        self.tree_op = w.runner.run(read_locations, w.replica, w.actor.facility, owner=self).success(
            self._show_tree)
        self.op = w.runner.run(read_roll, w.replica, w.actor, owner=self).success(self._show)
        return self.op

    def _show_tree(self, rows: list[dict]) -> None:
        codes = self.window_.replica.codes
        self.tree_model.clear()
        self.tree_model.setHorizontalHeaderLabels(
            [self.tr("Location"), self.tr("Kind"), self.tr("People"),
             self.tr("Operational capacity"), self.tr("State")])
        children: dict = {}
        for r in rows:
            children.setdefault(r["parent_id"], []).append(r)

        def total(r) -> int:
            return r["held"] + sum(total(c) for c in children.get(r["id"], []))

        def add(parent, r) -> None:
            state = self.tr("in use") if r["active"] else \
                self.tr("out of use: %1").replace("%1", r["deactivation_reason"] or "")
            cells = [QStandardItem(f"{r['code']} — {r['name']}"),
                     QStandardItem(code_label(codes, "location_kind", r["kind"])),
                     QStandardItem(str(total(r))),
                     QStandardItem("" if r["operational_capacity"] is None
                                   else str(r["operational_capacity"])),
                     QStandardItem(state)]
            cells[0].setData(r["id"], Qt.ItemDataRole.UserRole)
            parent.appendRow(cells)
            for child in children.get(r["id"], []):
                add(cells[0], child)

        known = {r["id"] for r in rows}
        for root in [r for r in rows if r["parent_id"] not in known]:
            add(self.tree_model.invisibleRootItem(), root)
        self.tree.expandToDepth(1)

    def _show(self, roll: Roll) -> None:
        codes = self.window_.replica.codes
        self.units.set_rows([[f"{l.name} ({l.code})", l.in_cell, l.out, l.total,
                              l.operational_capacity, l.operational_capacity - l.total]
                             for l in roll.lines], [l.location_id for l in roll.lines])
        self.out.set_rows([[f"{r['last_name']}, {r['first_name']}", r["booking_number"],
                            code_label(codes, "movement_type", r["out_reason"]),
                            r["location_code"]] for r in roll.out],
                          [r["person_id"] for r in roll.out])
        total_in = sum(l.in_cell for l in roll.lines)
        total_out = sum(l.out for l in roll.lines)
        self.summary.setText(self.tr("Roll: %1 in, %2 out, %3 in total")
                             .replace("%1", str(total_in)).replace("%2", str(total_out))
                             .replace("%3", str(total_in + total_out)))
        if roll.lines:
            self.units_view.selectRow(0)

    def _unit_chosen(self, current, _previous) -> None:
        unit = self.units.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if unit is None:
            self.people.set_rows([])
            return
        w = self.window_

        def show(rows):
            self.people.set_rows([[r["location_code"], f"{r['last_name']}, {r['first_name']}",
                                   r["booking_number"],
                                   self.tr("out") if r["status"] == "OUT" else self.tr("in")]
                                  for r in rows], [r["person_id"] for r in rows])
        self.people_op = w.runner.run(read_occupants, w.replica, w.actor, unit, owner=self).success(show)

    def _open_person(self, index) -> None:
        pid = index.model().data(index, Qt.ItemDataRole.UserRole)
        if pid:
            self.window_.show_person(pid)


def page(window) -> RollPage:
    return RollPage(window)
