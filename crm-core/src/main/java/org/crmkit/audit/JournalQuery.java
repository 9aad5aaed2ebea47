package org.crmkit.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.CleanText;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * A page of the journal across all clients: the entries written in {@code [from, until)}, of one
 * actor if given, {@linkplain AuditEntry#CHRONOLOGICAL oldest first}, after the entry a host saw
 * last. A store answers it in one query reading its index from the cursor on, so the thousandth
 * page costs what the first does.
 *
 * @param from    the earliest time, inclusive
 * @param until   the end of the period, exclusive
 * @param actor   only the entries of this actor (as {@link AuditEntry#actor()} names it)
 * @param after   the position of the last entry seen; the page starts after it
 * @param limit   at most this many entries, 1–{@value #MAX_LIMIT}
 */
public record JournalQuery(Instant from, Instant until, Optional<String> actor, Optional<Position> after, int limit) {
    /** Most entries one page holds. */
    public static final int MAX_LIMIT = 10_000;

    /** Where an entry stands in the journal's order: its time and id. */
    public record Position(Instant at, UUID id) {
        public Position {
            if (at == null) {
                throw new ValidationException("after.at", null, "is required");
            }
            if (id == null) {
                throw new ValidationException("after.id", null, "is required");
            }
            at = at.truncatedTo(ChronoUnit.MICROS);
        }

        /** The position of an entry, to read on after it. */
        public static Position of(AuditEntry entry) {
            if (entry == null) {
                throw new ValidationException("after", null, "is required: the last entry of the previous page");
            }
            return new Position(entry.at(), entry.id());
        }

        /** Whether {@code entry} comes after this position in the journal's order. */
        public boolean isBefore(AuditEntry entry) {
            int byTime = at.compareTo(entry.at());
            return byTime < 0 || byTime == 0 && SortOrder.UUIDS.compare(id, entry.id()) < 0;
        }
    }

    public JournalQuery {
        if (from == null) {
            throw new ValidationException("from", null, "is required");
        }
        if (until == null) {
            throw new ValidationException("until", null, "is required");
        }
        if (actor == null) {
            throw new ValidationException("actor", null, "is required (Optional.empty() for every actor)");
        }
        if (after == null) {
            throw new ValidationException("after", null, "is required (Optional.empty() for the first page)");
        }
        from = from.truncatedTo(ChronoUnit.MICROS);
        until = until.truncatedTo(ChronoUnit.MICROS);
        if (!from.isBefore(until)) {
            throw new ValidationException("until", until, "must be after from (" + from + ")");
        }
        actor = actor.map(a -> CleanText.require("actor", a, 128));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first page of the period, of every actor, {@code limit} entries. */
    public static JournalQuery between(Instant from, Instant until, int limit) {
        return new JournalQuery(from, until, Optional.empty(), Optional.empty(), limit);
    }

    /** The same query for one actor's entries. */
    public JournalQuery by(String actorName) {
        if (actorName == null) {
            throw new ValidationException("actor", null, "is required");
        }
        return new JournalQuery(from, until, Optional.of(actorName), after, limit);
    }

    /** The next page: the entries after {@code last}, the last entry of this page. */
    public JournalQuery after(AuditEntry last) {
        return new JournalQuery(from, until, actor, Optional.of(Position.of(last)), limit);
    }

    /** Whether the entry belongs to the query's period and actor and comes after its cursor (as a store filters). */
    public boolean matches(AuditEntry entry) {
        return !entry.at().isBefore(from) && entry.at().isBefore(until)
                && actor.map(entry.actor()::equals).orElse(true)
                && after.map(p -> p.isBefore(entry)).orElse(true);
    }
}
