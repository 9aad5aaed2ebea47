package org.crmkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.Changes;
import org.crmkit.client.Client;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.PersonName;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Stores;

/**
 * Contact persons of clients. A person is visible and changeable exactly when its client is;
 * changes go to the client's journal under the subject {@code contact-person:<id>}.
 */
public final class ContactPersons {
    private final Wiring rt;
    private final ActorSource actors;

    ContactPersons(Wiring rt, ActorSource actors) {
        this.rt = rt;
        this.actors = actors;
    }

    /** The actor of this call, asked anew each time: a use-case object may be kept and shared. */
    private Actor actor() {
        return actors.current();
    }

    /**
     * Adds a person to a client; {@code details} fills in the rest with the person's verbs
     * ({@code p -> p.withPosition("Бухгалтер").relationSince(date)}).
     */
    public ContactPerson add(ClientId client, PersonName name, UnaryOperator<ContactPerson> details) {
        return rt.write(actor(), (stores, events) -> {
            changeableClient(stores, client);
            ContactPerson stored = stores.contactPersons().insert(create(rt, client, name, details));
            stores.audit().append(List.of(added(rt, actor(), stored)));
            return stored;
        });
    }

    static ContactPerson create(Wiring rt, ClientId client, PersonName name, UnaryOperator<ContactPerson> details) {
        ContactPerson person = details.apply(ContactPerson.create(new ContactPersonId(rt.ids.next()), client, name));
        if (!person.client().equals(client) || person.version() != 0) {
            throw new ValidationException("client", person.client(), "cannot be changed while adding a contact person to client " + client);
        }
        return person;
    }

    /** The journal entry of a newly added person: one line, not one per field. */
    static AuditEntry added(Wiring rt, Actor actor, ContactPerson person) {
        return new AuditEntry(rt.ids.next(), person.client(), "contact-person:" + person.id(), "added", Optional.empty(),
                Optional.of(person.name().full() + person.position().map(p -> ", " + p).orElse("")), actor.name(), rt.clock.instant());
    }

    public Optional<ContactPerson> find(ContactPersonId id) {
        return rt.read(actor(), stores -> stores.contactPersons().get(id)
                .filter(p -> Clients.visible(rt, actor(), stores, p.client()).isPresent()));
    }

    public List<ContactPerson> ofClient(ClientId client) {
        return rt.read(actor(), stores -> {
            Clients.visible(rt, actor(), stores, client)
                    .orElseThrow(() -> new NotFoundException("client", client));
            return stores.contactPersons().ofClient(client);
        });
    }

    /** Saves a changed copy read earlier; a stale copy fails and nothing is written. */
    public ContactPerson save(ContactPerson changed) {
        return rt.write(actor(), (stores, events) -> saveIn(stores, changed));
    }

    private ContactPerson saveIn(Stores stores, ContactPerson changed) {
        ContactPerson current = stores.contactPersons().get(changed.id())
                .orElseThrow(() -> new NotFoundException("contact person", changed.id()));
        changeableClient(stores, current.client());
        if (!current.client().equals(changed.client())) {
            throw new ValidationException("client", changed.client(), "cannot change: a contact person stays with client " + current.client());
        }
        if (current.version() != changed.version()) {
            throw new ConcurrentChangeException("contact person", changed.id(), changed.version());
        }
        if (current.equals(changed)) {
            return current;
        }
        ContactPerson stored = stores.contactPersons().update(changed);
        journal(stores, current.auditView(), stored);
        return stored;
    }

    /** Reads, changes and saves the person in one unit of work. */
    public ContactPerson update(ContactPersonId id, UnaryOperator<ContactPerson> change) {
        return rt.write(actor(), (stores, events) -> {
            ContactPerson current = stores.contactPersons().get(id).orElseThrow(() -> new NotFoundException("contact person", id));
            return saveIn(stores, change.apply(current));
        });
    }

    private Client changeableClient(Stores stores, ClientId id) {
        Client client = Clients.visible(rt, actor(), stores, id)
                .orElseThrow(() -> new NotFoundException("client", id));
        if (!rt.access.mayChange(actor(), client)) {
            throw new AccessDeniedException(actor().toString(), "change contact persons of client " + client.code());
        }
        return client;
    }

    private void journal(Stores stores, Map<String, String> before, ContactPerson after) {
        List<AuditEntry> entries = Changes.between(before, after.auditView(), after.client(),
                "contact-person:" + after.id(), actor().name(), rt.clock.instant(), rt.ids::next);
        if (!entries.isEmpty()) {
            stores.audit().append(entries);
        }
    }
}
