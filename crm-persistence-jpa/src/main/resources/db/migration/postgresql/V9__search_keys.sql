-- Quick search by relevance (issue 12). Each client keeps its name as search compares and orders
-- it (name_core: the folded words without legal forms, one space between them; legal_form: the
-- first legal form of the name), and so does each of its name-word rows, whose index carries them
-- (INCLUDE) so that the names with a word starting with the text are ranked off that index alone.
-- Contacts keep their search value reversed, so the end of a phone number (its last digits) and
-- the domain of an address are prefixes, read as ranges of an index. All derived by the store
-- (org.crmkit.client.NameWords, the same code the in-memory store ranks with); the Java migration
-- V10 fills them for the rows stored before. Binary collation: ranges and order by code point.
ALTER TABLE crm_client
    ADD COLUMN name_core  VARCHAR(600) COLLATE "C",
    ADD COLUMN legal_form VARCHAR(10);
CREATE INDEX crm_client_name_core_ix ON crm_client (tenant_id, name_core, short_key, code);

ALTER TABLE crm_client_name_word
    ADD COLUMN name_core  VARCHAR(600) COLLATE "C",
    ADD COLUMN legal_form VARCHAR(10);
ALTER TABLE crm_client_name_word
    DROP CONSTRAINT crm_client_name_word_pk,
    ADD CONSTRAINT crm_client_name_word_pk PRIMARY KEY (tenant_id, word, short_key, client_id)
        INCLUDE (code, kind, short_name, group_id, relationship, manager, inn, main_phone, archived, name_core, legal_form);

ALTER TABLE crm_client_contact ADD COLUMN search_reversed VARCHAR(600) COLLATE "C";
CREATE INDEX crm_client_contact_reversed_ix ON crm_client_contact (tenant_id, search_reversed);
ALTER TABLE crm_person_contact ADD COLUMN search_reversed VARCHAR(600) COLLATE "C";
