-- Clients' ABC grades and RFM scores as the last recomputation stored them (issue 15), one row per
-- client, replaced whole by each recomputation (DELETE of the tenant's rows, batched INSERT). The
-- scores are NULL together for a client with no positive income in the period. client_id has no
-- foreign key, like crm_ledger_fact's: the rows come from facts whose clients were checked. The
-- primary key serves the client filter's EXISTS.
CREATE TABLE crm_client_class (
    tenant_id  VARCHAR(64)  NOT NULL,
    client_id  UUID         NOT NULL,
    grade      CHAR(1)      NOT NULL,
    recency    SMALLINT,
    frequency  SMALLINT,
    monetary   SMALLINT,
    CONSTRAINT crm_client_class_pk PRIMARY KEY (tenant_id, client_id),
    CONSTRAINT crm_client_class_grade_ck CHECK (grade IN ('A', 'B', 'C')),
    CONSTRAINT crm_client_class_scores_ck CHECK ((recency IS NULL AND frequency IS NULL AND monetary IS NULL)
        OR (recency BETWEEN 1 AND 5 AND frequency BETWEEN 1 AND 5 AND monetary BETWEEN 1 AND 5))
);
