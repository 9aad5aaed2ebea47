package org.crmkit.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.crmkit.common.ValidationException;

/**
 * When an interaction takes place: {@link Timed} from one instant to another, or {@link AllDay}
 * from one date to another (a day has no instant until a zone is chosen, so it is kept as a date).
 * The end is never before the start (a {@link ValidationException} naming {@code end}); an end
 * equal to the start is a moment (a call, a note).
 */
public sealed interface Timing {

    /** From {@code start} until {@code end}. */
    static Timed timed(Instant start, Instant end) {
        return new Timed(start, end);
    }

    /** The days from {@code first} to {@code last}, both included. */
    static AllDay allDay(LocalDate first, LocalDate last) {
        return new AllDay(first, last);
    }

    /** Where the item sorts in time order: the start, or for an all-day item the first day at midnight UTC. */
    Instant startKey();

    /**
     * Where the item sorts among obligations: the end, or for an all-day item the day after its last
     * day at midnight UTC.
     */
    Instant endKey();

    /** Whether the item takes place (in part) within the period. */
    boolean overlaps(CalendarPeriod period);

    /** Whether the item starts within the period. */
    boolean startsIn(CalendarPeriod period);

    /** Whether the item ended before now: a timed one before {@code now}, an all-day one before {@code today}. */
    boolean endedBefore(Instant now, LocalDate today);

    /** A timed item, to the microsecond. */
    record Timed(Instant start, Instant end) implements Timing {
        public Timed {
            start = ValidationException.required(start, "start").truncatedTo(ChronoUnit.MICROS);
            end = ValidationException.required(end, "end").truncatedTo(ChronoUnit.MICROS);
            if (end.isBefore(start)) {
                throw new ValidationException("end", end, "is before the start " + start);
            }
        }

        @Override
        public Instant startKey() {
            return start;
        }

        @Override
        public Instant endKey() {
            return end;
        }

        /** It starts before the period ends and ends after the period starts (a moment: lies in it). */
        @Override
        public boolean overlaps(CalendarPeriod period) {
            return start.isBefore(period.until()) && (end.isAfter(period.from()) || !start.isBefore(period.from()));
        }

        @Override
        public boolean startsIn(CalendarPeriod period) {
            return !start.isBefore(period.from()) && start.isBefore(period.until());
        }

        @Override
        public boolean endedBefore(Instant now, LocalDate today) {
            return end.isBefore(now);
        }
    }

    /** An all-day item from {@code first} to {@code last}, both included. */
    record AllDay(LocalDate first, LocalDate last) implements Timing {
        public AllDay {
            ValidationException.required(first, "start");
            ValidationException.required(last, "end");
            if (last.isBefore(first)) {
                throw new ValidationException("end", last, "is before the start " + first);
            }
        }

        @Override
        public Instant startKey() {
            return first.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        @Override
        public Instant endKey() {
            return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        @Override
        public boolean overlaps(CalendarPeriod period) {
            return !first.isAfter(period.lastDay()) && !last.isBefore(period.firstDay());
        }

        @Override
        public boolean startsIn(CalendarPeriod period) {
            return !first.isBefore(period.firstDay()) && !first.isAfter(period.lastDay());
        }

        @Override
        public boolean endedBefore(Instant now, LocalDate today) {
            return last.isBefore(today);
        }
    }
}
