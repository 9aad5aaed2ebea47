package org.crmkit.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.Changes;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.handover.HandOver;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Contact persons of clients. A person is visible and changeable exactly when its client is;
 * changes go to the client's journal under the subject {@code contact-person:<id>}.
 */
public final class ContactPersons {
    /** The record kind of contact persons in the change feed. */
    static final String KIND = ClientAccess.CONTACT_PERSONS.name();
    /** When an employee leaves, the contact persons they are responsible for go to the successor. */
    /** The contact persons a hand-over moved, in its {@link org.crmkit.handover.HandOverReport}. */
    public static final HandOver.Key<ContactPersonId> HANDED_OVER = new HandOver.Key<>(KIND, ContactPersonId.class);
    public static final HandOver HAND_OVER = HandOver.of(HANDED_OVER, ContactPersons::handOver);

    private final CrmContext context;

    public ContactPersons(CrmContext context) {
        this.context = context;
    }

    /**
     * Adds a person to a client; {@code details} fills in the rest with the person's verbs
     * ({@code p -> p.withPosition("Бухгалтер").relationSince(date)}).
     */
    public ContactPerson add(ClientId client, PersonName name, UnaryOperator<ContactPerson> details) {
        ValidationException.required(client, "client");
        ValidationException.required(name, "name");
        ValidationException.required(details, "details");
        return context.write(work -> {
            changeableClient(work, client);
            ContactPerson stored = work.stores().get(ContactPersonStore.class).insert(create(work, client, name, details));
            work.journal(List.of(added(work, stored)));
            return stored;
        });
    }

    static ContactPerson create(UnitOfWork work, ClientId client, PersonName name, UnaryOperator<ContactPerson> details) {
        ContactPerson person = details.apply(ContactPerson.create(new ContactPersonId(work.newId()), client, name));
        if (person == null || !person.client().equals(client) || person.version() != 0) {
            throw new ValidationException("client", person == null ? null : person.client(),
                    "cannot be changed while adding a contact person to client " + client);
        }
        return person;
    }

    /** The journal entry of a newly added person: one line, not one per field; the feed hears of it too. */
    static AuditEntry added(UnitOfWork work, ContactPerson person) {
        work.changed(KIND, person.id(), "added", List.of());
        return new AuditEntry(work.newId(), Optional.of(person.client()), AuditEntry.subject(KIND, person.id()), "added", Optional.empty(),
                Optional.of(person.name().full() + person.position().map(p -> ", " + p).orElse("")), work.actor().name(), work.now());
    }

    public Optional<ContactPerson> find(ContactPersonId id) {
        ValidationException.required(id, "id");
        return context.read(work -> work.stores().get(ContactPersonStore.class).get(id)
                .filter(p -> Clients.visible(work, p.client()).isPresent()));
    }

    public List<ContactPerson> ofClient(ClientId client) {
        ValidationException.required(client, "client");
        return context.read(work -> {
            Clients.require(work, client);
            return work.stores().get(ContactPersonStore.class).ofClient(client);
        });
    }

    /** Saves a changed copy read earlier; a stale copy fails and nothing is written. */
    public ContactPerson save(ContactPerson changed) {
        if (changed == null) {
            throw new ValidationException("contactPerson", null, "is required");
        }
        return context.write(work -> saveIn(work, changed));
    }

    private ContactPerson saveIn(UnitOfWork work, ContactPerson changed) {
        ContactPerson current = work.stores().get(ContactPersonStore.class).get(changed.id())
                .orElseThrow(() -> new NotFoundException("contact person", changed.id()));
        changeableClient(work, current.client());
        if (!current.client().equals(changed.client())) {
            throw new ValidationException("client", changed.client(), "cannot change: a contact person stays with client " + current.client());
        }
        if (current.version() != changed.version()) {
            throw new ConcurrentChangeException("contact person", changed.id(), changed.version());
        }
        if (current.equals(changed)) {
            return current;
        }
        ContactPerson stored = work.stores().get(ContactPersonStore.class).update(changed);
        journal(work, current.auditView(), stored);
        return stored;
    }

    /** Reads, changes and saves the person in one unit of work; the change may not give the person another id. */
    public ContactPerson update(ContactPersonId id, UnaryOperator<ContactPerson> change) {
        ValidationException.required(id, "id");
        ValidationException.required(change, "change");
        return context.write(work -> {
            ContactPerson current = work.stores().get(ContactPersonStore.class).get(id).orElseThrow(() -> new NotFoundException("contact person", id));
            ContactPerson changed = change.apply(current);
            if (changed == null || !changed.id().equals(id)) {
                throw new ValidationException("id", changed == null ? null : changed.id(), "cannot change: the update is of contact person " + id);
            }
            return saveIn(work, changed);
        });
    }

    /** The persons an employee is responsible for, at any client, move to the successor. */
    private static List<ContactPersonId> handOver(UnitOfWork work, EmployeeId from, EmployeeId to) {
        ContactPersonStore persons = work.stores().get(ContactPersonStore.class);
        Criterion<ClientCriterion> withTheirs = new ClientCriterion.Having<>(ContactPersonCriterion.OF_CLIENT,
                new ContactPersonCriterion.ResponsibleIs(from));
        List<ContactPersonId> moved = new ArrayList<>();
        Clients.eachPage(work.stores().get(ClientStore.class), withTheirs, clients -> {
            for (Client client : clients) {
                for (ContactPerson person : persons.ofClient(client.id())) {
                    if (person.responsible().filter(from::equals).isPresent()) {
                        journal(work, person.auditView(), persons.update(person.assignResponsible(to)));
                        moved.add(person.id());
                    }
                }
            }
        });
        return moved;
    }

    private static void changeableClient(UnitOfWork work, ClientId id) {
        Client client = Clients.require(work, id);
        ClientAccess.requireChangeable(work, client, "change contact persons of client " + client.code());
    }

    private static void journal(UnitOfWork work, Map<String, String> before, ContactPerson after) {
        List<AuditEntry> entries = Changes.between(before, after.auditView(), Optional.of(after.client()),
                AuditEntry.subject(KIND, after.id()), work.actor().name(), work.now(), work::newId);
        work.journal(entries);
        work.changed(KIND, after.id(), "changed", entries.stream().map(AuditEntry::field).toList());
    }
}
