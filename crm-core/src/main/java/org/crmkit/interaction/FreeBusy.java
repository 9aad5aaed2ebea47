package org.crmkit.interaction;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.criteria.Criterion;
import org.crmkit.usecase.UnitOfWork;

/** The free/busy warning {@link Interactions#plan} and a reschedule answer with ({@link Scheduled}). */
final class FreeBusy {
    /** The most overlapping single items, and the most overlapping occurrences, a warning lists. */
    static final int OVERLAP_LIMIT = 100;

    private FreeBusy() {
    }

    /**
     * The stored interaction with the free/busy warning: the other single items of its employees that
     * are not cancelled and overlap its time, and the occurrences of their series that do (expanded
     * as the calendar expands them; cancelled occurrences and cancelled series left out), each list
     * at most {@link #OVERLAP_LIMIT} long. A series is warned of by its occurrences only.
     */
    static Scheduled of(UnitOfWork work, Interaction interaction) {
        if (!interaction.isOpen()) {
            return new Scheduled(interaction, List.of());
        }
        ZoneId zone = work.context().clock().getZone();
        CalendarPeriod period;
        if (interaction.timing() instanceof Timing.Timed) {
            Timing.Timed timed = (Timing.Timed) interaction.timing();
            period = new CalendarPeriod(timed.start(), timed.end().equals(timed.start()) ? timed.end().plus(1, ChronoUnit.MICROS) : timed.end(), zone);
        } else {
            Timing.AllDay days = (Timing.AllDay) interaction.timing();
            period = CalendarPeriod.days(days.first(), days.last(), zone);
        }
        Criterion<InteractionCriterion> involved = Criterion.and(new InteractionCriterion.Involves(interaction.employees()),
                Criterion.not(new InteractionCriterion.IdIn(Set.of(interaction.id()))));
        Criterion<InteractionCriterion> others = Criterion.and(involved, new InteractionCriterion.Overlaps(period),
                Criterion.not(new InteractionCriterion.StateIn(Set.of(InteractionState.CANCELLED))));
        List<Interaction> singles = work.store(InteractionStore.class).find(new InteractionQuery(Interactions.visible(work).and(others),
                InteractionQuery.Order.START, 0, OVERLAP_LIMIT)).stream().filter(i -> !i.recurs()).collect(Collectors.toList());
        List<Occurrence> occurrences = Occurrences.expanded(work, involved, period).stream()
                .filter(o -> o.state() != InteractionState.CANCELLED).sorted(Occurrence.TIME_ORDER).limit(OVERLAP_LIMIT)
                .collect(Collectors.toList());
        return new Scheduled(interaction, singles, occurrences);
    }
}
