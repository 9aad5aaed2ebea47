package org.crmkit.mailing.template;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.crmkit.client.Client;
import org.crmkit.client.ContactPerson;
import org.crmkit.common.ValidationException;
import org.crmkit.employee.Employee;

/**
 * Whom a message is for and from: the client, the contact person it is addressed to (none when it
 * goes to the client itself; then it must be one of that client's) and the sending employee.
 * {@link #scope()} turns it into the values of {@link TemplateVocabulary}'s variables; an absent
 * value is missing from the scope (it prints nothing and its section is skipped).
 */
public record Personalisation(Client client, Optional<ContactPerson> person, Optional<Employee> sender) {
    public Personalisation {
        ValidationException.required(client, "client");
        ValidationException.required(person, "person");
        ValidationException.required(sender, "sender");
        if (person.isPresent() && !person.get().client().equals(client.id())) {
            throw new ValidationException("person", person.get().id(), "is not a contact person of client " + client.code());
        }
    }

    public static Personalisation of(Client client, Optional<ContactPerson> person, Optional<Employee> sender) {
        return new Personalisation(client, person, sender);
    }

    /** The name a recipient is called by: the person's full name, else the client's short name. */
    public String recipientName() {
        return person.map(p -> p.name().full()).orElse(client.shortName());
    }

    /** The values of the variables, as nested maps ({@code client → shortName → …}). */
    Map<String, Object> scope() {
        Map<String, Object> scope = new HashMap<>();
        Map<String, Object> c = new HashMap<>();
        c.put("shortName", client.shortName());
        client.fullName().ifPresent(n -> c.put("fullName", n));
        c.put("code", client.code().value());
        Map<String, Object> properties = new HashMap<>();
        client.properties().forEach((key, value) -> properties.put(key.value(), value.display()));
        if (!properties.isEmpty()) {
            c.put("properties", properties);
        }
        scope.put("client", c);
        person.ifPresent(p -> {
            Map<String, Object> m = new HashMap<>();
            m.put("surname", p.name().surname());
            p.name().firstName().ifPresent(n -> m.put("firstName", n));
            p.name().patronymic().ifPresent(n -> m.put("patronymic", n));
            m.put("fullName", p.name().full());
            p.position().ifPresent(n -> m.put("position", n));
            scope.put("person", m);
        });
        sender.ifPresent(s -> scope.put("sender", Map.of("name", s.name())));
        scope.put("recipient", Map.of("name", recipientName()));
        return scope;
    }
}
