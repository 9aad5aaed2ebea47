-- The durable change feed (block V1xx): one row per change of any record, numbered per tenant in
-- commit order. A unit of work raises crm_feed_counter's row last, so the row lock it takes orders
-- the units of work of a tenant that write the feed: positions never appear below one already read.
CREATE TABLE crm_feed_counter (
    tenant_id     VARCHAR(64) NOT NULL,
    last_position BIGINT      NOT NULL,
    CONSTRAINT crm_feed_counter_pk PRIMARY KEY (tenant_id)
);

CREATE TABLE crm_feed (
    tenant_id   VARCHAR(64)              NOT NULL,
    position    BIGINT                   NOT NULL,
    kind        VARCHAR(40)              NOT NULL,
    record_id   VARCHAR(100)             NOT NULL,
    change_name VARCHAR(40)              NOT NULL,
    fields      TEXT                     NOT NULL,
    actor       VARCHAR(128)             NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_feed_pk PRIMARY KEY (tenant_id, position)
);
