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
MERGE INTO crm_client_name_word w
USING crm_client c ON c.tenant_id = w.tenant_id AND c.id = w.client_id
WHEN MATCHED THEN UPDATE SET code = c.code, kind = c.kind, short_name = c.short_name, group_id = c.group_id,
    relationship = c.relationship, manager = c.manager, inn = c.inn, main_phone = c.main_phone, archived = c.archived;
ALTER TABLE crm_client_name_word ALTER COLUMN code SET NOT NULL;
ALTER TABLE crm_client_name_word ALTER COLUMN kind SET NOT NULL;
ALTER TABLE crm_client_name_word ALTER COLUMN short_name SET NOT NULL;
ALTER TABLE crm_client_name_word ALTER COLUMN archived SET NOT NULL;
