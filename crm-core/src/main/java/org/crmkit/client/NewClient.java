package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientKind;
import org.crmkit.common.EmployeeId;
import org.crmkit.property.PropertyValue;

/**
 * What a host knows about a client it is about to register, as raw input: contact values and tax
 * codes as typed by a user. {@link Clients#register} checks all of it at once and stores nothing
 * if anything is wrong; the error names the field ({@code contacts[1].value}, {@code inn}, …).
 *
 * <p>{@code null}: the short name, a contact's channel and value, a property's key and value and
 * a choice's labels are required, and {@code null} for them fails at once with a
 * {@link ValidationException} naming the field. For an optional field ({@code fullName},
 * {@code code}, {@code group}, {@code relationship}, {@code manager}, {@code registeredOn},
 * {@code location}, the tax codes, {@code notes}, a contact's label) {@code null} means "not given",
 * as if the method had not been called, so a host can copy nullable columns straight in.
 */
public final class NewClient {
    final ClientKind kind;
    final String shortName;
    String fullName;
    String code;
    ClientGroupId group;
    RelationshipTypeId relationship;
    EmployeeId manager;
    LocalDate registeredOn;
    String region;
    String city;
    String industry;
    String inn;
    String kpp;
    String ogrn;
    String okpo;
    String notes;
    final List<ContactInput> contacts = new ArrayList<>();
    final Map<String, PropertyInput> properties = new LinkedHashMap<>();
    final List<PersonInput> persons = new ArrayList<>();

    /** A contact as typed: channel, raw value, optional label, primary mark. */
    record ContactInput(ContactType type, String value, String label, boolean primary) {
    }

    /** A property value, either typed or as labels of value-list entries. */
    record PropertyInput(PropertyValue value, List<String> choiceLabels) {
    }

    /** A contact person to add with the client. */
    record PersonInput(PersonName name, UnaryOperator<ContactPerson> details) {
    }

    private NewClient(ClientKind kind, String shortName) {
        this.kind = ValidationException.required(kind, "kind");
        this.shortName = ValidationException.required(shortName, "shortName");
    }

    public static NewClient of(ClientKind kind, String shortName) {
        return new NewClient(kind, shortName);
    }

    public static NewClient legalEntity(String shortName) {
        return new NewClient(ClientKind.LEGAL_ENTITY, shortName);
    }

    public static NewClient soleProprietor(String shortName) {
        return new NewClient(ClientKind.SOLE_PROPRIETOR, shortName);
    }

    public static NewClient individual(String shortName) {
        return new NewClient(ClientKind.INDIVIDUAL, shortName);
    }

    public NewClient fullName(String value) {
        this.fullName = value;
        return this;
    }

    /** A code taken over from another system; without it the next number is given. */
    public NewClient code(String value) {
        this.code = value;
        return this;
    }

    public NewClient group(ClientGroupId value) {
        this.group = value;
        return this;
    }

    public NewClient relationship(RelationshipTypeId value) {
        this.relationship = value;
        return this;
    }

    /** The main manager; without it an acting employee becomes the manager. */
    public NewClient manager(EmployeeId value) {
        this.manager = value;
        return this;
    }

    /** The registration date; today by the Crm's clock when not given. */
    public NewClient registeredOn(LocalDate value) {
        this.registeredOn = value;
        return this;
    }

    public NewClient location(String regionValue, String cityValue, String industryValue) {
        this.region = regionValue;
        this.city = cityValue;
        this.industry = industryValue;
        return this;
    }

    public NewClient inn(String value) {
        this.inn = value;
        return this;
    }

    public NewClient kpp(String value) {
        this.kpp = value;
        return this;
    }

    public NewClient ogrn(String value) {
        this.ogrn = value;
        return this;
    }

    public NewClient okpo(String value) {
        this.okpo = value;
        return this;
    }

    public NewClient notes(String value) {
        this.notes = value;
        return this;
    }

    public NewClient contact(ContactType type, String value) {
        return contact(type, value, null, false);
    }

    /** A contact with a label ({@code null}: none) and the primary mark. */
    public NewClient contact(ContactType type, String value, String label, boolean primary) {
        String field = "contacts[" + contacts.size() + "]";
        ValidationException.required(type, field + ".type");
        ValidationException.required(value, field + ".value");
        contacts.add(new ContactInput(type, value, label, primary));
        return this;
    }

    public NewClient property(String key, PropertyValue value) {
        ValidationException.required(key, "properties");
        ValidationException.required(value, "properties." + key);
        properties.put(key, new PropertyInput(value, List.of()));
        return this;
    }

    /**
     * A contact person registered together with the client, in the same unit of work;
     * {@code details} fills in the rest with the person's verbs.
     */
    public NewClient contactPerson(PersonName name, UnaryOperator<ContactPerson> details) {
        String field = "persons[" + persons.size() + "]";
        persons.add(new PersonInput(ValidationException.required(name, field + ".name"), ValidationException.required(details, field + ".details")));
        return this;
    }

    /** A choice or multi-choice property given by the labels of its value-list entries. */
    public NewClient choice(String key, String... labels) {
        ValidationException.required(key, "properties");
        properties.put(key, new PropertyInput(null, ValidationException.requiredElements("properties." + key, labels)));
        return this;
    }
}
