"""Sync storage: the replicated tables, the change log, device checkpoints,
the server epoch and the conflict queue; and srv_session.access_used_at.

The replicated tables (app.core.schema, replicated schema version 2) and the
sync tables (sync_server/storage/sync_tables.py) are written out below as
they stood at this revision, not created from the live definitions: a later
change to either is a new revision that only adds (a column, table or
index), and a database created from scratch must reach the same schema as
one upgraded step by step. tests/server/test_migrations.py checks that the
revisions end exactly at the live definitions.

The first epoch is a fresh random id: a database created from scratch is a
new history, and clients that synced with another one start over.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 05:40:00
"""
import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

import app.core.schema
import sync_server.storage.tables

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('facility',
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
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('default_incentive_level', sa.String(length=40), server_default='STD', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facility')),
    sa.UniqueConstraint('code', name=op.f('uq_facility_code')),
    info={'replicated': True, 'data_class': 'organisation', 'append_only': False, 'person_column': None}
    )
    op.create_index(op.f('ix_facility_facility'), 'facility', ['facility'], unique=False)
    op.create_table('location',
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
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('certified_capacity', sa.Integer(), nullable=True),
    sa.Column('operational_capacity', sa.Integer(), nullable=True),
    sa.Column('max_capacity', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('deactivation_reason', sa.Text(), nullable=True),
    sa.Column('planned_reactivation', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['location.id'], name=op.f('fk_location_parent_id_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location')),
    info={'replicated': True, 'data_class': 'organisation', 'append_only': False, 'person_column': None}
    )
    op.create_index(op.f('ix_location_facility'), 'location', ['facility'], unique=False)
    op.create_index('uq_location_facility_code', 'location', ['facility', 'code'], unique=True)
    op.create_table('person',
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
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('middle_names', sa.String(length=200), nullable=True),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=40), nullable=False),
    sa.Column('gender', sa.String(length=40), nullable=True),
    sa.Column('merged_into_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['merged_into_id'], ['person.id'], name=op.f('fk_person_merged_into_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    info={'replicated': True, 'data_class': 'identity', 'append_only': False, 'person_column': 'id'}
    )
    op.create_index(op.f('ix_person_date_of_birth'), 'person', ['date_of_birth'], unique=False)
    op.create_index(op.f('ix_person_facility'), 'person', ['facility'], unique=False)
    op.create_table('activity',
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
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('location_id', sa.String(length=36), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('pay_band', sa.String(length=40), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('programme_need', sa.String(length=40), nullable=True),
    sa.CheckConstraint('capacity > 0', name=op.f('ck_activity_positive_capacity')),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_activity_location_id_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity')),
    info={'replicated': True, 'data_class': 'regime', 'append_only': False, 'person_column': None}
    )
    op.create_index(op.f('ix_activity_facility'), 'activity', ['facility'], unique=False)
    op.create_table('alert',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('alert_type', sa.String(length=40), nullable=False),
    sa.Column('alert_code', sa.String(length=40), nullable=False),
    sa.Column('active_from', sa.Date(), nullable=False),
    sa.Column('active_to', sa.Date(), nullable=True),
    sa.Column('authorised_by', sa.String(length=80), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_alert_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert')),
    info={'replicated': True, 'data_class': 'security', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_alert_facility'), 'alert', ['facility'], unique=False)
    op.create_index(op.f('ix_alert_person_id'), 'alert', ['person_id'], unique=False)
    op.create_table('assessment',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('instrument_id', sa.String(length=60), nullable=False),
    sa.Column('instrument_version', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=True),
    sa.Column('assessor', sa.String(length=80), nullable=False),
    sa.Column('completed_at', app.core.schema.UTCDateTime(timezone=True), nullable=True),
    sa.Column('countersigned_by', sa.String(length=80), nullable=True),
    sa.Column('countersigned_at', app.core.schema.UTCDateTime(timezone=True), nullable=True),
    sa.Column('supersedes_id', sa.String(length=36), nullable=True),
    sa.Column('correction_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_assessment_person_id_person')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['assessment.id'], name=op.f('fk_assessment_supersedes_id_assessment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    info={'replicated': True, 'data_class': 'assessment', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_assessment_facility'), 'assessment', ['facility'], unique=False)
    op.create_index(op.f('ix_assessment_person_id'), 'assessment', ['person_id'], unique=False)
    op.create_table('case_note',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('note_type', sa.String(length=40), nullable=False),
    sa.Column('note_subtype', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sensitive', sa.Boolean(), nullable=False),
    sa.Column('restricted_use', sa.Boolean(), nullable=False),
    sa.Column('occurred_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('recorded_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('author', sa.String(length=80), nullable=False),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['amends_id'], ['case_note.id'], name=op.f('fk_case_note_amends_id_case_note')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_case_note_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_note')),
    info={'replicated': True, 'data_class': 'case_notes', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_case_note_facility'), 'case_note', ['facility'], unique=False)
    op.create_index('ix_case_note_person', 'case_note', ['person_id', 'occurred_at'], unique=False)
    op.create_index(op.f('ix_case_note_person_id'), 'case_note', ['person_id'], unique=False)
    op.create_table('caseload_assignment',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('staff_username', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('from_date', sa.Date(), nullable=False),
    sa.Column('to_date', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_caseload_assignment_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_caseload_assignment')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_caseload_assignment_facility'), 'caseload_assignment', ['facility'], unique=False)
    op.create_index(op.f('ix_caseload_assignment_person_id'), 'caseload_assignment', ['person_id'], unique=False)
    op.create_table('custody_episode',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('booking_number', sa.String(length=40), nullable=False),
    sa.Column('legal_status', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('admitted_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('released_at', app.core.schema.UTCDateTime(timezone=True), nullable=True),
    sa.Column('location_id', sa.String(length=36), nullable=True),
    sa.Column('out_reason', sa.String(length=40), nullable=True),
    sa.Column('incentive_level', sa.String(length=40), nullable=True),
    sa.Column('next_incentive_review', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_custody_episode_location_id_location')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_custody_episode_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custody_episode')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_custody_episode_facility'), 'custody_episode', ['facility'], unique=False)
    op.create_index('ix_custody_episode_location', 'custody_episode', ['location_id'], unique=False)
    op.create_index(op.f('ix_custody_episode_person_id'), 'custody_episode', ['person_id'], unique=False)
    op.create_table('grievance',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('routed_to', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('submitted_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_by', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_grievance_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grievance')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_grievance_facility'), 'grievance', ['facility'], unique=False)
    op.create_index(op.f('ix_grievance_person_id'), 'grievance', ['person_id'], unique=False)
    op.create_table('incident',
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
    sa.Column('incident_type', sa.String(length=40), nullable=False),
    sa.Column('occurred_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('discovered_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('location_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('reported_by', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], name=op.f('fk_incident_location_id_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident')),
    info={'replicated': True, 'data_class': 'discipline', 'append_only': True, 'person_column': None}
    )
    op.create_index(op.f('ix_incident_facility'), 'incident', ['facility'], unique=False)
    op.create_table('non_association',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('person_role', sa.String(length=40), nullable=False),
    sa.Column('other_person_id', sa.String(length=36), nullable=False),
    sa.Column('other_person_role', sa.String(length=40), nullable=False),
    sa.Column('pair_key', sa.String(length=73), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('keep_apart', sa.String(length=40), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('closed_at', app.core.schema.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=80), nullable=True),
    sa.Column('close_reason', sa.Text(), nullable=True),
    sa.CheckConstraint('person_id <> other_person_id', name=op.f('ck_non_association_two_people')),
    sa.ForeignKeyConstraint(['other_person_id'], ['person.id'], name=op.f('fk_non_association_other_person_id_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_non_association_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_non_association')),
    info={'replicated': True, 'data_class': 'security', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_non_association_facility'), 'non_association', ['facility'], unique=False)
    op.create_index('ix_non_association_other', 'non_association', ['other_person_id'], unique=False)
    op.create_index('uq_non_association_open_pair', 'non_association', ['pair_key'], unique=True, sqlite_where=sa.text("status = 'OPEN' AND voided_at IS NULL"), postgresql_where=sa.text("status = 'OPEN' AND voided_at IS NULL"))
    op.create_table('person_alias',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_alias_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_alias')),
    info={'replicated': True, 'data_class': 'identity', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_person_alias_facility'), 'person_alias', ['facility'], unique=False)
    op.create_index(op.f('ix_person_alias_last_name'), 'person_alias', ['last_name'], unique=False)
    op.create_index(op.f('ix_person_alias_person_id'), 'person_alias', ['person_id'], unique=False)
    op.create_table('person_identifier',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('id_type', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_identifier_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_identifier')),
    info={'replicated': True, 'data_class': 'identity', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_person_identifier_facility'), 'person_identifier', ['facility'], unique=False)
    op.create_index(op.f('ix_person_identifier_person_id'), 'person_identifier', ['person_id'], unique=False)
    op.create_index('ix_person_identifier_value', 'person_identifier', ['id_type', 'value'], unique=False)
    op.create_table('person_photo',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('mime_type', sa.String(length=40), nullable=False),
    sa.Column('image', sa.LargeBinary(), nullable=False),
    sa.Column('taken_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_photo_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_photo')),
    info={'replicated': True, 'data_class': 'identity', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_person_photo_facility'), 'person_photo', ['facility'], unique=False)
    op.create_index(op.f('ix_person_photo_person_id'), 'person_photo', ['person_id'], unique=False)
    op.create_table('sentence_plan',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_sentence_plan_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentence_plan')),
    info={'replicated': True, 'data_class': 'plans', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_sentence_plan_facility'), 'sentence_plan', ['facility'], unique=False)
    op.create_index(op.f('ix_sentence_plan_person_id'), 'sentence_plan', ['person_id'], unique=False)
    op.create_table('visitor',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('relationship', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('ban_reason', sa.Text(), nullable=True),
    sa.Column('banned_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visitor_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visitor')),
    info={'replicated': True, 'data_class': 'visits', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_visitor_facility'), 'visitor', ['facility'], unique=False)
    op.create_index(op.f('ix_visitor_person_id'), 'visitor', ['person_id'], unique=False)
    op.create_table('activity_allocation',
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
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('pay_band', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('end_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_allocation_activity_id_activity')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_activity_allocation_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_allocation')),
    info={'replicated': True, 'data_class': 'regime', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_activity_allocation_activity_id'), 'activity_allocation', ['activity_id'], unique=False)
    op.create_index(op.f('ix_activity_allocation_facility'), 'activity_allocation', ['facility'], unique=False)
    op.create_index(op.f('ix_activity_allocation_person_id'), 'activity_allocation', ['person_id'], unique=False)
    op.create_table('activity_session',
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
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('starts_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_session_activity_id_activity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_session')),
    info={'replicated': True, 'data_class': 'regime', 'append_only': False, 'person_column': None}
    )
    op.create_index(op.f('ix_activity_session_activity_id'), 'activity_session', ['activity_id'], unique=False)
    op.create_index(op.f('ix_activity_session_facility'), 'activity_session', ['facility'], unique=False)
    op.create_index('ix_activity_session_when', 'activity_session', ['activity_id', 'starts_at'], unique=False)
    op.create_table('activity_waitlist',
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
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('referral_need_level', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_waitlist_activity_id_activity')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_activity_waitlist_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_waitlist')),
    info={'replicated': True, 'data_class': 'regime', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_activity_waitlist_activity_id'), 'activity_waitlist', ['activity_id'], unique=False)
    op.create_index(op.f('ix_activity_waitlist_facility'), 'activity_waitlist', ['facility'], unique=False)
    op.create_index(op.f('ix_activity_waitlist_person_id'), 'activity_waitlist', ['person_id'], unique=False)
    op.create_table('adjudication',
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
    sa.Column('incident_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('charge_code', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('hearing_due_by', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_adjudication_incident_id_incident')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_adjudication_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adjudication')),
    info={'replicated': True, 'data_class': 'discipline', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_adjudication_facility'), 'adjudication', ['facility'], unique=False)
    op.create_index(op.f('ix_adjudication_incident_id'), 'adjudication', ['incident_id'], unique=False)
    op.create_index(op.f('ix_adjudication_person_id'), 'adjudication', ['person_id'], unique=False)
    op.create_table('grievance_response',
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
    sa.Column('grievance_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('responder', sa.String(length=80), nullable=False),
    sa.Column('responded_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['grievance_id'], ['grievance.id'], name=op.f('fk_grievance_response_grievance_id_grievance')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_grievance_response_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grievance_response')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_grievance_response_facility'), 'grievance_response', ['facility'], unique=False)
    op.create_index(op.f('ix_grievance_response_grievance_id'), 'grievance_response', ['grievance_id'], unique=False)
    op.create_index(op.f('ix_grievance_response_person_id'), 'grievance_response', ['person_id'], unique=False)
    op.create_table('incident_party',
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
    sa.Column('incident_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_incident_party_incident_id_incident')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_incident_party_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_party')),
    info={'replicated': True, 'data_class': 'discipline', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_incident_party_facility'), 'incident_party', ['facility'], unique=False)
    op.create_index(op.f('ix_incident_party_incident_id'), 'incident_party', ['incident_id'], unique=False)
    op.create_index(op.f('ix_incident_party_person_id'), 'incident_party', ['person_id'], unique=False)
    op.create_table('movement',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('custody_episode_id', sa.String(length=36), nullable=False),
    sa.Column('movement_type', sa.String(length=40), nullable=False),
    sa.Column('direction', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('from_location_id', sa.String(length=36), nullable=True),
    sa.Column('to_location_id', sa.String(length=36), nullable=True),
    sa.Column('to_facility', sa.String(length=40), nullable=True),
    sa.Column('occurred_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['custody_episode_id'], ['custody_episode.id'], name=op.f('fk_movement_custody_episode_id_custody_episode')),
    sa.ForeignKeyConstraint(['from_location_id'], ['location.id'], name=op.f('fk_movement_from_location_id_location')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_movement_person_id_person')),
    sa.ForeignKeyConstraint(['to_location_id'], ['location.id'], name=op.f('fk_movement_to_location_id_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_movement')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_movement_custody_episode_id'), 'movement', ['custody_episode_id'], unique=False)
    op.create_index(op.f('ix_movement_facility'), 'movement', ['facility'], unique=False)
    op.create_index('ix_movement_person', 'movement', ['person_id', 'occurred_at'], unique=False)
    op.create_index(op.f('ix_movement_person_id'), 'movement', ['person_id'], unique=False)
    op.create_table('offence',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('custody_episode_id', sa.String(length=36), nullable=True),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('committed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['custody_episode_id'], ['custody_episode.id'], name=op.f('fk_offence_custody_episode_id_custody_episode')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_offence_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offence')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_offence_custody_episode_id'), 'offence', ['custody_episode_id'], unique=False)
    op.create_index(op.f('ix_offence_facility'), 'offence', ['facility'], unique=False)
    op.create_index(op.f('ix_offence_person_id'), 'offence', ['person_id'], unique=False)
    op.create_table('plan_objective',
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
    sa.Column('sentence_plan_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('need_area', sa.String(length=40), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_plan_objective_person_id_person')),
    sa.ForeignKeyConstraint(['sentence_plan_id'], ['sentence_plan.id'], name=op.f('fk_plan_objective_sentence_plan_id_sentence_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_objective')),
    info={'replicated': True, 'data_class': 'plans', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_plan_objective_facility'), 'plan_objective', ['facility'], unique=False)
    op.create_index(op.f('ix_plan_objective_person_id'), 'plan_objective', ['person_id'], unique=False)
    op.create_index(op.f('ix_plan_objective_sentence_plan_id'), 'plan_objective', ['sentence_plan_id'], unique=False)
    op.create_table('plan_review',
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
    sa.Column('sentence_plan_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('reviewer', sa.String(length=80), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_plan_review_person_id_person')),
    sa.ForeignKeyConstraint(['sentence_plan_id'], ['sentence_plan.id'], name=op.f('fk_plan_review_sentence_plan_id_sentence_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_review')),
    info={'replicated': True, 'data_class': 'plans', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_plan_review_facility'), 'plan_review', ['facility'], unique=False)
    op.create_index(op.f('ix_plan_review_person_id'), 'plan_review', ['person_id'], unique=False)
    op.create_index(op.f('ix_plan_review_sentence_plan_id'), 'plan_review', ['sentence_plan_id'], unique=False)
    op.create_table('prediction_log',
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
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_prediction_log_assessment_id_assessment')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_prediction_log_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prediction_log')),
    info={'replicated': True, 'data_class': 'assessment', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_prediction_log_assessment_id'), 'prediction_log', ['assessment_id'], unique=False)
    op.create_index(op.f('ix_prediction_log_facility'), 'prediction_log', ['facility'], unique=False)
    op.create_index('ix_prediction_log_person', 'prediction_log', ['person_id', 'scored_at'], unique=False)
    op.create_index(op.f('ix_prediction_log_person_id'), 'prediction_log', ['person_id'], unique=False)
    op.create_table('visit',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('visitor_id', sa.String(length=36), nullable=False),
    sa.Column('starts_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('visit_type', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('outcome_comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_person_id_person')),
    sa.ForeignKeyConstraint(['visitor_id'], ['visitor.id'], name=op.f('fk_visit_visitor_id_visitor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit')),
    info={'replicated': True, 'data_class': 'visits', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_visit_facility'), 'visit', ['facility'], unique=False)
    op.create_index(op.f('ix_visit_person_id'), 'visit', ['person_id'], unique=False)
    op.create_index(op.f('ix_visit_visitor_id'), 'visit', ['visitor_id'], unique=False)
    op.create_table('attendance',
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
    sa.Column('activity_session_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('absence_reason', sa.String(length=40), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['activity_session_id'], ['activity_session.id'], name=op.f('fk_attendance_activity_session_id_activity_session')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    info={'replicated': True, 'data_class': 'regime', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_attendance_activity_session_id'), 'attendance', ['activity_session_id'], unique=False)
    op.create_index(op.f('ix_attendance_facility'), 'attendance', ['facility'], unique=False)
    op.create_index(op.f('ix_attendance_person_id'), 'attendance', ['person_id'], unique=False)
    op.create_index('ix_attendance_session', 'attendance', ['activity_session_id', 'person_id'], unique=False)
    op.create_table('charge',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('offence_id', sa.String(length=36), nullable=False),
    sa.Column('court', sa.String(length=200), nullable=False),
    sa.Column('charged_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=40), nullable=True),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['offence_id'], ['offence.id'], name=op.f('fk_charge_offence_id_offence')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_charge_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_charge')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_charge_facility'), 'charge', ['facility'], unique=False)
    op.create_index(op.f('ix_charge_offence_id'), 'charge', ['offence_id'], unique=False)
    op.create_index(op.f('ix_charge_person_id'), 'charge', ['person_id'], unique=False)
    op.create_table('hearing',
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
    sa.Column('adjudication_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('scheduled_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('held_at', app.core.schema.UTCDateTime(timezone=True), nullable=True),
    sa.Column('adjudicator', sa.String(length=80), nullable=True),
    sa.Column('plea', sa.String(length=40), nullable=True),
    sa.Column('outcome', sa.String(length=40), nullable=True),
    sa.Column('finding', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['adjudication_id'], ['adjudication.id'], name=op.f('fk_hearing_adjudication_id_adjudication')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_hearing_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hearing')),
    info={'replicated': True, 'data_class': 'discipline', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_hearing_adjudication_id'), 'hearing', ['adjudication_id'], unique=False)
    op.create_index(op.f('ix_hearing_facility'), 'hearing', ['facility'], unique=False)
    op.create_index(op.f('ix_hearing_person_id'), 'hearing', ['person_id'], unique=False)
    op.create_table('plan_step',
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
    sa.Column('plan_objective_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=80), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_plan_step_person_id_person')),
    sa.ForeignKeyConstraint(['plan_objective_id'], ['plan_objective.id'], name=op.f('fk_plan_step_plan_objective_id_plan_objective')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_step')),
    info={'replicated': True, 'data_class': 'plans', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_plan_step_facility'), 'plan_step', ['facility'], unique=False)
    op.create_index(op.f('ix_plan_step_person_id'), 'plan_step', ['person_id'], unique=False)
    op.create_index(op.f('ix_plan_step_plan_objective_id'), 'plan_step', ['plan_objective_id'], unique=False)
    op.create_table('punishment',
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
    sa.Column('adjudication_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('punishment_type', sa.String(length=40), nullable=False),
    sa.Column('days', sa.Integer(), nullable=True),
    sa.Column('amount', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('suspended_until', sa.Date(), nullable=True),
    sa.Column('activated_by_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['activated_by_id'], ['adjudication.id'], name=op.f('fk_punishment_activated_by_id_adjudication')),
    sa.ForeignKeyConstraint(['adjudication_id'], ['adjudication.id'], name=op.f('fk_punishment_adjudication_id_adjudication')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_punishment_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_punishment')),
    info={'replicated': True, 'data_class': 'discipline', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_punishment_adjudication_id'), 'punishment', ['adjudication_id'], unique=False)
    op.create_index(op.f('ix_punishment_facility'), 'punishment', ['facility'], unique=False)
    op.create_index(op.f('ix_punishment_person_id'), 'punishment', ['person_id'], unique=False)
    op.create_table('scoring_decision',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('prediction_log_id', sa.String(length=36), nullable=False),
    sa.Column('decision', sa.String(length=40), nullable=False),
    sa.Column('professional_band', sa.String(length=40), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_by', sa.String(length=80), nullable=False),
    sa.Column('decided_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("decision <> 'OVERRIDE' OR (reason IS NOT NULL AND professional_band IS NOT NULL)", name=op.f('ck_scoring_decision_override_reasoned')),
    sa.CheckConstraint("decision IN ('AGREE', 'OVERRIDE')", name=op.f('ck_scoring_decision_known_decision')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_scoring_decision_person_id_person')),
    sa.ForeignKeyConstraint(['prediction_log_id'], ['prediction_log.id'], name=op.f('fk_scoring_decision_prediction_log_id_prediction_log')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scoring_decision')),
    info={'replicated': True, 'data_class': 'clinical', 'append_only': True, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_scoring_decision_facility'), 'scoring_decision', ['facility'], unique=False)
    op.create_index(op.f('ix_scoring_decision_person_id'), 'scoring_decision', ['person_id'], unique=False)
    op.create_index(op.f('ix_scoring_decision_prediction_log_id'), 'scoring_decision', ['prediction_log_id'], unique=False)
    op.create_table('sentence',
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
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('custody_episode_id', sa.String(length=36), nullable=False),
    sa.Column('charge_id', sa.String(length=36), nullable=True),
    sa.Column('sentence_type', sa.String(length=40), nullable=False),
    sa.Column('length_days', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('court', sa.String(length=200), nullable=False),
    sa.Column('sentenced_on', sa.Date(), nullable=False),
    sa.CheckConstraint('length_days IS NULL OR length_days > 0', name=op.f('ck_sentence_positive_length')),
    sa.ForeignKeyConstraint(['charge_id'], ['charge.id'], name=op.f('fk_sentence_charge_id_charge')),
    sa.ForeignKeyConstraint(['custody_episode_id'], ['custody_episode.id'], name=op.f('fk_sentence_custody_episode_id_custody_episode')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_sentence_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentence')),
    info={'replicated': True, 'data_class': 'custody', 'append_only': False, 'person_column': 'person_id'}
    )
    op.create_index(op.f('ix_sentence_charge_id'), 'sentence', ['charge_id'], unique=False)
    op.create_index(op.f('ix_sentence_custody_episode_id'), 'sentence', ['custody_episode_id'], unique=False)
    op.create_index(op.f('ix_sentence_facility'), 'sentence', ['facility'], unique=False)
    op.create_index(op.f('ix_sentence_person_id'), 'sentence', ['person_id'], unique=False)
    op.create_table('srv_change',
    sa.Column('server_seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('facility', sa.String(length=40), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('device_id', sa.String(length=100), nullable=True),
    sa.Column('device_seq', sa.BigInteger(), nullable=True),
    sa.Column('op_id', sa.String(length=36), nullable=True),
    sa.Column('conflict_id', sa.String(length=36), nullable=True),
    sa.Column('received_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('server_seq', name=op.f('pk_srv_change'))
    )
    op.create_index('ix_srv_change_row', 'srv_change', ['table_name', 'row_id'], unique=False)
    op.create_table('srv_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=120), nullable=False),
    sa.Column('facility', sa.String(length=40), nullable=False),
    sa.Column('base_value', sa.JSON(), nullable=True),
    sa.Column('server_value', sa.JSON(), nullable=True),
    sa.Column('server_author', sa.String(length=80), nullable=True),
    sa.Column('server_device', sa.String(length=100), nullable=True),
    sa.Column('server_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=True),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('client_value', sa.JSON(), nullable=True),
    sa.Column('client_author', sa.String(length=80), nullable=False),
    sa.Column('client_device', sa.String(length=100), nullable=False),
    sa.Column('client_device_seq', sa.BigInteger(), nullable=False),
    sa.Column('client_op_id', sa.String(length=36), nullable=False),
    sa.Column('client_hlc', sa.String(length=60), nullable=False),
    sa.Column('client_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=80), nullable=True),
    sa.Column('resolution', sa.String(length=10), nullable=True),
    sa.Column('resolved_value', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('resolution_seq', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_conflict'))
    )
    op.create_index('ix_srv_conflict_row', 'srv_conflict', ['table_name', 'row_id'], unique=False)
    op.create_index('ix_srv_conflict_status', 'srv_conflict', ['status', 'created_at'], unique=False)
    op.create_table('srv_device',
    sa.Column('device_id', sa.String(length=100), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_username', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=False),
    sa.Column('audit_seq', sa.BigInteger(), nullable=True),
    sa.Column('audit_hash', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('device_id', name=op.f('pk_srv_device'))
    )
    op.create_table('srv_received',
    sa.Column('device_id', sa.String(length=100), nullable=False),
    sa.Column('device_seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('pushed_by', sa.String(length=80), nullable=False),
    sa.Column('hlc', sa.String(length=60), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('received_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=False),
    sa.Column('outcome', sa.String(length=12), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('field', sa.String(length=120), nullable=True),
    sa.Column('conflict_ids', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'device_seq', name=op.f('pk_srv_received'))
    )
    op.create_index(op.f('ix_srv_received_op_id'), 'srv_received', ['op_id'], unique=False)
    op.create_index('ix_srv_received_outcome', 'srv_received', ['outcome', 'received_at'], unique=False)
    op.create_table('srv_row',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('facility', sa.String(length=40), nullable=False),
    sa.Column('origin_device', sa.String(length=100), nullable=True),
    sa.Column('field_meta', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_srv_row')),
    sa.UniqueConstraint('server_seq', name=op.f('uq_srv_row_server_seq'))
    )
    op.create_index('ix_srv_row_facility_seq', 'srv_row', ['facility', 'server_seq'], unique=False)
    op.create_index('ix_srv_row_table_seq', 'srv_row', ['table_name', 'server_seq'], unique=False)
    op.create_table('srv_scope_exit',
    sa.Column('server_seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('facility', sa.String(length=40), nullable=False),
    sa.Column('to_facility', sa.String(length=40), nullable=False),
    sa.Column('at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('server_seq', name=op.f('pk_srv_scope_exit'))
    )
    op.create_index('ix_srv_scope_exit_facility_seq', 'srv_scope_exit', ['facility', 'server_seq'], unique=False)
    op.create_index('ix_srv_scope_exit_row', 'srv_scope_exit', ['table_name', 'row_id'], unique=False)
    op.create_table('srv_sync_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('epoch', sa.String(length=36), nullable=False),
    sa.Column('head_seq', sa.BigInteger(), nullable=False),
    sa.Column('epoch_started_at', sync_server.storage.tables.UTCDateTime(timezone=True), nullable=False),
    sa.Column('epoch_reason', sa.String(length=200), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_srv_sync_state_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_srv_sync_state'))
    )
    # When the current access token was first used: tells a refresh retried after a lost
    # answer from a stolen refresh token being replayed.
    op.add_column("srv_session", sa.Column("access_used_at", sa.DateTime(timezone=True),
                                           nullable=True))
    bind = op.get_bind()
    op.bulk_insert(
        sa.table("srv_sync_state", sa.column("id"), sa.column("epoch"), sa.column("head_seq"),
                 sa.column("epoch_started_at", sa.DateTime(timezone=True)),
                 sa.column("epoch_reason")),
        [{"id": 1, "epoch": str(uuid.uuid4()), "head_seq": 0,
          "epoch_started_at": _now(bind), "epoch_reason": "database created"}],
    )


def _now(bind):
    now = dt.datetime.now(dt.timezone.utc)
    # SQLite stores UTC without an offset (as the UTCDateTime columns do).
    return now.replace(tzinfo=None) if bind.dialect.name == "sqlite" else now


def downgrade() -> None:
    raise RuntimeError("server migrations cannot be reversed")
