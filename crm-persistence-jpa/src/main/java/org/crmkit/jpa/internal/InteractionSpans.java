package org.crmkit.jpa.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.crmkit.interaction.Timing;

/**
 * The longest span (end key minus start key, in microseconds) of any interaction a tenant has
 * stored, in {@code crm_interaction_span}: with it a calendar query bounds {@code start_key} from
 * below ({@link InteractionSql#overlaps}) and reads one range of {@code crm_interaction_start_ix}
 * instead of every interaction of the tenant.
 *
 * <p>The value only grows. A write that stores a longer item than the recorded one raises it in a
 * short transaction of its own ({@link OwnTransaction}), committed before the item is: it never
 * holds a lock while the unit of work runs, and a unit that then rolls back leaves a value that is
 * merely larger than needed, which costs a wider range, never a missed item.
 */
final class InteractionSpans {
    private InteractionSpans() {
    }

    /** The recorded longest span of the unit's tenant; 0 when it has stored no interaction. */
    static long longest(JpaStores u) {
        List<Long> found = u.select(new JpaStores.Select("SELECT max_span_us FROM crm_interaction_span WHERE tenant_id = ?1",
                List.of(u.tenant)), rs -> rs.getLong(1));
        return found.isEmpty() ? 0 : found.get(0);
    }

    /** The span of an item: a timed item's end minus its start; an all-day item's days, whole. */
    static long of(Timing timing) {
        if (timing instanceof Timing.Timed) {
            Timing.Timed timed = (Timing.Timed) timing;
            return ChronoUnit.MICROS.between(timed.start(), timed.end());
        }
        Timing.AllDay days = (Timing.AllDay) timing;
        return Duration.ofDays(ChronoUnit.DAYS.between(days.first(), days.last()) + 1).toNanos() / 1_000;
    }

    /** Makes sure the recorded span is at least {@code span} before the unit stores an item that long. */
    static void cover(JpaStores u, long span) {
        if (span <= longest(u)) {
            return;
        }
        OwnTransaction.run(u.factory, em -> {
            int updated = em.createNativeQuery("UPDATE crm_interaction_span SET max_span_us = ?1 WHERE tenant_id = ?2 AND max_span_us < ?1")
                    .setParameter(1, span).setParameter(2, u.tenant).executeUpdate();
            if (updated == 0 && em.createNativeQuery("SELECT 1 FROM crm_interaction_span WHERE tenant_id = ?1")
                    .setParameter(1, u.tenant).getResultList().isEmpty()) {
                em.createNativeQuery("INSERT INTO crm_interaction_span (tenant_id, max_span_us) VALUES (?1, ?2)")
                        .setParameter(1, u.tenant).setParameter(2, span).executeUpdate();
            }
            return null;
        }, "record the longest interaction span of tenant " + u.tenant);
    }
}
