-- The members of a mailing's audience who get no message, with the reason (issue 18, the join of recipients
-- and the outbox; block V611-V619). One row per mailing, client, contact person (the nil uuid for the client
-- itself) and channel ('' for an exclusion before a channel was chosen: a client without contact persons), so
-- resolving a mailing twice never doubles a row; the first reason recorded stays. A table of its own rather
-- than outbox rows in an EXCLUDED state: an exclusion may have no channel and an address the outbox would
-- refuse (the brochure's 'wqdqdas@sfgsr wert wert'), and senders never read these rows.
CREATE TABLE crm_mailing_exclusion (
    tenant_id    VARCHAR(64)   NOT NULL,
    mailing_id   UUID          NOT NULL,
    client_id    UUID          NOT NULL,
    person_key   UUID          NOT NULL,
    channel      VARCHAR(12)   NOT NULL,
    address      VARCHAR(4000),
    display_name VARCHAR(4000) NOT NULL,
    reason       VARCHAR(32)   NOT NULL,
    note         VARCHAR(4000),
    CONSTRAINT crm_mailing_exclusion_pk PRIMARY KEY (tenant_id, mailing_id, client_id, person_key, channel),
    CONSTRAINT crm_mailing_exclusion_mailing_fk FOREIGN KEY (tenant_id, mailing_id) REFERENCES crm_mailing (tenant_id, id)
);
-- the rows of a client (a merge of duplicates relinks by it)
CREATE INDEX crm_mailing_exclusion_client_ix ON crm_mailing_exclusion (tenant_id, client_id);
