package org.crmkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.Changes;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCode;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientEvent;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactType;
import org.crmkit.client.Location;
import org.crmkit.client.TaxIdentifiers;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.storage.Stores;

/**
 * The client use cases, each one unit of work for the acting tenant: register, read, change,
 * archive, search, and the change journal. Every read is restricted by the access policy inside
 * the store's query; every change is checked against it before anything is written.
 */
public final class Clients {
    private static final int CODE_ATTEMPTS = 1000;
    /** Batches at least this large are checked in parallel. */
    private static final int PARALLEL_FROM = 64;
    /** Results of a quick search. */
    private static final int SEARCH_LIMIT = 50;

    private final Wiring rt;
    private final ActorSource actors;

    Clients(Wiring rt, ActorSource actors) {
        this.rt = rt;
        this.actors = actors;
    }

    /** The actor of this call, asked anew each time: a use-case object may be kept and shared. */
    private Actor actor() {
        return actors.current();
    }

    /** Parses a contact value with the Crm's phone region: {@code 8 (916) 123-45-67} → {@code +79161234567}. */
    public ContactEntry contact(ContactType type, String raw) {
        return ContactEntry.parse(type, raw, rt.phoneRegion);
    }

    /**
     * Registers a client with its contact persons; everything is checked first and nothing is
     * stored when anything is wrong.
     */
    public Client register(NewClient draft) {
        return registerAll(List.of(draft)).get(0);
    }

    /**
     * Registers many clients (an import, a migration) in one unit of work: all or none. Codes are
     * reserved as one block; clients, persons and journal entries are written in batches.
     * Errors name the draft: {@code clients[12].inn}.
     */
    public List<Client> registerAll(List<NewClient> drafts) {
        return rt.write(actor(), (stores, events) -> {
            List<Client> clients = buildAll(new Lookups(stores), drafts);
            number(stores, drafts, clients);
            List<Client> stored = stores.clients().insertAll(clients);
            List<ContactPerson> persons = new ArrayList<>();
            List<AuditEntry> journal = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                Client client = stored.get(i);
                journal.add(new AuditEntry(rt.ids.next(), client.id(), "client", "registered", Optional.empty(),
                        Optional.of(client.code() + " " + client.shortName()), actor().name(), rt.clock.instant()));
                for (NewClient.PersonInput input : drafts.get(i).persons) {
                    ContactPerson person = ContactPersons.create(rt, client.id(), input.name(), input.details());
                    persons.add(person);
                    journal.add(ContactPersons.added(rt, actor(), person));
                }
            }
            stores.contactPersons().insertAll(persons);
            stores.audit().append(journal);
            stored.forEach(c -> events.add(new ClientEvent.ClientRegistered(actor().tenant(), c.id(), rt.clock.instant(), actor().name())));
            return stored;
        });
    }

    /**
     * Checks and builds the clients of the drafts. Large batches are checked on several cores
     * (parsing phones and e-mails is most of the work); the error reported is always the one of the
     * first bad draft, as in a sequential run.
     */
    private List<Client> buildAll(Lookups lookups, List<NewClient> drafts) {
        // what comes from the host (ids, the clock, the actor, the access policy) is asked on this thread only
        LocalDate today = rt.today();
        Optional<EmployeeId> employee = actor().employee();
        List<ClientId> ids = new ArrayList<>(drafts.size());
        drafts.forEach(d -> ids.add(new ClientId(rt.ids.next())));
        Client[] built = new Client[drafts.size()];
        RuntimeException[] failures = new RuntimeException[drafts.size()];
        IntStream range = IntStream.range(0, drafts.size());
        if (drafts.size() >= PARALLEL_FROM) {
            lookups.preload();
            range = range.parallel();
        }
        range.forEach(i -> {
            try {
                built[i] = build(lookups, drafts.get(i), ids.get(i), today, employee);
            } catch (ValidationException e) {
                failures[i] = drafts.size() == 1 ? e : e.under("clients[" + i + "]");
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        });
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        List<Client> clients = new ArrayList<>(Arrays.asList(built));
        clients.forEach(this::requireAllowed);
        return clients;
    }

    /**
     * Gives auto-numbered codes to the clients whose drafts had none: a block of reserved numbers,
     * each kept unless an existing client or an imported code of the batch already has it.
     */
    private static void number(Stores stores, List<NewClient> drafts, List<Client> clients) {
        List<Integer> unnumbered = new ArrayList<>();
        Set<ClientCode> taken = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).code == null) {
                unnumbered.add(i);
            } else {
                taken.add(clients.get(i).code());
            }
        }
        if (unnumbered.isEmpty()) {
            return;
        }
        long first = stores.clients().reserveCodeNumbers(unnumbered.size());
        List<ClientCode> block = new ArrayList<>();
        for (int k = 0; k < unnumbered.size(); k++) {
            block.add(ClientCode.numbered(first + k));
        }
        taken.addAll(existing(stores, block));
        for (int k = 0; k < unnumbered.size(); k++) {
            ClientCode code = taken.contains(block.get(k)) ? freeCode(stores, taken) : block.get(k);
            taken.add(code);
            clients.set(unnumbered.get(k), clients.get(unnumbered.get(k)).recode(code));
        }
    }

    /** Which of the codes existing clients already have: one count, and a read only when some are taken. */
    private static Set<ClientCode> existing(Stores stores, List<ClientCode> codes) {
        Set<ClientCode> found = new HashSet<>();
        for (int from = 0; from < codes.size(); from += ClientQuery.MAX_LIMIT) {
            List<ClientCode> chunk = codes.subList(from, Math.min(codes.size(), from + ClientQuery.MAX_LIMIT));
            ClientCriterion criterion = new ClientCriterion.CodeIn(Set.copyOf(chunk));
            if (stores.clients().count(criterion) > 0) {
                stores.clients().find(new ClientQuery(criterion, ClientQuery.Order.CODE, 0, chunk.size())).forEach(c -> found.add(c.code()));
            }
        }
        return found;
    }

    /** Checks one draft and builds its client; runs on pool threads for large batches, so it asks the host nothing. */
    private Client build(Lookups lookups, NewClient draft, ClientId id, LocalDate today, Optional<EmployeeId> employee) {
        Client client = Client.register(id, draft.code == null ? ClientCode.numbered(1) : ClientCode.of(draft.code),
                draft.kind, draft.shortName, draft.registeredOn == null ? today : draft.registeredOn);
        client = client.rename(client.shortName(), Optional.ofNullable(draft.fullName))
                .moveToGroup(draft.group)
                .classifyAs(draft.relationship)
                .assignManager(draft.manager != null ? draft.manager : employee.orElse(null))
                .relocate(Location.of(draft.region, draft.city, draft.industry))
                .changeTaxIds(TaxIdentifiers.parse(draft.inn, draft.kpp, draft.ogrn, draft.okpo))
                .changeNotes(draft.notes);
        for (int i = 0; i < draft.contacts.size(); i++) {
            NewClient.ContactInput input = draft.contacts.get(i);
            try {
                ContactEntry entry = ContactEntry.parse(input.type(), input.value(), rt.phoneRegion)
                        .labelled(input.label()).asPrimary(input.primary());
                client = client.addContact(entry);
            } catch (ValidationException e) {
                throw e.under("contacts[" + i + "]");
            }
        }
        for (Map.Entry<String, NewClient.PropertyInput> input : draft.properties.entrySet()) {
            PropertyDefinition definition = lookups.definition(input.getKey());
            PropertyValue value = input.getValue().value() != null ? input.getValue().value()
                    : byLabels(definition, input.getValue().choiceLabels());
            client = client.setProperty(definition, value);
        }
        checkReferences(lookups, client, null);
        return client;
    }

    private static ClientCode freeCode(Stores stores, Set<ClientCode> taken) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            ClientCode code = ClientCode.numbered(stores.clients().reserveCodeNumbers(1));
            if (!taken.contains(code) && stores.clients().count(new ClientCriterion.CodeIs(code)) == 0) {
                return code;
            }
        }
        throw new CrmException("no free client code after " + CODE_ATTEMPTS + " numbers; imported codes fill the numbering");
    }

    private static PropertyValue byLabels(PropertyDefinition definition, List<String> labels) {
        List<ChoiceId> ids = new ArrayList<>();
        for (String label : labels) {
            ids.add(definition.valueList().byLabel(label).orElseThrow(() -> new ValidationException(
                    "properties." + definition.key(), label, "is not an active entry of the value list of \"" + definition.label() + "\"")).id());
        }
        if (definition.type() instanceof PropertyType.ChoiceType) {
            if (ids.size() != 1) {
                throw new ValidationException("properties." + definition.key(), String.join(", ", labels), "must be exactly one entry");
            }
            return PropertyValue.choice(ids.get(0));
        }
        return PropertyValue.choices(Set.copyOf(ids));
    }

    /**
     * Checks what the client refers to: the group exists, the relationship type is active,
     * changed property values belong to defined, applicable properties, required ones are set.
     */
    private void checkReferences(Lookups lookups, Client client, Client before) {
        if (before == null || !client.group().equals(before.group())) {
            client.group().ifPresent(lookups::requireGroup);
        }
        if (before == null || !client.relationship().equals(before.relationship())) {
            client.relationship().ifPresent(lookups::activeRelationship);
        }
        List<ClientGroupId> groupPath = lookups.groupPath(client.group());
        Map<PropertyKey, PropertyValue> previous = before == null ? Map.of() : before.properties();
        boolean placementChanged = before == null || before.kind() != client.kind() || !before.group().equals(client.group());
        for (Map.Entry<PropertyKey, PropertyValue> entry : client.properties().entrySet()) {
            boolean changed = !entry.getValue().equals(previous.get(entry.getKey()));
            if (changed || placementChanged) {
                PropertyDefinition definition = lookups.definition(entry.getKey().value());
                if (changed) {
                    definition.check(entry.getValue());
                }
                if (!definition.appliesTo().matches(client.kind(), groupPath)) {
                    throw new ValidationException("properties." + entry.getKey(), definition.display(entry.getValue()),
                            "cannot be set: \"" + definition.label() + "\" does not apply to this client's kind or group");
                }
            }
        }
        for (PropertyDefinition definition : lookups.definitions()) {
            // a property made required later does not block unrelated changes of older clients:
            // it is enforced on registration, on a change of kind or group, and when its value is cleared
            boolean enforced = placementChanged || previous.containsKey(definition.key());
            if (enforced && definition.required() && !definition.archived()
                    && definition.appliesTo().matches(client.kind(), groupPath)
                    && !client.properties().containsKey(definition.key())) {
                throw new ValidationException("properties." + definition.key(), null,
                        "is required: \"" + definition.label() + "\" must be filled in");
            }
        }
    }

    private void requireAllowed(Client client) {
        if (!rt.access.mayChange(actor(), client)) {
            throw new AccessDeniedException(actor().toString(), "change client " + client.code() + " (" + client.shortName() + ")");
        }
    }

    /** The journal lines of a change, with property values as people read them (choice labels, not ids). */
    private List<AuditEntry> changes(Client before, Client after, Lookups lookups) {
        return Changes.between(readable(before, lookups), readable(after, lookups), after.id(), "client", actor().name(),
                rt.clock.instant(), rt.ids::next);
    }

    private static Map<String, String> readable(Client client, Lookups lookups) {
        Map<String, String> view = client.auditView();
        client.properties().forEach((key, value) -> lookups.find(key)
                .ifPresent(definition -> view.put("properties." + key, definition.display(value))));
        return view;
    }

    /** The client, if it exists and the actor may see it. */
    public Optional<Client> find(ClientId id) {
        return rt.read(actor(), stores -> visible(stores, id));
    }

    /** The client; {@link NotFoundException} when it does not exist or the actor may not see it. */
    public Client get(ClientId id) {
        return find(id).orElseThrow(() -> new NotFoundException("client", id));
    }

    private Optional<Client> visible(Stores stores, ClientId id) {
        return visible(rt, actor(), stores, id);
    }

    /** The client if the actor may see it, asked as one query with the policy inside it (never filtered afterwards). */
    static Optional<Client> visible(Wiring rt, Actor actor, Stores stores, ClientId id) {
        ClientCriterion criterion = rt.access.visibleClients(actor).and(new ClientCriterion.IdIn(Set.of(id)));
        return stores.clients().find(new ClientQuery(criterion, ClientQuery.Order.CODE, 0, 1)).stream().findFirst();
    }

    /**
     * Saves a changed copy of a client read earlier. Fails with
     * {@link org.crmkit.common.ConcurrentChangeException} when someone saved the client since, and
     * then writes nothing. Returns the stored client at its new version.
     */
    public Client save(Client changed) {
        return rt.write(actor(), (stores, events) -> saveIn(stores, events, changed));
    }

    /** Reads, changes and saves the client in one unit of work. */
    public Client update(ClientId id, UnaryOperator<Client> change) {
        return rt.write(actor(), (stores, events) -> {
            Client current = visible(stores, id).orElseThrow(() -> new NotFoundException("client", id));
            return saveIn(stores, events, change.apply(current));
        });
    }

    private Client saveIn(Stores stores, List<DomainEvent> events, Client changed) {
        Client current = visible(stores, changed.id()).orElseThrow(() -> new NotFoundException("client", changed.id()));
        requireAllowed(current);
        if (current.version() != changed.version()) {
            throw new ConcurrentChangeException("client", changed.id(), changed.version());
        }
        if (current.equals(changed)) {
            return current;
        }
        Lookups lookups = new Lookups(stores);
        List<AuditEntry> entries = changes(current, changed, lookups);
        checkReferences(lookups, changed, current);
        requireAllowed(changed);
        Client stored = stores.clients().update(changed);
        stores.audit().append(entries);
        if (current.archived() != stored.archived()) {
            events.add(stored.archived()
                    ? new ClientEvent.ClientArchived(actor().tenant(), stored.id(), rt.clock.instant(), actor().name())
                    : new ClientEvent.ClientRestored(actor().tenant(), stored.id(), rt.clock.instant(), actor().name()));
        }
        Set<String> fields = entries.stream().map(AuditEntry::field).collect(Collectors.toSet());
        events.add(new ClientEvent.ClientChanged(actor().tenant(), stored.id(), fields, rt.clock.instant(), actor().name()));
        return stored;
    }

    /** Sets one additional property of a client, checked against the schema. */
    public Client setProperty(ClientId id, String key, PropertyValue value) {
        return rt.write(actor(), (stores, events) -> {
            Client current = visible(stores, id).orElseThrow(() -> new NotFoundException("client", id));
            return saveIn(stores, events, current.setProperty(new Lookups(stores).definition(key), value));
        });
    }

    /** Archives a client: it stays in the base, history intact, and leaves default searches. */
    public Client archive(ClientId id) {
        return update(id, Client::archive);
    }

    public Client restore(ClientId id) {
        return update(id, Client::restore);
    }

    /**
     * Quick search as in a client list's search box: a name fragment (case and ё/е ignored), a phone
     * in any format, an e-mail, an INN or a code. Archived clients are left out. At most 50 lines,
     * as {@linkplain ClientSummary summaries} (open one with {@link #get}): exact matches (code, INN,
     * phone, e-mail) by name; then names with a word that starts with the text, as an autocompletion
     * lists them ({@code перм}: Пермские окна, ООО «Пермь-63», АО «Пермьстрой», by the matching word
     * and then by name), and for a text of several words ({@code полюс-ст}) names that start with it,
     * then names with a word starting with its longest word and whose short name contains it; then
     * names that contain the text, short or full name, by name (for several words only when
     * nothing else matched: see {@code QuickSearch.Readings#namePlan}). Each query is served by an
     * index and runs only while the page has room; a text without letters that matched exactly (a
     * phone, an INN) is not searched in names at all.
     */
    public List<ClientSummary> search(String text) {
        QuickSearch.Readings readings = QuickSearch.parse(text, rt.phoneRegion);
        ClientCriterion active = rt.access.visibleClients(actor()).and(new ClientCriterion.Archived(false));
        return rt.read(actor(), stores -> {
            Map<ClientId, ClientSummary> found = new LinkedHashMap<>();
            readings.exactCriterion().ifPresent(exact -> add(found, stores, active.and(exact), ClientQuery.Order.NAME));
            if (!found.isEmpty() && readings.numeric()) {
                // a phone, INN or code that matched is what was meant; names do not hold such numbers
                return List.copyOf(found.values());
            }
            readings.namePlan().ifPresent(plan -> {
                int matched = 0;
                for (QuickSearch.Phase phase : plan.wordStarts()) {
                    matched += add(found, stores, active.and(phase.criterion()), phase.order());
                }
                if ((plan.fillUpAfterMatches() || matched == 0) && found.size() < SEARCH_LIMIT) {
                    add(found, stores, active.and(plan.fillUp()), ClientQuery.Order.NAME);
                }
            });
            return List.copyOf(found.values());
        });
    }

    /** Adds up to the rest of a search page, in one query of the store; returns how many clients the query found. */
    private static int add(Map<ClientId, ClientSummary> found, Stores stores, ClientCriterion criterion, ClientQuery.Order order) {
        int room = SEARCH_LIMIT - found.size();
        if (room <= 0) {
            return 0;
        }
        List<ClientSummary> page = stores.clients().summaries(new ClientQuery(criterion, order, 0, room));
        page.forEach(c -> found.putIfAbsent(c.id(), c));
        return page.size();
    }

    /**
     * A page of the client list: the clients matching a query that the actor may see, as
     * {@linkplain ClientSummary summaries}, in one query of the store.
     */
    public List<ClientSummary> summaries(ClientQuery query) {
        ClientQuery restricted = query.restrictedTo(rt.access.visibleClients(actor()));
        return rt.read(actor(), stores -> stores.clients().summaries(restricted));
    }

    /** The clients matching a query that the actor may see, in one query of the store. */
    public List<Client> find(ClientQuery query) {
        ClientQuery restricted = query.restrictedTo(rt.access.visibleClients(actor()));
        return rt.read(actor(), stores -> stores.clients().find(restricted));
    }

    public long count(ClientCriterion criterion) {
        ClientCriterion restricted = rt.access.visibleClients(actor()).and(criterion);
        return rt.read(actor(), stores -> stores.clients().count(restricted));
    }

    /** The client's change journal (its card and its contact persons), oldest first. */
    public List<AuditEntry> history(ClientId id) {
        return rt.read(actor(), stores -> {
            visible(stores, id).orElseThrow(() -> new NotFoundException("client", id));
            return stores.audit().ofClient(id);
        });
    }
}
