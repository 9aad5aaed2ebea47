-- "The short or the full name contains the fragment" is answered from one trigram index over both
-- names, joined by a character no name can hold (U+0001: CleanText refuses control characters, so a
-- fragment never spans the two). The store writes the condition as the same expression. One GIN
-- scan instead of a BitmapOr of two: on a million clients, a fragment made of common trigrams
-- (вороновт) cost 3.3 ms in each of the two indexes. The full-name index goes; the short-name one
-- stays for fragments of the short name alone (ShortNameContains). Only where V1 could create the
-- trigram indexes (pg_trgm installed).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX crm_client_names_trgm_ix ON crm_client'
            || ' USING gin ((short_key || chr(1) || COALESCE(full_key, '''')) gin_trgm_ops)';
        EXECUTE 'DROP INDEX IF EXISTS crm_client_full_key_trgm_ix';
    END IF;
END
$$;
