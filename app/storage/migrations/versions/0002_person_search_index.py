"""Person search: an FTS5 index over names, aliases and identifiers.

Revision ID: 0002
Revises: 0001

The index is fed by triggers on the replicated tables, not by the unit of
work, so rows that arrive by sync are searchable the moment they are applied.
`search_doc` holds one line of text per name, alias or identifier; the FTS5
table indexes it as external content. The unicode61 tokenizer with
remove_diacritics 2 folds accents, so "Jose" finds "José" and vice versa.
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_NAME = "trim(coalesce(NEW.first_name,'') || ' ' || coalesce(NEW.middle_names,'') || ' ' || NEW.last_name)"
_ALIAS = "trim(NEW.first_name || ' ' || NEW.last_name)"
_IDENT = "NEW.value"

STATEMENTS = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        text, content='search_doc', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')""",
    # Keep the FTS index in step with search_doc (the standard external-content recipe).
    """CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
        INSERT INTO search_fts(rowid, text) VALUES (new.rowid, new.text); END""",
    """CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
        INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END""",
    """CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
        INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO search_fts(rowid, text) VALUES (new.rowid, new.text); END""",
]

# Feed search_doc from the three source tables.
for table, kind, text, person in [
    ("person", "name", _NAME, "NEW.id"),
    ("person_alias", "alias", _ALIAS, "NEW.person_id"),
    ("person_identifier", "identifier", _IDENT, "NEW.person_id"),
]:
    STATEMENTS += [
        f"""CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO search_doc(source_id, person_id, kind, text)
            VALUES (NEW.id, {person}, '{kind}', {text}); END""",
        f"""CREATE TRIGGER {table}_search_au AFTER UPDATE ON {table} BEGIN
            UPDATE search_doc SET text = {text}, person_id = {person}
            WHERE source_id = NEW.id; END""",
    ]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
    # Index whatever rows an older replica already holds.
    op.execute("""INSERT INTO search_doc(source_id, person_id, kind, text)
        SELECT id, id, 'name', trim(coalesce(first_name,'') || ' ' ||
               coalesce(middle_names,'') || ' ' || last_name) FROM person""")
    op.execute("""INSERT INTO search_doc(source_id, person_id, kind, text)
        SELECT id, person_id, 'alias', trim(first_name || ' ' || last_name) FROM person_alias""")
    op.execute("""INSERT INTO search_doc(source_id, person_id, kind, text)
        SELECT id, person_id, 'identifier', value FROM person_identifier""")


def downgrade() -> None:
    raise RuntimeError("replica migrations cannot be reversed")
