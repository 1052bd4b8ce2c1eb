"""The first replica schema: every replicated table and the local tables.

Generated once from app.core.schema and frozen here; later changes are new
revisions, so a replica written by this revision can always be upgraded.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 01:07:46.831418
"""
from alembic import op
import sqlalchemy as sa
import app.core.schema


revision = '0001'
down_revision = None
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
    with op.batch_alter_table('facility', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facility_facility'), ['facility'], unique=False)

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
    with op.batch_alter_table('location', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_location_facility'), ['facility'], unique=False)
        batch_op.create_index('uq_location_facility_code', ['facility', 'code'], unique=True)

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
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_date_of_birth'), ['date_of_birth'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_facility'), ['facility'], unique=False)

    op.create_table('ref_code',
    sa.Column('domain', sa.String(length=60), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('parent', sa.String(length=40), nullable=True),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('domain', 'code', name=op.f('pk_ref_code'))
    )
    op.create_table('ref_version',
    sa.Column('domain', sa.String(length=60), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('domain', name=op.f('pk_ref_version'))
    )
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
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_facility'), ['facility'], unique=False)

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
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_alert_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_note_facility'), ['facility'], unique=False)
        batch_op.create_index('ix_case_note_person', ['person_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_note_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('caseload_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_caseload_assignment_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_caseload_assignment_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('custody_episode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custody_episode_facility'), ['facility'], unique=False)
        batch_op.create_index('ix_custody_episode_location', ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_custody_episode_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('grievance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grievance_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievance_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_facility'), ['facility'], unique=False)

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
    with op.batch_alter_table('non_association', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_non_association_facility'), ['facility'], unique=False)
        batch_op.create_index('ix_non_association_other', ['other_person_id'], unique=False)
        batch_op.create_index('uq_non_association_open_pair', ['pair_key'], unique=True, sqlite_where=sa.text("status = 'OPEN' AND voided_at IS NULL"), postgresql_where=sa.text("status = 'OPEN' AND voided_at IS NULL"))

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
    with op.batch_alter_table('person_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_alias_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_alias_last_name'), ['last_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_alias_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('person_identifier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_identifier_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_identifier_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_person_identifier_value', ['id_type', 'value'], unique=False)

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
    with op.batch_alter_table('person_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_photo_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_photo_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('sentence_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sentence_plan_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_sentence_plan_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('visitor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visitor_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_visitor_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('activity_allocation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_allocation_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_allocation_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_allocation_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('activity_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_session_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_session_facility'), ['facility'], unique=False)
        batch_op.create_index('ix_activity_session_when', ['activity_id', 'starts_at'], unique=False)

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
    with op.batch_alter_table('activity_waitlist', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_waitlist_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_waitlist_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_waitlist_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('adjudication', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adjudication_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_adjudication_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_adjudication_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('grievance_response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grievance_response_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievance_response_grievance_id'), ['grievance_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_grievance_response_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('incident_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_party_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_party_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_party_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_movement_custody_episode_id'), ['custody_episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_movement_facility'), ['facility'], unique=False)
        batch_op.create_index('ix_movement_person', ['person_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_movement_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('offence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offence_custody_episode_id'), ['custody_episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offence_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_offence_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('plan_objective', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_objective_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_objective_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_objective_sentence_plan_id'), ['sentence_plan_id'], unique=False)

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
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_review_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_review_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_review_sentence_plan_id'), ['sentence_plan_id'], unique=False)

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
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_visitor_id'), ['visitor_id'], unique=False)

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
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_activity_session_id'), ['activity_session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_attendance_session', ['activity_session_id', 'person_id'], unique=False)

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
    with op.batch_alter_table('charge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_charge_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_charge_offence_id'), ['offence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_charge_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('hearing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hearing_adjudication_id'), ['adjudication_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hearing_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_hearing_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('plan_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_step_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_step_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_step_plan_objective_id'), ['plan_objective_id'], unique=False)

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
    with op.batch_alter_table('punishment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_punishment_adjudication_id'), ['adjudication_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_punishment_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_punishment_person_id'), ['person_id'], unique=False)

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
    with op.batch_alter_table('sentence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sentence_charge_id'), ['charge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sentence_custody_episode_id'), ['custody_episode_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sentence_facility'), ['facility'], unique=False)
        batch_op.create_index(batch_op.f('ix_sentence_person_id'), ['person_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=True),
    sa.Column('row_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=40), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('schema_version', sa.Integer(), nullable=False),
    sa.Column('created_at', app.core.schema.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('acked_at', app.core.schema.UTCDateTime(timezone=True), nullable=True),
    sa.Column('server_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('op_id')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_pending', ['status', 'seq'], unique=False)
        batch_op.create_index('ix_outbox_row', ['table_name', 'row_id'], unique=False)

    op.create_table('replica_meta',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('search_doc',
    sa.Column('rowid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('rowid'),
    sa.UniqueConstraint('source_id')
    )
    with op.batch_alter_table('search_doc', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_doc_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    # Migrations only add: replicas are never migrated down.
    raise RuntimeError("replica migrations cannot be reversed")
