-- Each row of the name word index carries the columns of its client's search line
-- (org.crmkit.client.ClientSummary), kept by the store whenever the client is written, so a
-- quick-search page in word order reads the word rows alone. (PostgreSQL also puts the columns
-- into the index; H2 reads them from the row the index entry points to.)
ALTER TABLE crm_client_name_word ADD COLUMN code VARCHAR(20);
ALTER TABLE crm_client_name_word ADD COLUMN kind VARCHAR(20);
ALTER TABLE crm_client_name_word ADD COLUMN short_name VARCHAR(300);
ALTER TABLE crm_client_name_word ADD COLUMN group_id UUID;
ALTER TABLE crm_client_name_word ADD COLUMN relationship VARCHAR(40);
ALTER TABLE crm_client_name_word ADD COLUMN manager VARCHAR(64);
ALTER TABLE crm_client_name_word ADD COLUMN inn VARCHAR(12);
ALTER TABLE crm_client_name_word ADD COLUMN main_phone VARCHAR(20);
ALTER TABLE crm_client_name_word ADD COLUMN archived BOOLEAN;
-- one lookup of the client by primary key per word row (a MERGE from crm_client would look for
-- each client's word rows by tenant alone: the word table has no index on client_id)
UPDATE crm_client_name_word w
SET (code, kind, short_name, group_id, relationship, manager, inn, main_phone, archived) = (
    SELECT c.code, c.kind, c.short_name, c.group_id, c.relationship, c.manager, c.inn, c.main_phone, c.archived
    FROM crm_client c WHERE c.tenant_id = w.tenant_id AND c.id = w.client_id);
ALTER TABLE crm_client_name_word ALTER COLUMN code SET NOT NULL;
ALTER TABLE crm_client_name_word ALTER COLUMN kind SET NOT NULL;
ALTER TABLE crm_client_name_word ALTER COLUMN short_name SET NOT NULL;
ALTER TABLE crm_client_name_word ALTER COLUMN archived SET NOT NULL;
