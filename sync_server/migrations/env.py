"""Alembic environment for the server database (run programmatically, see storage/migrate.py).

`target_metadata` lists the server's own tables and the replicated schema
(app.core.schema.metadata), whose tables the server holds since revision 0002.
"""
from alembic import context

from app.core.schema import metadata as replicated_metadata
from sync_server.storage import sync_tables  # noqa: F401  (registers the sync tables)
from sync_server.storage.tables import server_metadata

TARGET_METADATA = [server_metadata, replicated_metadata]

connection = context.config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=TARGET_METADATA,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
