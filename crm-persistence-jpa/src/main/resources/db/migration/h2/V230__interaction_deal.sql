-- An interaction may be based on a deal (issues 14 and 15): the deal's id, or NULL for none.
-- No foreign key, as for based_on: the use case checks that the deal is the tenant's and that its
-- client takes part. The index serves a deal's interactions (InteractionCriterion.ForDeal).
ALTER TABLE crm_interaction ADD COLUMN deal_id UUID;
CREATE INDEX crm_interaction_deal_ix ON crm_interaction (tenant_id, deal_id);
