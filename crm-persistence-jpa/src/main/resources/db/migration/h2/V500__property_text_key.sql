-- Segment rules (issue 17) compare text property values folded (CleanText.fold: lower case, ё as е,
-- runs of white space as one space): equals, in, contains and starts with. The folded text is
-- written by crmkit beside value_text on every text value row (never on reference rows, whose
-- value_text holds a marker), so the database never folds (its lower() depends on its locale).
-- Rows written before this version are folded here approximately (lower case, ё as е, white space
-- kept); saving the client again writes the exact key.
ALTER TABLE crm_client_property ADD COLUMN value_key VARCHAR(4000);
UPDATE crm_client_property SET value_key = LOWER(REPLACE(REPLACE(value_text, 'Ё', 'Е'), 'ё', 'е'))
    WHERE value_text IS NOT NULL AND value_ref IS NULL;
