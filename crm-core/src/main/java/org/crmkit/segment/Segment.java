package org.crmkit.segment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.crmkit.client.ClientCriterion;
import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;

/**
 * A saved segment of a tenant: a name unique in the tenant (compared as {@link CleanText#fold}
 * compares, so «Кухни» and «КУХНИ» clash), a {@link SegmentKind} and a rule.
 *
 * <p>A {@link SegmentKind#DYNAMIC} segment's rule is what it is: its members are the clients the
 * rule matches now. A {@link SegmentKind#LIST}'s rule is only where its members came from (the rule
 * it was frozen from at {@code frozenAt}, {@link Criterion#none()} for a list started empty): its
 * members are its rows, edited by hand, and its rule cannot be changed. Every stored change moves
 * {@code version} by one (optimistic locking). Verbs return changed copies.
 */
public record Segment(SegmentId id, String name, SegmentKind kind, Criterion<ClientCriterion> rule, Optional<Instant> frozenAt, long version) {
    public static final int MAX_NAME = 200;

    public Segment {
        ValidationException.required(id, "id");
        name = CleanText.require("name", name, MAX_NAME);
        ValidationException.required(kind, "kind");
        ValidationException.required(rule, "rule");
        ValidationException.required(frozenAt, "frozenAt");
        if (kind == SegmentKind.DYNAMIC && frozenAt.isPresent()) {
            throw new ValidationException("frozenAt", frozenAt.get(), "a dynamic segment is never frozen");
        }
        if (kind == SegmentKind.LIST && frozenAt.isEmpty()) {
            throw new ValidationException("frozenAt", null, "a list is frozen at a moment");
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    /** A new dynamic segment, not yet stored (version 0). */
    public static Segment dynamic(SegmentId id, String name, Criterion<ClientCriterion> rule) {
        return new Segment(id, name, SegmentKind.DYNAMIC, rule, Optional.empty(), 0);
    }

    /** A new snapshot list frozen from {@code rule} at {@code at}, not yet stored (version 0). */
    public static Segment list(SegmentId id, String name, Criterion<ClientCriterion> rule, Instant at) {
        return new Segment(id, name, SegmentKind.LIST, rule, Optional.of(ValidationException.required(at, "at")), 0);
    }

    /** The key two names clash on. */
    public String nameKey() {
        return CleanText.fold(name);
    }

    public Segment rename(String newName) {
        return new Segment(id, newName, kind, rule, frozenAt, version);
    }

    /** The dynamic segment with another rule; a list's rule is its history and is refused. */
    public Segment withRule(Criterion<ClientCriterion> newRule) {
        if (kind == SegmentKind.LIST) {
            throw new ValidationException("rule", name, "is a snapshot list: add or remove its members instead of changing its rule");
        }
        return new Segment(id, name, kind, newRule, frozenAt, version);
    }

    public Segment withVersion(long newVersion) {
        return new Segment(id, name, kind, rule, frozenAt, newVersion);
    }

    /** Field → readable value, for the journal. */
    Map<String, String> auditView() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("kind", kind.name());
        view.put("rule", rule.toString());
        frozenAt.ifPresent(at -> view.put("frozenAt", at.toString()));
        return view;
    }
}
