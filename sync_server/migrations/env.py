"""Alembic environment for the server database (run programmatically, see storage/migrate.py).

`target_metadata` is a list so the replicated schema can join it: when the
server starts storing replicated rows, add `app.core.schema.metadata` here
and write a new revision that creates those tables.
"""
from alembic import context

from sync_server.storage.tables import server_metadata

TARGET_METADATA = [server_metadata]

connection = context.config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=TARGET_METADATA,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
