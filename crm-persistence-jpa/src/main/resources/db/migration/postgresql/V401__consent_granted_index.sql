-- "Has consent now" over a whole segment (issue 16 benchmark): the granted rows of one channel and
-- purpose in client-id order, read index-only (address and contact person included), instead of
-- walking crm_consent_current_address_ix, whose prefix is the address, and fetching every row.
CREATE INDEX crm_consent_current_granted_ix ON crm_consent_current (tenant_id, channel, purpose, client_id)
    INCLUDE (person_id, address) WHERE state = 'GRANTED';
