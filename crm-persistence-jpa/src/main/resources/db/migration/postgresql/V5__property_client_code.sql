-- Each value row carries its client's code (kept in step when a client is recoded), and the index
-- of choices, employees and linked clients is ordered by it after the value: the clients holding
-- a value are read in code order straight off this index, and a page of them stops after the page
-- instead of looking up every holder (a rare value is held by thousands of clients). value_text
-- (the marker that tells the kinds of references apart) and client_id ride along, so counts read
-- the index alone, as with the V4 index this one replaces.
ALTER TABLE crm_client_property ADD COLUMN client_code VARCHAR(20) COLLATE "C";
UPDATE crm_client_property p SET client_code = c.code FROM crm_client c WHERE c.tenant_id = p.tenant_id AND c.id = p.client_id;
ALTER TABLE crm_client_property ALTER COLUMN client_code SET NOT NULL;
DROP INDEX crm_client_property_ref_cover_ix;
CREATE INDEX crm_client_property_ref_code_ix ON crm_client_property (tenant_id, property_key, value_ref, client_code)
    INCLUDE (value_text, client_id) WHERE value_ref IS NOT NULL;
-- Counts of one value read this narrower index instead: without included columns, PostgreSQL keeps
-- one entry per value and marker with a posting list of row addresses (B-tree deduplication), so a
-- value held by a quarter of a million clients is counted from about a thousand index pages.
CREATE INDEX crm_client_property_ref_ix ON crm_client_property (tenant_id, property_key, value_ref, value_text)
    WHERE value_ref IS NOT NULL;
