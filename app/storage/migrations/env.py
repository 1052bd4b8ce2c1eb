"""Alembic environment for client replicas (run programmatically, see migrate.py)."""
from alembic import context

from app.core.schema import metadata
from app.storage.local_tables import local_metadata

connection = context.config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):
    # The FTS5 index and its shadow tables are created by hand in 0002.
    return not (type_ == "table" and name.startswith("search_fts"))


context.configure(
    connection=connection,
    include_object=include_object,
    target_metadata=[metadata, local_metadata],
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
