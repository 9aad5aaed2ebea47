-- Choices, employees and linked clients are matched by value_ref and told apart by the marker in
-- value_text; with both in the index and client_id carried along, a count or a semi-join on such a
-- value reads the index alone. Only rows with a value_ref (whose value_text is a short marker) are
-- indexed, so no long text reaches a B-tree entry.
CREATE INDEX crm_client_property_ref_cover_ix ON crm_client_property (tenant_id, property_key, value_ref, value_text)
    INCLUDE (client_id) WHERE value_ref IS NOT NULL;
DROP INDEX crm_client_property_ref_ix;
-- yes/no values had no index
CREATE INDEX crm_client_property_bool_ix ON crm_client_property (tenant_id, property_key, value_bool)
    INCLUDE (client_id) WHERE value_bool IS NOT NULL;
