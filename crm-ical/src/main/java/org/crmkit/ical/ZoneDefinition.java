package org.crmkit.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.TimeZone;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

/**
 * A VTIMEZONE written from Java's own time-zone rules (nothing is downloaded): one observance per
 * offset change that touches the exported span, each with its local start, offset before and
 * after, so a reader computes the same instants without knowing the zone's name, also for years
 * whose rules have since changed (Moscow before 2014).
 */
final class ZoneDefinition {
    private ZoneDefinition() {
    }

    /** Whether times in {@code zone} are simply written in UTC ({@code Z}), with no VTIMEZONE. */
    static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /** The zone as biweekly writes it: times local to {@code zone}, with a VTIMEZONE valid from {@code from} until {@code until}. */
    static TimezoneAssignment of(ZoneId zone, Instant from, Instant until) {
        TimeZone javaZone = TimeZone.getTimeZone(zone);
        ZoneRules rules = zone.getRules();
        VTimezone component = new VTimezone(javaZone.getID());
        ZoneOffsetTransition earlier = rules.previousTransition(from.plusNanos(1));
        if (earlier == null) {
            ZoneOffset offset = rules.getOffset(from);
            component.addStandardTime(observance(new StandardTime(), LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
        } else {
            add(component, rules, earlier);
        }
        for (ZoneOffsetTransition next = rules.nextTransition(from); next != null && next.getInstant().isBefore(until);
             next = rules.nextTransition(next.getInstant())) {
            add(component, rules, next);
        }
        return new TimezoneAssignment(javaZone, component);
    }

    private static void add(VTimezone component, ZoneRules rules, ZoneOffsetTransition change) {
        if (rules.isDaylightSavings(change.getInstant())) {
            component.addDaylightSavingsTime(observance(new DaylightSavingsTime(), change.getDateTimeBefore(),
                    change.getOffsetBefore(), change.getOffsetAfter()));
        } else {
            component.addStandardTime(observance(new StandardTime(), change.getDateTimeBefore(),
                    change.getOffsetBefore(), change.getOffsetAfter()));
        }
    }

    private static <T extends Observance> T observance(T observance, LocalDateTime localStart, ZoneOffset before, ZoneOffset after) {
        observance.setDateStart(new DateTimeComponents(localStart.getYear(), localStart.getMonthValue(), localStart.getDayOfMonth(),
                localStart.getHour(), localStart.getMinute(), localStart.getSecond(), false));
        observance.setTimezoneOffsetFrom(new UtcOffset(before.getTotalSeconds() * 1000L));
        observance.setTimezoneOffsetTo(new UtcOffset(after.getTotalSeconds() * 1000L));
        return observance;
    }
}
