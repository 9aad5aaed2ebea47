package org.crmkit.feed;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Pattern;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * One change in the feed: the record of {@code kind} with {@code id} (a UUID, or the key of a
 * schema record such as a property) ({@code client}, {@code contact-person},
 * {@code client-group}, …) had {@code change} ({@code registered}, {@code changed}, {@code archived}, …)
 * touching {@code fields} (names such as {@code shortName}, never values), by {@code actor} at
 * {@code at}. {@code position} orders the feed of a tenant: positions grow in commit order.
 */
public record FeedEntry(long position, String kind, String id, String change, Set<String> fields, String actor, Instant at) {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

    public FeedEntry {
        if (position < 0) {
            throw new ValidationException("position", position, "must not be negative");
        }
        kind = word("kind", kind);
        id = CleanText.require("id", id, 100);
        change = word("change", change);
        fields = Set.copyOf(ValidationException.required(fields, "fields"));
        actor = CleanText.require("actor", actor, 128);
        at = ValidationException.required(at, "at").truncatedTo(ChronoUnit.MICROS);
    }

    /** The entry as written in a unit of work, before the store numbers it. */
    public static FeedEntry unnumbered(String kind, String id, String change, Set<String> fields, String actor, Instant at) {
        return new FeedEntry(0, kind, id, change, fields, actor, at);
    }

    public FeedEntry numbered(long newPosition) {
        return new FeedEntry(newPosition, kind, id, change, fields, actor, at);
    }

    private static String word(String field, String value) {
        if (value == null || value.length() > 40 || !WORD.matcher(value).matches()) {
            throw new ValidationException(field, value, "must be a lower-case word such as client or changed (a-z, 0-9, -)");
        }
        return value;
    }
}
