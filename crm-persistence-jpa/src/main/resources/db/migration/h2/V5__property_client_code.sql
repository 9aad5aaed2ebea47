-- Each value row carries its client's code (kept in step when a client is recoded), and the index
-- of choices, employees and linked clients is ordered by it after the value: the clients holding
-- a value are read in code order straight off this index, and a page of them stops after the page.
-- value_text and client_id complete the entry, so counts read the index alone.
ALTER TABLE crm_client_property ADD COLUMN client_code VARCHAR(20);
UPDATE crm_client_property p SET client_code = (SELECT c.code FROM crm_client c WHERE c.tenant_id = p.tenant_id AND c.id = p.client_id);
ALTER TABLE crm_client_property ALTER COLUMN client_code SET NOT NULL;
DROP INDEX crm_client_property_ref_cover_ix;
CREATE INDEX crm_client_property_ref_code_ix ON crm_client_property (tenant_id, property_key, value_ref, client_code, value_text, client_id);
