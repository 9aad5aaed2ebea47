-- Deals (block V300-V339): pipelines with their stages, lost reasons, deals and their stage history.
-- Every key leads with tenant_id; a deal is found by its client through (tenant_id, client_id) and
-- the funnel reads deals by (tenant_id, pipeline_id, stage_id).
CREATE TABLE crm_pipeline (
    tenant_id VARCHAR(64)  NOT NULL,
    id        UUID         NOT NULL,
    name      VARCHAR(100) NOT NULL,
    version   BIGINT       NOT NULL,
    CONSTRAINT crm_pipeline_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_pipeline_stage (
    tenant_id   VARCHAR(64)  NOT NULL,
    pipeline_id UUID         NOT NULL,
    position    INT          NOT NULL,
    id          UUID         NOT NULL,
    name        VARCHAR(100) NOT NULL,
    probability INT          NOT NULL,
    kind        VARCHAR(8)   NOT NULL,
    retired     BOOLEAN      NOT NULL,
    CONSTRAINT crm_pipeline_stage_pk PRIMARY KEY (tenant_id, pipeline_id, position),
    CONSTRAINT crm_pipeline_stage_id_uq UNIQUE (tenant_id, id)
);

CREATE TABLE crm_lost_reason (
    tenant_id VARCHAR(64)  NOT NULL,
    id        VARCHAR(40)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    retired   BOOLEAN      NOT NULL,
    version   BIGINT       NOT NULL,
    CONSTRAINT crm_lost_reason_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_deal_counter (
    tenant_id  VARCHAR(64) NOT NULL,
    last_value BIGINT      NOT NULL,
    CONSTRAINT crm_deal_counter_pk PRIMARY KEY (tenant_id)
);

CREATE TABLE crm_deal (
    tenant_id         VARCHAR(64)    NOT NULL,
    id                UUID           NOT NULL,
    deal_number       BIGINT         NOT NULL,
    client_id         UUID           NOT NULL,
    contact_person_id UUID,
    title             VARCHAR(250)   NOT NULL,
    amount            NUMERIC(24, 6) NOT NULL,
    currency          CHAR(3)        NOT NULL,
    expected_close    DATE,
    responsible       VARCHAR(64)    NOT NULL,
    source            VARCHAR(100),
    pipeline_id       UUID           NOT NULL,
    stage_id          UUID           NOT NULL,
    status            VARCHAR(8)     NOT NULL,
    closed_on         DATE,
    lost_reason       VARCHAR(40),
    version           BIGINT         NOT NULL,
    CONSTRAINT crm_deal_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_deal_number_uq UNIQUE (tenant_id, deal_number)
);
CREATE INDEX crm_deal_client_ix ON crm_deal (tenant_id, client_id);
CREATE INDEX crm_deal_stage_ix ON crm_deal (tenant_id, pipeline_id, stage_id);
CREATE INDEX crm_deal_responsible_ix ON crm_deal (tenant_id, responsible, status);

CREATE TABLE crm_deal_stage_visit (
    tenant_id  VARCHAR(64)              NOT NULL,
    deal_id    UUID                     NOT NULL,
    seq        INT                      NOT NULL,
    stage_id   UUID                     NOT NULL,
    entered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    entered_by VARCHAR(128)             NOT NULL,
    left_at    TIMESTAMP WITH TIME ZONE,
    left_by    VARCHAR(128),
    CONSTRAINT crm_deal_stage_visit_pk PRIMARY KEY (tenant_id, deal_id, seq)
);
CREATE INDEX crm_deal_stage_visit_stage_ix ON crm_deal_stage_visit (tenant_id, stage_id, entered_at);
