-- The consent ledger (issue 16). crm_consent_entry is append-only: every grant, withdrawal and
-- pending double opt-in stays as proof. crm_consent_current holds the latest entry per key
-- (client, channel, purpose, contact person, address), replaced in the same transaction as each
-- append, so that "has consent for channel and purpose now" in a client query is one primary-key
-- range lookup per client, not a search for the latest of a client's entries. person_id is the
-- nil uuid for the client's own consents (a key column cannot be NULL). Addresses are in normal
-- form (e-mail as EmailAddress keeps it, phones in E.164), like crm_client_contact.contact_value,
-- which the criterion compares them with.
CREATE TABLE crm_consent_entry (
    tenant_id    VARCHAR(64)              NOT NULL,
    id           UUID                     NOT NULL,
    client_id    UUID                     NOT NULL,
    person_id    UUID                     NOT NULL,
    channel      VARCHAR(12)              NOT NULL,
    purpose      VARCHAR(40)              NOT NULL,
    address      VARCHAR(500)             NOT NULL,
    state        VARCHAR(12)              NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(128)             NOT NULL,
    source       VARCHAR(40)              NOT NULL,
    text_version VARCHAR(200),
    evidence     VARCHAR(200),
    expires_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT crm_consent_entry_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX crm_consent_entry_subject_ix ON crm_consent_entry (tenant_id, client_id, person_id, at, id);

CREATE TABLE crm_consent_current (
    tenant_id  VARCHAR(64)  NOT NULL,
    client_id  UUID         NOT NULL,
    channel    VARCHAR(12)  NOT NULL,
    purpose    VARCHAR(40)  NOT NULL,
    person_id  UUID         NOT NULL,
    address    VARCHAR(500) NOT NULL,
    entry_id   UUID         NOT NULL,
    state      VARCHAR(12)  NOT NULL,
    CONSTRAINT crm_consent_current_pk PRIMARY KEY (tenant_id, client_id, channel, purpose, person_id, address)
);
CREATE INDEX crm_consent_current_address_ix ON crm_consent_current (tenant_id, address, channel, purpose);

-- Double opt-in: only the SHA-256 of a token is kept.
CREATE TABLE crm_consent_token (
    tenant_id  VARCHAR(64)              NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    entry_id   UUID                     NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT crm_consent_token_pk PRIMARY KEY (tenant_id, token_hash)
);

-- Addresses that never receive marketing; the primary key serves the criterion's look-ups.
CREATE TABLE crm_consent_suppression (
    tenant_id  VARCHAR(64)              NOT NULL,
    address    VARCHAR(500)             NOT NULL,
    kind       VARCHAR(8)               NOT NULL,
    reason     VARCHAR(20)              NOT NULL,
    note       VARCHAR(500),
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(128)             NOT NULL,
    CONSTRAINT crm_consent_suppression_pk PRIMARY KEY (tenant_id, address)
);

-- A tenant's own purposes (marketing and service are built in and not stored).
CREATE TABLE crm_consent_purpose (
    tenant_id   VARCHAR(64) NOT NULL,
    purpose_key VARCHAR(40) NOT NULL,
    CONSTRAINT crm_consent_purpose_pk PRIMARY KEY (tenant_id, purpose_key)
);
