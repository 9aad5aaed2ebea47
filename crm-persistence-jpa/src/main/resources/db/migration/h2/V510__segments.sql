-- Saved segments (issue 17). A segment's row holds its name (unique per tenant as folded by
-- CleanText.fold: name_key), its kind (DYNAMIC or LIST), its rule as JSON (RuleJson's versioned
-- format; for a list, the rule it was frozen from), the instant a list was frozen, and the
-- optimistic-lock version. Members are rows, never an id list.
CREATE TABLE crm_segment (
    tenant_id  VARCHAR(64)              NOT NULL,
    id         UUID                     NOT NULL,
    name       VARCHAR(800)             NOT NULL,
    name_key   VARCHAR(800)             NOT NULL,
    kind       VARCHAR(8)               NOT NULL,
    rule_json  VARCHAR(1000000)         NOT NULL,
    frozen_at  TIMESTAMP WITH TIME ZONE,
    version    BIGINT                   NOT NULL,
    CONSTRAINT crm_segment_pk PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX crm_segment_name_uq ON crm_segment (tenant_id, name_key);
-- A snapshot list's members: who put each client there and when. The client index serves the
-- list leaf (EXISTS per client) and a merge of duplicates relinking by client.
CREATE TABLE crm_segment_member (
    tenant_id  VARCHAR(64)              NOT NULL,
    segment_id UUID                     NOT NULL,
    client_id  UUID                     NOT NULL,
    added_by   VARCHAR(800)             NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_segment_member_pk PRIMARY KEY (tenant_id, segment_id, client_id)
);
CREATE INDEX crm_segment_member_client_ix ON crm_segment_member (tenant_id, client_id, segment_id);
-- The current members of each dynamic segment, kept by live membership and the sweep.
CREATE TABLE crm_segment_membership (
    tenant_id  VARCHAR(64) NOT NULL,
    segment_id UUID        NOT NULL,
    client_id  UUID        NOT NULL,
    CONSTRAINT crm_segment_membership_pk PRIMARY KEY (tenant_id, segment_id, client_id)
);
CREATE INDEX crm_segment_membership_client_ix ON crm_segment_membership (tenant_id, client_id, segment_id);
