-- "Has consent now" without a look-up in the card per consent row (issue 16 benchmark). on_card says
-- whether the key's address is on its subject's card now: the client's contacts for the client's
-- own consents, the contact person's for a person's (a person of that client). The stores keep it
-- in the same transaction as every write that can change it: an append (computed under the
-- subject's row lock), a client's and a contact person's update (recomputed for the subject's rows
-- after its contacts are written). Suppression is not copied: the criterion probes
-- crm_consent_suppression's primary key. H2 has no partial index; V401's index stays, and a client's
-- rows are read by the primary key (tenant, client, channel, purpose, ...).
ALTER TABLE crm_consent_current ADD COLUMN on_card BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE crm_consent_current k SET on_card = TRUE
 WHERE k.person_id = '00000000-0000-0000-0000-000000000000'
   AND EXISTS (SELECT 1 FROM crm_client_contact x WHERE x.tenant_id = k.tenant_id AND x.client_id = k.client_id
                  AND x.contact_value = k.address AND x.type IN ('EMAIL', 'MOBILE', 'PHONE'));

UPDATE crm_consent_current k SET on_card = TRUE
 WHERE k.person_id <> '00000000-0000-0000-0000-000000000000'
   AND EXISTS (SELECT 1 FROM crm_contact_person p JOIN crm_person_contact y ON y.tenant_id = p.tenant_id AND y.person_id = p.id
                WHERE p.tenant_id = k.tenant_id AND p.id = k.person_id AND p.client_id = k.client_id
                  AND y.contact_value = k.address AND y.type IN ('EMAIL', 'MOBILE', 'PHONE'));
