package org.crmkit.usecase;

import org.crmkit.audit.AuditStore;
import org.crmkit.feed.FeedStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.Changes;
import org.crmkit.common.Actor;
import org.crmkit.common.DomainEvent;
import org.crmkit.feed.FeedEntry;
import org.crmkit.storage.Stores;

/**
 * One use case's unit of work: its actor (asked once per call), the stores of the actor's tenant,
 * and what the work records besides its records: journal lines (written at once), feed entries
 * (written last, so the feed's lock is held briefly) and events (published after the commit).
 */
public final class UnitOfWork {
    private final CrmContext context;
    private final Actor actor;
    private final Stores stores;
    private final List<FeedEntry> feed = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private final Set<org.crmkit.common.ClientId> touched = new java.util.LinkedHashSet<>();

    UnitOfWork(CrmContext context, Actor actor, Stores stores) {
        this.context = context;
        this.actor = actor;
        this.stores = stores;
    }

    public CrmContext context() {
        return context;
    }

    public Actor actor() {
        return actor;
    }

    public Stores stores() {
        return stores;
    }

    /** The store of a feature, bound to this unit of work. */
    public <S> S store(Class<S> type) {
        return stores.get(type);
    }

    public Instant now() {
        return context.clock().instant();
    }

    /** The Crm clock's moment in its zone (the tenant's): what relative dates in a rule are read at. */
    public java.time.ZonedDateTime zonedNow() {
        return java.time.ZonedDateTime.now(context.clock());
    }

    public LocalDate today() {
        return LocalDate.now(context.clock());
    }

    public UUID newId() {
        return context.ids().next();
    }

    /** Appends journal lines now, in this unit of work. */
    public void journal(List<AuditEntry> entries) {
        if (!entries.isEmpty()) {
            stores.get(AuditStore.class).append(entries);
            entries.forEach(e -> e.client().ifPresent(touched::add));
        }
    }

    /**
     * Notes a change for the feed: the record of {@code kind} with {@code id} (its id record, UUID or
     * key; written as text) had {@code change} touching {@code fields}.
     */
    public void changed(String kind, Object id, String change, Collection<String> fields) {
        feed.add(FeedEntry.unnumbered(kind, String.valueOf(id), change, Set.copyOf(fields), actor.name(), now()));
    }

    /**
     * Records a change of an administered record outside any client's card (a group, a
     * relationship type, a property definition): one journal line per field whose readable value
     * differs between {@code before} and {@code after} (subject {@code kind:id}), or one line named
     * {@code change} when no field differs, and a feed entry naming the changed fields.
     */
    public void administered(String kind, Object id, String change, Map<String, String> before, Map<String, String> after) {
        String subject = AuditEntry.subject(kind, id);
        List<AuditEntry> entries = Changes.between(before, after, Optional.empty(), subject, actor.name(), now(), this::newId);
        journal(entries.isEmpty()
                ? List.of(new AuditEntry(newId(), Optional.empty(), subject, change, Optional.empty(), Optional.empty(), actor.name(), now()))
                : entries);
        changed(kind, id, change, entries.stream().map(AuditEntry::field).toList());
    }

    /** Publishes an event to the host's listeners once the unit of work has committed. */
    public void publish(DomainEvent event) {
        events.add(event);
    }

    /** The clients this unit of work journaled lines under: the clients it changed. */
    Set<org.crmkit.common.ClientId> touchedClients() {
        return touched;
    }

    List<DomainEvent> events() {
        return events;
    }

    void finish() {
        if (!feed.isEmpty()) {
            stores.get(FeedStore.class).append(feed);
        }
    }
}
