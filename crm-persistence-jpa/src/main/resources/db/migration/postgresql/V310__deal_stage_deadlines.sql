-- A deal's current stage may be due by a deadline (issue 15's link to the calendar). Each stay in a
-- stage keeps the deadline it had; crm_deal keeps the current one (derived from its open stay, written
-- with it) so the open deals due in a period, or overdue, are one range of an index.
ALTER TABLE crm_deal_stage_visit ADD COLUMN deadline TIMESTAMP WITH TIME ZONE;
ALTER TABLE crm_deal ADD COLUMN stage_deadline TIMESTAMP WITH TIME ZONE;
CREATE INDEX crm_deal_stage_deadline_ix ON crm_deal (tenant_id, stage_deadline);
