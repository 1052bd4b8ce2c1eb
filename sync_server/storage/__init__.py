"""The server's database: its own tables, engine set-up and migrations."""
