-- The longest span of any interaction a tenant has stored (end key minus start key, microseconds:
-- a timed item's end minus its start, an all-day item's days), so that a calendar query bounds
-- start_key from below and reads one range of crm_interaction_start_ix (InteractionSpans). It
-- only grows; the store raises it before it writes a longer item.
CREATE TABLE crm_interaction_span (
    tenant_id   VARCHAR(64) NOT NULL,
    max_span_us BIGINT      NOT NULL,
    CONSTRAINT crm_interaction_span_pk PRIMARY KEY (tenant_id)
);
INSERT INTO crm_interaction_span (tenant_id, max_span_us)
SELECT tenant_id, MAX(CASE WHEN timed THEN CAST(EXTRACT(EPOCH FROM (end_at - start_at)) * 1000000 AS BIGINT)
                           ELSE CAST(last_day - first_day + 1 AS BIGINT) * 86400000000 END)
FROM crm_interaction GROUP BY tenant_id;
