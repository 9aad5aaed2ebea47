-- "Has consent now" without a look-up in the card per consent row (issue 16 benchmark: the card
-- check joined every granted row with all the tenant's e-mail and phone contacts). on_card says
-- whether the key's address is on its subject's card now: the client's contacts for the client's
-- own consents, the contact person's for a person's (a person of that client). The stores keep it
-- in the same transaction as every write that can change it: an append (computed under the
-- subject's row lock), a client's and a contact person's update (recomputed for the subject's rows
-- after its contacts are written, under the row lock the version bump holds). Suppression is not
-- copied: the criterion probes crm_consent_suppression's primary key per granted row, which no
-- concurrent write can make stale.
ALTER TABLE crm_consent_current ADD COLUMN on_card BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE crm_consent_current k SET on_card = TRUE
 WHERE k.person_id = '00000000-0000-0000-0000-000000000000'
   AND EXISTS (SELECT 1 FROM crm_client_contact x WHERE x.tenant_id = k.tenant_id AND x.client_id = k.client_id
                  AND x.contact_value = k.address AND x.type IN ('EMAIL', 'MOBILE', 'PHONE'));

UPDATE crm_consent_current k SET on_card = TRUE
 WHERE k.person_id <> '00000000-0000-0000-0000-000000000000'
   AND EXISTS (SELECT 1 FROM crm_contact_person p JOIN crm_person_contact y ON y.tenant_id = p.tenant_id AND y.person_id = p.id
                WHERE p.tenant_id = k.tenant_id AND p.id = k.person_id AND p.client_id = k.client_id
                  AND y.contact_value = k.address AND y.type IN ('EMAIL', 'MOBILE', 'PHONE'));

-- The rows that can be in effect, per channel and purpose in client-id order, with the address for
-- the suppression probe: one index-only probe per client, or one range for a whole segment.
-- It replaces V401's index (granted rows whether on the card or not).
DROP INDEX crm_consent_current_granted_ix;
CREATE INDEX crm_consent_current_effect_ix ON crm_consent_current (tenant_id, channel, purpose, client_id)
    INCLUDE (address) WHERE state = 'GRANTED' AND on_card;
