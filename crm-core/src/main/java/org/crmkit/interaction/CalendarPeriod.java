package org.crmkit.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.crmkit.common.ValidationException;

/**
 * A stretch of time a calendar or a report asks about: from an instant (inclusive) until another
 * (exclusive), and the zone in which all-day items' dates are read. An all-day item falls in the
 * period when one of its days is one of the days the period touches in that zone
 * ({@link #firstDay()} to {@link #lastDay()}). "September 2011" or "this week" become a period
 * through {@link #days} or {@link #month} in the tenant's zone; no database clock is asked.
 * Instants are kept to microseconds, as the databases keep them.
 */
public record CalendarPeriod(Instant from, Instant until, ZoneId zone) {
    public CalendarPeriod {
        from = ValidationException.required(from, "from").truncatedTo(ChronoUnit.MICROS);
        until = ValidationException.required(until, "until").truncatedTo(ChronoUnit.MICROS);
        ValidationException.required(zone, "zone");
        if (!until.isAfter(from)) {
            throw new ValidationException("until", until, "is not after the period's start " + from);
        }
    }

    /** The whole days from {@code first} to {@code last} (both included) in {@code zone}. */
    public static CalendarPeriod days(LocalDate first, LocalDate last, ZoneId zone) {
        ValidationException.required(first, "first");
        ValidationException.required(last, "last");
        ValidationException.required(zone, "zone");
        if (last.isBefore(first)) {
            throw new ValidationException("last", last, "is before the first day " + first);
        }
        return new CalendarPeriod(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    /** A calendar month in {@code zone}: {@code month(YearMonth.of(2011, 9), zone)} is September 2011. */
    public static CalendarPeriod month(YearMonth month, ZoneId zone) {
        ValidationException.required(month, "month");
        return days(month.atDay(1), month.atEndOfMonth(), zone);
    }

    /** A calendar year in {@code zone}. */
    public static CalendarPeriod year(Year year, ZoneId zone) {
        ValidationException.required(year, "year");
        return days(year.atDay(1), year.atMonth(12).atEndOfMonth(), zone);
    }

    /** The day of {@link #from} in the zone. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(from, zone);
    }

    /** The day of the last microsecond before {@link #until} in the zone. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(until.minus(1, ChronoUnit.MICROS), zone);
    }
}
