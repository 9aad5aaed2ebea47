-- Free/busy per employee (issue 14). Every employee involved in an interaction, the responsible
-- included, with the interaction's start_key and end_key (a timed item's end; an all-day item's day
-- after its last day at midnight UTC), written by the store in the transaction that writes the
-- interaction (insert, and every update: reschedule, reassign, hand-over). InteractionCriterion.Involves
-- reads it; beside Overlaps(period) it reads one range of crm_interaction_calendar_ix per employee.
CREATE TABLE crm_interaction_calendar (
    tenant_id      VARCHAR(64)              NOT NULL,
    interaction_id UUID                     NOT NULL,
    employee       VARCHAR(64)              NOT NULL,
    start_key      TIMESTAMP WITH TIME ZONE NOT NULL,
    end_key        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_interaction_calendar_pk PRIMARY KEY (tenant_id, interaction_id, employee),
    CONSTRAINT crm_interaction_calendar_fk FOREIGN KEY (tenant_id, interaction_id) REFERENCES crm_interaction (tenant_id, id)
);
CREATE INDEX crm_interaction_calendar_ix ON crm_interaction_calendar (tenant_id, employee, start_key, end_key, interaction_id);

-- the rows of the interactions stored before: the responsible, and the other employees
-- (an all-day item's days as exact 24-hour steps from its start key, midnight UTC)
INSERT INTO crm_interaction_calendar (tenant_id, interaction_id, employee, start_key, end_key)
SELECT x.tenant_id, x.id, x.employee, i.start_key,
       CASE WHEN i.timed THEN i.end_at ELSE i.start_key + (i.last_day - i.first_day + 1) * INTERVAL '24 hours' END
FROM (SELECT tenant_id, id, responsible AS employee FROM crm_interaction
      UNION SELECT tenant_id, interaction_id, employee FROM crm_interaction_employee) x
JOIN crm_interaction i ON i.tenant_id = x.tenant_id AND i.id = x.id;
