-- Interactions (block V200-V299): calls, meetings, letters, tasks, promises... planned and done.
-- Every key leads with tenant_id. A timed item has start_at/end_at, an all-day item first_day/last_day;
-- start_key and due_key are the orders of a calendar and of overdue obligations (derived, written by
-- the store: an all-day item's first day, or the day after its last or due day, at midnight UTC).
-- responsible sorts by code point (COLLATE "C"), as the in-memory store sorts.
CREATE TABLE crm_interaction_counter (
    tenant_id  VARCHAR(64) NOT NULL,
    last_value BIGINT      NOT NULL,
    CONSTRAINT crm_interaction_counter_pk PRIMARY KEY (tenant_id)
);

CREATE TABLE crm_interaction (
    tenant_id          VARCHAR(64)              NOT NULL,
    id                 UUID                     NOT NULL,
    interaction_number BIGINT                   NOT NULL,
    kind               VARCHAR(40)              NOT NULL,
    direction          VARCHAR(10),
    state              VARCHAR(12)              NOT NULL,
    subject            VARCHAR(1000)            NOT NULL,
    subject_key        TEXT                     NOT NULL,
    content_text       TEXT,
    content_key        TEXT,
    result_text        TEXT,
    timed              BOOLEAN                  NOT NULL,
    start_at           TIMESTAMP WITH TIME ZONE,
    end_at             TIMESTAMP WITH TIME ZONE,
    first_day          DATE,
    last_day           DATE,
    start_key          TIMESTAMP WITH TIME ZONE NOT NULL,
    due_key            TIMESTAMP WITH TIME ZONE NOT NULL,
    responsible        VARCHAR(64) COLLATE "C"  NOT NULL,
    author             VARCHAR(64),
    importance         VARCHAR(10)              NOT NULL,
    project            VARCHAR(1000),
    based_on           UUID,
    promise_due        DATE,
    promise_side       VARCHAR(20),
    version            BIGINT                   NOT NULL,
    CONSTRAINT crm_interaction_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_interaction_number_uq UNIQUE (tenant_id, interaction_number)
);
-- an employee's calendar, and the control of obligations per responsible
CREATE INDEX crm_interaction_responsible_ix ON crm_interaction (tenant_id, responsible, start_key);
CREATE INDEX crm_interaction_due_ix ON crm_interaction (tenant_id, responsible, due_key);
CREATE INDEX crm_interaction_start_ix ON crm_interaction (tenant_id, start_key);

-- the clients taking part, their contact persons and the channel used
CREATE TABLE crm_interaction_participant (
    tenant_id      VARCHAR(64)  NOT NULL,
    interaction_id UUID         NOT NULL,
    position       INT          NOT NULL,
    client_id      UUID         NOT NULL,
    person_id      UUID,
    channel_type   VARCHAR(20),
    channel_value  VARCHAR(500),
    CONSTRAINT crm_interaction_participant_pk PRIMARY KEY (tenant_id, interaction_id, position),
    CONSTRAINT crm_interaction_participant_fk FOREIGN KEY (tenant_id, interaction_id) REFERENCES crm_interaction (tenant_id, id)
);
CREATE INDEX crm_interaction_participant_client_ix ON crm_interaction_participant (tenant_id, client_id, interaction_id);

-- the other employees taking part
CREATE TABLE crm_interaction_employee (
    tenant_id      VARCHAR(64) NOT NULL,
    interaction_id UUID        NOT NULL,
    employee       VARCHAR(64) NOT NULL,
    CONSTRAINT crm_interaction_employee_pk PRIMARY KEY (tenant_id, interaction_id, employee),
    CONSTRAINT crm_interaction_employee_fk FOREIGN KEY (tenant_id, interaction_id) REFERENCES crm_interaction (tenant_id, id)
);
CREATE INDEX crm_interaction_employee_ix ON crm_interaction_employee (tenant_id, employee, interaction_id);
