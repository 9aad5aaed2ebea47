-- Quick search by the start of any word of a name: every word of a client's folded short name,
-- with the folded name it sorts by, so a page of matches is read in name order from this index
-- alone (an index-only scan). Derived from crm_client.short_key and kept by the store; filled for
-- existing clients by the Java migration V3. Binary collation, as short_key: ranges and order by code point.
CREATE TABLE crm_client_name_word (
    tenant_id VARCHAR(64)  NOT NULL,
    word      VARCHAR(600) COLLATE "C" NOT NULL,
    short_key VARCHAR(600) COLLATE "C" NOT NULL,
    client_id UUID         NOT NULL,
    CONSTRAINT crm_client_name_word_pk PRIMARY KEY (tenant_id, word, short_key, client_id)
);
