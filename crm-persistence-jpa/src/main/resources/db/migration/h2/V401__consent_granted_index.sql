-- "Has consent now" over a whole segment (issue 16 benchmark): the rows of one channel and purpose
-- in client-id order (H2 has neither partial indexes nor INCLUDE columns).
CREATE INDEX crm_consent_current_granted_ix ON crm_consent_current (tenant_id, channel, purpose, client_id);
