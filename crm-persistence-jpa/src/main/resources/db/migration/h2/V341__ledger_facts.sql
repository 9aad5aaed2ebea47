-- Income and expense facts pushed by the host (issue 15), one row per (source, document, line),
-- which a push replaces (MERGE ... KEY). No totals are stored: the report groups these rows.
-- client_id has no foreign key: a fact may be kept without a client, and pushes stay cheap; the
-- use case checks the clients named.
CREATE TABLE crm_ledger_fact (
    tenant_id  VARCHAR(64)     NOT NULL,
    source     VARCHAR(100)    NOT NULL,
    document   VARCHAR(200)    NOT NULL,
    line_no    INT             NOT NULL,
    fact_date  DATE            NOT NULL,
    client_id  UUID,
    order_ref  VARCHAR(200),
    currency   CHAR(3)         NOT NULL,
    amount     NUMERIC(24, 6)  NOT NULL,
    cost       NUMERIC(24, 6)  NOT NULL,
    CONSTRAINT crm_ledger_fact_pk PRIMARY KEY (tenant_id, source, document, line_no)
);
CREATE INDEX crm_ledger_fact_date_ix ON crm_ledger_fact (tenant_id, fact_date);
CREATE INDEX crm_ledger_fact_client_ix ON crm_ledger_fact (tenant_id, client_id, fact_date);
