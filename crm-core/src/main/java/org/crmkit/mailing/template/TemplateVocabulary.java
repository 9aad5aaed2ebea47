package org.crmkit.mailing.template;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.common.ValidationException;
import org.crmkit.property.PropertyKey;

/**
 * The variables a template may use: a fixed set about the client, the contact person, the
 * recipient and the sender, plus {@code client.properties.<key>} for each of the tenant's property
 * keys the vocabulary was made with. A name outside it is refused when a template is built.
 *
 * <ul>
 *   <li>{@code client.shortName}, {@code client.fullName}, {@code client.code};</li>
 *   <li>{@code person.surname}, {@code person.firstName}, {@code person.patronymic},
 *       {@code person.fullName}, {@code person.position} (empty when the message goes to the client
 *       itself);</li>
 *   <li>{@code recipient.name} (the person's full name, else the client's short name);</li>
 *   <li>{@code sender.name} (the sending employee's name);</li>
 *   <li>{@code client.properties.<key>} (the value as people read it).</li>
 * </ul>
 * The objects {@code client}, {@code person}, {@code sender} and {@code client.properties} may also
 * open a section ({@code {{#person}}…{{/person}}}, {@code {{^person}}…{{/person}}}).
 */
public record TemplateVocabulary(Set<PropertyKey> properties) {
    /** The fixed variables, in the order they are listed to a user. */
    public static final List<String> FIXED = List.of("client.shortName", "client.fullName", "client.code",
            "person.surname", "person.firstName", "person.patronymic", "person.fullName", "person.position",
            "recipient.name", "sender.name");
    private static final Set<String> OBJECTS = Set.of("client", "person", "recipient", "sender", "client.properties");
    static final String PROPERTY_PREFIX = "client.properties.";

    public TemplateVocabulary {
        properties = Set.copyOf(new TreeSet<>(ValidationException.requiredElements(properties, "properties")));
    }

    /** The fixed variables only (no properties). */
    public static TemplateVocabulary standard() {
        return new TemplateVocabulary(Set.of());
    }

    /** The fixed variables and the given property keys. */
    public static TemplateVocabulary withProperties(Collection<PropertyKey> keys) {
        return new TemplateVocabulary(Set.copyOf(ValidationException.requiredElements(keys, "keys")));
    }

    /** Whether {@code name} is a variable a template may print. */
    public boolean knows(String name) {
        ValidationException.required(name, "name");
        if (FIXED.contains(name)) {
            return true;
        }
        if (name.startsWith(PROPERTY_PREFIX)) {
            String key = name.substring(PROPERTY_PREFIX.length());
            return properties.stream().anyMatch(k -> k.value().equals(key));
        }
        return false;
    }

    /** Whether {@code name} may open a section: a variable, or one of the objects that hold them. */
    public boolean knowsSection(String name) {
        ValidationException.required(name, "name");
        return knows(name) || OBJECTS.contains(name);
    }

    /** Every variable name, for a user choosing one: the fixed ones, then the properties by key. */
    public List<String> names() {
        Set<String> names = new LinkedHashSet<>(FIXED);
        properties.stream().sorted().forEach(k -> names.add(PROPERTY_PREFIX + k.value()));
        return List.copyOf(names);
    }
}
