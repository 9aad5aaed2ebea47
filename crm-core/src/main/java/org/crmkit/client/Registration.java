package org.crmkit.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.crmkit.common.ClientId;
import org.crmkit.common.CrmException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.property.ChoiceId;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyType;
import org.crmkit.property.PropertyValue;
import org.crmkit.storage.Stores;
import org.crmkit.usecase.UnitOfWork;

/**
 * Turns drafts into clients inside a registration's unit of work: checks and builds them (in
 * parallel for large batches) and gives auto-numbered codes to those that have none.
 */
final class Registration {
    private static final int CODE_ATTEMPTS = 1000;
    /** Batches at least this large are checked in parallel. */
    private static final int PARALLEL_FROM = 64;

    private final UnitOfWork work;
    private final Lookups lookups;

    Registration(UnitOfWork work, Lookups lookups) {
        this.work = work;
        this.lookups = lookups;
    }

    /**
     * Checks and builds the clients of the drafts, numbered. Large batches are checked on several
     * cores (parsing phones and e-mails is most of the work); the error reported is always the one of
     * the first bad draft, as in a sequential run.
     */
    List<Client> clientsOf(List<NewClient> drafts) {
        // what comes from the host (ids, the clock, the actor) is asked on this thread only
        LocalDate today = work.today();
        Optional<EmployeeId> employee = work.actor().employee();
        String region = work.context().phoneRegion();
        List<ClientId> ids = new ArrayList<>(drafts.size());
        drafts.forEach(d -> ids.add(new ClientId(work.newId())));
        Client[] built = new Client[drafts.size()];
        RuntimeException[] failures = new RuntimeException[drafts.size()];
        IntStream range = IntStream.range(0, drafts.size());
        if (drafts.size() >= PARALLEL_FROM) {
            lookups.preload();
            range = range.parallel();
        }
        range.forEach(i -> {
            try {
                built[i] = build(drafts.get(i), ids.get(i), today, employee, region);
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
        clients.forEach(c -> ClientAccess.requireChangeable(work, c, "register client " + c.code() + " (" + c.shortName() + ")"));
        number(work.stores(), drafts, clients);
        return clients;
    }

    /** Checks one draft and builds its client; runs on pool threads for large batches, so it asks the host nothing. */
    private Client build(NewClient draft, ClientId id, LocalDate today, Optional<EmployeeId> employee, String region) {
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
                ContactEntry entry = ContactEntry.parse(input.type(), input.value(), region)
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
        ClientChecks.references(lookups, client, null);
        return client;
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
        long first = stores.get(ClientStore.class).reserveCodeNumbers(unnumbered.size());
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
            Criterion<ClientCriterion> criterion = new ClientCriterion.CodeIn(Set.copyOf(chunk));
            if (stores.get(ClientStore.class).count(criterion) > 0) {
                stores.get(ClientStore.class).find(new ClientQuery(criterion, ClientQuery.Order.CODE, 0, chunk.size())).forEach(c -> found.add(c.code()));
            }
        }
        return found;
    }

    private static ClientCode freeCode(Stores stores, Set<ClientCode> taken) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            ClientCode code = ClientCode.numbered(stores.get(ClientStore.class).reserveCodeNumbers(1));
            if (!taken.contains(code) && stores.get(ClientStore.class).count(new ClientCriterion.CodeIs(code)) == 0) {
                return code;
            }
        }
        throw new CrmException("no free client code after " + CODE_ATTEMPTS + " numbers; imported codes fill the numbering");
    }
}
