-- Recurring interactions (issue 14, recurrence). A series is one crm_interaction row with an RFC 5545
-- rule in `recurrence`; series_end_key is the latest instant one of its unmoved occurrences can end,
-- whatever the zone it is expanded in (9999-12-31 for an endless rule; NULL: not a series), written by
-- the store from Interaction.seriesEndBound(); a calendar reads the series whose series_end_key is not
-- before the period's start and whose first start is before its end (one range of the index below),
-- and those with an override in the period. The expansion is done in Java (lib-recur).
ALTER TABLE crm_interaction ADD COLUMN recurrence VARCHAR(1000);
-- the zone the series is expanded in, pinned when it is first stored (a zone id such as Europe/Moscow)
ALTER TABLE crm_interaction ADD COLUMN recurrence_zone VARCHAR(64);
ALTER TABLE crm_interaction ADD COLUMN series_end_key TIMESTAMP WITH TIME ZONE;
CREATE INDEX crm_interaction_series_ix ON crm_interaction (tenant_id, series_end_key, start_key);

-- What one occurrence has of its own (an RFC 5545 exception): identified by (series, original start),
-- with its own state, result and timing, versioned on its own; responsible: an employee the occurrence
-- kept at a hand-over (NULL: the series' responsible). start_key/end_key as for interactions.
CREATE TABLE crm_interaction_occurrence (
    tenant_id      VARCHAR(64)              NOT NULL,
    series_id      UUID                     NOT NULL,
    original_start TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(12)              NOT NULL,
    result_text    VARCHAR(200000),
    responsible    VARCHAR(64),
    timed          BOOLEAN                  NOT NULL,
    start_at       TIMESTAMP WITH TIME ZONE,
    end_at         TIMESTAMP WITH TIME ZONE,
    first_day      DATE,
    last_day       DATE,
    start_key      TIMESTAMP WITH TIME ZONE NOT NULL,
    end_key        TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    CONSTRAINT crm_interaction_occurrence_pk PRIMARY KEY (tenant_id, series_id, original_start),
    CONSTRAINT crm_interaction_occurrence_fk FOREIGN KEY (tenant_id, series_id) REFERENCES crm_interaction (tenant_id, id)
);
-- overrides moved into a period
CREATE INDEX crm_interaction_occurrence_start_ix ON crm_interaction_occurrence (tenant_id, start_key);
