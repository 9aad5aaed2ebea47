-- Reminders on interactions (block V200-V299). state is PENDING, LEASED (lease_token and lease_until
-- set: handed to one polling caller until then) or ACKNOWLEDGED. A reminder is due when it is not
-- acknowledged, fire_at has come and no lease holds (lease_until empty or past); "now" is always the
-- caller's instant, never the database's clock. Every key leads with tenant_id.
CREATE TABLE crm_reminder (
    tenant_id      VARCHAR(64)              NOT NULL,
    id             UUID                     NOT NULL,
    interaction_id UUID                     NOT NULL,
    employee       VARCHAR(64)              NOT NULL,
    fire_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(12)              NOT NULL,
    lease_token    UUID,
    lease_until    TIMESTAMP WITH TIME ZONE,
    version        BIGINT                   NOT NULL,
    CONSTRAINT crm_reminder_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_reminder_interaction_fk FOREIGN KEY (tenant_id, interaction_id) REFERENCES crm_interaction (tenant_id, id)
);
-- the reminders of an interaction (they follow it when it is rescheduled, reassigned or closed)
CREATE INDEX crm_reminder_interaction_ix ON crm_reminder (tenant_id, interaction_id);
-- the poll for due reminders, those that fire first first
CREATE INDEX crm_reminder_due_ix ON crm_reminder (tenant_id, state, fire_at);
-- the reminders handed out by one poll
CREATE INDEX crm_reminder_lease_ix ON crm_reminder (tenant_id, lease_token);
