package org.crmkit.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

import org.crmkit.common.ValidationException;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * How a series of interactions repeats: an RFC 5545 recurrence rule ({@code FREQ=WEEKLY;BYDAY=MO}),
 * parsed and expanded by lib-recur. A rule that does not parse strictly is refused naming the field
 * {@code recurrence} and the text; an optional {@code RRULE:} prefix is dropped.
 *
 * <p>The rule is expanded from the first occurrence's start in a zone (the responsible employee's,
 * else the tenant's): a weekly 10:00 meeting stays at 10:00 local time across a DST change, so its
 * instants move by the change. A timed occurrence lasts as long as the first one; an all-day one
 * covers as many days. Expansion is always bounded: by a period ({@link #within}), or, for a rule
 * with COUNT or UNTIL, by the rule ({@link #all}); asking for all occurrences of an endless rule is
 * refused.
 *
 * <p>{@link #zone} is the zone the series is expanded in, pinned when the series is first stored
 * (the responsible employee's zone then, else the tenant's): a series handed to an employee in
 * another city keeps its occurrences (and their identities). Empty for a rule not yet stored.
 */
public record Recurrence(String rule, Optional<ZoneId> zone) {
    /** Most occurrences one expansion produces (a guard, not a rule: a daily rule of 27 years). */
    public static final int MAX_EXPANSION = 10_000;
    public static final int RULE_MAX = 1_000;

    public Recurrence {
        ValidationException.required(rule, "recurrence");
        ValidationException.required(zone, "zone");
        String text = rule.strip();
        if (text.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            text = text.substring("RRULE:".length()).strip();
        }
        if (text.isEmpty() || text.length() > RULE_MAX) {
            throw new ValidationException("recurrence", rule, "must be an RFC 5545 RRULE of 1 to " + RULE_MAX + " characters");
        }
        rule = text.toUpperCase(Locale.ROOT);
        parse(rule, text);
    }

    /** The rule of {@code text} ({@code FREQ=WEEKLY;COUNT=10}, with or without {@code RRULE:}). */
    public static Recurrence of(String text) {
        return new Recurrence(text, Optional.empty());
    }

    /** The same rule expanded in {@code expansionZone}. */
    public Recurrence in(ZoneId expansionZone) {
        return new Recurrence(rule, Optional.of(ValidationException.required(expansionZone, "zone")));
    }

    private static RecurrenceRule parse(String rule, String given) {
        try {
            RecurrenceRule parsed = new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            if (parsed.getInterval() < 1) {
                throw new ValidationException("recurrence", given, "has an INTERVAL below 1");
            }
            return parsed;
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw new ValidationException("recurrence", given, "is not an RFC 5545 RRULE (" + e.getMessage() + ")");
        }
    }

    private RecurrenceRule parsed() {
        return parse(rule, rule);
    }

    /** Whether the rule ends by itself (it has COUNT or UNTIL). */
    public boolean bounded() {
        return !parsed().isInfinite();
    }

    /**
     * The occurrences whose start lies in {@code [from, until)}, in time order, expanded from
     * {@code first} in {@code zone}.
     */
    public List<Timing> within(Timing first, ZoneId zone, Instant from, Instant until) {
        ValidationException.required(first, "first");
        ValidationException.required(zone, "zone");
        ValidationException.required(from, "from");
        ValidationException.required(until, "until");
        return expand(first, zone, Optional.of(from), Optional.of(until));
    }

    /** Every occurrence of a rule with COUNT or UNTIL, in time order; an endless rule is refused naming {@code recurrence}. */
    public List<Timing> all(Timing first, ZoneId zone) {
        ValidationException.required(first, "first");
        ValidationException.required(zone, "zone");
        if (!bounded()) {
            throw new ValidationException("recurrence", rule, "has neither COUNT nor UNTIL: it never ends, so ask for the occurrences of a period");
        }
        return expand(first, zone, Optional.empty(), Optional.empty());
    }

    /** Whether an occurrence of the series starts at {@code start} ({@link Timing#startKey()} of the occurrence). */
    public boolean produces(Timing first, ZoneId zone, Instant start) {
        ValidationException.required(start, "start");
        return within(first, zone, start, start.plus(1, ChronoUnit.MICROS)).stream().anyMatch(t -> t.startKey().equals(start));
    }

    /**
     * The latest instant at which an occurrence can end, whatever the zone it is expanded in: none
     * for an endless rule. Two days of slack cover every zone's offset and a DST change.
     */
    public Optional<Instant> endBound(Timing first) {
        ValidationException.required(first, "first");
        RecurrenceRule parsed = parsed();
        if (parsed.isInfinite()) {
            return Optional.empty();
        }
        Duration length = Duration.between(first.startKey(), first.endKey());
        Instant lastStart;
        if (parsed.getUntil() != null) {
            lastStart = Instant.ofEpochMilli(parsed.getUntil().getTimestamp());
        } else {
            List<Timing> all = expand(first, ZoneOffset.UTC, Optional.empty(), Optional.empty());
            lastStart = all.isEmpty() ? first.startKey() : all.get(all.size() - 1).startKey();
        }
        Instant end = lastStart.plus(length).plus(2, ChronoUnit.DAYS);
        return Optional.of(end.isBefore(first.endKey()) ? first.endKey() : end);
    }

    /**
     * The rule ending before {@code next} (an occurrence's start): COUNT dropped, UNTIL one second
     * before it (for an all-day series: the day before). What a "this and following" edit leaves the
     * old series.
     */
    public Recurrence endingBefore(Timing first, Instant next) {
        ValidationException.required(first, "first");
        ValidationException.required(next, "next");
        RecurrenceRule parsed = parsed();
        if (first instanceof Timing.AllDay) {
            LocalDate last = LocalDate.ofInstant(next, ZoneOffset.UTC).minusDays(1);
            parsed.setUntil(new DateTime(last.getYear(), last.getMonthValue() - 1, last.getDayOfMonth()));
        } else {
            parsed.setUntil(new DateTime(DateTime.UTC, next.minusSeconds(1).toEpochMilli()));
        }
        return new Recurrence(parsed.toString(), zone);
    }

    /** The same rule with COUNT {@code count} (UNTIL dropped). */
    public Recurrence withCount(int count) {
        if (count < 1) {
            throw new ValidationException("count", count, "must be positive");
        }
        RecurrenceRule parsed = parsed();
        parsed.setUntil(null);
        parsed.setCount(count);
        return new Recurrence(parsed.toString(), zone);
    }

    /** The COUNT of the rule, if it has one. */
    public Optional<Integer> count() {
        return Optional.ofNullable(parsed().getCount());
    }

    private List<Timing> expand(Timing first, ZoneId zone, Optional<Instant> from, Optional<Instant> until) {
        RecurrenceRule parsed = parsed();
        List<Timing> occurrences = new ArrayList<>();
        if (first instanceof Timing.Timed) {
            Timing.Timed timed = (Timing.Timed) first;
            Duration length = Duration.between(timed.start(), timed.end());
            long micros = timed.start().getNano() / 1000 % 1000;
            RecurrenceRuleIterator it = parsed.iterator(new DateTime(TimeZone.getTimeZone(zone), timed.start().toEpochMilli()));
            from.ifPresent(f -> it.fastForward(f.toEpochMilli() - 1));
            while (it.hasNext() && occurrences.size() < MAX_EXPANSION) {
                Instant start = Instant.ofEpochMilli(it.nextMillis()).plus(micros, ChronoUnit.MICROS);
                if (until.isPresent() && !start.isBefore(until.get())) {
                    break;
                }
                if (from.isEmpty() || !start.isBefore(from.get())) {
                    occurrences.add(Timing.timed(start, start.plus(length)));
                }
            }
        } else {
            Timing.AllDay days = (Timing.AllDay) first;
            long extra = ChronoUnit.DAYS.between(days.first(), days.last());
            RecurrenceRuleIterator it = parsed.iterator(new DateTime(days.first().getYear(), days.first().getMonthValue() - 1,
                    days.first().getDayOfMonth()));
            from.ifPresent(f -> {
                LocalDate day = LocalDate.ofInstant(f, ZoneOffset.UTC).minusDays(1);
                it.fastForward(new DateTime(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth()));
            });
            while (it.hasNext() && occurrences.size() < MAX_EXPANSION) {
                DateTime next = it.nextDateTime();
                LocalDate day = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
                Timing.AllDay occurrence = Timing.allDay(day, day.plusDays(extra));
                if (until.isPresent() && !occurrence.startKey().isBefore(until.get())) {
                    break;
                }
                if (from.isEmpty() || !occurrence.startKey().isBefore(from.get())) {
                    occurrences.add(occurrence);
                }
            }
        }
        return occurrences;
    }
}
