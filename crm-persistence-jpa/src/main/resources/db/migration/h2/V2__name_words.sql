-- Quick search by the start of any word of a name: every word of a client's folded short name,
-- with the folded name it sorts by, so a page of matches is read in name order from this index
-- alone. Derived from crm_client.short_key and kept by the store; filled for existing clients by
-- the Java migration V3. No foreign key: it is an index, and H2 would add one more for the key.
CREATE TABLE crm_client_name_word (
    tenant_id VARCHAR(64)   NOT NULL,
    word      VARCHAR(1200) NOT NULL,
    short_key VARCHAR(1200) NOT NULL,
    client_id UUID          NOT NULL,
    CONSTRAINT crm_client_name_word_pk PRIMARY KEY (tenant_id, word, short_key, client_id)
);

-- H2 2.3 uses an IN (...) condition only on the first column of an index; queries that select
-- clients by id (a phone, an e-mail, a property value, a union of readings) name this index.
CREATE INDEX crm_client_id_ix ON crm_client (id);
