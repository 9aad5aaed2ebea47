package org.crmkit.client;

import java.util.Comparator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code changeNotes}.
 */
public record ContactPerson(ContactPersonId id, ClientId client, PersonName name, Optional<String> position,
                            Optional<EmployeeId> responsible, Optional<LocalDate> relationStart,
                            Optional<LocalDate> relationEnd, List<ContactEntry> contacts,
                            Optional<LocalDate> birthday, Optional<String> notes, long version) {
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
        position = ValidationException.required(position, "position").flatMap(p -> CleanText.optional("position", p, 150));
        notes = ValidationException.required(notes, "notes").flatMap(n -> CleanText.multiline("notes", n, 10_000));
        contacts = ContactRules.check(contacts);
        if (relationStart.isPresent() && relationEnd.isPresent() && relationEnd.get().isBefore(relationStart.get())) {
            throw new ValidationException("relationEnd", relationEnd.get(), "is before the relation start " + relationStart.get());
        }
    }

    public static ContactPerson create(ContactPersonId id, ClientId client, PersonName name) {
        return new ContactPerson(id, client, name, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), 0);
    }

    public ContactPerson rename(PersonName newName) {
        return new ContactPerson(id, client, newName, position, responsible, relationStart, relationEnd, contacts, birthday, notes, version);
    }

    public ContactPerson withPosition(String newPosition) {
        return new ContactPerson(id, client, name, Optional.ofNullable(newPosition), responsible, relationStart, relationEnd, contacts, birthday, notes, version);
    }

    public ContactPerson assignResponsible(EmployeeId employee) {
        return new ContactPerson(id, client, name, position, Optional.ofNullable(employee), relationStart, relationEnd, contacts, birthday, notes, version);
    }

    public ContactPerson relationSince(LocalDate start) {
        return new ContactPerson(id, client, name, position, responsible, Optional.ofNullable(start), relationEnd, contacts, birthday, notes, version);
    }

    public ContactPerson endRelation(LocalDate end) {
        return new ContactPerson(id, client, name, position, responsible, relationStart, Optional.ofNullable(end), contacts, birthday, notes, version);
    }

    public ContactPerson withContacts(List<ContactEntry> newContacts) {
        return new ContactPerson(id, client, name, position, responsible, relationStart, relationEnd, newContacts, birthday, notes, version);
    }

    public ContactPerson addContact(ContactEntry entry) {
        return withContacts(ContactRules.add(contacts, entry));
    }

    public ContactPerson removeContact(ContactEntry entry) {
        return withContacts(ContactRules.remove(contacts, entry, "contact person " + name.full()));
    }

    public ContactPerson bornOn(LocalDate date) {
        return new ContactPerson(id, client, name, position, responsible, relationStart, relationEnd, contacts, Optional.ofNullable(date), notes, version);
    }

    public ContactPerson changeNotes(String newNotes) {
        return new ContactPerson(id, client, name, position, responsible, relationStart, relationEnd, contacts, birthday, Optional.ofNullable(newNotes), version);
    }

    public ContactPerson withVersion(long storedVersion) {
        return new ContactPerson(id, client, name, position, responsible, relationStart, relationEnd, contacts, birthday, notes, storedVersion);
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
        return view;
    }
}
