-- Segment rules (issue 17) compare text property values folded (CleanText.fold: lower case, ё as е,
-- runs of white space as one space): equals, in, contains and starts with. The folded text is
-- written by crmkit beside value_text on every text value row (never on reference rows, whose
-- value_text holds a marker), so the database never folds (its lower() depends on its locale).
-- Rows written before this version are folded here approximately (lower case, ё as е, white space
-- kept); saving the client again writes the exact key. Wider than value_text: folding can lengthen a
-- text (a 4,000-character value of emoji is 8,000 UTF-16 units, and some letters lower-case to two).
ALTER TABLE crm_client_property ADD COLUMN value_key VARCHAR(16000);
UPDATE crm_client_property SET value_key = LOWER(REPLACE(REPLACE(value_text, 'Ё', 'Е'), 'ё', 'е'))
    WHERE value_text IS NOT NULL AND value_ref IS NULL;
