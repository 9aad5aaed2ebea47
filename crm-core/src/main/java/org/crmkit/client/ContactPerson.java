package org.crmkit.client;

import java.util.Comparator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.crmkit.common.ClientId;
import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * A person at a client the business talks to (aggregate root of its own, so that editing a person
 * and editing the client do not collide). Belongs to one client for life; the relationship ends on
 * {@link #relationEnd}, which is never before its start.
 *
 * <p>{@code null} is refused with a {@link org.crmkit.common.ValidationException} naming the field,
 * except by the verbs that clear an optional field, where it means "none": {@code withPosition},
 * {@code assignResponsible}, {@code relationSince}, {@code endRelation}, {@code bornOn},
 * {@code changeNotes}, {@code prefer}.
 */
public record ContactPerson(ContactPersonId id, ClientId client, PersonName name, Optional<String> position,
                            Optional<EmployeeId> responsible, Optional<LocalDate> relationStart,
                            Optional<LocalDate> relationEnd, List<ContactEntry> contacts,
                            Optional<LocalDate> birthday, Optional<String> notes, Optional<PreferredChannel> preferredChannel,
                            boolean receivesMailings, long version) {
    /** The order in which a client's persons are listed: surname, first name, then id. */
    public static final Comparator<ContactPerson> BY_NAME =
            Comparator.comparing((ContactPerson p) -> p.name().surname(), SortOrder.TEXT)
                    .thenComparing(p -> p.name().firstName().orElse(""), SortOrder.TEXT)
                    .thenComparing(p -> p.id().value(), SortOrder.UUIDS);

    public ContactPerson {
        ValidationException.required(id, "id");
        ValidationException.required(client, "client");
        ValidationException.required(name, "name");
        ValidationException.required(responsible, "responsible");
        ValidationException.required(relationStart, "relationStart");
        ValidationException.required(relationEnd, "relationEnd");
        ValidationException.required(birthday, "birthday");
        ValidationException.required(preferredChannel, "preferredChannel");
        position = ValidationException.required(position, "position").flatMap(p -> CleanText.optional("position", p, 150));
        notes = ValidationException.required(notes, "notes").flatMap(n -> CleanText.multiline("notes", n, 10_000));
        contacts = ContactRules.check(contacts);
        if (relationStart.isPresent() && relationEnd.isPresent() && relationEnd.get().isBefore(relationStart.get())) {
            throw new ValidationException("relationEnd", relationEnd.get(), "is before the relation start " + relationStart.get());
        }
    }

    public static ContactPerson create(ContactPersonId id, ClientId client, PersonName name) {
        return new ContactPerson(id, client, name, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), false, 0);
    }

    public ContactPerson rename(PersonName newName) {
        return with(f -> f.name = newName);
    }

    public ContactPerson withPosition(String newPosition) {
        return with(f -> f.position = Optional.ofNullable(newPosition));
    }

    public ContactPerson assignResponsible(EmployeeId employee) {
        return with(f -> f.responsible = Optional.ofNullable(employee));
    }

    public ContactPerson relationSince(LocalDate start) {
        return with(f -> f.relationStart = Optional.ofNullable(start));
    }

    public ContactPerson endRelation(LocalDate end) {
        return with(f -> f.relationEnd = Optional.ofNullable(end));
    }

    public ContactPerson withContacts(List<ContactEntry> newContacts) {
        return with(f -> f.contacts = newContacts);
    }

    public ContactPerson addContact(ContactEntry entry) {
        return withContacts(ContactRules.add(contacts, entry));
    }

    public ContactPerson removeContact(ContactEntry entry) {
        return withContacts(ContactRules.remove(contacts, entry, "contact person " + name.full()));
    }

    public ContactPerson bornOn(LocalDate date) {
        return with(f -> f.birthday = Optional.ofNullable(date));
    }

    public ContactPerson changeNotes(String newNotes) {
        return with(f -> f.notes = Optional.ofNullable(newNotes));
    }

    /** Notes how the person prefers to be reached; {@code null} clears it. */
    public ContactPerson prefer(PreferredChannel channel) {
        return with(f -> f.preferredChannel = Optional.ofNullable(channel));
    }

    /**
     * Marks whether mailings to the client's contact persons go to this person. A mailing to
     * contact persons reaches the marked ones; a client with none marked is reached through its
     * first person in {@link #BY_NAME} order.
     */
    public ContactPerson receiveMailings(boolean receives) {
        return with(f -> f.receivesMailings = receives);
    }

    public ContactPerson withVersion(long storedVersion) {
        return with(f -> f.version = storedVersion);
    }

    /** The person's content as field → text, for the audit journal. */
    public Map<String, String> auditView() {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("surname", name.surname());
        view.put("firstName", name.firstName().orElse(null));
        view.put("patronymic", name.patronymic().orElse(null));
        view.put("position", position.orElse(null));
        view.put("responsible", responsible.map(EmployeeId::value).orElse(null));
        view.put("relationStart", relationStart.map(LocalDate::toString).orElse(null));
        view.put("relationEnd", relationEnd.map(LocalDate::toString).orElse(null));
        view.put("contacts", contacts.isEmpty() ? null : contacts.stream()
                .map(c -> c.type() + "=" + c.value() + c.label().map(l -> " (" + l + ")").orElse("") + (c.primary() ? " *" : ""))
                .collect(Collectors.joining("; ")));
        view.put("birthday", birthday.map(LocalDate::toString).orElse(null));
        view.put("notes", notes.orElse(null));
        view.put("preferredChannel", preferredChannel.map(PreferredChannel::name).orElse(null));
        view.put("receivesMailings", receivesMailings ? "true" : null);
        return view;
    }

    /** A copy with some fields changed by {@code change}, checked as a new person is. */
    private ContactPerson with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new ContactPerson(f.id, f.client, f.name, f.position, f.responsible, f.relationStart, f.relationEnd, f.contacts,
                f.birthday, f.notes, f.preferredChannel, f.receivesMailings, f.version);
    }

    /** The fields of a person while a verb changes them. */
    private static final class Fields {
        ContactPersonId id;
        ClientId client;
        PersonName name;
        Optional<String> position;
        Optional<EmployeeId> responsible;
        Optional<LocalDate> relationStart;
        Optional<LocalDate> relationEnd;
        List<ContactEntry> contacts;
        Optional<LocalDate> birthday;
        Optional<String> notes;
        Optional<PreferredChannel> preferredChannel;
        boolean receivesMailings;
        long version;

        Fields(ContactPerson p) {
            id = p.id;
            client = p.client;
            name = p.name;
            position = p.position;
            responsible = p.responsible;
            relationStart = p.relationStart;
            relationEnd = p.relationEnd;
            contacts = p.contacts;
            birthday = p.birthday;
            notes = p.notes;
            preferredChannel = p.preferredChannel;
            receivesMailings = p.receivesMailings;
            version = p.version;
        }
    }
}
