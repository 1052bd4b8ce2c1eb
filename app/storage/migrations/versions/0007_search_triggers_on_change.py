"""Search entries are rewritten only when the text they index changes.

The update triggers of migration 0002 rewrote a person's search entry (and
its FTS5 index lines) on every update of the person, alias or identifier,
even when no name or number changed: a pulled page of edited records, or a
device receiving back the rows it had just pushed, churned the search index
for nothing. They now fire only when the indexed text or the person it
points at changes.

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_NAME = "trim(coalesce(NEW.first_name,'') || ' ' || coalesce(NEW.middle_names,'') || ' ' || NEW.last_name)"
_ALIAS = "trim(NEW.first_name || ' ' || NEW.last_name)"
_IDENT = "NEW.value"

_TRIGGERS = [
    ("person", _NAME, "NEW.id", ("first_name", "middle_names", "last_name")),
    ("person_alias", _ALIAS, "NEW.person_id", ("first_name", "last_name", "person_id")),
    ("person_identifier", _IDENT, "NEW.person_id", ("value", "person_id")),
]


def upgrade() -> None:
    for table, text, person, columns in _TRIGGERS:
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        op.execute(f"DROP TRIGGER IF EXISTS {table}_search_au")
        op.execute(f"""CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table}
            WHEN {changed} BEGIN
            UPDATE search_doc SET text = {text}, person_id = {person}
            WHERE source_id = NEW.id; END""")


def downgrade() -> None:
    raise RuntimeError("replica migrations cannot be reversed")
