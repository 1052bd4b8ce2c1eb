"""Scoring records: the prediction log and the professional's decisions.

Written by hand to match app.core.schema (prediction_log, scoring_decision).
Both tables are append-only: a prediction is what a model said, and a changed
decision is a new row.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa
import app.core.schema

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _bookkeeping() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('facility', sa.String(length=40), nullable=False),
        sa.Column('created_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=80), nullable=False),
        sa.Column('updated_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_by', sa.String(length=80), nullable=False),
        sa.Column('voided_at', app.core.schema.UTCDateTime(timezone=True), nullable=True),
        sa.Column('voided_by', sa.String(length=80), nullable=True),
        sa.Column('void_reason', sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('prediction_log',
    *_bookkeeping(),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('assessment_id', sa.String(length=36), nullable=True),
    sa.Column('instrument_id', sa.String(length=60), nullable=False),
    sa.Column('instrument_version', sa.String(length=20), nullable=False),
    sa.Column('model_id', sa.String(length=60), nullable=False),
    sa.Column('model_version', sa.String(length=20), nullable=False),
    sa.Column('model_sha256', sa.String(length=64), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=False),
    sa.Column('outputs', sa.JSON(), nullable=False),
    sa.Column('band', sa.String(length=40), nullable=False),
    sa.Column('scored_by', sa.String(length=80), nullable=False),
    sa.Column('scored_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_prediction_log_person_id_person')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_prediction_log_assessment_id_assessment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prediction_log')),
    info={'replicated': True, 'data_class': 'assessment', 'append_only': True, 'person_column': 'person_id'}
    )
    with op.batch_alter_table('prediction_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prediction_log_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_prediction_log_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_prediction_log_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index('ix_prediction_log_person', ['person_id', 'scored_at'], unique=False)

    op.create_table('scoring_decision',
    *_bookkeeping(),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('prediction_log_id', sa.String(length=36), nullable=False),
    sa.Column('decision', sa.String(length=40), nullable=False),
    sa.Column('professional_band', sa.String(length=40), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_by', sa.String(length=80), nullable=False),
    sa.Column('decided_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision IN ('AGREE', 'OVERRIDE')", name=op.f('ck_scoring_decision_known_decision')),
    sa.CheckConstraint("decision <> 'OVERRIDE' OR (reason IS NOT NULL AND professional_band IS NOT NULL)", name=op.f('ck_scoring_decision_override_reasoned')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_scoring_decision_person_id_person')),
    sa.ForeignKeyConstraint(['prediction_log_id'], ['prediction_log.id'], name=op.f('fk_scoring_decision_prediction_log_id_prediction_log')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scoring_decision')),
    info={'replicated': True, 'data_class': 'clinical', 'append_only': True, 'person_column': 'person_id'}
    )
    with op.batch_alter_table('scoring_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scoring_decision_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_scoring_decision_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scoring_decision_prediction_log_id'), ['prediction_log_id'], unique=False)


def downgrade() -> None:
    # Migrations only add: replicas are never migrated down.
    raise RuntimeError("replica migrations cannot be reversed")
