package org.crmkit.ledger;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * Where a fact comes from in the host: its source (a kind of document or a system, such as
 * {@code sales-order}), the document's id there, and the line within the document. Pushing a fact
 * with a key already stored replaces that fact.
 */
public record FactKey(String source, String document, int line) {
    public static final int MAX_SOURCE = 100;
    public static final int MAX_DOCUMENT = 200;

    public FactKey {
        source = CleanText.require("source", source, MAX_SOURCE);
        document = CleanText.require("document", document, MAX_DOCUMENT);
        if (line < 0) {
            throw new ValidationException("line", line, "must be 0 or more");
        }
    }

    @Override
    public String toString() {
        return source + "/" + document + "#" + line;
    }
}
