package org.crmkit.audit;

import org.crmkit.common.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.SortOrder;

/**
 * One changed field. {@code subject} says which record changed: inside a client's card
 * {@code client} or {@code contact-person:<id>} (then {@code client} names the card); for the
 * schema a tenant administers, {@code client-group:<id>}, {@code relationship-type:<key>} or
 * {@code property:<key>} (then {@code client} is empty). {@code field} is a name such as
 * {@code shortName} or {@code properties.employees-count}. Values are texts as people read them;
 * absent means empty.
 */
public record AuditEntry(UUID id, Optional<ClientId> client, String subject, String field, Optional<String> oldValue,
                         Optional<String> newValue, String actor, Instant at) {
    /** The order of a journal: oldest first, ties by id. */
    public static final Comparator<AuditEntry> CHRONOLOGICAL =
            Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id, SortOrder.UUIDS);

    /** Longest value kept in the journal, in code points; longer ones end in "…". */
    public static final int MAX_VALUE = 10_000;

    public AuditEntry {
        ValidationException.required(id, "id");
        ValidationException.required(client, "client");
        oldValue = ValidationException.required(oldValue, "oldValue").map(AuditEntry::capped);
        newValue = ValidationException.required(newValue, "newValue").map(AuditEntry::capped);
        at = ValidationException.required(at, "at").truncatedTo(ChronoUnit.MICROS);
        subject = CleanText.require("subject", subject, 100);
        field = CleanText.require("field", field, 200);
        actor = CleanText.require("actor", actor, 128);
    }

    /** The subject that names a record outside any client's card: {@code kind:id}. */
    public static String subject(String kind, Object id) {
        ValidationException.required(kind, "kind");
        ValidationException.required(id, "id");
        return kind + ":" + id;
    }

    private static String capped(String value) {
        return value.codePointCount(0, value.length()) <= MAX_VALUE ? value
                : value.substring(0, value.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
    }
}
