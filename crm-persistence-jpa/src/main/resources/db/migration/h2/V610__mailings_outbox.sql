-- Mailings and their durable outbox (issue 18; block V610-V629). A mailing's channels are a comma list of
-- EMAIL/SMS. crm_outbox holds one row per mailing, recipient and channel: the unique key leads with tenant_id
-- and names the contact person or, for the client itself, the nil uuid (a key column cannot be NULL), so
-- enqueueing twice never doubles a message. state is PENDING, SENDING (lease_token and lease_until set: claimed
-- by one sender until then), SENT, TEMPORARY_FAILURE (next_attempt_at set), PERMANENT_FAILURE, UNKNOWN, DEAD or
-- CANCELLED; a row keeps the token of its last lease, so a sender whose lease ran out still writes the outcome
-- it saw. Times are the caller's clock, never the database's.
CREATE TABLE crm_mailing (
    tenant_id    VARCHAR(64)              NOT NULL,
    id           UUID                     NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    channels     VARCHAR(40)              NOT NULL,
    purpose      VARCHAR(40)              NOT NULL,
    audience     VARCHAR(1000)            NOT NULL,
    state        VARCHAR(12)              NOT NULL,
    scheduled_at TIMESTAMP WITH TIME ZONE,
    responsible  VARCHAR(64)              NOT NULL,
    created_by   VARCHAR(200)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL,
    CONSTRAINT crm_mailing_pk PRIMARY KEY (tenant_id, id)
);
-- the running mailings a sender reads on every call
CREATE INDEX crm_mailing_state_ix ON crm_mailing (tenant_id, state, created_at, id);

CREATE TABLE crm_outbox (
    tenant_id           VARCHAR(64)              NOT NULL,
    id                  UUID                     NOT NULL,
    mailing_id          UUID                     NOT NULL,
    client_id           UUID                     NOT NULL,
    person_key          UUID                     NOT NULL,
    channel             VARCHAR(12)              NOT NULL,
    address             VARCHAR(320)             NOT NULL,
    state               VARCHAR(20)              NOT NULL,
    attempts            INTEGER                  NOT NULL,
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    lease_token         UUID,
    lease_until         TIMESTAMP WITH TIME ZONE,
    reason_code         VARCHAR(64),
    reason              VARCHAR(500),
    provider_message_id VARCHAR(1000),
    delivery            VARCHAR(16),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT crm_outbox_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_outbox_key UNIQUE (tenant_id, mailing_id, client_id, person_key, channel),
    CONSTRAINT crm_outbox_mailing_fk FOREIGN KEY (tenant_id, mailing_id) REFERENCES crm_mailing (tenant_id, id)
);
-- claims (a mailing's due rows of one channel, lowest ids first), lists and counts of a mailing
CREATE INDEX crm_outbox_claim_ix ON crm_outbox (tenant_id, mailing_id, state, channel, id);
-- the rows of a client (a merge of duplicates relinks by it)
CREATE INDEX crm_outbox_client_ix ON crm_outbox (tenant_id, client_id);
-- receipts name the provider's message id
CREATE INDEX crm_outbox_provider_ix ON crm_outbox (tenant_id, provider_message_id);
