-- Mailings (issue 18): how a client or a contact person prefers to be reached (EMAIL, SMS,
-- PHONE_CALL; NULL: not said), and whether a contact person receives the mailings sent to the
-- client's contact persons.
ALTER TABLE crm_client ADD COLUMN preferred_channel VARCHAR(16);
ALTER TABLE crm_contact_person ADD COLUMN preferred_channel VARCHAR(16);
ALTER TABLE crm_contact_person ADD COLUMN receives_mailings BOOLEAN DEFAULT FALSE NOT NULL;
