-- The journal read across clients by period (Crm.journal()), and by period of one actor: each page
-- reads one of these indexes in order from its cursor (at, id) on and stops after the page.
-- (Paging through all clients needs no index of its own: it reads the primary key (tenant_id, id).)
CREATE INDEX crm_audit_at_ix ON crm_audit (tenant_id, at, id);
CREATE INDEX crm_audit_actor_ix ON crm_audit (tenant_id, actor, at, id);
