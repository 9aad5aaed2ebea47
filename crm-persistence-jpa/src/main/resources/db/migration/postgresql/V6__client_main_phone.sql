-- Each client row carries its main phone (Client.mainPhone: of its PHONE and MOBILE entries the
-- first marked primary, else the first listed; E.164), kept by the store whenever the client is
-- written. A page of summaries (quick search, client lists) then reads client rows alone instead of
-- probing the contact table once per client: on a million clients that probe was as much work as
-- the rest of a quick-search page. Call lists will read it too.
ALTER TABLE crm_client ADD COLUMN main_phone VARCHAR(20);
UPDATE crm_client c SET main_phone = (
    SELECT k.contact_value FROM crm_client_contact k
    WHERE k.tenant_id = c.tenant_id AND k.client_id = c.id AND k.type IN ('PHONE', 'MOBILE')
    ORDER BY k.is_primary DESC, k.position
    LIMIT 1);
