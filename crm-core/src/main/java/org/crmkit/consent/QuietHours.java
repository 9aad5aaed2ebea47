package org.crmkit.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.ValidationException;

/**
 * A tenant's window of the day in which no SMS is sent and no call is made, e.g. 21:00–09:00:
 * from {@code start} (inclusive) to {@code end} (exclusive) on the wall clock, crossing midnight
 * when {@code end} is before {@code start}. E-mail is not held back ({@link #allows(Channel, Instant,
 * Optional, ZoneId)}).
 *
 * <p>The wall clock is the recipient's where their zone is known, otherwise the tenant's. Times are
 * read on that zone's clock as it is that day, so across a change of daylight saving time the
 * window keeps its wall-clock times (a night is an hour shorter or longer in instants). Where the
 * clock jumps (spring forward), a window end that does not exist that night is reached when the
 * clock jumps past it; where it falls back, the repeated hour is read twice, so a window may be
 * entered twice.
 *
 * <p>{@code start} equal to {@code end} is refused: it could mean "never quiet" or "always quiet",
 * and neither is a window. A tenant without quiet hours has no {@code QuietHours}; one that may not
 * send at all does not send.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        ValidationException.required(start, "start");
        ValidationException.required(end, "end");
        if (start.equals(end)) {
            throw new ValidationException("end", end, "equals start: quiet hours need a window (e.g. 21:00-09:00); a tenant "
                    + "without quiet hours has none");
        }
    }

    /** The window from {@code start} to {@code end}, e.g. {@code between(LocalTime.of(21, 0), LocalTime.of(9, 0))}. */
    public static QuietHours between(LocalTime start, LocalTime end) {
        return new QuietHours(start, end);
    }

    /** Whether the window crosses midnight (its end is earlier on the clock than its start). */
    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /** Whether {@code time} on a wall clock lies inside the window. */
    public boolean contains(LocalTime time) {
        ValidationException.required(time, "time");
        return crossesMidnight() ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether an SMS or a call may go out at {@code when}: outside the window on the recipient's clock (the tenant's if theirs is unknown). */
    public boolean allows(Instant when, Optional<ZoneId> recipientZone, ZoneId tenantZone) {
        ValidationException.required(when, "when");
        return !contains(when.atZone(zone(recipientZone, tenantZone)).toLocalTime());
    }

    /** The same for a message on {@code channel}: e-mail is always allowed, SMS and calls outside the window. */
    public boolean allows(Channel channel, Instant when, Optional<ZoneId> recipientZone, ZoneId tenantZone) {
        ValidationException.required(channel, "channel");
        boolean allowed = allows(when, recipientZone, tenantZone);
        return channel == Channel.EMAIL || allowed;
    }

    /**
     * The first instant at or after {@code when} at which an SMS or a call may go out: {@code when}
     * itself outside the window, else the end of the window on the recipient's clock (the tenant's
     * if theirs is unknown) — or earlier, where a change of daylight saving time takes the clock out
     * of the window first.
     */
    public Instant nextAllowed(Instant when, Optional<ZoneId> recipientZone, ZoneId tenantZone) {
        ValidationException.required(when, "when");
        ZoneId zone = zone(recipientZone, tenantZone);
        if (allows(when, recipientZone, tenantZone)) {
            return when;
        }
        // the clock leaves the window either by reaching its end or by a jump (a zone transition)
        ZoneRules rules = zone.getRules();
        List<Instant> candidates = new ArrayList<>();
        LocalDate today = when.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(2)); day = day.plusDays(1)) {
            LocalDateTime atEnd = day.atTime(end);
            List<ZoneOffset> offsets = rules.getValidOffsets(atEnd);
            if (offsets.isEmpty()) {
                candidates.add(rules.getTransition(atEnd).getInstant());
            }
            offsets.forEach(offset -> candidates.add(atEnd.toInstant(offset)));
        }
        Instant horizon = when.plus(Duration.ofDays(3));
        for (ZoneOffsetTransition t = rules.nextTransition(when); t != null && t.getInstant().isBefore(horizon);
                t = rules.nextTransition(t.getInstant())) {
            candidates.add(t.getInstant());
        }
        return candidates.stream().filter(c -> c.isAfter(when) && allows(c, recipientZone, tenantZone)).min(Instant::compareTo)
                .orElseThrow(() -> new IllegalStateException("no end of " + this + " within three days of " + when + " in " + zone));
    }

    private static ZoneId zone(Optional<ZoneId> recipientZone, ZoneId tenantZone) {
        ValidationException.required(recipientZone, "recipientZone");
        ValidationException.required(tenantZone, "tenantZone");
        return recipientZone.orElse(tenantZone);
    }

    @Override
    public String toString() {
        return "QuietHours[" + start + "-" + end + "]";
    }
}
