package org.crmkit.audit;

import java.util.Comparator;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;

/**
 * One changed field. {@code subject} says what changed inside the client's card: {@code client}
 * or {@code contact-person:<id>}; {@code field} is a name such as {@code shortName} or
 * {@code properties.employees-count}. Values are texts as people read them; absent means empty.
 */
public record AuditEntry(UUID id, ClientId client, String subject, String field, Optional<String> oldValue,
                         Optional<String> newValue, String actor, Instant at) {
    /** The order of a journal: oldest first, ties by id. */
    public static final Comparator<AuditEntry> CHRONOLOGICAL =
            Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id);

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(at, "at");
        subject = CleanText.require("subject", subject, 100);
        field = CleanText.require("field", field, 200);
        actor = CleanText.require("actor", actor, 128);
    }
}
