-- Choices, employees and linked clients are matched by value_ref and told apart by the marker in
-- value_text; with both and client_id in the index, a count or a semi-join on such a value reads
-- the index alone.
CREATE INDEX crm_client_property_ref_cover_ix ON crm_client_property (tenant_id, property_key, value_ref, value_text, client_id);
DROP INDEX crm_client_property_ref_ix;
-- yes/no values had no index
CREATE INDEX crm_client_property_bool_ix ON crm_client_property (tenant_id, property_key, value_bool, client_id);
