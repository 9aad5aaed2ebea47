package org.crmkit.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.UUID;

import org.crmkit.common.ClientId;

/** Turns two field → text views of a record into journal entries, one per changed field. */
public final class Changes {
    private Changes() {
    }

    public static List<AuditEntry> between(Map<String, String> before, Map<String, String> after, Optional<ClientId> client,
                                           String subject, String actor, Instant at, Supplier<UUID> ids) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<AuditEntry> entries = new ArrayList<>();
        for (String field : fields) {
            String old = before.get(field);
            String now = after.get(field);
            if (!Objects.equals(old, now)) {
                entries.add(new AuditEntry(ids.get(), client, subject, field, Optional.ofNullable(old),
                        Optional.ofNullable(now), actor, at));
            }
        }
        return entries;
    }
}
