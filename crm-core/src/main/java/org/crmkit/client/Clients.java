package org.crmkit.client;

import org.crmkit.audit.AuditStore;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.crmkit.audit.AuditEntry;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.handover.HandOver;
import org.crmkit.property.PropertyValue;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The client use cases, each one unit of work for the acting tenant: register, read, change,
 * archive, search, and the change journal. Every read is restricted by the access policy inside
 * the store's query; every change is checked against it before anything is written.
 */
public final class Clients {
    /** The client base: clients, contact persons, groups and relationship types. */
    public static final Feature FEATURE = Feature.of("clients", ClientStore.class, ContactPersonStore.class,
            ClientGroupStore.class, RelationshipTypeStore.class);
    /** The record kind of clients in the change feed. */
    static final String KIND = "client";
    /** Results of a quick search. */
    private static final int SEARCH_LIMIT = 50;
    private static final int HAND_OVER_PAGE = 500;
    /** When a manager leaves, the clients they manage go to the successor. */
    /** The clients a hand-over moved, in its {@link org.crmkit.handover.HandOverReport}. */
    public static final HandOver.Key<ClientId> HANDED_OVER = new HandOver.Key<>(KIND, ClientId.class);
    public static final HandOver HAND_OVER = HandOver.of(HANDED_OVER, Clients::handOver);

    private final CrmContext context;

    public Clients(CrmContext context) {
        this.context = context;
    }

    /** Parses a contact value with the Crm's phone region: {@code 8 (916) 123-45-67} → {@code +79161234567}. */
    public ContactEntry contact(ContactType type, String raw) {
        ValidationException.required(type, "type");
        return ContactEntry.parse(type, raw, context.phoneRegion());
    }

    /**
     * Registers a client with its contact persons; everything is checked first and nothing is
     * stored when anything is wrong.
     */
    public Client register(NewClient draft) {
        ValidationException.required(draft, "client");
        return registerAll(List.of(draft)).get(0);
    }

    /**
     * Registers many clients (an import, a migration) in one unit of work: all or none. Codes are
     * reserved as one block; clients, persons and journal entries are written in batches.
     * Errors name the draft: {@code clients[12].inn}.
     */
    public List<Client> registerAll(List<NewClient> drafts) {
        if (drafts == null || drafts.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("clients", drafts, "must be a list of drafts without nulls");
        }
        return context.write(work -> {
            List<Client> stored = work.stores().get(ClientStore.class).insertAll(new Registration(work, new Lookups(work.stores())).clientsOf(drafts));
            List<ContactPerson> persons = new ArrayList<>();
            List<AuditEntry> journal = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                Client client = stored.get(i);
                journal.add(new AuditEntry(work.newId(), Optional.of(client.id()), KIND, "registered", Optional.empty(),
                        Optional.of(client.code() + " " + client.shortName()), work.actor().name(), work.now()));
                work.changed(KIND, client.id(), "registered", List.of());
                for (NewClient.PersonInput input : drafts.get(i).persons) {
                    ContactPerson person = ContactPersons.create(work, client.id(), input.name(), input.details());
                    persons.add(person);
                    journal.add(ContactPersons.added(work, person));
                }
            }
            work.stores().get(ContactPersonStore.class).insertAll(persons);
            work.journal(journal);
            stored.forEach(c -> work.publish(new ClientEvent.ClientRegistered(work.actor().tenant(), c.id(), work.now(), work.actor().name())));
            return stored;
        });
    }

    /** The client, if it exists and the actor may see it. */
    public Optional<Client> find(ClientId id) {
        ValidationException.required(id, "id");
        return context.read(work -> visible(work, id));
    }

    /** The client; {@link NotFoundException} when it does not exist or the actor may not see it. */
    public Client get(ClientId id) {
        return find(id).orElseThrow(() -> new NotFoundException("client", id));
    }

    /** The client if the actor may see it, asked as one query with the policy inside it (never filtered afterwards). */
    static Optional<Client> visible(UnitOfWork work, ClientId id) {
        Criterion<ClientCriterion> criterion = ClientAccess.visible(work).and(new ClientCriterion.IdIn(Set.of(id)));
        return work.stores().get(ClientStore.class).find(new ClientQuery(criterion, ClientQuery.Order.CODE, 0, 1)).stream().findFirst();
    }

    static Client require(UnitOfWork work, ClientId id) {
        return visible(work, id).orElseThrow(() -> new NotFoundException("client", id));
    }

    /**
     * Saves a changed copy of a client read earlier. Fails with
     * {@link org.crmkit.common.ConcurrentChangeException} when someone saved the client since, and
     * then writes nothing. Returns the stored client at its new version.
     */
    public Client save(Client changed) {
        if (changed == null) {
            throw new ValidationException("client", null, "is required");
        }
        return context.write(work -> saveIn(work, changed));
    }

    /**
     * Reads, changes and saves the client in one unit of work. The change may not give the client
     * another id (a {@link ValidationException} naming {@code id}).
     */
    public Client update(ClientId id, UnaryOperator<Client> change) {
        ValidationException.required(id, "id");
        ValidationException.required(change, "change");
        return context.write(work -> {
            Client changed = change.apply(require(work, id));
            if (changed == null || !changed.id().equals(id)) {
                throw new ValidationException("id", changed == null ? null : changed.id(), "cannot change: the update is of client " + id);
            }
            return saveIn(work, changed);
        });
    }

    private Client saveIn(UnitOfWork work, Client changed) {
        Client current = require(work, changed.id());
        ClientAccess.requireChangeable(work, current, "change client " + current.code() + " (" + current.shortName() + ")");
        if (current.version() != changed.version()) {
            throw new ConcurrentChangeException("client", changed.id(), changed.version());
        }
        if (current.equals(changed)) {
            return current;
        }
        ClientChecks.references(new Lookups(work.stores()), changed, current);
        ClientAccess.requireChangeable(work, changed, "change client " + changed.code() + " (" + changed.shortName() + ")");
        return store(work, current, changed);
    }

    /** Stores a checked change: the record, its journal lines, the feed entry and the events. */
    private static Client store(UnitOfWork work, Client current, Client changed) {
        List<AuditEntry> entries = ClientChecks.changes(work, current, changed, new Lookups(work.stores()));
        Client stored = work.stores().get(ClientStore.class).update(changed);
        work.journal(entries);
        Set<String> fields = entries.stream().map(AuditEntry::field).collect(Collectors.toCollection(TreeSet::new));
        if (current.archived() != stored.archived()) {
            work.publish(stored.archived()
                    ? new ClientEvent.ClientArchived(work.actor().tenant(), stored.id(), work.now(), work.actor().name())
                    : new ClientEvent.ClientRestored(work.actor().tenant(), stored.id(), work.now(), work.actor().name()));
        }
        work.changed(KIND, stored.id(), current.archived() == stored.archived() ? "changed"
                : stored.archived() ? "archived" : "restored", fields);
        work.publish(new ClientEvent.ClientChanged(work.actor().tenant(), stored.id(), fields, work.now(), work.actor().name()));
        return stored;
    }

    /** The clients an employee manages, archived ones included, move to the successor. */
    private static List<ClientId> handOver(UnitOfWork work, EmployeeId from, EmployeeId to) {
        List<ClientId> moved = new ArrayList<>();
        eachPage(work.stores().get(ClientStore.class), new ClientCriterion.ManagedBy(Set.of(from)), page -> page.forEach(client -> {
            store(work, client, client.assignManager(to));
            moved.add(client.id());
        }));
        return moved;
    }

    /**
     * Every client matching, page by page in id order from a keyset cursor ({@link ClientStore#findAfter}):
     * one statement per page, no deep offsets, and a page may change its clients (even so that they
     * no longer match) without the next page skipping or repeating any. Answers how many clients it read.
     */
    static long eachPage(ClientStore store, Criterion<ClientCriterion> criterion, Consumer<List<Client>> action) {
        Optional<ClientId> after = Optional.empty();
        long read = 0;
        List<Client> page;
        do {
            page = store.findAfter(criterion, after, HAND_OVER_PAGE);
            action.accept(page);
            read += page.size();
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
        } while (page.size() == HAND_OVER_PAGE);
        return read;
    }

    /** Sets one additional property of a client, checked against the schema. */
    public Client setProperty(ClientId id, String key, PropertyValue value) {
        ValidationException.required(id, "id");
        ValidationException.required(key, "key");
        return context.write(work -> saveIn(work, require(work, id).setProperty(new Lookups(work.stores()).definition(key), value)));
    }

    /** Clears one additional property of a client; a required property cannot be cleared. */
    public Client clearProperty(ClientId id, String key) {
        ValidationException.required(id, "id");
        ValidationException.required(key, "key");
        return context.write(work -> saveIn(work, require(work, id).clearProperty(new Lookups(work.stores()).definition(key).key())));
    }

    /** Archives a client: it stays in the base, history intact, and leaves default searches. */
    public Client archive(ClientId id) {
        return update(id, Client::archive);
    }

    public Client restore(ClientId id) {
        return update(id, Client::restore);
    }

    /**
     * Quick search as in a client list's search box: never refuses a text. Archived clients are
     * left out; at most 50 lines, as {@linkplain ClientSummary summaries} (open one with {@link #get}).
     *
     * <p>First what the text reads as exactly or in part, by name: a code, an INN, a phone number
     * typed any way (any spaces, fullwidth digits, any separators), the last 4 to 7 digits of a
     * phone, an e-mail address, the start of one ({@code ivan@}) or a domain ({@code @prime.ru}).
     * A text without letters that matched so is not searched in names. Then names, in the
     * relevance tiers of {@link NameSearch} (the name equals the text, starts with it, has a word
     * where it starts, contains it; legal forms, quotes, punctuation, case and ё/е aside); if no
     * name matches at all, the same keys read in the other keyboard layout ({@code ghfqv} finds
     * Прайм). Each store plans the name search its own way ({@link ClientStore#searchNames}).
     * A search box never refuses its text: {@code null}, a blank text or one over the limits finds
     * nothing.
     */
    public List<ClientSummary> search(String text) {
        QuickSearch.Readings readings = QuickSearch.parse(text, context.phoneRegion());
        return context.read(work -> {
            Criterion<ClientCriterion> active = ClientAccess.visible(work).and(new ClientCriterion.Archived(false));
            Map<ClientId, ClientSummary> found = new LinkedHashMap<>();
            readings.exactCriterion().ifPresent(exact -> add(found, work, active.and(exact), ClientQuery.Order.NAME));
            if (!found.isEmpty() && readings.numeric()) {
                // a phone, INN or code that matched is what was meant; names do not hold such numbers
                return List.copyOf(found.values());
            }
            readings.name().ifPresent(typed -> {
                int named = NameSearch.of(typed).map(names -> addNames(found, work, names, active)).orElse(0);
                if (named == 0 && found.isEmpty()) {
                    NameSearch.ofOtherLayout(typed).ifPresent(names -> addNames(found, work, names, active));
                }
            });
            return List.copyOf(found.values());
        });
    }

    /** Adds the names that match to the rest of a search page; returns how many the store found. */
    private static int addNames(Map<ClientId, ClientSummary> found, UnitOfWork work, NameSearch names, Criterion<ClientCriterion> active) {
        int room = SEARCH_LIMIT - found.size();
        if (room <= 0) {
            return 0;
        }
        List<ClientSummary> page = work.stores().get(ClientStore.class).searchNames(names, active, room);
        page.forEach(c -> found.putIfAbsent(c.id(), c));
        return page.size();
    }

    /** Adds up to the rest of a search page, in one query of the store; returns how many clients the query found. */
    private static int add(Map<ClientId, ClientSummary> found, UnitOfWork work, Criterion<ClientCriterion> criterion,
                           ClientQuery.Order order) {
        int room = SEARCH_LIMIT - found.size();
        if (room <= 0) {
            return 0;
        }
        List<ClientSummary> page = work.stores().get(ClientStore.class).summaries(new ClientQuery(criterion, order, 0, room));
        page.forEach(c -> found.putIfAbsent(c.id(), c));
        return page.size();
    }

    /**
     * A page of the client list: the clients matching a query that the actor may see, as
     * {@linkplain ClientSummary summaries}, in one query of the store.
     */
    public List<ClientSummary> summaries(ClientQuery query) {
        ValidationException.required(query, "query");
        return context.read(work -> work.stores().get(ClientStore.class).summaries(atNow(query.restrictedTo(ClientAccess.visible(work)))));
    }

    /** The clients matching a query that the actor may see, in one query of the store. */
    public List<Client> find(ClientQuery query) {
        ValidationException.required(query, "query");
        return context.read(work -> work.stores().get(ClientStore.class).find(atNow(query.restrictedTo(ClientAccess.visible(work)))));
    }

    /**
     * A page of the whole client base, for a host that reads everything (an export, a sync):
     * every client the actor may see, archived ones too, by id, after the id of the last client
     * of the previous page ({@code Optional.empty()} for the first). Keyset paging, one query of
     * the store per page, however deep: a client is never listed twice, and a client that exists
     * from the first page to the last is listed once, whatever is added or changed meanwhile
     * (ids never change; a new client may or may not be met, depending on its id).
     *
     * @param limit at most this many clients, 1–{@value ClientQuery#MAX_LIMIT}
     */
    public List<Client> listAfter(Optional<ClientId> after, int limit) {
        return listAfter(Criterion.all(), after, limit);
    }

    /** The same, of the clients matching {@code where}. */
    public List<Client> listAfter(Criterion<ClientCriterion> where, Optional<ClientId> after, int limit) {
        if (where == null) {
            throw new ValidationException("where", null, "is required (Criterion.all() for every client)");
        }
        if (after == null) {
            throw new ValidationException("after", null, "is required (Optional.empty() for the first page)");
        }
        if (limit < 1 || limit > ClientQuery.MAX_LIMIT) {
            throw new ValidationException("limit", limit, "must be between 1 and " + ClientQuery.MAX_LIMIT);
        }
        return context.read(work -> work.stores().get(ClientStore.class).findAfter(atNow(ClientAccess.visible(work).and(where)), after, limit));
    }

    /**
     * Every client matching {@code where} that the actor may see, by id, as a lazy stream: it reads
     * {@link #listAfter} pages of {@code pageSize} as it is consumed, each in a unit of work of its
     * own, and holds one page at a time, never the base.
     */
    public Stream<Client> stream(Criterion<ClientCriterion> where, int pageSize) {
        listAfter(where, Optional.empty(), pageSize); // checks the arguments now rather than at the first read
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<Client>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL
                | Spliterator.DISTINCT) {
            private Iterator<Client> page = Collections.emptyIterator();
            private Optional<ClientId> last = Optional.empty();
            private boolean more = true;

            @Override
            public boolean tryAdvance(Consumer<? super Client> action) {
                if (!page.hasNext() && more) {
                    List<Client> next = listAfter(where, last, pageSize);
                    more = next.size() == pageSize;
                    page = next.iterator();
                }
                if (!page.hasNext()) {
                    return false;
                }
                Client client = page.next();
                last = Optional.of(client.id());
                action.accept(client);
                return true;
            }
        }, false);
    }

    public long count(Criterion<ClientCriterion> criterion) {
        ValidationException.required(criterion, "criterion");
        return context.read(work -> work.stores().get(ClientStore.class).count(atNow(ClientAccess.visible(work).and(criterion))));
    }

    /** The rule with its relative dates read at the Crm's clock, in the tenant's zone ({@link Criterion#at}). */
    private Criterion<ClientCriterion> atNow(Criterion<ClientCriterion> rule) {
        return Criterion.at(rule, ZonedDateTime.now(context.clock()));
    }

    private ClientQuery atNow(ClientQuery query) {
        return new ClientQuery(atNow(query.where()), query.order(), query.offset(), query.limit());
    }

    /** The client's change journal (its card and its contact persons), oldest first. */
    public List<AuditEntry> history(ClientId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            require(work, id);
            return work.stores().get(AuditStore.class).ofClient(id);
        });
    }
}
