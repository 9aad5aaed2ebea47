-- The journal also holds changes of the schema a tenant administers (client groups, relationship
-- types, property definitions): those lines name no client, and are read by their subject.
ALTER TABLE crm_audit ALTER COLUMN client_id SET NULL;
CREATE INDEX crm_audit_subject_ix ON crm_audit (tenant_id, subject, at);
